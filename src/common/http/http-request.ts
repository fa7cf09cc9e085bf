/**
 * One HTTP exchange with node:http / node:https (global `fetch` costs ~110 ms to load; start-up is a
 * measured goal). It never rejects: every way a request can go wrong becomes a `TransportError`.
 *
 * - One timer covers the whole exchange (proxy, connect, TLS, headers, body) and destroys the
 *   sockets when it fires, so a hung endpoint really ends within `timeoutMs`.
 * - Bodies are read up to `maxBodyBytes`; the rest is dropped (a probe never needs more).
 * - `bodyTimeoutMs` bounds the body once the headers are in: a peer that answers at once and then
 *   trickles its body ends the exchange then, not at `timeoutMs`.
 * - Proxies only when the caller passes `proxyEnv` (API calls); identity endpoints go direct.
 * - Credentials (`Authorization`) never cross a proxy in clear: over plain http they go only to
 *   a loopback host, and directly, whatever HTTP_PROXY says; over https a proxy only relays the
 *   TLS stream (CONNECT) and never sees them (docs/security.md, "Proxies").
 */
import * as http from 'node:http'
import * as net from 'node:net'
import type { IncomingHttpHeaders } from 'node:http'
import type { TransportError } from '../../contracts/observations'
import { mayCarryBearer } from '../url/loopback'
import { kindOfNodeCode } from '../network-errors'

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024

// node:https and node:tls (and node:crypto beneath them) are loaded on the first https exchange,
// not at start-up: IMDS and the other identity endpoints are plain http, and a pass whose checks are
// too (the emulator) never needs them at all.
function loadHttps(): typeof import('node:https') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('node:https') as typeof import('node:https')
}

function loadTls(): typeof import('node:tls') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('node:tls') as typeof import('node:tls')
}

export interface HttpRequestOptions {
  method: 'GET' | 'POST'
  url: string
  headers?: Record<string, string>
  body?: string
  timeoutMs: number
  /**
   * A shorter bound for connecting (proxy tunnel and TLS handshake included) and sending the
   * request; past it the exchange fails as `unreachable`. For calls whose answer may take long
   * but whose host must be reachable at once (the smoke endpoint: a cold start holds the answer,
   * not the connection).
   */
  connectTimeoutMs?: number
  /**
   * How long the body may take once the status and headers have arrived; past it the exchange
   * fails as `timeout` with `during: 'body'`. For answers sent whole when ready (the smoke
   * endpoint's): their body follows the headers at once.
   */
  bodyTimeoutMs?: number
  signal?: AbortSignal
  /** Environment whose HTTPS_PROXY/HTTP_PROXY/NO_PROXY apply; absent → always direct. */
  proxyEnv?: NodeJS.ProcessEnv
  maxBodyBytes?: number
  /** Extra trust for https (tests with a self-made certificate). */
  ca?: string | Buffer
  /**
   * Service Fabric: the identity endpoint's certificate is self-signed; it is trusted when its
   * SHA-1 thumbprint is this one (hex, colons and case ignored), and only then.
   */
  serverThumbprint?: string
  /**
   * A connection pool for direct exchanges (keep-alive: many requests to one host, e.g. ARM);
   * without it every exchange has its own connection. Not used through a proxy.
   */
  agent?: http.Agent
}

export interface HttpResponse {
  status: number
  headers: IncomingHttpHeaders
  body: string
  /** The body was longer than `maxBodyBytes`. */
  truncated: boolean
}

export interface HttpFailure {
  error: TransportError
  errorText: string
  /** Nothing went on the wire (bad URL, already aborted): not an attempt. */
  unsent?: boolean
  /** The status and headers had arrived; the body did not end (in time, or at all). */
  during?: 'body'
}

export type HttpOutcome = HttpResponse | HttpFailure

export function isFailure(outcome: HttpOutcome): outcome is HttpFailure {
  return 'error' in outcome
}

/** Node's error codes → the observation schema's kinds (the one table: src/network-errors.ts). */
export function classifyError(error: unknown): TransportError {
  const code = (error as { code?: unknown } | undefined)?.code
  const text = String((error as { message?: unknown } | undefined)?.message ?? '')
  if (typeof code === 'string') {
    const kind = kindOfNodeCode(code)
    if (kind !== undefined) return kind
  }
  if (/socket hang up/i.test(text)) return 'reset'
  return 'other'
}

/** A proxy's own answer to the request or the CONNECT: 407 wants credentials, 403 has no allow rule. */
function proxyAnswerKind(status: number | undefined): TransportError {
  if (status === 407) return 'proxy-auth'
  if (status === 403 || status === 451) return 'proxy-denied'
  return 'proxy'
}

function errorWords(error: unknown): string {
  const message = (error as { message?: unknown } | undefined)?.message
  return typeof message === 'string' && message !== '' ? message : String(error)
}

/** `[::1]` → `::1`: node wants bare IPv6 literals as host. */
function bareHost(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname
}

function defaultPort(url: URL): number {
  if (url.port !== '') return Number(url.port)
  return url.protocol === 'https:' ? 443 : 80
}

