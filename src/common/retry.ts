/**
 * The one retry model: every loop that waits and tries again (an identity endpoint's answers, ARM's
 * requests, a busy run-command, operation polling, `rbac-wait`, `ready-wait`, an API's transient
 * answers) is a named policy of RETRY_POLICIES, computes its waits with `backoffMs`, reads
 * `Retry-After` with `parseRetryAfter` and waits with the clock's `sleep` (src/common/clock.ts).
 * docs/retries.md is this table in words (`npm run docs:retries`; __tests__/retry-model.test.ts checks it).
 */

/** One loop's schedule. Waits run `firstMs`, ×`factor` each retry, up to `capMs`. */
export interface RetryPolicy {
  /** What is retried, for docs/retries.md. */
  readonly what: string
  /** The loop that follows this policy (a path under src/). */
  readonly loop: string
  /** The answers retried, in words. */
  readonly on: string
  readonly firstMs: number
  /** 1 for a fixed interval. */
  readonly factor: number
  /** The longest planned wait. */
  readonly capMs: number
  /** Retries at most (after the first attempt); undefined: until the window or deadline ends. */
  readonly retries?: number
  /**
   * No wait may end later than this after the first retried answer; undefined: the loop's own
   * deadline (an input, or the workload's) bounds it.
   */
  readonly windowMs?: number
  /** How a `Retry-After` the answer names is used: replaces the planned wait up to this; undefined: ignored. */
  readonly retryAfterCapMs?: number
  /** Why these numbers. */
  readonly why: string
}

/** Every retry loop of the project, by name. */
export const RETRY_POLICIES = {
  identityEndpoint: {
    what: 'a token or metadata request to an identity endpoint (IMDS, App Service, Arc, ...)',
    loop: 'node-probe/retry-policy.ts',
    on: '404, 408, 429, 5xx',
    firstMs: 1000,
    factor: 2,
    capMs: 4000,
    retries: 3,
    retryAfterCapMs: Number.POSITIVE_INFINITY,
    why: "Microsoft's IMDS retry guidance; a transport error or a timeout is final (a hung endpoint gets its verdict within one timeout)"
  },
  identityEndpointUpdating: {
    what: 'an identity endpoint answering 410 (IMDS updating)',
    loop: 'node-probe/retry-policy.ts',
    on: '410',
    firstMs: 10_000,
    factor: 1,
    capMs: 10_000,
    retries: 7,
    retryAfterCapMs: Number.POSITIVE_INFINITY,
    why: 'IMDS may answer 410 for up to 70 s while it updates: every 10 s for 70 s, as MSAL counts the retries'
  },
  armRequest: {
    what: 'a request to Azure Resource Manager (vm:/vmss: targets)',
    loop: 'engine/dispatch/vm/arm/arm-client.ts',
    on: '429, 500, 502, 503, 504',
    firstMs: 1000,
    factor: 2,
    capMs: 60_000,
    retries: 5,
    retryAfterCapMs: 60_000,
    why: "ARM's throttling contract: wait what Retry-After names; a 401 is retried once with a new token, a reset connection once"
  },
  runCommandConflict: {
    what: 'a run-command refused because another one is running on the VM',
    loop: 'engine/dispatch/vm/arm/compute.ts',
    on: '409 (a busy run-command extension)',
    firstMs: 2000,
    factor: 2,
    capMs: 15_000,
    windowMs: 120_000,
    why: 'a run-command in progress usually ends within a minute or two; another conflict is final'
  },
  operationPoll: {
    what: 'polling a run-command operation until it ends',
    loop: 'engine/dispatch/vm/arm/compute.ts',
    on: 'the operation still running',
    firstMs: 2000,
    factor: 1,
    capMs: 2000,
    retryAfterCapMs: Number.POSITIVE_INFINITY,
    why: "Azure's asynchronous operations name their poll interval in Retry-After; 2 s otherwise. The workload's deadline ends it"
  },
  rbacWait: {
    what: 're-probing while an API denies a role that may still be propagating',
    loop: 'engine/orchestrate/rbac-wait-loop.ts',
    on: '403 rbac-denied',
    firstMs: 1000,
    factor: 2,
    capMs: 5000,
    why: 'short early steps catch the common fast propagation; the 5 s cap bounds how late an effective role is noticed. Input rbac-wait is the deadline'
  },
  readyWait: {
    what: 're-dispatching while a smoke endpoint is not serving yet',
    loop: 'engine/orchestrate/ready-wait-loop.ts',
    on: 'connection refused or reset; 502, 503, 504 from its front end',
    firstMs: 1000,
    factor: 2,
    capMs: 5000,
    why: 'the rbac-wait cadence: an app starting after a deploy is noticed within 5 s. Input ready-wait is the deadline'
  },
  transientApi: {
    what: "re-probing after an API's transient answer",
    loop: 'engine/orchestrate/transient-retry-loop.ts',
    on: '429, 500, 502, 503, 504 from the API itself',
    firstMs: 1000,
    factor: 2,
    capMs: 4000,
    retries: 3,
    windowMs: 30_000,
    retryAfterCapMs: 20_000,
    why: "Microsoft's retry guidance; a smoke test waits seconds, not minutes"
  }
} as const satisfies Record<string, RetryPolicy>

/**
 * The planned wait before retry number `retry` (0 for the first retry), or undefined when the
 * policy's retries are spent. A `Retry-After` is applied by the caller (`withRetryAfter`).
 */
export function backoffMs(policy: RetryPolicy, retry: number): number | undefined {
  if (policy.retries !== undefined && retry >= policy.retries) return undefined
  return Math.min(policy.firstMs * policy.factor ** Math.max(0, retry), policy.capMs)
}

/** The wait to use: what `Retry-After` asked, up to the policy's cap, or else the planned one. */
export function withRetryAfter(
  policy: RetryPolicy,
  plannedMs: number,
  retryAfterMs: number | undefined
): number {
  if (retryAfterMs === undefined || policy.retryAfterCapMs === undefined) return plannedMs
  return Math.min(retryAfterMs, policy.retryAfterCapMs)
}

/**
 * `Retry-After` in ms from `nowMs`: delta-seconds or an HTTP date (RFC 9110 §10.2.3); undefined
 * when absent or unreadable. A header given twice counts by its first value.
 */
export function parseRetryAfter(
  value: string | readonly string[] | undefined,
  nowMs: number
): number | undefined {
  const text = Array.isArray(value)
    ? (value[0] as string | undefined)
    : (value as string | undefined)
  if (text === undefined) return undefined
  const trimmed = text.trim()
  if (trimmed === '') return undefined
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - nowMs)
}
