/**
 * The smoke endpoint as a `node:http` request listener:
 *
 *   http.createServer(createNodeHandler()).listen(8080)
 *
 * or, inside an existing server, `if (req.url === '/mi-smoke') return smoke(req, res)`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type SmokeHandler, type SmokeHandlerOptions } from './handler-core';
export declare function createNodeHandler(options?: SmokeHandlerOptions): (req: IncomingMessage, res: ServerResponse) => void;
/** Binds a framework-free handler to node's request and response objects. */
export declare function serveWith(handle: SmokeHandler): (req: IncomingMessage, res: ServerResponse) => void;
