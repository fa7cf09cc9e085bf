import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { computeOutputs, reportFilePath, writeOutputs } from '../../src/action/outputs'
import { buildReport } from '../../src/engine/report/build-report'
import {
  passingTarget,
  rbacDeniedTarget,
  reportOf,
  unreachableTarget,
  warnTarget
} from './report-fixtures'

const NAMES = [
  'result',
  'failed-step',
  'failure-mode',
  'principal-id',
  'client-id',
  'tenant-id',
  'expires-on',
  'report',
  'report-path',
  'failed-targets',
  'targets',
  'passed',
  'warned',
  'failed'
]

describe('outputs', () => {
  test('a passing run: identity from the first target token claims, empty failure', () => {
    const report = reportOf([passingTarget()], 'pass')
    const outputs = computeOutputs(report, '/tmp/r.json')
    expect(Object.keys(outputs).sort()).toEqual([...NAMES].sort())
    expect(outputs).toMatchObject({
      result: 'pass',
      'failed-step': '',
      'failure-mode': '',
      'principal-id': 'oid-1',
      'client-id': 'app-1',
      'tenant-id': 'tenant-1',
      'expires-on': '2030-01-01T00:00:00.000Z',
      'report-path': '/tmp/r.json'
    })
    expect(JSON.parse(outputs.report)).toEqual(report)
  })

  test('failure outputs name the first target with the run verdict, not the first non-pass one', () => {
    const outputs = computeOutputs(
      reportOf([warnTarget('a'), unreachableTarget('b'), rbacDeniedTarget('c')], 'fail'),
      ''
    )
    expect(outputs['failed-step']).toBe('imds')
    expect(outputs['failure-mode']).toBe('platform-unreachable')
    const warn = computeOutputs(reportOf([passingTarget('a'), warnTarget('b')], 'warn'), '')
    expect(warn['failure-mode']).toBe('wrong-audience')
  })

  test('identity outputs are empty when the first target got no token; expires-on falls back to exp', () => {
    expect(
      computeOutputs(reportOf([unreachableTarget(), passingTarget('b')], 'fail'), '')[
        'principal-id'
      ]
    ).toBe('')
    const target = passingTarget()
    delete target.steps[1]!.expiresOn
    target.steps[1]!.claims!.exp = 1893456000
    expect(computeOutputs(reportOf([target], 'pass'), '')['expires-on']).toBe(
      '2030-01-01T00:00:00.000Z'
    )
  })

  test('the report file goes under RUNNER_TEMP, named with the nonce, same JSON as the output', () => {
    const dir = mkdtempSync(join(tmpdir(), 'runner-temp-'))
    const report = buildReport([rbacDeniedTarget()], 99)
    const set: Record<string, string> = {}
    const outputs = writeOutputs(report, 'nonce-123', {
      env: { RUNNER_TEMP: dir },
      sink: { setOutput: (n, v) => (set[n] = v) }
    })
    expect(outputs['report-path']).toBe(join(dir, 'mi-smoke-report-nonce-123.json'))
    expect(JSON.parse(readFileSync(outputs['report-path'], 'utf8'))).toEqual(
      JSON.parse(set['report']!)
    )
    expect(Object.keys(set).sort()).toEqual([...NAMES].sort())
    expect(reportFilePath('n', {})).toBe(join(tmpdir(), 'mi-smoke-report-n.json'))
    expect(reportFilePath('../../etc/x', { RUNNER_TEMP: '/rt' })).toBe(
      '/rt/mi-smoke-report-etcx.json'
    )
  })

  test('overrides win (bad input)', () => {
    const outputs = computeOutputs(buildReport([], 5), 'p', { 'failure-mode': 'bad-input' })
    expect(outputs.result).toBe('fail')
    expect(outputs['failure-mode']).toBe('bad-input')
    expect(outputs['failed-step']).toBe('')
    expect(JSON.parse(outputs.report).targets).toEqual([])
  })
})
