/**
 * The emulated Azure estate: one tenant, one subscription, resource group `rg-web`, VM `web-1`,
 * a Key Vault, the VM's system-assigned identity and two user-assigned identities.
 *
 * Fixed values (not random) so that a person rehearsing with `npm run emulator` sees the same IDs
 * every time and can paste them into `identity` / `expected-principal-id`.
 */

export interface Identity {
  /** The application (client) ID: `appid` of its tokens, `client_id` of IMDS answers. */
  clientId: string
  /** The service principal's object ID: `oid` of its tokens, what role assignments name. */
  objectId: string
  /** For user-assigned identities the identity's ARM ID; for the system identity, the VM's ID. */
  resourceId: string
}

export interface Estate {
  tenantId: string
  subscriptionId: string
  subscriptionName: string
  resourceGroup: string
  location: string
  vmName: string
  vmId: string
  vmResourceId: string
  vaultName: string
  vaultResourceId: string
  identities: { system: Identity; userAssigned: Identity[] }
}

export const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47'
export const SUBSCRIPTION_ID = '0b1f6471-1bf0-4dda-aec3-cb9272f09590'
export const RESOURCE_GROUP = 'rg-web'

const rgId = `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP}`

function userAssigned(name: string, clientId: string, objectId: string): Identity {
  return {
    clientId,
    objectId,
    resourceId: `${rgId}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${name}`
  }
}

/** A fresh copy, so that an emulator instance may not change another's fixtures. */
export function defaultEstate(): Estate {
  const vmResourceId = `${rgId}/providers/Microsoft.Compute/virtualMachines/web-1`
  return {
    tenantId: TENANT_ID,
    subscriptionId: SUBSCRIPTION_ID,
    subscriptionName: 'mi-smoke-emulated',
    resourceGroup: RESOURCE_GROUP,
    location: 'westeurope',
    vmName: 'web-1',
    vmId: '5c08b38e-4d57-4c23-ac45-aca61037f084',
    vmResourceId,
    vaultName: 'kv-web',
    vaultResourceId: `${rgId}/providers/Microsoft.KeyVault/vaults/kv-web`,
    identities: {
      system: {
        clientId: 'be5947ed-3560-4afe-9504-59967a63f810',
        objectId: '4d2f8c61-93a7-4b4e-8a3e-1f5b7c0d9e21',
        resourceId: vmResourceId
      },
      userAssigned: [
        userAssigned(
          'id-web-app',
          '6f3e2a14-8b0c-4d1e-9f7a-2c5b8e9d0a13',
          'a1c4e7f0-2b5d-4e8a-9c1f-3d6b9e2a5c70'
        ),
        userAssigned(
          'id-web-deploy',
          '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
          'c3b2a190-8f7e-4d6c-9b5a-4e3d2c1b0a98'
        )
      ]
    }
  }
}

/** Which identity an object ID belongs to, if any (for messages and RBAC). */
export function findByObjectId(estate: Estate, objectId: string): Identity | undefined {
  const all = [estate.identities.system, ...estate.identities.userAssigned]
  return all.find(identity => identity.objectId.toLowerCase() === objectId.toLowerCase())
}
