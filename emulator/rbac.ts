/**
 * The emulated role assignments: which principal (object ID) holds which role on which scope, and
 * from when (role-delayed: an assignment exists but takes effect only after a delay, the way
 * Azure RBAC propagation makes a fresh assignment answer 403 for a while).
 */
import type { Estate } from './identities'

export interface RoleAssignment {
  principalId: string
  role: string
  scope: string
  /** Milliseconds after the scenario's start before the assignment takes effect (0: at once). */
  effectiveAfterMs: number
}

interface RoleDefinition {
  actions: string[]
  dataActions: string[]
}

/** The few built-in roles the emulated APIs care about, with their real action patterns. */
export const ROLE_DEFINITIONS: Record<string, RoleDefinition> = {
  Owner: { actions: ['*'], dataActions: [] },
  Contributor: { actions: ['*'], dataActions: [] },
  Reader: { actions: ['*/read'], dataActions: [] },
  'Key Vault Secrets User': {
    actions: [],
    dataActions: [
      'Microsoft.KeyVault/vaults/secrets/getSecret/action',
      'Microsoft.KeyVault/vaults/secrets/readMetadata/action'
    ]
  },
  'Key Vault Secrets Officer': {
    actions: ['Microsoft.KeyVault/vaults/*/read'],
    dataActions: ['Microsoft.KeyVault/vaults/secrets/*']
  },
  'Key Vault Administrator': {
    actions: ['Microsoft.KeyVault/vaults/*/read'],
    dataActions: ['Microsoft.KeyVault/vaults/*']
  }
}

/** Healthy estate: the system identity and the first user-assigned identity can read. */
export function defaultAssignments(estate: Estate, effectiveAfterMs = 0): RoleAssignment[] {
  const principals = [estate.identities.system, estate.identities.userAssigned[0]].filter(
    identity => identity !== undefined
  )
  return principals.flatMap(identity => [
    {
      principalId: identity.objectId,
      role: 'Reader',
      scope: `/subscriptions/${estate.subscriptionId}`,
      effectiveAfterMs
    },
    {
      principalId: identity.objectId,
      role: 'Key Vault Secrets User',
      scope: estate.vaultResourceId,
      effectiveAfterMs
    }
  ])
}

function actionMatches(pattern: string, action: string): boolean {
  const p = pattern.toLowerCase()
  const a = action.toLowerCase()
  if (p === '*') return true
  if (p.startsWith('*/')) return a.endsWith(p.slice(1))
  if (p.endsWith('/*')) return a.startsWith(p.slice(0, -1))
  if (p.includes('*')) {
    const [head, tail] = p.split('*') as [string, string]
    return a.startsWith(head) && a.endsWith(tail)
  }
  return p === a
}

/** An assignment at a scope covers that scope and everything under it. */
function scopeCovers(assignmentScope: string, scope: string): boolean {
  const a = assignmentScope.toLowerCase().replace(/\/+$/, '')
  const s = scope.toLowerCase().replace(/\/+$/, '')
  return s === a || s.startsWith(`${a}/`)
}

export class RoleAssignments {
  /** Assignments added at run time (control endpoint); they survive scenario changes. */
  readonly added: RoleAssignment[] = []

  constructor(private scenarioAssignments: RoleAssignment[]) {}

  replaceScenarioAssignments(assignments: RoleAssignment[]): void {
    this.scenarioAssignments = assignments
  }

  all(): RoleAssignment[] {
    return [...this.scenarioAssignments, ...this.added]
  }

  /**
   * Whether `principalId` may perform `action` on `scope`, `elapsedMs` after the scenario started.
   * `dataAction`: Key Vault's data plane checks dataActions, ARM checks actions.
   */
  isAllowed(
    principalId: string,
    action: string,
    scope: string,
    dataAction: boolean,
    elapsedMs: number
  ): boolean {
    return this.all().some(assignment => {
      if (assignment.principalId.toLowerCase() !== principalId.toLowerCase()) return false
      if (elapsedMs < assignment.effectiveAfterMs) return false
      if (!scopeCovers(assignment.scope, scope)) return false
      const definition = ROLE_DEFINITIONS[assignment.role]
      if (!definition) return false
      const patterns = dataAction ? definition.dataActions : definition.actions
      return patterns.some(pattern => actionMatches(pattern, action))
    })
  }

  /** Whether the principal holds any effective role at or under `scope` (ARM lists such subscriptions). */
  hasAnyRoleUnder(principalId: string, scope: string, elapsedMs: number): boolean {
    return this.all().some(
      assignment =>
        assignment.principalId.toLowerCase() === principalId.toLowerCase() &&
        elapsedMs >= assignment.effectiveAfterMs &&
        (scopeCovers(scope, assignment.scope) || scopeCovers(assignment.scope, scope))
    )
  }
}
