/**
 * Observations → a target's report. One place judges for every dispatch mode (local probe, VM
 * probes, smoke endpoint handler): the imds step, one token step per audience, one api step per
 * check; steps that depend on a failed one are skipped; the verdict is the worst status.
 * It only ever sees validated observations (src/engine/observations-validator.ts, called by the
 * orchestrator): version, nonce, shapes and lengths are checked there, once.
 */
import type { Observations, TokenObservation } from '../../contracts/observations'
import type { StepReport, TargetReport } from '../../contracts/report'
import { apiStep } from './api-step'
import { distinctAudiences } from './audience-list'
import { normaliseAudience } from '../../azure/services'
import { imdsStep } from './imds-step'
import type { DiagnosisPlan } from './plan'
import { withPlatformFix } from './platform-fix'
import * as fix from './remediation'
import { judgeSdkIdentity } from './sdk-identity-step'
import { tokenStep } from './token-step'
import { withVerdict } from './target-verdict'

export type { DiagnosisPlan } from './plan'
export { diagnoseDispatchFailure } from './dispatch-step'
export { isRbacDenied } from './rbac-denied'

export function diagnose(observations: Observations, plan: DiagnosisPlan): TargetReport {
  const imds = imdsStep(observations, plan)
  const upstreamFailed = imds.status === 'fail'
  const tokens = tokenSteps(observations, plan, upstreamFailed)
  const tokenFor = (resource: string): StepReport | undefined =>
    tokens.find(t => t.audience === resource) ??
    tokens.find(
      t => t.audience !== undefined && normaliseAudience(t.audience) === normaliseAudience(resource)
    )
  const apis = plan.checks.map((check, index) =>
    apiStep(
      check,
      observations.apis.find(a => a.check === index),
      { observations, plan, token: tokenFor(check.resource), upstreamFailed }
    )
  )

  const sdk = judgeSdkIdentity(observations, plan)
  return withSdkVerdict({
    target: plan.target,
    environment: observations.source === 'none' ? 'unknown' : observations.source,
    result: 'pass',
    durationMs: 0,
    steps: withPlatformFix([imds, ...tokens, ...apis], observations),
    probe: observations.probe,
    ...(sdk.length > 0 ? { sdk } : {})
  })
}

/**
 * The runbook's "the app picks the wrong client ID": the platform hands out the right token, but
 * the app's own SDK resolved to another identity (a `fail` by default, input `sdk-identity`), or
 * got none (a `warn`): the app's own calls would go wrong although the steps pass.
 */
function withSdkVerdict(report: TargetReport): TargetReport {
  const judged = withVerdict(report)
  const worst = judged.sdk?.some(entry => entry.status === 'fail')
    ? 'fail'
    : judged.sdk?.some(entry => entry.status === 'warn')
      ? 'warn'
      : undefined
  if (worst === undefined) return judged
  if (judged.result === 'fail' || (judged.result === 'warn' && worst === 'warn')) return judged
  return { ...judged, result: worst, failedStep: 'token', failureMode: 'wrong-identity' }
}

/**
 * One token step per token exchange observed, then one for each audience a check needs that the
 * probe did not ask for (skipped after a failed imds step, otherwise a sign the probe stopped early).
 */
function tokenSteps(
  observations: Observations,
  plan: DiagnosisPlan,
  upstreamFailed: boolean
): StepReport[] {
  const observed = observations.tokens.map(t =>
    tokenStep(t, { observations, plan, upstreamFailed })
  )
  const asked = (resource: string): TokenObservation | undefined =>
    observations.tokens.find(t => t.resource === resource) ??
    observations.tokens.find(t => normaliseAudience(t.resource) === normaliseAudience(resource))
  const missing = distinctAudiences(plan.checks)
    .filter(resource => asked(resource) === undefined)
    .map((audience): StepReport =>
      upstreamFailed
        ? {
            step: 'token',
            status: 'skip',
            durationMs: 0,
            audience,
            detail: 'not requested: the imds step failed'
          }
        : {
            step: 'token',
            status: 'fail',
            durationMs: 0,
            audience,
            failureMode: 'dispatch-failed',
            detail: `the probe reported no token request for ${audience}`,
            remediation: fix.incompleteObservations()
          }
    )
  return [...observed, ...missing]
}
