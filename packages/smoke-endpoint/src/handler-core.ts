/**
 * The smoke endpoint, free of any web framework: one request in (method, headers, body text), one
 * response out (status, headers, body text). The adapters (`node-http.ts`, `express.ts`,
 * `azure-functions.ts`, `standalone-server.ts`) only move bytes between their framework and this.
 *
 * Order of refusals, each before any outbound request: method, authentication (before the body is
 * even looked at), rate limit, media type, size, syntax, version, IMDS endpoint, allowlist.
 */
import type { Observations } from '../../../src/contracts/observations'
import type { ProbeRequest } from '../../../src/contracts/probe-request'
import { runProbe } from '../../../src/node-probe/run-probe'
import { createAllowlist } from './allowlist'
import { authenticate, header } from './authenticate'
import { parseRequestBody, RequestRefused } from './parse-request'
import {
  DEFAULT_DEADLINE_MS,
  DEFAULT_IMDS_ENDPOINT,
  containsJwt,
  MAX_DEADLINE_MS,
  MAX_REQUEST_TIMEOUT_MS,
  PROTOCOL_VERSION,
  REQUEST_BODY_LIMIT,
  type ProtocolErrorBody,
  type ProtocolErrorCode
} from '../../../src/contracts/smoke-protocol'
import { createRateLimiter, DEFAULT_RATE_LIMIT } from './rate-limit'
import {
  isLoopbackTarget,
  pointSdkAtEmulator,
  rehearsalHint,
  rehearsalNotice,
  rehearsalSettings,
  REHEARSAL_ENV
} from './rehearsal'
import { sdkCrossCheck } from './sdk-cross-check'
import type {
  SmokeHandlerOptions,
  SmokeRequest,
  SmokeResponse,
  SmokeHandler,
  NamedCredential
} from './public'

const BASE_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff'
}

function reply(status: number, body: unknown, extra: Record<string, string> = {}): SmokeResponse {
  return { status, headers: { ...BASE_HEADERS, ...extra }, body: JSON.stringify(body) }
}

function refusal(
  status: number,
  error: ProtocolErrorCode,
  message: string,
  extra?: Record<string, string>
): SmokeResponse {
  const body: ProtocolErrorBody = { v: PROTOCOL_VERSION, error, message }
  return reply(status, body, extra)
}

function normaliseBase(url: string): string {
  return url.replace(/\/+$/, '').toLowerCase()
}

export function createSmokeHandler(options: SmokeHandlerOptions = {}): SmokeHandler {
  const env = options.env ?? process.env
  const key = options.key ?? (env['MI_SMOKE_KEY'] || undefined)
  const rehearsal = rehearsalSettings(options.rehearsal, env)
  if (rehearsal) {
    pointSdkAtEmulator(rehearsal)
    const log = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`))
    log(rehearsalNotice(rehearsal))
  }
  const allowlist = createAllowlist({
    ...options.allowlist,
    extraRules: [...(options.allowlist?.extraRules ?? []), ...(rehearsal ? [rehearsal.rule] : [])]
  })
  const limiter = createRateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT, options.now)
  const maxTimeoutMs = Math.min(
    options.maxTimeoutMs ?? MAX_REQUEST_TIMEOUT_MS,
    MAX_REQUEST_TIMEOUT_MS
  )
  const deadlineMs = Math.min(options.deadlineMs ?? DEFAULT_DEADLINE_MS, MAX_DEADLINE_MS)
  // While rehearsing, only the emulator's IMDS (and loopback ones a test adds) may be asked.
  const imdsEndpoints = (
    rehearsal
      ? [...(options.imdsEndpoints ?? []).filter(isLoopbackTarget), rehearsal.imdsEndpoint]
      : [DEFAULT_IMDS_ENDPOINT, ...(options.imdsEndpoints ?? [])]
  ).map(normaliseBase)

  return async request => {
    if (request.method.toUpperCase() !== 'POST') {
      return refusal(405, 'method-not-allowed', 'use POST', { allow: 'POST' })
    }
    const auth = authenticate(request.headers, { key, appServiceAuth: options.appServiceAuth, env })
    if (!auth.ok) return refusal(401, auth.code, auth.message, { 'www-authenticate': 'Bearer' })

    const slot = limiter.take()
    if (!slot.ok) {
      return refusal(
        429,
        'rate-limited',
        `too many smoke tests; retry after ${slot.retryAfterSeconds} s`,
        {
          'retry-after': String(slot.retryAfterSeconds)
        }
      )
    }

    let probeRequest: ProbeRequest
    try {
      if (request.readBody !== undefined && request.body === undefined && !request.bodyTooLarge) {
        const read = await request.readBody()
        request = { ...request, body: read.text, bodyTooLarge: read.tooLarge }
      }
      probeRequest = readRequest(request)
    } catch (error) {
      if (error instanceof RequestRefused) return refusal(error.status, error.code, error.message)
      throw error
    }

    if (!imdsEndpoints.includes(normaliseBase(probeRequest.imdsEndpoint))) {
      const why = rehearsal
        ? `: while rehearsing (${REHEARSAL_ENV}) only the emulator's IMDS ${rehearsal.imdsEndpoint} is`
        : rehearsalHint(probeRequest.imdsEndpoint)
      return refusal(
        403,
        'refused',
        `imdsEndpoint ${probeRequest.imdsEndpoint} is not allowed by this endpoint${why}`
      )
    }
    for (const [index, check] of probeRequest.checks.entries()) {
      if (rehearsal && !isLoopbackTarget(check.url)) {
        return refusal(
          403,
          'refused',
          `checks[${index}] refused, nothing was called: while rehearsing (${REHEARSAL_ENV}) checks go only to loopback (the emulator's API http://${rehearsal.rule.host}); a token the emulator issued never leaves this machine`
        )
      }
      const decision = allowlist(check)
      if (!decision.allowed) {
        return refusal(
          403,
          'refused',
          `checks[${index}] refused, nothing was called: ${decision.reason}${rehearsal ? '' : rehearsalHint(check.url)}`
        )
      }
    }

    const observations = await runBounded(
      { ...probeRequest, timeoutMs: Math.min(probeRequest.timeoutMs, maxTimeoutMs) },
      {
        env,
        deadlineMs,
        sdkCheck: options.sdkCheck !== false,
        sdkCredentials: options.sdkCredentials
      }
    )
    if (observations === undefined) {
      return refusal(500, 'deadline', `the probe did not finish within ${deadlineMs} ms`)
    }
    const body = JSON.stringify(observations)
    // Last line of defence: a token must never leave the workload, whatever a probe got wrong.
    if (containsJwt(body)) {
      return refusal(
        500,
        'internal',
        'the observations held something shaped like a token; not sent'
      )
    }
    return { status: 200, headers: { ...BASE_HEADERS }, body }
  }
}

