/**
 * The handler's rules on their own: allowlist, authentication, rate limit, request parsing.
 */
import { createAllowlist } from '../../packages/smoke-endpoint/src/allowlist'
import {
  authenticate,
  keysMatch,
  MIN_KEY_LENGTH
} from '../../packages/smoke-endpoint/src/authenticate'
import { parseRequestBody, RequestRefused } from '../../packages/smoke-endpoint/src/parse-request'
import { createRateLimiter } from '../../packages/smoke-endpoint/src/rate-limit'

const KEY = 'k3y-for-tests-0123456789'

function principal(claims: Array<[string, string]>): string {
  return Buffer.from(
    JSON.stringify({ auth_typ: 'aad', claims: claims.map(([typ, val]) => ({ typ, val })) })
  ).toString('base64')
}

describe('allowlist (default: the Azure service hosts table)', () => {
  const allow = createAllowlist()

  test.each([
    [
      'https://management.azure.com/subscriptions/{subscriptionId}/resourcegroups?api-version=2021-04-01',
      'https://management.azure.com/'
    ],
    [
      'https://management.azure.com/subscriptions?api-version=2022-12-01',
      'https://management.core.windows.net/'
    ],
    ['https://myvault.vault.azure.net/secrets?api-version=7.4', 'https://vault.azure.net'],
    [
      'https://management.usgovcloudapi.net/subscriptions?api-version=2022-12-01',
      'https://management.usgovcloudapi.net/'
    ]
  ])('allows %s for %s', (url, resource) => {
    expect(allow({ url, resource })).toEqual({ allowed: true })
  })

  test.each([
    [
      'https://attacker.example.com/collect',
      'https://management.azure.com/',
      /not an Azure service host/
    ],
    [
      'https://management.azure.com.attacker.example/x',
      'https://management.azure.com/',
      /not an Azure service host/
    ],
    [
      'https://myvault.vault.azure.net/secrets',
      'https://management.azure.com/',
      /accepts tokens for https:\/\/vault.azure.net/
    ],
    [
      'https://management.azure.com/subscriptions',
      'https://vault.azure.net',
      /does not accept|accepts tokens for/
    ],
    [
      'http://management.azure.com/subscriptions',
      'https://management.azure.com/',
      /only travels over https/
    ],
    [
      'https://management.azure.com:8443/subscriptions',
      'https://management.azure.com/',
      /not in this endpoint's allowlist/
    ],
    ['https://user@management.azure.com/x', 'https://management.azure.com/', /user info/],
    ['https://{subscriptionId}.example.com/x', 'https://management.azure.com/', /placeholders/],
    [
      'http://127.0.0.1:8080/subscriptions',
      'https://management.azure.com/',
      /only travels over https/
    ],
    ['not a url', 'https://management.azure.com/', /not an absolute URL/]
  ])('refuses %s for %s', (url, resource, reason) => {
    const decision = createAllowlist()({ url, resource })
    expect(decision.allowed).toBe(false)
    if (!decision.allowed) expect(decision.reason).toMatch(reason)
  })

  test('extra loopback rules allow http only to that exact host:port and its audiences', () => {
    const withEmulator = createAllowlist({
      extraRules: [
        { host: '127.0.0.1:4000', audiences: ['https://vault.azure.net'], allowHttp: true }
      ]
    })
    expect(
      withEmulator({ url: 'http://127.0.0.1:4000/secrets', resource: 'https://vault.azure.net' })
        .allowed
    ).toBe(true)
    expect(
      withEmulator({ url: 'http://127.0.0.1:4001/secrets', resource: 'https://vault.azure.net' })
        .allowed
    ).toBe(false)
    expect(
      withEmulator({ url: 'http://127.0.0.1:4000/secrets', resource: 'https://storage.azure.com/' })
        .allowed
    ).toBe(false)
  })

  test('an extra rule may not allow plain http off loopback', () => {
    expect(() =>
      createAllowlist({ extraRules: [{ host: 'example.com', audiences: ['x'], allowHttp: true }] })
    ).toThrow(/loopback/)
  })

  test('azureHosts: false leaves only the extra rules', () => {
    const only = createAllowlist({ azureHosts: false, extraRules: [] })
    expect(
      only({ url: 'https://management.azure.com/x', resource: 'https://management.azure.com/' })
        .allowed
    ).toBe(false)
  })
})

