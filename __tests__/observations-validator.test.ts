/**
 * The one observations validator: what it accepts (exactly the known fields, redacted) and every
 * kind of answer it refuses, each as a DispatchError naming the workload, the field and the problem
 * without quoting what the workload sent.
 */
import { DispatchError } from '../src/contracts/dispatch-error'
import { validateObservations } from '../src/engine/observations-validator'

const OID = '2d3c4b5a-1f0e-4d9c-8b7a-6f5e4d3c2b1a'
const TID = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const ARM_CHECK =
  'https://management.azure.com/subscriptions/{subscriptionId}/resourcegroups?api-version=2021-04-01'
const request = {
  nonce: 'nonce-0123456789',
  checks: [{ url: ARM_CHECK, resource: 'https://management.azure.com/' }]
}
const claimsOf = (claims: Record<string, unknown>): string =>
  Buffer.from(JSON.stringify(claims)).toString('base64url')

function good(): Record<string, unknown> {
  return {
    v: 1,
    nonce: request.nonce,
    probe: 'sh/curl',
    source: 'imds',
    instance: {
      url: 'http://169.254.169.254/metadata/instance?api-version=2021-02-01',
      status: 200,
      attempts: 1,
      ms: 3
    },
    meta: {
      subscriptionId: '00000000-0000-0000-0000-000000000001',
      resourceGroupName: 'rg-1',
      location: 'westeurope',
      osType: 'Linux'
    },
    tokens: [
      {
        url: 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=x',
        status: 200,
        attempts: 1,
        ms: 4,
        resource: 'https://management.azure.com/',
        shape: 'jwt',
        fields: { expires_on: '1767225600', token_type: 'Bearer' },
        claims: claimsOf({
          oid: OID,
          tid: TID,
          appid: OID,
          exp: 1767225600,
          aud: 'https://management.azure.com/'
        })
      }
    ],
    apis: [
      {
        check: 0,
        url: 'https://management.azure.com/subscriptions/00000000-0000-0000-0000-000000000001/resourcegroups?api-version=2021-04-01',
        status: 200,
        attempts: 1,
        ms: 20
      }
    ],
    extra: 'never copied'
  }
}

function refusal(answer: unknown): DispatchError {
  try {
    validateObservations(answer, { workload: 'vm:/subscriptions/s/vm-1', request })
  } catch (error) {
    expect(error).toBeInstanceOf(DispatchError)
    return error as DispatchError
  }
  throw new Error('the answer was accepted')
}

function withToken(change: Record<string, unknown>): Record<string, unknown> {
  const answer = good()
  answer['tokens'] = [{ ...(answer['tokens'] as object[])[0], ...change }]
  return answer
}
function withApi(change: Record<string, unknown>): Record<string, unknown> {
  const answer = good()
  answer['apis'] = [{ ...(answer['apis'] as object[])[0], ...change }]
  return answer
}

test('a well-formed answer comes back with only the known fields', () => {
  const observations = validateObservations(good(), { workload: 'local', request })
  expect(observations).not.toHaveProperty('extra')
  expect(observations.tokens[0]!.claims).toBe(
    (good()['tokens'] as Array<{ claims: string }>)[0]!.claims
  )
  expect(observations.apis[0]!.status).toBe(200)
})

test('free text is redacted on the way in (a bearer value echoed in a body)', () => {
  const observations = validateObservations(
    withApi({ status: 401, body: 'echo: Authorization: Bearer opaque-secret-value-123' }),
    {
      workload: 'local',
      request
    }
  )
  expect(observations.apis[0]!.body).not.toContain('opaque-secret-value-123')
})