/** Does NO_PROXY exempt this host? Entries: `*`, hosts, `.suffix`/`suffix` domains, IPs, `:port`. */
export function bypassesProxy(url: URL, noProxy: string | undefined): boolean {
  if (noProxy === undefined || noProxy.trim() === '') return false
  const host = bareHost(url.hostname).toLowerCase()
  const port = defaultPort(url)
  for (const raw of noProxy.split(/[,\s]+/)) {
    let entry = raw.trim().toLowerCase()
    if (entry === '') continue
    if (entry === '*') return true
    let entryPort: number | undefined
    const portMatch = /^(.*[^:]):(\d+)$/.exec(entry)
    if (portMatch && !/^[0-9a-f:]+$/.test(entry.replace(/^\[|\]$/g, ''))) {
      entry = portMatch[1] ?? entry
      entryPort = Number(portMatch[2])
    }
    entry = entry.replace(/^\[|\]$/g, '').replace(/^\*?\./, '.')
    if (entryPort !== undefined && entryPort !== port) continue
    if (entry.startsWith('.')) {
      if (host.endsWith(entry) || host === entry.slice(1)) return true
    } else if (host === entry || host.endsWith(`.${entry}`)) {
      return true
    }
  }
  return false
}

/** Whether a request's headers carry credentials (a bearer token, a Basic secret...). */
export function carriesCredentials(headers: Record<string, string> | undefined): boolean {
  return Object.keys(headers ?? {}).some(name => name.toLowerCase() === 'authorization')
}

/**
 * The proxy a call to `url` must go through under `env`'s rules, if any. The one place a proxy is
 * chosen: a plain-http call that carries credentials (only ever to loopback) never goes through
 * one, since an http proxy reads the whole request, bearer included.
 */
export function proxyFor(
  url: URL,
  env: NodeJS.ProcessEnv | undefined,
  withCredentials = false
): URL | undefined {
  if (env === undefined) return undefined
  if (withCredentials && url.protocol === 'http:') return undefined
  const raw =
    url.protocol === 'https:'
      ? (env.https_proxy ?? env.HTTPS_PROXY)
      : (env.http_proxy ?? env.HTTP_PROXY)
  if (raw === undefined || raw.trim() === '') return undefined
  if (bypassesProxy(url, env.no_proxy ?? env.NO_PROXY)) return undefined
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`)
  } catch {
    return undefined
  }
}

function proxyAuthorization(proxy: URL): Record<string, string> {
  if (proxy.username === '') return {}
  const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`
  return { 'proxy-authorization': `Basic ${Buffer.from(credentials).toString('base64')}` }
}

function normaliseThumbprint(value: string): string {
  return value.replace(/[^0-9a-f]/gi, '').toUpperCase()
}

