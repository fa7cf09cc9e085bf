import { applyGate } from '../../src/action/gate'
import { decideGate } from '../../src/engine/report/gate'
import type { FailOn } from '../../src/engine/inputs/action-inputs'
import type { Verdict } from '../../src/contracts/report'
import { buildReport } from '../../src/engine/report/build-report'
import { worstVerdict } from '../../src/engine/report/verdict-order'
import {
  passingTarget,
  rbacDeniedTarget,
  reportOf,
  unreachableTarget,
  warnTarget
} from '../helpers/report-fixtures'

const byResult = {
  pass: reportOf([passingTarget()], 'pass'),
  warn: reportOf([warnTarget('app')], 'warn'),
  fail: reportOf(
    [passingTarget('a'), rbacDeniedTarget('vm:/web-1'), unreachableTarget('b')],
    'fail'
  )
}

describe('gate', () => {
  test.each<[FailOn, Verdict, boolean]>([
    ['error', 'pass', false],
    ['error', 'warn', false],
    ['error', 'fail', true],
    ['warning', 'pass', false],
    ['warning', 'warn', true],
    ['warning', 'fail', true],
    ['never', 'pass', false],
    ['never', 'warn', false],
    ['never', 'fail', false]
  ])('fail-on %s with result %s → job fails: %s', (failOn, result, fails) => {
    expect(decideGate(byResult[result], failOn).fails).toBe(fails)
  })

  test('the reason is one line naming target, step and failure mode', () => {
    const { reason } = decideGate(byResult.fail, 'error')
    expect(reason).toBe('mi-smoke: fail — vm:/web-1 · api · rbac-denied (and 1 more target)')
    expect(reason).not.toContain('\n')
    expect(decideGate(byResult.warn, 'warning').reason).toBe(
      'mi-smoke: warn — app · api · wrong-audience'
    )
    expect(decideGate(byResult.fail, 'never').reason).toContain(
      "the job goes on because fail-on is 'never'"
    )
  })

  test('applyGate calls setFailed only when the job fails', () => {
    const calls: string[] = []
    const sink = {
      setFailed: (m: string) => calls.push(`failed: ${m}`),
      info: (m: string) => calls.push(`info: ${m}`)
    }
    applyGate(byResult.fail, 'never', sink)
    applyGate(byResult.fail, 'error', sink)
    expect(calls.map(c => c.split(':')[0])).toEqual(['info', 'failed'])
  })
})

describe('verdicts', () => {
  test('worst verdict wins; nothing probed is a fail', () => {
    expect(worstVerdict(['pass', 'warn', 'pass'])).toBe('warn')
    expect(worstVerdict(['warn', 'fail', 'pass'])).toBe('fail')
    expect(worstVerdict([])).toBe('pass')
    expect(buildReport([passingTarget(), warnTarget()], 10.4)).toMatchObject({
      schema: 'mi-smoke/v1',
      result: 'warn',
      durationMs: 10
    })
    expect(buildReport([], 1).result).toBe('fail')
  })
})
