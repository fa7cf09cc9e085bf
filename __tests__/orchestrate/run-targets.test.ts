import type { Target } from '../../src/engine/inputs/action-inputs'
import { runTargets } from '../../src/engine/orchestrate/run-targets'
import { runWorkload } from '../../src/engine/orchestrate/run-workload'
import { probeOnce } from '../../src/engine/orchestrate/probe-once'
import { systemClock } from '../../src/common/clock'
import type { Workload } from '../../src/engine/dispatch/workload'
import type { TargetReport } from '../../src/contracts/report'
import {
  DispatchError,
  delay,
  fakeDiagnosis,
  observations,
  request,
  workload
} from '../helpers/orchestrate-fakes'

const local = (line: string): Target => ({ kind: 'local', line })
const vmss = (line: string): Target => ({
  kind: 'vmss',
  line,
  resourceId: '/subscriptions/s/vmss/x'
})

function context(budgetMs = 5_000, onAbandoned?: () => void) {
  return {
    request,
    identity: { kind: 'system' as const },
    checks: [],
    rbacWaitMs: 0,
    budgetMs,
    diagnosis: fakeDiagnosis,
    clock: systemClock,
    ...(onAbandoned ? { onAbandoned } : {})
  }
}

function fanOut(
  targets: Target[],
  workloadsOf: (t: Target) => Workload[],
  concurrency = 8,
  budgetMs = 5_000
) {
  const finished: string[] = []
  let abandoned = 0
  const result = runTargets({
    targets,
    concurrency,
    resolve: async target => workloadsOf(target),
    resolveBudgetMs: () => 1_000,
    resolutionFailed: (target, error) =>
      fakeDiagnosis.diagnoseDispatchFailure(
        error instanceof DispatchError
          ? error
          : new DispatchError(String((error as Error).message), 'fix it'),
        { target: target.line, identity: { kind: 'system' }, checks: [], nowMs: 0 }
      ),
    runWorkload: w =>
      runWorkload(
        w,
        context(budgetMs, () => abandoned++)
      ),
    onReport: (r: TargetReport) => finished.push(r.target)
  })
  return { result, finished, abandoned: () => abandoned }
}

const quick = (label: string, ms = 10, status = 200) =>
  workload(label, async req => {
    await delay(ms)
    return observations(req, status)
  })

