/**
 * A token bucket per handler instance: a smoke test every few seconds is plenty, and a caller that
 * holds the key must not be able to turn the workload into a token-request flood (IMDS allows
 * 20 identity requests per second per VM, shared with the app itself).
 */
export interface RateLimitOptions {
    /** Requests allowed in a burst. */
    burst: number;
    /** Requests the bucket regains per minute. */
    perMinute: number;
}
export declare const DEFAULT_RATE_LIMIT: RateLimitOptions;
export interface RateLimiter {
    /** Takes one request's token; when none is left, says after how many seconds one will be. */
    take(): {
        ok: true;
    } | {
        ok: false;
        retryAfterSeconds: number;
    };
}
export declare function createRateLimiter(options?: RateLimitOptions, now?: () => number): RateLimiter;