describe('authenticate', () => {
  test('the right key passes, a wrong or missing one does not', () => {
    expect(authenticate({ 'x-mi-smoke-key': KEY }, { key: KEY, env: {} })).toEqual({
      ok: true,
      via: 'key'
    })
    expect(authenticate({ 'x-mi-smoke-key': `${KEY}x` }, { key: KEY, env: {} })).toMatchObject({
      ok: false,
      code: 'unauthorized'
    })
    expect(authenticate({ 'x-mi-smoke-key': KEY.slice(1) }, { key: KEY, env: {} })).toMatchObject({
      ok: false
    })
    expect(authenticate({}, { key: KEY, env: {} })).toMatchObject({
      ok: false,
      message: /missing x-mi-smoke-key/
    })
  })

  test('keysMatch compares digests, so keys of different lengths compare without throwing', () => {
    expect(keysMatch('a', 'a much longer key')).toBe(false)
    expect(keysMatch('same key value!!', 'same key value!!')).toBe(true)
  })

  test('without a usable key or App Service authentication nobody gets in', () => {
    expect(authenticate({ 'x-mi-smoke-key': 'short' }, { key: 'short', env: {} })).toMatchObject({
      ok: false,
      code: 'not-configured'
    })
    expect(authenticate({ 'x-mi-smoke-key': '' }, { env: {} })).toMatchObject({
      ok: false,
      code: 'not-configured'
    })
    expect(MIN_KEY_LENGTH).toBeGreaterThanOrEqual(16)
  })

  const easyAuth = { audiences: ['api://mi-smoke'] }
  const good = principal([
    ['aud', 'api://mi-smoke'],
    ['oid', '11111111-1111-1111-1111-111111111111']
  ])

  test('App Service authentication counts only when the platform says it is on', () => {
    const headers = { authorization: 'Bearer x', 'x-ms-client-principal': good }
    expect(
      authenticate(headers, { appServiceAuth: easyAuth, env: { WEBSITE_AUTH_ENABLED: 'True' } })
    ).toEqual({ ok: true, via: 'app-service-auth' })
    // Without WEBSITE_AUTH_ENABLED anyone could have written the header.
    expect(authenticate(headers, { appServiceAuth: easyAuth, env: {} })).toMatchObject({
      ok: false,
      message: /not enabled/
    })
    expect(
      authenticate(headers, {
        appServiceAuth: { ...easyAuth, trustPrincipalHeader: true },
        env: {}
      })
    ).toMatchObject({ ok: true })
  })

  test('App Service authentication: audience and allowed callers are checked', () => {
    const env = { WEBSITE_AUTH_ENABLED: 'True' }
    const other = principal([['aud', 'api://other']])
    expect(
      authenticate({ 'x-ms-client-principal': other }, { appServiceAuth: easyAuth, env })
    ).toMatchObject({ ok: false, message: /api:\/\/other/ })
    expect(authenticate({}, { appServiceAuth: easyAuth, env })).toMatchObject({
      ok: false,
      message: /no authenticated caller/
    })
    expect(
      authenticate(
        { 'x-ms-client-principal': 'not base64 json' },
        { appServiceAuth: easyAuth, env }
      )
    ).toMatchObject({ ok: false })
    const allowed = { ...easyAuth, allowedCallers: ['22222222-2222-2222-2222-222222222222'] }
    expect(
      authenticate({ 'x-ms-client-principal': good }, { appServiceAuth: allowed, env })
    ).toMatchObject({ ok: false, message: /allowed callers/ })
  })

  test('a wrong key is refused even when App Service authentication would let the caller in', () => {
    const env = { WEBSITE_AUTH_ENABLED: 'True' }
    expect(
      authenticate(
        { 'x-mi-smoke-key': 'wrong-key-wrong-key', 'x-ms-client-principal': good },
        { key: KEY, appServiceAuth: easyAuth, env }
      )
    ).toMatchObject({ ok: false })
  })
})

describe('rate limit (token bucket)', () => {
  test('six in a burst, then one every ten seconds, with a Retry-After', () => {
    let now = 1_000_000
    const limiter = createRateLimiter({ burst: 6, perMinute: 6 }, () => now)
    for (let i = 0; i < 6; i++) expect(limiter.take().ok).toBe(true)
    const refused = limiter.take()
    expect(refused).toEqual({ ok: false, retryAfterSeconds: 10 })
    now += 9_000
    expect(limiter.take()).toEqual({ ok: false, retryAfterSeconds: 1 })
    now += 1_000
    expect(limiter.take().ok).toBe(true)
    expect(limiter.take().ok).toBe(false)
  })
})

describe('request parsing', () => {
  const valid = {
    v: 1,
    nonce: 'n0nce-1234',
    identity: { kind: 'client-id', value: '6f3e1a2b-1111-2222-3333-444455556666' },
    checks: [
      {
        url: 'https://management.azure.com/subscriptions',
        resource: 'https://management.azure.com/'
      }
    ],
    timeoutMs: 5000,
    imdsEndpoint: 'http://169.254.169.254'
  }

  test('keeps exactly the protocol fields', () => {
    const parsed = parseRequestBody(
      JSON.stringify({ ...valid, script: 'rm -rf /', checks: [{ ...valid.checks[0], run: 'x' }] })
    )
    expect(parsed).toEqual(valid)
  })

  test.each([
    ['not JSON', 'not json', 'malformed', /not JSON/],
    ['another version', JSON.stringify({ ...valid, v: 2 }), 'unsupported-version', /version 1/],
    ['a short nonce', JSON.stringify({ ...valid, nonce: 'x' }), 'malformed', /nonce/],
    ['no checks', JSON.stringify({ ...valid, checks: [] }), 'malformed', /checks/],
    [
      '21 checks',
      JSON.stringify({ ...valid, checks: new Array(21).fill(valid.checks[0]) }),
      'malformed',
      /at most 20/
    ],
    [
      'a client ID that is no GUID',
      JSON.stringify({ ...valid, identity: { kind: 'client-id', value: 'not-a-guid' } }),
      'malformed',
      /GUID/
    ],
    [
      'a bad resource ID',
      JSON.stringify({ ...valid, identity: { kind: 'resource-id', value: '/subscriptions/x' } }),
      'malformed',
      /resource ID/
    ],
    ['a negative timeout', JSON.stringify({ ...valid, timeoutMs: -1 }), 'malformed', /timeoutMs/],
    ['an array', JSON.stringify([valid]), 'malformed', /object/]
  ])('refuses %s', (_label, body, code, message) => {
    let error: unknown
    try {
      parseRequestBody(body)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(RequestRefused)
    expect((error as RequestRefused).status).toBe(400)
    expect((error as RequestRefused).code).toBe(code)
    expect((error as RequestRefused).message).toMatch(message)
  })
})
