/**
 * Principles that hold for every row of the Azure service table and every cloud, not only for
 * the answers the field corpus replays: data roles grant data access (each names the actions it
 * allows, and the one a remediation names allows what the check needs), services with their own
 * access model are granted in that model, the audience fix names the audience of the host called,
 * a stated cause decides over a top-level code, and `expect=` never hides an access, network or
 * token problem.
 */
import {
  actionNeeded,
  azureServices,
  dataRoleFor,
  roleAllows,
  serviceAudienceFor,
  serviceByKey,
  serviceForHost,
  type AzureCloud,
  type ServiceKey
} from '../../src/azure/services'
import { classifyApiAnswer } from '../../src/engine/diagnosis/api-errors'
import * as fix from '../../src/engine/diagnosis/remediation'
import { armCheck } from '../helpers/diagnosis-fixtures'

/** A host of each service in each cloud: its first host, or a name under its first suffix. */
function hostsOf(): { key: ServiceKey; cloud: AzureCloud; host: string }[] {
  return azureServices().flatMap(service =>
    (
      Object.entries(service.clouds) as [AzureCloud, { hosts?: string[]; suffixes?: string[] }][]
    ).map(([cloud, endpoints]) => ({
      key: service.key,
      cloud,
      host: endpoints.hosts?.[0] ?? `contoso1.${endpoints.suffixes?.[0] ?? ''}`
    }))
  )
}

describe('data roles', () => {
  test.each(azureServices().map(s => [s.key, s] as const))(
    '%s: every role allows something, and the default action of a GET has a role',
    (_key, service) => {
      expect(service.roles.length).toBeGreaterThan(0)
      for (const role of service.roles) expect(role.allows.length).toBeGreaterThan(0)
      const role = dataRoleFor(service, undefined)
      expect(roleAllows(service, role, service.defaultAction)).toBe(true)
    }
  )

  test('no data-plane service names a role that grants no data access (Azure Reader is for ARM only)', () => {
    for (const service of azureServices()) {
      if (service.key === 'arm') continue
      expect([service.key, service.roles.map(r => r.role)]).toEqual([
        service.key,
        expect.not.arrayContaining(['Reader', 'Contributor', 'Owner'])
      ])
    }
  })

  test('the role named for an action allows that action (claims, storage kinds, data actions)', () => {
    const cases: [string, string | undefined, string][] = [
      ['storage', 'queue', 'Storage Queue Data Reader'],
      ['storage', 'dfs', 'Storage Blob Data Reader'],
      [
        'servicebus',
        "'Send'",
        'Azure Service Bus Data Sender (Event Hubs: Azure Event Hubs Data Sender)'
      ],
      [
        'servicebus',
        "'Listen'",
        'Azure Service Bus Data Receiver (Event Hubs: Azure Event Hubs Data Receiver)'
      ],
      ['keyvault', 'Microsoft.KeyVault/vaults/secrets/getSecret/action', 'Key Vault Secrets User'],
      ['keyvault', 'Microsoft.KeyVault/vaults/keys/read', 'Key Vault Reader'],
      [
        'cosmos',
        'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers/items/create',
        'Cosmos DB Built-in Data Contributor (00000000-0000-0000-0000-000000000002)'
      ],
      ['arm', 'Microsoft.Resources/subscriptions/resourceGroups/read', 'Reader'],
      ['arm', 'Microsoft.CognitiveServices/accounts/write', 'Contributor'],
      ['arm', 'Microsoft.Authorization/roleAssignments/write', 'User Access Administrator'],
      [
        'managedhsm',
        'Microsoft.KeyVault/managedHsm/roleAssignments/read/action',
        'Managed HSM Policy Administrator'
      ],
      ['acr', 'push', 'AcrPush']
    ]
    for (const [key, said, role] of cases) {
      const service = serviceByKey(key as never)
      expect([key, said, dataRoleFor(service, said)]).toEqual([key, said, role])
      expect(roleAllows(service, role, actionNeeded(service, said))).toBe(true)
    }
  })
})

describe('services with their own access model are granted in it', () => {
  const oid = '11111111-aaaa-4bbb-8ccc-000000000001'
  test.each([
    [
      'kusto',
      /\.add database \['db1'\] viewers \('aadapp=app-1;tenant-1'\)/,
      /az role assignment create/
    ],
    [
      'sql',
      /CREATE USER \[<identity name>\] FROM EXTERNAL PROVIDER; ALTER ROLE db_datareader/,
      /az role assignment create/
    ],
    ['synapse', /CREATE USER .* FROM EXTERNAL PROVIDER/, /az role assignment create/],
    [
      'managedhsm',
      /az keyvault role assignment create --hsm-name hsm1 --role "Managed HSM Crypto User"/,
      /az role assignment create/
    ],
    ['cosmos', /az cosmosdb sql role assignment create/, /az role assignment create/],
    ['graph', /appRoleAssignments/, /az role assignment create/]
  ] as const)('%s', (key, says, never) => {
    const remediation = fix.rbacDenied(
      {
        service: key,
        principalId: oid,
        name: key === 'managedhsm' ? 'hsm1' : 'res1',
        database: 'db1',
        appId: 'app-1',
        tenantId: 'tenant-1'
      },
      undefined
    )
    expect(remediation).toMatch(says)
    expect(remediation).not.toMatch(never)
    expect(remediation).not.toMatch(/<principal object ID>/)
  })
})

