/**
 * runProbe against the emulator, one scenario at a time, asserting the raw observations (the
 * probe observes; diagnosis judges elsewhere). The emulator listens on 127.0.0.1 only, and its URL
 * is always passed as imdsEndpoint.
 */
import { startEmulator } from '../../emulator/emulator'
import type { Emulator, ScenarioName, ScenarioSettings } from '../../emulator/emulator'
import type { Observations } from '../../src/contracts/observations'
import type { IdentitySelection, ProbeRequest } from '../../src/contracts/probe-request'
import { isStorage, NO_TOKEN, runProbe } from '../../src/node-probe/run-probe'
import { conformanceTests } from '../helpers/probe-conformance'
import type { ProbeOptions } from '../../src/node-probe/run-probe'
import { json, startProxy, startServer } from '../helpers/local-servers'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator.close()
})
beforeEach(() => emulator.clearRequests())

const ARM = 'https://management.azure.com/'
const VAULT = 'https://vault.azure.net'

function request(overrides: Partial<ProbeRequest> = {}): ProbeRequest {
  return {
    v: 1,
    nonce: 'nonce-1',
    identity: { kind: 'system' },
    checks: [
      {
        url: `${emulator.apiUrl}/subscriptions/{subscriptionId}/resourcegroups?api-version=2021-04-01`,
        resource: ARM
      },
      { url: `${emulator.apiUrl}/secrets?api-version=7.4`, resource: VAULT },
      { url: `${emulator.apiUrl}/subscriptions?api-version=2022-12-01`, resource: ARM }
    ],
    timeoutMs: 2000,
    imdsEndpoint: emulator.imdsUrl,
    ...overrides
  }
}

/** Retry waits run 20× faster in real time while the probe's clock sees their full length. */
function fastRetries(): Pick<ProbeOptions, 'sleep' | 'now'> & { waits: number[] } {
  let skew = 0
  const waits: number[] = []
  return {
    waits,
    now: () => Date.now() + skew,
    sleep: async ms => {
      waits.push(ms)
      await new Promise(resolve => setTimeout(resolve, ms / 20))
      skew += ms - ms / 20
    }
  }
}

async function probe(
  scenario: ScenarioName | Partial<ScenarioSettings>,
  req: ProbeRequest = request(),
  options: Partial<ProbeOptions> = {}
): Promise<{ obs: Observations; secrets: string[]; ms: number }> {
  await emulator.setScenario(scenario)
  const secrets: string[] = []
  const started = Date.now()
  const obs = await runProbe(req, { env: {}, registerSecret: s => secrets.push(s), ...options })
  const text = JSON.stringify(obs)
  // Whatever happened, no token and no signature is in the observations.
  expect(text).not.toContain(emulator.canary)
  for (const secret of secrets) expect(text).not.toContain(secret)
  return { obs, secrets, ms: Date.now() - started }
}

function claimsOf(obs: Observations, index = 0): Record<string, unknown> {
  const claims = obs.tokens[index]?.claims
  if (claims === undefined) throw new Error('no claims')
  return JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) as Record<string, unknown>
}

