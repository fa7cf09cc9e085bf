import { DispatchError } from '../../src/engine/dispatch/workload'
import { probeOnce } from '../../src/engine/orchestrate/probe-once'
import { dispatchWhenReady } from '../../src/engine/orchestrate/ready-wait-loop'
import {
  FakeClock,
  fakeDiagnosis,
  observations,
  request,
  workload
} from '../helpers/orchestrate-fakes'

const notReady = () =>
  new DispatchError('could not reach the smoke endpoint (refused)', 'start it', undefined, true)
const isNotReady = (error: unknown) => error instanceof DispatchError && error.notReady

describe('ready-wait loop', () => {
  test('an endpoint that answers at once is not waited for and reports no wait', async () => {
    const clock = new FakeClock()
    const outcome = await dispatchWhenReady(async () => 'ok', {
      readyWaitMs: 60_000,
      clock,
      isNotReady
    })
    expect(outcome).toEqual({ ok: true, value: 'ok' })
    expect(clock.sleeps).toEqual([])
  })

  test('not ready, then ready: waits with the 1 s, 2 s, 4 s, 5 s cadence and says how long', async () => {
    const clock = new FakeClock()
    let attempts = 0
    const outcome = await dispatchWhenReady(
      async () => {
        if (++attempts < 4) throw notReady()
        return 'ok'
      },
      { readyWaitMs: 60_000, clock, isNotReady }
    )
    expect(outcome.ok).toBe(true)
    expect(clock.sleeps).toEqual([1000, 2000, 4000])
    expect(outcome.wait).toEqual({ waitedMs: 7000, attempts: 4, ready: true })
  })

  test('never past ready-wait, and any other failure ends the wait at once', async () => {
    const clock = new FakeClock()
    const never = await dispatchWhenReady(
      async () => {
        throw notReady()
      },
      { readyWaitMs: 10_000, clock, isNotReady }
    )
    expect(never.ok).toBe(false)
    expect(never.wait).toEqual({ waitedMs: 10_000, attempts: 5, ready: false })
    expect(clock.sleeps).toEqual([1000, 2000, 4000, 3000])

    const other = await dispatchWhenReady(
      async () => {
        throw new DispatchError('401', 'key')
      },
      { readyWaitMs: 10_000, clock, isNotReady }
    )
    expect(other.ok).toBe(false)
    expect(other.wait).toBeUndefined()
  })

  test('ready-wait 0 dispatches once', async () => {
    const clock = new FakeClock()
    let attempts = 0
    await dispatchWhenReady(
      async () => {
        attempts++
        throw notReady()
      },
      { readyWaitMs: 0, clock, isNotReady }
    )
    expect(attempts).toBe(1)
  })

  test('probeOnce puts the wait on the first step: imds when the endpoint came up, dispatch when not', async () => {
    const clock = new FakeClock()
    let attempts = 0
    const starting = workload('https://app/mi-smoke', async req => {
      if (++attempts < 3) throw notReady()
      return observations(req)
    })
    const context = {
      request,
      plan: () => ({
        target: 'https://app/mi-smoke',
        identity: { kind: 'system' as const },
        checks: [],
        nowMs: 0
      }),
      diagnosis: fakeDiagnosis,
      budgetMs: 5000,
      readyWaitMs: 30_000,
      clock
    }
    const ready = await probeOnce(starting, context)
    expect(ready.result).toBe('pass')
    expect(ready.steps[0]!.detail).toMatch(
      /smoke endpoint ready after 3 s of ready-wait \(3 attempts\)/
    )
    expect(ready.steps[0]!.readyWaitMs).toBe(3000)

    const down = workload('https://app/mi-smoke', async () => {
      throw notReady()
    })
    const failed = await probeOnce(down, { ...context, readyWaitMs: 2000 })
    expect(failed.failureMode).toBe('dispatch-failed')
    expect(failed.steps[0]!.detail).toMatch(
      /refused.*; still not ready after 2 s of ready-wait \(3 attempts\)/
    )
  })
})
