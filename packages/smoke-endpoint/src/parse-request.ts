/**
 * Reads a smoke endpoint request body into a ProbeRequest, or says exactly what is wrong with it.
 * The body is data: only the fields of the protocol are kept, each checked for type and size, so
 * nothing a caller adds reaches the probe.
 */
import type {
  IdentitySelection,
  ProbeCheck,
  ProbeRequest
} from '../../../src/contracts/probe-request'
import {
  MAX_REQUEST_CHECKS,
  PROTOCOL_VERSION,
  type ProtocolErrorCode
} from '../../../src/contracts/smoke-protocol'
import { GUID } from '../../../src/common/guid'

/** Why a request was refused before anything ran: an HTTP status and a code of the protocol. */
export class RequestRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: ProtocolErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'RequestRefused'
  }
}

const USER_ASSIGNED_ID =
  /^\/subscriptions\/[^/]+\/resourcegroups\/[^/]+\/providers\/microsoft\.managedidentity\/userassignedidentities\/[^/]+$/i
const MAX_URL_LENGTH = 2048
const MAX_RESOURCE_LENGTH = 512
const MAX_NONCE_LENGTH = 128

function malformed(message: string): RequestRefused {
  return new RequestRefused(400, 'malformed', message)
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Parses the raw body text (already size-limited by the adapter). */
export function parseRequestBody(text: string): ProbeRequest {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw malformed(`the body is not JSON: ${(error as Error).message}`)
  }
  return parseProbeRequest(value)
}

/** Validates a parsed body (Express may have parsed it already). */
export function parseProbeRequest(value: unknown): ProbeRequest {
  if (!isObject(value)) throw malformed('the body must be a JSON object')
  if (value['v'] !== PROTOCOL_VERSION) {
    throw new RequestRefused(
      400,
      'unsupported-version',
      `this endpoint speaks protocol version ${PROTOCOL_VERSION}, the request says ${JSON.stringify(value['v'])}`
    )
  }
  const nonce = value['nonce']
  if (
    typeof nonce !== 'string' ||
    nonce.length < 8 ||
    nonce.length > MAX_NONCE_LENGTH ||
    !/^[\x21-\x7e]+$/.test(nonce)
  ) {
    throw malformed(`'nonce' must be 8 to ${MAX_NONCE_LENGTH} printable characters without spaces`)
  }
  const timeoutMs = value['timeoutMs']
  if (
    typeof timeoutMs !== 'number' ||
    !Number.isInteger(timeoutMs) ||
    timeoutMs < 1 ||
    timeoutMs > 3_600_000
  ) {
    throw malformed(`'timeoutMs' must be a whole number of milliseconds between 1 and 3600000`)
  }
  const imdsEndpoint = value['imdsEndpoint']
  if (
    typeof imdsEndpoint !== 'string' ||
    imdsEndpoint.length > MAX_URL_LENGTH ||
    !/^https?:\/\//.test(imdsEndpoint)
  ) {
    throw malformed(`'imdsEndpoint' must be an http(s) URL`)
  }
  return {
    v: PROTOCOL_VERSION,
    nonce,
    identity: parseIdentity(value['identity']),
    checks: parseChecks(value['checks']),
    timeoutMs,
    imdsEndpoint
  }
}

function parseIdentity(value: unknown): IdentitySelection {
  if (!isObject(value)) throw malformed(`'identity' must be an object such as {"kind":"system"}`)
  const kind = value['kind']
  if (kind === 'system') return { kind: 'system' }
  const id = value['value']
  if (typeof id !== 'string')
    throw malformed(`'identity.value' must be a string for kind ${JSON.stringify(kind)}`)
  switch (kind) {
    case 'client-id':
    case 'object-id':
      if (!GUID.test(id)) throw malformed(`'identity.value' must be a GUID for kind '${kind}'`)
      return { kind, value: id }
    case 'resource-id':
      if (!USER_ASSIGNED_ID.test(id)) {
        throw malformed(
          `'identity.value' must be a user-assigned identity's resource ID for kind 'resource-id'`
        )
      }
      return { kind, value: id }
    default:
      throw malformed(`'identity.kind' must be system, client-id, object-id or resource-id`)
  }
}

function parseChecks(value: unknown): ProbeCheck[] {
  if (!Array.isArray(value) || value.length === 0)
    throw malformed(`'checks' must be a non-empty array`)
  if (value.length > MAX_REQUEST_CHECKS)
    throw malformed(`'checks' may hold at most ${MAX_REQUEST_CHECKS} checks, not ${value.length}`)
  return value.map((check: unknown, index) => {
    if (!isObject(check)) throw malformed(`checks[${index}] must be an object {url, resource}`)
    const url = check['url']
    const resource = check['resource']
    if (typeof url !== 'string' || url.length === 0 || url.length > MAX_URL_LENGTH) {
      throw malformed(`checks[${index}].url must be a URL of at most ${MAX_URL_LENGTH} characters`)
    }
    if (
      typeof resource !== 'string' ||
      resource.length === 0 ||
      resource.length > MAX_RESOURCE_LENGTH
    ) {
      throw malformed(
        `checks[${index}].resource must be an audience of at most ${MAX_RESOURCE_LENGTH} characters`
      )
    }
    return { url, resource }
  })
}