describe('runProbe on IMDS (the emulator)', () => {
  it('healthy: instance, one token per audience, every check called', async () => {
    const { obs, secrets } = await probe('healthy')
    expect(obs).toMatchObject({ v: 1, nonce: 'nonce-1', probe: 'local', source: 'imds' })
    expect(obs.sourceDetail).toContain(`IMDS at ${emulator.imdsUrl}`)
    expect(obs.instance).toMatchObject({ status: 200, attempts: 1 })
    expect(obs.meta).toMatchObject({
      subscriptionId: emulator.subscriptionId,
      resourceGroupName: emulator.resourceGroup,
      resourceId: emulator.vmResourceId,
      azEnvironment: 'AzurePublicCloud'
    })
    expect(obs.tokens.map(t => [t.resource, t.status, t.shape])).toEqual([
      [ARM, 200, 'jwt'],
      [VAULT, 200, 'jwt']
    ])
    expect(obs.tokens[0]?.fields).toMatchObject({
      resource: ARM,
      token_type: 'Bearer',
      client_id: emulator.identities.system.clientId
    })
    expect(typeof obs.tokens[0]?.fields?.expires_on).toBe('string')
    expect(obs.tokens[0]?.fields).not.toHaveProperty('access_token')
    expect(claimsOf(obs)).toMatchObject({
      aud: ARM,
      oid: emulator.identities.system.objectId,
      tid: emulator.tenantId
    })
    expect(obs.apis.map(a => [a.check, a.status, a.notCalled])).toEqual([
      [0, 200, undefined],
      [1, 200, undefined],
      [2, 200, undefined]
    ])
    expect(obs.apis[0]?.url).toBe(
      `${emulator.apiUrl}/subscriptions/${emulator.subscriptionId}/resourcegroups?api-version=2021-04-01`
    )
    // Every token was registered as a secret the moment it came, its signature too.
    expect(secrets.filter(s => s.includes('.'))).toHaveLength(2)
    expect(secrets).toContain(emulator.canary)
    // IMDS saw Metadata: true; the API saw the bearer token and no Metadata header.
    const identityRequests = emulator.requests.filter(r => r.port === 'identity')
    expect(identityRequests).toHaveLength(3)
    expect(identityRequests.every(r => r.headers.metadata === 'true')).toBe(true)
    const apiRequests = emulator.requests.filter(r => r.port === 'api')
    expect(apiRequests).toHaveLength(3)
  })

  it.each<[string, IdentitySelection, number]>([
    ['client ID', { kind: 'client-id', value: '6f3e2a14-8b0c-4d1e-9f7a-2c5b8e9d0a13' }, 0],
    ['object ID', { kind: 'object-id', value: 'c3b2a190-8f7e-4d6c-9b5a-4e3d2c1b0a98' }, 1]
  ])('selects a user-assigned identity by %s', async (_words, identity, index) => {
    const { obs } = await probe('healthy', request({ identity }))
    expect(claimsOf(obs).oid).toBe(emulator.identities.userAssigned[index]?.objectId)
    expect(obs.tokens[0]?.url).toContain(
      identity.kind === 'client-id' ? 'client_id=' : 'object_id='
    )
  })

  it('selects a user-assigned identity by resource ID', async () => {
    const target = emulator.identities.userAssigned[0]!
    const { obs } = await probe(
      'healthy',
      request({ identity: { kind: 'resource-id', value: target.resourceId } })
    )
    expect(claimsOf(obs).xms_mirid).toBe(target.resourceId)
  })

  it('no-identity: 400 Identity not found, checks not called', async () => {
    const { obs } = await probe('no-identity')
    expect(obs.instance?.status).toBe(200)
    expect(obs.tokens[0]).toMatchObject({ status: 400, attempts: 1 })
    expect(obs.tokens[0]?.body).toContain('Identity not found')
    expect(obs.apis.every(a => a.notCalled === NO_TOKEN && a.attempts === 0)).toBe(true)
    expect(emulator.requests.filter(r => r.port === 'api')).toHaveLength(0)
  })

  it('wrong-client-id: the selected identity is not on the VM', async () => {
    const identity = {
      kind: 'client-id',
      value: emulator.identities.userAssigned[0]!.clientId
    } as const
    const { obs } = await probe('wrong-client-id', request({ identity }))
    expect(obs.tokens[0]).toMatchObject({ status: 400 })
    expect(obs.tokens[0]?.body).toContain('Identity not found')
  })

  it('imds-refused: the instance call is refused and nothing else is asked', async () => {
    const { obs, ms } = await probe('imds-refused')
    expect(obs.instance).toMatchObject({ error: 'refused', attempts: 1 })
    expect(obs.instance?.status).toBeUndefined()
    expect(obs.tokens).toEqual([])
    expect(obs.apis.map(a => a.notCalled)).toEqual([NO_TOKEN, NO_TOKEN, NO_TOKEN])
    expect(ms).toBeLessThan(1000)
  })

  it('imds-hang: the verdict comes within one timeout, with no token request', async () => {
    const timeoutMs = 600
    const { obs, ms } = await probe('imds-hang', request({ timeoutMs }))
    expect(obs.instance).toMatchObject({ error: 'timeout', attempts: 1 })
    expect(obs.tokens).toEqual([])
    expect(ms).toBeLessThan(timeoutMs * 1.2)
    expect(emulator.requests.filter(r => r.port === 'identity')).toHaveLength(1)
  })

  it('imds-gone: 410 is retried every 10 s until IMDS is back', async () => {
    const retries = fastRetries()
    const { obs } = await probe({ name: 'imds-gone', goneForMs: 300 }, request(), retries)
    expect(obs.tokens[0]).toMatchObject({ status: 200, attempts: 2 })
    expect(retries.waits).toEqual([10_000])
    expect(obs.apis[0]?.status).toBe(200)
  })

  it('imds-gone for longer than 70 s: the last answer is 410', async () => {
    const retries = fastRetries()
    const req = request({ checks: [request().checks[0]!] })
    const { obs } = await probe({ name: 'imds-gone', goneForMs: 600_000 }, req, retries)
    expect(obs.tokens[0]).toMatchObject({ status: 410, attempts: 8 })
    expect(obs.tokens[0]!.ms).toBeGreaterThanOrEqual(70_000)
  })

  it('imds-throttled: 429 honours Retry-After and gives up after three retries', async () => {
    const retries = fastRetries()
    const req = request({ checks: [request().checks[0]!] })
    const { obs } = await probe(
      { name: 'imds-throttled', throttleCount: 10, retryAfterSeconds: 2 },
      req,
      retries
    )
    expect(obs.tokens[0]).toMatchObject({ status: 429, attempts: 4, retryAfter: '2' })
    expect(retries.waits).toEqual([2000, 2000, 2000])
    expect(obs.apis[0]?.notCalled).toBe(NO_TOKEN)
  })

  it('imds-throttled briefly: succeeds on a retry', async () => {
    const retries = fastRetries()
    const { obs } = await probe({ name: 'imds-throttled', throttleCount: 2 }, request(), retries)
    expect(obs.tokens[0]).toMatchObject({ status: 200, attempts: 3 })
    expect(obs.tokens[1]).toMatchObject({ status: 200, attempts: 1 })
  })

  it('imds-error: 500 retried at 1 s, 2 s, 4 s', async () => {
    const retries = fastRetries()
    const req = request({ checks: [request().checks[0]!] })
    const { obs } = await probe('imds-error', req, retries)
    expect(obs.tokens[0]).toMatchObject({ status: 500, attempts: 4 })
    expect(retries.waits).toEqual([1000, 2000, 4000])
    expect(obs.tokens[0]?.body).toMatch(/unknown|Active directory/i)
  })

  it('token-expired: expires_on in the past is reported as sent, the API says expired', async () => {
    const { obs } = await probe('token-expired')
    const expiresOn = Number(obs.tokens[0]?.fields?.expires_on)
    expect(expiresOn).toBeLessThan(Date.now() / 1000)
    expect(obs.apis[0]?.status).toBe(401)
    expect(obs.apis[0]?.body).toContain('ExpiredAuthenticationToken')
  })

  it('token-no-expiry: no expires_on field', async () => {
    const { obs } = await probe('token-no-expiry')
    expect(obs.tokens[0]?.status).toBe(200)
    expect(obs.tokens[0]?.fields).not.toHaveProperty('expires_on')
    expect(obs.tokens[0]?.shape).toBe('jwt')
  })

  it('token-malformed: a cut body without the token, no API call', async () => {
    const { obs } = await probe('token-malformed')
    expect(obs.tokens[0]).toMatchObject({ status: 200 })
    // Not JSON: no shape, as every probe reports it (docs/probe-spec.md).
    expect(obs.tokens[0]?.shape).toBeUndefined()
    expect(obs.tokens[0]?.body).toBeTruthy()
    expect(obs.tokens[0]?.claims).toBeUndefined()
    expect(obs.apis[0]?.notCalled).toBe(NO_TOKEN)
  })

  it('role-missing: ARM 403 AuthorizationFailed and Key Vault 403 Forbidden, bodies kept', async () => {
    const { obs } = await probe('role-missing')
    expect(obs.apis[0]).toMatchObject({ status: 403, attempts: 1 })
    expect(obs.apis[0]?.body).toContain('AuthorizationFailed')
    expect(obs.apis[1]).toMatchObject({ status: 403 })
    expect(obs.apis[1]?.body).toContain('Forbidden')
  })

  it('role-delayed: 403 now, 200 once the role takes effect', async () => {
    const first = await probe({ name: 'role-delayed', roleDelayMs: 400 })
    expect(first.obs.apis[0]?.status).toBe(403)
    await new Promise(resolve => setTimeout(resolve, 500))
    const secrets: string[] = []
    const second = await runProbe(request(), { env: {}, registerSecret: s => secrets.push(s) })
    expect(second.apis[0]?.status).toBe(200)
  })

  it('api-closed: the API call is refused (egress)', async () => {
    const { obs } = await probe('api-closed')
    expect(obs.tokens.every(t => t.status === 200)).toBe(true)
    expect(obs.apis[0]).toMatchObject({ error: 'refused', attempts: 1 })
  })

  it('wrong-audience: ARM 401 InvalidAuthenticationTokenAudience, Key Vault 401 AKV10022', async () => {
    const { obs } = await probe('wrong-audience')
    expect(claimsOf(obs).aud).not.toBe(ARM)
    expect(obs.apis[0]?.status).toBe(401)
    expect(obs.apis[0]?.body).toContain('InvalidAuthenticationTokenAudience')
    expect(obs.apis[1]?.status).toBe(401)
    expect(obs.apis[1]?.body).toContain('AKV10022')
  })
})

