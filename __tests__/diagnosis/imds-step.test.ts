import { diagnose } from '../../src/engine/diagnosis/diagnose'
import type { Exchange, Observations } from '../../src/contracts/observations'
import type { StepReport } from '../../src/contracts/report'
import { api, BODIES, observations, plan, SUB, token, VM_ID } from '../helpers/diagnosis-fixtures'

const INSTANCE_URL = 'http://169.254.169.254/metadata/instance?api-version=2021-02-01'

function imdsOf(obs: Observations): StepReport {
  const report = diagnose(obs, plan())
  const step = report.steps[0] as StepReport
  expect(step.step).toBe('imds')
  return step
}

function withInstance(instance: Partial<Exchange>): Observations {
  return observations({ instance: { url: INSTANCE_URL, attempts: 1, ms: 12, ...instance } })
}

describe('imds step on IMDS', () => {
  test('200: pass, naming subscription, resource, cloud and location', () => {
    const step = imdsOf(observations())
    expect(step.status).toBe('pass')
    expect(step.failureMode).toBeUndefined()
    expect(step.detail).toContain(`subscription ${SUB}`)
    expect(step.detail).toContain(`resource ${VM_ID}`)
    expect(step.detail).toContain('cloud AzurePublicCloud')
    expect(step.detail).toContain('location westeurope')
    expect(step.durationMs).toBe(12)
  })

  test.each<[string, Partial<Exchange>, string, RegExp, RegExp]>([
    [
      'timeout',
      { error: 'timeout', ms: 10_000 },
      'platform-unreachable',
      /no answer within 10 s/,
      /169\.254\.169\.254:80.*NO_PROXY/
    ],
    [
      'connection refused',
      { error: 'refused', errorText: 'connect ECONNREFUSED 169.254.169.254:80' },
      'platform-unreachable',
      /connection refused.*ECONNREFUSED/,
      /NSG/
    ],
    [
      'connection reset',
      { error: 'reset' },
      'platform-unreachable',
      /reset/,
      /NSG, host firewall and route table/
    ],
    [
      'network unreachable',
      { error: 'unreachable', errorText: 'connect ENETUNREACH' },
      'platform-unreachable',
      /unreachable/,
      /really runs on an Azure VM/
    ],
    [
      '429 after retries',
      { status: 429, attempts: 4, ms: 7100, retryAfter: '5', body: BODIES.imdsTooMany },
      'throttled',
      /429.*4 attempts/,
      /Retry-After: 5.*20 identity requests per second/
    ],
    [
      '410 while updating',
      { status: 410, attempts: 8, ms: 70_000 },
      'platform-unreachable',
      /IMDS is updating \(HTTP 410/,
      /back within 70 s/
    ],
    [
      '500',
      { status: 500, attempts: 4, body: BODIES.imdsUnknown },
      'platform-unreachable',
      /IMDS is unavailable \(HTTP 500/,
      /restart the VM agent/
    ],
    [
      '503',
      { status: 503, attempts: 4 },
      'platform-unreachable',
      /unavailable \(HTTP 503/,
      /restart the VM agent/
    ],
    [
      '502 page from a proxy',
      { status: 502, body: BODIES.proxy502 },
      'platform-unreachable',
      /a proxy answered 502, not IMDS/,
      /NO_PROXY/
    ],
    [
      '400 proxy page',
      {
        status: 400,
        body: '<html><title>Bad Request</title>ERROR: The requested URL could not be retrieved (squid)</html>'
      },
      'platform-unreachable',
      /something other than IMDS answered HTTP 400.*proxy/,
      /NO_PROXY/
    ],
    [
      '400 from IMDS itself',
      { status: 400, body: BODIES.imdsBadApiVersion },
      'platform-unreachable',
      /IMDS refused the instance request \(400 Bad request/,
      /X-Forwarded-For/
    ],
    [
      '403 proxy page',
      { status: 403, body: BODIES.proxyHtml403 },
      'platform-unreachable',
      /other than IMDS answered HTTP 403/,
      /NO_PROXY/
    ],
    [
      '407 proxy auth',
      { status: 407, body: BODIES.proxy407 },
      'platform-unreachable',
      /HTTP 407/,
      /NO_PROXY/
    ]
  ])('%s → %s', (_name, instance, mode, detail, remediation) => {
    const step = imdsOf(withInstance(instance))
    expect(step.status).toBe('fail')
    expect(step.failureMode).toBe(mode)
    expect(step.detail).toMatch(detail)
    expect(step.remediation).toMatch(remediation)
    expect(step.detail).not.toMatch(/\n/)
    expect(step.remediation).not.toMatch(/\n/)
  })
})

describe('imds step without an identity source', () => {
  test('source none: names the variables looked for and what IMDS did', () => {
    const obs = observations({
      source: 'none',
      sourceDetail: undefined,
      instance: { url: INSTANCE_URL, error: 'timeout', attempts: 1, ms: 2000 },
      meta: undefined,
      tokens: [],
      apis: []
    })
    const report = diagnose(obs, plan())
    const step = report.steps[0] as StepReport
    expect(step).toMatchObject({
      step: 'imds',
      status: 'fail',
      failureMode: 'platform-unreachable'
    })
    expect(step.detail).toMatch(/no managed identity endpoint in this environment/)
    for (const name of [
      'IDENTITY_ENDPOINT',
      'IDENTITY_HEADER',
      'MSI_ENDPOINT',
      'AZURE_FEDERATED_TOKEN_FILE'
    ]) {
      expect(step.detail).toContain(name)
    }
    expect(step.detail).toMatch(
      /IMDS at http:\/\/169\.254\.169\.254 answered nothing: no answer within 2 s/
    )
    expect(step.remediation).toMatch(/az vm identity assign/)
    expect(report.environment).toBe('unknown')
    expect(report.failedStep).toBe('imds')
    expect(report.failureMode).toBe('platform-unreachable')
    // Nothing later can have run: token and api steps are skipped.
    expect(report.steps.slice(1).map(s => [s.step, s.status])).toEqual([
      ['token', 'skip'],
      ['api', 'skip']
    ])
  })

  test('source none without any IMDS attempt says so', () => {
    const step = imdsOf(observations({ source: 'none', instance: undefined, tokens: [], apis: [] }))
    expect(step.detail).toMatch(/IMDS was not asked/)
  })
})

describe('imds step on sources without instance metadata', () => {
  const appService = (first: Partial<Parameters<typeof token>[0]>): Observations =>
    observations({
      source: 'app-service',
      sourceDetail: 'IDENTITY_ENDPOINT and IDENTITY_HEADER set',
      instance: undefined,
      meta: { subscriptionId: SUB },
      tokens: [
        token({
          url: 'http://localhost:42356/msi/token?resource=x&api-version=2019-08-01',
          ...first
        })
      ]
    })

  test('any HTTP answer of the first token exchange proves reachability', () => {
    for (const status of [200, 400, 500]) {
      const step = imdsOf(appService({ status }))
      expect(step.status).toBe('pass')
      expect(step.detail).toContain(
        'app-service identity endpoint http://localhost:42356/msi/token answered'
      )
      expect(step.detail).toContain('IDENTITY_ENDPOINT and IDENTITY_HEADER set')
      expect(step.detail).toContain(`subscription ${SUB}`)
      expect(step.detail).not.toContain('resource=x') // no query in details
    }
  })

  test('no answer → platform-unreachable, token step skipped as the same trouble', () => {
    const obs = appService({
      status: undefined,
      error: 'refused',
      fields: undefined,
      shape: undefined,
      claims: undefined
    })
    obs.apis = [
      api({
        status: undefined,
        attempts: 0,
        notCalled: 'no token for https://management.azure.com/'
      })
    ]
    const report = diagnose(obs, plan())
    expect(report.steps.map(s => [s.step, s.status, s.failureMode])).toEqual([
      ['imds', 'fail', 'platform-unreachable'],
      ['token', 'skip', undefined],
      ['api', 'skip', undefined]
    ])
    expect(report.steps[0]?.detail).toMatch(/did not answer: connection refused/)
    expect(report.steps[0]?.remediation).toMatch(/restart the app/)
    expect(report.environment).toBe('app-service')
  })

  test('IMDS source that reported no instance exchange falls back to the token exchange', () => {
    const step = imdsOf(observations({ instance: undefined }))
    expect(step.status).toBe('pass')
  })

  test('a source with no token exchange at all is an incomplete probe', () => {
    const step = imdsOf(observations({ source: 'arc', instance: undefined, tokens: [] }))
    expect(step).toMatchObject({ status: 'fail', failureMode: 'dispatch-failed' })
  })
})
