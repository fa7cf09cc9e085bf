/**
 * An `rbac-denied` api step, told apart by the principal's role assignments at and above the
 * scope (the seed runbook's "RBAC not applied yet" is its own failure):
 * - no assignment: it must be created (the command);
 * - an assignment whose role grants the action, made minutes ago: propagation, so `rbac-wait`;
 * - assignments whose roles do not grant the action: name a role that does;
 * - the lookup itself not allowed: say so and keep the general advice.
 *
 * Microsoft says role assignment changes can take up to 10 minutes to take effect, and up to 30
 * for some (https://learn.microsoft.com/azure/role-based-access-control/troubleshooting): an
 * assignment younger than RECENT_MS that grants the action is taken for one still propagating.
 */
import type { RbacFacts } from '../../contracts/report'
import { formatDuration } from '../../common/format'
import { grants } from './permissions'
import type { Assignment, Lookup } from './role-assignments'
import { setting } from '../inputs/setting-names'

export const RECENT_MS = 30 * 60_000

export interface Explained {
  /** Appended to the step's detail. */
  note: string
  remediation: string
}

export function explainDenial(
  facts: RbacFacts,
  lookup: Lookup,
  context: { nowMs: number; rbacWaitMs: number; remediation: string }
): Explained {
  const who = facts.principalId ?? '(unknown)'
  const where = facts.scope ?? '(unknown scope)'
  const action = facts.action
  if (lookup.kind === 'no-permission') {
    return {
      note: `the runner's Azure login may not read role assignments at ${where} (Microsoft.Authorization/roleAssignments/read), so mi-smoke cannot tell a missing assignment from one still propagating`,
      remediation: `${context.remediation} (to have mi-smoke tell which, give the login azure/login uses a role with Microsoft.Authorization/roleAssignments/read on the scope, e.g. Reader)`
    }
  }
  if (lookup.kind === 'failed') {
    return {
      note: `the role assignments could not be read from Azure Resource Manager: ${lookup.detail}`,
      remediation: context.remediation
    }
  }
  const held = lookup.assignments
  if (held.length === 0) {
    return {
      note: `Azure Resource Manager lists no role assignment of ${who} at or above ${where}`,
      remediation: `No role assignment exists yet: create it. ${context.remediation}`
    }
  }
  // Without the action (a cut error body) every assignment may be the one that grants it.
  const granting =
    action === undefined
      ? []
      : held.filter(a => a.permissions !== undefined && grants(a.permissions, action))
  const unknown = action === undefined ? held : held.filter(a => a.permissions === undefined)
  const newest = newestOf(granting.length > 0 ? granting : unknown)
  if (newest !== undefined && newest.createdMs !== undefined) {
    const age = context.nowMs - newest.createdMs
    if (age >= 0 && age < RECENT_MS) {
      const ago = formatDuration(Math.max(age, 1000))
      const wait =
        context.rbacWaitMs > 0
          ? `raise ${setting('rbac-wait')} (it is ${formatDuration(context.rbacWaitMs)}; e.g. ${setting('rbac-wait', '15m')})`
          : `set ${setting('rbac-wait', '10m')} so the run polls until it is effective`
      return {
        note: `${newest.role} was assigned at ${newest.scope} ${ago} ago${granting.length > 0 ? ` and grants ${action ?? 'the call'}` : ''}: not propagated yet`,
        remediation: `The assignment exists and has not propagated yet (role assignments take up to 10 minutes, sometimes 30): ${wait}, or run again in a few minutes`
      }
    }
  }
  if (granting.length > 0 && action !== undefined) {
    const first = granting[0] as Assignment
    return {
      note: `${first.role} at ${first.scope} grants ${action}${first.createdMs !== undefined ? ` since ${new Date(first.createdMs).toISOString()}` : ''}, yet the call was refused`,
      remediation: `A role that grants ${action} is assigned to ${who}: check for a deny assignment or a condition on the assignment at ${where}, and that the workload's token is for this principal (oid ${who})`
    }
  }
  if (action !== undefined && unknown.length === 0) {
    const list = held
      .slice(0, 4)
      .map(a => `${a.role} at ${a.scope}`)
      .join(', ')
    return {
      note: `${who} holds ${list}${held.length > 4 ? ', ...' : ''}, none of which grants ${action}`,
      remediation: `The roles assigned do not grant ${action}: assign one that does, e.g. ${facts.role}. ${context.remediation}`
    }
  }
  return {
    note: `${who} holds ${held
      .slice(0, 4)
      .map(a => `${a.role} at ${a.scope}`)
      .join(
        ', '
      )}${action === undefined ? ' (the refused action is not known, so whether they grant it is not either)' : ' (what they grant could not be read)'}`,
    remediation: context.remediation
  }
}

function newestOf(assignments: Assignment[]): Assignment | undefined {
  return [...assignments].sort((a, b) => (b.createdMs ?? 0) - (a.createdMs ?? 0))[0]
}
