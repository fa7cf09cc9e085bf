/**
 * The question the `rbac-wait` loop asks (the loop and its bookkeeping are the orchestrator's):
 * is this report a role that may still be propagating.
 */
import type { StepReport, TargetReport } from '../../contracts/report'

function isDenied(step: StepReport | undefined): boolean {
  return (
    step !== undefined &&
    step.step === 'api' &&
    step.status === 'fail' &&
    step.failureMode === 'rbac-denied'
  )
}

/** True when some API call was refused for lack of a role: waiting for propagation may help. */
export function isRbacDenied(report: TargetReport): boolean {
  return report.steps.some(isDenied)
}
