/**
 * The `ready-wait` loop: while an `https://` target's smoke endpoint is not serving yet (connection
 * refused or reset, or its front end answering 502/503/504: an app still starting after a deploy),
 * wait with the rbac-wait cadence (1 s, 2 s, 4 s, then 5 s; policy readyWait; never past the deadline) and dispatch
 * again. The wait counts from the first "not ready"; any other answer, good or bad, ends it.
 * What it waited is reported like rbac-wait's: "ready after 37 s of ready-wait (6 attempts)" on
 * the first step, or "still not ready after 2 min of ready-wait (30 attempts)" on the dispatch step.
 */
import { formatDuration } from '../../common/format'
import type { Clock } from '../../common/clock'
import { backoffMs, RETRY_POLICIES } from '../../common/retry'
import { setting } from '../inputs/setting-names'

export interface ReadyWaitOptions {
  readyWaitMs: number
  clock: Clock
  isNotReady(error: unknown): boolean
  /** Called before each new attempt (for the log). */
  onRetry?(attempt: number, waitedMs: number): void
}

export type ReadyOutcome<T> =
  { ok: true; value: T; wait?: ReadyWait } | { ok: false; error: unknown; wait?: ReadyWait }

/** Present only when the loop waited: the endpoint was not ready at the first attempt. */
export interface ReadyWait {
  waitedMs: number
  attempts: number
  /** The endpoint answered in the end. */
  ready: boolean
}

export async function dispatchWhenReady<T>(
  attempt: () => Promise<T>,
  options: ReadyWaitOptions
): Promise<ReadyOutcome<T>> {
  const { clock } = options
  const once = async (): Promise<ReadyOutcome<T>> => {
    try {
      return { ok: true, value: await attempt() }
    } catch (error) {
      return { ok: false, error }
    }
  }
  let outcome = await once()
  const notReady = (o: ReadyOutcome<T>): boolean => !o.ok && options.isNotReady(o.error)
  if (options.readyWaitMs <= 0 || !notReady(outcome)) return outcome

  const firstAt = clock.now()
  const deadline = firstAt + options.readyWaitMs
  let attempts = 1
  for (let retry = 0; notReady(outcome); retry++) {
    const remaining = deadline - clock.now()
    if (remaining <= 0) break
    await clock.sleep(Math.min(backoffMs(RETRY_POLICIES.readyWait, retry) as number, remaining))
    attempts++
    options.onRetry?.(attempts, clock.now() - firstAt)
    outcome = await once()
  }
  return {
    ...outcome,
    wait: { waitedMs: Math.round(clock.now() - firstAt), attempts, ready: !notReady(outcome) }
  }
}

/** The words the report uses for a ready-wait, e.g. `ready after 12 s of ready-wait (5 attempts)`. */
export function describeReadyWait(wait: ReadyWait): string {
  const attempts = `${wait.attempts} attempt${wait.attempts === 1 ? '' : 's'}`
  const waited = formatDuration(wait.waitedMs)
  return wait.ready
    ? `smoke endpoint ready after ${waited} of ${setting('ready-wait')} (${attempts})`
    : `still not ready after ${waited} of ${setting('ready-wait')} (${attempts})`
}
