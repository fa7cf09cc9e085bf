/**
 * The role lookup after a `vm:`/`vmss:` target's final report (src/engine/role-lookup): only those
 * targets are dispatched through the runner's ARM login, so only there is it known to be at hand;
 * the lookup reads over the same ARM client (one login, one connection pool per run). Loaded
 * with `import()` when a report holds an `rbac-denied` step; bounded by its own deadline; any
 * failure leaves the report as it was.
 */
import type { ActionInputs, Target } from '../inputs/action-inputs'
import type { TargetReport } from '../../contracts/report'
import { withDeadline } from '../../common/deadline'

const LOOKUP_BUDGET_MS = 60_000

export async function explainDenials(
  report: TargetReport,
  target: Target,
  inputs: ActionInputs
): Promise<TargetReport> {
  if (target.kind !== 'vm' && target.kind !== 'vmss') return report
  if (!report.steps.some(step => step.failureMode === 'rbac-denied' && step.rbac !== undefined))
    return report
  try {
    const { explainRbacDenials } = await import('../role-lookup/index.js')
    const { armClientFor } = await import('../dispatch/vm/index.js')
    const client = armClientFor(inputs)
    return await withDeadline(LOOKUP_BUDGET_MS, signal =>
      explainRbacDenials(report, {
        rbacWaitMs: inputs.rbacWaitMs,
        signal,
        arm: (path, armSignal) =>
          client.request({
            method: 'GET',
            url: path,
            context: { doing: 'read role assignments', resourceId: target.resourceId },
            ...(armSignal ? { signal: armSignal } : {}),
            accept: [400, 403, 404]
          })
      })
    )
  } catch {
    return report
  }
}
