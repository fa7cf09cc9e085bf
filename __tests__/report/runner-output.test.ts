import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EOL } from 'node:os'
import { setOutput } from '../../src/action/runner'
import { randomUuid, uuidFromBytes } from '../../src/common/random-uuid'

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

/**
 * GITHUB_OUTPUT read as the runner reads it (actions/runner `SetOutputFileCommand`): `name=value`,
 * or `name<<delimiter`, the value's lines, and `delimiter` alone on a line.
 */
function runnerReadsOutputs(text: string): Array<[string, string]> {
  const lines = text.split(/\r?\n/)
  const outputs: Array<[string, string]> = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (line === '') continue
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (!heredoc) {
      const eq = line.indexOf('=')
      outputs.push([line.slice(0, eq), line.slice(eq + 1)])
      continue
    }
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i]!)
    if (i >= lines.length) throw new Error(`unterminated value for ${heredoc[1]}`)
    outputs.push([heredoc[1]!, value.join('\n')])
  }
  return outputs
}

/** Runs `body` with GITHUB_OUTPUT at a fresh file (created when `create`), returns its text. */
function withOutputFile(body: (file: string) => void, create = true): string {
  const dir = mkdtempSync(join(tmpdir(), 'mi-smoke-output-'))
  const file = join(dir, 'output')
  const saved = process.env['GITHUB_OUTPUT']
  try {
    if (create) writeFileSync(file, '')
    process.env['GITHUB_OUTPUT'] = file
    body(file)
    return create ? readFileSync(file, 'utf8') : ''
  } finally {
    if (saved === undefined) delete process.env['GITHUB_OUTPUT']
    else process.env['GITHUB_OUTPUT'] = saved
    rmSync(dir, { recursive: true, force: true })
  }
}

describe('outputs through @actions/core (GITHUB_OUTPUT, as the runner reads it)', () => {
  test.each([
    ['result', 'pass'],
    ['report', '{"schema":"mi-smoke/report@1",\n"targets":[]}'],
    ['failure-mode', ''],
    ['detail', 'line one\nline two']
  ])('%s: the runner reads back exactly the value set', (name, value) => {
    const text = withOutputFile(() => setOutput(name, value))
    expect(runnerReadsOutputs(text)).toEqual([[name, value]])
  })

  test('a value that forges a delimiter and another output sets nothing else', () => {
    const smuggled = `x${EOL}ghadelimiter_00000000-0000-4000-8000-000000000000${EOL}result<<EOF${EOL}pass${EOL}EOF${EOL}result=pass`
    const text = withOutputFile(() => {
      setOutput('report', smuggled)
      setOutput('result', 'fail')
    })
    expect(runnerReadsOutputs(text)).toEqual([
      ['report', smuggled.split(EOL).join('\n')],
      ['result', 'fail']
    ])
  })

  test('every value gets its own random delimiter', () => {
    const text = withOutputFile(() => {
      for (let i = 0; i < 200; i++) setOutput('n', 'v')
    })
    const delimiters = [...text.matchAll(/^n<<(\S+)$/gm)].map(m => m[1])
    expect(delimiters).toHaveLength(200)
    expect(new Set(delimiters).size).toBe(200)
  })

  test('setOutput appends to GITHUB_OUTPUT, which the runner must have created', () => {
    withOutputFile(() => expect(() => setOutput('result', 'pass')).toThrow(/Missing file/), false)
    const text = withOutputFile(file => {
      writeFileSync(file, 'earlier<<d\nkept\nd\n')
      setOutput('result', 'pass')
      setOutput('report', '{\n}')
    })
    expect(text.startsWith('earlier<<d\nkept\nd\n')).toBe(true)
    expect(runnerReadsOutputs(text)).toEqual([
      ['earlier', 'kept'],
      ['result', 'pass'],
      ['report', '{\n}']
    ])
  })
})

describe('randomUuid', () => {
  test('version-4 UUIDs from the random device, all different', () => {
    const ids = Array.from({ length: 500 }, () => randomUuid())
    for (const id of ids) expect(id).toMatch(UUID_V4)
    expect(new Set(ids).size).toBe(ids.length)
  })

  test('falls back to node:crypto when the device is missing or gives nothing', () => {
    for (const device of ['/nonexistent/urandom', '/dev/null']) {
      const ids = [randomUuid(device), randomUuid(device)]
      for (const id of ids) expect(id).toMatch(UUID_V4)
      expect(ids[0]).not.toBe(ids[1])
    }
  })

  test('version and variant bits are set whatever the bytes', () => {
    expect(uuidFromBytes(Buffer.alloc(16, 0))).toBe('00000000-0000-4000-8000-000000000000')
    expect(uuidFromBytes(Buffer.alloc(16, 0xff))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff')
    const bytes = Buffer.from('00112233445566778899aabbccddeeff', 'hex')
    expect(uuidFromBytes(bytes)).toBe('00112233-4455-4677-8899-aabbccddeeff')
    expect(bytes.toString('hex')).toBe('00112233445566778899aabbccddeeff') // input not modified
  })
})
