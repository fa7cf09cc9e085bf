/**
 * The smoke endpoint as a `node:http` request listener:
 *
 *   http.createServer(createNodeHandler()).listen(8080)
 *
 * or, inside an existing server, `if (req.url === '/mi-smoke') return smoke(req, res)`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createSmokeHandler } from './handler-core'
import { header } from './authenticate'
import { redactSecrets } from '../../../src/common/redact'
import { PROTOCOL_VERSION, REQUEST_BODY_LIMIT } from '../../../src/contracts/smoke-protocol'
import { readBody } from './read-body'
import { log } from '../../../src/common/log-writer'
import type { SmokeHandlerOptions, SmokeResponse, SmokeHandler } from './public'

export function createNodeHandler(
  options: SmokeHandlerOptions = {}
): (req: IncomingMessage, res: ServerResponse) => void {
  return serveWith(createSmokeHandler(options))
}

function isEmptyPlainObject(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.getPrototypeOf(value) === Object.prototype &&
    Object.keys(value).length === 0
  )
}

/** Binds a framework-free handler to node's request and response objects. */
export function serveWith(
  handle: SmokeHandler
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void respond(handle, req, res)
  }
}

async function respond(
  handle: SmokeHandler,
  req: IncomingMessage,
  res: ServerResponse
): Promise<void> {
  let answer: SmokeResponse
  try {
    // A declared length over the limit is refused without reading the body.
    const declared = Number(header(req.headers, 'content-length') ?? NaN)
    const preParsed = (req as IncomingMessage & { body?: unknown }).body
    // A body parser for another media type (express.urlencoded() in body-parser 1) leaves `{}`
    // and the stream unread: the body is still the handler's to read, after authentication.
    const unreadPlaceholder =
      isEmptyPlainObject(preParsed) && !req.readableEnded && req.readableLength === 0
    if (
      preParsed !== undefined &&
      preParsed !== null &&
      !unreadPlaceholder &&
      (typeof preParsed === 'object' || typeof preParsed === 'string')
    ) {
      // A framework (Express body parsers) read the stream already: the handler authenticates
      // first, then reads the parsed value by the rules of a raw body (handler-core.ts).
      const body = Buffer.isBuffer(preParsed)
        ? preParsed.toString('utf8')
        : (preParsed as string | object)
      answer = await handle({ method: req.method ?? 'GET', headers: req.headers, body })
    } else if (declared > REQUEST_BODY_LIMIT) {
      answer = await handle({
        method: req.method ?? 'GET',
        headers: req.headers,
        body: undefined,
        bodyTooLarge: true
      })
      req.resume()
    } else {
      // Read only once the handler has authenticated the caller, and only up to the limit.
      answer = await handle({
        method: req.method ?? 'GET',
        headers: req.headers,
        body: undefined,
        readBody: () => readBody(req, REQUEST_BODY_LIMIT)
      })
    }
  } catch (error) {
    // The app's log gets the cause; the caller never does (it could hold anything the probe touched).
    log.err(`mi-smoke: the smoke endpoint failed: ${redactSecrets(String(error))}`)
    answer = {
      status: 500,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
      body: JSON.stringify({
        v: PROTOCOL_VERSION,
        error: 'internal',
        message: 'the smoke endpoint failed; see the app log'
      })
    }
  }
  if (res.headersSent) return
  // A body nobody read (refused before it: method, authentication, rate limit) is discarded.
  if (!req.readableEnded) req.resume()
  res.writeHead(answer.status, {
    ...answer.headers,
    'content-length': String(Buffer.byteLength(answer.body))
  })
  res.end(answer.body)
}