const HOSTILE = '"; $(curl evil.example) `id`\n'
test.each<[string, unknown, RegExp]>([
  ['not an object', [1, 2], /the answer is not an object/],
  ['another schema version', { ...good(), v: 2 }, /schema version 2, this action speaks 1/],
  ['another nonce', { ...good(), nonce: 'other' }, /answered another request \(nonce mismatch\)/],
  [
    'an unknown source',
    { ...good(), source: 'mainframe' },
    /the answer.source is not a known identity source/
  ],
  [
    'a probe name with a shell in it',
    { ...good(), probe: HOSTILE },
    /the answer.probe holds U\+000A|the answer.probe is not a probe name/
  ],
  [
    'tokens[0].url null (the malformed answer of the issue)',
    withToken({ url: null }),
    /tokens\[0\].url is not a string/
  ],
  [
    'a forged oid',
    withToken({ claims: claimsOf({ oid: HOSTILE, tid: TID }) }),
    /tokens\[0\].claims.oid is not a GUID/
  ],
  [
    'a forged appid',
    withToken({ claims: claimsOf({ appid: '$(id)', tid: TID }) }),
    /tokens\[0\].claims.appid is not a GUID/
  ],
  [
    'a forged tid',
    withToken({ claims: claimsOf({ tid: 'x' }) }),
    /tokens\[0\].claims.tid is not a GUID/
  ],
  [
    'an exp in the year 3000',
    withToken({ claims: claimsOf({ exp: 32503680000 }) }),
    /claims.exp is not a time/
  ],
  [
    'an exp that is not a number',
    withToken({ claims: claimsOf({ exp: 'soon' }) }),
    /claims.exp is not a time/
  ],
  [
    'a status that is not an integer',
    withApi({ status: 200.5 }),
    /apis\[0\].status is not an integer from 100 to 599/
  ],
  ['a status out of range', withApi({ status: 999 }), /apis\[0\].status is not an integer/],
  ['a negative duration', withApi({ ms: -1 }), /apis\[0\].ms is not a duration/],
  ['an infinite duration', withApi({ ms: 1e308 }), /apis\[0\].ms is not a duration/],
  [
    'an API URL on another host',
    withApi({ url: 'https://other.example/subscriptions' }),
    /apis\[0\].url is not on https:\/\/management.azure.com/
  ],
  [
    'an API URL with user info',
    withApi({ url: 'https://management.azure.com@other.example/' }),
    /apis\[0\].url holds user info/
  ],
  [
    'an API call for a check not asked for',
    withApi({ check: 3 }),
    /apis\[0\].check is not an integer from 0 to 0/
  ],
  [
    'a token for an audience not asked for',
    withToken({ resource: 'https://vault.azure.net' }),
    /tokens\[0\].resource is not an audience any check asked for/
  ],
  [
    'a control character in a detail',
    { ...good(), sourceDetail: 'a\u001b[31mred' },
    /sourceDetail holds U\+001B \(a C0 control character\)/
  ],
  [
    'a bidi override in a detail',
    { ...good(), sourceDetail: 'abc\u202edcba' },
    /sourceDetail holds U\+202E \(a bidirectional embedding or override\)/
  ],
  [
    'a zero-width space in a detail (the same rule as inputs: src/common/control-characters.ts)',
    { ...good(), sourceDetail: 'user\u200bassigned' },
    /sourceDetail holds U\+200B/
  ],
  [
    'a left-to-right mark in a detail',
    { ...good(), sourceDetail: 'abc\u200edef' },
    /sourceDetail holds U\+200E/
  ],
  [
    'a whole token in a body',
    withApi({ body: 'eyJhbGciOiJSUzI1NiJ9.eyJvaWQiOiJ4In0.c2lnbmF0dXJlLWNhbmFyeQ' }),
    /apis\[0\].body holds something shaped like an access token/
  ],
  ['an access_token field', withToken({ fields: { access_token: 'x' } }), /holds access_token/],
  ['an oversized body', withApi({ body: 'x'.repeat(5000) }), /apis\[0\].body is longer than/],
  [
    'a subscription that is not a GUID',
    { ...good(), meta: { subscriptionId: '../../x' } },
    /meta.subscriptionId is not a GUID/
  ],
  [
    'more API calls than checks',
    { ...good(), apis: [withApi({})['apis'], withApi({})['apis']].flat() },
    /apis has more than 1 entries/
  ]
])('refuses %s, naming the workload and the field', (_name, answer, problem) => {
  const error = refusal(answer)
  expect(error.message).toMatch(/^vm:\/subscriptions\/s\/vm-1 answered/)
  expect(error.message).toMatch(problem)
  expect(error.remediation).toBeTruthy()
  // Nothing the workload sent is quoted back.
  expect(error.message).not.toContain('$(')
  expect(error.message).not.toContain('c2lnbmF0dXJl')
})
