/**
 * The role lookup after a `vm:`/`vmss:` target's final report (src/role-lookup): only those
 * targets are dispatched through a logged-in `az`, so only there is it known to be at hand. Loaded
 * with `import()` when a report holds an `rbac-denied` step; bounded by its own deadline; any
 * failure leaves the report as it was.
 */
import type { Target } from '../inputs/action-inputs'
import type { TargetReport } from '../../contracts/report'
import { withDeadline } from '../../common/deadline'

const LOOKUP_BUDGET_MS = 60_000

export async function explainDenials(
  report: TargetReport,
  target: Target,
  rbacWaitMs: number
): Promise<TargetReport> {
  if (target.kind !== 'vm' && target.kind !== 'vmss') return report
  if (!report.steps.some(step => step.failureMode === 'rbac-denied' && step.rbac !== undefined))
    return report
  try {
    const { explainRbacDenials } = await import('../role-lookup/index.js')
    return await withDeadline(LOOKUP_BUDGET_MS, signal =>
      explainRbacDenials(report, { rbacWaitMs, signal })
    )
  } catch {
    return report
  }
}
