import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isFailure } from '../../src/common/http/http-request'
import { appServiceMeta, appServiceSource } from '../../src/node-probe/sources/app-service'
import {
  arcKeyDirectory,
  arcSource,
  challengeRealm,
  readArcKey
} from '../../src/node-probe/sources/arc'
import { cloudShellSource } from '../../src/node-probe/sources/cloud-shell'
import { detectSource } from '../../src/node-probe/sources/detect'
import { imdsSource, metaFromInstance } from '../../src/node-probe/sources/imds'
import { legacyMsiSource } from '../../src/node-probe/sources/legacy-msi'
import { serviceFabricSource } from '../../src/node-probe/sources/service-fabric'
import type { SourceContext, TokenAttempt } from '../../src/node-probe/sources/source'
import { workloadIdentitySource } from '../../src/node-probe/sources/workload-identity'
import { scopeForResource as scopeOf } from '../../src/azure/services'
import { json, selfSignedCertificate, startServer } from '../helpers/local-servers'
import type { LocalServer } from '../helpers/local-servers'
import { describeWithTools } from '../helpers/system-tools'

const TOKEN_BODY = {
  access_token: 'eyJ0eXAi.eyJhdWQi.c2ln',
  expires_on: '1764171600',
  token_type: 'Bearer'
}

const servers: LocalServer[] = []
const dirs: string[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map(s => s.close()))
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})
async function fake(
  handler: Parameters<typeof startServer>[0],
  tls?: { key: string; cert: string }
) {
  const server = await startServer(handler, tls)
  servers.push(server)
  return server
}
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mi-smoke-probe-src-'))
  dirs.push(dir)
  return dir
}
function context(env: NodeJS.ProcessEnv = {}, secrets: string[] = []): SourceContext {
  return { env, timeoutMs: 2000, registerSecret: s => secrets.push(s) }
}
function status(attempt: TokenAttempt): number | string {
  const outcome = attempt.result.outcome
  return isFailure(outcome) ? outcome.error : outcome.status
}

describe('imds', () => {
  it('reads instance metadata and requests tokens with Metadata: true and the identity parameter', async () => {
    const server = await fake((req, res) => {
      if (req.url?.startsWith('/metadata/instance')) {
        json(res, 200, {
          compute: {
            subscriptionId: '11111111-2222-3333-4444-555555555555',
            resourceGroupName: 'rg-web',
            resourceId:
              '/subscriptions/x/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/web-1',
            azEnvironment: 'AzurePublicCloud',
            location: 'westeurope',
            vmId: 'vm',
            osType: 'Linux',
            name: 'web-1'
          }
        })
      } else json(res, 200, TOKEN_BODY)
    })
    const source = imdsSource(`${server.url}/`, 'd')
    const instance = await source.readInstance!(context())
    expect(instance.url).toBe(`${server.url}/metadata/instance?api-version=2021-02-01`)
    expect(instance.meta).toEqual({
      subscriptionId: '11111111-2222-3333-4444-555555555555',
      resourceGroupName: 'rg-web',
      resourceId:
        '/subscriptions/x/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/web-1',
      azEnvironment: 'AzurePublicCloud',
      location: 'westeurope',
      vmId: 'vm',
      osType: 'Linux'
    })
    for (const [identity, parameter] of [
      [{ kind: 'client-id', value: 'c1' }, 'client_id=c1'],
      [{ kind: 'object-id', value: 'o1' }, 'object_id=o1'],
      [{ kind: 'resource-id', value: '/sub/x' }, 'msi_res_id=%2Fsub%2Fx']
    ] as const) {
      const attempt = await source.requestToken(
        'https://management.azure.com/',
        identity,
        context()
      )
      expect(status(attempt)).toBe(200)
      expect(attempt.url).toContain(parameter)
    }
    const system = await source.requestToken(
      'https://vault.azure.net',
      { kind: 'system' },
      context()
    )
    expect(system.url).toBe(
      `${server.url}/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fvault.azure.net`
    )
    expect(server.requests.every(r => r.headers.metadata === 'true')).toBe(true)
    expect(server.requests.some(r => 'x-forwarded-for' in r.headers)).toBe(false)
  })

  it('ignores instance metadata that is not JSON', () => {
    expect(metaFromInstance('<html>')).toBeUndefined()
    expect(metaFromInstance('{"compute":{"subscriptionId":5}}')).toEqual({})
  })
})

