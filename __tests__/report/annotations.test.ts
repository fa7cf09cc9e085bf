import { annotate, limitAnnotations, planAnnotations } from '../../src/report/annotations'
import {
  passingTarget,
  rbacDeniedTarget,
  reportOf,
  unreachableTarget,
  warnTarget
} from './report-fixtures'

describe('annotations', () => {
  test('none for a passing run', () => {
    expect(planAnnotations(reportOf([passingTarget()], 'pass'))).toEqual([])
  })

  test('one error per failed step, titled target · step, with detail and remediation', () => {
    const annotations = planAnnotations(
      reportOf([rbacDeniedTarget('vm:/x/web-1', 'az role assignment create ...')], 'fail')
    )
    expect(annotations).toEqual([
      {
        level: 'error',
        title: 'vm:/x/web-1 · api',
        message:
          'ARM answered 403 AuthorizationFailed [rbac-denied]\nHow to fix: az role assignment create ...'
      }
    ])
  })

  test('a warning for a degraded step; skipped steps are silent', () => {
    const annotations = planAnnotations(reportOf([warnTarget('a'), unreachableTarget('b')], 'fail'))
    expect(annotations.map(a => [a.level, a.title])).toEqual([
      ['warning', 'a · api'],
      ['error', 'b · imds']
    ])
  })

  test('a failing target without a failing step is still announced', () => {
    const target = {
      ...passingTarget('odd'),
      result: 'fail' as const,
      failureMode: 'api-error' as const
    }
    const annotations = planAnnotations(reportOf([target], 'fail'))
    expect(annotations).toHaveLength(1)
    expect(annotations[0]).toMatchObject({ level: 'error', title: 'odd · result' })
  })

  test('annotate sends each to the sink by level', () => {
    const calls: string[] = []
    annotate(reportOf([warnTarget('a'), rbacDeniedTarget('b')], 'fail'), {
      error: (message, { title }) => calls.push(`error ${title}: ${message.split('\n')[0]}`),
      warning: (message, { title }) => calls.push(`warning ${title}: ${message.split('\n')[0]}`)
    })
    expect(calls).toEqual([
      'warning a · api: resource= does not match the host [wrong-audience]',
      'error b · api: ARM answered 403 AuthorizationFailed [rbac-denied]'
    ])
  })

  test('beyond GitHub limits: 8 errors, one "N more" error (the gate takes the 10th), 10 warnings', () => {
    const targets = [
      ...Array.from({ length: 12 }, (_, i) => rbacDeniedTarget(`vm-${i}`)),
      ...Array.from({ length: 3 }, (_, i) => warnTarget(`app-${i}`))
    ]
    const kept = limitAnnotations(planAnnotations(reportOf(targets, 'fail')))
    const errors = kept.filter(a => a.level === 'error')
    expect(errors).toHaveLength(9)
    expect(errors.slice(0, 8).map(a => a.title)).toEqual(
      Array.from({ length: 8 }, (_, i) => `vm-${i} · api`)
    )
    expect(errors[8]).toMatchObject({ title: 'mi-smoke · 4 more' })
    expect(errors[8]!.message).toContain('vm-8 · api; vm-9 · api; vm-10 · api; vm-11 · api')
    expect(kept.filter(a => a.level === 'warning')).toHaveLength(3)
    const few = planAnnotations(reportOf([rbacDeniedTarget('a')], 'fail'))
    expect(limitAnnotations(few)).toEqual(few)
  })
})
