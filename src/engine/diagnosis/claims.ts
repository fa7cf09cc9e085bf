/**
 * The token's claims, from the JWT payload segment the probe sent (base64url JSON). Only the
 * claims worth reporting are kept; the segment itself is never quoted back.
 */
import type { ReportedClaims } from '../../contracts/report'

export type ClaimsResult = { ok: true; claims: ReportedClaims } | { ok: false; problem: string }

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/

export function decodeClaims(segment: string | undefined): ClaimsResult {
  if (segment === undefined || segment === '') {
    return { ok: false, problem: 'the probe reported no claims for the token' }
  }
  // A whole token (or anything with dots) where the payload belongs: refuse it without echoing it.
  if (!BASE64URL.test(segment)) {
    return { ok: false, problem: 'the token payload is not base64url' }
  }
  let payload: unknown
  try {
    payload = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'))
  } catch {
    return { ok: false, problem: 'the token payload is not JSON' }
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return { ok: false, problem: 'the token payload is not a JSON object' }
  }
  return { ok: true, claims: pickClaims(payload as Record<string, unknown>) }
}

function pickClaims(raw: Record<string, unknown>): ReportedClaims {
  const claims: ReportedClaims = {}
  for (const name of [
    'aud',
    'iss',
    'tid',
    'oid',
    'appid',
    'idtyp',
    'xms_mirid',
    'xms_az_rid'
  ] as const) {
    const value = raw[name]
    // `aud` may be an array in some tokens; the first entry is the resource.
    if (typeof value === 'string') claims[name] = value
    else if (name === 'aud' && Array.isArray(value) && typeof value[0] === 'string')
      claims.aud = value[0]
  }
  // v2 tokens name the client `azp` instead of `appid`; the report has one field for it.
  if (claims.appid === undefined && typeof raw['azp'] === 'string') claims.appid = raw['azp']
  for (const name of ['iat', 'nbf', 'exp'] as const) {
    const value = raw[name]
    if (typeof value === 'number' && Number.isFinite(value)) claims[name] = value
    else if (typeof value === 'string' && /^\d+$/.test(value)) claims[name] = Number(value)
  }
  return claims
}
