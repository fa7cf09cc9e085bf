/**
 * Which audiences the emulated tenant issues tokens for, and which ones each emulated API accepts:
 * read from the one service table (src/azure/services.ts), so the emulator and the action agree.
 */
import {
  audienceAccepted,
  azureServices,
  serviceForHost,
  type AzureServiceEntry
} from '../src/azure/services'

/**
 * Audiences the emulated tenant knows (service principals that exist in every Azure tenant). Any
 * other `resource` gets Entra ID's AADSTS500011, as the real token endpoints do.
 */
const TABLE_AUDIENCES = azureServices().flatMap(service =>
  Object.values(service.clouds).flatMap(endpoints =>
    [endpoints.audience, ...(endpoints.exact ?? []), ...(endpoints.eitherSlash ?? [])].filter(
      audience => audience.startsWith('https://')
    )
  )
)

/** The table's audiences, and first-party resources the table has no row for. */
const KNOWN = [
  ...TABLE_AUDIENCES,
  'https://ossrdbms-aad.database.windows.net',
  'https://monitor.azure.com'
].map(audience => normalise(audience))

/** What ARM accepts (the Azure service table's ARM entry), in the order ARM's 401 lists them. */
export const ARM_AUDIENCES = [
  ...(serviceForHost('management.azure.com') as AzureServiceEntry).accepted
].sort((a, b) => Number(b.includes('.core.')) - Number(a.includes('.core.')))

export const KEY_VAULT_AUDIENCE = (serviceForHost('emulated.vault.azure.net') as AzureServiceEntry)
  .audience

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

/** Key Vault takes its audience without a trailing slash only (AKV10022 otherwise). */
export function isKeyVaultAudience(aud: string): boolean {
  return audienceAccepted(aud, serviceForHost('emulated.vault.azure.net') as AzureServiceEntry)
}

/** wrong-audience scenario: the audience a confused token service would put in instead. */
export function otherAudience(resource: string): string {
  return isKeyVaultAudience(resource) ? 'https://management.azure.com/' : KEY_VAULT_AUDIENCE
}
