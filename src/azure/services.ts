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
  /** What the service said, in words for the detail line. */
  why: string
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

/** A data-plane role; `when` is matched against the action, the storage kind or the claim named. */
export interface DataRole {
  role: string
  when?: RegExp
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
  /** How its data-plane permissions are granted. */
  grants: 'azure-rbac' | 'graph-app-roles' | 'cosmos-data-plane'
  roles: DataRole[]
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
      { code: /^InvalidAuthenticationToken/, meaning: 'token', why: 'ARM refused the token' }
    ],
    grants: 'azure-rbac',
    roles: [{ role: 'Reader' }]
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
        code: /^(Forbidden|ForbiddenByRbac|AccessDenied)$/,
        status: [403],
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
      { role: 'Key Vault Reader', when: /\/read$|readmetadata/i },
      { role: 'Key Vault Secrets User', when: /\/secrets\//i },
      { role: 'Key Vault Crypto User', when: /\/keys\//i },
      { role: 'Key Vault Certificate User', when: /\/certificates\//i },
      { role: 'Key Vault Secrets User' }
    ]
  },
  {
    key: 'managedhsm',
    name: 'Key Vault Managed HSM',
    clouds: {
      public: vault('managedhsm.azure.net', 'privatelink.managedhsm.azure.net'),
      usgov: vault('managedhsm.usgovcloudapi.net', 'privatelink.managedhsm.usgovcloudapi.net'),
      china: vault('managedhsm.azure.cn', 'privatelink.managedhsm.azure.cn')
    },
    errors: [],
    grants: 'azure-rbac',
    roles: [{ role: 'Managed HSM Crypto User' }]
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
      { role: 'Storage Queue Data Reader', when: /^queue$/ },
      { role: 'Storage Table Data Reader', when: /^table$/ },
      { role: 'Storage File Data Privileged Reader', when: /^file$/ },
      { role: 'Storage Blob Data Reader' }
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
    roles: [{ role: 'the Microsoft Graph application permission the call needs' }]
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
    grants: 'azure-rbac',
    roles: [{ role: 'Reader' }]
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
    grants: 'azure-rbac',
    roles: [{ role: 'Reader' }]
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
      { text: /invalid ?audience/i, meaning: 'audience', why: 'the namespace refused the audience' }
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
        role: 'Azure Service Bus Data Sender (Event Hubs: Azure Event Hubs Data Sender)',
        when: /'send'/i
      },
      {
        role: 'Azure Service Bus Data Owner (Event Hubs: Azure Event Hubs Data Owner)',
        when: /'manage/i
      },
      { role: 'Azure Service Bus Data Receiver (Event Hubs: Azure Event Hubs Data Receiver)' }
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
        role: 'Cosmos DB Built-in Data Contributor (00000000-0000-0000-0000-000000000002)',
        when: /write|create|upsert|replace|delete/i
      },
      { role: 'Cosmos DB Built-in Data Reader (00000000-0000-0000-0000-000000000001)' }
    ]
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
    roles: [{ role: 'App Configuration Data Reader' }]
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
      {
        code: /^(UNAUTHORIZED|DENIED)$/,
        status: [401, 403],
        meaning: 'role',
        why: 'the registry refused the principal: no AcrPull (or stronger) role on the registry'
      }
    ],
    network: {
      ip: 'az acr network-rule add --name {name} --ip-address {ip}',
      publicAccess: 'az acr update --name {name} --public-network-enabled true',
      privateEndpointGroup: 'registry',
      resourceWord: 'registry'
    },
    grants: 'azure-rbac',
    roles: [{ role: 'AcrPush', when: /push|write/i }, { role: 'AcrPull' }]
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
        why: 'the account refused the token (missing, invalid, wrong audience or expired)'
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
      { role: 'Cognitive Services OpenAI User', when: /\/OpenAI\//i },
      { role: 'Azure AI User', when: /\/AIServices\//i },
      { role: 'Cognitive Services User' }
    ]
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
    errors: [],
    grants: 'azure-rbac',
    roles: [{ role: 'Log Analytics Reader' }]
  },
  {
    key: 'kusto',
    name: 'Azure Data Explorer',
    clouds: {
      public: dataExplorer('kusto.windows.net'),
      usgov: dataExplorer('kusto.usgovcloudapi.net'),
      china: dataExplorer('kusto.chinacloudapi.cn')
    },
    errors: [],
    grants: 'azure-rbac',
    roles: [{ role: 'Reader' }]
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

/** The service's error rules that match an answer, first match first. */
export function matchErrorRules(
  service: AzureService,
  status: number,
  code: string | undefined,
  innerCode: string | undefined,
  text: string
): ErrorRule | undefined {
  return service.errors.find(rule => {
    if (rule.status !== undefined && !rule.status.includes(status)) return false
    if (rule.code !== undefined && !(rule.code.test(code ?? '') || rule.code.test(innerCode ?? '')))
      return false
    if (rule.text !== undefined && !rule.text.test(text)) return false
    return rule.code !== undefined || rule.text !== undefined || rule.status !== undefined
  })
}

/** The data role a remediation names, chosen by the action, storage kind or claim in `context`. */
export function dataRoleFor(service: AzureService, context: string): string {
  return (service.roles.find(r => r.when === undefined || r.when.test(context)) ?? service.roles[0])
    ?.role as string
}
