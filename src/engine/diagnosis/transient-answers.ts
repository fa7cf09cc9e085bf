/**
 * An API's transient answers, as the api step reports them once the runner's transient retries
 * (src/engine/orchestrate/transient-retry-loop.ts) are spent: a 429 that persists is `throttled`, with
 * advice to spread or slow the calls, never "add expect=429"; a 500/502/503/504 the service itself
 * answered stays `api-error`, with advice about the service's health rather than about `expect=`.
 */
import type { ApiObservation } from '../../contracts/observations'
import { parseRetryAfter } from '../../common/retry'
import type { ApiVerdict } from './api-errors'
import { hostPort, excerpt, quote } from './text'

const SERVICE_FAILURES = new Set([500, 502, 503, 504])

/** `Retry-After` of the API's answer in ms, when it sent a readable one. */
export function retryAfterMsOf(observation: ApiObservation, nowMs: number): number | undefined {
  const ms = parseRetryAfter(observation.retryAfter, nowMs)
  return ms === undefined ? undefined : Math.round(ms)
}

/** The throttled verdict for a 429 the check did not expect; undefined for any other answer. */
export function throttledApi(
  observation: ApiObservation,
  url: string,
  expect: number[],
  /** The service's own reading of the 429 (src/azure/services.ts), when it states a cause. */
  stated?: ApiVerdict
): ApiVerdict | undefined {
  if (observation.status !== 429 || expect.includes(429)) return undefined
  const host = hostPort(url)
  const after =
    observation.retryAfter === undefined
      ? ''
      : `, Retry-After ${quote(excerpt(observation.retryAfter, 40), 50)}`
  if (stated?.remediation !== undefined) {
    return {
      status: 'fail',
      failureMode: 'throttled',
      detail: `the API kept answering 429 Too Many Requests${after}; ${stated.detail}`,
      remediation: `${stated.remediation}; mi-smoke already retried within its bounds`
    }
  }
  return {
    status: 'fail',
    failureMode: 'throttled',
    detail: `the API kept answering 429 Too Many Requests${after}`,
    remediation: `${host} is rate-limiting this identity: spread or slow the calls made with it (other jobs, apps or scale-set instances sharing the identity or subscription count too), run the smoke test less often or with fewer targets at once (concurrency), and honour Retry-After in the apps; mi-smoke already retried within its bounds`
  }
}

/** A service's own 5xx after the retries: what to do instead of adding it to `expect=`. */
export function serviceFailureRemediation(status: number, url: string): string | undefined {
  if (!SERVICE_FAILURES.has(status)) return undefined
  return `${hostPort(url)} kept answering ${status} (a service-side failure, retried within mi-smoke's bounds): check the service's health (Azure status page, the resource's Resource health blade), then run again later; if it persists for this resource only, check its configuration (SKU, region, dependencies) or open a support request`
}
