/**
 * The smoke endpoint for Azure Functions (Node.js v4 programming model):
 *
 *   const { app } = require('@azure/functions')
 *   app.http('mi-smoke', { methods: ['POST'], authLevel: 'anonymous', handler: createAzureFunctionsHandler() })
 *
 * `authLevel: 'anonymous'` because the handler authenticates itself (key or App Service
 * authentication); a function key in front of it works too. Typed structurally: no dependency on
 * `@azure/functions`.
 */
import type { HeaderBag } from './authenticate'
import { createSmokeHandler, type SmokeHandlerOptions } from './handler-core'
import {
  PROTOCOL_VERSION,
  redactTokens,
  REQUEST_BODY_LIMIT
} from '../../../src/contracts/smoke-protocol'
import { inertText, log } from '../../../src/common/log-writer'

/**
 * What the handler needs of `HttpRequest`: its method, its (fetch `Headers`) headers, and its body
 * as a stream (read up to the limit) or, failing that, its text.
 */
export interface FunctionsHttpRequestLike {
  method: string
  headers: Iterable<[string, string]>
  body?: ReadableStream<Uint8Array> | null
  text(): Promise<string>
}

/** The body of `request`, read only up to REQUEST_BODY_LIMIT bytes when it is a stream. */
async function readCapped(
  request: FunctionsHttpRequestLike
): Promise<{ text: string; tooLarge: boolean }> {
  const stream = request.body
  if (stream === undefined || stream === null || typeof stream.getReader !== 'function') {
    const text = await request.text()
    return Buffer.byteLength(text) > REQUEST_BODY_LIMIT
      ? { text: '', tooLarge: true }
      : { text, tooLarge: false }
  }
  const reader = stream.getReader()
  const chunks: Buffer[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > REQUEST_BODY_LIMIT) {
      await reader.cancel().catch(() => undefined)
      return { text: '', tooLarge: true }
    }
    chunks.push(Buffer.from(value))
  }
  return { text: Buffer.concat(chunks).toString('utf8'), tooLarge: false }
}

/** The `HttpResponseInit` fields the handler sets. */
export interface FunctionsHttpResponseInit {
  status: number
  headers: Record<string, string>
  body: string
}

/** What the handler uses of `InvocationContext`: its log, when there is one. */
export interface FunctionsContextLike {
  error?: (...args: unknown[]) => void
}

export function createAzureFunctionsHandler(
  options: SmokeHandlerOptions = {}
): (
  request: FunctionsHttpRequestLike,
  context?: FunctionsContextLike
) => Promise<FunctionsHttpResponseInit> {
  const handle = createSmokeHandler(options)
  return async (request, context) => {
    try {
      const headers: HeaderBag = {}
      for (const [name, value] of request.headers) headers[name.toLowerCase()] = value
      const declared = Number(headers['content-length'] ?? NaN)
      if (declared > REQUEST_BODY_LIMIT) {
        return await handle({
          method: request.method,
          headers,
          body: undefined,
          bodyTooLarge: true
        })
      }
      // Read only once the handler has authenticated the caller, and only up to the limit.
      return await handle({
        method: request.method,
        headers,
        body: undefined,
        readBody: () => readCapped(request)
      })
    } catch (error) {
      // The same inert text the other adapters log (a host may relay its log to a CI runner).
      const message = inertText(
        `mi-smoke: the smoke endpoint failed: ${redactTokens(String(error))}`
      )
      if (context?.error) context.error(message)
      else log.err(message)
      return {
        status: 500,
        headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
        body: JSON.stringify({
          v: PROTOCOL_VERSION,
          error: 'internal',
          message: 'the smoke endpoint failed; see the app log'
        })
      }
    }
  }
}
