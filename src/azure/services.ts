/**
 * The one table of Azure services this action knows. Each service is one row: its hosts and
 * audiences in each cloud (public, US Government, China), the application IDs that stand for its
 * audience in v2 tokens, the errors it answers (codes and texts, and what they mean), how it says
 * that the caller's network is refused, how to open its network, and the data-plane roles a
 * remediation names. Adding a service is adding a row; adding a cloud is adding a column to the
 * rows (`clouds`) and to CLOUDS. Everything else (the audience a check asks for, the pre-flight
 * audience judgement, the diagnosis of an API's answer, the fix) reads this table.
 *
 * Audiences: `exact` are accepted exactly as written, `eitherSlash` with or without a trailing slash.
 * Key Vault takes exactly `https://vault.azure.net` (with a trailing slash it answers 401 AKV10022);
 * Cosmos DB wants no trailing slash; ARM takes four spellings. Where a service also takes the URL of
 * the account itself (Storage, Service Bus, Data Explorer...), HOST_URL stands for it. When in doubt
 * an entry is lenient: a false pre-flight warning costs users more than a missed one, which the
 * API's 401 still reports.
 */
import { GUID } from '../common/guid'

export type AzureCloud = 'public' | 'usgov' | 'china'

/** The clouds, with the names IMDS (`compute.azEnvironment`) and App Service give them. */
export const CLOUDS: Record<AzureCloud, { name: string; environments: string[] }> = {
  public: { name: 'Azure public cloud', environments: ['AzurePublicCloud', 'AzureCloud'] },
  usgov: {
    name: 'Azure US Government',
    environments: ['AzureUSGovernmentCloud', 'AzureUSGovernment']
  },
  china: { name: 'Azure China', environments: ['AzureChinaCloud'] }
}

/** The cloud an `azEnvironment` value names; undefined for names not in CLOUDS. */
export function cloudOfEnvironment(environment: string | undefined): AzureCloud | undefined {
  const wanted = environment?.trim().toLowerCase()
  if (!wanted) return undefined
  return (Object.keys(CLOUDS) as AzureCloud[]).find(cloud =>
    CLOUDS[cloud].environments.some(name => name.toLowerCase() === wanted)
  )
}

export type ServiceKey =
  | 'arm'
  | 'keyvault'
  | 'managedhsm'
  | 'storage'
  | 'graph'
  | 'sql'
  | 'synapse'
  | 'servicebus'
  | 'cosmos'
  | 'appconfig'
  | 'acr'
  | 'cognitive'
  | 'loganalytics'
  | 'kusto'

/** Stands for `https://<the host itself>` in the rows (account-, vault- or cluster-specific URLs). */
const HOST_URL = '<host-url>'

interface CloudEndpoints {
  /** Exact host names. */
  hosts?: string[]
  /** Parent domains: the row matches any host ending in `.<suffix>`. */
  suffixes?: string[]
  /** The audience to request when a check gives no `resource=`. */
  audience: string
  exact?: string[]
  eitherSlash?: string[]
  /** Private DNS zones of the service's private endpoints in this cloud. */
  privateDnsZones?: string[]
}

/**
 * What an answer of the service means. `code` is matched against the error code (and inner code),
 * `text` against the message and detail; both must match when both are given.
 */
export interface ErrorRule {
  status?: number[]
  code?: RegExp
  text?: RegExp
  meaning:
    | 'network' // the service refused the caller's network address or route
    | 'role' // the principal lacks a data-plane role or permission
    | 'audience' // the token is for another audience
    | 'tenant' // the token comes from another tenant than the resource's
    | 'expired' // the token's lifetime: expired or not yet valid (a clock question)
    | 'token' // the token is refused for another reason
    | 'role-or-network' // a bare refusal that is one or the other (App Configuration's empty 403)
    | 'stated' // the service states a cause that is none of those: an object or resource state, a
  //            provider not registered, a name that does not exist, a call the identity cannot make
  /** What the service said, in words for the detail line. */
  why: string
  /**
   * `stated` rules: what fixes the stated cause, with {name} (the resource's name), {object} (the
   * object the URL names), {subscription} and any named group of `code` or `text` (e.g. the
   * provider's {namespace}) filled in; unknown values stay as `<...>` placeholders.
   */
  fix?: string
  /** The words list several causes at once: none of them, time included, is the evidence. */
  lists?: boolean
}

/** How a remediation opens the service's network: commands with {name}, {group}, {ip}, {subnet}. */
export interface NetworkFix {
  /** Allow an outbound IP. */
  ip?: string
  /** Allow a subnet (service endpoint / VNet rule). */
  subnet?: string
  /** Turn public network access back on (when it is off). */
  publicAccess?: string
  /** `--group-id` of a private endpoint. */
  privateEndpointGroup: string
  /** What the resource is called in commands, e.g. `vault`, `account`. */
  resourceWord: string
}

/**
 * A data-plane role and the actions (or data actions) it allows, as its built-in definition lists
 * them (`*` matches anything). A remediation names the first role, in table order (narrowest
 * first), that allows the action the check needs: never one that grants no data access.
 */
export interface DataRole {
  role: string
  allows: string[]
  /** Actions the definition excludes (its notActions), matched like `allows`. */
  denies?: string[]
}

/** Words a service uses for what it refused (a claim, a storage kind), as the action they need. */
export interface ActionWords {
  when: RegExp
  action: string
}

export interface AzureService {
  key: ServiceKey
  name: string
  clouds: Partial<Record<AzureCloud, CloudEndpoints>>
  /**
   * Application IDs that appear as `aud` in v2 tokens for this service. Rules with a `status` are
   * this service's only; rules without one also judge answers of checks whose service is unknown.
   */
  appIds?: string[]
  errors: ErrorRule[]
  network?: NetworkFix
  /**
   * How its data-plane permissions are granted: Azure role assignments, or the service's own model
   * (Graph app roles, Cosmos DB SQL role assignments, Data Explorer database roles, SQL database
   * users, Managed HSM local role assignments).
   */
  grants:
    | 'azure-rbac'
    | 'graph-app-roles'
    | 'cosmos-data-plane'
    | 'kusto-database-roles'
    | 'sql-users'
    | 'managedhsm-local-rbac'
  roles: DataRole[]
  /** The action a plain GET check needs when the answer names none. */
  defaultAction: string
  /** What the service's own words for a refused operation need (claims, storage kinds). */
  actionWords?: ActionWords[]
}

