/**
 * Input `identity`: which managed identity the workload should use.
 *
 *   system                      the system-assigned identity
 *   <GUID>                      a user-assigned identity's client ID
 *   object-id:<GUID>            an identity's object (principal) ID
 *   /subscriptions/.../providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>
 *
 * The usual mistakes get a message that says what to write instead.
 */
import type { IdentitySelection } from '../../contracts/probe-request'
import { isResourceType, parseResourceId, resourceType } from '../../azure/resource-id'
import { GUID, GUID_SOURCE } from '../../common/guid'
import { InputError } from './action-inputs'
import { resourceIdFromPortalUrl } from './portal-url'
import { quoteValue } from './quote-value'

const INPUT = 'identity'
const CLIENT_ID_EXAMPLE = '6f3e2b1a-0c4d-4e5f-8a9b-1c2d3e4f5a6b'
const RESOURCE_ID_EXAMPLE =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-web'
const USER_ASSIGNED_TYPE = 'Microsoft.ManagedIdentity/userAssignedIdentities'

/** Resource types people paste whose own identity is the system-assigned one. */
const OWN_IDENTITY_HOLDERS: Array<[string, string]> = [
  ['Microsoft.Compute/virtualMachines', 'VM'],
  ['Microsoft.Compute/virtualMachineScaleSets', 'scale set'],
  ['Microsoft.Web/sites', 'app'],
  ['Microsoft.App/containerApps', 'container app'],
  ['Microsoft.HybridCompute/machines', 'Arc machine']
]

const BRACED_GUID = new RegExp(`^\\{(${GUID_SOURCE})\\}$`, 'i')
const UNDASHED_GUID = /^[0-9a-f]{32}$/i

function fail(problem: string, example = CLIENT_ID_EXAMPLE): never {
  throw new InputError(INPUT, problem, example)
}

