/**
 * Runs tasks with at most `limit` at once, in submission order. Tasks can be submitted while others
 * run, which is how a `vmss:` target's instances join the queue once the scale set is listed: each
 * instance then counts against `concurrency` on its own.
 */
export class TaskPool {
  private active = 0
  private highWater = 0
  private readonly waiting: Array<() => void> = []

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`pool limit must be a positive integer, got ${limit}`)
  }

  /** The most tasks that ever ran at once (for tests and the bench). */
  get peak(): number {
    return this.highWater
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>(start => this.waiting.push(start))
    else this.active++
    this.highWater = Math.max(this.highWater, this.active)
    try {
      return await task()
    } finally {
      const next = this.waiting.shift()
      // The slot passes straight to the next task, so `active` never dips and lets a newcomer jump the queue.
      if (next) next()
      else this.active--
    }
  }
}
