/**
 * The smoke endpoint as Express middleware:
 *
 *   app.post('/mi-smoke', createExpressMiddleware())
 *
 * Typed structurally (Express's request and response are node's, extended), so this package does
 * not depend on Express. Mount it before any body parser (README, "Limits"): then the stream is
 * read here, after authentication, with the protocol's size limit. Behind `express.json()` the
 * caller is still authenticated first, and the parsed body is read back by the same rules and
 * limit as a raw one (handler-core.ts), or refused naming the mount order.
 */
import type { ServerResponse } from 'node:http'
import { createSmokeHandler } from './handler-core'
import { serveWith } from './node-http'
import type { SmokeHandlerOptions, ExpressLikeRequest, ExpressLikeNext } from './public'

export function createExpressMiddleware(
  options: SmokeHandlerOptions = {}
): (req: ExpressLikeRequest, res: ServerResponse, next: ExpressLikeNext) => void {
  const serve = serveWith(createSmokeHandler(options))
  return (req, res, next) => {
    try {
      serve(req, res)
    } catch (error) {
      next(error)
    }
  }
}
