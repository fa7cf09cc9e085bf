/**
 * The shards' reports → one report of schema `mi-smoke/v1`, as if one job had probed every target:
 * the targets of shard 1, then shard 2..., which is the order of `targets` (the shards are runs of
 * consecutive lines); `result` the worst verdict; `durationMs` the wall time, which for shards
 * running side by side is the longest shard's (the sum would count the same minutes several times).
 *
 * A shard that left no usable report (its job failed, timed out or was cancelled before the action
 * wrote one, its artifact is missing, or its file is not a valid report of its lines) is not a gap:
 * each of its target lines becomes a failed target (`dispatch` · `dispatch-failed`) saying which
 * shard and why, so `result`, the counts and `failed-targets` stay true and the gate fails.
 *
 * A shard's report is an artifact anyone with write access to the run could have replaced, and a
 * problem can quote a file name or a parse error: everything the merge returns (the report, the
 * made-up targets, the log notes) passes the one redactor, as a single run's report does.
 */
import type { Target } from '../../engine/inputs/action-inputs'
import { fallbackReport } from '../../engine/orchestrate/fallback-report'
import { buildReport } from '../../engine/report/build-report'
import type { Report, TargetReport } from '../../contracts/report'
import { worstVerdict } from '../../engine/report/verdict-order'
import { redactDeep, redactSecrets } from '../../common/redact'
import type { Shard } from './split-targets'

/** What was found for one shard: its report, or why there is none. */
export type ShardReport =
  { ok: true; report: Report; file: string } | { ok: false; problem: string }

export interface MergedReports {
  report: Report
  /** The targets made up for shards without a report (the shards' own jobs annotated the rest). */
  unreported: TargetReport[]
  /** One line per shard for the log. */
  notes: string[]
}

export function mergeShardReports(plan: Shard[], found: Map<number, ShardReport>): MergedReports {
  const targets: TargetReport[] = []
  const unreported: TargetReport[] = []
  const notes: string[] = []
  let wallMs = 0
  for (const shard of plan) {
    const name = `shard ${shard.index} of ${shard.of}`
    const entry = found.get(shard.index) ?? { ok: false, problem: 'no report was downloaded' }
    const problem = entry.ok ? mismatch(entry.report, shard) : entry.problem
    if (entry.ok && problem === undefined) {
      targets.push(...entry.report.targets)
      wallMs = Math.max(wallMs, entry.report.durationMs)
      notes.push(
        `${name}: ${entry.report.result}, ${entry.report.targets.length} target${entry.report.targets.length === 1 ? '' : 's'} in ${entry.report.durationMs} ms (${entry.file})`
      )
      continue
    }
    const missing = shard.targets.map(target => unreportedTarget(target, name, problem ?? ''))
    targets.push(...missing)
    unreported.push(...missing)
    notes.push(`${name}: no usable report: ${problem}`)
  }
  return {
    report: redactDeep(buildReport(targets, wallMs)),
    unreported: redactDeep(unreported),
    notes: notes.map(redactSecrets)
  }
}

function unreportedTarget(target: Target, shard: string, problem: string): TargetReport {
  return fallbackReport(
    target.line,
    `Not probed: ${shard} left no usable report (${problem}).`,
    `Open the job of ${shard} in this run: it failed, timed out or was cancelled before mi-smoke ` +
      'wrote its report, or the report was not uploaded. Re-run the failed jobs: the merge runs again with them.'
  )
}

/**
 * Why a valid report is not this shard's: every target must come from one of the shard's lines (a
 * whole scale set's instances are `vmss:<id>#<instance>`), every line must have a target, and its
 * verdict must be the worst of its targets'. Catches an artifact of another run or another caller.
 */
function mismatch(report: Report, shard: Shard): string | undefined {
  const covered = new Set<Target>()
  for (const reported of report.targets) {
    const line = shard.targets.find(target => comesFrom(reported.target, target))
    if (!line)
      return `its target ${JSON.stringify(reported.target)} is not one of the shard's lines`
    covered.add(line)
  }
  const left = shard.targets.find(target => !covered.has(target))
  if (left) return `it has no result for ${JSON.stringify(left.line)}`
  if (report.result !== worstVerdict(report.targets.map(t => t.result)))
    return `its result ${report.result} is not the worst of its targets'`
  return undefined
}

function comesFrom(reported: string, target: Target): boolean {
  if (reported === target.line) return true
  return (
    target.kind === 'vmss' &&
    target.instanceId === undefined &&
    reported.startsWith(`vmss:${target.resourceId}#`) &&
    /^\d+$/.test(reported.slice(`vmss:${target.resourceId}#`.length))
  )
}
