/**
 * Who may ask the smoke endpoint to run: a caller with the shared key, or a caller App Service
 * authentication has already authenticated with a token for the endpoint's audience.
 *
 * What is trusted, exactly:
 * - `x-mi-smoke-key`: compared in constant time with the configured key (SHA-256 digests of both,
 *   so the comparison does not depend on, or reveal, the key's length).
 * - App Service authentication ("Easy Auth"): the handler never validates a bearer token itself.
 *   It trusts the `X-MS-CLIENT-PRINCIPAL` header that the platform's front end injects after it has
 *   validated the token, because App Service does not let external requests set that header. That
 *   is true only behind the front end with authentication on, so the header counts only when
 *   `WEBSITE_AUTH_ENABLED` is `True` in the environment (App Service sets it), or when the app says
 *   explicitly that its front end strips the header (`trustPrincipalHeader: true`, e.g. Container
 *   Apps authentication). Then the principal's `aud` claim must be one of the configured audiences
 *   and, when `allowedCallers` is set, its `oid` or `appid` one of them.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import { KEY_HEADER } from '../../../src/contracts/smoke-protocol'
import type { HeaderBag, AppServiceAuthOptions } from './public'

export interface AuthOptions {
  /** The shared key; at least 16 characters. */
  key?: string
  appServiceAuth?: AppServiceAuthOptions
  env: NodeJS.ProcessEnv
}

export type AuthResult =
  | { ok: true; via: 'key' | 'app-service-auth' }
  | { ok: false; code: 'unauthorized' | 'not-configured'; message: string }

/** Shortest key the handler accepts: a short shared secret is a guessable one. */
export const MIN_KEY_LENGTH = 16

const OID_CLAIM = 'http://schemas.microsoft.com/identity/claims/objectidentifier'

export function header(headers: HeaderBag, name: string): string | undefined {
  const value = headers[name]
  return Array.isArray(value) ? value[0] : value
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest()
}

/** Constant-time equality of two secrets (digests are equal-length, as timingSafeEqual needs). */
export function keysMatch(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected))
}

interface ClientPrincipal {
  claims?: Array<{ typ?: unknown; val?: unknown }>
}

function principalClaims(encoded: string): Map<string, string[]> | undefined {
  let principal: ClientPrincipal
  try {
    principal = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as ClientPrincipal
  } catch {
    return undefined
  }
  if (!Array.isArray(principal?.claims)) return undefined
  const claims = new Map<string, string[]>()
  for (const claim of principal.claims) {
    if (typeof claim?.typ !== 'string' || typeof claim.val !== 'string') continue
    claims.set(claim.typ, [...(claims.get(claim.typ) ?? []), claim.val])
  }
  return claims
}

export function authenticate(headers: HeaderBag, options: AuthOptions): AuthResult {
  const key = options.key
  const easyAuth = options.appServiceAuth
  const keyUsable = key !== undefined && key.length >= MIN_KEY_LENGTH
  if (!keyUsable && !easyAuth) {
    return {
      ok: false,
      code: 'not-configured',
      message:
        key !== undefined
          ? `the endpoint's key is shorter than ${MIN_KEY_LENGTH} characters; set a longer MI_SMOKE_KEY`
          : 'the endpoint has neither a key (MI_SMOKE_KEY) nor App Service authentication configured'
    }
  }

  const given = header(headers, KEY_HEADER)
  if (given !== undefined && keyUsable) {
    // The digest comparison runs whether or not it matches, so timing tells nothing of the key.
    if (keysMatch(given, key)) return { ok: true, via: 'key' }
    return { ok: false, code: 'unauthorized', message: `wrong ${KEY_HEADER}` }
  }

  if (easyAuth) {
    const verdict = checkAppServicePrincipal(headers, easyAuth, options.env)
    if (verdict === undefined) return { ok: true, via: 'app-service-auth' }
    return { ok: false, code: 'unauthorized', message: verdict }
  }
  return { ok: false, code: 'unauthorized', message: `missing ${KEY_HEADER} header` }
}

/** Undefined when App Service authentication vouches for an allowed caller; else why not. */
function checkAppServicePrincipal(
  headers: HeaderBag,
  options: AppServiceAuthOptions,
  env: NodeJS.ProcessEnv
): string | undefined {
  const platformAuth = (env['WEBSITE_AUTH_ENABLED'] ?? '').toLowerCase() === 'true'
  if (!platformAuth && !options.trustPrincipalHeader) {
    return 'App Service authentication is not enabled for this app (WEBSITE_AUTH_ENABLED is not True)'
  }
  const encoded = header(headers, 'x-ms-client-principal')
  if (encoded === undefined) {
    return 'no authenticated caller: send a bearer token for the endpoint audience (App Service authentication)'
  }
  const claims = principalClaims(encoded)
  if (!claims) return 'the X-MS-CLIENT-PRINCIPAL header could not be read'
  const audiences = claims.get('aud') ?? []
  if (!audiences.some(aud => options.audiences.includes(aud))) {
    return `the caller's token is for ${audiences.join(', ') || 'no audience'}, not for ${options.audiences.join(', ')}`
  }
  const allowed = options.allowedCallers ?? []
  if (allowed.length > 0) {
    const ids = [
      ...(claims.get('oid') ?? []),
      ...(claims.get(OID_CLAIM) ?? []),
      ...(claims.get('appid') ?? [])
    ]
    const lower = allowed.map(a => a.toLowerCase())
    if (!ids.some(id => lower.includes(id.toLowerCase()))) {
      return 'the caller is not one of the allowed callers of this endpoint'
    }
  }
  return undefined
}
