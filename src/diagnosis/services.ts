/**
 * Which Azure service a check talks to, told by its audience first (tests and the emulator call
 * loopback hosts with a real audience) and by its host second. Remediations differ per service:
 * ARM and Key Vault roles, Storage data roles, Graph app roles.
 */
import { normaliseAudience } from './audiences'
import { hostOf } from './text'

export type Service = 'arm' | 'keyvault' | 'storage' | 'graph' | 'other'

export function serviceOf(url: string, audience: string | undefined): Service {
  const aud = audience === undefined ? '' : normaliseAudience(audience)
  if (
    /^https:\/\/management\.(core\.)?(azure\.com|windows\.net|usgovcloudapi\.net|chinacloudapi\.cn)$/.test(
      aud
    )
  ) {
    return 'arm'
  }
  if (/^https:\/\/vault\.(azure\.net|azure\.cn|usgovcloudapi\.net|microsoftazure\.de)$/.test(aud)) {
    return 'keyvault'
  }
  if (/^https:\/\/([a-z0-9-]+\.)?storage\.azure\.com$/.test(aud)) return 'storage'
  if (
    /^https:\/\/graph\.microsoft\.(com|us)$|^https:\/\/microsoftgraph\.chinacloudapi\.cn$/.test(aud)
  ) {
    return 'graph'
  }
  const host = hostOf(url).toLowerCase()
  if (/^management\./.test(host)) return 'arm'
  if (/\.vault\.(azure\.net|azure\.cn|usgovcloudapi\.net)$/.test(host)) return 'keyvault'
  if (/\.(blob|queue|table|file|dfs)\.core\./.test(host)) return 'storage'
  if (/^graph\.microsoft\./.test(host)) return 'graph'
  return 'other'
}

/** `myvault` of `https://myvault.vault.azure.net/...`, when the host says it. */
export function vaultNameOf(url: string): string | undefined {
  return /^([a-z0-9-]+)\.vault\./i.exec(hostOf(url))?.[1]
}

/** `account` and `blob` of `https://account.blob.core.windows.net/...`. */
export function storageAccountOf(url: string): { account: string; kind: string } | undefined {
  const m = /^([a-z0-9]+)\.(blob|queue|table|file|dfs)\.core\./i.exec(hostOf(url))
  return m ? { account: m[1] as string, kind: m[2] as string } : undefined
}

/**
 * The ARM scope a URL addresses: `/subscriptions/S`, `/subscriptions/S/resourceGroups/G`, or a
 * resource ID. A trailing collection (`/resourcegroups`) is cut: the role belongs on its parent.
 */
export function armScopeOf(url: string): string | undefined {
  let path: string
  try {
    path = new URL(url).pathname
  } catch {
    return undefined
  }
  const parts = path
    .split('/')
    .filter(p => p !== '')
    .map(decodeURIComponent)
  if (parts[0]?.toLowerCase() !== 'subscriptions' || parts[1] === undefined) return undefined
  const scope: string[] = ['subscriptions', parts[1]]
  let i = 2
  if (parts[i]?.toLowerCase() === 'resourcegroups' && parts[i + 1] !== undefined) {
    scope.push('resourceGroups', parts[i + 1] as string)
    i += 2
  }
  if (parts[i]?.toLowerCase() === 'providers' && parts[i + 1] !== undefined) {
    const rest = parts.slice(i + 2)
    // providers/NS then type/name pairs; a type without a name is a collection: stop before it.
    const pairs = Math.floor(rest.length / 2)
    if (pairs > 0) scope.push('providers', parts[i + 1] as string, ...rest.slice(0, pairs * 2))
  }
  return `/${scope.join('/')}`
}

/**
 * The Key Vault data action a GET on this URL needs, for when the 403's message was cut before its
 * `Action:` line: a collection is listed (metadata), a named secret is read.
 */
export function keyVaultActionOf(url: string): string | undefined {
  let path: string
  try {
    path = new URL(url).pathname
  } catch {
    return undefined
  }
  const [kind, name] = path.split('/').filter(p => p !== '')
  if (kind === 'secrets') {
    return name === undefined
      ? 'Microsoft.KeyVault/vaults/secrets/readMetadata/action'
      : 'Microsoft.KeyVault/vaults/secrets/getSecret/action'
  }
  if (kind === 'keys' || kind === 'certificates') return `Microsoft.KeyVault/vaults/${kind}/read`
  return undefined
}
