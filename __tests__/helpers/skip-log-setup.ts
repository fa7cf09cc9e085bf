/**
 * jest globalSetup: makes the one file that every suite skipped for a missing system tool appends to
 * (describeWithTools in system-tools.ts), and one temporary folder for the whole run: TMPDIR (TMP,
 * TEMP) points into it, so every `mkdtemp`, every action run's RUNNER_TEMP and every child process
 * makes its temporary files there, and skip-notice-teardown.ts names what the suites left behind
 * and removes it: a test run leaves nothing in the machine's temp folder. Jest starts its workers
 * after this, so they inherit these variables. A caller's own MI_SMOKE_SKIP_LOG is kept.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export default async function skipLogSetup(): Promise<void> {
  // Always a folder of this run's own: a jest started by a test (fresh-machine.test.ts) makes one
  // inside its parent's, and removes only its own.
  const runTemp = mkdtempSync(join(tmpdir(), 'mi-smoke-test-run-'))
  process.env['MI_SMOKE_TEST_TMP'] = runTemp
  for (const name of ['TMPDIR', 'TMP', 'TEMP']) process.env[name] = runTemp
  // stray-commands.ts records workflow commands written to a test process's stdout here.
  process.env['MI_SMOKE_STRAY_LOG'] = join(runTemp, 'stray-commands.jsonl')
  if (process.env['MI_SMOKE_SKIP_LOG']) return
  const log = join(mkdtempSync(join(tmpdir(), 'mi-smoke-skips-')), 'skips.jsonl')
  writeFileSync(log, '')
  process.env['MI_SMOKE_SKIP_LOG'] = log
  process.env['MI_SMOKE_SKIP_LOG_OWNED'] = '1'
}