describe('fan-out', () => {
  test('reports come back in target order; each is logged as soon as it is final', async () => {
    const { result, finished } = fanOut([local('slow'), local('fast'), local('mid')], t => [
      quick(t.line, t.line === 'slow' ? 200 : t.line === 'mid' ? 80 : 5)
    ])
    const { reports } = await result
    expect(reports.map(r => r.target)).toEqual(['slow', 'fast', 'mid'])
    expect(finished).toEqual(['fast', 'mid', 'slow'])
    expect(reports.every(r => r.result === 'pass')).toBe(true)
  })

  test('a hung target is cut at its own deadline and does not delay the others', async () => {
    const hung = workload('hung', () => new Promise(() => undefined))
    const { result, finished, abandoned } = fanOut(
      [local('hung'), local('a'), local('b')],
      t => [t.line === 'hung' ? hung : quick(t.line, 20)],
      8,
      300
    )
    const started = Date.now()
    const { reports } = await result
    expect(Date.now() - started).toBeLessThan(1_000)
    expect(finished).toEqual(['a', 'b', 'hung'])
    expect(reports[0]).toMatchObject({
      target: 'hung',
      result: 'fail',
      failureMode: 'dispatch-failed'
    })
    expect(reports[0]!.steps[0]!.detail).toBe('the probe gave no answer within 300 ms')
    expect(abandoned()).toBe(1)
  })

  test('the deadline aborts the signal the workload was given', async () => {
    let aborted: unknown
    const listening = workload(
      'listening',
      (_req, signal) =>
        new Promise((_resolve, reject) =>
          signal.addEventListener('abort', () => {
            aborted = signal.reason
            reject(new Error('aborted'))
          })
        )
    )
    const { result } = fanOut([local('listening')], () => [listening], 1, 100)
    await result
    expect((aborted as Error).name).toBe('DeadlineExceeded')
  })

  test('a DispatchError and any other exception become dispatch-failed, never a crash', async () => {
    const failing = workload('az', async () => {
      throw new DispatchError('az is not logged in', 'Run azure/login before this step')
    })
    const buggy = workload('buggy', async () => {
      throw new TypeError('cannot read properties of undefined')
    })
    const { result } = fanOut([local('az'), local('buggy'), local('ok')], t => [
      t.line === 'az' ? failing : t.line === 'buggy' ? buggy : quick('ok')
    ])
    const { reports } = await result
    expect(reports.map(r => [r.target, r.result, r.failureMode])).toEqual([
      ['az', 'fail', 'dispatch-failed'],
      ['buggy', 'fail', 'dispatch-failed'],
      ['ok', 'pass', undefined]
    ])
    expect(reports[0]!.steps[0]).toMatchObject({
      detail: 'az is not logged in',
      remediation: 'Run azure/login before this step'
    })
    expect(reports[1]!.steps[0]!.detail).toBe(
      'the probe failed: cannot read properties of undefined'
    )
  })

  test("a scale set's instances count individually against concurrency", async () => {
    let running = 0
    let most = 0
    const instance = (label: string) =>
      workload(label, async req => {
        running++
        most = Math.max(most, running)
        await delay(50)
        running--
        return observations(req)
      })
    const { result } = fanOut(
      [vmss('vmss:a'), vmss('vmss:b')],
      t => [0, 1, 2, 3, 4].map(i => instance(`${t.line}#${i}`)),
      3
    )
    const { reports, peakConcurrency } = await result
    expect(reports.map(r => r.target)).toEqual([
      ...[0, 1, 2, 3, 4].map(i => `vmss:a#${i}`),
      ...[0, 1, 2, 3, 4].map(i => `vmss:b#${i}`)
    ])
    expect(most).toBe(3)
    expect(peakConcurrency).toBe(3)
  })

  test('a target whose workloads cannot be listed is reported as dispatch-failed; the others go on', async () => {
    const { result } = fanOut([vmss('vmss:gone'), local('ok')], t => {
      if (t.kind === 'vmss') throw new DispatchError('scale set not found', 'Check the resource ID')
      return [quick('ok')]
    })
    const { reports } = await result
    expect(reports.map(r => [r.target, r.failureMode])).toEqual([
      ['vmss:gone', 'dispatch-failed'],
      ['ok', undefined]
    ])
    const none = await fanOut([vmss('vmss:empty')], () => []).result
    expect(none.reports[0]!.steps[0]!.detail).toBe("no workload found behind 'vmss:empty'")
  })

  test('durationMs covers the whole workload run', async () => {
    const { reports } = await fanOut([local('x')], () => [quick('x', 120)]).result
    expect(reports[0]!.durationMs).toBeGreaterThanOrEqual(110)
  })
})

describe('probeOnce', () => {
  const ctx = (diagnosis = fakeDiagnosis) => ({
    request,
    plan: () => ({ target: 'x', identity: { kind: 'system' as const }, checks: [], nowMs: 0 }),
    diagnosis,
    budgetMs: 1_000
  })

  test('observations answering another request are dispatch-failed', async () => {
    const replay = workload('x', async req => ({ ...observations(req), nonce: 'someone-else' }))
    const report = await probeOnce(replay, ctx())
    expect(report.failureMode).toBe('dispatch-failed')
    expect(report.steps[0]!.detail).toContain('nonce mismatch')
    const old = workload('x', async req => ({ ...observations(req), v: 0 as unknown as 1 }))
    expect((await probeOnce(old, ctx())).steps[0]!.detail).toContain(
      'observations schema version 0'
    )
  })

  test('a diagnosis that throws becomes a dispatch-failed report, not a crash', async () => {
    const broken = {
      ...fakeDiagnosis,
      diagnose: () => {
        throw new Error('bug')
      }
    }
    const report = await probeOnce(quick('x'), ctx(broken))
    expect(report).toMatchObject({ target: 'x', result: 'fail', failureMode: 'dispatch-failed' })
    expect(report.steps[0]!.detail).toBe('diagnosis failed: bug')
  })
})