const SERVICES: AzureService[] = [
  {
    key: 'arm',
    name: 'Azure Resource Manager',
    clouds: {
      public: arm('management.azure.com', 'management.core.windows.net'),
      usgov: arm('management.usgovcloudapi.net', 'management.core.usgovcloudapi.net'),
      china: arm('management.chinacloudapi.cn', 'management.core.chinacloudapi.cn')
    },
    appIds: ['797f4846-ba00-4fd7-ba43-dac1f8f63013'],
    errors: [
      {
        code: /^InvalidAuthenticationTokenAudience$/,
        meaning: 'audience',
        why: 'ARM refused the audience'
      },
      {
        code: /^InvalidAuthenticationTokenTenant$/,
        meaning: 'tenant',
        why: 'the token is from another tenant than the subscription'
      },
      {
        code: /^ExpiredAuthenticationToken$/,
        meaning: 'expired',
        why: 'ARM says the token has expired'
      },
      { code: /^(Linked)?AuthorizationFailed$/, meaning: 'role', why: 'no role allows the call' },
      { code: /^InvalidAuthenticationToken/, meaning: 'token', why: 'ARM refused the token' },
      // Causes ARM states in its own words: followed, never answered with a role or `expect=`.
      {
        code: /^MissingSubscriptionRegistration$/,
        text: /namespace '(?<namespace>[\w.]+)'/i,
        meaning: 'stated',
        why: 'the subscription is not registered for the resource provider',
        fix: 'Register the resource provider in the subscription (the answer says it is not registered; no role helps): az provider register --namespace {namespace} --subscription {subscription}, then wait until az provider show --namespace {namespace} --subscription {subscription} --query registrationState -o tsv prints Registered (a few minutes); registering needs Contributor or Owner on the subscription'
      },
      {
        code: /^ReadOnlyDisabledSubscription$|^SubscriptionDisabled$/,
        meaning: 'stated',
        why: 'the subscription is disabled (read-only)',
        fix: 'The subscription {subscription} is disabled (an expired trial or credit, a spending limit reached, an unpaid invoice, or cancelled): reactivate it (Azure portal > Subscriptions > {subscription} > Reactivate, or the account administrator), or point the check at an active subscription; no role or network change helps'
      },
      {
        code: /^(SubscriptionNotFound|InvalidSubscriptionId)$/,
        meaning: 'stated',
        why: 'ARM does not know the subscription',
        fix: "Check the subscription ID in the check's URL ({subscription}): it must exist in the identity's tenant (az account show --subscription {subscription} --query tenantId -o tsv); a subscription moved to another tenant needs an identity of that tenant"
      },
      {
        code: /^(ResourceGroupNotFound|ResourceNotFound|ParentResourceNotFound)$/,
        meaning: 'stated',
        why: 'the resource the URL names does not exist',
        fix: 'The resource the check\'s URL names does not exist, as ARM says: check the resource group and resource names in the URL (az group exists --name <group> --subscription {subscription}; az resource list --resource-group <group> --subscription {subscription} --query "[].id"); if it was deleted, restore or recreate it'
      },
      {
        code: /^RequestDisallowedByPolicy$/,
        meaning: 'stated',
        why: 'an Azure Policy assignment denies the request',
        fix: 'An Azure Policy assignment denies this request (not a missing role: a role grant does not help): read the policy assignment the answer names (az policy assignment list --disable-scope-strict-match --query "[].{name:name, scope:scope}"), then make the request comply or ask the policy owner for an exemption (az policy exemption create)'
      },
      {
        code: /^(NoRegisteredProviderFound|InvalidApiVersionParameter|InvalidResourceType)$/,
        meaning: 'stated',
        why: 'the api-version, location or resource type is not one the provider serves',
        fix: "Use an api-version the resource type supports (the answer lists them; az provider show --namespace <provider> --query \"resourceTypes[?resourceType=='<type>'].apiVersions\") and check the resource type in the check's URL"
      }
    ],
    grants: 'azure-rbac',
    // Reader allows every read action (`*/read`): what a GET check needs; an answer that names
    // another action (a write) gets the narrowest built-in role that allows it.
    roles: [
      { role: 'Reader', allows: ['*/read'] },
      {
        role: 'Contributor',
        allows: ['*'],
        denies: [
          'Microsoft.Authorization/*/Delete',
          'Microsoft.Authorization/*/Write',
          'Microsoft.Authorization/elevateAccess/Action',
          'Microsoft.Blueprint/blueprintAssignments/write',
          'Microsoft.Blueprint/blueprintAssignments/delete',
          'Microsoft.Compute/galleries/share/action'
        ]
      },
      {
        role: 'User Access Administrator',
        allows: ['*/read', 'Microsoft.Authorization/*', 'Microsoft.Support/*']
      }
    ],
    defaultAction: 'Microsoft.Resources/subscriptions/resourceGroups/read'
  },
  {
    key: 'keyvault',
    name: 'Key Vault',
    clouds: {
      public: vault('vault.azure.net', 'privatelink.vaultcore.azure.net'),
      usgov: vault('vault.usgovcloudapi.net', 'privatelink.vaultcore.usgovcloudapi.net'),
      china: vault('vault.azure.cn', 'privatelink.vaultcore.azure.cn')
    },
    appIds: ['cfa8b339-82a2-471a-a3c9-0fc0be7a4093'],
    errors: [
      {
        code: /^ForbiddenByFirewall$/,
        meaning: 'network',
        why: "the vault's firewall refused the workload's address (403 ForbiddenByFirewall)"
      },
      {
        text: /client address is not authorized/i,
        meaning: 'network',
        why: "the vault's firewall refused the workload's address"
      },
      {
        code: /^ForbiddenByConnection$/,
        meaning: 'network',
        why: 'the vault has public network access disabled and the request did not come through its private endpoint (403 ForbiddenByConnection)'
      },
      {
        text: /public network access is disabled/i,
        meaning: 'network',
        why: 'the vault has public network access disabled'
      },
      { text: /AKV10022/, meaning: 'audience', why: 'Key Vault refused the audience (AKV10022)' },
      {
        text: /invalid issuer/i,
        meaning: 'tenant',
        why: "the token's issuer is not the vault's tenant (AKV10032)"
      },
      {
        status: [429],
        code: /^Throttled$/,
        text: /(?<limit>VaultRequestTypeLimitReached|\w+LimitReached)/,
        meaning: 'stated',
        why: "the vault's request limit was reached",
        fix: "Key Vault says the vault's limit for this kind of request was reached ({limit}): the limit is per vault and every caller of the vault counts, not only this identity; cache secrets and keys in the apps (read once, not per request), spread the calls over time or over vaults, and honour Retry-After"
      },
      // The inner code decides over the top-level `Forbidden` (src/azure/services.ts
      // matchErrorRules): a disabled secret is `Forbidden` too, and no role enables it.
      {
        code: /^(?<kind>Secret|Key|Certificate)Disabled$/,
        meaning: 'stated',
        why: 'the object is disabled',
        fix: 'Enable the object, or point the check at an enabled one or version (the vault says it is disabled; no role or access policy can read a disabled object): az keyvault {kind} set-attributes --vault-name {name} --name {object} --enabled true'
      },
      {
        text: /not allowed on a disabled (?<kind>secret|key|certificate)/i,
        meaning: 'stated',
        why: 'the object is disabled',
        fix: 'Enable the object, or point the check at an enabled one or version (the vault says it is disabled; no role or access policy can read a disabled object): az keyvault {kind} set-attributes --vault-name {name} --name {object} --enabled true'
      },
      {
        code: /^(?<kind>Secret|Key|Certificate)NotFound$/,
        meaning: 'stated',
        why: 'the vault has no such object',
        fix: 'The vault has no {kind} of that name (or version), as it says: check the name in the check\'s URL (az keyvault {kind} list --vault-name {name} --query "[].name"); a deleted one in its soft-delete retention is listed by az keyvault {kind} list-deleted --vault-name {name} and restored with az keyvault {kind} recover --vault-name {name} --name {object}'
      },
      {
        text: /(?<kind>secret|key|certificate) .* is currently in a deleted but recoverable state/i,
        meaning: 'stated',
        why: 'the object is deleted (soft-deleted, recoverable)',
        fix: 'The {kind} is deleted but recoverable (soft-delete): recover it (az keyvault {kind} recover --vault-name {name} --name {object}) or purge it before reusing the name (az keyvault {kind} purge)'
      },
      {
        code: /^(ForbiddenByRbac|AccessDenied)$/,
        status: [403],
        meaning: 'role',
        why: 'the vault refused the operation'
      },
      // A cut body may have lost its inner code: the words still say it is about authorization.
      {
        code: /^Forbidden$/,
        status: [403],
        text: /not authorized|does not have .*permission|not found on any access policy/i,
        meaning: 'role',
        why: 'the vault refused the operation'
      },
      {
        status: [401],
        text: /expired|not yet valid|lifetime/i,
        meaning: 'expired',
        why: "Key Vault says the token's lifetime is not valid now"
      },
      { status: [401], text: /AKV\d+/, meaning: 'token', why: 'Key Vault refused the token' }
    ],
    network: {
      ip: 'az keyvault network-rule add --name {name} --ip-address {ip}',
      subnet: 'az keyvault network-rule add --name {name} --subnet {subnet}',
      publicAccess: 'az keyvault update --name {name} --public-network-access Enabled',
      privateEndpointGroup: 'vault',
      resourceWord: 'vault'
    },
    grants: 'azure-rbac',
    roles: [
      // Listing and metadata are covered by the read role; only secret values need more.
      {
        role: 'Key Vault Reader',
        allows: [
          'Microsoft.KeyVault/vaults/*/read',
          'Microsoft.KeyVault/vaults/secrets/readMetadata/action'
        ]
      },
      {
        role: 'Key Vault Secrets User',
        allows: [
          'Microsoft.KeyVault/vaults/secrets/getSecret/action',
          'Microsoft.KeyVault/vaults/secrets/readMetadata/action'
        ]
      },
      {
        role: 'Key Vault Crypto User',
        allows: ['Microsoft.KeyVault/vaults/keys/read', 'Microsoft.KeyVault/vaults/keys/*/action']
      },
      {
        role: 'Key Vault Certificate User',
        allows: [
          'Microsoft.KeyVault/vaults/certificates/read',
          'Microsoft.KeyVault/vaults/secrets/getSecret/action',
          'Microsoft.KeyVault/vaults/keys/read'
        ]
      }
    ],
    defaultAction: 'Microsoft.KeyVault/vaults/secrets/getSecret/action'
  },
  {
    key: 'managedhsm',
    name: 'Key Vault Managed HSM',
    clouds: {
      public: vault('managedhsm.azure.net', 'privatelink.managedhsm.azure.net'),
      usgov: vault('managedhsm.usgovcloudapi.net', 'privatelink.managedhsm.usgovcloudapi.net'),
      china: vault('managedhsm.azure.cn', 'privatelink.managedhsm.azure.cn')
    },
    errors: [
      // The HSM's own (local) RBAC refused: `AccessDenied ... Not authorized to access <action> on <scope>`.
      {
        code: /^(AccessDenied|Forbidden)$/,
        status: [403],
        text: /not authorized/i,
        meaning: 'role',
        why: "the HSM's local role assignments do not allow the operation"
      }
    ],
    // Data-plane access is the HSM's local RBAC (az keyvault role assignment create --hsm-name),
    // not Azure role assignments on the resource.
    grants: 'managedhsm-local-rbac',
    roles: [
      {
        role: 'Managed HSM Crypto User',
        allows: [
          'Microsoft.KeyVault/managedHsm/keys/read/action',
          'Microsoft.KeyVault/managedHsm/keys/*/action'
        ]
      },
      {
        role: 'Managed HSM Policy Administrator',
        allows: [
          'Microsoft.KeyVault/managedHsm/roleAssignments/*',
          'Microsoft.KeyVault/managedHsm/roleDefinitions/*'
        ]
      }
    ],
    defaultAction: 'Microsoft.KeyVault/managedHsm/keys/read/action'
  },
  {
    key: 'storage',
    name: 'Azure Storage',
    clouds: {
      public: storage('core.windows.net'),
      usgov: storage('core.usgovcloudapi.net'),
      china: storage('core.chinacloudapi.cn')
    },
    appIds: ['e406a681-f3d4-42a8-90b6-c2b029497af1'],
    errors: [
      {
        code: /^AuthorizationFailure$/,
        meaning: 'network',
        why: "the storage account's firewall refused the request (403 AuthorizationFailure: its 'Firewalls and virtual networks' settings exclude the workload)"
      },
      {
        code: /^AuthorizationPermissionMismatch$/,
        meaning: 'role',
        why: 'the principal has no data role on the storage account (403 AuthorizationPermissionMismatch)'
      },
      {
        code: /^(AuthenticationFailed|InvalidAuthenticationInfo)$/,
        text: /issuer validation failed/i,
        meaning: 'tenant',
        why: "Storage says the token's issuer is not the account's tenant (AuthenticationErrorDetail: Issuer validation failed)"
      },
      {
        code: /^(AuthenticationFailed|InvalidAuthenticationInfo)$/,
        text: /lifetime validation failed|token is expired|not yet valid/i,
        meaning: 'expired',
        why: "Storage says the token's lifetime is not valid now (AuthenticationErrorDetail: Lifetime validation failed)"
      },
      {
        code: /^(AuthenticationFailed|InvalidAuthenticationInfo)$/,
        text: /audience validation failed/i,
        meaning: 'audience',
        why: "Storage refused the token's audience (AuthenticationErrorDetail: Audience validation failed)"
      },
      {
        code: /^(AuthenticationFailed|InvalidAuthenticationInfo|NoAuthenticationInformation)$/,
        meaning: 'token',
        why: 'Storage could not authenticate the request'
      },
      {
        code: /^AccountIsDisabled$/,
        meaning: 'stated',
        why: 'the storage account is disabled',
        fix: 'The storage account is disabled, as Storage says (its subscription is disabled, or the account was suspended): re-enable the subscription or the account (az storage account show --name {name} --query "{status:statusOfPrimary}"; the Azure portal shows why); no role or network rule changes this'
      },
      {
        code: /^(ContainerNotFound|BlobNotFound|QueueNotFound|TableNotFound|ShareNotFound|PathNotFound|FilesystemNotFound)$/,
        meaning: 'stated',
        why: 'the object the URL names does not exist',
        fix: 'The container, blob, queue, table or share the check\'s URL names does not exist, as Storage says: check the names in the URL (az storage container list --account-name {name} --auth-mode login --query "[].name"), or create it; with soft delete on, a deleted container or blob can be restored'
      },
      {
        code: /^KeyBasedAuthenticationNotPermitted$/,
        meaning: 'stated',
        why: 'the account refuses shared-key requests',
        fix: 'The account does not permit shared-key authorization: call it with the managed identity token only (no account key, no SAS signed with a key)'
      }
    ],
    network: {
      ip: 'az storage account network-rule add --account-name {name} --ip-address {ip}',
      subnet: 'az storage account network-rule add --account-name {name} --subnet {subnet}',
      publicAccess: 'az storage account update --name {name} --public-network-access Enabled',
      privateEndpointGroup: 'blob',
      resourceWord: 'account'
    },
    grants: 'azure-rbac',
    roles: [
      {
        role: 'Storage Blob Data Reader',
        allows: ['Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read']
      },
      {
        role: 'Storage Queue Data Reader',
        allows: [
          'Microsoft.Storage/storageAccounts/queueServices/queues/messages/read',
          'Microsoft.Storage/storageAccounts/queueServices/queues/read'
        ]
      },
      {
        role: 'Storage Table Data Reader',
        allows: ['Microsoft.Storage/storageAccounts/tableServices/tables/entities/read']
      },
      {
        role: 'Storage File Data Privileged Reader',
        allows: [
          'Microsoft.Storage/storageAccounts/fileServices/fileshares/files/read',
          'Microsoft.Storage/storageAccounts/fileServices/readFileBackupSemantics/action'
        ]
      }
    ],
    defaultAction: 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read',
    // Which service of the account the host is (blob, dfs, queue, table, file).
    actionWords: [
      {
        when: /^(blob|dfs)$/,
        action: 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'
      },
      {
        when: /^queue$/,
        action: 'Microsoft.Storage/storageAccounts/queueServices/queues/messages/read'
      },
      {
        when: /^table$/,
        action: 'Microsoft.Storage/storageAccounts/tableServices/tables/entities/read'
      },
      {
        when: /^file$/,
        action: 'Microsoft.Storage/storageAccounts/fileServices/fileshares/files/read'
      }
    ]
  },
  {
    key: 'graph',
    name: 'Microsoft Graph',
    clouds: {
      public: graph(['graph.microsoft.com'], 'https://graph.microsoft.com'),
      // GCC High and DoD each have their own Graph host, and each takes its own URL.
      usgov: graph(['graph.microsoft.us', 'dod-graph.microsoft.us'], HOST_URL),
      china: graph(['microsoftgraph.chinacloudapi.cn'], 'https://microsoftgraph.chinacloudapi.cn')
    },
    appIds: ['00000003-0000-0000-c000-000000000000'],
    errors: [
      {
        text: /\/me request is only valid with delegated authentication flow/i,
        meaning: 'stated',
        why: '/me needs a signed-in user; a managed identity token is app-only',
        fix: 'A managed identity gets app-only tokens and /me needs a signed-in user (a delegated token), so no permission makes this call work: call the object by its ID instead (/users/<user id or UPN>, /servicePrincipals/{principal}) with the application permission it needs (e.g. User.Read.All) granted to principal {principal}'
      },
      {
        code: /^Request_ResourceNotFound$|^ResourceNotFound$/,
        meaning: 'stated',
        why: 'the object the URL names does not exist',
        fix: "The object the check's URL names does not exist in the tenant, as Graph says: check its ID in the URL (a deleted object stays in /directory/deletedItems for 30 days)"
      },
      { text: /invalid audience/i, meaning: 'audience', why: 'Graph refused the audience' },
      {
        text: /either scp or roles claim need to be present/i,
        meaning: 'role',
        why: 'the token carries no Graph application permission (no roles claim)'
      },
      {
        text: /lifetime validation failed|token is expired/i,
        meaning: 'expired',
        why: "Graph says the token's lifetime is not valid now"
      },
      {
        code: /^(Authorization_RequestDenied|Forbidden|accessDenied|ErrorAccessDenied)$/i,
        status: [403],
        meaning: 'role',
        why: 'Graph denied the call: the application permission it needs is not granted'
      },
      { code: /^InvalidAuthenticationToken$/, meaning: 'token', why: 'Graph refused the token' }
    ],
    grants: 'graph-app-roles',
    // Graph answers 403 without naming the permission; each API's page lists the ones it takes.
    roles: [{ role: 'the Microsoft Graph application permission the call needs', allows: ['*'] }],
    defaultAction: 'the application permission of the call'
  },
  {
    key: 'sql',
    name: 'Azure SQL Database',
    clouds: {
      public: sql('database.windows.net', 'privatelink.database.windows.net'),
      usgov: sql('database.usgovcloudapi.net', 'privatelink.database.usgovcloudapi.net'),
      china: sql('database.chinacloudapi.cn', 'privatelink.database.chinacloudapi.cn')
    },
    appIds: ['022907d3-0f1b-48f7-badc-1ba6abab6d66'],
    errors: [],
    // Data access is a database user (CREATE USER ... FROM EXTERNAL PROVIDER) and its database
    // roles: an Azure role on the server grants none.
    grants: 'sql-users',
    roles: [{ role: 'db_datareader', allows: ['SELECT'] }],
    defaultAction: 'SELECT'
  },
  {
    key: 'synapse',
    name: 'Azure Synapse SQL',
    clouds: {
      public: {
        ...sql('database.windows.net', 'privatelink.sql.azuresynapse.net'),
        suffixes: ['sql.azuresynapse.net']
      }
    },
    errors: [],
    grants: 'sql-users',
    roles: [{ role: 'db_datareader', allows: ['SELECT'] }],
    defaultAction: 'SELECT'
  },
  {
    key: 'servicebus',
    name: 'Service Bus / Event Hubs',
    clouds: {
      public: serviceBus('servicebus.windows.net', 'privatelink.servicebus.windows.net'),
      usgov: serviceBus('servicebus.usgovcloudapi.net', 'privatelink.servicebus.usgovcloudapi.net'),
      china: serviceBus('servicebus.chinacloudapi.cn', 'privatelink.servicebus.chinacloudapi.cn')
    },
    appIds: ['80369ed6-5f11-4dd9-bef3-692475845e77'],
    errors: [
      // Service Bus and Event Hubs answer an IP filter or a disabled public endpoint with a 401
      // of their own, not a 403.
      {
        text: /ip has been prevented to connect to the endpoint/i,
        meaning: 'network',
        why: "the namespace's IP filter or network rules refused the workload's address"
      },
      // ...and a missing data role with 401 too, naming the claim the operation needs.
      {
        text: /claim\(s\) are required to perform this operation/i,
        meaning: 'role',
        why: 'the principal has no data role granting the claim the operation needs'
      },
      { text: /expired ?token|token has expired/i, meaning: 'expired', why: 'the token expired' },
      {
        text: /invalid ?audience/i,
        meaning: 'audience',
        why: 'the namespace refused the audience'
      },
      {
        text: /messaging entity .* could not be found|MessagingEntityNotFound/i,
        meaning: 'stated',
        why: 'the namespace has no such queue, topic or subscription',
        fix: 'The namespace has no queue, topic or subscription of that name, as it says: check the entity path in the check\'s URL (az servicebus queue list --namespace-name {name} --resource-group <resource group> --query "[].name"; topics: az servicebus topic list; Event Hubs: az eventhubs eventhub list)'
      },
      {
        text: /(namespace|entity) .* (is )?(disabled|suspended)|MessagingEntityDisabled|NamespaceDisabled/i,
        meaning: 'stated',
        why: 'the namespace or entity is disabled',
        fix: 'The namespace or entity is disabled, as the service says: re-enable it (az servicebus queue update --name <queue> --namespace-name {name} --resource-group <resource group> --status Active), or reactivate the subscription if the namespace was suspended with it'
      }
    ],
    network: {
      ip: 'az servicebus namespace network-rule-set ip-rule add --namespace-name {name} --resource-group {group} --ip-rule ip-address={ip} action=Allow (Event Hubs: az eventhubs namespace network-rule-set ip-rule add ...)',
      subnet:
        'az servicebus namespace network-rule-set virtual-network-rule add --namespace-name {name} --resource-group {group} --subnet {subnet}',
      publicAccess:
        'az servicebus namespace network-rule-set update --namespace-name {name} --resource-group {group} --public-network-access Enabled',
      privateEndpointGroup: 'namespace',
      resourceWord: 'namespace'
    },
    grants: 'azure-rbac',
    roles: [
      {
        role: 'Azure Service Bus Data Receiver (Event Hubs: Azure Event Hubs Data Receiver)',
        allows: ['Microsoft.ServiceBus/*/receive/action', 'Microsoft.EventHub/*/receive/action']
      },
      {
        role: 'Azure Service Bus Data Sender (Event Hubs: Azure Event Hubs Data Sender)',
        allows: ['Microsoft.ServiceBus/*/send/action', 'Microsoft.EventHub/*/send/action']
      },
      {
        role: 'Azure Service Bus Data Owner (Event Hubs: Azure Event Hubs Data Owner)',
        allows: ['Microsoft.ServiceBus/*', 'Microsoft.EventHub/*']
      }
    ],
    defaultAction: 'Microsoft.ServiceBus/namespaces/messages/receive/action',
    // The 401 names the claim the operation needs: Listen, Send or Manage.
    actionWords: [
      { when: /'?send'?/i, action: 'Microsoft.ServiceBus/namespaces/messages/send/action' },
      { when: /'?manage/i, action: 'Microsoft.ServiceBus/namespaces/write' },
      { when: /'?listen'?/i, action: 'Microsoft.ServiceBus/namespaces/messages/receive/action' }
    ]
  },
  {
    key: 'cosmos',
    name: 'Azure Cosmos DB',
    clouds: {
      // The SDKs ask for `<account endpoint>/.default`; Cosmos DB RBAC wants no trailing slash.
      public: cosmos(
        'documents.azure.com',
        'privatelink.documents.azure.com',
        'https://cosmos.azure.com'
      ),
      usgov: cosmos('documents.azure.us', 'privatelink.documents.azure.us'),
      china: cosmos('documents.azure.cn', 'privatelink.documents.azure.cn')
    },
    errors: [
      {
        status: [429],
        text: /request rate is large/i,
        meaning: 'stated',
        why: "the container's provisioned throughput (RU/s) is used up",
        fix: "Cosmos DB says the request rate is larger than the throughput provisioned (Request Units per second), not that this identity is limited: raise the container's or database's RU/s, or enable autoscale (az cosmosdb sql container throughput update --account-name {name} --resource-group <resource group> --database-name <database> --name <container> --max-throughput <RU/s>), and spread the load over partition keys"
      },
      {
        text: /blocked by your Cosmos DB account firewall/i,
        meaning: 'network',
        why: "the account's firewall refused the workload's address"
      },
      {
        text: /request originated from (vnet|ip|client ip)/i,
        meaning: 'network',
        why: "the account's network settings refused where the request came from"
      },
      {
        text: /does not have required RBAC permissions|cannot be authorized by AAD token in data plane/i,
        meaning: 'role',
        why: 'the principal has no Cosmos DB data-plane role assignment for the action'
      }
    ],
    network: {
      ip: "az cosmosdb update --name {name} --resource-group {group} --ip-range-filter '<existing ranges>,{ip}'",
      subnet:
        'az cosmosdb network-rule add --name {name} --resource-group {group} --subnet {subnet}',
      publicAccess:
        'az cosmosdb update --name {name} --resource-group {group} --public-network-access ENABLED',
      privateEndpointGroup: 'Sql',
      resourceWord: 'account'
    },
    // Cosmos DB data-plane roles are its own role definitions, not Azure roles.
    grants: 'cosmos-data-plane',
    roles: [
      {
        role: 'Cosmos DB Built-in Data Reader (00000000-0000-0000-0000-000000000001)',
        allows: [
          'Microsoft.DocumentDB/databaseAccounts/readMetadata',
          'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers/items/read',
          'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers/executeQuery',
          'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers/readChangeFeed'
        ]
      },
      {
        role: 'Cosmos DB Built-in Data Contributor (00000000-0000-0000-0000-000000000002)',
        allows: [
          'Microsoft.DocumentDB/databaseAccounts/readMetadata',
          'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers/*',
          'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers/items/*'
        ]
      }
    ],
    defaultAction: 'Microsoft.DocumentDB/databaseAccounts/readMetadata'
  },
  {
    key: 'appconfig',
    name: 'Azure App Configuration',
    clouds: {
      // The SDKs' KnownAppConfigAudience; older stores also take their own endpoint.
      public: appConfiguration(
        'azconfig.io',
        'https://appconfig.azure.com',
        'privatelink.azconfig.io'
      ),
      usgov: appConfiguration(
        'azconfig.azure.us',
        'https://appconfig.azure.us',
        'privatelink.azconfig.azure.us'
      ),
      china: appConfiguration(
        'azconfig.azure.cn',
        'https://appconfig.azure.cn',
        'privatelink.azconfig.azure.cn'
      )
    },
    errors: [
      {
        text: /public access is disabled|not in the store.s private endpoint/i,
        meaning: 'network',
        why: "the store refused the request: public access is disabled or the private endpoint is not the store's"
      },
      {
        status: [403],
        meaning: 'role-or-network',
        why: 'App Configuration answered 403 without a reason, as it does both for a principal without a data role and for a request from a network the store excludes'
      }
    ],
    network: {
      publicAccess: 'az appconfig update --name {name} --enable-public-network true',
      privateEndpointGroup: 'configurationStores',
      resourceWord: 'store'
    },
    grants: 'azure-rbac',
    roles: [
      {
        role: 'App Configuration Data Reader',
        allows: ['Microsoft.AppConfiguration/configurationStores/*/read']
      }
    ],
    defaultAction: 'Microsoft.AppConfiguration/configurationStores/keyValues/read'
  },
  {
    key: 'acr',
    name: 'Azure Container Registry',
    clouds: {
      // The Entra token a registry exchanges (`/oauth2/exchange`) is for the registry audience or,
      // for registries that allow it (`azureADAuthenticationAsArmPolicy`), for ARM.
      public: containerRegistry(
        'azurecr.io',
        'https://containerregistry.azure.net',
        'management.azure.com',
        'privatelink.azurecr.io'
      ),
      usgov: containerRegistry(
        'azurecr.us',
        'https://management.usgovcloudapi.net',
        'management.usgovcloudapi.net',
        'privatelink.azurecr.us'
      ),
      china: containerRegistry(
        'azurecr.cn',
        'https://management.chinacloudapi.cn',
        'management.chinacloudapi.cn',
        'privatelink.azurecr.cn'
      )
    },
    errors: [
      {
        text: /client with IP .* is not allowed access/i,
        meaning: 'network',
        why: "the registry's firewall refused the workload's address"
      },
      {
        code: /^UNAUTHORIZED$/,
        status: [401],
        text: /token validation failed/i,
        meaning: 'audience',
        why: 'the registry refused the token (it may not accept ARM-audience tokens: azureADAuthenticationAsArmPolicy)'
      },
      // A bare DENIED is also what a registry with network rules answers a caller it excludes
      // (Azure/azure-cli#8798): the words do not say which.
      {
        code: /^DENIED$/,
        status: [403],
        text: /^requested access to the resource is denied$/i,
        meaning: 'role-or-network',
        why: 'the registry refused the call without saying why: no pull role, or its network rules exclude the workload'
      },
      {
        code: /^(UNAUTHORIZED|DENIED)$/,
        status: [401, 403],
        meaning: 'role',
        why: 'the registry refused the principal: no AcrPull (or stronger) role on the registry'
      },
      {
        code: /^(NAME_UNKNOWN|MANIFEST_UNKNOWN|RESOURCE_UNKNOWN)$/,
        meaning: 'stated',
        why: 'the registry has no such repository or tag',
        fix: "The registry has no repository or tag of that name, as it says: check the names in the check's URL (az acr repository list --name {name}; az acr repository show-tags --name {name} --repository <repository>)"
      }
    ],
    network: {
      ip: 'az acr network-rule add --name {name} --ip-address {ip}',
      publicAccess: 'az acr update --name {name} --public-network-enabled true',
      privateEndpointGroup: 'registry',
      resourceWord: 'registry'
    },
    grants: 'azure-rbac',
    roles: [
      { role: 'AcrPull', allows: ['Microsoft.ContainerRegistry/registries/pull/read'] },
      {
        role: 'AcrPush',
        allows: [
          'Microsoft.ContainerRegistry/registries/pull/read',
          'Microsoft.ContainerRegistry/registries/push/write'
        ]
      }
    ],
    defaultAction: 'Microsoft.ContainerRegistry/registries/pull/read',
    actionWords: [
      { when: /push|write/i, action: 'Microsoft.ContainerRegistry/registries/push/write' }
    ]
  },
  {
    key: 'cognitive',
    name: 'Azure AI services / Azure OpenAI',
    clouds: {
      public: cognitive(
        ['openai.azure.com', 'cognitiveservices.azure.com', 'services.ai.azure.com'],
        'https://cognitiveservices.azure.com',
        [
          'privatelink.cognitiveservices.azure.com',
          'privatelink.openai.azure.com',
          'privatelink.services.ai.azure.com'
        ]
      ),
      usgov: cognitive(
        ['openai.azure.us', 'cognitiveservices.azure.us'],
        'https://cognitiveservices.azure.us',
        ['privatelink.cognitiveservices.azure.us', 'privatelink.openai.azure.us']
      ),
      china: cognitive(
        ['openai.azure.cn', 'cognitiveservices.azure.cn'],
        'https://cognitiveservices.azure.cn',
        ['privatelink.cognitiveservices.azure.cn', 'privatelink.openai.azure.cn']
      )
    },
    errors: [
      {
        text: /traffic is not from an approved private endpoint|virtual network\/firewall rules|public access is disabled|a virtual network is configured for this resource/i,
        meaning: 'network',
        why: "the account's network rules refused the request (it only takes its private endpoint or listed networks)"
      },
      {
        text: /lacks the required data action|principal does not have access to API\/Operation/i,
        meaning: 'role',
        why: 'the principal has no role granting the data action'
      },
      {
        text: /audience is incorrect|access token is missing, invalid/i,
        meaning: 'token',
        // The words list every cause at once ("missing, invalid, audience is incorrect, or have
        // expired"): not evidence that time is the cause.
        lists: true,
        why: 'the account refused the token (missing, invalid, wrong audience or expired)'
      },
      {
        status: [429],
        text: /token rate limit|rate limit is exceeded/i,
        meaning: 'stated',
        why: "the deployment's rate limit (tokens or requests per minute) is used up",
        fix: "The account says the deployment's rate limit (tokens or requests per minute of its quota) is used up, not that this identity is refused: raise the deployment's capacity (az cognitiveservices account deployment create --name {name} --resource-group <resource group> --deployment-name <deployment> ... --sku-capacity <more>) or request more quota (https://aka.ms/oai/quotaincrease), and spread the calls"
      },
      {
        code: /^DeploymentNotFound$/,
        meaning: 'stated',
        why: 'the account has no deployment of that name',
        fix: 'The account has no deployment of the name in the check\'s URL, as it says: use a deployment that exists (az cognitiveservices account deployment list --name {name} --resource-group <resource group> --query "[].name"); a deployment created minutes ago may not serve yet'
      }
    ],
    network: {
      ip: 'az cognitiveservices account network-rule add --name {name} --resource-group {group} --ip-address {ip}',
      subnet:
        'az cognitiveservices account network-rule add --name {name} --resource-group {group} --subnet {subnet}',
      privateEndpointGroup: 'account',
      resourceWord: 'account'
    },
    grants: 'azure-rbac',
    roles: [
      {
        role: 'Cognitive Services OpenAI User',
        allows: [
          'Microsoft.CognitiveServices/accounts/OpenAI/*/read',
          'Microsoft.CognitiveServices/accounts/OpenAI/*/action'
        ]
      },
      { role: 'Azure AI User', allows: ['Microsoft.CognitiveServices/accounts/AIServices/*'] },
      { role: 'Cognitive Services User', allows: ['Microsoft.CognitiveServices/*'] }
    ],
    defaultAction: 'Microsoft.CognitiveServices/accounts/*'
  },
  {
    key: 'loganalytics',
    name: 'Log Analytics',
    clouds: {
      public: logAnalytics(
        ['api.loganalytics.io', 'api.loganalytics.azure.com'],
        'https://api.loganalytics.io'
      ),
      usgov: logAnalytics(['api.loganalytics.us'], 'https://api.loganalytics.us'),
      china: logAnalytics(['api.loganalytics.azure.cn'], 'https://api.loganalytics.azure.cn')
    },
    errors: [
      {
        code: /^InsufficientAccessError$/,
        meaning: 'role',
        why: 'the principal has no role allowing queries on the workspace'
      },
      {
        code: /^(WorkspaceNotFoundError|PathNotFoundError|ResourceNotFoundError)$/,
        meaning: 'stated',
        why: 'the workspace or path the URL names does not exist',
        fix: "The workspace or path of the check's URL does not exist, as Log Analytics says: the URL takes the workspace ID (its customerId: az monitor log-analytics workspace show --workspace-name <workspace> --resource-group <resource group> --query customerId -o tsv), not its name or resource ID"
      }
    ],
    grants: 'azure-rbac',
    roles: [
      {
        role: 'Log Analytics Reader',
        allows: ['*/read', 'Microsoft.OperationalInsights/workspaces/search/action']
      }
    ],
    defaultAction: 'Microsoft.OperationalInsights/workspaces/query/read'
  },
  {
    key: 'kusto',
    name: 'Azure Data Explorer',
    clouds: {
      public: dataExplorer('kusto.windows.net'),
      usgov: dataExplorer('kusto.usgovcloudapi.net'),
      china: dataExplorer('kusto.chinacloudapi.cn')
    },
    errors: [
      // `Principal 'aadapp=...' is not authorized to read database 'db'` (its `@message`).
      {
        text: /is not authorized to (read database|perform operation|access)/i,
        meaning: 'role',
        why: "the principal has no database role (Data Explorer's own access model: Azure roles on the cluster grant no data access)"
      },
      {
        code: /^Forbidden$/,
        status: [403],
        text: /caller is not authorized/i,
        meaning: 'role',
        why: "the principal has no database role (Data Explorer's own access model)"
      }
    ],
    // Database roles (viewer, user, admin) granted in the cluster, not Azure roles: an Azure
    // Reader on the cluster reads no data.
    grants: 'kusto-database-roles',
    roles: [{ role: 'Viewer', allows: ['read database'] }],
    defaultAction: 'read database'
  }
]

// ---- row builders (one per shape of service) ---------------------------------------------------

function arm(host: string, classicHost: string): CloudEndpoints {
  return {
    hosts: [host],
    audience: `https://${host}/`,
    eitherSlash: [`https://${host}`, `https://${classicHost}`]
  }
}

function vault(suffix: string, zone: string): CloudEndpoints {
  return {
    suffixes: [suffix],
    audience: `https://${suffix}`,
    exact: [`https://${suffix}`],
    privateDnsZones: [zone]
  }
}

function storage(core: string): CloudEndpoints {
  const kinds = ['blob', 'queue', 'table', 'file', 'dfs']
  return {
    suffixes: kinds.map(kind => `${kind}.${core}`),
    audience: 'https://storage.azure.com/',
    eitherSlash: ['https://storage.azure.com', HOST_URL],
    privateDnsZones: kinds.map(kind => `privatelink.${kind}.${core}`)
  }
}

function graph(hosts: string[], audience: string): CloudEndpoints {
  return { hosts, audience, eitherSlash: [audience] }
}

function sql(suffix: string, zone: string): CloudEndpoints {
  return {
    suffixes: [suffix],
    audience: `https://${suffix}/`,
    eitherSlash: [`https://${suffix}`],
    privateDnsZones: [zone]
  }
}

function serviceBus(suffix: string, zone: string): CloudEndpoints {
  // Service Bus and Event Hubs share namespace hosts; a namespace takes either service's audience
  // and its own URL.
  return {
    suffixes: [suffix],
    audience: 'https://servicebus.azure.net',
    eitherSlash: ['https://servicebus.azure.net', 'https://eventhubs.azure.net', HOST_URL],
    privateDnsZones: [zone]
  }
}

function cosmos(suffix: string, zone: string, generic?: string): CloudEndpoints {
  return {
    suffixes: [suffix],
    audience: HOST_URL,
    exact: generic === undefined ? [HOST_URL] : [HOST_URL, generic],
    privateDnsZones: [zone]
  }
}

function appConfiguration(suffix: string, audience: string, zone: string): CloudEndpoints {
  return {
    suffixes: [suffix],
    audience,
    eitherSlash: [audience, HOST_URL],
    privateDnsZones: [zone]
  }
}

function cognitive(suffixes: string[], audience: string, zones: string[]): CloudEndpoints {
  return { suffixes, audience, eitherSlash: [audience], privateDnsZones: zones }
}

function logAnalytics(hosts: string[], audience: string): CloudEndpoints {
  return { hosts, audience, eitherSlash: [audience] }
}

function dataExplorer(suffix: string): CloudEndpoints {
  // A cluster takes its own URL, and the generic `https://kusto.<suffix>` audience.
  return {
    suffixes: [suffix],
    audience: HOST_URL,
    eitherSlash: [HOST_URL, `https://kusto.${suffix}`]
  }
}

function containerRegistry(
  suffix: string,
  audience: string,
  armHost: string,
  zone: string
): CloudEndpoints {
  return {
    suffixes: [suffix],
    audience,
    eitherSlash: [audience, `https://${armHost}`],
    privateDnsZones: [zone]
  }
}

// ---- lookups -----------------------------------------------------------------------------------

/** Every row, for tests and documentation that read the table. */
export function azureServices(): readonly AzureService[] {
  return SERVICES
}

export function serviceByKey(key: ServiceKey): AzureService {
  return SERVICES.find(service => service.key === key) as AzureService
}

/** The table's entry for one host: which service, in which cloud, and the audiences it takes. */
export interface AzureServiceEntry {
  key: ServiceKey
  /** Human name, e.g. `Azure Resource Manager`. */
  service: string
  cloud: AzureCloud
  /** The host as called, normalised. */
  host: string
  /** The audience to request when the check gives no `resource=`. */
  audience: string
  /** Every audience the service accepts (including `audience`). */
  accepted: string[]
  /** Private DNS zones of its private endpoints in this cloud. */
  privateDnsZones: string[]
}

/** `Example.COM.` → `example.com`; `[::1]` stays as it is (never in the table anyway). */
function normaliseHost(host: string): string {
  const lower = host.trim().toLowerCase()
  return lower.endsWith('.') ? lower.slice(0, -1) : lower
}

function endpointsMatch(endpoints: CloudEndpoints, host: string): boolean {
  if (endpoints.hosts?.includes(host)) return true
  // A suffix needs at least one label in front of it: `vault.azure.net` itself is no vault.
  return endpoints.suffixes?.some(suffix => host.endsWith(`.${suffix}`)) ?? false
}

function withoutTrailingSlash(url: string): string {
  return url.endsWith('/') ? url.slice(0, -1) : url
}

function entryFor(
  service: AzureService,
  cloud: AzureCloud,
  endpoints: CloudEndpoints,
  host: string
): AzureServiceEntry {
  const hostUrl = `https://${host}`
  const expand = (audience: string): string => (audience === HOST_URL ? hostUrl : audience)
  const accepted: string[] = []
  const add = (audience: string): void => {
    if (!accepted.includes(audience)) accepted.push(audience)
  }
  for (const audience of endpoints.exact ?? []) add(expand(audience))
  for (const audience of endpoints.eitherSlash ?? []) {
    const bare = withoutTrailingSlash(expand(audience))
    add(`${bare}/`)
    add(bare)
  }
  const audience = expand(endpoints.audience)
  add(audience)
  return {
    key: service.key,
    service: service.name,
    cloud,
    host,
    audience,
    accepted,
    privateDnsZones: endpoints.privateDnsZones ?? []
  }
}

/**
 * The table's entry for the host a check calls, e.g. `myvault.vault.azure.net` → Key Vault in the
 * public cloud, audience `https://vault.azure.net`. Undefined for hosts not in the table.
 */
export function serviceForHost(host: string): AzureServiceEntry | undefined {
  const normalised = normaliseHost(host)
  for (const service of SERVICES) {
    for (const cloud of Object.keys(service.clouds) as AzureCloud[]) {
      const endpoints = service.clouds[cloud] as CloudEndpoints
      if (endpointsMatch(endpoints, normalised))
        return entryFor(service, cloud, endpoints, normalised)
    }
  }
  return undefined
}

/**
 * The table's entry for the host of a check URL as written (placeholders may sit in its path or
 * query, never in its host). Undefined when the URL does not parse or its host is not in the table.
 */
export function serviceForUrl(url: string): AzureServiceEntry | undefined {
  try {
    return serviceForHost(new URL(url).hostname)
  } catch {
    return undefined
  }
}

/** The host `kind` of a service in a cloud, e.g. ARM's `management.usgovcloudapi.net`. */
export function serviceHost(key: ServiceKey, cloud: AzureCloud): string | undefined {
  return serviceByKey(key).clouds[cloud]?.hosts?.[0]
}

/**
 * Lower-cases the scheme and host of an audience URL (token audiences compare them without case),
 * leaving the path as written. Non-URL audiences (`api://...`) are only lower-cased up to the path.
 */
function caseFoldAudience(resource: string): string {
  const trimmed = resource.trim()
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)(.*)$/is.exec(trimmed)
  if (match === null) return trimmed
  return match[1]!.toLowerCase() + match[2]!
}

