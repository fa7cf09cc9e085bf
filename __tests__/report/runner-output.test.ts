import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EOL } from 'node:os'
import { prepareKeyValueMessage } from '@actions/core/lib/file-command'
import { keyValueMessage, setOutput } from '../../src/action/runner'
import { randomUuid, uuidFromBytes } from '../../src/common/random-uuid'

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('GITHUB_OUTPUT writer (core format, delimiter without node:crypto)', () => {
  test.each([
    ['result', 'pass'],
    ['report', '{"schema":"mi-smoke/report@1",\n"targets":[]}'],
    ['failure-mode', ''],
    ['detail', 'line one\r\nline two\n']
  ])('%s: byte for byte what @actions/core writes with the same delimiter', (name, value) => {
    const core = prepareKeyValueMessage(name, value)
    const id = /^[^<]*<<ghadelimiter_([0-9a-f-]{36})/.exec(core)?.[1]
    expect(id).toMatch(UUID_V4)
    expect(keyValueMessage(name, value, id)).toBe(core)
  })

  test('a value or name that holds the delimiter is refused (it would set other outputs)', () => {
    const id = '00000000-0000-4000-8000-000000000000'
    const smuggled = `x${EOL}ghadelimiter_${id}${EOL}result<<EOF${EOL}pass`
    expect(() => keyValueMessage('report', smuggled, id)).toThrow(/contains the delimiter/)
    expect(() => keyValueMessage(`a ghadelimiter_${id}`, 'v', id)).toThrow(/contains the delimiter/)
  })

  test('every message gets its own delimiter', () => {
    const delimiters = new Set(
      Array.from({ length: 200 }, () => /<<(\S+)/.exec(keyValueMessage('n', 'v'))?.[1])
    )
    expect(delimiters.size).toBe(200)
  })

  test('setOutput appends to GITHUB_OUTPUT, which the runner must have created', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mi-smoke-output-'))
    const file = join(dir, 'output')
    const saved = process.env['GITHUB_OUTPUT']
    try {
      process.env['GITHUB_OUTPUT'] = file
      expect(() => setOutput('result', 'pass')).toThrow(/Missing file at path/)
      writeFileSync(file, 'earlier<<d\nkept\nd\n')
      setOutput('result', 'pass')
      setOutput('report', '{\n}')
      const text = readFileSync(file, 'utf8')
      expect(text.startsWith('earlier<<d\nkept\nd\n')).toBe(true)
      const parsed = [...text.matchAll(/^([\w-]+)<<(\S+)\r?\n([\s\S]*?)\r?\n\2\r?$/gm)].map(m => [
        m[1],
        m[3]
      ])
      expect(parsed).toEqual([
        ['earlier', 'kept'],
        ['result', 'pass'],
        ['report', '{\n}']
      ])
    } finally {
      if (saved === undefined) delete process.env['GITHUB_OUTPUT']
      else process.env['GITHUB_OUTPUT'] = saved
    }
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
