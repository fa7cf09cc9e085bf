/**
 * Step `api`, one per check: did the token work against the API? Combines the pre-flight audience
 * judgement (made before any call, from the check alone) with what the call answered.
 */
import type { Check } from '../inputs/action-inputs'
import type { ApiObservation, Observations } from '../../contracts/observations'
import type { FailureMode, RbacFacts, StepReport } from '../../contracts/report'
import { classifyApiAnswer, type ApiVerdict } from './api-errors'
import type { DiagnosisPlan } from './plan'
import * as fix from './remediation'
import { serviceOfCheck } from '../../azure/services'
import { formatDuration, hostPort, excerpt } from './text'
import { describeTransport } from './transport'
import { retryAfterMsOf, serviceFailureRemediation, throttledApi } from './transient-answers'

export interface ApiStepContext {
  observations: Observations
  plan: DiagnosisPlan
  /** The token step for this check's audience, if there is one. */
  token?: StepReport
  /** The imds step failed. */
  upstreamFailed: boolean
}

export function apiStep(
  check: Check,
  observation: ApiObservation | undefined,
  context: ApiStepContext
): StepReport {
  const url = observation?.url ?? urlForDisplay(check.url, context.observations)
  const base: StepReport = {
    step: 'api',
    status: 'pass',
    durationMs: observation?.ms ?? 0,
    check: url,
    detail: '',
    ...(observation !== undefined && observation.attempts > 0
      ? { attempts: observation.attempts }
      : {}),
    ...(observation?.status !== undefined ? { httpStatus: observation.status } : {})
  }
  const retryAfterMs =
    observation === undefined ? undefined : retryAfterMsOf(observation, context.plan.nowMs)
  if (retryAfterMs !== undefined) base.retryAfterMs = retryAfterMs
  const preflight = preflightAudience(check)
  const verdict = judgeCall(check, url, observation, context)
  if (verdict === 'skip') {
    const why =
      context.token?.status === 'fail'
        ? `not called: the token step for ${check.resource} failed`
        : context.upstreamFailed
          ? 'not called: the identity endpoint is unreachable (imds step failed)'
          : 'not called'
    if (preflight === undefined) return { ...base, status: 'skip', detail: why }
    return {
      ...base,
      status: 'warn',
      failureMode: 'wrong-audience',
      detail: `${preflight.detail}; ${why}`,
      remediation: preflight.remediation
    }
  }
  const step = combine(base, verdict, preflight)
  return check.note === undefined ? step : { ...step, detail: `${step.detail}; ${check.note}` }
}

interface Preflight {
  detail: string
  remediation: string
}

/** `resource=` that the host's table entry says will be refused: known before any call. */
function preflightAudience(check: Check): Preflight | undefined {
  const expected = check.expectedAudience
  if (expected === undefined || !check.audienceMismatch) return undefined
  return {
    detail: `resource=${check.resource} does not fit ${hostPort(check.url).replace(/:\d+$/, '')}, which expects ${expected} (judged before any call)`,
    remediation: fix.preflightAudience(check.resource, expected)
  }
}

