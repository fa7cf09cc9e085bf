import { diagnose, type DiagnosisPlan } from '../../src/engine/diagnosis/diagnose'
import type { Observations, TokenObservation } from '../../src/contracts/observations'
import type { StepReport } from '../../src/contracts/report'
import {
  ARM,
  BODIES,
  encodeClaims,
  KV,
  kvCheck,
  NOW_MS,
  NOW_S,
  observations,
  plan,
  SYSTEM_APPID,
  SYSTEM_OID,
  systemClaims,
  TID,
  token,
  UAI_CLIENT,
  UAI_ID,
  UAI_OID,
  api
} from '../helpers/diagnosis-fixtures'

function tokenStepOf(
  t: Partial<TokenObservation>,
  p: Partial<DiagnosisPlan> = {},
  o: Partial<Observations> = {}
): StepReport {
  const report = diagnose(observations({ tokens: [token(t)], ...o }), plan(p))
  const step = report.steps.find(s => s.step === 'token') as StepReport
  expect(step).toBeDefined()
  expect(step.audience).toBe(t.resource ?? ARM)
  return step
}

describe('token step: a good token', () => {
  test('pass, with principal, appid, aud and minutes left; claims and ISO expiry reported', () => {
    const step = tokenStepOf({})
    expect(step.status).toBe('pass')
    expect(step.detail).toBe(
      `token for ${ARM} issued to principal ${SYSTEM_OID}, appid ${SYSTEM_APPID}, aud ${ARM}, tenant ${TID}, expires in 60 min`
    )
    expect(step.claims).toMatchObject({ oid: SYSTEM_OID, appid: SYSTEM_APPID, tid: TID, aud: ARM })
    expect(step.expiresOn).toBe(new Date(NOW_MS + 3_600_000).toISOString())
    expect(step.durationMs).toBe(40)
    expect(step.remediation).toBeUndefined()
  })

  test.each<[string, string | number]>([
    ['legacy Windows date', '11/26/2026 04:20:00 PM +00:00'],
    ['legacy Linux date', '11/26/2026 16:20:00 +00:00'],
    ['JSON number', NOW_S + 3600]
  ])('expires_on as %s', (_name, expiresOn) => {
    const step = tokenStepOf({ fields: { expires_on: expiresOn } })
    expect(step.status).toBe('pass')
    expect(step.expiresOn).toBe('2026-11-26T16:20:00.000Z')
  })

  test.each([
    'https://management.azure.com',
    'https://management.core.windows.net/',
    'https://management.core.windows.net'
  ])('ARM audience variant %s is accepted for a management.azure.com/ request', aud => {
    expect(tokenStepOf({ claims: encodeClaims(systemClaims({ aud })) }).status).toBe('pass')
  })

  test('a v2 token whose aud is the resource application ID passes', () => {
    const claims = encodeClaims(systemClaims({ aud: 'cfa8b339-82a2-471a-a3c9-0fc0be7a4093' }))
    expect(tokenStepOf({ resource: KV, claims }, { checks: [kvCheck()] }).status).toBe('pass')
  })

  test('workload identity: expires_in and exp stand in for a missing expires_on', () => {
    const step = tokenStepOf(
      { fields: { expires_in: 3599, token_type: 'Bearer' } },
      {},
      { source: 'workload-identity', instance: undefined }
    )
    expect(step.status).toBe('pass')
    expect(step.expiresOn).toBe(new Date(NOW_MS + 3_600_000).toISOString())
  })
})

