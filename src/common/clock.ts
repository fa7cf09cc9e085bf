/**
 * Time, the one clock: `now` and an abortable `sleep`, injectable so that every retry loop
 * (src/common/retry.ts) is tested without waiting.
 */

/** Waits `ms`; resolves early (never rejects) when `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>

/** Real waiting, cut short by the signal. */
export const sleep: Sleep = (ms, signal) =>
  new Promise<void>(resolve => {
    if (signal?.aborted) return resolve()
    const done = (): void => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, Math.max(0, ms))
    signal?.addEventListener('abort', done, { once: true })
  })

export interface Clock {
  now(): number
  sleep: Sleep
}

export const systemClock: Clock = { now: () => Date.now(), sleep }
