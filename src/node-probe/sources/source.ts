/**
 * What every identity source module offers run-probe, and the helpers they share. One module per
 * source, as the Azure SDKs are organised, so each protocol's quirks live in one small file.
 */
import type { Exchange, IdentitySource, WorkloadMeta } from '../../contracts/observations'
import type { IdentitySelection } from '../../contracts/probe-request'
import { httpRequest } from '../../common/http/http-request'
import type { HttpRequestOptions } from '../../common/http/http-request'
import { withRetries } from '../retry-policy'
import type { Sleep } from '../../common/clock'
import type { RetriedOutcome } from '../retry-policy'

export interface SourceContext {
  env: NodeJS.ProcessEnv
  /** Limit for each request, ms. */
  timeoutMs: number
  signal?: AbortSignal
  /** Called with every secret the moment the probe holds it (tokens, endpoint keys). */
  registerSecret?: (secret: string) => void
  /** Retry loop plumbing, injectable for tests. */
  sleep?: Sleep
  now?: () => number
}

export interface TokenAttempt {
  /** What was requested, without secrets. */
  url: string
  result: RetriedOutcome
}

export interface InstanceAttempt extends TokenAttempt {
  meta?: WorkloadMeta
}

export interface TokenSourceModule {
  source: IdentitySource
  /** How it was recognised, in words without secrets. */
  detail: string
  /** What the platform's settings say about the workload (sources without instance metadata). */
  meta?: WorkloadMeta
  /** Instance metadata (IMDS only). */
  readInstance?(context: SourceContext): Promise<InstanceAttempt>
  requestToken(
    resource: string,
    identity: IdentitySelection,
    context: SourceContext
  ): Promise<TokenAttempt>
}

/**
 * How long a retry loop may run: the longest schedule of the guidance (410 for 70 s) plus one
 * last request. Every loop has a deadline.
 */
export function retryDeadline(context: SourceContext): number {
  const now = context.now ?? Date.now
  return now() + 70_000 + context.timeoutMs
}

/** One request to an identity endpoint, never through a proxy, with the retry policy. */
export function retriedIdentityRequest(
  context: SourceContext,
  build: () => Omit<HttpRequestOptions, 'timeoutMs' | 'signal' | 'proxyEnv'>
): Promise<RetriedOutcome> {
  return withRetries(
    () => httpRequest({ ...build(), timeoutMs: context.timeoutMs, signal: context.signal }),
    {
      deadline: retryDeadline(context),
      signal: context.signal,
      sleep: context.sleep,
      now: context.now
    }
  )
}

/** A token request the probe did not send, with the reason (e.g. a selection the source lacks). */
export function notSent(url: string, reason: string): TokenAttempt {
  return { url, result: { outcome: { error: 'other', errorText: reason }, attempts: 0, ms: 0 } }
}

/** `base` with `params` appended to its query (keeps what the base already has). */
export function withQuery(base: string, params: Array<[string, string]>): string {
  try {
    const url = new URL(base)
    for (const [key, value] of params) url.searchParams.append(key, value)
    return url.toString()
  } catch {
    // Not a URL: keep it as it is, and let the request report it as such.
    return `${base}?${new URLSearchParams(params).toString()}`
  }
}

/** The endpoint from an environment variable, or undefined when it is not an http(s) URL. */
export function endpointUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : undefined
  } catch {
    return undefined
  }
}

/** Reduces a retry loop's result to the Exchange fields every observation shares. */
export function exchangeOf(url: string, result: RetriedOutcome): Exchange {
  const exchange: Exchange = { url, attempts: result.attempts, ms: result.ms }
  const outcome = result.outcome
  if ('error' in outcome) {
    exchange.error = outcome.error
    exchange.errorText = outcome.errorText
  } else {
    exchange.status = outcome.status
  }
  if (result.retryAfter !== undefined) exchange.retryAfter = result.retryAfter
  return exchange
}

export function selectionWords(identity: IdentitySelection): string {
  switch (identity.kind) {
    case 'system':
      return 'system-assigned'
    case 'client-id':
      return 'client ID'
    case 'object-id':
      return 'object ID'
    case 'resource-id':
      return 'resource ID'
  }
}