/**
 * Whether the service of `entry` accepts a token requested for `resource`: the test the service
 * applies to the token's `aud` (a v1 managed identity token carries the resource exactly as
 * requested, trailing slash included). Strict: Key Vault refuses `https://vault.azure.net/`.
 */
export function audienceAccepted(resource: string, entry: AzureServiceEntry): boolean {
  const wanted = caseFoldAudience(resource)
  return entry.accepted.some(audience => caseFoldAudience(audience) === wanted)
}

/**
 * An audience as spelled loosely, without what its spellings differ in: case, surrounding space,
 * a `/.default` scope suffix and trailing slashes. What the probes write back is compared in this form.
 */
export function audienceSpelling(audience: string): string {
  let a = audience.trim().toLowerCase()
  if (a.endsWith('/.default')) a = a.slice(0, -'/.default'.length)
  while (a.endsWith('/')) a = a.slice(0, -1)
  return a
}

/**
 * The `.default` scope of a resource, as the Azure SDKs ask a token for it:
 * `https://management.azure.com/` → `https://management.azure.com/.default`; a scope stays as it is.
 * (The inverse of the Azure SDK's `mapScopesToResource`.)
 */
export function scopeForResource(resource: string): string {
  return resource.endsWith('/.default') ? resource : `${resource.replace(/\/+$/, '')}/.default`
}

