/**
 * Runs work with its own deadline and AbortSignal. When the deadline passes, the signal aborts and
 * the caller gets `DeadlineExceeded` at once, whether or not the work honours the signal: a hung
 * target can never hold up the report of the others.
 */
import { formatDuration } from './format'

export class DeadlineExceeded extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${formatDuration(ms)}`)
    this.name = 'DeadlineExceeded'
  }
}

export async function withDeadline<T>(
  ms: number,
  work: (signal: AbortSignal) => Promise<T>
): Promise<T> {
  const controller = new AbortController()
  let timer: NodeJS.Timeout | undefined
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new DeadlineExceeded(ms)
      controller.abort(error)
      reject(error)
    }, ms)
  })
  const working = Promise.resolve().then(() => work(controller.signal))
  // Work abandoned at the deadline may still reject later; that must not become an unhandled rejection.
  working.catch(() => undefined)
  try {
    return await Promise.race([working, expired])
  } finally {
    clearTimeout(timer)
  }
}
