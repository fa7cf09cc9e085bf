/**
 * What a check URL's path says for a remediation: the ARM scope a role belongs on, and the Key Vault
 * data action a GET needs. Which service a URL is, is the Azure service table's (src/azure/services.ts).
 */
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
