/**
 * jest globalSetup: makes the one file that every suite skipped for a missing system tool appends to
 * (describeWithTools in system-tools.ts). Jest starts its workers after this, so they inherit
 * MI_SMOKE_SKIP_LOG from this process's environment. A caller's own MI_SMOKE_SKIP_LOG is kept.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export default async function skipLogSetup(): Promise<void> {
  if (process.env['MI_SMOKE_SKIP_LOG']) return
  const log = join(mkdtempSync(join(tmpdir(), 'mi-smoke-skips-')), 'skips.jsonl')
  writeFileSync(log, '')
  process.env['MI_SMOKE_SKIP_LOG'] = log
  process.env['MI_SMOKE_SKIP_LOG_OWNED'] = '1'
}
