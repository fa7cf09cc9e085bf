/** A target's verdict from its steps: the worst status, and the first failure (else first warning) named. */
import type { StepReport, TargetReport, Verdict } from '../../contracts/report'

export function verdictOf(
  steps: StepReport[]
): Pick<TargetReport, 'result' | 'failedStep' | 'failureMode'> {
  const first = steps.find(s => s.status === 'fail') ?? steps.find(s => s.status === 'warn')
  const result: Verdict = first === undefined ? 'pass' : first.status === 'fail' ? 'fail' : 'warn'
  if (first === undefined) return { result }
  return {
    result,
    failedStep: first.step,
    ...(first.failureMode !== undefined ? { failureMode: first.failureMode } : {})
  }
}

/** The report with result, failedStep and failureMode set from its steps (no stale values kept). */
export function withVerdict(report: TargetReport): TargetReport {
  const { failedStep: _f, failureMode: _m, ...rest } = report
  return { ...rest, ...verdictOf(report.steps) }
}