describe('runProbe: checks', () => {
  it('never sends a token over plain http off loopback, and leaves unknown placeholders uncalled', async () => {
    const { obs } = await probe(
      'healthy',
      request({
        checks: [
          { url: 'http://example.invalid/subscriptions?api-version=1', resource: ARM },
          {
            url: `${emulator.apiUrl}/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}?api-version=1`,
            resource: ARM
          },
          { url: 'not a url', resource: ARM }
        ]
      }),
      {
        env: {
          IDENTITY_ENDPOINT: emulator.appService.endpoint,
          IDENTITY_HEADER: emulator.appService.header
        }
      }
    )
    expect(obs.source).toBe('app-service')
    expect(obs.apis[0]?.notCalled).toMatch(/https/)
    expect(obs.apis[1]?.notCalled).toMatch(/\{subscriptionId\} unknown/)
    expect(obs.apis[2]?.notCalled).toBe('not a valid URL')
    expect(emulator.requests.filter(r => r.port === 'api')).toHaveLength(0)
  })

  it('never sends a bearer through HTTP_PROXY in clear: http API calls (loopback) go direct', async () => {
    const proxy = await startProxy()
    try {
      const { obs } = await probe('healthy', request(), {
        env: { HTTP_PROXY: proxy.url, NO_PROXY: 'example.test' }
      })
      expect(obs.instance?.status).toBe(200)
      expect(obs.apis.map(a => a.status)).toEqual([200, 200, 200])
      expect(proxy.seen).toEqual([])
      expect(emulator.requests.filter(r => r.port === 'api')).toHaveLength(3)
      expect(emulator.requests.filter(r => r.port === 'identity')).toHaveLength(3)
    } finally {
      await proxy.close()
    }
  })

  it('adds x-ms-version for storage audiences', async () => {
    const storage = await startServer((_req, res) => json(res, 200, {}))
    try {
      await probe(
        'healthy',
        request({
          checks: [{ url: `${storage.url}/?comp=list`, resource: 'https://storage.azure.com/' }]
        })
      )
      expect(storage.requests[0]?.headers['x-ms-version']).toBe('2023-11-03')
      expect(storage.requests[0]?.headers.authorization).toMatch(/^Bearer eyJ/)
    } finally {
      await storage.close()
    }
    expect(
      isStorage('https://vault.azure.net', new URL('https://acct.blob.core.windows.net/'))
    ).toBe(true)
    expect(isStorage('https://vault.azure.net', new URL('https://kv.vault.azure.net/'))).toBe(false)
  })
})

