/**
 * `fail-on` decides a run's fate: `error` fails it on a `fail` verdict, `warning` on `warn` or
 * `fail`, `never` never (the report is still complete). One line names the target, the step and
 * the failure mode. Both front ends apply it: the action through `runner.setFailed` (exit 1), the
 * command line as its exit code 1.
 */
import type { FailOn } from '../inputs/action-inputs'
import { countWithVerdict, firstFailure } from './first-failure'
import type { Report } from '../../contracts/report'

export interface GateDecision {
  fails: boolean
  /** One line: why the run fails, or why it does not despite a non-pass verdict. */
  reason: string
}

export function decideGate(report: Report, failOn: FailOn): GateDecision {
  const fails =
    (failOn === 'error' && report.result === 'fail') ||
    (failOn === 'warning' && (report.result === 'fail' || report.result === 'warn'))
  return { fails, reason: describe(report, failOn, fails) }
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
