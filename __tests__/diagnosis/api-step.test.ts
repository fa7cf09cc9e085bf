import { diagnose, type DiagnosisPlan } from '../../src/engine/diagnosis/diagnose'
import type { Check } from '../../src/engine/inputs/action-inputs'
import {
  BODY_LIMIT,
  type ApiObservation,
  type Observations
} from '../../src/contracts/observations'
import type { StepReport } from '../../src/contracts/report'
import {
  api,
  ARM,
  armCheck,
  BODIES,
  encodeClaims,
  KV,
  kvCheck,
  observations,
  plan,
  SUB,
  SYSTEM_APPID,
  SYSTEM_OID,
  TID,
  systemClaims,
  token
} from '../helpers/diagnosis-fixtures'

const KV_URL = 'https://kv-web.vault.azure.net/secrets?api-version=7.4'
const ARM_URL = `https://management.azure.com/subscriptions/${SUB}/resourcegroups?api-version=2021-04-01`

function armApi(
  a: Partial<ApiObservation>,
  p: Partial<DiagnosisPlan> = {},
  check: Partial<Check> = {}
): StepReport {
  const report = diagnose(
    observations({ apis: [api(a)] }),
    plan({ checks: [armCheck(check)], ...p })
  )
  return report.steps.find(s => s.step === 'api') as StepReport
}

function kvApi(
  a: Partial<ApiObservation>,
  p: Partial<DiagnosisPlan> = {},
  check: Partial<Check> = {}
): StepReport {
  const obs: Observations = observations({
    tokens: [token({ resource: KV })],
    apis: [api({ url: KV_URL, ...a })]
  })
  const report = diagnose(obs, plan({ checks: [kvCheck(check)], ...p }))
  return report.steps.find(s => s.step === 'api') as StepReport
}

describe('api step: success', () => {
  test('2xx with no expect= passes; check is the URL as called, httpStatus set', () => {
    const step = armApi({ status: 200 })
    expect(step).toMatchObject({ status: 'pass', check: ARM_URL, httpStatus: 200, durationMs: 95 })
    expect(step.detail).toBe(
      `GET management.azure.com/subscriptions/${SUB}/resourcegroups answered 200 in 95 ms`
    )
    expect(step.failureMode).toBeUndefined()
  })

  test.each<[number, number[], 'pass' | 'fail']>([
    [204, [], 'pass'],
    [404, [404], 'pass'],
    [200, [404], 'fail'],
    [403, [200, 403], 'pass']
  ])('status %s with expect=%j → %s', (status, expect_, result) => {
    const body = status === 200 ? undefined : BODIES.armNotFound
    expect(armApi({ status, body }, {}, { expect: expect_ }).status).toBe(result)
  })
})

