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
import { createSmokeHandler } from './handler-core'
import { redactSecrets } from '../../../src/common/redact'
import { PROTOCOL_VERSION, REQUEST_BODY_LIMIT } from '../../../src/contracts/smoke-protocol'
import { inertText, log } from '../../../src/common/log-writer'
import type {
  SmokeHandlerOptions,
  HeaderBag,
  FunctionsHttpRequestLike,
  FunctionsHttpResponseInit,
  FunctionsContextLike
} from './public'

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
        `mi-smoke: the smoke endpoint failed: ${redactSecrets(String(error))}`
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
