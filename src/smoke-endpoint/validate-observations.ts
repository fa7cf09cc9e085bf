/**
 * The runner's reading of a smoke endpoint's answer: the observations of schema `mi-smoke-obs/1`
 * and nothing else. Whatever does not fit (another version, another run's nonce, a wrong type, an
 * oversized field, anything shaped like a token) is refused with what was wrong, and the caller
 * reports it as `dispatch-failed`. Only the known fields are copied, so nothing else an endpoint
 * sends can reach the report.
 */
import {
  BODY_LIMIT,
  HOSTING_PLATFORMS,
  type ApiObservation,
  type HostingPlatform,
  type PlatformHint,
  type Exchange,
  type IdentitySource,
  type Observations,
  type SdkObservation,
  type TokenObservation,
  type TransportError,
  type WorkloadMeta,
  WORKLOAD_META_FIELDS
} from '../observations'
import { JWT_PATTERN, PROTOCOL_VERSION } from './protocol'

export class InvalidObservations extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InvalidObservations'
  }
}

const SOURCES: IdentitySource[] = [
  'imds',
  'app-service',
  'arc',
  'cloud-shell',
  'workload-identity',
  'service-fabric',
  'none'
]
const TRANSPORT_ERRORS: TransportError[] = [
  'timeout',
  'refused',
  'dns',
  'tls',
  'reset',
  'unreachable',
  'proxy',
  'other'
]
const SHAPES = ['jwt', 'opaque', 'absent'] as const
/** Room for the probe's cut marker and JSON escapes on top of BODY_LIMIT characters. */
const BODY_FIELD_LIMIT = BODY_LIMIT + 64
const TEXT_LIMIT = 2048
const CLAIMS_LIMIT = 16 * 1024
const MAX_TOKENS = 50
const MAX_SDK = 10

type Json = Record<string, unknown>

function fail(path: string, problem: string): never {
  throw new InvalidObservations(`${path} ${problem}`)
}

function object(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail(path, 'is not an object')
  return value as Json
}

function str(o: Json, name: string, path: string, limit: number, required: true): string
function str(
  o: Json,
  name: string,
  path: string,
  limit: number,
  required?: false
): string | undefined
function str(
  o: Json,
  name: string,
  path: string,
  limit: number,
  required = false
): string | undefined {
  const value = o[name]
  if (value === undefined && !required) return undefined
  if (typeof value !== 'string') fail(`${path}.${name}`, 'is not a string')
  if (value.length > limit) fail(`${path}.${name}`, `is longer than ${limit} characters`)
  return value
}

function num(o: Json, name: string, path: string, required: true): number
function num(o: Json, name: string, path: string, required?: false): number | undefined
function num(o: Json, name: string, path: string, required = false): number | undefined {
  const value = o[name]
  if (value === undefined && !required) return undefined
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    fail(`${path}.${name}`, 'is not a non-negative number')
  return value
}

function array(value: unknown, path: string, limit: number): unknown[] {
  if (!Array.isArray(value)) fail(path, 'is not an array')
  if (value.length > limit) fail(path, `has more than ${limit} entries`)
  return value
}

function defined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>)
    if (value[key] === undefined) delete value[key]
  return value
}

function exchange(o: Json, path: string): Exchange {
  const status = num(o, 'status', path)
  if (status !== undefined && (!Number.isInteger(status) || status < 100 || status > 599))
    fail(`${path}.status`, 'is not an HTTP status')
  const error = str(o, 'error', path, 32)
  if (error !== undefined && !TRANSPORT_ERRORS.includes(error as TransportError))
    fail(`${path}.error`, `is not a known transport error (${error})`)
  return defined({
    url: str(o, 'url', path, TEXT_LIMIT, true),
    status,
    error: error as TransportError | undefined,
    errorText: str(o, 'errorText', path, TEXT_LIMIT),
    body: str(o, 'body', path, BODY_FIELD_LIMIT),
    retryAfter: str(o, 'retryAfter', path, 64),
    attempts: num(o, 'attempts', path, true),
    ms: num(o, 'ms', path, true)
  })
}

function claimsSegment(o: Json, path: string): string | undefined {
  const claims = str(o, 'claims', path, CLAIMS_LIMIT)
  if (claims !== undefined && !/^[A-Za-z0-9_-]*={0,2}$/.test(claims))
    fail(`${path}.claims`, 'is not one base64url segment')
  return claims
}

