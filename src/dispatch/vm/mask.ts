/**
 * Masks what looks like a credential before run-command output or az errors are shown to a person:
 * a JWT (three base64url segments starting `eyJ`), anything after `Bearer `, and `access_token`
 * values. The probes never print a token; this is the second line of defence for text we did not
 * write (noise from the VM, az's own errors).
 */

const JWT = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g
const BEARER = /(Bearer\s+)[^\s"',;]+/gi
const ACCESS_TOKEN = /("?access_token"?\s*[:=]\s*"?)[^\s"',;}]+/gi

export function maskSecrets(text: string): string {
  return text
    .replace(JWT, '[masked JWT]')
    .replace(BEARER, '$1[masked]')
    .replace(ACCESS_TOKEN, '$1[masked]')
}

/** The last `limit` characters of `text`, masked, for error evidence. */
export function maskedTail(text: string, limit = 600): string {
  const masked = maskSecrets(text)
  return masked.length > limit ? `…${masked.slice(-limit)}` : masked
}
