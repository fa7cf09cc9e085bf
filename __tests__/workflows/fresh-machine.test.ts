/**
 * `npm test` on a fresh machine with only Node and npm: jest runs in a child whose PATH holds the
 * basic system programs and node but none of the optional tools (scripts/without-optional-tools.ts),
 * over a small subset (a suite that needs shellcheck, and one that needs nothing). It passes, the
 * shellcheck suite is skipped, and the run ends with one notice naming it and the command that
 * installs shellcheck. With MI_SMOKE_REQUIRE_TOOLS=1 (as .ci/run sets) the same run fails instead.
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { minimalBin } from '../../scripts/without-optional-tools'

const ROOT = join(__dirname, '..', '..')
const SUBSET = [
  '__tests__/dispatch/vm/shellcheck.test.ts',
  '__tests__/workflows/stands-alone.test.ts'
]

jest.setTimeout(120_000)

let fresh: ReturnType<typeof minimalBin>
beforeAll(() => {
  fresh = minimalBin()
})
afterAll(() => fresh.cleanup())

function jestWithoutTools(extra: Record<string, string>): { code: number | null; out: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: fresh.bin, HOME: fresh.home, ...extra }
  // The child keeps its own skip log: this run's own notice must not list the child's skips.
  delete env['MI_SMOKE_SKIP_LOG']
  delete env['MI_SMOKE_SKIP_LOG_OWNED']
  if (!('MI_SMOKE_REQUIRE_TOOLS' in extra)) delete env['MI_SMOKE_REQUIRE_TOOLS']
  const run = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), '--maxWorkers=1', '--ci', ...SUBSET],
    { cwd: ROOT, env, encoding: 'utf8' }
  )
  return { code: run.status, out: `${run.stdout}\n${run.stderr}` }
}

test('the PATH of a fresh machine has node and sh but no optional tool', () => {
  const which = (tool: string): number | null =>
    spawnSync('sh', ['-c', 'command -v "$1"', 'sh', tool], { env: { PATH: fresh.bin } }).status
  expect(which('node')).toBe(0)
  expect(which('sh')).toBe(0)
  for (const tool of ['shellcheck', 'busybox', 'dash', 'curl', 'wget', 'openssl', 'python3'])
    expect(which(tool)).not.toBe(0)
})

test('jest passes, skips the shellcheck suite and ends with one notice saying how to install it', () => {
  const run = jestWithoutTools({})
  // The shellcheck suite is skipped, the stands-alone one runs: some skipped, some passed, none failed.
  expect(run.out).toMatch(/Tests:\s+[1-9]\d* skipped, [1-9]\d* passed, \d+ total/)
  expect(run.code).toBe(0)
  const notices =
    run.out.match(/skipped \(counted in jest's "skipped" above\), system tools/g) ?? []
  expect(notices).toHaveLength(1)
  // The notice counts the skipped tests as jest does.
  const skipped = /Tests:\s+(\d+) skipped/.exec(run.out)?.[1]
  expect(run.out).toMatch(
    new RegExp(
      `${skipped} test\\(s\\) in 1 group\\(s\\) skipped \\(counted in jest's "skipped" above\\), system tools not installed: shellcheck\n`
    )
  )
  expect(run.out).toMatch(/ {2}- shellcheck: \d+ test\(s\) \(needs shellcheck\)/)
  expect(run.out).toMatch(/ {2}shellcheck: apt-get install shellcheck/)
})

test('with MI_SMOKE_REQUIRE_TOOLS=1 the missing tool fails the run instead', () => {
  const run = jestWithoutTools({ MI_SMOKE_REQUIRE_TOOLS: '1' })
  expect(run.code).not.toBe(0)
  expect(run.out).toMatch(
    /MI_SMOKE_REQUIRE_TOOLS=1 and missing: shellcheck: apt-get install shellcheck/
  )
  expect(run.out).not.toMatch(/group\(s\) skipped/)
})