function judgeCall(
  check: Check,
  url: string,
  observation: ApiObservation | undefined,
  context: ApiStepContext
): ApiVerdict | 'skip' {
  const tokenFailed = context.token?.status === 'fail' || context.token?.status === 'skip'
  const called =
    observation !== undefined &&
    observation.notCalled === undefined &&
    (observation.status !== undefined || observation.error !== undefined)
  if (!called) {
    if (tokenFailed || context.upstreamFailed || context.token === undefined) return 'skip'
    if (observation?.notCalled !== undefined) {
      const reason = excerpt(observation.notCalled, 200)
      const mode: FailureMode =
        /placeholder|\{subscriptionId\}|\{resourceGroup\}|https|loopback|unsafe/i.test(reason)
          ? 'bad-input'
          : 'api-error'
      return {
        status: 'fail',
        failureMode: mode,
        detail: `not called: ${reason}`,
        remediation: fix.notCalled(reason)
      }
    }
    return {
      status: 'fail',
      failureMode: 'dispatch-failed',
      detail: 'the probe reported no call for this check',
      remediation: fix.incompleteObservations()
    }
  }
  const obs = observation as ApiObservation
  if (obs.status === undefined) {
    return {
      status: 'fail',
      failureMode: 'egress-blocked',
      detail: `${hostPort(url)} could not be reached: ${describeTransport(obs)}`,
      remediation: fix.egressBlocked(hostPort(url), obs.error)
    }
  }
  const claims = context.token?.claims
  const classified = classifyApiAnswer(obs.status, obs.body, {
    check,
    url,
    service: serviceOfCheck(url, check.resource),
    principalId: claims?.oid,
    appId: claims?.appid,
    tenantId: claims?.tid,
    tokenAudience: claims?.aud,
    expectedPrincipalId: context.plan.expectedPrincipalId,
    rbacWaitMs: context.plan.rbacWaitMs
  })
  // A 429 is throttled; where the service says why (a vault's limit, a container's RU/s), its fix
  // follows those words instead of the generic one.
  const throttled = throttledApi(
    obs,
    url,
    check.expect,
    classified.stated === true ? classified : undefined
  )
  if (throttled !== undefined)
    return { ...throttled, detail: `GET ${shortUrl(url)}: ${throttled.detail}` }
  // A 5xx is told to check the service's health, unless the service stated another cause.
  const serviceFailure =
    classified.failureMode === 'api-error' && classified.stated !== true
      ? serviceFailureRemediation(obs.status, url)
      : undefined
  const verdict =
    serviceFailure === undefined ? classified : { ...classified, remediation: serviceFailure }
  const timing = ` in ${formatDuration(obs.ms)}${obs.attempts > 1 ? ` (${obs.attempts} attempts)` : ''}`
  if (verdict.status === 'pass')
    return { ...verdict, detail: `GET ${shortUrl(url)} ${verdict.detail}${timing}` }
  return { ...verdict, detail: `GET ${shortUrl(url)}: ${verdict.detail}` }
}

function combine(
  base: StepReport,
  verdict: ApiVerdict,
  preflight: Preflight | undefined
): StepReport {
  if (verdict.failureMode === 'rbac-denied' && verdict.denial !== undefined) {
    base = { ...base, rbac: rbacFacts(verdict.denial) }
  }
  if (preflight === undefined) {
    return {
      ...base,
      status: verdict.status,
      failureMode: verdict.failureMode,
      detail: verdict.detail,
      remediation: verdict.remediation
    }
  }
  if (verdict.status === 'pass') {
    // The API took the token anyway (a lenient emulator, or a table entry out of date): still a warning.
    return {
      ...base,
      status: 'warn',
      failureMode: 'wrong-audience',
      detail: `${preflight.detail}; the call passed anyway: ${verdict.detail}`,
      remediation: preflight.remediation
    }
  }
  if (verdict.failureMode === 'wrong-audience') {
    return {
      ...base,
      status: 'fail',
      failureMode: 'wrong-audience',
      detail: `${preflight.detail}; confirmed by the API: ${verdict.detail}`,
      remediation: preflight.remediation
    }
  }
  return {
    ...base,
    status: 'fail',
    failureMode: verdict.failureMode,
    detail: `${verdict.detail}; also: ${preflight.detail}`,
    remediation: verdict.remediation
  }
}

function rbacFacts(denial: fix.RbacDenial): RbacFacts {
  return {
    service: denial.service,
    role: fix.roleFor(denial),
    ...(denial.principalId !== undefined ? { principalId: denial.principalId } : {}),
    ...(denial.scope !== undefined ? { scope: denial.scope } : {}),
    ...(denial.action !== undefined ? { action: denial.action } : {}),
    ...(denial.model !== undefined ? { model: denial.model } : {})
  }
}

/**
 * A check's URL to show for a check the probe did not call: `{subscriptionId}` and `{resourceGroup}`
 * filled from the workload's metadata where known, left as written otherwise (the probe's own
 * expansion, which refuses a URL it cannot fill, is src/node-probe/run-probe.ts).
 */
function urlForDisplay(url: string, observations: Observations): string {
  const meta = observations.meta
  return url
    .replace(/\{subscriptionId\}/g, meta?.subscriptionId ?? '{subscriptionId}')
    .replace(/\{resourceGroup\}/g, meta?.resourceGroupName ?? '{resourceGroup}')
}

/** Host and path: the query (api-version...) adds nothing to a detail line. */
function shortUrl(url: string): string {
  try {
    const u = new URL(url)
    return `${u.host}${u.pathname}`
  } catch {
    return excerpt(url, 160)
  }
}