describe('runProbe on the other identity sources (the emulator)', () => {
  it('App Service: no instance call, meta from site settings, header read per request', async () => {
    const { obs } = await probe('healthy', request(), {
      env: {
        IDENTITY_ENDPOINT: emulator.appService.endpoint,
        IDENTITY_HEADER: emulator.appService.header,
        WEBSITE_OWNER_NAME: `${emulator.subscriptionId}+${emulator.resourceGroup}-WestEuropewebspace`,
        WEBSITE_SITE_NAME: 'app1'
      }
    })
    expect(obs.source).toBe('app-service')
    expect(obs.instance).toBeUndefined()
    expect(obs.meta?.subscriptionId).toBe(emulator.subscriptionId)
    expect(obs.tokens.map(t => t.status)).toEqual([200, 200])
    expect(obs.apis[0]?.status).toBe(200)
  })

  it('Azure Arc: answers the challenge from the key directory', async () => {
    const { obs } = await probe('healthy', request(), {
      env: { ...emulator.arc.env, MI_SMOKE_ARC_KEY_DIR: emulator.arc.keyDirectory }
    })
    expect(obs.source).toBe('arc')
    expect(obs.tokens.map(t => t.status)).toEqual([200, 200])
  })

  it('Cloud Shell: POST form', async () => {
    const { obs } = await probe('healthy', request(), { env: { ...emulator.cloudShell.env } })
    expect(obs.source).toBe('cloud-shell')
    expect(obs.tokens.map(t => t.status)).toEqual([200, 200])
  })

  it('Service Fabric', async () => {
    const { obs } = await probe('healthy', request(), { env: { ...emulator.serviceFabric.env } })
    expect(obs.source).toBe('service-fabric')
    expect(obs.tokens.map(t => t.status)).toEqual([200, 200])
  })

  it('MSI_ENDPOINT + MSI_SECRET (2017-09-01)', async () => {
    const { obs } = await probe('healthy', request(), { env: { ...emulator.legacyMsi.env } })
    expect(obs.sourceDetail).toContain('MSI_SECRET')
    expect(obs.tokens.map(t => t.status)).toEqual([200, 200])
  })

  it('a silent identity endpoint stops after its first token request', async () => {
    const timeoutMs = 500
    const { obs, ms } = await probe('imds-hang', request({ timeoutMs }), {
      env: { IDENTITY_ENDPOINT: emulator.appService.endpoint, IDENTITY_HEADER: 'hdr-unused-1234' }
    })
    expect(obs.tokens).toHaveLength(1)
    expect(obs.tokens[0]).toMatchObject({ error: 'timeout', attempts: 1 })
    expect(ms).toBeLessThan(timeoutMs * 1.2)
  })
})