describe('token step: failures of the token exchange', () => {
  test.each<[string, Partial<TokenObservation>, Partial<DiagnosisPlan>, string, RegExp, RegExp]>([
    [
      'transport timeout',
      { status: undefined, error: 'timeout', ms: 10_000 },
      {},
      'platform-unreachable',
      /got no answer: no answer within 10 s/,
      /169\.254\.169\.254:80/
    ],
    [
      '400 Identity not found, system',
      { status: 400, body: BODIES.imdsIdentityNotFound },
      {},
      'no-identity',
      /no system-assigned managed identity.*Identity not found/,
      /az vm identity assign --ids \/subscriptions\/.*virtualMachines\/web-1/
    ],
    [
      '400 Identity not found, client ID',
      { status: 400, body: BODIES.imdsIdentityNotFound },
      { identity: { kind: 'client-id', value: UAI_CLIENT } },
      'wrong-identity',
      new RegExp(`client ID ${UAI_CLIENT} is not assigned`),
      /check the client ID.*resource ID pasted where the client ID belongs is a common mistake/
    ],
    [
      '400 Identity not found, object ID',
      { status: 400, body: BODIES.imdsIdentityNotFound },
      { identity: { kind: 'object-id', value: UAI_OID } },
      'wrong-identity',
      new RegExp(`object ID ${UAI_OID} is not assigned`),
      /principalId/
    ],
    [
      '400 Identity not found, resource ID',
      { status: 400, body: BODIES.imdsIdentityNotFound },
      { identity: { kind: 'resource-id', value: UAI_ID } },
      'wrong-identity',
      /userAssignedIdentities\/app-id is not assigned/,
      new RegExp(`--identities ${UAI_ID.replace(/[/.]/g, '\\$&')}`)
    ],
    [
      '400 several user-assigned identities',
      { status: 400, body: BODIES.imdsMultiple },
      {},
      'wrong-identity',
      /several user-assigned identities/,
      /set the input identity: to the client ID/
    ],
    [
      '400 invalid_resource (AADSTS500011)',
      { resource: 'https://nothing.example', status: 400, body: BODIES.imdsInvalidResource },
      {},
      'wrong-audience',
      /does not know the resource https:\/\/nothing\.example/,
      /resource=/
    ],
    [
      '400 AADSTS500011 in a cut body',
      { status: 400, body: BODIES.imdsInvalidResource.slice(0, 90) },
      {},
      'wrong-audience',
      /resource principal not found/,
      /Entra ID knows no resource/
    ],
    [
      '400 missing Metadata header',
      { status: 400, body: BODIES.imdsNoMetadataHeader },
      {},
      'platform-unreachable',
      /Metadata header/,
      /NO_PROXY/
    ],
    [
      '400 proxy page',
      { status: 400, body: '<html><title>400 Bad Request</title></html>' },
      {},
      'platform-unreachable',
      /a proxy answered 400/,
      /NO_PROXY/
    ],
    [
      '400 other IMDS error',
      { status: 400, body: BODIES.imdsBadApiVersion },
      {},
      'token-invalid',
      /refused the token request \(400\)/,
      /usable token/
    ],
    [
      '429 after retries',
      { status: 429, attempts: 4, body: BODIES.imdsTooMany, retryAfter: '2' },
      {},
      'throttled',
      /429 Too Many Requests \(4 attempts/,
      /Retry-After: 2/
    ],
    [
      '500',
      { status: 500, attempts: 4, body: BODIES.imdsUnknown },
      {},
      'platform-unreachable',
      /unavailable \(HTTP 500.*Failed to retrieve token/,
      /restart the VM agent/
    ],
    ['404', { status: 404, attempts: 4 }, {}, 'platform-unreachable', /HTTP 404/, /run again/],
    [
      '410',
      { status: 410, attempts: 8 },
      {},
      'platform-unreachable',
      /updating \(HTTP 410/,
      /70 s/
    ],
    [
      '407 proxy',
      { status: 407, body: BODIES.proxy407 },
      {},
      'platform-unreachable',
      /a proxy answered 407/,
      /NO_PROXY/
    ],
    [
      '403 from the endpoint',
      { status: 403, body: '{"error":"forbidden","error_description":"bad secret"}' },
      {},
      'platform-unreachable',
      /refused the token request \(HTTP 403\)/,
      /./
    ],
    [
      '302 redirect',
      { status: 302 },
      {},
      'token-invalid',
      /answered HTTP 302 instead of a token/,
      /./
    ]
  ])('%s → %s', (_name, t, p, mode, detail, remediation) => {
    const step = tokenStepOf({ fields: undefined, shape: undefined, claims: undefined, ...t }, p)
    expect(step.status).toBe('fail')
    expect(step.failureMode).toBe(mode)
    expect(step.detail).toMatch(detail)
    expect(step.remediation).toMatch(remediation)
    expect(step.claims).toBeUndefined()
  })

  test('App Service "Unable to load the proper Managed Identity" for a client ID → wrong-identity', () => {
    const step = tokenStepOf(
      {
        status: 400,
        body: BODIES.appServiceUnableToLoad,
        fields: undefined,
        shape: undefined,
        claims: undefined
      },
      { identity: { kind: 'client-id', value: UAI_CLIENT } },
      { source: 'app-service', instance: undefined, meta: undefined }
    )
    expect(step.failureMode).toBe('wrong-identity')
    expect(step.remediation).toMatch(/az webapp identity assign/)
  })

  test('App Service 401 on a stale IDENTITY_HEADER names the rotation', () => {
    const step = tokenStepOf(
      { status: 401, body: '', fields: undefined, shape: undefined, claims: undefined },
      {},
      { source: 'app-service', instance: undefined }
    )
    expect(step.failureMode).toBe('platform-unreachable')
    expect(step.remediation).toMatch(/IDENTITY_HEADER/)
  })
})

describe('token step: the token itself', () => {
  const minutes = (n: number): string => String(NOW_S + n * 60)
  test.each<
    [string, Partial<TokenObservation>, Partial<DiagnosisPlan>, 'warn' | 'fail', string, RegExp]
  >([
    [
      'malformed JSON',
      {
        fields: undefined,
        shape: undefined,
        claims: undefined,
        body: '{"access_token":"eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.x'
      },
      {},
      'fail',
      'token-invalid',
      /not with a JSON token response/
    ],
    [
      'no access_token',
      { shape: 'absent', claims: undefined },
      {},
      'fail',
      'token-invalid',
      /no access_token/
    ],
    [
      'opaque access_token',
      { shape: 'opaque', claims: undefined },
      {},
      'fail',
      'token-invalid',
      /not a JWT/
    ],
    [
      'unreadable payload',
      { claims: Buffer.from('garbage').toString('base64url') },
      {},
      'fail',
      'token-invalid',
      /payload cannot be read: the token payload is not JSON/
    ],
    [
      'expires_on missing',
      { fields: { token_type: 'Bearer' } },
      {},
      'fail',
      'token-invalid',
      /expires_on is missing/
    ],
    [
      'expires_on in the past',
      { fields: { expires_on: minutes(-10) } },
      {},
      'fail',
      'token-invalid',
      /expired 10 min ago/
    ],
    [
      'expires_on nonsense',
      { fields: { expires_on: 'soon' } },
      {},
      'fail',
      'token-invalid',
      /expires_on "soon" is not a time/
    ],
    [
      'expires_on 40 days ahead',
      { fields: { expires_on: minutes(40 * 24 * 60) } },
      {},
      'fail',
      'token-invalid',
      /no managed identity token is/
    ],
    [
      'expires_on 2 minutes ahead',
      { fields: { expires_on: minutes(2) } },
      {},
      'warn',
      'token-invalid',
      /expires in 2 min \(under 5 min/
    ],
    [
      'expires_on 2 days ahead',
      { fields: { expires_on: minutes(48 * 60) } },
      {},
      'warn',
      'token-invalid',
      /more than the 24 h/
    ],
    [
      'legacy expires_on in the past',
      { fields: { expires_on: '11/26/2026 02:20:00 PM +00:00' } },
      {},
      'fail',
      'token-invalid',
      /expired 60 min ago/
    ],
    [
      'no aud claim',
      { claims: encodeClaims(systemClaims({ aud: undefined })) },
      {},
      'fail',
      'token-invalid',
      /no aud claim/
    ],
    [
      'aud of another resource',
      { claims: encodeClaims(systemClaims({ aud: KV })) },
      {},
      'fail',
      'wrong-audience',
      /aud is https:\/\/vault\.azure\.net but https:\/\/management\.azure\.com\/ was requested/
    ],
    [
      'appid of another identity',
      {},
      { identity: { kind: 'client-id', value: UAI_CLIENT } },
      'fail',
      'wrong-identity',
      new RegExp(`client ID ${UAI_CLIENT} was expected but the token's appid is ${SYSTEM_APPID}`)
    ],
    [
      'oid other than expected-principal-id',
      {},
      { expectedPrincipalId: UAI_OID },
      'fail',
      'wrong-identity',
      new RegExp(`${UAI_OID} was expected but the token's oid is ${SYSTEM_OID}`)
    ],
    [
      'xms_mirid other than the resource ID',
      {},
      { identity: { kind: 'resource-id', value: UAI_ID } },
      'fail',
      'wrong-identity',
      /xms_mirid is \/subscriptions/
    ],
    [
      'system asked but a user-assigned identity answered',
      {
        claims: encodeClaims(systemClaims({ oid: UAI_OID, appid: UAI_CLIENT, xms_mirid: UAI_ID }))
      },
      {},
      'warn',
      'wrong-identity',
      /system-assigned identity was asked for but the token belongs to user-assigned identity/
    ]
  ])('%s → %s %s', (_name, t, p, status, mode, detail) => {
    const step = tokenStepOf(t, p)
    expect(step.status).toBe(status)
    expect(step.failureMode).toBe(mode)
    expect(step.detail).toMatch(detail)
    expect(step.remediation).toBeTruthy()
    expect(step.detail).not.toMatch(/eyJ0eXAi/)
  })

  test('the wrong-identity remediation names what the token carried', () => {
    const step = tokenStepOf(
      {},
      { identity: { kind: 'client-id', value: UAI_CLIENT }, expectedPrincipalId: UAI_OID }
    )
    expect(step.remediation).toContain(`oid ${SYSTEM_OID}`)
    expect(step.remediation).toContain(`appid ${SYSTEM_APPID}`)
    expect(step.remediation).toMatch(/expected-principal-id/)
    // Both problems are in the detail; the first failure leads.
    expect(step.detail).toMatch(/^client ID .* also: expected principal ID/)
  })

  test('a failed check keeps the claims and the expiry for the report', () => {
    const step = tokenStepOf({ fields: { expires_on: minutes(-1) } })
    expect(step.claims?.oid).toBe(SYSTEM_OID)
    expect(step.expiresOn).toBe(new Date(NOW_MS - 60_000).toISOString())
  })

  test('fail outranks warn: expired and about-to-expire cannot both hold, but expired + unconfirmed appid leads with expiry', () => {
    const step = tokenStepOf(
      {
        fields: { expires_on: minutes(-1) },
        claims: encodeClaims(systemClaims({ appid: undefined }))
      },
      { identity: { kind: 'client-id', value: UAI_CLIENT } }
    )
    expect(step.status).toBe('fail')
    expect(step.failureMode).toBe('token-invalid')
    expect(step.detail).toMatch(/^the token expired .* also: the token carries no appid claim/)
  })
})

describe('token steps per audience', () => {
  test('a failed token for one audience does not stop the other audience', () => {
    const report = diagnose(
      observations({
        tokens: [
          token({
            status: 400,
            body: BODIES.imdsInvalidResource,
            fields: undefined,
            shape: undefined,
            claims: undefined
          }),
          token({ resource: KV })
        ],
        apis: [
          api({ status: undefined, attempts: 0, notCalled: 'no token' }),
          api({ check: 1, url: 'https://kv-web.vault.azure.net/secrets?api-version=7.4' })
        ]
      }),
      plan({ checks: [plan().checks[0]!, kvCheck()] })
    )
    expect(report.steps.map(s => [s.step, s.status, s.audience ?? s.check])).toEqual([
      ['imds', 'pass', undefined],
      ['token', 'fail', ARM],
      ['token', 'pass', KV],
      ['api', 'skip', expect.stringContaining('management.azure.com')],
      ['api', 'pass', 'https://kv-web.vault.azure.net/secrets?api-version=7.4']
    ])
    expect(report.failedStep).toBe('token')
    expect(report.failureMode).toBe('wrong-audience')
  })
})
