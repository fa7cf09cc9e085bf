/**
 * Transient answers of an API: when an api step failed because the API answered 429 or
 * 500/502/503/504, the runner probes the workload again, up to three times, 1 s, 2 s and 4 s apart
 * (Microsoft's retry guidance; policy transientApi of src/common/retry.ts), or after the API's
 * `Retry-After` when it sent one, capped at
 * RETRY_AFTER_CAP_MS; no wait starts that would end past TRANSIENT_WINDOW_MS after the first such
 * answer.
 *
 * Why the runner re-probes rather than each probe retrying its own call: the api call runs on the
 * workload (the in-process probe, the sh and PowerShell VM probes, the smoke endpoint), and one
 * mechanism here keeps the shell probes simple and gives every dispatch mode the same policy, the
 * same bounds and the same report, as `rbac-wait` does. The cost is a whole probe per retry (a
 * token request the platform serves from its cache, and for `vm:` another run-command), paid only
 * when an API answered one of these statuses.
 *
 * The api steps that were transient at first say what happened: "passed on probe 2 after 1 s of
 * transient retries (first answer 503)" or "still 429 after 4 probes over 7 s of transient retries".
 */
import type { StepReport, TargetReport } from '../../contracts/report'
import { formatDuration } from '../../common/format'
import type { Clock } from '../../common/clock'
import { backoffMs, RETRY_POLICIES, withRetryAfter } from '../../common/retry'

const POLICY = RETRY_POLICIES.transientApi
const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504])
/** A `Retry-After` longer than this is cut to it: a smoke test waits seconds, not minutes. */
export const RETRY_AFTER_CAP_MS = POLICY.retryAfterCapMs
/** No retry wait may end later than this after the first transient answer. */
export const TRANSIENT_WINDOW_MS = POLICY.windowMs

export interface TransientRetryOptions {
  clock: Clock
  /** Called before each re-probe (for the log). */
  onRetry?(probe: number, waitedMs: number, status: number): void
}

/**
 * A failed api step answered by the API itself with a transient status. A proxy's 502 is
 * `egress-blocked` (the API never saw the call) and is not retried: its cause is not passing.
 */
export function isTransientStep(step: StepReport): boolean {
  return (
    step.step === 'api' &&
    step.status === 'fail' &&
    step.httpStatus !== undefined &&
    TRANSIENT_STATUSES.has(step.httpStatus) &&
    (step.failureMode === 'api-error' || step.failureMode === 'throttled')
  )
}

/** The wait before the next re-probe: the largest Retry-After of the transient steps, else the backoff. */
export function transientWaitMs(report: TargetReport, retry: number): number {
  const retryAfter = Math.max(
    -1,
    ...report.steps.filter(isTransientStep).map(step => step.retryAfterMs ?? -1)
  )
  return withRetryAfter(
    POLICY,
    backoffMs(POLICY, retry) ?? 0,
    retryAfter >= 0 ? retryAfter : undefined
  )
}

export async function probeThroughTransients(
  probeOnce: () => Promise<TargetReport>,
  options: TransientRetryOptions
): Promise<TargetReport> {
  const { clock } = options
  const first = await probeOnce()
  if (!first.steps.some(isTransientStep)) return first
  const firstAt = clock.now()
  const windowEnd = firstAt + TRANSIENT_WINDOW_MS
  let report = first
  let probes = 1
  for (let retry = 0; retry < POLICY.retries; retry++) {
    const transient = report.steps.find(isTransientStep)
    if (transient === undefined) break
    const wait = transientWaitMs(report, retry)
    if (clock.now() + wait > windowEnd) break
    await clock.sleep(wait)
    probes++
    options.onRetry?.(probes, clock.now() - firstAt, transient.httpStatus ?? 0)
    report = await probeOnce()
  }
  return recordRetries(first, report, clock.now() - firstAt, probes)
}

/** Marks the api steps that were transient on the first probe (matched by order among api steps). */
function recordRetries(
  first: TargetReport,
  final: TargetReport,
  waitedMs: number,
  probes: number
): TargetReport {
  const firstStatus = new Map<number, number>()
  first.steps
    .filter(step => step.step === 'api')
    .forEach((step, index) => {
      if (isTransientStep(step)) firstStatus.set(index, step.httpStatus as number)
    })
  const waited = formatDuration(waitedMs)
  const probesText = `${probes} probe${probes === 1 ? '' : 's'}`
  let apiIndex = -1
  const steps = final.steps.map(step => {
    if (step.step !== 'api') return step
    apiIndex++
    const was = firstStatus.get(apiIndex)
    if (was === undefined) return step
    const note =
      step.status === 'pass'
        ? `passed on probe ${probes} after ${waited} of transient retries (first answer ${was})`
        : isTransientStep(step)
          ? `still ${step.httpStatus} after ${probesText} over ${waited} of transient retries`
          : `after ${probesText} over ${waited} of transient retries (first answer ${was})`
    return {
      ...step,
      detail: `${step.detail}; ${note}`,
      retryWaitMs: Math.round(waitedMs),
      attempts: probes
    }
  })
  return { ...final, steps }
}