/** Mistakes in something meant as a GUID; undefined when `text` is a plain GUID. */
export function guidProblem(text: string): string | undefined {
  if (GUID.test(text)) return undefined
  // YAML keeps quotes that are inside a plain or block scalar (identity: '"6f3e..."', or `|` with quotes).
  const quoted = /^(["'`])(.*)\1$/.exec(text)
  if (quoted !== null && GUID.test(quoted[2]!.trim())) {
    return `${quoteValue(text)} has quotes around the GUID, which are kept as part of the value; write ${quoted[2]!.trim()} without them`
  }
  const braced = BRACED_GUID.exec(text)
  if (braced !== null) return `${quoteValue(text)} has braces around the GUID; write ${braced[1]}`
  if (UNDASHED_GUID.test(text)) {
    return `${quoteValue(text)} is missing the dashes of a GUID (8-4-4-4-12 hex digits)`
  }
  const wrongLength = guidLengthProblem(text)
  if (wrongLength !== undefined) return wrongLength
  return `${quoteValue(text)} is not a GUID (8-4-4-4-12 hex digits)`
}

/** Hex digits and dashes, but not 8-4-4-4-12: a GUID cut short in a copy, or with extra digits. */
function guidLengthProblem(text: string): string | undefined {
  if (!/^[0-9a-f]+(-[0-9a-f]+)+$/i.test(text)) return undefined
  const groups = text.split('-').map(group => group.length)
  const digits = groups.reduce((sum, n) => sum + n, 0)
  if (digits === 32 && groups.join('-') === '8-4-4-4-12') return undefined
  const cut = digits < 32 ? `${32 - digits} digits are missing` : `${digits - 32} digits too many`
  return `${quoteValue(text)} looks like a GUID of the wrong length: it has ${digits} hex digits in groups ${groups.join('-')}, a GUID has 32 in groups 8-4-4-4-12 (${cut}; copy it again in full)`
}

function parseObjectId(text: string, rest: string): IdentitySelection {
  const value = rest.trim()
  if (value.startsWith('/')) {
    fail(
      `${quoteValue(text)}: object-id: takes the identity's object (principal) ID, a GUID; a resource ID goes in without a prefix`,
      `object-id:${CLIENT_ID_EXAMPLE}`
    )
  }
  const problem = guidProblem(value)
  if (problem !== undefined) fail(`object-id: ${problem}`, `object-id:${CLIENT_ID_EXAMPLE}`)
  return { kind: 'object-id', value: value.toLowerCase() }
}

function parseIdentityResourceId(text: string): IdentitySelection {
  const parsed = parseResourceId(text)
  if (!parsed.ok) {
    fail(
      `${quoteValue(text)} is not a valid user-assigned identity resource ID: ${parsed.problem}`,
      RESOURCE_ID_EXAMPLE
    )
  }
  const { id } = parsed
  if (isResourceType(id, USER_ASSIGNED_TYPE) && id.resources.length === 1) {
    return { kind: 'resource-id', value: text }
  }
  const type = resourceType(id)
  const owner = OWN_IDENTITY_HOLDERS.find(([t]) => t.toLowerCase() === type.toLowerCase())?.[1]
  const hint =
    owner === undefined ? '' : `; for the ${owner}'s own system-assigned identity write: system`
  return fail(
    `${quoteValue(text)} is the resource ID of a ${type}, not of a user-assigned identity (${USER_ASSIGNED_TYPE})${hint}`,
    RESOURCE_ID_EXAMPLE
  )
}

/** Parses the `identity` input. An empty value means `system` (the contract's default). */
export function parseIdentity(value: string): IdentitySelection {
  const text = value.trim()
  if (text === '' || text.toLowerCase() === 'system') return { kind: 'system' }
  if (/[\r\n]/.test(text)) {
    fail('holds several lines; the action tests one identity per run (use a matrix for several)')
  }
  const lower = text.toLowerCase()
  if (['system-assigned', 'systemassigned', 'sami', 'default'].includes(lower)) {
    fail(
      `${quoteValue(text)} is not a selection; for the system-assigned identity write: system`,
      'system'
    )
  }
  if (lower.startsWith('object-id:')) return parseObjectId(text, text.slice('object-id:'.length))
  const prefixed =
    /^(client[-_]?id|principal[-_]?id|object[-_]?id|mi[-_]res[-_]id|msi[-_]res[-_]id|resource[-_]?id)\s*[:=]\s*(.*)$/i.exec(
      text
    )
  if (prefixed !== null) {
    const key = prefixed[1]!.toLowerCase().replace(/[-_]/g, '')
    if (key === 'clientid') {
      fail(`${quoteValue(text)}: write a client ID as the bare GUID, without a prefix`)
    }
    if (key === 'principalid' || key === 'objectid') {
      fail(
        `${quoteValue(text)}: write an object ID as object-id:<GUID>`,
        `object-id:${CLIENT_ID_EXAMPLE}`
      )
    }
    fail(`${quoteValue(text)}: write a resource ID as it is, without a prefix`, RESOURCE_ID_EXAMPLE)
  }
  if (text.startsWith('/') || lower.startsWith('subscriptions/')) {
    return parseIdentityResourceId(text)
  }
  if (lower.startsWith('https://') && lower.includes('/subscriptions/')) {
    const id = resourceIdFromPortalUrl(text)
    fail(
      id === undefined
        ? `${quoteValue(text)} is a portal or ARM URL; give the identity's resource ID (from /subscriptions/ on) or its client ID`
        : `${quoteValue(text)} is a portal URL; the resource ID in it is ${id}: write that (or the identity's client ID)`,
      RESOURCE_ID_EXAMPLE
    )
  }
  const problem = guidProblem(text)
  if (problem === undefined) return { kind: 'client-id', value: text.toLowerCase() }
  if (
    BRACED_GUID.test(text) ||
    UNDASHED_GUID.test(text) ||
    /^["'`]/.test(text) ||
    /^[0-9a-f]+(-[0-9a-f]+)+$/i.test(text)
  ) {
    fail(problem)
  }
  // `rg-web/id-web` or `id-web`: an identity's name; the client ID is one command away.
  const named = /^(?:([-\w.()]+)\/)?([A-Za-z0-9][-\w]{2,127})$/.exec(text)
  if (named !== null) {
    const group = named[1] ?? '<resource group>'
    fail(
      `${quoteValue(text)} looks like the name of an identity; identity takes its client ID (a GUID): az identity show -g ${group} -n ${named[2]} --query clientId -o tsv`
    )
  }
  return fail(
    `${quoteValue(text)} is not system, a client ID (GUID), object-id:<GUID> or a user-assigned identity resource ID`
  )
}
