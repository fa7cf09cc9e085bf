/**
 * jest globalTeardown (it runs after jest's summary): prints ONE notice listing the suites skipped
 * for a missing system tool and the command that installs each tool, then removes the log that
 * skip-log-setup.ts made. Prints nothing when nothing was skipped.
 */
import { readFileSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { TOOL_INSTALL } from './system-tools'

interface Skip {
  suite: string
  missing: string[]
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
  return [
    `mi-smoke: ${skips.length} test suite(s) skipped, system tools not installed: ${tools.join(', ')}`,
    ...skips.map(skip => `  - ${skip.suite} (needs ${skip.missing.join(', ')})`),
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
}