/** Sends one request; resolves with the response or the classified reason there is none. */
export function httpRequest(options: HttpRequestOptions): Promise<HttpOutcome> {
  return new Promise<HttpOutcome>(resolve => {
    let settled = false
    let bodyTimer: NodeJS.Timeout | undefined
    // Everything that holds a socket open, destroyed together when the exchange ends early.
    const live: Array<{ destroy(error?: Error): unknown }> = []
    const finish = (outcome: HttpOutcome): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      clearTimeout(connectTimer)
      clearTimeout(bodyTimer)
      options.signal?.removeEventListener('abort', onAbort)
      for (const item of live) item.destroy()
      resolve(outcome)
    }
    // Once the headers are in, a failure is the body's (`during`), whatever ends the exchange.
    let headersIn = false
    const fail = (error: TransportError, errorText: string): void =>
      finish(headersIn ? { error, errorText, during: 'body' } : { error, errorText })
    const onAbort = (): void => fail('other', 'aborted')
    const timer = setTimeout(
      () => fail('timeout', `no complete answer within ${options.timeoutMs} ms`),
      options.timeoutMs
    )
    const connectTimer =
      options.connectTimeoutMs !== undefined && options.connectTimeoutMs < options.timeoutMs
        ? setTimeout(
            () =>
              fail(
                'unreachable',
                `no connection within ${options.connectTimeoutMs} ms (the request was not sent)`
              ),
            options.connectTimeoutMs
          )
        : undefined

    const refuse = (errorText: string): void => finish({ error: 'other', errorText, unsent: true })
    let url: URL
    try {
      url = new URL(options.url)
    } catch {
      refuse('not a valid URL')
      return
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      refuse(`unsupported scheme ${url.protocol}`)
      return
    }
    if (options.signal?.aborted) {
      refuse('aborted')
      return
    }
    const withCredentials = carriesCredentials(options.headers)
    if (withCredentials && !mayCarryBearer(url)) {
      refuse('credentials are only sent over https, or over http to a loopback host')
      return
    }
    options.signal?.addEventListener('abort', onAbort, { once: true })

    const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
    const host = bareHost(url.hostname)
    const port = defaultPort(url)
    const headers: Record<string, string> = { ...(options.headers ?? {}) }
    if (options.body !== undefined)
      headers['content-length'] = String(Buffer.byteLength(options.body))
    const proxy = proxyFor(url, options.proxyEnv, withCredentials)
    const proxyLabel = proxy ? `proxy ${proxy.host}` : ''

    const readResponse = (response: http.IncomingMessage): void => {
      live.push(response)
      headersIn = true
      if (options.bodyTimeoutMs !== undefined) {
        const bodyTimeoutMs = options.bodyTimeoutMs
        bodyTimer = setTimeout(
          () =>
            fail(
              'timeout',
              `status ${response.statusCode} came, but the body did not end within ${bodyTimeoutMs} ms of it`
            ),
          bodyTimeoutMs
        )
      }
      const chunks: Buffer[] = []
      let size = 0
      let truncated = false
      const done = (): void =>
        finish({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          truncated
        })
      response.on('data', (chunk: Buffer) => {
        if (truncated) return
        const room = maxBody - size
        if (chunk.length > room) {
          chunks.push(chunk.subarray(0, room))
          truncated = true
          // Enough read: stop here rather than wait for (or be held by) the rest.
          done()
          return
        }
        chunks.push(chunk)
        size += chunk.length
      })
      response.on('end', done)
      response.on('error', error => fail(classifyError(error), errorWords(error)))
      response.on('aborted', () => fail('reset', 'connection closed before the body ended'))
    }

    /** `viaProxy`: errors before any response are the proxy's (it was the one we connected to). */
    const send = (request: http.ClientRequest, viaProxy = false): void => {
      live.push(request)
      request.on('error', error => {
        if (viaProxy) fail('proxy', `${proxyLabel}: ${errorWords(error)} (${classifyError(error)})`)
        else fail(classifyError(error), errorWords(error))
      })
      // Flushed to the socket: connected (and through TLS) and sent; only the answer is awaited.
      request.on('finish', () => clearTimeout(connectTimer))
      request.on('response', response => {
        // Absolute-form through a proxy: 407 can only be the proxy's own answer.
        if (viaProxy && response.statusCode === 407) {
          fail('proxy-auth', `${proxyLabel} answered 407 Proxy Authentication Required`)
          return
        }
        readResponse(response)
      })
      request.end(options.body)
    }

    // Over an already open TLS socket (tunnel or pinned certificate), http.request writes plain HTTP.
    const sendOverSocket = (socket: net.Socket, path: string): void =>
      send(
        http.request({
          host,
          port,
          method: options.method,
          path,
          headers: { host: url.host, ...headers },
          createConnection: () => socket
        })
      )

    const openTls = (underlying: net.Socket | undefined): void => {
      const pinned = options.serverThumbprint
      const socket = loadTls().connect({
        host,
        port,
        socket: underlying,
        servername: net.isIP(host) ? undefined : host,
        ca: options.ca,
        rejectUnauthorized: pinned === undefined
      })
      live.push(socket)
      socket.once('error', error => fail(classifyError(error), errorWords(error)))
      socket.once('secureConnect', () => {
        if (pinned !== undefined) {
          const fingerprint = socket.getPeerCertificate()?.fingerprint ?? ''
          if (normaliseThumbprint(fingerprint) !== normaliseThumbprint(pinned)) {
            fail('tls', 'server certificate thumbprint differs from IDENTITY_SERVER_THUMBPRINT')
            return
          }
        }
        sendOverSocket(socket, `${url.pathname}${url.search}`)
      })
    }

    if (proxy === undefined) {
      if (url.protocol === 'https:' && options.serverThumbprint !== undefined) {
        openTls(undefined)
        return
      }
      const module = url.protocol === 'https:' ? loadHttps() : http
      send(
        module.request({
          host,
          port,
          method: options.method,
          path: `${url.pathname}${url.search}`,
          headers,
          ca: options.ca,
          agent: options.agent ?? false
        })
      )
      return
    }

    const proxyModule = proxy.protocol === 'https:' ? loadHttps() : http
    const proxyHost = bareHost(proxy.hostname)
    const proxyPort = defaultPort(proxy)
    if (url.protocol === 'http:') {
      // Plain http through a proxy: absolute-form request line.
      send(
        proxyModule.request({
          host: proxyHost,
          port: proxyPort,
          method: options.method,
          path: url.href,
          headers: { host: url.host, ...headers, ...proxyAuthorization(proxy) },
          agent: false
        }),
        true
      )
      return
    }

    // https through a proxy: CONNECT tunnel, then TLS to the server inside it.
    const connect = proxyModule.request({
      host: proxyHost,
      port: proxyPort,
      method: 'CONNECT',
      path: `${url.hostname}:${port}`,
      headers: { host: `${url.hostname}:${port}`, ...proxyAuthorization(proxy) },
      agent: false
    })
    live.push(connect)
    connect.on('error', error =>
      fail('proxy', `${proxyLabel}: ${errorWords(error)} (${classifyError(error)})`)
    )
    connect.on('connect', (response, socket) => {
      live.push(socket)
      if (response.statusCode !== 200) {
        fail(
          proxyAnswerKind(response.statusCode),
          `${proxyLabel} answered ${response.statusCode} ${response.statusMessage ?? ''} to CONNECT ${url.host}`
        )
        return
      }
      openTls(socket)
    })
    connect.end()
  })
}