describe('api step: failures', () => {
  test.each<[string, Partial<ApiObservation>, string, RegExp, RegExp]>([
    [
      'DNS failure',
      { status: undefined, error: 'dns', errorText: 'getaddrinfo ENOTFOUND management.azure.com' },
      'egress-blocked',
      /management\.azure\.com:443 could not be reached: the name does not resolve/,
      /does not resolve.*private DNS zone/
    ],
    [
      'connection refused',
      { status: undefined, error: 'refused' },
      'egress-blocked',
      /connection refused/,
      /Allow outbound HTTPS from the workload to management\.azure\.com:443/
    ],
    [
      'timeout',
      { status: undefined, error: 'timeout', ms: 10_000 },
      'egress-blocked',
      /no answer within 10 s/,
      /NSG, Azure Firewall/
    ],
    [
      'TLS failure',
      {
        status: undefined,
        error: 'tls',
        errorText: 'self-signed certificate in certificate chain'
      },
      'egress-blocked',
      /TLS handshake failed/,
      /TLS-inspecting proxy/
    ],
    [
      'reset',
      { status: undefined, error: 'reset' },
      'egress-blocked',
      /reset/,
      /management\.azure\.com:443/
    ],
    [
      'proxy refused CONNECT',
      { status: undefined, error: 'proxy', errorText: 'CONNECT 403' },
      'egress-blocked',
      /proxy failed/,
      /allow management\.azure\.com on the proxy/
    ],
    [
      '403 proxy HTML page',
      { status: 403, body: BODIES.proxyHtml403 },
      'egress-blocked',
      /a proxy answered 403, not the API.*Access Denied/,
      /A proxy or firewall answered.*management\.azure\.com:443/
    ],
    [
      '403 empty body',
      { status: 403, body: '' },
      'egress-blocked',
      /a proxy answered 403.*empty body/,
      /management\.azure\.com:443/
    ],
    [
      '407',
      { status: 407, body: BODIES.proxy407 },
      'egress-blocked',
      /a proxy answered 407/,
      /proxy allow-list/
    ],
    [
      '502 gateway page',
      { status: 502, body: BODIES.proxy502 },
      'egress-blocked',
      /a proxy answered 502/,
      /management\.azure\.com:443/
    ],
    [
      '503 proxy text',
      { status: 503, body: BODIES.proxyText503 },
      'egress-blocked',
      /a proxy answered 503/,
      /./
    ],
    [
      '503 JSON naming a proxy',
      { status: 503, body: '{"message":"blocked by zscaler policy"}' },
      'egress-blocked',
      /a proxy answered 503/,
      /./
    ],
    [
      '401 ExpiredAuthenticationToken',
      { status: 401, body: BODIES.armExpired },
      'token-invalid',
      /refused the token \(ExpiredAuthenticationToken\)/,
      /clock/
    ],
    [
      '401 InvalidAuthenticationToken',
      { status: 401, body: BODIES.armInvalid },
      'token-invalid',
      /InvalidAuthenticationToken/,
      /tid 72f988bf/
    ],
    [
      '401 AKV10032-style refusal',
      {
        status: 401,
        body: '{"error":{"code":"Unauthorized","message":"AKV10032: Invalid token: the token has expired."}}'
      },
      'token-invalid',
      /refused the token \(Unauthorized\)/,
      /clock/
    ],
    [
      '401 page from something else',
      { status: 401, body: '<html><title>Unauthorized</title></html>' },
      'api-error',
      /unexpected answer 401/,
      /./
    ],
    [
      '404 SubscriptionNotFound',
      { status: 404, body: BODIES.armNotFound },
      'api-error',
      /answered 404 and says why: ARM does not know the subscription.*SubscriptionNotFound/,
      /^(?!.*expect=).*Check the subscription ID in the check's URL \(0b1f6471-1bf0-4dda-aec3-111122223333\)/
    ],
    [
      '500 Azure error',
      { status: 500, body: '{"error":{"code":"InternalServerError","message":"oops"}}' },
      'api-error',
      /500.*InternalServerError oops/,
      /./
    ],
    [
      '503 Azure error is the API, not a proxy',
      { status: 503, body: '{"error":{"code":"ServiceUnavailable","message":"try later"}}' },
      'api-error',
      /503.*ServiceUnavailable/,
      /./
    ],
    [
      '409 Conflict',
      { status: 409, body: BODIES.runCommandConflict },
      'api-error',
      /409.*Conflict/,
      // The body states a cause: its words are reported, and `expect=` would hide it.
      /^(?!.*expect=).*says "Conflict: Run command extension execution is in progress.*does not recognise/
    ]
  ])('%s → %s', (_name, a, mode, detail, remediation) => {
    const step = armApi(a)
    expect(step.status).toBe('fail')
    expect(step.failureMode).toBe(mode)
    expect(step.detail).toMatch(detail)
    expect(step.remediation).toMatch(remediation)
    expect(step.detail).not.toMatch(/[\r\n]/)
    expect(step.remediation).not.toMatch(/[\r\n]/)
  })
})

