/**
 * The two Microsoft.Authorization reads of the role lookup, answered as Azure Resource Manager
 * answers them, from the role assignments a test or a rehearsal describes:
 *
 *   GET {scope}/providers/Microsoft.Authorization/roleAssignments
 *       ?$filter=principalId eq '{objectId}'&api-version=2022-04-01
 *     → {"value":[{"id","name","type","properties":{"roleDefinitionId","principalId",
 *        "principalType","scope","createdOn","updatedOn","createdBy","updatedBy","condition",...}}]}
 *     the principal's assignments at, above and below the scope
 *     (learn.microsoft.com/rest/api/authorization/role-assignments/list-for-scope)
 *   GET /subscriptions/{s}/providers/Microsoft.Authorization/roleDefinitions/{id}?api-version=2022-04-01
 *     → {"id","name","type","properties":{"roleName","type":"BuiltInRole","description",
 *        "assignableScopes","permissions":[{"actions","notActions","dataActions","notDataActions"}]}}
 *     (learn.microsoft.com/rest/api/authorization/role-definitions/get)
 *
 * A principal that may not read assignments gets ARM's 403 AuthorizationFailed naming
 * Microsoft.Authorization/roleAssignments/read (learn.microsoft.com/azure/role-based-access-control/
 * troubleshooting). Built-in role IDs and permissions are those of
 * learn.microsoft.com/azure/role-based-access-control/built-in-roles for the roles the tests use.
 */

/** An assignment as a test describes it. */
export interface DescribedAssignment {
  principalId: string
  role: string
  scope: string
  /** How long ago it was made (default: a day). */
  createdMinutesAgo?: number
}

interface BuiltInRole {
  id: string
  description: string
  permissions: Array<{
    actions: string[]
    notActions: string[]
    dataActions: string[]
    notDataActions: string[]
  }>
}

export const BUILT_IN_ROLES: Record<string, BuiltInRole> = {
  Reader: {
    id: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
    description: 'View all resources, but does not allow you to make any changes.',
    permissions: [{ actions: ['*/read'], notActions: [], dataActions: [], notDataActions: [] }]
  },
  Contributor: {
    id: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
    description:
      'Grants full access to manage all resources, but does not allow you to assign roles in Azure RBAC, manage assignments in Azure Blueprints, or share image galleries.',
    permissions: [
      {
        actions: ['*'],
        notActions: [
          'Microsoft.Authorization/*/Delete',
          'Microsoft.Authorization/*/Write',
          'Microsoft.Authorization/elevateAccess/Action',
          'Microsoft.Blueprint/blueprintAssignments/write',
          'Microsoft.Blueprint/blueprintAssignments/delete',
          'Microsoft.Compute/galleries/share/action'
        ],
        dataActions: [],
        notDataActions: []
      }
    ]
  },
  'Storage Blob Data Reader': {
    id: '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1',
    description: 'Read and list Azure Storage containers and blobs.',
    permissions: [
      {
        actions: [
          'Microsoft.Storage/storageAccounts/blobServices/containers/read',
          'Microsoft.Storage/storageAccounts/blobServices/generateUserDelegationKey/action'
        ],
        notActions: [],
        dataActions: ['Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'],
        notDataActions: []
      }
    ]
  },
  'Key Vault Secrets User': {
    id: '4633458b-17de-408a-b874-0445c86b69e6',
    description: 'Read secret contents.',
    permissions: [
      {
        actions: [],
        notActions: [],
        dataActions: [
          'Microsoft.KeyVault/vaults/secrets/getSecret/action',
          'Microsoft.KeyVault/vaults/secrets/readMetadata/action'
        ],
        notDataActions: []
      }
    ]
  }
}

/** Any role the table does not know gets this definition ID (its definition then reads 404). */
const UNKNOWN_ROLE_ID = '00000000-0000-0000-0000-000000000001'
const AUTHOR = '5f2f4a1e-0c1b-4d5e-9f8a-7b6c5d4e3f2a'

