/**
 * The failure the outputs `failed-step` / `failure-mode` and the gate's message name: the first
 * target (in the order of `targets`) whose verdict is the run's verdict, and its first step with
 * that status. On a `warn` run that is the first warning, so the mode always matches `result`.
 */
import type {
  FailureMode,
  Report,
  StepName,
  StepReport,
  TargetReport
} from '../../contracts/report'

export interface FirstFailure {
  target: TargetReport
  step?: StepName
  failureMode?: FailureMode
  /** The step itself, when one carries the failure. */
  stepReport?: StepReport
}

export function firstFailure(report: Report): FirstFailure | undefined {
  if (report.result === 'pass') return undefined
  const target = report.targets.find(t => t.result === report.result)
  if (!target) return undefined
  const stepReport =
    target.steps.find(
      s => s.status === report.result && (!target.failedStep || s.step === target.failedStep)
    ) ?? target.steps.find(s => s.status === report.result)
  return {
    target,
    step: target.failedStep ?? stepReport?.step,
    failureMode: target.failureMode ?? stepReport?.failureMode,
    stepReport
  }
}

/** How many targets share the run's verdict (for "and 2 more" in messages). */
export function countWithVerdict(report: Report): number {
  return report.targets.filter(t => t.result === report.result).length
}
