/**
 * Microsoft's IMDS retry guidance (docs/azure-wire-facts.md), applied to every identity endpoint
 * (policies identityEndpoint and identityEndpointUpdating of src/common/retry.ts):
 * - 404, 408, 429 and 5xx: three retries, 1 s, 2 s, 4 s apart;
 * - 410 (IMDS updating): every 10 s for up to 70 s, i.e. seven retries (as MSAL counts them, so
 *   that the few milliseconds each request takes do not cost the last retry);
 * - `Retry-After` (seconds or HTTP date) replaces the planned wait;
 * - any other status is final; so is a transport error: a request that timed out is never
 *   retried, so a hung endpoint gets its verdict within one `timeout`, and a refused connection
 *   is the platform's answer, not a blip.
 * Every loop stops at its deadline (a wait that would cross it is not started) and on abort.
 */
import type { HttpOutcome } from '../common/http/http-request'
import { isFailure } from '../common/http/http-request'
import { sleep as realSleep, type Sleep } from '../common/clock'
import { backoffMs, parseRetryAfter, RETRY_POLICIES, withRetryAfter } from '../common/retry'

const BACKOFF = RETRY_POLICIES.identityEndpoint
const GONE = RETRY_POLICIES.identityEndpointUpdating

export interface RetryOptions {
  /** Absolute time (per `now`) after which no new attempt starts. */
  deadline: number
  signal?: AbortSignal
  /** Injectable for unit tests; real timings by default. */
  sleep?: Sleep
  now?: () => number
}

export interface RetriedOutcome {
  /** The last attempt's outcome. */
  outcome: HttpOutcome
  /** Requests sent. */
  attempts: number
  /** Wall time of the whole loop, waits included. */
  ms: number
  /** `Retry-After` of the last response, as sent. */
  retryAfter?: string
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

/**
 * How long to wait before the next attempt, or undefined when the outcome is final.
 * `retriesDone` counts the backoff retries already made, `goneRetriesDone` the 410 ones: each
 * schedule has its own budget.
 */
export function plannedWait(
  outcome: HttpOutcome,
  retriesDone: number,
  goneRetriesDone: number,
  nowMs: number
): number | undefined {
  if (isFailure(outcome)) return undefined
  const status = outcome.status
  const retryAfter = parseRetryAfter(headerValue(outcome.headers['retry-after']), nowMs)
  if (status === 410) {
    const planned = backoffMs(GONE, goneRetriesDone)
    return planned === undefined ? undefined : withRetryAfter(GONE, planned, retryAfter)
  }
  const retryable = status === 404 || status === 408 || status === 429 || status >= 500
  const planned = retryable ? backoffMs(BACKOFF, retriesDone) : undefined
  return planned === undefined ? undefined : withRetryAfter(BACKOFF, planned, retryAfter)
}

/** Runs `send` until its outcome is final, the retries are spent, the deadline nears, or abort. */
export async function withRetries(
  send: () => Promise<HttpOutcome>,
  options: RetryOptions
): Promise<RetriedOutcome> {
  const now = options.now ?? Date.now
  const sleep = options.sleep ?? realSleep
  const started = now()
  let attempts = 0
  let backoffRetries = 0
  let goneRetries = 0
  for (;;) {
    const outcome = await send()
    if (!(isFailure(outcome) && outcome.unsent)) attempts++
    const retryAfter = isFailure(outcome) ? undefined : headerValue(outcome.headers['retry-after'])
    const result = (): RetriedOutcome => ({
      outcome,
      attempts,
      ms: now() - started,
      ...(retryAfter !== undefined ? { retryAfter } : {})
    })
    const current = now()
    const wait = plannedWait(outcome, backoffRetries, goneRetries, current)
    if (wait === undefined || options.signal?.aborted) return result()
    if (current + wait >= options.deadline) return result()
    if (!isFailure(outcome) && outcome.status === 410) goneRetries++
    else backoffRetries++
    await sleep(wait, options.signal)
    if (options.signal?.aborted) return result()
  }
}
