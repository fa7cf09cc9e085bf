/**
 * The TypeScript probe: the runbook's three steps, observed, never judged.
 *
 * 1. instance metadata (IMDS only): reachability and what the workload is;
 * 2. one token request per distinct check audience, in order of first use, for the selected
 *    identity, with Microsoft's retry policy;
 * 3. one API call per check with its audience's token.
 *
 * It never throws for network trouble: that is an observation. A token leaves this module only
 * as its claims (the JWT payload segment) and through `registerSecret` (the redactor's registry).
 */
import { OBSERVATIONS_VERSION } from '../contracts/observations'
import type {
  ApiObservation,
  Observations,
  TokenObservation,
  WorkloadMeta
} from '../contracts/observations'
import type { ProbeCheck, ProbeRequest } from '../contracts/probe-request'
import { httpRequest, isFailure } from '../common/http/http-request'
import { mayCarryBearer } from '../common/url/loopback'
import { urlAmbiguity } from '../common/url/url-ambiguity'
import type { Sleep } from '../common/clock'
import { detectSource } from './sources/detect'
import { detectPlatform } from './sources/platform'
import { exchangeOf } from './sources/source'
import type { InstanceAttempt, SourceContext, TokenAttempt } from './sources/source'
import { cutBody, reduceTokenResponse } from './token-response'
import { GUID } from '../common/guid'

export interface ProbeOptions {
  env: NodeJS.ProcessEnv
  signal?: AbortSignal
  /** Names the probe in the observations; `local` by default. */
  probe?: string
  /** Called with every access token the moment it is received (the local dispatcher: the redactor). */
  registerSecret?: (secret: string) => void
  /** Retry waits and clock, for unit tests only. */
  sleep?: Sleep
  now?: () => number
}

/** `notCalled` of a check whose audience got no usable token: the words of every probe (docs/probe-spec.md). */
export const NO_TOKEN = 'no token for this audience'
/** Storage rejects bearer requests without a service version. */
export const STORAGE_VERSION = '2023-11-03'

/** Azure's resource group names: letters, digits, `_-.()`, up to 90, not ending in a period. */
const RESOURCE_GROUP = /^[-\w.()]{1,90}$/

/** Query parameters that carry secrets in URLs people paste (SAS signatures, function keys). */
const SECRET_QUERY = /([?&](?:sig|code|signature|x-ms-signature)=)[^&#]*/gi

function displayUrl(url: string): string {
  return url.replace(SECRET_QUERY, '$1[redacted]')
}

function isSuccess(status: number | undefined): boolean {
  return status !== undefined && status >= 200 && status < 300
}

/** Expands `{subscriptionId}` / `{resourceGroup}`; a string is the URL, an object the reason not to call. */
export function expandPlaceholders(
  url: string,
  meta: WorkloadMeta | undefined
): string | { notCalled: string } {
  let expanded = url
  if (expanded.includes('{subscriptionId}')) {
    const value = meta?.subscriptionId
    if (value === undefined) {
      return { notCalled: '{subscriptionId} unknown: the workload reported no subscription' }
    }
    if (!GUID.test(value)) {
      return { notCalled: '{subscriptionId} from the workload is not a GUID' }
    }
    expanded = expanded.split('{subscriptionId}').join(value)
  }
  if (expanded.includes('{resourceGroup}')) {
    const value = meta?.resourceGroupName
    if (value === undefined) {
      return { notCalled: '{resourceGroup} unknown: the workload reported no resource group' }
    }
    if (!RESOURCE_GROUP.test(value) || value.endsWith('.')) {
      return { notCalled: '{resourceGroup} from the workload is not a resource group name' }
    }
    expanded = expanded.split('{resourceGroup}').join(encodeURIComponent(value))
  }
  return expanded
}

/** The host of the check URL as sent (placeholders are never in the host), or '' when none. */
function sentHost(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return ''
  }
}

/** Storage data plane (blob, queue, table, file, dfs) by audience or host. */
export function isStorage(resource: string, url: URL): boolean {
  const storageHost = (host: string): boolean =>
    /^storage\.azure\.(com|us|cn)$/i.test(host) ||
    /\.(blob|queue|table|file|dfs)\.(core\.|storage\.)/i.test(host)
  try {
    if (storageHost(new URL(resource).hostname)) return true
  } catch {
    // an audience that is not a URL (an app ID) says nothing about storage
  }
  return storageHost(url.hostname)
}

function tokenObservation(
  resource: string,
  attempt: TokenAttempt,
  registerSecret: ((secret: string) => void) | undefined
): { observation: TokenObservation; accessToken?: string } {
  const observation: TokenObservation = { resource, ...exchangeOf(attempt.url, attempt.result) }
  const outcome = attempt.result.outcome
  if (isFailure(outcome)) return { observation }
  if (!isSuccess(outcome.status)) {
    observation.body = cutBody(outcome.body)
    return { observation }
  }
  const reduced = reduceTokenResponse(outcome.body)
  if (reduced.accessToken !== undefined) {
    registerSecret?.(reduced.accessToken)
    // The signature alone is what leaks when a token is cut or split: redact it on its own too.
    const signature = reduced.accessToken.split('.')[2]
    if (signature) registerSecret?.(signature)
  }
  Object.assign(observation, reduced.observation)
  return reduced.accessToken !== undefined
    ? { observation, accessToken: reduced.accessToken }
    : { observation }
}

