/**
 * A `dispatch-failed` target report built without the diagnosis module: used only when diagnosis
 * itself threw, so that one target's bug becomes a reported failure instead of a crashed run.
 */
import type { TargetReport } from '../../contracts/report'

export function fallbackReport(
  target: string,
  detail: string,
  remediation: string,
  /** What went wrong in words (the report's `cause`). */
  cause = 'the probe could not be run'
): TargetReport {
  return {
    target,
    environment: 'unknown',
    result: 'fail',
    failedStep: 'dispatch',
    failureMode: 'dispatch-failed',
    durationMs: 0,
    steps: [
      {
        step: 'dispatch',
        status: 'fail',
        durationMs: 0,
        detail,
        failureMode: 'dispatch-failed',
        remediation,
        dispatchKind: 'other',
        cause
      }
    ]
  }
}
