/**
 * The smoke endpoint protocol (docs/smoke-endpoint-protocol.md): the numbers and names both sides
 * agree on. The runner (`src/engine/dispatch/http.ts`) and the handler (`packages/smoke-endpoint/src/`) import them from
 * here so a change to the protocol is one edit.
 */
import { OBSERVATIONS_VERSION } from './observations'
import { MAX_CHECKS } from './probe-request'

/** Version of the request and the response; a peer that speaks another one is refused. */
export const PROTOCOL_VERSION = OBSERVATIONS_VERSION

/** The shared-key header (input `endpoint-key`). Lower case: node lower-cases header names. */
export const KEY_HEADER = 'x-mi-smoke-key'

/** Largest request body the handler reads; more is 413 before any parsing. */
export const REQUEST_BODY_LIMIT = 64 * 1024

/** Largest response body the runner reads; more is `dispatch-failed`. */
export const RESPONSE_BODY_LIMIT = 1024 * 1024

/**
 * Checks one request may carry: twice what a runner asks (MAX_CHECKS of probe-request.ts), so that
 * a handler deployed with an older package still serves a newer runner that allows a few more,
 * while a request with far more is refused before any work.
 */
export const MAX_REQUEST_CHECKS = 2 * MAX_CHECKS

/** The handler caps `timeoutMs` (per request on the workload) at this. */
export const MAX_REQUEST_TIMEOUT_MS = 30_000

/** The handler's overall deadline for one probe run, by default and at most. */
export const DEFAULT_DEADLINE_MS = 90_000
export const MAX_DEADLINE_MS = 90_000

/**
 * How long the runner waits for the whole answer: the handler's longest deadline plus the SDK
 * cross-check's share and network slack. A handler that keeps the protocol always answers sooner.
 */
export const RUNNER_WAIT_MS = MAX_DEADLINE_MS + 20_000

/** The IMDS base a request may name when the handler is not told of others (an emulator). */
export const DEFAULT_IMDS_ENDPOINT = 'http://169.254.169.254'

/** Machine-readable codes of the error body `{ v, error, message }`. */
export type ProtocolErrorCode =
  | 'method-not-allowed'
  | 'unsupported-media-type'
  | 'unauthorized'
  | 'not-configured'
  | 'rate-limited'
  | 'too-large'
  | 'malformed'
  | 'unsupported-version'
  | 'refused'
  | 'deadline'
  | 'internal'

/** The body of every non-200 answer of the handler. */
export interface ProtocolErrorBody {
  v: typeof PROTOCOL_VERSION
  error: ProtocolErrorCode
  message: string
}

/**
 * Whether a text holds a whole JWT, what must never cross the wire (claims alone, one segment, are
 * allowed): from the one redactor.
 */
export { containsJwt } from '../common/redact'