const lower = (s: string): string => s.toLowerCase().replace(/\/+$/, '')
/** `a` is `b` or lies above or below it: what list-for-scope with a principal filter returns. */
const related = (a: string, b: string): boolean =>
  lower(a) === lower(b) ||
  lower(b).startsWith(`${lower(a)}/`) ||
  lower(a).startsWith(`${lower(b)}/`)

export interface AuthorizationAnswer {
  status: number
  body: unknown
}

function subscriptionOf(scope: string): string {
  return /^\/subscriptions\/([^/]+)/i.exec(scope)?.[1] ?? '00000000-0000-0000-0000-000000000000'
}

/** `principalId eq '...'` of a `$filter`, or undefined. */
function filteredPrincipal(filter: string | null): string | undefined {
  return /principalId\s+eq\s+'([^']+)'/i.exec(filter ?? '')?.[1]
}

/** The answer to a Microsoft.Authorization read, or undefined when `path` is not one. */
export function authorizationAnswer(
  path: string,
  query: URLSearchParams,
  options: {
    assignments: DescribedAssignment[]
    readDenied: boolean
    callerOid: string
    nowMs: number
  }
): AuthorizationAnswer | undefined {
  const assignmentsAt = /^(.*)\/providers\/Microsoft\.Authorization\/roleAssignments$/i.exec(path)
  if (assignmentsAt) {
    const scope = assignmentsAt[1] || '/'
    if (options.readDenied) {
      return {
        status: 403,
        body: {
          error: {
            code: 'AuthorizationFailed',
            message: `The client '${options.callerOid}' with object id '${options.callerOid}' does not have authorization to perform action 'Microsoft.Authorization/roleAssignments/read' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`
          }
        }
      }
    }
    const principal = filteredPrincipal(query.get('$filter'))
    const value = options.assignments
      .filter(a => principal === undefined || lower(a.principalId) === lower(principal))
      .filter(a => related(a.scope, scope))
      .map((a, i) => {
        const role = BUILT_IN_ROLES[a.role]
        const created = new Date(
          options.nowMs - (a.createdMinutesAgo ?? 60 * 24) * 60_000
        ).toISOString()
        const name = `0f5b7c3d-8e2a-4b6c-9d1e-${String(100000000000 + i).slice(-12)}`
        return {
          id: `${a.scope}/providers/Microsoft.Authorization/roleAssignments/${name}`,
          name,
          type: 'Microsoft.Authorization/roleAssignments',
          properties: {
            roleDefinitionId: `/subscriptions/${subscriptionOf(a.scope)}/providers/Microsoft.Authorization/roleDefinitions/${role ? role.id : UNKNOWN_ROLE_ID}`,
            principalId: a.principalId,
            principalType: 'ServicePrincipal',
            scope: a.scope,
            condition: null,
            conditionVersion: null,
            createdOn: created,
            updatedOn: created,
            createdBy: AUTHOR,
            updatedBy: AUTHOR,
            delegatedManagedIdentityResourceId: null,
            description: null
          }
        }
      })
    return { status: 200, body: { value } }
  }
  const definition = /\/providers\/Microsoft\.Authorization\/roleDefinitions\/([^/]+)$/i.exec(path)
  if (definition) {
    const id = (definition[1] ?? '').toLowerCase()
    const found = Object.entries(BUILT_IN_ROLES).find(([, role]) => role.id === id)
    if (!found) {
      return {
        status: 404,
        body: {
          error: {
            code: 'RoleDefinitionDoesNotExist',
            message: "The specified role definition with ID '" + id + "' does not exist."
          }
        }
      }
    }
    const [roleName, role] = found
    return {
      status: 200,
      body: {
        id: `/subscriptions/${subscriptionOf(path)}/providers/Microsoft.Authorization/roleDefinitions/${role.id}`,
        name: role.id,
        type: 'Microsoft.Authorization/roleDefinitions',
        properties: {
          roleName,
          type: 'BuiltInRole',
          description: role.description,
          assignableScopes: ['/'],
          permissions: role.permissions
        }
      }
    }
  }
  return undefined
}
