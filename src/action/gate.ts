/**
 * `fail-on` decides the job's fate: `error` fails it on a `fail` verdict, `warning` on `warn` or
 * `fail`, `never` never (the report is still complete). A failing gate exits 1 through
 * `runner.setFailed` with one line naming the target, the step and the failure mode.
 */
import * as runner from './runner'
import type { FailOn } from '../engine/inputs/action-inputs'
import { countWithVerdict, firstFailure } from '../engine/report/first-failure'
import type { Report } from '../contracts/report'

export interface GateDecision {
  fails: boolean
  /** One line: why the job fails, or why it does not despite a non-pass verdict. */
  reason: string
}

export function decideGate(report: Report, failOn: FailOn): GateDecision {
  const fails =
    (failOn === 'error' && report.result === 'fail') ||
    (failOn === 'warning' && (report.result === 'fail' || report.result === 'warn'))
  return { fails, reason: describe(report, failOn, fails) }
}

export function applyGate(
  report: Report,
  failOn: FailOn,
  sink: { setFailed(message: string): void; info(message: string): void } = runner
): GateDecision {
  const decision = decideGate(report, failOn)
  if (decision.fails) sink.setFailed(decision.reason)
  else sink.info(decision.reason)
  return decision
}

function describe(report: Report, failOn: FailOn, fails: boolean): string {
  if (report.result === 'pass')
    return `mi-smoke: pass (${report.targets.length} of ${report.targets.length} targets)`
  const first = firstFailure(report)
  const where = first
    ? [first.target.target, first.step, first.failureMode].filter(Boolean).join(' · ')
    : 'no target was probed'
  const others = countWithVerdict(report) - 1
  const more = others > 0 ? ` (and ${others} more target${others === 1 ? '' : 's'})` : ''
  const verdict = `mi-smoke: ${report.result} — ${where}${more}`
  return fails ? verdict : `${verdict}; the job goes on because fail-on is '${failOn}'`
}
