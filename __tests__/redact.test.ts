/**
 * The one redactor: what it removes (token-shaped strings, credential values, registered secrets),
 * what it leaves (identifiers, prose), that a generated token is removed wherever it sits in any
 * text, and that it is linear (operation counts, not time: see scripts/bench.ts for times).
 */
import fc from 'fast-check'
import {
  containsJwt,
  forgetSecretTexts,
  redactDeep,
  redactSecrets,
  registerSecretText
} from '../src/common/redact'

const SIGNATURE = 'c2lnbmF0dXJlLWNhbmFyeS0wMTIzNDU2Nzg5'
const JWT = `eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJvaWQiOiJ4In0.${SIGNATURE}`

afterEach(() => forgetSecretTexts())

test.each([
  ['a whole JWT', `token ${JWT} end`],
  ['a JWT in JSON', `{"access":"${JWT}"}`],
  ['a JWT glued to text', `xx${JWT}yy`],
  ['a bearer value', 'Authorization: Bearer opaque-token-value-42'],
  ['a Basic authorization header', 'authorization: Basic dXNlcjpwYXNzd29yZA=='],
  ['an access_token JSON field', '{"access_token":"opaque.value.here","expires_in":3600}'],
  ['an access_token in a form body', 'grant=x&access_token=opaque-value-9&x=1'],
  ['the endpoint key header', '{"x-mi-smoke-key":"the-endpoint-key-0123"}'],
  ['a bare long base64url run (a signature)', `sig ${'A'.repeat(70)} end`]
])('removes %s', (_name, text) => {
  const redacted = redactSecrets(text)
  expect(redacted).toContain('[redacted]')
  for (const secret of [
    SIGNATURE,
    'opaque-token-value-42',
    'dXNlcjpwYXNzd29yZA',
    'opaque.value.here',
    'opaque-value-9',
    'the-endpoint-key-0123',
    'A'.repeat(70)
  ])
    expect(redacted).not.toContain(secret)
})

test('leaves identifiers and prose alone', () => {
  const text =
    'AuthorizationFailed: client 2d3c4b5a-1f0e-4d9c-8b7a-6f5e4d3c2b1a has no access to /subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-1 (Bearer authentication required); claims eyJvaWQiOiJ4In0'
  expect(redactSecrets(text)).toBe(text.replace('eyJvaWQiOiJ4In0', '[redacted]'))
  const plain =
    'The client does not have authorization to perform action on https://management.azure.com/'
  expect(redactSecrets(plain)).toBe(plain)
})

test('the action\'s own prose after "bearer" survives; a credential there still goes', () => {
  // The clause punctuation after the word is not part of a credential.
  for (const prose of [
    'if App Service authentication redirects to a login page, call it with endpoint-audience (a bearer token) instead.',
    'The endpoint expects a bearer token.',
    'Send a Bearer header, then retry: bearer tokens, bearer auth; (bearer)'
  ])
    expect(redactSecrets(prose)).toBe(prose)
  for (const [text, expected] of [
    ['Authorization was Bearer abc123) for it', 'Authorization was Bearer [redacted] for it'],
    ['(Bearer tok3n.)', '(Bearer [redacted]'],
    ['sent bearer 0pq-rst_uvw. then', 'sent bearer [redacted] then']
  ])
    expect(redactSecrets(text!)).toBe(expected)
})

test('a registered secret is removed wherever it appears, even inside other words', () => {
  registerSecretText('s3cr3t-key-value')
  expect(redactSecrets('reflected: xs3cr3t-key-valuex and s3cr3t-key-value')).toBe(
    'reflected: x[redacted]x and [redacted]'
  )
  expect(redactDeep({ a: ['s3cr3t-key-value'], n: 1 })).toEqual({ a: ['[redacted]'], n: 1 })
})

test('containsJwt finds three segments, not claims alone', () => {
  expect(containsJwt(`a ${JWT} b`)).toBe(true)
  expect(containsJwt('eyJvaWQiOiJ4In0')).toBe(false)
  expect(containsJwt('eyJ'.repeat(10_000))).toBe(false)
  expect(containsJwt(`${'eyJ'.repeat(1000)}.${'a'.repeat(10)}.${'b'.repeat(10)}`)).toBe(true)
})

test('property: a token anywhere in any text is gone after redaction, and redaction is idempotent', () => {
  const b64 = fc.string({
    unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'),
    minLength: 20,
    maxLength: 80
  })
  fc.assert(
    fc.property(
      fc.string({ maxLength: 200 }),
      b64,
      b64,
      b64,
      fc.string({ maxLength: 200 }),
      (before, header, payload, signature, after) => {
        const token = `eyJ${header}.${payload}.${signature}`
        const redacted = redactSecrets(`${before}${token}${after}`)
        expect(redacted).not.toContain(signature)
        expect(containsJwt(redacted)).toBe(false)
        expect(redactSecrets(redacted)).toBe(redacted)
      }
    ),
    { numRuns: 300 }
  )
})

test('linear: 1 MiB of eyJeyJ..., dotted runs and base64url redact to a bounded result', () => {
  // Work is measured by what comes out: a single [redacted] for a run, whatever its length.
  const mib = 1024 * 1024
  expect(redactSecrets('eyJ'.repeat(mib / 3))).toBe('[redacted]')
  expect(redactSecrets('eyJabcdefgh.'.repeat(mib / 12)).startsWith('[redacted]')).toBe(true)
  expect(redactSecrets('a'.repeat(mib))).toBe('[redacted]')
})
