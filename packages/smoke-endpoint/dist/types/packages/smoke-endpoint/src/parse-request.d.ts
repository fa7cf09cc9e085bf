/**
 * Reads a smoke endpoint request body into a ProbeRequest, or says exactly what is wrong with it.
 * The body is data: only the fields of the protocol are kept, each checked for type and size, so
 * nothing a caller adds reaches the probe.
 */
import type { ProbeRequest } from '../../../src/contracts/probe-request';
import { type ProtocolErrorCode } from '../../../src/contracts/smoke-protocol';
/** Why a request was refused before anything ran: an HTTP status and a code of the protocol. */
export declare class RequestRefused extends Error {
    readonly status: number;
    readonly code: ProtocolErrorCode;
    constructor(status: number, code: ProtocolErrorCode, message: string);
}
/** Parses the raw body text (already size-limited by the adapter). */
export declare function parseRequestBody(text: string): ProbeRequest;
/** Validates a parsed body (Express may have parsed it already). */
export declare function parseProbeRequest(value: unknown): ProbeRequest;
