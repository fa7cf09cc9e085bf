/**
 * The rules the code keeps are kept by tools, and the tools are shown to fail: eslint refuses an
 * import across a layout boundary (eslint.config.mjs, scripts/lint/import-boundaries.mjs), and the
 * unused-export check (scripts/unused-exports.ts, run by .ci/run) fails on an export used nowhere.
 */
import { spawnSync } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const root = join(__dirname, '..', '..')
const tsx = join(root, 'node_modules', '.bin', 'tsx')
const eslint = join(root, 'node_modules', '.bin', 'eslint')

/**
 * The boundary errors eslint reports for a file with this source at this path. eslint runs as
 * `npm run lint` does, in a process of its own (its flat config is an ES module, which jest's
 * module system does not load).
 */
function lintMessages(relativePath: string, source: string): string[] {
  const file = join(root, relativePath)
  writeFileSync(file, source)
  try {
    const run = spawnSync(eslint, ['--format', 'json', file], { cwd: root, encoding: 'utf8' })
    const [result] = JSON.parse(run.stdout) as Array<{
      messages: Array<{ ruleId: string | null; message: string }>
    }>
    return (result?.messages ?? [])
      .filter(m => m.ruleId === 'mi-smoke/import-boundaries')
      .map(m => m.message)
  } finally {
    rmSync(file, { force: true })
  }
}

describe('import boundaries (eslint)', () => {
  const name = `boundary-probe-${process.pid}.ts`

  test('diagnosis importing dispatch is a lint error', () => {
    const messages = lintMessages(
      `src/engine/diagnosis/${name}`,
      "/** A file that crosses a boundary. */\nimport { localWorkload } from '../dispatch/local'\n\nexport const crossed = localWorkload\n"
    )
    expect(messages).toEqual([
      expect.stringContaining('src/engine/diagnosis must not import from src/engine/dispatch')
    ])
  })

  test('the engine importing the action or @actions/core is a lint error', () => {
    const messages = lintMessages(
      `src/engine/${name}`,
      "/** A file that crosses two boundaries. */\nimport { info } from '@actions/core'\nimport { decideGate } from '../action/gate'\n\nexport const crossed = [info, decideGate]\n"
    )
    expect(messages).toEqual([
      expect.stringContaining('src/engine must not import @actions/core'),
      expect.stringContaining('src/engine must not import from src/action')
    ])
  })

  test('the smoke endpoint importing the engine is a lint error; the node probe is allowed', () => {
    const messages = lintMessages(
      `packages/smoke-endpoint/src/${name}`,
      "/** A file that crosses a boundary. */\nimport { runProbe } from '../../../src/node-probe/run-probe'\nimport { validateObservations } from '../../../src/engine/observations-validator'\n\nexport const crossed = [runProbe, validateObservations]\n"
    )
    expect(messages).toEqual([
      expect.stringMatching(
        /^packages\/smoke-endpoint\/src may import only from .* \(not src\/engine\/observations-validator\)/
      )
    ])
  })

  test('an import within the rules is clean', () => {
    const messages = lintMessages(
      `src/engine/diagnosis/${name}`,
      "/** A file within the rules. */\nimport { REDACTED } from '../../common/redact'\n\nexport const kept = REDACTED\n"
    )
    expect(messages).toEqual([])
  })
})

describe('unused exports (scripts/unused-exports.ts)', () => {
  test('fails on a fixture tree with an export used nowhere, naming only that export', () => {
    const fixture = join(__dirname, '..', 'fixtures', 'unused-exports')
    const run = spawnSync(tsx, [join(root, 'scripts', 'unused-exports.ts'), '--root', fixture], {
      encoding: 'utf8'
    })
    expect(run.status).toBe(1)
    const reported = run.stderr.split('\n').filter(line => line.includes('imported nowhere'))
    expect(reported).toEqual(['src/greeting.ts:17: farewell is exported and imported nowhere'])
  })
})
