import {
  probeThroughTransients,
  RETRY_AFTER_CAP_MS,
  TRANSIENT_WINDOW_MS,
  transientWaitMs
} from '../../src/engine/orchestrate/transient-retry-loop'
import type { StepReport, TargetReport } from '../../src/contracts/report'
import { passingTarget } from '../helpers/report-fixtures'
import { FakeClock } from '../helpers/orchestrate-fakes'

/** A target whose api step failed with `status` (judged as the diagnosis would: 429 throttled, else api-error). */
function transientTarget(status: number, extra: Partial<StepReport> = {}): TargetReport {
  const base = passingTarget()
  return {
    ...base,
    result: 'fail',
    failedStep: 'api',
    failureMode: status === 429 ? 'throttled' : 'api-error',
    steps: base.steps.map(step =>
      step.step === 'api'
        ? {
            ...step,
            status: 'fail',
            httpStatus: status,
            failureMode: status === 429 ? 'throttled' : 'api-error',
            detail: `GET x: unexpected answer ${status}`,
            ...extra
          }
        : step
    )
  }
}

/** Answers `reports` in turn (the last one repeats), each probe taking 50 ms of the fake clock. */
function scripted(clock: FakeClock, reports: TargetReport[]) {
  let probes = 0
  const sleeps: number[] = []
  const sleep = clock.sleep.bind(clock)
  clock.sleep = async (ms: number) => {
    sleeps.push(ms)
    await sleep(ms)
  }
  const probe = async () => {
    clock.time += 50
    return reports[Math.min(probes++, reports.length - 1)]!
  }
  return { probe, count: () => probes, sleeps }
}

const api = (report: TargetReport) => report.steps.find(s => s.step === 'api')!

describe('transient retries', () => {
  test('a pass or a non-transient failure is final after one probe', async () => {
    const clock = new FakeClock()
    for (const report of [passingTarget(), transientTarget(403)]) {
      const { probe, count } = scripted(clock, [report])
      expect(await probeThroughTransients(probe, { clock })).toBe(report)
      expect(count()).toBe(1)
    }
  })

  test('a 503 that clears is retried after 1 s and the step says so', async () => {
    const clock = new FakeClock()
    const { probe, count, sleeps } = scripted(clock, [transientTarget(503), passingTarget()])
    const report = await probeThroughTransients(probe, { clock })
    expect(count()).toBe(2)
    expect(sleeps).toEqual([1000])
    expect(report.result).toBe('pass')
    expect(api(report).detail).toMatch(
      /passed on probe 2 after 1\.1 s of transient retries \(first answer 503\)/
    )
    expect(api(report).attempts).toBe(2)
    expect(api(report).retryWaitMs).toBe(1050)
  })

  test('a 429 that persists is retried three times (1 s, 2 s, 4 s) and stays throttled', async () => {
    const clock = new FakeClock()
    const { probe, count, sleeps } = scripted(clock, [transientTarget(429)])
    const report = await probeThroughTransients(probe, { clock })
    expect(count()).toBe(4)
    expect(sleeps).toEqual([1000, 2000, 4000])
    expect(report.failureMode).toBe('throttled')
    expect(api(report).detail).toMatch(/still 429 after 4 probes over 7\.2 s of transient retries/)
  })

  test('Retry-After replaces the backoff, capped at RETRY_AFTER_CAP_MS', async () => {
    expect(transientWaitMs(transientTarget(429, { retryAfterMs: 3000 }), 0)).toBe(3000)
    expect(transientWaitMs(transientTarget(429, { retryAfterMs: 0 }), 2)).toBe(0)
    expect(transientWaitMs(transientTarget(429, { retryAfterMs: 3_600_000 }), 0)).toBe(
      RETRY_AFTER_CAP_MS
    )
    expect(transientWaitMs(transientTarget(500), 1)).toBe(2000)
  })

  test('no wait starts that would end past the window', async () => {
    const clock = new FakeClock()
    const { probe, count, sleeps } = scripted(clock, [
      transientTarget(429, { retryAfterMs: RETRY_AFTER_CAP_MS })
    ])
    const started = clock.time
    await probeThroughTransients(probe, { clock })
    // 20 s fits in the 30 s window once; a second 20 s wait would end past it.
    expect(sleeps).toEqual([RETRY_AFTER_CAP_MS])
    expect(count()).toBe(2)
    expect(clock.time - started).toBeLessThanOrEqual(TRANSIENT_WINDOW_MS + 200)
  })

  test("a proxy's 502 (egress-blocked) is not retried: its cause does not pass", async () => {
    const clock = new FakeClock()
    const proxied = transientTarget(502, { failureMode: 'egress-blocked' })
    const { probe, count } = scripted(clock, [proxied])
    await probeThroughTransients(probe, { clock })
    expect(count()).toBe(1)
  })

  test('a retry that ends in another failure says what it was at first', async () => {
    const clock = new FakeClock()
    const { probe } = scripted(clock, [transientTarget(503), transientTarget(404)])
    const report = await probeThroughTransients(probe, { clock })
    expect(api(report).httpStatus).toBe(404)
    expect(api(report).detail).toMatch(
      /after 2 probes over .* of transient retries \(first answer 503\)/
    )
  })
})
