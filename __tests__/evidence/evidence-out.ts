/**
 * Collects what the evidence suites tried and observed. When MI_SMOKE_EVIDENCE_OUT names a file,
 * each suite merges its section into that JSON (scripts/evidence-report.ts renders it into
 * docs/reliability.md). Suites run in parallel jest workers, so the merge holds a lock directory.
 */
import { mkdirSync, readFileSync, renameSync, rmdirSync, writeFileSync, existsSync } from 'node:fs'

export const EVIDENCE_OUT_ENV = 'MI_SMOKE_EVIDENCE_OUT'

export interface EvidenceFile {
  schema: 'mi-smoke-evidence/1'
  node: string
  platform: string
  actionEntry: string
  sections: Record<string, unknown>
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

/** Merges `data` as `sections[section]` into the evidence file; a no-op without the env var. */
export function recordEvidence(section: string, data: unknown, actionEntry = ''): void {
  const out = process.env[EVIDENCE_OUT_ENV]
  if (!out) return
  const lock = `${out}.lock`
  const deadline = Date.now() + 30_000
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch {
      // Another worker is merging; a lock older than the deadline is a crashed worker's.
      if (Date.now() > deadline) break
      sleepSync(50)
    }
  }
  try {
    const current: EvidenceFile = existsSync(out)
      ? (JSON.parse(readFileSync(out, 'utf8')) as EvidenceFile)
      : {
          schema: 'mi-smoke-evidence/1',
          node: process.version,
          platform: `${process.platform}/${process.arch}`,
          actionEntry,
          sections: {}
        }
    current.sections[section] = data
    if (actionEntry) current.actionEntry = actionEntry
    writeFileSync(`${out}.tmp`, JSON.stringify(current, null, 2))
    renameSync(`${out}.tmp`, out)
  } finally {
    try {
      rmdirSync(lock)
    } catch {
      // already gone
    }
  }
}
