/**
 * Which audience (the `resource` a managed identity token is requested for) each Azure service
 * expects, by the host a check calls, in each Azure cloud.
 *
 * It serves two purposes: a check without `resource=` gets its audience from here, and a check with
 * an explicit `resource=` that the host would refuse is reported as `wrong-audience` before any call
 * is made (the API's own 401 confirms it later).
 *
 * `accepted` lists every audience the service is known to take, spelled out: ARM takes four forms
 * (its own host and the classic `management.core.*` one, each with or without a trailing slash),
 * Key Vault takes exactly `https://vault.azure.net` (with a trailing slash it answers 401 AKV10022),
 * Cosmos DB wants no trailing slash. Where a service is tolerant both spellings are listed. Where
 * a service also takes the URL of the account itself (Storage, Service Bus, Data Explorer...),
 * that URL is listed too. When in doubt an entry is lenient: a false pre-flight warning costs users
 * more than a missed one, which the API's 401 still reports.
 */

export type AzureCloud = 'public' | 'usgov' | 'china'

export interface AzureServiceEntry {
  /** Human name, e.g. `Azure Resource Manager`. */
  service: string
  cloud: AzureCloud
  /** The audience to request when the check gives no `resource=`. */
  audience: string
  /** Every audience the service accepts (including `audience`). */
  accepted: string[]
}

/** Stands for `https://<the host itself>` in the rows below (account-, vault- or cluster-specific URLs). */
const HOST_URL = '<host-url>'

interface ServiceRow {
  service: string
  cloud: AzureCloud
  /** Exact host names. */
  hosts?: string[]
  /** Parent domains: the row matches any host ending in `.<suffix>`. */
  suffixes?: string[]
  audience: string
  /** Accepted audiences exactly as written. */
  exact: string[]
  /** Accepted with or without a trailing slash. */
  eitherSlash?: string[]
}

function arm(cloud: AzureCloud, host: string, classicHost: string): ServiceRow {
  return {
    service: 'Azure Resource Manager',
    cloud,
    hosts: [host],
    audience: `https://${host}/`,
    exact: [],
    eitherSlash: [`https://${host}`, `https://${classicHost}`]
  }
}

function keyVault(cloud: AzureCloud, suffix: string): ServiceRow {
  return {
    service: 'Key Vault',
    cloud,
    suffixes: [suffix],
    audience: `https://${suffix}`,
    exact: [`https://${suffix}`]
  }
}

function managedHsm(cloud: AzureCloud, suffix: string): ServiceRow {
  return {
    service: 'Key Vault Managed HSM',
    cloud,
    suffixes: [suffix],
    audience: `https://${suffix}`,
    exact: [`https://${suffix}`]
  }
}

function storage(cloud: AzureCloud, core: string): ServiceRow {
  return {
    service: 'Azure Storage',
    cloud,
    suffixes: ['blob', 'queue', 'table', 'file', 'dfs'].map(kind => `${kind}.${core}`),
    audience: 'https://storage.azure.com/',
    exact: [],
    eitherSlash: ['https://storage.azure.com', HOST_URL]
  }
}

function sql(cloud: AzureCloud, suffix: string): ServiceRow {
  return {
    service: 'Azure SQL Database',
    cloud,
    suffixes: [suffix],
    audience: `https://${suffix}/`,
    exact: [],
    eitherSlash: [`https://${suffix}`]
  }
}

function serviceBus(cloud: AzureCloud, suffix: string): ServiceRow {
  // Service Bus and Event Hubs share namespace hosts; a namespace takes either service's audience
  // and its own URL.
  return {
    service: 'Service Bus / Event Hubs',
    cloud,
    suffixes: [suffix],
    audience: 'https://servicebus.azure.net',
    exact: [],
    eitherSlash: ['https://servicebus.azure.net', 'https://eventhubs.azure.net', HOST_URL]
  }
}

function cosmos(cloud: AzureCloud, suffix: string, generic?: string): ServiceRow {
  // The SDKs ask for `<account endpoint>/.default`; Cosmos DB RBAC wants no trailing slash.
  return {
    service: 'Azure Cosmos DB',
    cloud,
    suffixes: [suffix],
    audience: HOST_URL,
    exact: generic === undefined ? [HOST_URL] : [HOST_URL, generic]
  }
}

