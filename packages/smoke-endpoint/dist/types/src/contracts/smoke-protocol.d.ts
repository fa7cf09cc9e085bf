/** Version of the request and the response; a peer that speaks another one is refused. */
export declare const PROTOCOL_VERSION = 1;
/** The shared-key header (input `endpoint-key`). Lower case: node lower-cases header names. */
export declare const KEY_HEADER = "x-mi-smoke-key";
/** Largest request body the handler reads; more is 413 before any parsing. */
export declare const REQUEST_BODY_LIMIT: number;
/** Largest response body the runner reads; more is `dispatch-failed`. */
export declare const RESPONSE_BODY_LIMIT: number;
/** Checks one request may carry. */
export declare const MAX_CHECKS = 20;
/** The handler caps `timeoutMs` (per request on the workload) at this. */
export declare const MAX_REQUEST_TIMEOUT_MS = 30000;
/** The handler's overall deadline for one probe run, by default and at most. */
export declare const DEFAULT_DEADLINE_MS = 90000;
export declare const MAX_DEADLINE_MS = 90000;
/**
 * How long the runner waits for the whole answer: the handler's longest deadline plus the SDK
 * cross-check's share and network slack. A handler that keeps the protocol always answers sooner.
 */
export declare const RUNNER_WAIT_MS: number;
/** The IMDS base a request may name when the handler is not told of others (an emulator). */
export declare const DEFAULT_IMDS_ENDPOINT = "http://169.254.169.254";
/** Machine-readable codes of the error body `{ v, error, message }`. */
export type ProtocolErrorCode = 'method-not-allowed' | 'unsupported-media-type' | 'unauthorized' | 'not-configured' | 'rate-limited' | 'too-large' | 'malformed' | 'unsupported-version' | 'refused' | 'deadline' | 'internal';
/** The body of every non-200 answer of the handler. */
export interface ProtocolErrorBody {
    v: typeof PROTOCOL_VERSION;
    error: ProtocolErrorCode;
    message: string;
}
/**
 * Whether a text holds a whole JWT, what must never cross the wire (claims alone, one segment, are
 * allowed), and the redactor for text about to be shown or sent: both from the one redactor.
 */
export { containsJwt, redactSecrets as redactTokens } from '../common/redact';
/** Cuts a text for a message or evidence line. */
export declare function cut(text: string, limit: number): string;
