/**
 * The report of a target whose probe could not be run (or whose answer could not be read): a
 * failed `dispatch` step, and every later step skipped so the summary still shows what was meant.
 */
import type { StepReport, TargetReport } from '../../contracts/report'
import { DispatchError } from '../../contracts/dispatch-error'
import { distinctAudiences } from './audience-list'
import type { DiagnosisPlan } from './plan'
import * as fix from './remediation'
import { excerpt } from './text'
import { withVerdict } from './target-verdict'

const NOT_RUN = 'not run: the probe could not be dispatched'

export function diagnoseDispatchFailure(
  error: DispatchError | Error,
  plan: DiagnosisPlan
): TargetReport {
  const evidence =
    error instanceof DispatchError && error.evidence
      ? ` (evidence: ${excerpt(error.evidence, 300)})`
      : ''
  const remediation =
    error instanceof DispatchError && error.remediation
      ? excerpt(error.remediation, 400)
      : fix.dispatchDefault()
  const steps: StepReport[] = [
    {
      step: 'dispatch',
      status: 'fail',
      durationMs: 0,
      failureMode: 'dispatch-failed',
      detail: `${excerpt(error.message || String(error), 400)}${evidence}`,
      remediation
    },
    { step: 'imds', status: 'skip', durationMs: 0, detail: NOT_RUN },
    ...distinctAudiences(plan.checks).map((audience): StepReport => ({
      step: 'token',
      status: 'skip',
      durationMs: 0,
      audience,
      detail: NOT_RUN
    })),
    ...plan.checks.map((check): StepReport => ({
      step: 'api',
      status: 'skip',
      durationMs: 0,
      check: check.url,
      detail: NOT_RUN
    }))
  ]
  return withVerdict({
    target: plan.target,
    environment: 'unknown',
    result: 'fail',
    durationMs: 0,
    steps
  })
}