/**
 * An audience in the form two audiences are compared in when asking "the same resource?" (not "would
 * the service take it?"): lower-cased, without `/.default` and trailing slashes, an application ID
 * replaced by its service's public-cloud audience.
 */
export function normaliseAudience(audience: string): string {
  const a = audienceSpelling(audience)
  if (GUID.test(a)) {
    const service = SERVICES.find(s => s.appIds?.includes(a))
    const audience = service?.clouds.public?.audience
    if (audience !== undefined && audience !== HOST_URL) return normaliseAudience(audience)
  }
  return a
}

/** The rows whose audiences (any cloud) include `audience`, compared loosely. */
function servicesTaking(audience: string): AzureService[] {
  const wanted = normaliseAudience(audience)
  return SERVICES.filter(service =>
    Object.values(service.clouds).some(endpoints =>
      [endpoints.audience, ...(endpoints.exact ?? []), ...(endpoints.eitherSlash ?? [])]
        .filter(a => a !== HOST_URL)
        .some(a => normaliseAudience(a) === wanted)
    )
  )
}

/**
 * True when a token for `a` and one for `b` are for the same resource: equal after normalisation,
 * or two spellings one service row lists side by side (ARM's `management.core.windows.net`,
 * Service Bus's `eventhubs.azure.net`).
 */
