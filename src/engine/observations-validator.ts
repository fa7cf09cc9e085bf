/**
 * The trust boundary: every answer a workload gives (the VM probes' run-command line, the smoke
 * endpoint's body, and, for symmetry, the in-process probe of `local`) passes this one validator
 * before anything judges it. It returns fresh `Observations` holding only known fields of the
 * declared types, lengths and formats, with every text redacted; anything else is a
 * `DispatchError` (`dispatch-failed`) that names the workload, the field and what was wrong,
 * never quoting what the workload sent.
 *
 * It checks what a probe that keeps the protocol always satisfies: schema version and nonce (here
 * and nowhere else), enums, integers in range, times finite and sane, `oid`/`appid`/`tid` GUIDs in
 * the claims, URLs of the hosts that were asked for, no control characters. It cannot tell a
 * compromised workload's well-formed lie from the truth (docs/security.md): it only guarantees that
 * nothing a workload sends reaches the runner's outputs or report other than as data of its shape.
 */
import { DispatchError } from '../contracts/dispatch-error'
import {
  BODY_LIMIT,
  HOSTING_PLATFORMS,
  OBSERVATIONS_VERSION,
  type HostingPlatform,
  type PlatformHint,
  WORKLOAD_META_FIELDS,
  type ApiObservation,
  type Exchange,
  type IdentitySource,
  type Observations,
  type SdkObservation,
  type TokenObservation,
  type TransportError,
  type WorkloadMeta,
  IDENTITY_SOURCES,
  TRANSPORT_ERRORS
} from '../contracts/observations'
import type { ProbeRequest } from '../contracts/probe-request'
import { containsJwt, redactSecrets } from '../common/redact'
import { GUID } from '../common/guid'
import { audienceSpelling } from '../azure/services'
import { firstControlCharacter, hasControlCharacter } from '../common/control-characters'

const SOURCES: readonly IdentitySource[] = IDENTITY_SOURCES
const SHAPES = ['jwt', 'opaque', 'absent'] as const

/** Room for a probe's cut marker and escapes on top of BODY_LIMIT characters. */
const BODY_FIELD_LIMIT = BODY_LIMIT + 64
const TEXT_LIMIT = 2048
const CLAIMS_LIMIT = 16 * 1024
const MAX_SDK = 10
const MAX_FIELDS = 30
/** One exchange never takes longer than a day (the longest deadline is minutes); nor retries 1000 times. */
const MAX_MS = 86_400_000
const MAX_ATTEMPTS = 1000
/** Token times (`exp`, `iat`, `nbf`) between 2000-01-01 and 2100-01-01, in seconds. */
const MIN_EPOCH_S = 946_684_800
const MAX_EPOCH_S = 4_102_444_800

const BASE64URL = /^[A-Za-z0-9_-]*={0,2}$/
const PROBE_NAME = /^[A-Za-z0-9._/-]{1,64}$/
const FIELD_NAME = /^[A-Za-z0-9_.-]{1,64}$/
const RESOURCE_GROUP = /^[-\w.()]{1,90}$/
const LOCATION = /^[A-Za-z0-9 -]{0,64}$/
const WORD = /^[A-Za-z0-9]{0,64}$/

export interface AnswerExpectation {
  /** How the workload is named in the report (`local`, `vm:/subscriptions/...`, `https://...`). */
  workload: string
  /** The request this answer must answer. */
  request: Pick<ProbeRequest, 'nonce' | 'checks'>
}

type Json = Record<string, unknown>

/** Thrown inside; turned into a DispatchError naming the workload once, at the top. */
class FieldProblem extends Error {}

