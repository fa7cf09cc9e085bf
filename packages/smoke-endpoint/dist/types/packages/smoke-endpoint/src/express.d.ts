/**
 * The smoke endpoint as Express middleware:
 *
 *   app.post('/mi-smoke', createExpressMiddleware())
 *
 * Typed structurally (Express's request and response are node's, extended), so this package does
 * not depend on Express. Works with or without `express.json()` in front: a body the parser already
 * read is taken as is, otherwise the stream is read here with the protocol's size limit.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type SmokeHandlerOptions } from './handler-core';
/** What the middleware needs of Express's `req`: node's request, maybe with a parsed `body`. */
export type ExpressLikeRequest = IncomingMessage & {
    body?: unknown;
};
export type ExpressLikeNext = (error?: unknown) => void;
export declare function createExpressMiddleware(options?: SmokeHandlerOptions): (req: ExpressLikeRequest, res: ServerResponse, next: ExpressLikeNext) => void;