export function sameAudience(a: string, b: string): boolean {
  const na = normaliseAudience(a)
  const nb = normaliseAudience(b)
  if (na === nb) return true
  return SERVICES.some(service =>
    Object.values(service.clouds).some(endpoints => {
      const spellings = [
        endpoints.audience,
        ...(endpoints.eitherSlash ?? []),
        ...(endpoints.exact ?? [])
      ]
        .filter(x => x !== HOST_URL)
        .map(normaliseAudience)
      return spellings.includes(na) && spellings.includes(nb)
    })
  )
}

/**
 * Judges a token's `aud` claim against the resource it was requested for. `unknown` when `aud` is
 * an application ID the table does not know: it may well be the resource's, so no verdict.
 */
export function audienceMatchesRequest(
  aud: string,
  requested: string
): 'match' | 'mismatch' | 'unknown' {
  if (sameAudience(aud, requested)) return 'match'
  if (GUID.test(normaliseAudience(aud))) return 'unknown'
  return 'mismatch'
}

/**
 * Which service a check talks to: by its audience first (tests and the emulator call loopback
 * hosts with a real audience), by its host second. Undefined when neither says.
 */
export function serviceOfCheck(
  url: string,
  audience: string | undefined
): AzureService | undefined {
  if (audience !== undefined) {
    const byAudience = servicesTaking(audience)
    // `https://management.azure.com` is also a registry's audience: the first row (ARM) wins.
    if (byAudience.length > 0) return byAudience[0]
  }
  const entry = serviceForUrl(url)
  return entry === undefined ? undefined : serviceByKey(entry.key)
}