describe('api step: rbac-denied', () => {
  test('ARM AuthorizationFailed: principal, scope from the message, exact az command, propagation advice', () => {
    const step = armApi({ status: 403, body: BODIES.armForbidden })
    expect(step).toMatchObject({ status: 'fail', failureMode: 'rbac-denied', httpStatus: 403 })
    expect(step.detail).toContain(`principal ${SYSTEM_OID}`)
    expect(step.detail).toContain(`over scope /subscriptions/${SUB}`)
    expect(step.detail).toContain('Microsoft.Resources/subscriptions/resourcegroups/read')
    expect(step.remediation).toContain(
      `az role assignment create --assignee-object-id ${SYSTEM_OID} --assignee-principal-type ServicePrincipal --role "Reader" --scope "/subscriptions/${SUB}"`
    )
    expect(step.remediation).toMatch(/take minutes to propagate; set rbac-wait/)
  })

  test('ARM 403 without a scope in the message: the scope comes from the URL', () => {
    const body = '{"error":{"code":"AuthorizationFailed","message":"denied"}}'
    const step = armApi({
      status: 403,
      body,
      url: `https://management.azure.com/subscriptions/${SUB}/resourceGroups/rg-x/resources?api-version=1`
    })
    expect(step.remediation).toContain(`--scope "/subscriptions/${SUB}/resourceGroups/rg-x"`)
    // oid of the token's claims, not of the message (which has none here)
    expect(step.remediation).toContain(`--assignee-object-id ${SYSTEM_OID}`)
  })

  test('the principal comes from the token used for this check', () => {
    const other = '55555555-aaaa-4bbb-8ccc-000000000005'
    const obs = observations({
      tokens: [token({ claims: encodeClaims(systemClaims({ oid: other })) })],
      apis: [api({ status: 403, body: '{"error":{"code":"AuthorizationFailed","message":"x"}}' })]
    })
    const step = diagnose(obs, plan()).steps.find(s => s.step === 'api') as StepReport
    expect(step.remediation).toContain(`--assignee-object-id ${other}`)
  })

  test('with rbac-wait configured, the advice says to raise it', () => {
    const step = armApi({ status: 403, body: BODIES.armForbidden }, { rbacWaitMs: 90_000 })
    expect(step.remediation).toMatch(/rbac-wait is 90 s; raise it/)
  })

  test('Key Vault RBAC (ForbiddenByRbac): vault scope and the Key Vault reader role for readMetadata', () => {
    const step = kvApi({ status: 403, body: BODIES.kvForbiddenRbac })
    expect(step.failureMode).toBe('rbac-denied')
    expect(step.detail).toMatch(/ForbiddenByRbac: Azure RBAC model/)
    expect(step.remediation).toContain(
      `az role assignment create --assignee-object-id ${SYSTEM_OID} --assignee-principal-type ServicePrincipal --role "Key Vault Reader" --scope "/subscriptions/${SUB}/resourcegroups/rg-web/providers/microsoft.keyvault/vaults/kv-web"`
    )
    expect(step.remediation).not.toMatch(/set-policy/)
  })

  test('Key Vault getSecret → Key Vault Secrets User', () => {
    const body = BODIES.kvForbiddenRbac.replace(
      'secrets/readMetadata/action',
      'secrets/getSecret/action'
    )
    expect(kvApi({ status: 403, body }).remediation).toContain('--role "Key Vault Secrets User"')
  })

  test('Key Vault access policy model (AccessDenied): says so and gives az keyvault set-policy', () => {
    const step = kvApi({ status: 403, body: BODIES.kvForbiddenPolicy })
    expect(step.failureMode).toBe('rbac-denied')
    expect(step.detail).toMatch(/access policy model/)
    expect(step.remediation).toContain(
      `az keyvault set-policy --name kv-web --object-id ${SYSTEM_OID} --secret-permissions get list`
    )
    expect(step.remediation).toMatch(/role assignments do not apply/)
    expect(step.remediation).not.toMatch(/az role assignment create/)
  })

  test('Key Vault 403 cut before innererror: both remedies, vault from the host', () => {
    const step = kvApi({ status: 403, body: BODIES.kvForbiddenRbac.slice(0, 150) })
    expect(step.failureMode).toBe('rbac-denied')
    expect(step.remediation).toContain(
      '--scope "$(az keyvault show --name kv-web --query id -o tsv)"'
    )
    expect(step.remediation).toContain('az keyvault set-policy --name kv-web')
  })

  test('Key Vault 403 cut at BODY_LIMIT on a loopback host: the action path is not taken for a vault name', () => {
    const message = [
      'Caller is not authorized to perform action on resource.',
      'If role assignments, deny assignments or role definitions were changed recently, please observe propagation time.',
      `Caller: appid=${SYSTEM_APPID};oid=${SYSTEM_OID};iss=https://sts.windows.net/${TID}/`,
      "Action: 'Microsoft.KeyVault/vaults/secrets/readMetadata/action'",
      `Resource: '/subscriptions/${SUB}/resourcegroups/rg-web/providers/microsoft.keyvault/vaults/kv-web/secrets'`,
      'Assignment: (not found)',
      'Vault: kv-web;location=westeurope',
      ''
    ].join('\r\n')
    const full = JSON.stringify({
      error: { code: 'Forbidden', message, innererror: { code: 'ForbiddenByRbac' } }
    })
    const url = 'http://127.0.0.1:41235/secrets?api-version=7.4'
    for (const cut of [full, full.slice(0, BODY_LIMIT), full.slice(0, 420)]) {
      const step = kvApi(
        { status: 403, body: cut, url },
        {},
        { url, expectedAudience: undefined, resourceFrom: 'explicit' }
      )
      expect(step.failureMode).toBe('rbac-denied')
      expect(step.remediation).toContain(`--assignee-object-id ${SYSTEM_OID}`)
      expect(step.remediation).toContain('--role "Key Vault Reader"')
      expect(step.remediation).not.toMatch(/--name secrets/)
    }
  })

  test('Key Vault firewall (ForbiddenByFirewall) is egress, not RBAC', () => {
    const step = kvApi({ status: 403, body: BODIES.kvFirewall })
    expect(step.failureMode).toBe('egress-blocked')
    expect(step.remediation).toMatch(/az keyvault network-rule add --name kv-web/)
  })

  test('Key Vault on a loopback emulator: recognised by the audience', () => {
    const step = kvApi(
      {
        status: 403,
        body: BODIES.kvForbiddenRbac,
        url: 'http://127.0.0.1:41235/secrets?api-version=7.4'
      },
      {},
      {
        url: 'http://127.0.0.1:41235/secrets?api-version=7.4',
        expectedAudience: undefined,
        resourceFrom: 'explicit'
      }
    )
    expect(step.failureMode).toBe('rbac-denied')
    expect(step.remediation).toContain('--role "Key Vault Reader"')
  })

  test('Storage AuthorizationPermissionMismatch → data reader role on the account', () => {
    const url = 'https://acct1.blob.core.windows.net/c?restype=container&comp=list'
    const obs = observations({
      tokens: [token({ resource: 'https://storage.azure.com/' })],
      apis: [api({ url, status: 403, body: BODIES.storageMismatch })]
    })
    const check = armCheck({
      url,
      line: url,
      resource: 'https://storage.azure.com/',
      expectedAudience: 'https://storage.azure.com/'
    })
    const step = diagnose(obs, plan({ checks: [check] })).steps.find(
      s => s.step === 'api'
    ) as StepReport
    expect(step.failureMode).toBe('rbac-denied')
    expect(step.remediation).toContain(
      '--role "Storage Blob Data Reader" --scope "$(az storage account show --name acct1 --query id -o tsv)"'
    )
  })
})

