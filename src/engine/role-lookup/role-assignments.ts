/**
 * Reads, with the runner's `az`, the role assignments of a principal at and above a scope
 * (`az role assignment list --assignee OID --scope SCOPE --include-inherited`) and the
 * permissions of each role they hold (`az role definition list --name ROLE`). What az prints is
 * data from Azure: only the fields used are kept, each checked for its shape.
 */
import type { AzCall, AzOutput } from './az-process'
import type { Permission } from './permissions'

export interface Assignment {
  role: string
  scope: string
  /** When the assignment was made, ms since the epoch (absent when az did not say). */
  createdMs?: number
  /** The role's permissions; absent when its definition could not be read. */
  permissions?: Permission[]
}

export type Lookup =
  | { kind: 'read'; assignments: Assignment[] }
  /** The runner's login may not read role assignments (Microsoft.Authorization/roleAssignments/read). */
  | { kind: 'no-permission'; detail: string }
  | { kind: 'failed'; detail: string }

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/** An ARM scope as az takes it: a subscription and optionally a path of plain segments below it. */
const SCOPE = /^\/subscriptions\/[0-9a-f-]{36}(\/[\w.()-]+)*$/i
/** At most this many roles get their definition read: a smoke test, not an audit. */
const MAX_DEFINITIONS = 5

export function canLookUp(principalId: string | undefined, scope: string | undefined): boolean {
  return (
    principalId !== undefined && GUID.test(principalId) && scope !== undefined && SCOPE.test(scope)
  )
}

export async function readAssignments(
  az: AzCall,
  principalId: string,
  scope: string,
  signal?: AbortSignal
): Promise<Lookup> {
  const listed = await az(
    [
      'role',
      'assignment',
      'list',
      '--assignee',
      principalId,
      '--scope',
      scope,
      '--include-inherited',
      '--only-show-errors',
      '-o',
      'json'
    ],
    signal
  )
  if (listed.exitCode !== 0) return failure(listed)
  const rows = parseArray(listed.stdout)
  if (rows === undefined)
    return { kind: 'failed', detail: 'az printed something that is not a JSON list' }
  const assignments: Assignment[] = []
  for (const row of rows) {
    const role = text(row['roleDefinitionName']) ?? guidTail(text(row['roleDefinitionId']))
    const at = text(row['scope'])
    if (role === undefined || at === undefined) continue
    const created = Date.parse(text(row['createdOn']) ?? '')
    assignments.push({ role, scope: at, ...(Number.isNaN(created) ? {} : { createdMs: created }) })
  }
  const roles = [...new Set(assignments.map(a => a.role))].slice(0, MAX_DEFINITIONS)
  const definitions = new Map<string, Permission[]>()
  for (const role of roles) {
    const permissions = await readPermissions(az, role, scope, signal)
    if (permissions !== undefined) definitions.set(role, permissions)
  }
  for (const assignment of assignments) {
    const permissions = definitions.get(assignment.role)
    if (permissions !== undefined) assignment.permissions = permissions
  }
  return { kind: 'read', assignments }
}

async function readPermissions(
  az: AzCall,
  role: string,
  scope: string,
  signal?: AbortSignal
): Promise<Permission[] | undefined> {
  const out = await az(
    [
      'role',
      'definition',
      'list',
      '--name',
      role,
      '--scope',
      scope,
      '--only-show-errors',
      '-o',
      'json'
    ],
    signal
  )
  if (out.exitCode !== 0) return undefined
  const definition = parseArray(out.stdout)?.[0]
  const permissions = definition?.['permissions']
  if (!Array.isArray(permissions)) return undefined
  return permissions.map(p => {
    const block = (p ?? {}) as Record<string, unknown>
    return {
      actions: strings(block['actions']),
      notActions: strings(block['notActions']),
      dataActions: strings(block['dataActions']),
      notDataActions: strings(block['notDataActions'])
    }
  })
}

function failure(out: AzOutput): Lookup {
  const said = out.stderr.replace(/\s+/g, ' ').trim().slice(0, 300)
  if (/AuthorizationFailed/i.test(said) && /roleAssignments\/read/i.test(said)) {
    return { kind: 'no-permission', detail: said }
  }
  return { kind: 'failed', detail: said || `az exited with ${out.exitCode}` }
}

function parseArray(stdout: string): Array<Record<string, unknown>> | undefined {
  try {
    const value: unknown = JSON.parse(stdout)
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