/**
 * The audience of the host a check called, for a fix that names it: the host's own entry when the
 * table knows the host, else the row's audience in the cloud of the check's audience (public when
 * unknown). A host-specific audience (Cosmos DB, Data Explorer) names the host called.
 */
export function serviceAudienceFor(service: AzureService, url: string, resource: string): string {
  const entry = serviceForUrl(url)
  if (entry !== undefined && entry.key === service.key) return entry.audience
  const cloud =
    entry?.cloud ??
    (Object.keys(CLOUDS) as AzureCloud[]).find(c =>
      SERVICES.some(s => {
        const e = s.clouds[c]
        return e !== undefined && e.audience !== HOST_URL && sameAudience(e.audience, resource)
      })
    ) ??
    'public'
  const endpoints = service.clouds[cloud] ?? service.clouds.public
  const audience = endpoints?.audience ?? resource
  // The account's own URL: the host called is not the service's (a loopback or custom name).
  return audience !== HOST_URL ? audience : `https://<the ${service.name} account's host>`
}

/** The first label of the host when it names the resource (`myvault` of `myvault.vault.azure.net`). */
export function resourceNameOf(url: string): string | undefined {
  const entry = serviceForUrl(url)
  if (entry === undefined || entry.key === 'arm' || entry.key === 'graph') return undefined
  return /^([a-z0-9-]+)\./i.exec(entry.host)?.[1]
}