function token(value: unknown, path: string): TokenObservation {
  const o = object(value, path)
  const shape = str(o, 'shape', path, 16)
  if (shape !== undefined && !(SHAPES as readonly string[]).includes(shape))
    fail(`${path}.shape`, `is not jwt, opaque or absent`)
  let fields: Record<string, string | number> | undefined
  if (o['fields'] !== undefined) {
    const raw = object(o['fields'], `${path}.fields`)
    if (Object.keys(raw).length > 30) fail(`${path}.fields`, 'has more than 30 fields')
    fields = {}
    for (const [name, field] of Object.entries(raw)) {
      if (name === 'access_token' || name === 'refresh_token')
        fail(`${path}.fields`, `holds ${name}`)
      if (typeof field === 'number') fields[name] = field
      else if (typeof field === 'string' && field.length <= TEXT_LIMIT) fields[name] = field
      else fail(`${path}.fields.${name}`, 'is not a short string or a number')
    }
  }
  return defined({
    ...exchange(o, path),
    resource: str(o, 'resource', path, TEXT_LIMIT, true),
    fields,
    shape: shape as TokenObservation['shape'],
    claims: claimsSegment(o, path)
  })
}

function api(value: unknown, path: string, checkCount: number): ApiObservation {
  const o = object(value, path)
  const check = num(o, 'check', path, true)
  if (!Number.isInteger(check) || check >= checkCount)
    fail(`${path}.check`, `is not the index of one of the ${checkCount} checks`)
  return defined({ ...exchange(o, path), check, notCalled: str(o, 'notCalled', path, TEXT_LIMIT) })
}

function sdk(value: unknown, path: string): SdkObservation {
  const o = object(value, path)
  return defined({
    credential: str(o, 'credential', path, 128, true),
    clientIdSetting: str(o, 'clientIdSetting', path, 256),
    claims: claimsSegment(o, path),
    error: str(o, 'error', path, TEXT_LIMIT),
    ms: num(o, 'ms', path, true)
  })
}

/** Where the handler runs: a known platform, and plain resource names only. */
function platform(value: unknown): PlatformHint {
  const o = object(value, 'platform')
  const kind = str(o, 'kind', 'platform', 32, true) as HostingPlatform
  if (!HOSTING_PLATFORMS.includes(kind)) fail('platform.kind', 'is not a known platform')
  const variable = str(o, 'variable', 'platform', 64, true)
  if (!/^[A-Z_]{1,64}$/.test(variable)) fail('platform.variable', 'is not a variable name')
  const names: Partial<PlatformHint> = {}
  for (const field of ['name', 'resourceGroup'] as const) {
    const text = str(o, field, 'platform', 100)
    if (text === undefined) continue
    if (!/^[\w.-]{1,100}$/.test(text)) fail(`platform.${field}`, 'is not a resource name')
    names[field] = text
  }
  return { kind, variable, ...names }
}

function meta(value: unknown, path: string): WorkloadMeta {
  const o = object(value, path)
  const result: WorkloadMeta = {}
  for (const name of WORKLOAD_META_FIELDS) {
    const field = str(o, name, path, 1024)
    if (field !== undefined) result[name] = field
  }
  return result
}

/**
 * Reads the answer body (already size-limited) for the request with `nonce` and `checkCount` checks.
 * Throws InvalidObservations saying what was wrong; never quotes anything token-shaped.
 */
export function validateObservations(
  text: string,
  expected: { nonce: string; checkCount: number }
): Observations {
  if (JWT_PATTERN.test(text)) {
    throw new InvalidObservations(
      'the answer holds something shaped like an access token; it was discarded unread'
    )
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new InvalidObservations('the answer is not JSON')
  }
  const o = object(value, 'the answer')
  if (o['v'] !== PROTOCOL_VERSION) {
    throw new InvalidObservations(
      `the answer is protocol version ${JSON.stringify(o['v'])}, this action speaks ${PROTOCOL_VERSION}: use the same mi-smoke release in the app and the workflow`
    )
  }
  if (o['nonce'] !== expected.nonce) {
    throw new InvalidObservations(
      "the answer's nonce is not this request's: it answers another request (a cache or proxy in between?)"
    )
  }
  const source = str(o, 'source', 'the answer', 32, true)
  if (!SOURCES.includes(source as IdentitySource))
    fail('the answer.source', `is not a known identity source (${source})`)
  return defined({
    v: PROTOCOL_VERSION,
    nonce: expected.nonce,
    probe: str(o, 'probe', 'the answer', 64, true),
    source: source as IdentitySource,
    sourceDetail: str(o, 'sourceDetail', 'the answer', TEXT_LIMIT),
    platform: o['platform'] === undefined ? undefined : platform(o['platform']),
    instance:
      o['instance'] === undefined
        ? undefined
        : exchange(object(o['instance'], 'instance'), 'instance'),
    meta: o['meta'] === undefined ? undefined : meta(o['meta'], 'meta'),
    tokens: array(o['tokens'], 'tokens', MAX_TOKENS).map((t, i) => token(t, `tokens[${i}]`)),
    apis: array(o['apis'], 'apis', expected.checkCount).map((a, i) =>
      api(a, `apis[${i}]`, expected.checkCount)
    ),
    sdk:
      o['sdk'] === undefined
        ? undefined
        : array(o['sdk'], 'sdk', MAX_SDK).map((s, i) => sdk(s, `sdk[${i}]`))
  })
}
