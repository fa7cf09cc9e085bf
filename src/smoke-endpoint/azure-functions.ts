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
import { PROTOCOL_VERSION, redactTokens, REQUEST_BODY_LIMIT } from './protocol'

/** What the handler needs of `HttpRequest`: its method, its (fetch `Headers`) headers and its text. */
export interface FunctionsHttpRequestLike {
  method: string
  headers: Iterable<[string, string]>
  text(): Promise<string>
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
      const text = await request.text()
      return await handle({
        method: request.method,
        headers,
        body: text,
        bodyTooLarge: Buffer.byteLength(text) > REQUEST_BODY_LIMIT
      })
    } catch (error) {
      const log = context?.error ?? console.error
      log(`mi-smoke: the smoke endpoint failed: ${redactTokens(String(error))}`)
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