describe('the audience fix names the audience of the host called, in every cloud', () => {
  test.each(hostsOf().map(h => [h.key, h.cloud, h.host] as const))(
    '%s in %s (%s)',
    (key, _cloud, host) => {
      const url = `https://${host}/x`
      const entry = serviceForHost(host)
      expect(entry?.key).toBe(key)
      const audience = serviceAudienceFor(serviceByKey(key), url, 'api://something-else')
      expect(audience).toBe(entry?.audience)
      const remediation = fix.apiRejectedAudience('api://something-else', audience)
      expect(remediation).toContain(`Request the token for ${entry?.audience}`)
      // Never a list of other services' audiences.
      for (const other of azureServices().filter(s => s.key !== key)) {
        const theirs = other.clouds.public?.audience
        if (theirs !== undefined && theirs !== entry?.audience && !theirs.startsWith('<'))
          expect([key, remediation.includes(theirs)]).toEqual([key, theirs === audience])
      }
    }
  )

  test('a loopback or custom host: the audience of the service that answered, in the cloud of the requested audience', () => {
    const storage = serviceByKey('storage')
    expect(
      serviceAudienceFor(storage, 'http://127.0.0.1:8080/x', 'https://management.azure.com/')
    ).toBe('https://storage.azure.com/')
    const keyvault = serviceByKey('keyvault')
    expect(
      serviceAudienceFor(
        keyvault,
        'http://127.0.0.1:8080/x',
        'https://management.usgovcloudapi.net/'
      )
    ).toBe('https://vault.usgovcloudapi.net')
    expect(
      serviceAudienceFor(
        serviceByKey('cosmos'),
        'http://127.0.0.1:8080/x',
        'https://storage.azure.com/'
      )
    ).toMatch(/^https:\/\/<the Azure Cosmos DB account's host>$/)
  })

  test("Storage's 401 for another audience, called on its US Government host, names that cloud's Storage audience", () => {
    const url = 'https://contoso1.blob.core.usgovcloudapi.net/c?restype=container'
    const verdict = classifyApiAnswer(
      401,
      '<?xml version="1.0" encoding="utf-8"?><Error><Code>InvalidAuthenticationInfo</Code><Message>Server failed to authenticate the request.</Message><AuthenticationErrorDetail>Audience validation failed. Audience did not match.</AuthenticationErrorDetail></Error>',
      {
        check: armCheck({
          url,
          line: url,
          resource: 'https://vault.usgovcloudapi.net',
          expectedAudience: undefined
        }),
        url,
        service: serviceByKey('storage')
      }
    )
    expect(verdict.failureMode).toBe('wrong-audience')
    expect(verdict.remediation).toContain('Request the token for https://storage.azure.com/')
    expect(verdict.remediation).not.toMatch(/management\.azure\.com|vault\.azure\.net/)
  })
})

describe("the service's own words decide", () => {
  const url = 'https://kv1.vault.azure.net/secrets/s1?api-version=7.4'
  const context = {
    check: armCheck({ url, line: url, resource: 'https://vault.azure.net' }),
    url,
    service: serviceByKey('keyvault'),
    principalId: '11111111-aaaa-4bbb-8ccc-000000000001'
  }

  test('a top-level Forbidden with an inner code no rule knows is not a role problem, and never expect=', () => {
    const verdict = classifyApiAnswer(
      403,
      '{"error":{"code":"Forbidden","message":"Something new happened.","innererror":{"code":"SomethingNew"}}}',
      context
    )
    expect(verdict.failureMode).toBe('api-error')
    expect(verdict.remediation).toContain('Forbidden: Something new happened.')
    expect(verdict.remediation).not.toMatch(/expect=|az role assignment create/)
  })

  test('a disabled key is enabled, on the vault and key the URL names', () => {
    const keyUrl = 'https://kv1.vault.azure.net/keys/k1?api-version=7.4'
    const verdict = classifyApiAnswer(
      403,
      '{"error":{"code":"Forbidden","message":"Operation get is not allowed on a disabled key.","innererror":{"code":"KeyDisabled"}}}',
      { ...context, url: keyUrl }
    )
    expect(verdict.failureMode).toBe('api-error')
    expect(verdict.remediation).toContain(
      'az keyvault key set-attributes --vault-name kv1 --name k1 --enabled true'
    )
  })

  test.each([401, 403, 407])('%i is never told expect=, even with an empty body', status => {
    const remediation = fix.apiError({ status, expect: [] })
    expect(remediation).not.toContain('expect=')
  })

  test('a bare 404 with no words may be the right answer: expect= is offered there only', () => {
    expect(fix.apiError({ status: 404, expect: [] })).toContain('add expect=404')
    expect(
      fix.apiError({ status: 404, code: 'NotFound', message: 'gone', expect: [] })
    ).not.toContain('expect=')
  })

  test('what the service said is redacted and cut', () => {
    const jwt = `eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.${'eyJhdWQiOiJ4In0'}.${'a'.repeat(40)}`
    const remediation = fix.apiError({
      status: 400,
      code: 'Bad',
      message: `token ${jwt} ${'x'.repeat(500)}`,
      expect: []
    })
    expect(remediation).not.toContain(jwt)
    expect(remediation.length).toBeLessThan(700)
  })
})
