/**
 * After a target's final report: for each `rbac-denied` api step whose principal and scope are
 * known, look the principal's role assignments up over ARM (the run's own client) and say whether the
 * assignment is missing, still propagating, or of a role that does not grant the call
 * (explain-denial.ts). Used for `vm:`/`vmss:` targets, whose runner is logged in to ARM.
 * Never throws: a lookup that cannot run leaves the report as it was.
 */
import type { TargetReport } from '../../contracts/report'
import { explainDenial } from './explain-denial'
import { canLookUp, readAssignments, type ArmGet } from './role-assignments'

export interface RoleLookupOptions {
  rbacWaitMs: number
  nowMs?: () => number
  /** GETs on the run's Resource Manager (the VM targets' ARM client). */
  arm: ArmGet
  signal?: AbortSignal
}

export async function explainRbacDenials(
  report: TargetReport,
  options: RoleLookupOptions
): Promise<TargetReport> {
  const denied = report.steps.filter(
    step =>
      step.step === 'api' &&
      step.failureMode === 'rbac-denied' &&
      step.rbac !== undefined &&
      step.rbac.model !== 'access-policy' &&
      step.rbac.service !== 'graph' &&
      canLookUp(step.rbac.principalId, step.rbac.scope)
  )
  if (denied.length === 0) return report
  const now = options.nowMs ?? Date.now
  const steps = []
  for (const step of report.steps) {
    if (!denied.includes(step) || step.rbac === undefined) {
      steps.push(step)
      continue
    }
    try {
      const facts = step.rbac
      const lookup = await readAssignments(
        options.arm,
        facts.principalId as string,
        facts.scope as string,
        options.signal
      )
      const explained = explainDenial(facts, lookup, {
        nowMs: now(),
        rbacWaitMs: options.rbacWaitMs,
        remediation: step.remediation ?? ''
      })
      steps.push({
        ...step,
        detail: `${step.detail}; ${explained.note}`,
        remediation: explained.remediation
      })
    } catch {
      steps.push(step)
    }
  }
  return { ...report, steps }
}