describe('app-service', () => {
  it('sends X-IDENTITY-HEADER read at each request (Container Apps rotates it) and the 2019-08-01 parameters', async () => {
    const server = await fake((_req, res) => json(res, 200, TOKEN_BODY))
    const env: NodeJS.ProcessEnv = { IDENTITY_HEADER: 'h1' }
    const secrets: string[] = []
    const source = appServiceSource(`${server.url}/msi/token`, 'd', env)
    await source.requestToken(
      'https://vault.azure.net',
      { kind: 'object-id', value: 'o1' },
      context(env, secrets)
    )
    env.IDENTITY_HEADER = 'h2'
    const second = await source.requestToken(
      'r',
      { kind: 'resource-id', value: 'id' },
      context(env, secrets)
    )
    await source.requestToken('r', { kind: 'client-id', value: 'c' }, context(env, secrets))
    expect(server.requests.map(r => r.headers['x-identity-header'])).toEqual(['h1', 'h2', 'h2'])
    expect(server.requests[0]?.url).toBe(
      '/msi/token?resource=https%3A%2F%2Fvault.azure.net&api-version=2019-08-01&principal_id=o1'
    )
    expect(server.requests[1]?.url).toContain('mi_res_id=id')
    expect(server.requests[2]?.url).toContain('client_id=c')
    expect(second.url).not.toContain('h2')
    expect(secrets).toContain('h2')
  })

  it('reads the workload from the site settings', () => {
    expect(
      appServiceMeta({
        WEBSITE_OWNER_NAME: '11111111-2222-3333-4444-555555555555+rg-web-WestEuropewebspace-Linux',
        WEBSITE_SITE_NAME: 'app1',
        REGION_NAME: 'West Europe'
      })
    ).toEqual({
      subscriptionId: '11111111-2222-3333-4444-555555555555',
      resourceGroupName: 'rg-web',
      resourceId:
        '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-web/providers/Microsoft.Web/sites/app1',
      location: 'West Europe'
    })
    expect(
      appServiceMeta({
        WEBSITE_OWNER_NAME: 'sub+guess-Regionwebspace',
        WEBSITE_RESOURCE_GROUP: 'Real-RG'
      })
    ).toEqual({ subscriptionId: 'sub', resourceGroupName: 'Real-RG' })
    expect(appServiceMeta({})).toBeUndefined()
  })

  it("names the app's cloud from its host name, as IMDS names clouds", () => {
    expect(appServiceMeta({ WEBSITE_HOSTNAME: 'orders.azurewebsites.us' })).toEqual({
      azEnvironment: 'AzureUSGovernmentCloud'
    })
    expect(appServiceMeta({ WEBSITE_HOSTNAME: 'orders.chinacloudsites.cn' })).toEqual({
      azEnvironment: 'AzureChinaCloud'
    })
    expect(appServiceMeta({ WEBSITE_HOSTNAME: 'orders.azurewebsites.net' })?.azEnvironment).toBe(
      'AzurePublicCloud'
    )
    expect(appServiceMeta({ WEBSITE_HOSTNAME: 'orders.example.com' })).toBeUndefined()
  })
})

describe('legacy-msi', () => {
  it('uses api-version 2017-09-01, header secret and clientid', async () => {
    const server = await fake((_req, res) =>
      json(res, 200, { ...TOKEN_BODY, expires_on: '11/26/2026 04:20:00 PM +00:00' })
    )
    const env = { MSI_SECRET: 's3cret' }
    const source = legacyMsiSource(`${server.url}/msi/token/`, 'd')
    const attempt = await source.requestToken('r', { kind: 'client-id', value: 'c1' }, context(env))
    expect(status(attempt)).toBe(200)
    expect(server.requests[0]?.url).toBe(
      '/msi/token/?resource=r&api-version=2017-09-01&clientid=c1'
    )
    expect(server.requests[0]?.headers.secret).toBe('s3cret')
  })
  it('does not send a selection the protocol lacks', async () => {
    const attempt = await legacyMsiSource('http://127.0.0.1:9/msi', 'd').requestToken(
      'r',
      { kind: 'object-id', value: 'o' },
      context({ MSI_SECRET: 's' })
    )
    expect(attempt.result.attempts).toBe(0)
    expect(attempt.result.outcome).toMatchObject({ error: 'other' })
  })
})

