/**
 * Reads, over Azure Resource Manager's REST API with the run's own ARM client (the runner's CLI
 * login, the connection pool the VM targets use), the role assignments of a principal at and above
 * a scope and the permissions of each role they hold:
 *   GET {scope}/providers/Microsoft.Authorization/roleAssignments?$filter=principalId eq '{oid}'
 *       (at, above and below the scope; those below do not apply and are dropped)
 *   GET {roleDefinitionId}                  (roleName and permissions)
 * learn.microsoft.com/rest/api/authorization/role-assignments/list-for-scope and
 * role-definitions/get. What ARM answers is data from Azure: only the fields used are kept, each
 * checked for its shape.
 */
import { GUID } from '../../common/guid'
import type { Permission } from './permissions'

/** A GET on the run's Resource Manager: a path below it (or an absolute URL on it) → status and body. */
export type ArmGet = (
  path: string,
  signal?: AbortSignal
) => Promise<{ status: number; body: string }>

/** api-version of Microsoft.Authorization's role assignments and definitions. */
export const AUTHORIZATION_API_VERSION = '2022-04-01'

export interface Assignment {
  role: string
  scope: string
  /** When the assignment was made, ms since the epoch (absent when Azure did not say). */
  createdMs?: number
  /** The role's permissions; absent when its definition could not be read. */
  permissions?: Permission[]
}

export type Lookup =
  | { kind: 'read'; assignments: Assignment[] }
  /** The runner's login may not read role assignments (Microsoft.Authorization/roleAssignments/read). */
  | { kind: 'no-permission'; detail: string }
  | { kind: 'failed'; detail: string }

/** An ARM scope as the lookup reads it: a subscription and optionally a path of plain segments below it. */
const SCOPE = /^\/subscriptions\/[0-9a-f-]{36}(\/[\w.()-]+)*$/i
/** At most this many roles get their definition read: a smoke test, not an audit. */
const MAX_DEFINITIONS = 5

export function canLookUp(principalId: string | undefined, scope: string | undefined): boolean {
  return (
    principalId !== undefined && GUID.test(principalId) && scope !== undefined && SCOPE.test(scope)
  )
}

export async function readAssignments(
  arm: ArmGet,
  principalId: string,
  scope: string,
  signal?: AbortSignal
): Promise<Lookup> {
  const filter = encodeURIComponent(`principalId eq '${principalId}'`)
  const listed = await arm(
    `${scope}/providers/Microsoft.Authorization/roleAssignments?$filter=${filter}&api-version=${AUTHORIZATION_API_VERSION}`,
    signal
  )
  if (listed.status !== 200) return failure(listed)
  const rows = valueOf(listed.body)
  if (rows === undefined)
    return {
      kind: 'failed',
      detail: 'Azure Resource Manager answered something that is not a role assignment list'
    }
  const assignments: Array<Assignment & { definitionId: string }> = []
  for (const row of rows) {
    const properties = (row['properties'] ?? {}) as Record<string, unknown>
    const definitionId = text(properties['roleDefinitionId'])
    const at = text(properties['scope'])
    if (definitionId === undefined || at === undefined || !atOrAbove(at, scope)) continue
    const created = Date.parse(text(properties['createdOn']) ?? '')
    assignments.push({
      role: guidTail(definitionId) ?? definitionId,
      scope: at,
      definitionId,
      ...(Number.isNaN(created) ? {} : { createdMs: created })
    })
  }
  const definitionIds = [...new Set(assignments.map(a => a.definitionId))].slice(0, MAX_DEFINITIONS)
  const definitions = new Map<string, RoleDefinition>()
  for (const id of definitionIds) {
    const definition = await readDefinition(arm, id, signal)
    if (definition !== undefined) definitions.set(id, definition)
  }
  return {
    kind: 'read',
    assignments: assignments.map(({ definitionId, ...assignment }) => {
      const definition = definitions.get(definitionId)
      return definition === undefined
        ? assignment
        : { ...assignment, role: definition.roleName, permissions: definition.permissions }
    })
  }
}

interface RoleDefinition {
  roleName: string
  permissions: Permission[]
}

async function readDefinition(
  arm: ArmGet,
  definitionId: string,
  signal?: AbortSignal
): Promise<RoleDefinition | undefined> {
  if (!/^\/[\w./()-]+$/.test(definitionId)) return undefined
  const out = await arm(`${definitionId}?api-version=${AUTHORIZATION_API_VERSION}`, signal)
  if (out.status !== 200) return undefined
  let properties: Record<string, unknown>
  try {
    properties = ((JSON.parse(out.body) as Record<string, unknown>)['properties'] ?? {}) as Record<
      string,
      unknown
    >
  } catch {
    return undefined
  }
  const roleName = text(properties['roleName'])
  const permissions = properties['permissions']
  if (roleName === undefined || !Array.isArray(permissions)) return undefined
  return {
    roleName,
    permissions: permissions.map(p => {
      const block = (p ?? {}) as Record<string, unknown>
      return {
        actions: strings(block['actions']),
        notActions: strings(block['notActions']),
        dataActions: strings(block['dataActions']),
        notDataActions: strings(block['notDataActions'])
      }
    })
  }
}

function failure(out: { status: number; body: string }): Lookup {
  const said = out.body.replace(/\s+/g, ' ').trim().slice(0, 300)
  if (/AuthorizationFailed/i.test(said) && /roleAssignments\/read/i.test(said)) {
    return { kind: 'no-permission', detail: said }
  }
  return { kind: 'failed', detail: said || `Azure Resource Manager answered HTTP ${out.status}` }
}

/** `a` is `b` or an ancestor scope of it: an assignment there applies at `b`. */
function atOrAbove(a: string, b: string): boolean {
  const x = a.toLowerCase().replace(/\/+$/, '')
  const y = b.toLowerCase().replace(/\/+$/, '')
  return x === '' || y === x || y.startsWith(`${x}/`)
}

function valueOf(body: string): Array<Record<string, unknown>> | undefined {
  try {
    const value: unknown = (JSON.parse(body) as Record<string, unknown> | null)?.['value']
    return Array.isArray(value)
      ? value.filter((v): v is Record<string, unknown> => v !== null && typeof v === 'object')
      : undefined
  } catch {
    return undefined
  }
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' && value.length <= 1000 ? value : undefined
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}

function guidTail(id: string | undefined): string | undefined {
  const tail = id?.split('/').pop()
  return tail !== undefined && GUID.test(tail) ? tail : undefined
}
