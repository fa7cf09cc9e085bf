/**
 * One probe of one workload, turned into a target report: the answer passes the observations
 * validator (the trust boundary, src/engine/observations-validator.ts) and only then goes to diagnosis; a
 * `DispatchError`, a missed deadline, an invalid answer or any other exception becomes
 * `dispatch-failed` with its message. Never throws.
 */
import { DISPATCH_KINDS, DispatchError } from '../../contracts/dispatch-error'
import type { Workload } from '../dispatch/workload'
import type { Observations } from '../../contracts/observations'
import { validateObservations } from '../observations-validator'
import type { ProbeRequest } from '../../contracts/probe-request'
import type { TargetReport } from '../../contracts/report'
import { systemClock, type Clock } from '../../common/clock'
import { DeadlineExceeded, withDeadline } from '../../common/deadline'
import { describeReadyWait, dispatchWhenReady, type ReadyWait } from './ready-wait-loop'
import type { DiagnosisPlan, DiagnosisPort } from './diagnosis-port'
import { fallbackReport } from './fallback-report'
import { DEFECT_ADVICE } from '../inputs/setting-names'

export interface ProbeOnceContext {
  request: ProbeRequest
  /** The plan for this workload, with `nowMs` taken when called. */
  plan(): DiagnosisPlan
  diagnosis: DiagnosisPort
  budgetMs: number
  /** Told when a probe was abandoned at its deadline (its work may still be pending). */
  onAbandoned?(): void
  /** `ready-wait` for this workload (https targets; 0 or absent: no waiting). */
  readyWaitMs?: number
  clock?: Clock
  onReadyRetry?(attempt: number, waitedMs: number): void
  /**
   * Asked with the first observations: another request to probe with instead (the default check
   * following the workload's cloud, src/engine/orchestrate/default-check.ts), or undefined.
   */
  adaptRequest?(observations: Observations): ProbeRequest | undefined
}

export async function probeOnce(
  workload: Workload,
  context: ProbeOnceContext
): Promise<TargetReport> {
  const dispatch = async (request: ProbeRequest): Promise<Observations> => {
    try {
      const answer = await withDeadline(context.budgetMs, signal => workload.probe(request, signal))
      // The trust boundary: nothing of the answer is used before the one validator checked it.
      return validateObservations(answer, { workload: workload.label, request })
    } catch (error) {
      if (error instanceof DeadlineExceeded) context.onAbandoned?.()
      throw toDispatchError(error)
    }
  }
  // Each attempt has the whole probe budget: ready-wait adds to it rather than eating into it.
  const outcome = await dispatchWhenReady(
    async () => {
      const observations = await dispatch(context.request)
      const adapted = context.adaptRequest?.(observations)
      return adapted === undefined ? observations : dispatch(adapted)
    },
    {
      readyWaitMs: context.readyWaitMs ?? 0,
      clock: context.clock ?? systemClock,
      isNotReady: error => error instanceof DispatchError && error.notReady,
      onRetry: context.onReadyRetry
    }
  )
  if (!outcome.ok) {
    return withReadyWait(
      dispatchFailure(toDispatchError(outcome.error), workload, context),
      outcome.wait
    )
  }
  let report: TargetReport
  try {
    report = context.diagnosis.diagnose(outcome.value, context.plan())
  } catch (error) {
    return fallbackReport(workload.label, `diagnosis failed: ${messageOf(error)}`, DEFECT_ADVICE)
  }
  return withReadyWait(report, outcome.wait)
}

/** The ready-wait goes on the report's first step (dispatch on failure, imds otherwise). */
function withReadyWait(report: TargetReport, wait: ReadyWait | undefined): TargetReport {
  const [first, ...rest] = report.steps
  if (wait === undefined || first === undefined) return report
  const note = describeReadyWait(wait)
  return {
    ...report,
    steps: [{ ...first, detail: `${first.detail}; ${note}`, readyWaitMs: wait.waitedMs }, ...rest]
  }
}

/** Turns whatever a workload threw into the `DispatchError` diagnosis reports. */
export function toDispatchError(error: unknown): DispatchError {
  if (error instanceof DispatchError) return error
  if (isDispatchErrorLike(error)) {
    // A DispatchError from another copy of the module (a second bundle): its kind and words kept.
    const kind = DISPATCH_KINDS[error.kind] === undefined ? 'other' : error.kind
    return new DispatchError(
      error.message,
      error.remediation,
      error.evidence,
      error.notReady === true
    ).as(kind, typeof error.phrase === 'string' ? error.phrase : undefined)
  }
  if (error instanceof DeadlineExceeded) {
    return new DispatchError(
      `the probe gave ${error.message}`,
      'Check that the target is running and reachable from the runner, then re-run; a `timeout` input bounds each request the probe makes.'
    ).as('probe-timeout')
  }
  return new DispatchError(`the probe failed: ${messageOf(error)}`, DEFECT_ADVICE)
}

function dispatchFailure(
  error: DispatchError,
  workload: Workload,
  context: ProbeOnceContext
): TargetReport {
  try {
    return context.diagnosis.diagnoseDispatchFailure(error, context.plan())
  } catch (diagnosisError) {
    return fallbackReport(
      workload.label,
      `${error.message} (and diagnosis failed: ${messageOf(diagnosisError)})`,
      error.remediation
    )
  }
}

function isDispatchErrorLike(error: unknown): error is DispatchError {
  return (
    error instanceof Error &&
    error.name === 'DispatchError' &&
    typeof (error as Partial<DispatchError>).remediation === 'string'
  )
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