describe('api step: audience', () => {
  test('Key Vault AKV10022 with a token for another audience: the token is the odd one out', () => {
    const obs = observations({
      tokens: [token({ resource: KV, claims: encodeClaims(systemClaims({ aud: ARM })) })],
      apis: [api({ url: KV_URL, status: 401, body: BODIES.kvWrongAudience })]
    })
    const report = diagnose(obs, plan({ checks: [kvCheck()] }))
    const step = report.steps.find(s => s.step === 'api') as StepReport
    expect(step).toMatchObject({ status: 'fail', failureMode: 'wrong-audience' })
    expect(step.detail).toMatch(
      /AKV10022; requested https:\/\/vault\.azure\.net, token aud https:\/\/management\.azure\.com\//
    )
    expect(step.remediation).toMatch(
      /issued a token for https:\/\/management\.azure\.com\/ although https:\/\/vault\.azure\.net was requested/
    )
    // The token step caught it first.
    expect(report).toMatchObject({ failedStep: 'token', failureMode: 'wrong-audience' })
  })

  test('ARM InvalidAuthenticationTokenAudience when request and token look right: the API and the table disagree', () => {
    const step = armApi({ status: 401, body: BODIES.armWrongAudience })
    expect(step.failureMode).toBe('wrong-audience')
    expect(step.detail).toMatch(
      /refused the token's audience \(InvalidAuthenticationTokenAudience; requested https:\/\/management\.azure\.com\/, token aud https:\/\/management\.azure\.com\/\)/
    )
    expect(step.remediation).toMatch(
      /management\.azure\.com:443 refused a token for https:\/\/management\.azure\.com\/, the audience its host should accept/
    )
  })

  test('ARM InvalidAuthenticationTokenAudience for a host outside the table: the 401 names the audience to use', () => {
    const url = 'https://arm.contoso.internal/subscriptions/x/resourcegroups?api-version=1'
    const obs = observations({
      tokens: [
        token({
          resource: 'api://contoso',
          claims: encodeClaims(systemClaims({ aud: 'api://contoso' }))
        })
      ],
      apis: [api({ url, status: 401, body: BODIES.armWrongAudience })]
    })
    const check = armCheck({
      url,
      line: url,
      resource: 'api://contoso',
      expectedAudience: undefined,
      resourceFrom: 'explicit'
    })
    const step = diagnose(obs, plan({ checks: [check] })).steps.find(
      s => s.step === 'api'
    ) as StepReport
    expect(step.failureMode).toBe('wrong-audience')
    expect(step.remediation).toMatch(
      /^Request the token for https:\/\/management\.azure\.com\/ \(resource=https:\/\/management\.azure\.com\/ on the check, or drop resource= so the host's audience is used\) instead of api:\/\/contoso/
    )
  })

  test('Key Vault AKV10022 when the token looks right: the API and the table disagree', () => {
    const step = kvApi({ status: 401, body: BODIES.kvWrongAudience })
    expect(step.failureMode).toBe('wrong-audience')
    expect(step.remediation).toMatch(
      /kv-web\.vault\.azure\.net:443 refused a token for https:\/\/vault\.azure\.net/
    )
  })

  test('pre-flight: a resource= that does not fit the host warns before any call, even when the call passes', () => {
    const step = armApi({ status: 200 }, {}, { resource: KV, resourceFrom: 'explicit' })
    expect(step.status).toBe('warn')
    expect(step.failureMode).toBe('wrong-audience')
    expect(step.detail).toMatch(
      /resource=https:\/\/vault\.azure\.net does not fit management\.azure\.com, which expects https:\/\/management\.azure\.com\/ \(judged before any call\); the call passed anyway/
    )
    expect(step.remediation).toMatch(
      /Set resource=https:\/\/management\.azure\.com\/ on this check/
    )
  })

  test('pre-flight confirmed by the 401 is a failure', () => {
    const step = armApi(
      { status: 401, body: BODIES.armWrongAudience },
      {},
      { resource: KV, resourceFrom: 'explicit' }
    )
    expect(step.status).toBe('fail')
    expect(step.failureMode).toBe('wrong-audience')
    expect(step.detail).toMatch(/before any call\); confirmed by the API/)
  })

  test('pre-flight with another failure keeps the other failure first', () => {
    const step = armApi(
      { status: 403, body: BODIES.armForbidden },
      {},
      { resource: KV, resourceFrom: 'explicit' }
    )
    expect(step.failureMode).toBe('rbac-denied')
    expect(step.detail).toMatch(/also: resource=/)
  })

  test.each([
    'https://management.azure.com',
    'https://management.core.windows.net/',
    'https://management.core.windows.net'
  ])('no pre-flight warning for ARM variant %s', resource => {
    const obs = observations({ tokens: [token({ resource })] })
    const step = diagnose(
      obs,
      plan({ checks: [armCheck({ resource, resourceFrom: 'explicit' })] })
    ).steps.find(s => s.step === 'api')
    expect(step?.status).toBe('pass')
  })

  test('pre-flight still shows when the token step failed and nothing was called', () => {
    const obs = observations({
      tokens: [
        token({
          resource: KV,
          status: 400,
          body: BODIES.imdsIdentityNotFound,
          fields: undefined,
          shape: undefined,
          claims: undefined
        })
      ],
      apis: [api({ status: undefined, attempts: 0, notCalled: 'no token' })]
    })
    const step = diagnose(
      obs,
      plan({ checks: [armCheck({ resource: KV, resourceFrom: 'explicit' })] })
    ).steps.find(s => s.step === 'api')
    expect(step).toMatchObject({ status: 'warn', failureMode: 'wrong-audience' })
    expect(step?.detail).toMatch(
      /not called: the token step for https:\/\/vault\.azure\.net failed/
    )
  })
})