function fail(path: string, problem: string): never {
  throw new FieldProblem(`${path} ${problem}`)
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function object(value: unknown, path: string): Json {
  if (!isObject(value)) fail(path, 'is not an object')
  return value
}

interface TextRule {
  limit: number
  required?: boolean
  multiline?: boolean
  pattern?: RegExp
  /** What the pattern means, for the message (`is not a GUID`). */
  shape?: string
  /** Passed through the redactor (free text); identifiers and segments are not. */
  redact?: boolean
}

function text(o: Json, name: string, path: string, rule: TextRule): string | undefined {
  const value = o[name]
  const where = `${path}.${name}`
  if (value === undefined) {
    if (rule.required) fail(where, 'is missing')
    return undefined
  }
  if (typeof value !== 'string') fail(where, 'is not a string')
  if (value.length > rule.limit) fail(where, `is longer than ${rule.limit} characters`)
  const control = firstControlCharacter(value, rule.multiline === true ? 'multiline' : 'none')
  if (control !== undefined) fail(where, `holds ${control.label}`)
  if (rule.pattern && !rule.pattern.test(value)) fail(where, rule.shape ?? 'has the wrong format')
  // A probe never sends a token (it sends claims alone): one in an answer is refused, unquoted.
  if (containsJwt(value)) fail(where, 'holds something shaped like an access token')
  return rule.redact ? redactSecrets(value) : value
}

function integer(
  o: Json,
  name: string,
  path: string,
  min: number,
  max: number,
  required: boolean
): number | undefined {
  const value = o[name]
  const where = `${path}.${name}`
  if (value === undefined) {
    if (required) fail(where, 'is missing')
    return undefined
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    fail(where, `is not an integer from ${min} to ${max}`)
  return value
}

function milliseconds(o: Json, name: string, path: string): number {
  const value = o[name]
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_MS)
    fail(`${path}.${name}`, `is not a duration from 0 to ${MAX_MS} ms`)
  return value
}

function array(value: unknown, path: string, limit: number): unknown[] {
  if (!Array.isArray(value)) fail(path, 'is not an array')
  if (value.length > limit) fail(path, `has more than ${limit} entries`)
  return value
}

/** Drops undefined members, so the result holds only what was sent and validated. */
function defined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>)
    if (value[key] === undefined) delete value[key]
  return value
}

function httpUrl(value: string, path: string): URL {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    fail(path, 'is not an absolute URL')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') fail(path, 'is not an http(s) URL')
  if (url.username !== '' || url.password !== '') fail(path, 'holds user info')
  if (value.includes('\\')) fail(path, 'holds a backslash')
  return url
}

function exchange(o: Json, path: string): Exchange {
  const url = text(o, 'url', path, { limit: TEXT_LIMIT, required: true }) as string
  const error = text(o, 'error', path, { limit: 32 })
  if (error !== undefined && !TRANSPORT_ERRORS.includes(error as TransportError))
    fail(`${path}.error`, 'is not a known transport error')
  return defined({
    url: redactSecrets(url),
    status: integer(o, 'status', path, 100, 599, false),
    error: error as TransportError | undefined,
    errorText: text(o, 'errorText', path, { limit: TEXT_LIMIT, multiline: true, redact: true }),
    body: text(o, 'body', path, { limit: BODY_FIELD_LIMIT, multiline: true, redact: true }),
    retryAfter: text(o, 'retryAfter', path, { limit: 64, redact: true }),
    attempts: integer(o, 'attempts', path, 0, MAX_ATTEMPTS, true) as number,
    ms: milliseconds(o, 'ms', path)
  })
}

/**
 * The claims segment: base64url; when it decodes to a JSON object, the claims the report and the
 * outputs use must have their shapes (GUIDs, sane times, short strings). An undecodable segment is
 * left for diagnosis to report as an invalid token, which is what it is.
 */