async function callApi(
  index: number,
  check: ProbeCheck,
  token: string | undefined,
  meta: WorkloadMeta | undefined,
  options: ProbeOptions,
  timeoutMs: number
): Promise<ApiObservation> {
  const notCalled = (reason: string, url = check.url): ApiObservation => ({
    check: index,
    url: displayUrl(url),
    attempts: 0,
    ms: 0,
    notCalled: reason
  })
  if (token === undefined) return notCalled(NO_TOKEN)
  const expanded = expandPlaceholders(check.url, meta)
  if (typeof expanded !== 'string') return notCalled(expanded.notCalled)
  let url: URL
  try {
    url = new URL(expanded)
  } catch {
    return notCalled('not a valid URL', expanded)
  }
  // Defence in depth: the host the token goes to must be the host that was sent (and checked, by
  // the runner and the endpoint's allowlist), read alike by every client.
  if (urlAmbiguity(expanded) !== undefined || url.host !== sentHost(check.url)) {
    return notCalled('refused: the URL to call is not plainly on the host that was sent', expanded)
  }
  // Defence in depth: inputs are validated on the runner, and still no token goes over plain http.
  if (!mayCarryBearer(url)) {
    return notCalled('a token is only sent over https, or http to a loopback address', expanded)
  }
  const headers: Record<string, string> = {
    Authorization: `Bearer ${token}`,
    Accept: 'application/json'
  }
  if (isStorage(check.resource, url)) headers['x-ms-version'] = STORAGE_VERSION
  const started = Date.now()
  const outcome = await httpRequest({
    method: 'GET',
    url: url.toString(),
    headers,
    timeoutMs,
    signal: options.signal,
    proxyEnv: options.env
  })
  const observation: ApiObservation = {
    check: index,
    url: displayUrl(url.toString()),
    attempts: 1,
    ms: Date.now() - started
  }
  if (isFailure(outcome)) {
    observation.error = outcome.error
    observation.errorText = outcome.errorText
  } else {
    observation.status = outcome.status
    if (!isSuccess(outcome.status)) observation.body = cutBody(outcome.body)
    const retryAfter = outcome.headers['retry-after']
    if (typeof retryAfter === 'string') observation.retryAfter = retryAfter
  }
  return observation
}

/** A source's own bug must not lose the observations gathered so far: it becomes one too. */
async function guarded<T extends TokenAttempt>(
  step: () => Promise<T>,
  url: string
): Promise<T | InstanceAttempt> {
  try {
    return await step()
  } catch (error) {
    const words = error instanceof Error ? error.message : String(error)
    return {
      url,
      result: {
        outcome: { error: 'other', errorText: `probe error: ${words}` },
        attempts: 0,
        ms: 0
      }
    }
  }
}

export async function runProbe(
  request: ProbeRequest,
  options: ProbeOptions
): Promise<Observations> {
  const context: SourceContext = {
    env: options.env,
    timeoutMs: request.timeoutMs,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.registerSecret ? { registerSecret: options.registerSecret } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.now ? { now: options.now } : {})
  }
  const source = detectSource(options.env, request.imdsEndpoint)
  const observations: Observations = {
    v: OBSERVATIONS_VERSION,
    nonce: request.nonce,
    probe: options.probe ?? 'local',
    source: source.source,
    sourceDetail: source.detail,
    tokens: [],
    apis: []
  }
  const platform = detectPlatform(options.env)
  if (platform) observations.platform = platform

  // Step 1: instance metadata. No answer at all means the platform is unreachable: asking it for
  // tokens would only add one more `timeout` per audience before the same verdict.
  let meta = source.meta
  let silent = false
  if (source.readInstance) {
    const readInstance = source.readInstance.bind(source)
    const attempt: InstanceAttempt = await guarded(
      () => readInstance(context),
      request.imdsEndpoint
    )
    const instance = exchangeOf(attempt.url, attempt.result)
    const outcome = attempt.result.outcome
    if (!isFailure(outcome) && !isSuccess(outcome.status)) instance.body = cutBody(outcome.body)
    observations.instance = instance
    if (attempt.meta) meta = attempt.meta
    silent = instance.error === 'timeout' || instance.error === 'refused'
  }
  if (meta) observations.meta = meta

  // Step 2: one token per distinct audience, in order of first use.
  const tokens = new Map<string, string>()
  if (!silent) {
    const resources = [...new Set(request.checks.map(check => check.resource))]
    for (const resource of resources) {
      const attempt = await guarded(
        () => source.requestToken(resource, request.identity, context),
        resource
      )
      const { observation, accessToken } = tokenObservation(
        resource,
        attempt,
        options.registerSecret
      )
      observations.tokens.push(observation)
      if (accessToken !== undefined) tokens.set(resource, accessToken)
      // Sources without instance metadata learn here that the endpoint is silent: stop as above.
      if (observation.error === 'timeout' || observation.error === 'refused') break
    }
  }

  // Step 3: every check, in order, with its audience's token.
  for (const [index, check] of request.checks.entries()) {
    observations.apis.push(
      await callApi(index, check, tokens.get(check.resource), meta, options, request.timeoutMs)
    )
  }
  return observations
}