describe('api step: not called', () => {
  test('skip when its token step failed', () => {
    const obs = observations({
      tokens: [
        token({
          status: 400,
          body: BODIES.imdsIdentityNotFound,
          fields: undefined,
          shape: undefined,
          claims: undefined
        })
      ],
      apis: [api({ status: undefined, attempts: 0, notCalled: 'no token' })]
    })
    const step = diagnose(obs, plan()).steps.find(s => s.step === 'api') as StepReport
    expect(step).toMatchObject({ status: 'skip', check: ARM_URL })
    expect(step.failureMode).toBeUndefined()
    expect(step.httpStatus).toBeUndefined()
  })

  test.each<[string, string, RegExp]>([
    ['placeholder unknown: {subscriptionId}', 'bad-input', /Write the subscription/],
    ['unsafe URL: plain http off loopback', 'bad-input', /https:\/\//],
    ['something else', 'api-error', /did not call it/]
  ])('fail with the reason when the token was fine: %s', (reason, mode, remediation) => {
    const step = armApi({ status: undefined, attempts: 0, notCalled: reason })
    expect(step).toMatchObject({ status: 'fail', failureMode: mode })
    expect(step.detail).toContain(`not called: ${reason}`)
    expect(step.remediation).toMatch(remediation)
  })

  test('a check the probe did not report is an incomplete probe; its URL is expanded from metadata', () => {
    const report = diagnose(observations({ apis: [] }), plan())
    const step = report.steps.find(s => s.step === 'api') as StepReport
    expect(step).toMatchObject({ status: 'fail', failureMode: 'dispatch-failed', check: ARM_URL })
  })

  test('the token was for another audience than this check: still evaluated by its own audience', () => {
    const report = diagnose(
      observations({ tokens: [token({ resource: 'https://management.azure.com' })] }),
      plan({ checks: [armCheck()] })
    )
    expect(report.steps.map(s => s.status)).toEqual(['pass', 'pass', 'pass'])
    expect(report.steps.filter(s => s.step === 'token')).toHaveLength(1)
    expect(ARM).toBe('https://management.azure.com/')
  })
})
