/**
 * One workload from first probe to final report: probe (after `ready-wait` for a smoke endpoint
 * still starting), diagnose, re-probe through an API's transient 429/5xx, and under `rbac-wait`
 * re-probe while the API still denies the role. The target's `durationMs` covers all of it.
 */
import type { SdkIdentityPolicy } from '../inputs/action-inputs'
import type { Check } from '../inputs/action-inputs'
import type { IdentitySelection, ProbeRequest } from '../../contracts/probe-request'
import type { Observations } from '../../contracts/observations'
import { adaptDefaultCheck } from './default-check'
import type { Workload } from '../dispatch/workload'
import type { TargetReport } from '../../contracts/report'
import type { Clock } from '../../common/clock'
import type { DiagnosisPort } from './diagnosis-port'
import { probeOnce } from './probe-once'
import { probeUntilRoleEffective } from './rbac-wait-loop'
import { probeThroughTransients } from './transient-retry-loop'

export interface WorkloadContext {
  request: ProbeRequest
  identity: IdentitySelection
  expectedPrincipalId?: string
  checks: Check[]
  rbacWaitMs: number
  /** Input `sdk-identity` (default `fail`). */
  sdkIdentity?: SdkIdentityPolicy
  budgetMs: number
  diagnosis: DiagnosisPort
  clock: Clock
  onAbandoned?(): void
  onRetry?(label: string, probe: number, waitedMs: number): void
  /** `ready-wait` (https targets only; 0 elsewhere). */
  readyWaitMs?: number
  onReadyRetry?(label: string, attempt: number, waitedMs: number): void
  onTransientRetry?(label: string, probe: number, waitedMs: number, status: number): void
}

export async function runWorkload(
  workload: Workload,
  context: WorkloadContext
): Promise<TargetReport> {
  const started = context.clock.now()
  // The default check adapts to the workload once (its cloud, its subscription); every later
  // probe of this workload (rbac-wait, transient retries) uses the adapted checks.
  let checks = context.checks
  let request = context.request
  const adaptRequest = (observations: Observations): ProbeRequest | undefined => {
    const adapted = adaptDefaultCheck(checks, observations)
    if (adapted === undefined) return undefined
    checks = adapted
    request = {
      ...request,
      checks: adapted.map(check => ({ url: check.url, resource: check.resource }))
    }
    return request
  }
  const plan = () => ({
    target: workload.label,
    identity: context.identity,
    ...(context.expectedPrincipalId ? { expectedPrincipalId: context.expectedPrincipalId } : {}),
    checks,
    nowMs: Date.now(),
    rbacWaitMs: context.rbacWaitMs,
    nonce: context.request.nonce,
    ...(context.sdkIdentity ? { sdkIdentity: context.sdkIdentity } : {})
  })
  // rbac-wait around the transient retries around one probe: a 503 on the way to a role that
  // becomes effective is retried as a 503, and the rbac-wait loop only sees settled answers.
  const report = await probeUntilRoleEffective(
    () =>
      probeThroughTransients(
        () =>
          probeOnce(workload, {
            request,
            adaptRequest,
            plan,
            diagnosis: context.diagnosis,
            budgetMs: context.budgetMs,
            onAbandoned: context.onAbandoned,
            readyWaitMs: context.readyWaitMs ?? 0,
            clock: context.clock,
            onReadyRetry: (attempt, waitedMs) =>
              context.onReadyRetry?.(workload.label, attempt, waitedMs)
          }),
        {
          clock: context.clock,
          onRetry: (probe, waitedMs, status) =>
            context.onTransientRetry?.(workload.label, probe, waitedMs, status)
        }
      ),
    {
      rbacWaitMs: context.rbacWaitMs,
      clock: context.clock,
      isRbacDenied: report => safeIsRbacDenied(context.diagnosis, report),
      onRetry: (probe, waitedMs) => context.onRetry?.(workload.label, probe, waitedMs)
    }
  )
  return {
    ...report,
    target: report.target || workload.label,
    durationMs: Math.round(context.clock.now() - started)
  }
}

function safeIsRbacDenied(diagnosis: DiagnosisPort, report: TargetReport): boolean {
  try {
    return diagnosis.isRbacDenied(report)
  } catch {
    return false
  }
}
