import { annotate, limitAnnotations, planAnnotations } from '../../src/action/annotations'
import type { TargetReport } from '../../src/contracts/report'
import { egressDns, expiring, fleetReport } from '../helpers/fleet-fixture'
import {
  passingTarget,
  rbacDeniedTarget,
  reportOf,
  unreachableTarget,
  warnTarget
} from '../helpers/report-fixtures'

describe('annotations: one per cause', () => {
  test('none for a passing run', () => {
    expect(planAnnotations(reportOf([passingTarget()], 'pass'))).toEqual([])
  })

  test('one target: titled target · step · failure mode, with detail and remediation', () => {
    const annotations = planAnnotations(
      reportOf([rbacDeniedTarget('vm:/x/web-1', 'az role assignment create ...')], 'fail')
    )
    expect(annotations).toEqual([
      {
        level: 'error',
        title: 'vm:/x/web-1 · api · rbac-denied',
        message: 'ARM answered 403 AuthorizationFailed\nHow to fix: az role assignment create ...'
      }
    ])
  })

  test('two checks denied the same way on one target are one annotation, not two', () => {
    const target: TargetReport = rbacDeniedTarget('web-1', 'grant Reader')
    target.steps.push({ ...target.steps[2]!, check: 'https://management.azure.com/other' })
    const annotations = planAnnotations(reportOf([target], 'fail'))
    expect(annotations).toHaveLength(1)
  })

  test('a cause shared by several targets: one annotation naming how many and which', () => {
    const targets = [
      ...Array.from({ length: 12 }, (_, i) => rbacDeniedTarget(`vm-${i}`, 'grant Reader')),
      unreachableTarget('legacy')
    ]
    const [rbac, unreachable, ...rest] = planAnnotations(reportOf(targets, 'fail'))
    expect(rest).toEqual([])
    expect(rbac).toMatchObject({ level: 'error', title: 'rbac-denied · 12 targets' })
    expect(rbac!.message).toContain(
      '12 targets (vm-0, vm-1, vm-2, vm-3, vm-4, vm-5, vm-6, vm-7, vm-8, vm-9, and 2 more) at api: ARM answered 403'
    )
    expect(rbac!.message).toContain('How to fix: grant Reader')
    expect(unreachable).toMatchObject({ title: 'legacy · imds · platform-unreachable' })
  })

  test('worst first: failures before warnings, then the cause with the most targets', () => {
    const targets = [
      warnTarget('w'),
      unreachableTarget('u'),
      rbacDeniedTarget('r1', 'grant'),
      rbacDeniedTarget('r2', 'grant')
    ]
    expect(planAnnotations(reportOf(targets, 'fail')).map(a => [a.level, a.title])).toEqual([
      ['error', 'rbac-denied · 2 targets'],
      ['error', 'u · imds · platform-unreachable'],
      ['warning', 'w · api · wrong-audience']
    ])
  })

  test("the app SDK's wrong identity is a cause of its own, with its fix", () => {
    const report = fleetReport()
    const sdk = planAnnotations(report).find(a => a.title.includes('app SDK'))
    expect(sdk).toMatchObject({ level: 'error' })
    expect(sdk!.title).toBe(
      'shop-api.azurewebsites.net · app SDK (DefaultAzureCredential) · wrong-identity'
    )
    expect(sdk!.message).toContain('How to fix: Make the app use the identity the run tested')
  })

  test('the 30-target fleet: 5 error causes and 1 warning for 7 targets that are not passing', () => {
    const annotations = planAnnotations(fleetReport())
    expect(annotations.filter(a => a.level === 'error')).toHaveLength(5)
    expect(annotations.filter(a => a.level === 'warning')).toHaveLength(1)
    expect(new Set(annotations.map(a => a.title)).size).toBe(annotations.length)
  })

  test('a failing target without a failing step is still announced', () => {
    const target = {
      ...passingTarget('odd'),
      result: 'fail' as const,
      failureMode: 'api-error' as const
    }
    const annotations = planAnnotations(reportOf([target], 'fail'))
    expect(annotations).toHaveLength(1)
    expect(annotations[0]).toMatchObject({ level: 'error', title: 'odd · result · api-error' })
  })

  test('annotate sends each to the sink by level', () => {
    const calls: string[] = []
    annotate(reportOf([warnTarget('a'), rbacDeniedTarget('b')], 'fail'), {
      error: (message, { title }) => calls.push(`error ${title}: ${message.split('\n')[0]}`),
      warning: (message, { title }) => calls.push(`warning ${title}: ${message.split('\n')[0]}`)
    })
    expect(calls).toEqual([
      'error b · api · rbac-denied: ARM answered 403 AuthorizationFailed',
      'warning a · api · wrong-audience: resource= does not match the host'
    ])
  })

  test('beyond GitHub limits: 8 error causes, one "N more" (the gate takes the 10th), 10 warnings', () => {
    const targets = [
      ...Array.from({ length: 12 }, (_, i) => rbacDeniedTarget(`vm-${i}`, `grant ${i}`)),
      ...Array.from({ length: 3 }, (_, i) => warnTarget(`app-${i}`)),
      egressDns('e'),
      expiring('x')
    ]
    const kept = limitAnnotations(planAnnotations(reportOf(targets, 'fail')))
    const errors = kept.filter(a => a.level === 'error')
    expect(errors).toHaveLength(9)
    expect(errors[8]).toMatchObject({ title: 'mi-smoke · 5 more failures' })
    expect(errors[8]!.message).toMatch(/^5 more causes: /)
    // The three wrong-audience warnings share one fix: one warning; the expiry is another.
    expect(kept.filter(a => a.level === 'warning').map(a => a.title)).toEqual([
      'wrong-audience · 3 targets',
      'x · token · token-invalid'
    ])
    const few = planAnnotations(reportOf([rbacDeniedTarget('a')], 'fail'))
    expect(limitAnnotations(few)).toEqual(few)
  })
})