describe('cloud-shell', () => {
  it('POSTs a form with Metadata: true', async () => {
    const server = await fake((_req, res) => json(res, 200, TOKEN_BODY))
    const source = cloudShellSource(`${server.url}/oauth2/token`, 'd')
    const attempt = await source.requestToken(
      'https://management.azure.com/',
      { kind: 'system' },
      context()
    )
    expect(status(attempt)).toBe(200)
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      url: '/oauth2/token',
      body: 'resource=https%3A%2F%2Fmanagement.azure.com%2F'
    })
    expect(server.requests[0]?.headers.metadata).toBe('true')
    expect(server.requests[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded')
  })
  it('has no user-assigned identities', async () => {
    const server = await fake((_req, res) => json(res, 200, TOKEN_BODY))
    const attempt = await cloudShellSource(server.url, 'd').requestToken(
      'r',
      { kind: 'client-id', value: 'c' },
      context()
    )
    expect(attempt.result.attempts).toBe(0)
    expect(server.requests).toHaveLength(0)
  })
})

describe('arc', () => {
  function arcServer(keyFile: string, expectedKey: string) {
    return fake((req, res) => {
      if (req.headers.authorization === `Basic ${expectedKey}`) return json(res, 200, TOKEN_BODY)
      res.writeHead(401, { 'www-authenticate': `Basic realm=${keyFile}` })
      res.end()
    })
  }

  it('answers the 401 challenge with the key file it names', async () => {
    const dir = tempDir()
    const keyFile = join(dir, 'abc.key')
    writeFileSync(keyFile, 'k3y-value\n')
    const server = await arcServer(keyFile, 'k3y-value')
    const secrets: string[] = []
    const attempt = await arcSource(
      `${server.url}/metadata/identity/oauth2/token`,
      'd'
    ).requestToken(
      'https://management.azure.com/',
      { kind: 'system' },
      context({ MI_SMOKE_ARC_KEY_DIR: dir }, secrets)
    )
    expect(status(attempt)).toBe(200)
    expect(server.requests).toHaveLength(2)
    expect(server.requests[0]?.url).toBe(
      '/metadata/identity/oauth2/token?api-version=2020-06-01&resource=https%3A%2F%2Fmanagement.azure.com%2F'
    )
    expect(server.requests[0]?.headers.metadata).toBe('true')
    expect(server.requests[1]?.headers.authorization).toBe('Basic k3y-value')
    expect(secrets).toEqual(['k3y-value'])
  })

  it('refuses to read a file outside the key directory, a non-.key file or a symlink', async () => {
    const dir = tempDir()
    const elsewhere = tempDir()
    writeFileSync(join(elsewhere, 'x.key'), 'outside')
    writeFileSync(join(dir, 'notes.txt'), 'txt')
    symlinkSync(join(elsewhere, 'x.key'), join(dir, 'link.key'))
    mkdirSync(join(dir, 'sub.key'))
    for (const realm of [
      join(elsewhere, 'x.key'),
      join(dir, 'notes.txt'),
      join(dir, 'link.key'),
      join(dir, 'sub.key'),
      `${dir}/../${elsewhere.split('/').pop()}/x.key`
    ]) {
      const server = await arcServer(realm, 'outside')
      const attempt = await arcSource(server.url, 'd').requestToken(
        'r',
        { kind: 'system' },
        context({ MI_SMOKE_ARC_KEY_DIR: dir })
      )
      expect(attempt.result.outcome).toMatchObject({ error: 'other' })
      expect(server.requests).toHaveLength(1)
    }
  })

  it('knows the agent’s directories and reads realms', async () => {
    expect(arcKeyDirectory({}, 'linux')).toBe('/var/opt/azcmagent/tokens')
    expect(arcKeyDirectory({ ProgramData: 'D:\\PD' }, 'win32')).toBe(
      'D:\\PD\\AzureConnectedMachineAgent\\Tokens'
    )
    expect(challengeRealm('Basic realm=/var/opt/azcmagent/tokens/a.key')).toBe(
      '/var/opt/azcmagent/tokens/a.key'
    )
    expect(
      challengeRealm('Basic realm="C:\\ProgramData\\AzureConnectedMachineAgent\\Tokens\\a.key"')
    ).toBe('C:\\ProgramData\\AzureConnectedMachineAgent\\Tokens\\a.key')
    expect(challengeRealm('Bearer x')).toBeUndefined()
    const win = await readArcKey(
      'C:\\Windows\\win.ini',
      { ProgramData: 'C:\\ProgramData' },
      'win32'
    )
    expect(win).toHaveProperty('refused')
  })

  it('supports only the system-assigned identity', async () => {
    const attempt = await arcSource('http://127.0.0.1:9/', 'd').requestToken(
      'r',
      { kind: 'client-id', value: 'c' },
      context()
    )
    expect(attempt.result.attempts).toBe(0)
  })
})

