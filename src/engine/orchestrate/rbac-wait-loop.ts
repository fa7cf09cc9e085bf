/**
 * The `rbac-wait` loop: while the API answers 403 because a role assignment has not propagated
 * yet, wait (1 s, 2 s, 4 s, then 5 s; never past the deadline) and probe again. The wait counts from
 * the first denial. The api steps that were denied say how long it took and how many probes ran:
 * "role effective after 37 s" or "still denied after 90 s of rbac-wait".
 */
import type { TargetReport } from '../../contracts/report'
import { formatDuration } from '../../common/format'
import type { Clock } from '../../common/clock'
import { rbacBackoffMs } from './rbac-backoff'
import { setting } from '../inputs/setting-names'

export interface RbacWaitOptions {
  rbacWaitMs: number
  clock: Clock
  isRbacDenied(report: TargetReport): boolean
  /** Called before each re-probe (for the log). */
  onRetry?(probe: number, waitedMs: number): void
}

export async function probeUntilRoleEffective(
  probeOnce: () => Promise<TargetReport>,
  options: RbacWaitOptions
): Promise<TargetReport> {
  const { clock } = options
  let report = await probeOnce()
  if (options.rbacWaitMs <= 0 || !options.isRbacDenied(report)) return report

  const first = report
  const deniedAt = clock.now()
  const deadline = deniedAt + options.rbacWaitMs
  let probes = 1
  for (let retry = 0; options.isRbacDenied(report); retry++) {
    const remaining = deadline - clock.now()
    if (remaining <= 0) break
    await clock.sleep(Math.min(rbacBackoffMs(retry), remaining))
    probes++
    options.onRetry?.(probes, clock.now() - deniedAt)
    report = await probeOnce()
  }
  return recordWait(first, report, clock.now() - deniedAt, probes, options.isRbacDenied(report))
}

/**
 * Marks, on the final report, the api steps that were denied at first. Api steps are matched by
 * their order among api steps (one per check), not by position, since a re-probe may report a
 * different number of token steps.
 */
function recordWait(
  first: TargetReport,
  final: TargetReport,
  waitedMs: number,
  probes: number,
  stillDenied: boolean
): TargetReport {
  const denied = new Set<number>()
  first.steps
    .filter(step => step.step === 'api')
    .forEach((step, index) => {
      if (step.failureMode === 'rbac-denied') denied.add(index)
    })
  const probesText = `${probes} probe${probes === 1 ? '' : 's'}`
  const waited = formatDuration(waitedMs)
  let apiIndex = -1
  const steps = final.steps.map(step => {
    if (step.step !== 'api') return step
    apiIndex++
    if (!denied.has(apiIndex)) return step
    let note: string
    if (step.status === 'pass')
      note = `role effective after ${waited} of ${setting('rbac-wait')} (${probesText})`
    else if (step.failureMode === 'rbac-denied' || stillDenied)
      note = `still denied after ${waited} of ${setting('rbac-wait')} (${probesText})`
    else note = `after ${waited} of ${setting('rbac-wait')} (${probesText})`
    return {
      ...step,
      detail: `${step.detail}; ${note}`,
      rbacWaitMs: Math.round(waitedMs),
      attempts: probes
    }
  })
  return { ...final, steps }
}
