/**
 * Reduces a token response to what may leave the workload: its fields except the token, the
 * token's shape, and the JWT payload segment (the claims). The token itself and its signature are
 * returned separately to the caller (to use and to mask), never placed in the observation.
 */
import { BODY_LIMIT } from '../contracts/observations'
import { cut } from '../common/format'
import { redactSecrets } from '../common/redact'
import type { TokenObservation } from '../contracts/observations'

/** Fields that are credentials in any token endpoint's answer. */
const SECRET_FIELDS = new Set(['access_token', 'refresh_token', 'id_token'])

/** A field value longer than this is cut (fields are evidence, not payload). */
const FIELD_LIMIT = 300

/** Scrubbed first, then cut, so a cut can never leave a token's tail that the patterns miss. */
export function cutBody(text: string, limit = BODY_LIMIT): string {
  return cut(redactSecrets(text), limit)
}

const JWT = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]*)$/

export interface ReducedTokenResponse {
  observation: Pick<TokenObservation, 'fields' | 'shape' | 'claims' | 'body'>
  /** The token, for the API call and for masking; never put in an observation. */
  accessToken?: string
}

/** `body` is a 2xx token response as received. */
export function reduceTokenResponse(body: string): ReducedTokenResponse {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    parsed = undefined
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    // Not a JSON object: keep the evidence, without anything that looks like a token. No shape:
    // nothing says whether an access_token was there (docs/probe-spec.md, as the VM probes do).
    return { observation: { body: cutBody(body) } }
  }
  const record = parsed as Record<string, unknown>
  const fields: Record<string, string | number> = {}
  for (const [key, value] of Object.entries(record)) {
    if (SECRET_FIELDS.has(key.toLowerCase())) continue
    if (typeof value === 'number' && Number.isFinite(value)) fields[key] = value
    else if (typeof value === 'string') fields[key] = cutBody(value, FIELD_LIMIT)
    else if (typeof value === 'boolean') fields[key] = String(value)
    else if (value !== null && value !== undefined) {
      fields[key] = cutBody(JSON.stringify(value), FIELD_LIMIT)
    }
  }
  const token = record.access_token
  const observation: ReducedTokenResponse['observation'] = { fields }
  if (typeof token !== 'string' || token === '') {
    observation.shape = 'absent'
    return { observation }
  }
  const jwt = JWT.exec(token)
  if (jwt) {
    observation.shape = 'jwt'
    observation.claims = jwt[2]
  } else {
    observation.shape = 'opaque'
  }
  return { observation, accessToken: token }
}