function appConfiguration(cloud: AzureCloud, suffix: string, audience: string): ServiceRow {
  // The SDKs' KnownAppConfigAudience; older stores also take their own endpoint.
  return {
    service: 'Azure App Configuration',
    cloud,
    suffixes: [suffix],
    audience,
    exact: [],
    eitherSlash: [audience, HOST_URL]
  }
}

function cognitive(cloud: AzureCloud, suffixes: string[], audience: string): ServiceRow {
  return {
    service: 'Azure AI services / Azure OpenAI',
    cloud,
    suffixes,
    audience,
    exact: [],
    eitherSlash: [audience]
  }
}

function graph(cloud: AzureCloud, host: string): ServiceRow {
  return {
    service: 'Microsoft Graph',
    cloud,
    hosts: [host],
    audience: `https://${host}`,
    exact: [],
    eitherSlash: [`https://${host}`]
  }
}

function logAnalytics(cloud: AzureCloud, hosts: string[], audience: string): ServiceRow {
  return {
    service: 'Log Analytics',
    cloud,
    hosts,
    audience,
    exact: [],
    eitherSlash: [audience]
  }
}

function dataExplorer(cloud: AzureCloud, suffix: string): ServiceRow {
  // A cluster takes its own URL, and the generic `https://kusto.<suffix>` audience.
  return {
    service: 'Azure Data Explorer',
    cloud,
    suffixes: [suffix],
    audience: HOST_URL,
    exact: [],
    eitherSlash: [HOST_URL, `https://kusto.${suffix}`]
  }
}

function containerRegistry(
  cloud: AzureCloud,
  suffix: string,
  audience: string,
  armHost: string
): ServiceRow {
  // The Entra token a registry exchanges (`/oauth2/exchange`) is for the registry audience or,
  // for registries that allow it (`azureADAuthenticationAsArmPolicy`), for ARM.
  return {
    service: 'Azure Container Registry',
    cloud,
    suffixes: [suffix],
    audience,
    exact: [],
    eitherSlash: [audience, `https://${armHost}`]
  }
}

const ROWS: ServiceRow[] = [
  arm('public', 'management.azure.com', 'management.core.windows.net'),
  arm('usgov', 'management.usgovcloudapi.net', 'management.core.usgovcloudapi.net'),
  arm('china', 'management.chinacloudapi.cn', 'management.core.chinacloudapi.cn'),

  keyVault('public', 'vault.azure.net'),
  keyVault('usgov', 'vault.usgovcloudapi.net'),
  keyVault('china', 'vault.azure.cn'),
  managedHsm('public', 'managedhsm.azure.net'),
  managedHsm('usgov', 'managedhsm.usgovcloudapi.net'),
  managedHsm('china', 'managedhsm.azure.cn'),

  storage('public', 'core.windows.net'),
  storage('usgov', 'core.usgovcloudapi.net'),
  storage('china', 'core.chinacloudapi.cn'),

  graph('public', 'graph.microsoft.com'),
  graph('usgov', 'graph.microsoft.us'),
  graph('usgov', 'dod-graph.microsoft.us'),
  graph('china', 'microsoftgraph.chinacloudapi.cn'),

  sql('public', 'database.windows.net'),
  sql('usgov', 'database.usgovcloudapi.net'),
  sql('china', 'database.chinacloudapi.cn'),
  {
    ...sql('public', 'database.windows.net'),
    service: 'Azure Synapse SQL',
    suffixes: ['sql.azuresynapse.net']
  },

  serviceBus('public', 'servicebus.windows.net'),
  serviceBus('usgov', 'servicebus.usgovcloudapi.net'),
  serviceBus('china', 'servicebus.chinacloudapi.cn'),

  cosmos('public', 'documents.azure.com', 'https://cosmos.azure.com'),
  cosmos('usgov', 'documents.azure.us'),
  cosmos('china', 'documents.azure.cn'),

  appConfiguration('public', 'azconfig.io', 'https://appconfig.azure.com'),
  appConfiguration('usgov', 'azconfig.azure.us', 'https://appconfig.azure.us'),
  appConfiguration('china', 'azconfig.azure.cn', 'https://appconfig.azure.cn'),

  containerRegistry(
    'public',
    'azurecr.io',
    'https://containerregistry.azure.net',
    'management.azure.com'
  ),
  containerRegistry(
    'usgov',
    'azurecr.us',
    'https://management.usgovcloudapi.net',
    'management.usgovcloudapi.net'
  ),
  containerRegistry(
    'china',
    'azurecr.cn',
    'https://management.chinacloudapi.cn',
    'management.chinacloudapi.cn'
  ),

  cognitive(
    'public',
    ['openai.azure.com', 'cognitiveservices.azure.com', 'services.ai.azure.com'],
    'https://cognitiveservices.azure.com'
  ),
  cognitive(
    'usgov',
    ['openai.azure.us', 'cognitiveservices.azure.us'],
    'https://cognitiveservices.azure.us'
  ),
  cognitive(
    'china',
    ['openai.azure.cn', 'cognitiveservices.azure.cn'],
    'https://cognitiveservices.azure.cn'
  ),

  logAnalytics(
    'public',
    ['api.loganalytics.io', 'api.loganalytics.azure.com'],
    'https://api.loganalytics.io'
  ),
  logAnalytics('usgov', ['api.loganalytics.us'], 'https://api.loganalytics.us'),
  logAnalytics('china', ['api.loganalytics.azure.cn'], 'https://api.loganalytics.azure.cn'),

  dataExplorer('public', 'kusto.windows.net'),
  dataExplorer('usgov', 'kusto.usgovcloudapi.net'),
  dataExplorer('china', 'kusto.chinacloudapi.cn')
]

