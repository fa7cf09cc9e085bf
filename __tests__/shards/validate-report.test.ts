/** A shard's report file is read as untrusted JSON: schema and every shape the merge reads. */
import { InvalidReport, parseReport } from '../../src/action/shards/validate-report'
import {
  passingTarget,
  rbacDeniedTarget,
  reportOf,
  unreachableTarget
} from '../helpers/report-fixtures'

function reject(value: unknown): string {
  try {
    parseReport(typeof value === 'string' ? value : JSON.stringify(value))
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidReport)
    return (error as Error).message
  }
  throw new Error('accepted')
}

const good = reportOf([passingTarget(), rbacDeniedTarget('vm:/x'), unreachableTarget('y')], 'fail')

test('a report the action wrote is accepted as it is (unknown fields kept)', () => {
  const withExtra = { ...good, newerField: { a: 1 } }
  expect(parseReport(JSON.stringify(withExtra, null, 2))).toEqual(withExtra)
})

test.each([
  ['not JSON', '{"schema":', /^is not JSON/],
  ['an array', [], /^the report is not a JSON object/],
  ['another schema', { ...good, schema: 'mi-smoke/v2' }, /is not schema mi-smoke\/v1/],
  ['the stub', { ...good, truncated: true }, /is a stub/],
  ['a verdict not in the list', { ...good, result: 'ok' }, /the report.result is not one of/],
  ['a negative duration', { ...good, durationMs: -1 }, /durationMs is not a finite number/],
  ['targets not an array', { ...good, targets: {} }, /targets is not an array/],
  [
    'a target line with a newline (it becomes a title)',
    { ...good, targets: [{ ...passingTarget(), target: 'local\n::error::x' }] },
    /targets\[0\].target holds a control character/
  ],
  [
    'an unknown failure mode',
    { ...good, targets: [{ ...rbacDeniedTarget(), failureMode: 'boom' }] },
    /targets\[0\].failureMode is not one of/
  ],
  [
    'a step status not in the list',
    {
      ...good,
      targets: [{ ...passingTarget(), steps: [{ ...passingTarget().steps[0], status: 'ok' }] }]
    },
    /targets\[0\].steps\[0\].status is not one of/
  ],
  [
    'a claim that is not a string',
    {
      ...good,
      targets: [
        {
          ...passingTarget(),
          steps: [{ ...passingTarget().steps[1], claims: { oid: { $: 1 } } }]
        }
      ]
    },
    /steps\[0\].claims.oid is not a string/
  ],
  [
    'an expiry that is not ISO 8601',
    {
      ...good,
      targets: [{ ...passingTarget(), steps: [{ ...passingTarget().steps[1], expiresOn: 'soon' }] }]
    },
    /expiresOn is not an ISO 8601 time/
  ],
  [
    'a detail too long',
    {
      ...good,
      targets: [
        { ...passingTarget(), steps: [{ ...passingTarget().steps[0], detail: 'x'.repeat(70_000) }] }
      ]
    },
    /detail is longer than/
  ]
])('refused: %s', (_name, value, message) => {
  expect(reject(value)).toMatch(message)
})
