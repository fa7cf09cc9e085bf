/**
 * A token bucket per handler instance: a smoke test every few seconds is plenty, and a caller that
 * holds the key must not be able to turn the workload into a token-request flood (IMDS allows
 * 20 identity requests per second per VM, shared with the app itself).
 */
import type { RateLimitOptions } from './public'

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { burst: 6, perMinute: 6 }

export interface RateLimiter {
  /** Takes one request's token; when none is left, says after how many seconds one will be. */
  take(): { ok: true } | { ok: false; retryAfterSeconds: number }
}

export function createRateLimiter(
  options: RateLimitOptions = DEFAULT_RATE_LIMIT,
  now: () => number = Date.now
): RateLimiter {
  if (!(options.burst >= 1) || !(options.perMinute > 0)) {
    throw new Error('rate limit: burst must be at least 1 and perMinute above 0')
  }
  const msPerToken = 60_000 / options.perMinute
  let tokens = options.burst
  let last = now()
  return {
    take() {
      const t = now()
      tokens = Math.min(options.burst, tokens + (t - last) / msPerToken)
      last = t
      if (tokens >= 1) {
        tokens -= 1
        return { ok: true }
      }
      return {
        ok: false,
        retryAfterSeconds: Math.max(1, Math.ceil(((1 - tokens) * msPerToken) / 1000))
      }
    }
  }
}
