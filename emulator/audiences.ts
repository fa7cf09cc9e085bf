/**
 * Audiences the emulated tenant knows (service principals that exist in every Azure tenant). Any
 * other `resource` gets Entra ID's AADSTS500011, as the real token endpoints do.
 */
const KNOWN = [
  'https://management.azure.com',
  'https://management.core.windows.net',
  'https://vault.azure.net',
  'https://storage.azure.com',
  'https://graph.microsoft.com',
  'https://database.windows.net',
  'https://ossrdbms-aad.database.windows.net',
  'https://servicebus.azure.net',
  'https://eventhubs.azure.net',
  'https://cosmos.azure.com',
  'https://cognitiveservices.azure.com',
  'https://monitor.azure.com',
  'https://management.usgovcloudapi.net',
  'https://management.core.usgovcloudapi.net',
  'https://vault.usgovcloudapi.net',
  'https://management.chinacloudapi.cn',
  'https://management.core.chinacloudapi.cn',
  'https://vault.azure.cn'
]

export const ARM_AUDIENCES = [
  'https://management.core.windows.net/',
  'https://management.core.windows.net',
  'https://management.azure.com/',
  'https://management.azure.com'
]

export const KEY_VAULT_AUDIENCE = 'https://vault.azure.net'

function normalise(audience: string): string {
  return audience.trim().toLowerCase().replace(/\/+$/, '')
}

/** Whether the emulated tenant can issue a token for this resource. */
export function isKnownAudience(resource: string): boolean {
  const n = normalise(resource)
  // App registrations of the tenant (e.g. App Service authentication's api://<client id>).
  if (/^api:\/\/[^\s]+$/.test(n)) return true
  return KNOWN.includes(n)
}

export function isArmAudience(aud: string): boolean {
  return ARM_AUDIENCES.includes(aud)
}

export function isKeyVaultAudience(aud: string): boolean {
  return normalise(aud) === KEY_VAULT_AUDIENCE
}

/** wrong-audience scenario: the audience a confused token service would put in instead. */
export function otherAudience(resource: string): string {
  return isKeyVaultAudience(resource) ? 'https://management.azure.com/' : KEY_VAULT_AUDIENCE
}
