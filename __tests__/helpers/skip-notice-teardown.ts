/**
 * jest globalTeardown (it runs after jest's summary): prints ONE notice listing the suites skipped
 * for a missing system tool and the command that installs each tool, then removes the log that
 * skip-log-setup.ts made. Prints nothing when nothing was skipped. Then the run's temporary folder
 * (skip-log-setup.ts): what the suites left in it is named by prefix (the prefix names the suite
 * or helper that made it: clean it in that suite's afterAll), and the folder is removed, so the
 * machine's temp folder keeps nothing of the run.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { TOOL_INSTALL } from './system-tools'

interface Skip {
  suite: string
  missing: string[]
  /** The tests the group declares: jest counts each as skipped. */
  tests?: number
}

function readSkips(log: string): Skip[] {
  try {
    return readFileSync(log, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map(line => JSON.parse(line) as Skip)
  } catch {
    return []
  }
}

/** The notice's text, or '' when nothing was skipped. */
export function skipNotice(skips: Skip[]): string {
  if (skips.length === 0) return ''
  const tools = [...new Set(skips.flatMap(skip => skip.missing))].sort()
  const tests = skips.reduce((sum, skip) => sum + (skip.tests ?? 0), 0)
  return [
    `mi-smoke: ${tests} test(s) in ${skips.length} group(s) skipped (counted in jest's "skipped" above), system tools not installed: ${tools.join(', ')}`,
    ...skips.map(
      skip => `  - ${skip.suite}: ${skip.tests ?? 0} test(s) (needs ${skip.missing.join(', ')})`
    ),
    'Install them to run everything (CI does, and fails instead of skipping: MI_SMOKE_REQUIRE_TOOLS=1):',
    ...tools.map(tool => `  ${tool}: ${TOOL_INSTALL[tool] ?? 'install it'}`)
  ].join('\n')
}

export default async function skipNoticeTeardown(): Promise<void> {
  const log = process.env['MI_SMOKE_SKIP_LOG']
  if (!log) return
  const skips = readSkips(log)
  if (process.env['MI_SMOKE_SKIP_LOG_OWNED'] === '1') {
    rmSync(dirname(log), { recursive: true, force: true })
    delete process.env['MI_SMOKE_SKIP_LOG']
    delete process.env['MI_SMOKE_SKIP_LOG_OWNED']
  }
  const notice = skipNotice(skips)
  if (notice) process.stdout.write(`\n${notice}\n`)
  const runTemp = process.env['MI_SMOKE_TEST_TMP']
  if (runTemp) {
    const strayLog = process.env['MI_SMOKE_STRAY_LOG']
    const left = leftoverNotice(
      readdirSafe(runTemp).filter(
        entry => strayLog === undefined || !strayLog.endsWith(`/${entry}`)
      )
    )
    if (left) process.stdout.write(`\n${left}\n`)
    rmSync(runTemp, { recursive: true, force: true })
  }
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir)
  } catch {
    return []
  }
}

/** What the suites left in the run's temp folder, counted by prefix; '' when nothing. */
export function leftoverNotice(entries: string[]): string {
  if (entries.length === 0) return ''
  const byPrefix = new Map<string, number>()
  for (const entry of entries) {
    // mkdtemp adds six characters to the prefix.
    const prefix = entry.replace(/[A-Za-z0-9]{6}$/, '')
    byPrefix.set(prefix, (byPrefix.get(prefix) ?? 0) + 1)
  }
  return [
    `mi-smoke: the tests left ${entries.length} temporary file(s) or folder(s), removed with the run's temp folder:`,
    ...[...byPrefix].sort(([, a], [, b]) => b - a).map(([prefix, n]) => `  ${prefix}* ${n}`)
  ].join('\n')
}