function readRequest(request: SmokeRequest): ProbeRequest {
  const contentType = (header(request.headers, 'content-type') ?? '').toLowerCase()
  if (!/^application\/json\s*(;|$)/.test(contentType)) {
    throw new RequestRefused(415, 'unsupported-media-type', 'send content-type: application/json')
  }
  if (typeof request.body === 'object') return readPreParsed(request.body)
  const body = request.body
  if (
    request.bodyTooLarge ||
    (typeof body === 'string' && Buffer.byteLength(body) > REQUEST_BODY_LIMIT)
  ) {
    throw new RequestRefused(413, 'too-large', `the body exceeds ${REQUEST_BODY_LIMIT} bytes`)
  }
  if (body === undefined || body === '')
    throw new RequestRefused(400, 'malformed', 'the body is empty')
  return parseRequestBody(body)
}

/** Said with every refusal of a body a framework parsed: where the fix is. */
const MOUNT_ORDER =
  'the body reached the smoke endpoint already parsed by a body parser (such as a global express.json()); mount the smoke endpoint before any body parser'

/**
 * A body a framework parsed already (Express `express.json()`): the caller is authenticated by
 * now; the object is written back to JSON text and read by the same rules and the same limit as a
 * body read here, so what a parser made of it (an object with odd prototypes, a cycle, a huge
 * text) gets no further than a raw body would.
 */
function readPreParsed(body: object | null): ProbeRequest {
  let text: string | undefined
  try {
    text = JSON.stringify(body)
  } catch {
    text = undefined
  }
  if (typeof text !== 'string')
    throw new RequestRefused(
      400,
      'malformed',
      `the body cannot be read back as JSON: ${MOUNT_ORDER}`
    )
  if (Buffer.byteLength(text) > REQUEST_BODY_LIMIT) {
    throw new RequestRefused(
      413,
      'too-large',
      `the body exceeds ${REQUEST_BODY_LIMIT} bytes; ${MOUNT_ORDER}`
    )
  }
  try {
    return parseRequestBody(text)
  } catch (error) {
    if (error instanceof RequestRefused)
      throw new RequestRefused(error.status, error.code, `${error.message}; ${MOUNT_ORDER}`)
    throw error
  }
}

interface RunOptions {
  env: NodeJS.ProcessEnv
  deadlineMs: number
  sdkCheck: boolean
  sdkCredentials?: NamedCredential[]
}

/**
 * Runs the raw probe then the SDK cross-check within one deadline. The probe is told to stop at the
 * deadline (its signal); if it still has not answered shortly after, the handler gives up on it.
 */
async function runBounded(
  request: ProbeRequest,
  options: RunOptions
): Promise<Observations | undefined> {
  const started = Date.now()
  const controller = new AbortController()
  const stop = setTimeout(() => controller.abort(), options.deadlineMs)
  let giveUp: NodeJS.Timeout | undefined
  try {
    const probe = runProbe(request, {
      env: options.env,
      signal: controller.signal,
      probe: 'handler'
    })
    const abandoned = new Promise<undefined>(done => {
      giveUp = setTimeout(() => done(undefined), options.deadlineMs + 2_000)
    })
    const observations = await Promise.race([probe, abandoned])
    if (observations === undefined) return undefined
    const firstResource = request.checks[0]?.resource
    const remaining = options.deadlineMs - (Date.now() - started)
    if (
      options.sdkCheck &&
      firstResource !== undefined &&
      identityEndpointAnswered(observations) &&
      remaining > 500 &&
      !controller.signal.aborted
    ) {
      observations.sdk = await sdkCrossCheck(firstResource, {
        timeoutMs: Math.min(request.timeoutMs, remaining),
        signal: controller.signal,
        credentials: options.sdkCredentials
      })
    }
    return observations
  } finally {
    clearTimeout(stop)
    clearTimeout(giveUp)
  }
}

/**
 * The SDK cross-check asks the same identity endpoint the probe just asked: when that gave no
 * answer at all (hung, refused, absent), asking again through two credentials would only add two
 * timeouts to the verdict and blame the app's settings for a platform fault.
 */
function identityEndpointAnswered(observations: Observations): boolean {
  const first = observations.instance ?? observations.tokens[0]
  return first?.status !== undefined
}
