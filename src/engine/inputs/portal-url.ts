/**
 * A resource's address in the Azure portal, pasted where its resource ID belongs:
 * `https://portal.azure.com/#@contoso.onmicrosoft.com/resource/subscriptions/.../virtualMachines/web-1/overview`.
 * The resource ID is in it, after `/resource`; the blade (`/overview`, `/identity`) is not.
 */
const PORTAL_HOST = /^https?:\/\/([a-z0-9-]+\.)*portal\.azure\.(com|us|cn)(\/|$)/i

export function isPortalUrl(text: string): boolean {
  return PORTAL_HOST.test(text.trim())
}

/** The resource ID in a portal URL, or undefined when there is none. */
export function resourceIdFromPortalUrl(text: string): string | undefined {
  if (!isPortalUrl(text)) return undefined
  let decoded = text.trim()
  try {
    decoded = decodeURIComponent(decoded)
  } catch {
    // Keep it as written.
  }
  const start = decoded.search(/\/subscriptions\//i)
  if (start === -1) return undefined
  const segments = decoded
    .slice(start + 1)
    .split(/[?#]/)[0]!
    .split('/')
    .filter(segment => segment !== '')
  // subscriptions/<id>[/resourceGroups/<rg>[/providers/<ns>/<type>/<name>[/<type>/<name>...]]]
  let keep = Math.min(segments.length, 2)
  if (segments[2]?.toLowerCase() === 'resourcegroups' && segments.length >= 4) keep = 4
  if (keep === 4 && segments[4]?.toLowerCase() === 'providers' && segments.length >= 8) {
    keep = 6 + 2 * Math.floor((segments.length - 6) / 2)
  }
  return `/${segments.slice(0, keep).join('/')}`
}
