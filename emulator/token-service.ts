/**
 * What every identity endpoint (IMDS, App Service, Arc, Cloud Shell, Service Fabric, legacy MSI,
 * workload identity) has in common once the request is valid: choosing the identity, the token
 * faults of the scenario, and minting the token. Each endpoint formats the answer its own way.
 */
import { recordedAnswer, replay } from './recorded'
import { isKnownAudience, otherAudience } from './audiences'
import type { Identity } from './identities'
import type { Reply } from './http-util'
import { nowSeconds } from './http-util'
import type { EmulatorState } from './state'
import { correlationId, type IssuedToken } from './tokens'

export type IdentitySelector =
  { kind: 'system' } | { kind: 'client_id' | 'object_id' | 'resource_id'; value: string }

export type Selection =
  | { ok: true; identity: Identity; system: boolean }
  | { ok: false; reason: 'not-found' | 'multiple' }

/**
 * IMDS's rules: with no selector the system identity, else the only user-assigned one; a selector
 * must name an identity assigned to the workload (case-insensitive).
 */
export function selectIdentity(state: EmulatorState, selector: IdentitySelector): Selection {
  const assigned = state.assignedIdentities()
  if (selector.kind === 'system') {
    if (assigned.system) return { ok: true, identity: assigned.system, system: true }
    if (assigned.userAssigned.length === 1) {
      return { ok: true, identity: assigned.userAssigned[0] as Identity, system: false }
    }
    return { ok: false, reason: assigned.userAssigned.length > 1 ? 'multiple' : 'not-found' }
  }
  const value = selector.value.toLowerCase()
  const field =
    selector.kind === 'client_id'
      ? 'clientId'
      : selector.kind === 'object_id'
        ? 'objectId'
        : 'resourceId'
  const candidates = [...assigned.userAssigned]
  // The system identity may be named by its own client/object ID too.
  if (assigned.system && selector.kind !== 'resource_id') candidates.push(assigned.system)
  const identity = candidates.find(candidate => candidate[field].toLowerCase() === value)
  if (!identity) return { ok: false, reason: 'not-found' }
  return { ok: true, identity, system: identity === assigned.system }
}

export interface Minted {
  issued: IssuedToken
  /** The resource as requested (echoed as `resource`). */
  resource: string
  notBefore: number
  /** Absent in the token-no-expiry scenario: the endpoint must omit every expiry field. */
  expiresOn?: number
  expiresIn?: number
  /** token-malformed: the endpoint must cut its JSON short. */
  malformed: boolean
}

/** The fault this request meets, as an IMDS-style error reply, or undefined to go on. */
export function tokenFault(state: EmulatorState): Reply | undefined {
  const { tokenFault: fault, goneForMs, throttleCount, retryAfterSeconds } = state.settings
  const recorded =
    state.settings.recordedAnswer === '' ? undefined : recordedAnswer(state.settings.recordedAnswer)
  if (recorded !== undefined) return replay(recorded)
  if (fault === 'gone' && state.elapsedMs() < goneForMs) {
    return {
      status: 410,
      body: {
        error: 'service_unavailable',
        error_description: 'IMDS is being updated. Retry the request in 70 seconds.'
      }
    }
  }
  if (fault === 'throttled' && state.throttled < throttleCount) {
    state.throttled++
    return {
      status: 429,
      headers: { 'Retry-After': String(retryAfterSeconds) },
      body: {
        error: 'too_many_requests',
        error_description: 'Too many requests. Retry after some time.'
      }
    }
  }
  if (fault === 'error') {
    return {
      status: 500,
      body: {
        error: 'unknown',
        error_description:
          'Failed to retrieve token from the Active directory. For details see logs in C:\\Windows\\System32\\config\\systemprofile\\AppData\\Local\\Temp\\MSI\\Logs'
      }
    }
  }
  return undefined
}

/** AADSTS500011 for a resource the tenant has no service principal for, else undefined. */
export function unknownResource(state: EmulatorState, resource: string): Reply | undefined {
  if (isKnownAudience(resource)) return undefined
  const trace = correlationId()
  return {
    status: 400,
    body: {
      error: 'invalid_resource',
      error_description: `AADSTS500011: The resource principal named ${resource} was not found in the tenant named ${state.estate.tenantId}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant. Trace ID: ${trace} Correlation ID: ${correlationId()} Timestamp: ${new Date()
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d+Z$/, 'Z')}`
    }
  }
}

/** Mints the token for a valid request, applying the scenario's token-shaping faults. */
export function mint(
  state: EmulatorState,
  selection: { identity: Identity; system: boolean },
  resource: string
): Minted {
  const { tokenFault: fault, tokenLifetimeSeconds } = state.settings
  const now = nowSeconds()
  // token-expired: issued two hours ago, expired ten minutes ago.
  const issuedAt = fault === 'expired' ? now - 7200 : now
  const expiresOn = fault === 'expired' ? now - 600 : now + tokenLifetimeSeconds
  const audience = fault === 'wrong-audience' ? otherAudience(resource) : resource
  const issued = state.issuer.issue({
    identity: selection.identity,
    system: selection.system,
    audience,
    issuedAt,
    expiresAt: expiresOn
  })
  const noExpiry = fault === 'no-expiry'
  return {
    issued,
    resource,
    notBefore: issuedAt,
    expiresOn: noExpiry ? undefined : expiresOn,
    expiresIn: noExpiry ? undefined : Math.max(0, expiresOn - now),
    malformed: fault === 'malformed'
  }
}

/**
 * A 200 reply with the endpoint's fields. token-malformed cuts the JSON short *after* the token:
 * the body still holds the whole access token (and so the canary), which is what a probe must
 * never echo back when it reports an unusable answer.
 */
export function tokenReply(fields: Record<string, unknown>, malformed: boolean): Reply {
  if (!malformed) return { status: 200, body: fields }
  const text = JSON.stringify(fields)
  return { status: 200, body: `${text.slice(0, -1)},"expires_on":`, raw: true }
}