describeWithTools(['openssl'], 'service-fabric', () => {
  it('sends header Secret, 2019-07-01-preview, and trusts the endpoint by thumbprint', async () => {
    const certificate = selfSignedCertificate()
    const server = await fake(
      (_req, res) => json(res, 200, { ...TOKEN_BODY, expires_on: 1764171600 }),
      certificate
    )
    const env = { IDENTITY_HEADER: 'sf-secret' }
    const good = await serviceFabricSource(
      `${server.url}/metadata/identity/oauth2/token`,
      certificate.thumbprint,
      'd'
    ).requestToken('r', { kind: 'system' }, context(env))
    expect(status(good)).toBe(200)
    expect(server.requests[0]?.url).toBe(
      '/metadata/identity/oauth2/token?api-version=2019-07-01-preview&resource=r'
    )
    expect(server.requests[0]?.headers.secret).toBe('sf-secret')
    const bad = await serviceFabricSource(server.url, '00'.repeat(20), 'd').requestToken(
      'r',
      { kind: 'system' },
      context(env)
    )
    expect(status(bad)).toBe('tls')
    expect(server.requests).toHaveLength(1)
  })
})

describe('workload-identity', () => {
  it('exchanges the federated token file (re-read per request) for a token', async () => {
    const server = await fake((_req, res) =>
      json(res, 200, { token_type: 'Bearer', expires_in: 3599, access_token: 'eyJ.eyJ.sig' })
    )
    const dir = tempDir()
    const file = join(dir, 'token')
    writeFileSync(file, 'assertion-1\n')
    const env: NodeJS.ProcessEnv = {
      AZURE_AUTHORITY_HOST: `${server.url}/`,
      AZURE_TENANT_ID: 'tenant-1',
      AZURE_CLIENT_ID: 'client-env',
      AZURE_FEDERATED_TOKEN_FILE: file
    }
    const secrets: string[] = []
    const source = workloadIdentitySource('d')
    const first = await source.requestToken(
      'https://management.azure.com/',
      { kind: 'system' },
      context(env, secrets)
    )
    expect(status(first)).toBe(200)
    expect(first.url).toBe(`${server.url}/tenant-1/oauth2/v2.0/token`)
    writeFileSync(file, 'assertion-2')
    await source.requestToken(
      'https://vault.azure.net',
      { kind: 'client-id', value: 'client-sel' },
      context(env, secrets)
    )
    const forms = server.requests.map(r => Object.fromEntries(new URLSearchParams(r.body)))
    expect(forms[0]).toEqual({
      grant_type: 'client_credentials',
      client_id: 'client-env',
      scope: 'https://management.azure.com/.default',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: 'assertion-1'
    })
    expect(forms[1]).toMatchObject({
      client_id: 'client-sel',
      client_assertion: 'assertion-2',
      scope: 'https://vault.azure.net/.default'
    })
    expect(secrets).toEqual(['assertion-1', 'assertion-2'])
  })

  it('refuses an http authority off loopback and a missing file', async () => {
    const env = {
      AZURE_AUTHORITY_HOST: 'http://login.example.test/',
      AZURE_TENANT_ID: 't',
      AZURE_CLIENT_ID: 'c',
      AZURE_FEDERATED_TOKEN_FILE: '/nope'
    }
    const offLoopback = await workloadIdentitySource('d').requestToken(
      'r',
      { kind: 'system' },
      context(env)
    )
    expect(offLoopback.result.attempts).toBe(0)
    const server = await fake((_req, res) => json(res, 200, {}))
    const missing = await workloadIdentitySource('d').requestToken(
      'r',
      { kind: 'system' },
      context({ ...env, AZURE_AUTHORITY_HOST: server.url })
    )
    expect(missing.result).toMatchObject({ attempts: 0, outcome: { error: 'other' } })
    expect(server.requests).toHaveLength(0)
  })

  it('turns an audience into a scope', () => {
    expect(scopeOf('https://management.azure.com/')).toBe('https://management.azure.com/.default')
    expect(scopeOf('https://vault.azure.net')).toBe('https://vault.azure.net/.default')
    expect(scopeOf('api://x/.default')).toBe('api://x/.default')
  })
})

