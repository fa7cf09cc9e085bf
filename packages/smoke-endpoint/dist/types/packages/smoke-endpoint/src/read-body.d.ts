/**
 * Reads a request body from a node stream up to a limit. Past the limit it answers at once (the
 * handler replies 413) and stops keeping bytes, but keeps draining, so the answer can still be
 * written on the socket.
 */
import type { Readable } from 'node:stream';
export interface BodyRead {
    text: string;
    tooLarge: boolean;
}
export declare function readBody(stream: Readable, limit: number): Promise<BodyRead>;
