/**
 * Finds each shard's report under the merge's directory, laid out as the reusable workflow leaves
 * it: each shard's artifact holds one directory `shard-<n>` with the one report file (`*.json`)
 * its action wrote, and the download step extracts every artifact into the merge's directory. (A
 * directory whose name ends in `-shard-<n>` counts too, so one artifact per sub-directory works.) Whatever is
 * missing, doubled, too large or invalid is recorded as the shard's problem, never thrown: the
 * merge turns it into failed targets.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { ShardReport } from './merge-reports'
import type { Shard } from './split-targets'
import { InvalidReport, parseReport } from './validate-report'

/** Far above a shard's report (about 3 KB a target), far below what would exhaust the runner. */
export const MAX_REPORT_BYTES = 64 * 1024 * 1024

const SHARD_DIRECTORY = /(?:^|[-_.])shard-(\d{1,4})$/

export function readShardReports(dir: string, plan: Shard[]): Map<number, ShardReport> {
  const found = new Map<number, ShardReport>()
  let names: string[]
  try {
    names = readdirSync(dir, { withFileTypes: true })
      .filter(entry => entry.isDirectory())
      .map(entry => entry.name)
      .sort()
  } catch (error) {
    // Nothing downloaded (no shard uploaded a report): the download step leaves no directory.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') names = []
    else {
      const problem = `the directory of downloaded reports cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`
      for (const shard of plan) found.set(shard.index, { ok: false, problem })
      return found
    }
  }
  const byShard = new Map<number, string[]>()
  for (const name of names) {
    const index = Number(SHARD_DIRECTORY.exec(name)?.[1] ?? NaN)
    if (Number.isInteger(index)) byShard.set(index, [...(byShard.get(index) ?? []), name])
  }
  for (const shard of plan) {
    const dirs = byShard.get(shard.index) ?? []
    if (dirs.length === 0) {
      found.set(shard.index, { ok: false, problem: 'no report was downloaded for it' })
    } else if (dirs.length > 1) {
      found.set(shard.index, {
        ok: false,
        problem: `${dirs.length} artifacts claim it (${dirs.join(', ')})`
      })
    } else {
      found.set(shard.index, readOneSafely(join(dir, dirs[0]!), dirs[0]!))
    }
  }
  return found
}

function readOneSafely(dir: string, name: string): ShardReport {
  try {
    return readOne(dir, name)
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message
    return { ok: false, problem: `its artifact ${name} cannot be read (${reason})` }
  }
}

function readOne(dir: string, name: string): ShardReport {
  const files = readdirSync(dir).filter(file => file.endsWith('.json'))
  if (files.length !== 1) {
    return {
      ok: false,
      problem: `its artifact ${name} holds ${files.length} report files instead of 1`
    }
  }
  const file = join(dir, files[0]!)
  const shown = `${name}/${files[0]!}`
  const size = statSync(file).size
  if (size > MAX_REPORT_BYTES) {
    return { ok: false, problem: `its report ${shown} is ${size} bytes, over ${MAX_REPORT_BYTES}` }
  }
  try {
    return { ok: true, report: parseReport(readFileSync(file, 'utf8')), file: shown }
  } catch (error) {
    if (!(error instanceof InvalidReport)) throw error
    return { ok: false, problem: `its report ${shown} is not valid: ${error.message}` }
  }
}
