/**
 * Step `imds`: can the workload reach its identity endpoint, and what does it say about itself?
 * On a VM that is IMDS instance metadata; on App Service and the other sources there is no
 * instance metadata, so the first token exchange answers the reachability question.
 */
import type { Exchange, Observations } from '../../contracts/observations'
import type { StepReport } from '../../contracts/report'
import { isAzureBody, mentionsProxy, parseErrorBody } from './error-body'
import type { DiagnosisPlan } from './plan'
import * as fix from './remediation'
import { excerpt, formatDuration, quote } from './text'
import { describeTransport, endpointOf, originOf } from './transport'

/** What the probes look at to find an identity source, in the SDKs' order (docs/azure-wire-facts.md). */
export const SOURCE_ENV_VARS = [
  'AZURE_FEDERATED_TOKEN_FILE',
  'IDENTITY_ENDPOINT',
  'IDENTITY_HEADER',
  'IDENTITY_SERVER_THUMBPRINT',
  'IMDS_ENDPOINT',
  'MSI_ENDPOINT',
  'MSI_SECRET'
]

export function imdsStep(observations: Observations, _plan: DiagnosisPlan): StepReport {
  const instance = observations.instance
  if (observations.source === 'none') return noSource(instance)
  if (observations.source === 'imds' && instance !== undefined)
    return fromInstance(instance, observations)
  return fromFirstTokenExchange(observations)
}

function noSource(instance: Exchange | undefined): StepReport {
  const imds =
    instance === undefined
      ? 'IMDS was not asked'
      : instance.status !== undefined
        ? `IMDS at ${originOf(instance.url)} answered HTTP ${instance.status} but is not usable`
        : `IMDS at ${originOf(instance.url)} answered nothing: ${describeTransport(instance)}`
  return {
    step: 'imds',
    status: 'fail',
    durationMs: instance?.ms ?? 0,
    attempts: instance?.attempts,
    failureMode: 'platform-unreachable',
    detail: `no managed identity endpoint in this environment: none of ${SOURCE_ENV_VARS.join(', ')} is set and ${imds}`,
    remediation: fix.noIdentityEndpoint()
  }
}

function fromInstance(instance: Exchange, observations: Observations): StepReport {
  const base = { step: 'imds' as const, durationMs: instance.ms, attempts: instance.attempts }
  const where = originOf(instance.url)
  const fail = (
    detail: string,
    remediation: string,
    mode: 'platform-unreachable' | 'throttled' = 'platform-unreachable'
  ): StepReport => ({
    ...base,
    status: 'fail',
    failureMode: mode,
    detail,
    remediation
  })

  if (instance.status === undefined) {
    return fail(
      `IMDS at ${where} did not answer: ${describeTransport(instance)}`,
      fix.imdsUnreachable(where)
    )
  }
  const status = instance.status
  if (status >= 200 && status < 300) {
    return {
      ...base,
      status: 'pass',
      detail: `IMDS answered in ${formatDuration(instance.ms)}${describeMeta(observations)}`
    }
  }
  const body = parseErrorBody(instance.body)
  if (status === 429) {
    return fail(
      `IMDS kept answering 429 Too Many Requests (${instance.attempts} attempts in ${formatDuration(instance.ms)})`,
      fix.throttled(instance.retryAfter),
      'throttled'
    )
  }
  if (status === 410 || status >= 500) {
    if (!isAzureBody(body) && (body.kind === 'html' || mentionsProxy(instance.body))) {
      return fail(
        `a proxy answered ${status}, not IMDS${bodyHint(instance.body)}`,
        fix.proxyInFrontOfImds()
      )
    }
    return fail(
      `IMDS is ${status === 410 ? 'updating' : 'unavailable'} (HTTP ${status} after ${instance.attempts} attempts)${bodyHint(instance.body)}`,
      fix.imdsUnavailable(status)
    )
  }
  if (status === 400 && isAzureBody(body)) {
    return fail(
      `IMDS refused the instance request (400 ${excerpt(body.message ?? body.code ?? '', 120)}); a proxy that adds X-Forwarded-For causes this`,
      fix.proxyInFrontOfImds()
    )
  }
  if (!isAzureBody(body) || status === 407) {
    return fail(
      `something other than IMDS answered HTTP ${status} at ${where} (a proxy?)${bodyHint(instance.body)}`,
      fix.proxyInFrontOfImds()
    )
  }
  return fail(`IMDS answered HTTP ${status}${bodyHint(instance.body)}`, fix.imdsUnreachable(where))
}

function fromFirstTokenExchange(observations: Observations): StepReport {
  const first = observations.tokens[0]
  const source = observations.source
  const how = observations.sourceDetail ? ` (${excerpt(observations.sourceDetail, 120)})` : ''
  if (first === undefined) {
    return {
      step: 'imds',
      status: 'fail',
      durationMs: 0,
      failureMode: 'dispatch-failed',
      detail: `the probe found the ${source} identity endpoint${how} but reported no request to it`,
      remediation: fix.incompleteObservations()
    }
  }
  const endpoint = endpointOf(first.url)
  if (first.status === undefined) {
    return {
      step: 'imds',
      status: 'fail',
      durationMs: first.ms,
      attempts: first.attempts,
      failureMode: 'platform-unreachable',
      detail: `the ${source} identity endpoint ${endpoint}${how} did not answer: ${describeTransport(first)}`,
      remediation: fix.identityEndpointUnreachable(source, endpoint)
    }
  }
  return {
    step: 'imds',
    status: 'pass',
    // The exchange's time belongs to the token step it also serves.
    durationMs: 0,
    detail: `${source} identity endpoint ${endpoint} answered (HTTP ${first.status})${how}${describeMeta(observations)}`
  }
}

function describeMeta(observations: Observations): string {
  const meta = observations.meta
  if (meta === undefined) return ''
  const parts = [
    meta.subscriptionId && `subscription ${meta.subscriptionId}`,
    meta.resourceId && `resource ${meta.resourceId}`,
    meta.azEnvironment && `cloud ${meta.azEnvironment}`,
    meta.location && `location ${meta.location}`
  ].filter(Boolean)
  return parts.length === 0 ? '' : `: ${parts.join(', ')}`
}

function bodyHint(body: string | undefined): string {
  return body === undefined || body.trim() === '' ? '' : `: ${quote(body, 120)}`
}