/** `Example.COM.` → `example.com`; `[::1]` stays as it is (never in the table anyway). */
function normaliseHost(host: string): string {
  const lower = host.trim().toLowerCase()
  return lower.endsWith('.') ? lower.slice(0, -1) : lower
}

function rowMatches(row: ServiceRow, host: string): boolean {
  if (row.hosts?.includes(host)) return true
  // A suffix needs at least one label in front of it: `vault.azure.net` itself is no vault.
  return row.suffixes?.some(suffix => host.endsWith(`.${suffix}`)) ?? false
}

function withoutTrailingSlash(url: string): string {
  return url.endsWith('/') ? url.slice(0, -1) : url
}

/**
 * The table's entry for the host a check calls, e.g. `myvault.vault.azure.net` → Key Vault in the
 * public cloud, audience `https://vault.azure.net`. Undefined for hosts not in the table.
 */
export function serviceForHost(host: string): AzureServiceEntry | undefined {
  const normalised = normaliseHost(host)
  const row = ROWS.find(candidate => rowMatches(candidate, normalised))
  if (row === undefined) return undefined
  const hostUrl = `https://${normalised}`
  const expand = (audience: string): string => (audience === HOST_URL ? hostUrl : audience)
  const accepted: string[] = []
  const add = (audience: string): void => {
    if (!accepted.includes(audience)) accepted.push(audience)
  }
  for (const audience of row.exact) add(expand(audience))
  for (const audience of row.eitherSlash ?? []) {
    const bare = withoutTrailingSlash(expand(audience))
    add(`${bare}/`)
    add(bare)
  }
  const audience = expand(row.audience)
  add(audience)
  return { service: row.service, cloud: row.cloud, audience, accepted }
}

/**
 * Lower-cases the scheme and host of an audience URL (token audiences compare them without case),
 * leaving the path as written. Non-URL audiences (`api://...`) are only lower-cased up to the path.
 */
function normaliseAudience(resource: string): string {
  const trimmed = resource.trim()
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)(.*)$/is.exec(trimmed)
  if (match === null) return trimmed
  return match[1]!.toLowerCase() + match[2]!
}

/**
 * Whether a token for `resource` would be accepted by the service of `entry`: the same test the
 * service applies to the token's `aud` (a v1 managed identity token carries the resource exactly as
 * requested, trailing slash included).
 */
export function audienceAccepted(resource: string, entry: AzureServiceEntry): boolean {
  const wanted = normaliseAudience(resource)
  return entry.accepted.some(audience => normaliseAudience(audience) === wanted)
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

/** The Azure Resource Manager host of a cloud (the default check follows the workload's cloud). */
export function armHostFor(cloud: AzureCloud): string | undefined {
  return ROWS.find(row => row.cloud === cloud && row.service === 'Azure Resource Manager')
    ?.hosts?.[0]
}