describe('runProbe: bounded and never throwing', () => {
  it('stops promptly when aborted', async () => {
    await emulator.setScenario('imds-hang')
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 150)
    const started = Date.now()
    const obs = await runProbe(request({ timeoutMs: 10_000 }), {
      env: {},
      signal: controller.signal
    })
    expect(Date.now() - started).toBeLessThan(1000)
    expect(obs.instance).toMatchObject({ error: 'other', errorText: 'aborted' })
  })

  it('reports an IMDS endpoint that is not a URL instead of throwing', async () => {
    const obs = await runProbe(request({ imdsEndpoint: 'not a url' }), { env: {} })
    expect(obs.instance).toMatchObject({
      error: 'other',
      attempts: 0,
      errorText: 'not a valid URL'
    })
    expect(obs.tokens[0]).toMatchObject({ error: 'other' })
    expect(obs.apis.every(a => a.notCalled === NO_TOKEN)).toBe(true)
  })

  it('names the probe as asked', async () => {
    await emulator.setScenario('healthy')
    const obs = await runProbe(request({ checks: [] }), { env: {}, probe: 'handler' })
    expect(obs).toMatchObject({ probe: 'handler', tokens: [], apis: [] })
  })
})

describe('the probe specification (docs/probe-spec.md), in process', () => {
  conformanceTests(
    () => emulator,
    { name: 'local' },
    async (req, env) => {
      const obs = await runProbe(req, { env })
      expect(JSON.stringify(obs)).not.toContain(emulator.canary)
      return obs
    }
  )
})