describe('detectSource', () => {
  const imds = 'http://127.0.0.1:1'
  it.each([
    [
      {
        AZURE_FEDERATED_TOKEN_FILE: '/f',
        AZURE_TENANT_ID: 't',
        AZURE_CLIENT_ID: 'c',
        IDENTITY_ENDPOINT: 'http://127.0.0.1:2/',
        IDENTITY_HEADER: 'h'
      },
      'workload-identity',
      'AZURE_FEDERATED_TOKEN_FILE'
    ],
    [
      {
        IDENTITY_ENDPOINT: 'https://127.0.0.1:2/',
        IDENTITY_HEADER: 'h',
        IDENTITY_SERVER_THUMBPRINT: 'AB'
      },
      'service-fabric',
      'IDENTITY_SERVER_THUMBPRINT'
    ],
    [
      {
        IDENTITY_ENDPOINT: 'http://127.0.0.1:2/msi/token',
        IDENTITY_HEADER: 'h',
        MSI_ENDPOINT: 'x'
      },
      'app-service',
      'IDENTITY_ENDPOINT and IDENTITY_HEADER set'
    ],
    [
      { MSI_ENDPOINT: 'http://127.0.0.1:2/', MSI_SECRET: 's' },
      'app-service',
      'MSI_ENDPOINT and MSI_SECRET'
    ],
    [{ MSI_ENDPOINT: 'http://127.0.0.1:2/' }, 'cloud-shell', 'Cloud Shell'],
    [
      { IDENTITY_ENDPOINT: 'http://127.0.0.1:2/', IMDS_ENDPOINT: 'http://127.0.0.1:2' },
      'arc',
      'Azure Arc'
    ],
    [{}, 'imds', 'IMDS at http://127.0.0.1:1'],
    [{ IDENTITY_ENDPOINT: 'http://127.0.0.1:2/' }, 'imds', 'IDENTITY_ENDPOINT']
  ])('%j → %s', (env, source, words) => {
    const detected = detectSource(env as NodeJS.ProcessEnv, imds)
    expect(detected.source).toBe(source)
    expect(detected.detail).toContain(words)
    expect(detected.detail).not.toMatch(/\bh\b|secret-value/)
  })

  it('names no secret values in its detail', () => {
    const detected = detectSource(
      { IDENTITY_ENDPOINT: 'http://127.0.0.1:2/', IDENTITY_HEADER: 'SECRET-HEADER' },
      imds
    )
    expect(detected.detail).not.toContain('SECRET-HEADER')
  })

  it('reports an endpoint variable that is not a URL without sending anything', async () => {
    const detected = detectSource({ IDENTITY_ENDPOINT: 'not a url', IDENTITY_HEADER: 'h' }, imds)
    const attempt = await detected.requestToken('r', { kind: 'system' }, context())
    expect(attempt.result).toMatchObject({
      attempts: 0,
      outcome: { error: 'other', errorText: 'IDENTITY_ENDPOINT is not an http(s) URL' }
    })
  })
})