function claimsSegment(o: Json, path: string): string | undefined {
  const claims = text(o, 'claims', path, {
    limit: CLAIMS_LIMIT,
    pattern: BASE64URL,
    shape: 'is not one base64url segment'
  })
  if (claims === undefined || claims === '') return claims
  let payload: unknown
  try {
    payload = JSON.parse(Buffer.from(claims, 'base64url').toString('utf8'))
  } catch {
    return claims
  }
  if (!isObject(payload)) return claims
  const where = `${path}.claims`
  for (const name of ['oid', 'appid', 'azp', 'tid']) {
    const value = payload[name]
    if (value !== undefined && (typeof value !== 'string' || !GUID.test(value)))
      fail(`${where}.${name}`, 'is not a GUID')
  }
  for (const name of ['exp', 'iat', 'nbf']) {
    const value = payload[name]
    if (value === undefined) continue
    const seconds = typeof value === 'string' && /^\d{1,12}$/.test(value) ? Number(value) : value
    if (
      typeof seconds !== 'number' ||
      !Number.isFinite(seconds) ||
      seconds < MIN_EPOCH_S ||
      seconds > MAX_EPOCH_S
    )
      fail(`${where}.${name}`, 'is not a time in seconds between 2000 and 2100')
  }
  for (const name of ['aud', 'iss', 'idtyp', 'xms_mirid', 'xms_az_rid']) {
    const value = payload[name]
    const values = Array.isArray(value) ? value : [value]
    for (const entry of values) {
      if (entry === undefined) continue
      if (typeof entry !== 'string' || entry.length > TEXT_LIMIT)
        fail(`${where}.${name}`, 'is not a short string')
      if (hasControlCharacter(entry)) fail(`${where}.${name}`, 'holds a control character')
    }
  }
  return claims
}

function token(value: unknown, path: string, audiences: Set<string>): TokenObservation {
  const o = object(value, path)
  const base = exchange(o, path)
  httpUrl(base.url, `${path}.url`)
  const resource = text(o, 'resource', path, { limit: TEXT_LIMIT, required: true }) as string
  if (!audiences.has(audienceSpelling(resource)))
    fail(`${path}.resource`, 'is not an audience any check asked for')
  const shape = text(o, 'shape', path, { limit: 16 })
  if (shape !== undefined && !(SHAPES as readonly string[]).includes(shape))
    fail(`${path}.shape`, 'is not jwt, opaque or absent')
  let fields: Record<string, string | number> | undefined
  if (o['fields'] !== undefined) {
    const raw = object(o['fields'], `${path}.fields`)
    const names = Object.keys(raw)
    if (names.length > MAX_FIELDS) fail(`${path}.fields`, `has more than ${MAX_FIELDS} fields`)
    fields = {}
    for (const name of names) {
      if (!FIELD_NAME.test(name)) fail(`${path}.fields`, 'has a field name that is not a word')
      const lower = name.toLowerCase()
      if (lower === 'access_token' || lower === 'refresh_token' || lower === 'id_token')
        fail(`${path}.fields`, `holds ${lower}`)
      const field = raw[name]
      if (typeof field === 'number' && Number.isFinite(field)) fields[name] = field
      else if (typeof field === 'string')
        fields[name] = text(raw, name, `${path}.fields`, { limit: TEXT_LIMIT, redact: true })!
      else fail(`${path}.fields.${name}`, 'is not a short string or a finite number')
    }
  }
  return defined({
    ...base,
    resource,
    fields,
    shape: shape as TokenObservation['shape'],
    claims: claimsSegment(o, path)
  })
}

function api(
  value: unknown,
  path: string,
  request: AnswerExpectation['request'],
  seen: Set<number>
): ApiObservation {
  const o = object(value, path)
  const checkCount = request.checks.length
  const check = integer(o, 'check', path, 0, Math.max(0, checkCount - 1), true) as number
  if (checkCount === 0) fail(`${path}.check`, 'answers a check that was not asked for')
  if (seen.has(check)) fail(`${path}.check`, `repeats check ${check}`)
  seen.add(check)
  const base = exchange(o, path)
  const observed = httpUrl(base.url, `${path}.url`)
  // The host a token went to is what the report names: it must be the one the check asked for.
  const asked = new URL(request.checks[check]!.url)
  if (observed.origin !== asked.origin)
    fail(`${path}.url`, `is not on ${asked.origin}, the host check ${check} asked for`)
  return defined({
    ...base,
    check,
    notCalled: text(o, 'notCalled', path, { limit: TEXT_LIMIT, redact: true })
  })
}

