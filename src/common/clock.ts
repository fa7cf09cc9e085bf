/** Time as the orchestrator sees it: injectable so the rbac-wait loop is tested without waiting. */
export interface Clock {
  now(): number
  sleep(ms: number): Promise<void>
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: ms => new Promise(done => setTimeout(done, Math.max(0, ms)))
}
