import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { OUTPUT_NAMES } from '../../src/contracts/outputs'
import { computeOutputs, reportFilePath, writeOutputs } from '../../src/action/outputs'
import { buildReport } from '../../src/engine/report/build-report'
import { shapedOutputs } from '../../src/contracts/output-shapes'
import { escapeInvisibleInJson } from '../../src/common/control-characters'
import {
  passingTarget,
  rbacDeniedTarget,
  reportOf,
  unreachableTarget,
  warnTarget
} from '../helpers/report-fixtures'

const NAMES = OUTPUT_NAMES

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
    const warnings: string[] = []
    const outputs = writeOutputs(report, 'nonce-123', {
      env: { RUNNER_TEMP: dir },
      sink: { setOutput: (n, v) => (set[n] = v), warning: w => warnings.push(w) }
    })
    // The fixture's claims are not GUIDs: those outputs stay empty, and a warning says so.
    expect(warnings).toEqual([
      'Output principal-id was left empty: its value is not a GUID',
      'Output client-id was left empty: its value is not a GUID',
      'Output tenant-id was left empty: its value is not a GUID'
    ])
    expect(outputs['report-path']).toBe(join(dir, 'mi-smoke-report-nonce-123.json'))
    expect(JSON.parse(readFileSync(outputs['report-path'], 'utf8'))).toEqual(
      JSON.parse(set['report']!)
    )
    expect(Object.keys(set).sort()).toEqual([...NAMES].sort())
    expect(reportFilePath('n', {})).toBe(join(tmpdir(), 'mi-smoke-report-n.json'))
    expect(reportFilePath('../../etc/x', { RUNNER_TEMP: '/rt' })).toBe(
      '/rt/mi-smoke-report-etcx.json'
    )
    rmSync(dir, { recursive: true, force: true })
  })

  test('overrides win (bad input)', () => {
    const outputs = computeOutputs(buildReport([], 5), 'p', { 'failure-mode': 'bad-input' })
    expect(outputs.result).toBe('fail')
    expect(outputs['failure-mode']).toBe('bad-input')
    expect(outputs['failed-step']).toBe('')
    expect(JSON.parse(outputs.report).targets).toEqual([])
  })
})

describe('output shapes refuse invisible characters (src/common/control-characters.ts)', () => {
  const blank = {
    result: 'fail',
    'failed-step': '',
    'failure-mode': '',
    'principal-id': '',
    'client-id': '',
    'tenant-id': '',
    'expires-on': '',
    report: '{}',
    'report-path': '/tmp/r.json',
    'failed-targets': '[]',
    targets: '1',
    passed: '0',
    warned: '0',
    failed: '1'
  } as const
  it.each([
    ['failed-targets', JSON.stringify(['vm:/x\u202e'])],
    ['failed-targets', '["vm:/x\\u200b"]'],
    ['report', '{"a":"b\u2066c"}'],
    ['report-path', '/tmp/r\u200d.json'],
    ['principal-id', '6f3e2b1a-0c4d-4e5f-8a9b-1c2d3e4f5a6b\u200b']
  ])('%s = %j is left empty with a warning', (name, value) => {
    const { outputs, warnings } = shapedOutputs({ ...blank, [name]: value })
    expect(outputs[name as keyof typeof outputs]).toBe('')
    expect(warnings.join('\n')).toContain(name)
  })
  it('the report is written with each invisible character escaped: the same value, none in the text', () => {
    const value = { detail: 'a\u202eb\u200bc\u{e0041}d\u0085' }
    const text = escapeInvisibleInJson(JSON.stringify(value, null, 2))
    expect(text).not.toMatch(/[\u202e\u200b\u0085]|\u{e0041}/u)
    expect(JSON.parse(text)).toEqual(value)
    expect(
      shapedOutputs({ ...blank, report: escapeInvisibleInJson(JSON.stringify(value)) }).outputs
        .report
    ).not.toBe('')
  })
})
