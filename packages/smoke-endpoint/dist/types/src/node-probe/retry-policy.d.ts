/**
 * Microsoft's IMDS retry guidance (docs/azure-wire-facts.md), applied to every identity endpoint:
 * - 404, 408, 429 and 5xx: three retries, 1 s, 2 s, 4 s apart;
 * - 410 (IMDS updating): every 10 s for up to 70 s, i.e. seven retries (as MSAL counts them, so
 *   that the few milliseconds each request takes do not cost the last retry);
 * - `Retry-After` (seconds or HTTP date) replaces the planned wait;
 * - any other status is final; so is a transport error: a request that timed out is never
 *   retried, so a hung endpoint gets its verdict within one `timeout`, and a refused connection
 *   is the platform's answer, not a blip.
 * Every loop stops at its deadline (a wait that would cross it is not started) and on abort.
 */
import type { HttpOutcome } from '../common/http/http-request';
export declare const BACKOFF_MS: readonly [1000, 2000, 4000];
export declare const GONE_INTERVAL_MS = 10000;
export declare const GONE_WINDOW_MS = 70000;
export declare const GONE_RETRIES: number;
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;
/** Real waiting, cut short by the signal. */
export declare const realSleep: Sleep;
export interface RetryOptions {
    /** Absolute time (per `now`) after which no new attempt starts. */
    deadline: number;
    signal?: AbortSignal;
    /** Injectable for unit tests; real timings by default. */
    sleep?: Sleep;
    now?: () => number;
}
export interface RetriedOutcome {
    /** The last attempt's outcome. */
    outcome: HttpOutcome;
    /** Requests sent. */
    attempts: number;
    /** Wall time of the whole loop, waits included. */
    ms: number;
    /** `Retry-After` of the last response, as sent. */
    retryAfter?: string;
}
/** `Retry-After` in ms from now: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export declare function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined;
/**
 * How long to wait before the next attempt, or undefined when the outcome is final.
 * `retriesDone` counts the backoff retries already made, `goneRetriesDone` the 410 ones: each
 * schedule has its own budget.
 */
export declare function plannedWait(outcome: HttpOutcome, retriesDone: number, goneRetriesDone: number, nowMs: number): number | undefined;
/** Runs `send` until its outcome is final, the retries are spent, the deadline nears, or abort. */
export declare function withRetries(send: () => Promise<HttpOutcome>, options: RetryOptions): Promise<RetriedOutcome>;
