import { probeUntilRoleEffective } from '../../src/engine/orchestrate/rbac-wait-loop'
import { rbacBackoffMs } from '../../src/engine/orchestrate/rbac-backoff'
import type { TargetReport } from '../../src/contracts/report'
import { passingTarget, rbacDeniedTarget, unreachableTarget } from '../helpers/report-fixtures'
import { FakeClock } from '../helpers/orchestrate-fakes'

const isRbacDenied = (r: TargetReport) => r.failureMode === 'rbac-denied'

/** A probe that is denied until the clock reaches `effectiveAt`, each probe taking `probeMs`. */
function roleEffectiveAt(clock: FakeClock, effectiveAt: number, probeMs = 100) {
  let probes = 0
  const probe = async () => {
    probes++
    clock.time += probeMs
    return clock.time >= effectiveAt ? passingTarget() : rbacDeniedTarget()
  }
  return { probe, count: () => probes }
}

describe('rbac-wait loop', () => {
  test('backoff is 1 s, 2 s, 4 s, then capped at 5 s', () => {
    expect([0, 1, 2, 3, 4, 10].map(rbacBackoffMs)).toEqual([1000, 2000, 4000, 5000, 5000, 5000])
  })

  test('without rbac-wait a denial is final after one probe', async () => {
    const clock = new FakeClock()
    const { probe, count } = roleEffectiveAt(clock, clock.time + 10_000)
    const report = await probeUntilRoleEffective(probe, { rbacWaitMs: 0, clock, isRbacDenied })
    expect(report.failureMode).toBe('rbac-denied')
    expect(count()).toBe(1)
    expect(report.steps[2]!.rbacWaitMs).toBeUndefined()
  })

  test('a pass on the first probe does not wait', async () => {
    const clock = new FakeClock()
    const report = await probeUntilRoleEffective(async () => passingTarget(), {
      rbacWaitMs: 60_000,
      clock,
      isRbacDenied
    })
    expect(report).toEqual(passingTarget())
    expect(clock.sleeps).toEqual([])
  })

  test('re-probes with backoff until the role is effective, and says how long it took', async () => {
    const clock = new FakeClock()
    const start = clock.time
    // First denial at start+100; role effective 12 s later.
    const { probe, count } = roleEffectiveAt(clock, start + 12_100)
    const report = await probeUntilRoleEffective(probe, { rbacWaitMs: 90_000, clock, isRbacDenied })
    expect(report.result).toBe('pass')
    expect(clock.sleeps).toEqual([1000, 2000, 4000, 5000])
    expect(count()).toBe(5)
    const api = report.steps[2]!
    expect(api.attempts).toBe(5)
    expect(api.rbacWaitMs).toBe(12_400)
    expect(api.detail).toBe('HTTP 200; role effective after 12 s of rbac-wait (5 probes)')
  })

  test('never sleeps past the deadline; the last probe lands on it; still denied is reported', async () => {
    const clock = new FakeClock()
    const { probe, count } = roleEffectiveAt(clock, Number.POSITIVE_INFINITY, 100)
    const report = await probeUntilRoleEffective(probe, { rbacWaitMs: 10_000, clock, isRbacDenied })
    expect(report.failureMode).toBe('rbac-denied')
    // 1000 +100, 2000 +100, 4000 +100 = 7300; remaining 2700.
    expect(clock.sleeps).toEqual([1000, 2000, 4000, 2700])
    expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(10_000)
    expect(count()).toBe(5)
    const api = report.steps[2]!
    expect(api.detail).toBe(
      'ARM answered 403 AuthorizationFailed; still denied after 10 s of rbac-wait (5 probes)'
    )
    expect(api.rbacWaitMs).toBe(10_100)
    expect(api.remediation).toContain('az role assignment create')
  })

  test('a different failure on a re-probe ends the wait and is reported as is', async () => {
    const clock = new FakeClock()
    const reports = [rbacDeniedTarget(), unreachableTarget()]
    const report = await probeUntilRoleEffective(async () => reports.shift()!, {
      rbacWaitMs: 60_000,
      clock,
      isRbacDenied
    })
    expect(report.failureMode).toBe('platform-unreachable')
    expect(clock.sleeps).toEqual([1000])
  })

  test('time from role effective to pass stays under the backoff cap plus one probe', async () => {
    for (const offset of [0, 1_500, 7_777, 20_000, 44_999]) {
      const clock = new FakeClock()
      const effectiveAt = clock.time + offset + 100
      const { probe } = roleEffectiveAt(clock, effectiveAt, 100)
      const report = await probeUntilRoleEffective(probe, {
        rbacWaitMs: 60_000,
        clock,
        isRbacDenied
      })
      expect(report.result).toBe('pass')
      expect(clock.time - effectiveAt).toBeLessThanOrEqual(5_000 + 100)
    }
  })
})
