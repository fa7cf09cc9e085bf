/**
 * The JUnit writer on reports built here: the structure and counts CI readers use, a failure's
 * mode, evidence and fix, skipped steps, the app SDK's finding, and text no XML 1.0 document may
 * hold (control characters, lone surrogates, U+FFFE) or that would break out of markup (`]]>`,
 * quotes, `<`): the file must parse with a conforming parser (Python's) to exactly the text given,
 * save the characters XML cannot carry.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { junitXml, xmlAttribute, xmlText } from '../../packages/cli/src/junit'
import type { Report, TargetReport } from '../../src/contracts/report'
import { childrenNamed, parseXmlFile } from './junit-xml'
import { describeWithTools } from '../helpers/system-tools'

const HOSTILE = 'a<b>&"c\'d]]>e\u0000f\u0008g\u001fh\ud800i\uFFFEj\tk\nl\r\n'

function target(overrides: Partial<TargetReport>): TargetReport {
  return {
    target: 'local',
    environment: 'imds',
    result: 'pass',
    durationMs: 1234,
    steps: [
      { step: 'imds', status: 'pass', durationMs: 10, detail: 'IMDS answered' },
      { step: 'token', status: 'pass', durationMs: 20, detail: 'token issued' },
      {
        step: 'api',
        status: 'pass',
        durationMs: 30,
        detail: 'answered 200',
        check: 'https://management.azure.com/subscriptions/s/resourcegroups?api-version=2021-04-01'
      }
    ],
    ...overrides
  }
}

const REPORT: Report = {
  schema: 'mi-smoke/v1',
  result: 'fail',
  durationMs: 2500,
  targets: [
    target({}),
    target({
      target: `vm:${HOSTILE}`,
      result: 'fail',
      failedStep: 'api',
      failureMode: 'rbac-denied',
      steps: [
        { step: 'dispatch', status: 'pass', durationMs: 900, detail: 'run-command' },
        { step: 'imds', status: 'pass', durationMs: 10, detail: 'IMDS answered' },
        {
          step: 'token',
          status: 'warn',
          durationMs: 20,
          detail: 'expires in 2 min',
          failureMode: 'token-invalid',
          remediation: 'restart'
        },
        {
          step: 'api',
          status: 'fail',
          durationMs: 30,
          detail: `denied ${HOSTILE}`,
          failureMode: 'rbac-denied',
          httpStatus: 403,
          check: 'https://vault.azure.net/secrets?api-version=7.4',
          remediation:
            'Grant it: az role assignment create --role "Key Vault Secrets User" --scope "/x"',
          rbac: {
            service: 'keyvault',
            principalId: 'p-1',
            scope: '/x',
            role: 'Key Vault Secrets User'
          }
        }
      ]
    }),
    target({
      target: 'https://app.example/mi-smoke',
      result: 'fail',
      failedStep: 'dispatch',
      failureMode: 'dispatch-failed',
      steps: [
        {
          step: 'dispatch',
          status: 'fail',
          durationMs: 5,
          detail: 'answered 500',
          failureMode: 'dispatch-failed'
        },
        { step: 'imds', status: 'skip', durationMs: 0, detail: 'not run' }
      ],
      sdk: [
        {
          credential: 'ManagedIdentityCredential',
          status: 'warn',
          detail: 'another client ID',
          remediation: 'set AZURE_CLIENT_ID'
        }
      ]
    })
  ]
}

describeWithTools(['python3'], 'JUnit XML', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mi-smoke-junit-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  function parsed(report: Report, failOn: 'error' | 'warning' = 'error') {
    const file = join(dir, `${Math.random().toString(36).slice(2)}.xml`)
    writeFileSync(file, junitXml(report, failOn))
    return parseXmlFile(file)
  }

  test('a suite per target, a case per step (api named with its check), counts that add up', () => {
    const xml = parsed(REPORT)
    expect(xml.tag).toBe('testsuites')
    const suites = childrenNamed(xml, 'testsuite')
    expect(
      suites.map(s => [s.attributes['tests'], s.attributes['failures'], s.attributes['skipped']])
    ).toEqual([
      ['3', '0', '0'],
      ['4', '1', '0'],
      ['3', '1', '1']
    ])
    expect(xml.attributes).toMatchObject({
      tests: '10',
      failures: '2',
      errors: '0',
      skipped: '1',
      time: '2.500'
    })
    expect(suites[0]!.attributes).toMatchObject({ name: 'local', time: '1.234' })
    expect(childrenNamed(suites[0]!, 'testcase').map(c => c.attributes['name'])).toEqual([
      'imds',
      'token',
      'api https://management.azure.com/subscriptions/s/resourcegroups?api-version=2021-04-01'
    ])
    const endpoint = childrenNamed(suites[2]!, 'testcase')
    expect(endpoint.map(c => [c.attributes['name'], c.children.map(e => e.tag)])).toEqual([
      ['dispatch', ['failure']],
      ['imds', ['skipped']],
      ['app SDK (ManagedIdentityCredential)', ['system-out']]
    ])
  })

  test('the failure: mode as type, "mode: detail" as message, evidence and fix as text; hostile text round-trips', () => {
    const suites = childrenNamed(parsed(REPORT), 'testsuite')
    // What XML can carry comes back exactly; what it cannot is U+FFFD. Attributes keep line breaks.
    // eslint-disable-next-line no-control-regex -- the control characters are what is checked
    const carried = HOSTILE.replace(/[\u0000\u0008\u001f\ud800\uFFFE]/g, '\uFFFD')
    expect(suites[1]!.attributes['name']).toBe(`vm:${carried}`)
    const api = childrenNamed(suites[1]!, 'testcase')[3]!
    expect(api.attributes['classname']).toBe(`vm:${carried}`)
    const [failure] = childrenNamed(api, 'failure')
    expect(failure!.attributes['type']).toBe('rbac-denied')
    expect(failure!.attributes['message']).toBe(`rbac-denied: denied ${carried}`)
    // Text content: XML parsers turn \r\n into \n.
    expect(failure!.text).toContain(`detail: denied ${carried.replace(/\r\n/g, '\n')}`)
    expect(failure!.text).toContain('http status: 403')
    expect(failure!.text).toContain('rbac scope: /x')
    expect(failure!.text).toContain('rbac role that grants it: Key Vault Secrets User')
    expect(failure!.text).toContain(
      'fix: Grant it: az role assignment create --role "Key Vault Secrets User" --scope "/x"'
    )
    // A warning is not a failure under fail-on error...
    const token = childrenNamed(suites[1]!, 'testcase')[2]!
    expect(token.children.map(c => c.tag)).toEqual(['system-out'])
  })

  test('under fail-on warning a warning is a failure (its mode, or "warn")', () => {
    const suites = childrenNamed(parsed(REPORT, 'warning'), 'testsuite')
    const token = childrenNamed(suites[1]!, 'testcase')[2]!
    expect(childrenNamed(token, 'failure')[0]!.attributes['type']).toBe('token-invalid')
    const sdk = childrenNamed(suites[2]!, 'testcase')[2]!
    expect(childrenNamed(sdk, 'failure')[0]!.attributes['type']).toBe('wrong-identity')
  })

  test('an empty run is still a valid document', () => {
    const xml = parsed({ schema: 'mi-smoke/v1', result: 'pass', durationMs: 0, targets: [] })
    expect(xml).toMatchObject({ tag: 'testsuites', children: [] })
  })
})

test('escaping: markup, quotes and characters XML 1.0 cannot hold', () => {
  expect(xmlText('a]]>b<c&d')).toBe('a]]&gt;b&lt;c&amp;d')
  expect(xmlAttribute('"\'<\n\t')).toBe('&quot;&apos;&lt;&#10;&#9;')
  expect(xmlText('\u0000\u0001\uFFFF\udfff')).toBe('\uFFFD\uFFFD\uFFFD\uFFFD')
  // A valid pair (an emoji) is kept.
  expect(xmlText('\ud83d\ude00')).toBe('\ud83d\ude00')
})