/** `blob` of `account.blob.core.windows.net`: which Storage service a host is. */
export function storageKindOf(url: string): string | undefined {
  const entry = serviceForUrl(url)
  if (entry?.key !== 'storage') return undefined
  return /^[a-z0-9]+\.([a-z]+)\./i.exec(entry.host)?.[1]
}

/**
 * The first of the service's error rules that matches an answer. A body's inner code is read
 * together with its top-level code: when an answer carries one (Key Vault's `Forbidden` with
 * `ForbiddenByRbac`, `SecretDisabled`...), a `code` rule is matched against the inner code only, so
 * that a top-level `Forbidden` never stands for more than the inner code says.
 */
export function matchErrorRules(
  service: AzureService,
  status: number,
  code: string | undefined,
  innerCode: string | undefined,
  text: string
): ErrorRule | undefined {
  return service.errors.find(rule => {
    if (rule.status !== undefined && !rule.status.includes(status)) return false
    if (rule.code !== undefined && !rule.code.test(innerCode ?? code ?? '')) return false
    if (rule.text !== undefined && !rule.text.test(text)) return false
    return rule.code !== undefined || rule.text !== undefined || rule.status !== undefined
  })
}

/** The named groups a rule's `code` and `text` capture from an answer (e.g. a provider's namespace). */
export function ruleCaptures(
  rule: ErrorRule,
  code: string | undefined,
  innerCode: string | undefined,
  text: string
): Record<string, string> {
  const groups = {
    ...(rule.code?.exec(innerCode ?? code ?? '')?.groups ?? {}),
    ...(rule.text?.exec(text)?.groups ?? {})
  }
  return Object.fromEntries(
    Object.entries(groups).filter((entry): entry is [string, string] => entry[1] !== undefined)
  )
}