function sdk(value: unknown, path: string): SdkObservation {
  const o = object(value, path)
  return defined({
    credential: text(o, 'credential', path, {
      limit: 128,
      required: true,
      pattern: /^[A-Za-z0-9 ._():,=-]{1,128}$/,
      shape: 'is not a credential name'
    }) as string,
    clientIdSetting: text(o, 'clientIdSetting', path, { limit: 256, redact: true }),
    claims: claimsSegment(o, path),
    error: text(o, 'error', path, { limit: TEXT_LIMIT, multiline: true, redact: true }),
    ms: milliseconds(o, 'ms', path)
  })
}

/** Where the handler runs: a known platform, and plain resource names only. */
function platform(value: unknown): PlatformHint {
  const o = object(value, 'platform')
  const kind = text(o, 'kind', 'platform', { limit: 32, required: true }) as HostingPlatform
  if (!HOSTING_PLATFORMS.includes(kind)) fail('platform.kind', 'is not a known platform')
  const variable = text(o, 'variable', 'platform', {
    limit: 64,
    required: true,
    pattern: /^[A-Z_]{1,64}$/,
    shape: 'is not a variable name'
  }) as string
  const names: Partial<PlatformHint> = {}
  for (const field of ['name', 'resourceGroup'] as const) {
    const value = text(o, field, 'platform', {
      limit: 100,
      pattern: /^[\w.-]{1,100}$/,
      shape: 'is not a resource name'
    })
    if (value !== undefined) names[field] = value
  }
  return { kind, variable, ...names }
}

