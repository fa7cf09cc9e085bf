import type { HttpOutcome } from '../../src/common/http/http-request'
import { httpRequest } from '../../src/common/http/http-request'
import { parseRetryAfter } from '../../src/common/retry'
import { withRetries } from '../../src/node-probe/retry-policy'
import { json, startHungServer, startServer } from '../helpers/local-servers'

/** A fake clock whose sleeps advance it: schedules are checked without waiting for them. */
function fakeClock(start = 1_000_000): {
  now: () => number
  sleep: (ms: number) => Promise<void>
  waits: number[]
} {
  let time = start
  const waits: number[] = []
  return {
    now: () => time,
    sleep: async (ms: number) => {
      waits.push(ms)
      time += ms
    },
    waits
  }
}

function answers(...statuses: Array<number | HttpOutcome>): () => Promise<HttpOutcome> {
  const queue = [...statuses]
  return async () => {
    const next = queue.length > 1 ? queue.shift() : queue[0]
    if (next === undefined) throw new Error('no answer queued')
    return typeof next === 'number'
      ? { status: next, headers: {}, body: '', truncated: false }
      : next
  }
}

function withHeader(status: number, retryAfter: string): HttpOutcome {
  return { status, headers: { 'retry-after': retryAfter }, body: '', truncated: false }
}

describe('withRetries: Microsoft IMDS guidance', () => {
  it.each([404, 408, 429, 500, 503])('retries %i three times at 1 s, 2 s, 4 s', async status => {
    const clock = fakeClock()
    const result = await withRetries(answers(status), { deadline: clock.now() + 100_000, ...clock })
    expect(result.attempts).toBe(4)
    expect(clock.waits).toEqual([1000, 2000, 4000])
    expect(result.outcome).toMatchObject({ status })
    expect(result.ms).toBe(7000)
  })

  it('stops retrying at the first success', async () => {
    const clock = fakeClock()
    const result = await withRetries(answers(500, 429, 200), {
      deadline: clock.now() + 100_000,
      ...clock
    })
    expect(result.attempts).toBe(3)
    expect(clock.waits).toEqual([1000, 2000])
    expect(result.outcome).toMatchObject({ status: 200 })
  })

  it.each([400, 401, 403, 405, 409])('never retries %i', async status => {
    const clock = fakeClock()
    const result = await withRetries(answers(status), { deadline: clock.now() + 100_000, ...clock })
    expect(result.attempts).toBe(1)
    expect(clock.waits).toEqual([])
  })

  it('never retries a request that timed out, nor any transport error', async () => {
    for (const error of ['timeout', 'refused', 'reset'] as const) {
      const clock = fakeClock()
      const result = await withRetries(answers({ error, errorText: 'x' }), {
        deadline: clock.now() + 100_000,
        ...clock
      })
      expect(result.attempts).toBe(1)
      expect(clock.waits).toEqual([])
    }
  })

  it('retries 410 every 10 s for up to 70 s', async () => {
    const clock = fakeClock()
    const result = await withRetries(answers(410), { deadline: clock.now() + 200_000, ...clock })
    expect(clock.waits).toEqual([10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000])
    expect(result.attempts).toBe(8)
    expect(result.ms).toBe(70_000)
  })

  it('410 then recovery, then the normal backoff still has its three retries', async () => {
    const clock = fakeClock()
    const result = await withRetries(answers(410, 410, 500, 500, 500, 500), {
      deadline: clock.now() + 200_000,
      ...clock
    })
    expect(clock.waits).toEqual([10_000, 10_000, 1000, 2000, 4000])
    expect(result.attempts).toBe(6)
  })

  it('honours Retry-After in seconds and reports it', async () => {
    const clock = fakeClock()
    const result = await withRetries(answers(withHeader(429, '3'), withHeader(429, '5'), 200), {
      deadline: clock.now() + 100_000,
      ...clock
    })
    expect(clock.waits).toEqual([3000, 5000])
    expect(result.attempts).toBe(3)
    expect(result.retryAfter).toBeUndefined()
  })

  it('honours Retry-After as an HTTP date', async () => {
    const clock = fakeClock(Date.parse('2026-01-01T00:00:00Z'))
    await withRetries(answers(withHeader(503, 'Thu, 01 Jan 2026 00:00:06 GMT'), 200), {
      deadline: clock.now() + 100_000,
      ...clock
    })
    expect(clock.waits).toEqual([6000])
  })

  it('does not start a wait that would cross the deadline', async () => {
    const clock = fakeClock()
    const result = await withRetries(answers(withHeader(429, '120')), {
      deadline: clock.now() + 30_000,
      ...clock
    })
    expect(result.attempts).toBe(1)
    expect(clock.waits).toEqual([])
    expect(result.retryAfter).toBe('120')
  })

  it('a deadline cuts the backoff schedule short', async () => {
    const clock = fakeClock()
    const result = await withRetries(answers(500), { deadline: clock.now() + 3500, ...clock })
    expect(clock.waits).toEqual([1000, 2000])
    expect(result.attempts).toBe(3)
  })

  it('stops when aborted during a wait', async () => {
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 50)
    const started = Date.now()
    const result = await withRetries(answers(500), {
      deadline: Date.now() + 100_000,
      signal: controller.signal
    })
    expect(result.attempts).toBe(1)
    expect(Date.now() - started).toBeLessThan(900)
  })

  it('parses Retry-After forms', () => {
    expect(parseRetryAfter('7', 0)).toBe(7000)
    expect(parseRetryAfter(' 0 ', 0)).toBe(0)
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:10 GMT', 4000)).toBe(6000)
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:01 GMT', 4000)).toBe(0)
    expect(parseRetryAfter('soon', 0)).toBeUndefined()
    expect(parseRetryAfter(undefined, 0)).toBeUndefined()
  })
})

describe('withRetries with real timing against a local server', () => {
  it('waits a real second before retrying a 500', async () => {
    let calls = 0
    const server = await startServer((_req, res) => {
      calls++
      json(res, calls === 1 ? 500 : 200, {})
    })
    try {
      const started = Date.now()
      const result = await withRetries(
        () => httpRequest({ method: 'GET', url: server.url, timeoutMs: 2000 }),
        { deadline: Date.now() + 30_000 }
      )
      const elapsed = Date.now() - started
      expect(result.attempts).toBe(2)
      expect(result.outcome).toMatchObject({ status: 200 })
      expect(elapsed).toBeGreaterThanOrEqual(990)
      expect(elapsed).toBeLessThan(2000)
      expect(result.ms).toBeGreaterThanOrEqual(990)
    } finally {
      await server.close()
    }
  })

  it('gives a hung endpoint its verdict within one timeout', async () => {
    const hung = await startHungServer()
    try {
      const started = Date.now()
      const result = await withRetries(
        () => httpRequest({ method: 'GET', url: hung.url, timeoutMs: 400 }),
        { deadline: Date.now() + 100_000 }
      )
      expect(result.attempts).toBe(1)
      expect(result.outcome).toMatchObject({ error: 'timeout' })
      expect(Date.now() - started).toBeLessThan(400 * 1.2 + 100)
      expect(hung.requests).toHaveLength(1)
    } finally {
      await hung.close()
    }
  })
})