/** Whether a role's `allows` entry (`*` matches anything) covers an action. Case-insensitive. */
function allowsAction(pattern: string, action: string): boolean {
  const regex = new RegExp(
    `^${pattern
      .split('*')
      .map(part => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
      .join('.*')}$`,
    'i'
  )
  return regex.test(action)
}

/** Whether a role row allows an action: one of its `allows` covers it and none of its `denies`. */
function rowAllows(row: DataRole, action: string): boolean {
  return (
    row.allows.some(pattern => allowsAction(pattern, action)) &&
    !(row.denies ?? []).some(pattern => allowsAction(pattern, action))
  )
}

/** True when the role of the service's table allows the action. */
export function roleAllows(service: AzureService, role: string, action: string): boolean {
  const row = service.roles.find(r => r.role === role)
  return row !== undefined && rowAllows(row, action)
}

/**
 * The action a refused call needs, from what the service said: a data action as written
 * (`Microsoft.KeyVault/vaults/secrets/getSecret/action`), words of the service's (a claim such as
 * `'Listen'`, a storage kind such as `queue`), else the service's default for a GET.
 */
export function actionNeeded(service: AzureService, said: string | undefined): string {
  const words = said?.trim() ?? ''
  if (words.includes('/')) return words
  return service.actionWords?.find(w => w.when.test(words))?.action ?? service.defaultAction
}

/**
 * The data role a remediation names: the first role of the service's table (narrowest first) that
 * allows the action the call needs (see actionNeeded); the last, broadest, when none does.
 */
export function dataRoleFor(service: AzureService, said: string | undefined): string {
  const action = actionNeeded(service, said)
  const role =
    service.roles.find(r => rowAllows(r, action)) ?? service.roles[service.roles.length - 1]
  return role?.role as string
}

/** The audiences a row names in one cloud as written, HOST_URL left out. */
function writtenAudiences(endpoints: CloudEndpoints): string[] {
  return [endpoints.audience, ...(endpoints.exact ?? []), ...(endpoints.eitherSlash ?? [])].filter(
    audience => audience !== HOST_URL
  )
}

/** The host of an `http(s)://` audience, lower-cased and without a final dot; else undefined. */
function audienceHost(audience: string): string | undefined {
  if (!/^https?:\/\//i.test(audience)) return undefined
  try {
    return normaliseHost(new URL(audience).hostname)
  } catch {
    return undefined
  }
}

/**
 * The shared Azure service (a row of the table, any cloud) an audience stands for, or undefined
 * when it names none, as an app registration's own App ID URI or client ID does. Read loosely, the
 * way Entra ID resolves a resource: case, trailing slashes, `/.default`, a port or a path do not
 * hide the host of a service's audience (`https://management.core.windows.net/`), of an account
 * it serves (`https://acct.blob.core.windows.net`), or an application ID the table lists (as a GUID
 * or `api://<guid>`). A token for such an audience works against everything its holder may touch.
 */
export function sharedServiceOfAudience(audience: string): AzureService | undefined {
  let text = audience.trim().toLowerCase()
  while (/\/\.default$|\/$/.test(text)) text = text.replace(/\/\.default$|\/$/, '')
  const appId = text.startsWith('api://') ? text.slice('api://'.length) : text
  if (GUID.test(appId)) return SERVICES.find(service => service.appIds?.includes(appId))
  const host = audienceHost(text)
  if (host === undefined) return undefined
  const byAudience = SERVICES.find(service =>
    Object.values(service.clouds).some(endpoints =>
      writtenAudiences(endpoints).some(a => audienceHost(a) === host)
    )
  )
  if (byAudience !== undefined) return byAudience
  const entry = serviceForHost(host)
  return entry === undefined ? undefined : serviceByKey(entry.key)
}

/** Every audience of the table as written, for tests that must try each one. */
export function sharedServiceAudiences(): string[] {
  const all = SERVICES.flatMap(service => Object.values(service.clouds).flatMap(writtenAudiences))
  return [...new Set(all)]
}