const META_RULES: Record<(typeof WORKLOAD_META_FIELDS)[number], TextRule> = {
  subscriptionId: { limit: 36, pattern: /^$|^[0-9a-f-]{36}$/i, shape: 'is not a GUID' },
  resourceGroupName: {
    limit: 90,
    pattern: /^$|^[-\w.()]{1,90}$/,
    shape: 'is not a resource group name'
  },
  resourceId: { limit: 1024, pattern: /^[^\s"'`\\]*$/, shape: 'is not a resource ID' },
  azEnvironment: { limit: 64, pattern: WORD, shape: 'is not a cloud name' },
  location: { limit: 64, pattern: LOCATION, shape: 'is not a region name' },
  vmId: { limit: 36, pattern: /^$|^[0-9a-f-]{36}$/i, shape: 'is not a GUID' },
  osType: { limit: 64, pattern: WORD, shape: 'is not an OS name' }
}

function meta(value: unknown, path: string): WorkloadMeta {
  const o = object(value, path)
  const result: WorkloadMeta = {}
  for (const name of WORKLOAD_META_FIELDS) {
    const field = text(o, name, path, META_RULES[name])
    if (field === undefined) continue
    if ((name === 'subscriptionId' || name === 'vmId') && field !== '' && !GUID.test(field))
      fail(`${path}.${name}`, 'is not a GUID')
    if (name === 'resourceGroupName' && field !== '' && !RESOURCE_GROUP.test(field))
      fail(`${path}.${name}`, 'is not a resource group name')
    result[name] = field
  }
  return result
}

/** The checked envelope and body of an answer, or a FieldProblem. */
function read(answer: unknown, request: AnswerExpectation['request']): Observations {
  const o = object(answer, 'the answer')
  if (o['v'] !== OBSERVATIONS_VERSION) {
    const v = typeof o['v'] === 'number' && Number.isInteger(o['v']) ? String(o['v']) : 'unknown'
    throw new VersionMismatch(v)
  }
  if (o['nonce'] !== request.nonce) throw new NonceMismatch()
  const source = text(o, 'source', 'the answer', { limit: 32, required: true }) as string
  if (!SOURCES.includes(source as IdentitySource))
    fail('the answer.source', 'is not a known identity source')
  const audiences = new Set(request.checks.map(c => audienceSpelling(c.resource)))
  const seen = new Set<number>()
  return defined({
    v: OBSERVATIONS_VERSION,
    nonce: request.nonce,
    probe: text(o, 'probe', 'the answer', {
      limit: 64,
      required: true,
      pattern: PROBE_NAME,
      shape: 'is not a probe name'
    }) as string,
    source: source as IdentitySource,
    sourceDetail: text(o, 'sourceDetail', 'the answer', { limit: TEXT_LIMIT, redact: true }),
    platform: o['platform'] === undefined ? undefined : platform(o['platform']),
    instance:
      o['instance'] === undefined
        ? undefined
        : exchange(object(o['instance'], 'instance'), 'instance'),
    meta: o['meta'] === undefined ? undefined : meta(o['meta'], 'meta'),
    tokens: array(o['tokens'], 'tokens', Math.max(1, audiences.size)).map((t, i) =>
      token(t, `tokens[${i}]`, audiences)
    ),
    apis: array(o['apis'], 'apis', request.checks.length).map((a, i) =>
      api(a, `apis[${i}]`, request, seen)
    ),
    sdk:
      o['sdk'] === undefined
        ? undefined
        : array(o['sdk'], 'sdk', MAX_SDK).map((s, i) => sdk(s, `sdk[${i}]`))
  })
}

class VersionMismatch extends Error {}
class NonceMismatch extends Error {}

const REMEDIATION =
  'Run the probe (or serve the smoke endpoint) of the same mi-smoke release as the workflow, unchanged; an answer of another shape is not from that probe (a mangled, proxied or compromised answer)'

/**
 * The workload's answer as `Observations`, or a `DispatchError` naming the workload, the field and
 * what was wrong. `answer` is parsed JSON (or the in-process probe's object), untrusted.
 */
export function validateObservations(answer: unknown, expected: AnswerExpectation): Observations {
  const who = expected.workload
  try {
    return read(answer, expected.request)
  } catch (error) {
    if (error instanceof VersionMismatch) {
      throw new DispatchError(
        `${who} answered in observations schema version ${error.message}, this action speaks ${OBSERVATIONS_VERSION}: the probe (or smoke endpoint) is from another mi-smoke release`,
        'Use the same mi-smoke release for the probe on the workload (or the app serving mi-smoke/probe) and the workflow'
      )
    }
    if (error instanceof NonceMismatch) {
      throw new DispatchError(
        `${who} answered another request (nonce mismatch): a cached, replayed or concurrent answer`,
        'Make sure nothing caches the smoke endpoint (CDN, reverse proxy), no other run-command ran at the same time, and the workload runs the probe it was sent'
      )
    }
    if (error instanceof FieldProblem) {
      throw new DispatchError(
        `${who} answered with invalid observations: ${error.message}`,
        REMEDIATION
      )
    }
    throw error
  }
}

/** `text` (an answer body or a probe's marker line) parsed as JSON, or a DispatchError. */
export function parseAnswer(text: string, workload: string): unknown {
  // Observations nest four levels deep; a deeper answer is refused before JSON.parse builds it.
  if (nestsTooDeep(text))
    throw new DispatchError(
      `${workload} answered with JSON nested deeper than ${MAX_JSON_DEPTH} levels`,
      REMEDIATION
    )
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new DispatchError(`${workload} answered with something that is not JSON`, REMEDIATION)
  }
}

export const MAX_JSON_DEPTH = 16

/** True when `text` nests deeper than any answer may: refused before JSON.parse builds it. */
export function nestsTooDeep(text: string): boolean {
  return nestingDepth(text) > MAX_JSON_DEPTH
}

/** The deepest nesting of `[` and `{` outside strings: one linear pass, no allocation. */
function nestingDepth(text: string): number {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 92)
        i++ // backslash: skip the escaped character
      else if (c === 34) inString = false
    } else if (c === 34) inString = true
    else if (c === 91 || c === 123) {
      if (++depth > deepest) deepest = depth
      if (deepest > MAX_JSON_DEPTH) return deepest
    } else if (c === 93 || c === 125) depth--
  }
  return deepest
}
