import { parseIdentity } from '../../src/engine/inputs/identity'
import { expectInputError } from '../helpers/expect-input-error'

const SUB = '00000000-1111-2222-3333-444444444444'
const UAMI = `/subscriptions/${SUB}/resourceGroups/rg-web/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-web`
const GUID = '6f3e2b1a-0c4d-4e5f-8a9b-1c2d3e4f5a6b'

describe('parseIdentity: valid', () => {
  it.each([
    ['', { kind: 'system' }],
    ['system', { kind: 'system' }],
    ['System', { kind: 'system' }],
    ['  SYSTEM  ', { kind: 'system' }],
    [GUID, { kind: 'client-id', value: GUID }],
    [GUID.toUpperCase(), { kind: 'client-id', value: GUID }],
    [`object-id:${GUID}`, { kind: 'object-id', value: GUID }],
    [`OBJECT-ID: ${GUID.toUpperCase()}`, { kind: 'object-id', value: GUID }],
    [UAMI, { kind: 'resource-id', value: UAMI }],
    [UAMI.toLowerCase(), { kind: 'resource-id', value: UAMI.toLowerCase() }],
    [
      UAMI.replace('resourceGroups', 'RESOURCEGROUPS').replace(
        'userAssignedIdentities',
        'USERASSIGNEDIDENTITIES'
      ),
      {
        kind: 'resource-id',
        value: UAMI.replace('resourceGroups', 'RESOURCEGROUPS').replace(
          'userAssignedIdentities',
          'USERASSIGNEDIDENTITIES'
        )
      }
    ],
    [
      `/subscriptions/${SUB}/resourceGroups/rg.(prod)_1/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id_web-1`,
      {
        kind: 'resource-id',
        value: `/subscriptions/${SUB}/resourceGroups/rg.(prod)_1/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id_web-1`
      }
    ]
  ])('%j', (value, expected) => {
    expect(parseIdentity(value)).toEqual(expected)
  })
})

describe('parseIdentity: invalid, with a message that says what to write', () => {
  it.each([
    [`{${GUID}}`, new RegExp(`braces.*write ${GUID}`)],
    [GUID.replace(/-/g, ''), /missing the dashes/],
    [`client-id:${GUID}`, /bare GUID, without a prefix/],
    [`client_id=${GUID}`, /bare GUID, without a prefix/],
    [`clientid:${GUID}`, /bare GUID, without a prefix/],
    [`principal-id:${GUID}`, /object-id:<GUID>/],
    [`object_id=${GUID}`, /object-id:<GUID>/],
    [`mi_res_id=${UAMI}`, /resource ID as it is, without a prefix/],
    [`msi_res_id=${UAMI}`, /resource ID as it is, without a prefix/],
    [`object-id:${UAMI}`, /object-id: takes the identity's object \(principal\) ID/],
    ['object-id:', /object-id: "" is not a GUID/],
    [`object-id:{${GUID}}`, /braces/],
    [
      `/subscriptions/${SUB}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/web-1`,
      /Microsoft\.Compute\/virtualMachines, not of a user-assigned identity.*VM's own system-assigned identity write: system/
    ],
    [
      `/subscriptions/${SUB}/resourceGroups/rg-web/providers/Microsoft.Web/sites/app-1`,
      /Microsoft\.Web\/sites.*app's own/
    ],
    [
      `/subscriptions/${SUB}/resourceGroups/rg-web/providers/Microsoft.KeyVault/vaults/kv`,
      /Microsoft\.KeyVault\/vaults, not of a user-assigned identity/
    ],
    [`${UAMI}/federatedIdentityCredentials/fic`, /not of a user-assigned identity/],
    [UAMI.replace(SUB, 'my-subscription'), /subscription ID is not a GUID/],
    [UAMI.replace('/resourceGroups/rg-web', ''), /resourceGroups/],
    [`${UAMI}/`, /does not end with a slash/],
    [UAMI.slice(1), /starts with \/subscriptions\//],
    [
      `https://portal.azure.com/#@tenant/resource${UAMI}`,
      /is a portal URL; the resource ID in it is \/subscriptions\//
    ],
    ['id-web', /az identity show -g <resource group> -n id-web --query clientId -o tsv/],
    ['system-assigned', /write: system/],
    ['SystemAssigned', /write: system/],
    ['user', /looks like the name of an identity/],
    [`${GUID}\n${GUID}`, /several lines/],
    [`${GUID} `.repeat(2).trim(), /not system, a client ID/]
  ])('%j', (value, problem) => {
    const error = expectInputError(() => parseIdentity(value), 'identity', problem)
    // The example offered is itself a valid identity.
    expect(() => parseIdentity(error.example)).not.toThrow()
  })
})
