import { isAzureBody, parseErrorBody } from '../../src/engine/diagnosis/error-body'
import { roleFor } from '../../src/engine/diagnosis/remediation'
import { resourceNameOf, serviceOfCheck, storageKindOf } from '../../src/azure/services'
import { armScopeOf, keyVaultActionOf } from '../../src/engine/diagnosis/arm-scope'
import { BODIES, SUB } from '../helpers/diagnosis-fixtures'

describe('parseErrorBody', () => {
  test.each<[string, string, object]>([
    ['ARM 403', BODIES.armForbidden, { kind: 'azure', code: 'AuthorizationFailed' }],
    [
      'ARM 401 audience',
      BODIES.armWrongAudience,
      { kind: 'azure', code: 'InvalidAuthenticationTokenAudience' }
    ],
    [
      'Key Vault RBAC',
      BODIES.kvForbiddenRbac,
      { kind: 'azure', code: 'Forbidden', innerCode: 'ForbiddenByRbac' }
    ],
    [
      'Key Vault access policy',
      BODIES.kvForbiddenPolicy,
      { kind: 'azure', code: 'Forbidden', innerCode: 'AccessDenied' }
    ],
    [
      'IMDS identity not found',
      BODIES.imdsIdentityNotFound,
      { kind: 'oauth', code: 'invalid_request', message: 'Identity not found' }
    ],
    ['IMDS bad api-version', BODIES.imdsBadApiVersion, { kind: 'oauth' }],
    [
      'App Service',
      BODIES.appServiceUnableToLoad,
      { kind: 'app-service', message: 'Unable to load the proper Managed Identity.' }
    ],
    [
      'Storage XML',
      BODIES.storageMismatch,
      { kind: 'storage', code: 'AuthorizationPermissionMismatch' }
    ],
    ['proxy page', BODIES.proxyHtml403, { kind: 'html', message: 'Access Denied' }],
    ['text', BODIES.proxyText503, { kind: 'text' }],
    ['empty', '  ', { kind: 'empty' }]
  ])('%s', (_name, body, expected) => {
    expect(parseErrorBody(body)).toMatchObject(expected)
  })

  test('a Key Vault body cut at 600 characters still yields code, message and innererror when present', () => {
    const cut = BODIES.kvForbiddenRbac.slice(0, 600)
    expect(() => JSON.parse(cut)).toThrow()
    const parsed = parseErrorBody(cut)
    expect(parsed).toMatchObject({ kind: 'azure', code: 'Forbidden' })
    expect(parsed.message).toContain('Caller: appid=')
    const cutEarly = BODIES.kvForbiddenPolicy.slice(0, 200)
    expect(parseErrorBody(cutEarly)).toMatchObject({
      kind: 'azure',
      code: 'Forbidden',
      innerCode: undefined
    })
  })

  test('a cut IMDS body is still an OAuth error', () => {
    expect(parseErrorBody(BODIES.imdsInvalidResource.slice(0, 120))).toMatchObject({
      kind: 'oauth',
      code: 'invalid_resource'
    })
  })

  test('which kinds count as an Azure answer', () => {
    expect(isAzureBody(parseErrorBody(BODIES.armForbidden))).toBe(true)
    expect(isAzureBody(parseErrorBody(BODIES.storageMismatch))).toBe(true)
    expect(isAzureBody(parseErrorBody(BODIES.proxy502))).toBe(false)
    expect(isAzureBody(parseErrorBody('plain text'))).toBe(false)
  })
})

describe('services', () => {
  test.each<[string, string | undefined, string]>([
    ['https://management.azure.com/subscriptions', undefined, 'arm'],
    ['http://127.0.0.1:4000/subscriptions', 'https://management.azure.com/', 'arm'],
    ['http://127.0.0.1:4000/secrets', 'https://vault.azure.net', 'keyvault'],
    ['https://kv.vault.azure.net/secrets', undefined, 'keyvault'],
    ['https://acct.blob.core.windows.net/c', 'https://storage.azure.com/', 'storage'],
    ['https://graph.microsoft.com/v1.0/me', undefined, 'graph'],
    ['https://acct.documents.azure.com/dbs', 'https://cosmos.azure.com', 'cosmos'],
    ['http://127.0.0.1:4000/recorded/x', 'https://cognitiveservices.azure.com', 'cognitive'],
    ['https://example.com/', 'api://x', 'other']
  ])('%s (%s) → %s', (url, aud, service) => {
    expect(serviceOfCheck(url, aud)?.key ?? 'other').toBe(service)
  })

  test.each<[string, string | undefined]>([
    [
      `https://management.azure.com/subscriptions/${SUB}/resourcegroups?api-version=2021-04-01`,
      `/subscriptions/${SUB}`
    ],
    [
      `https://management.azure.com/subscriptions/${SUB}/resourceGroups/rg/resources?api-version=1`,
      `/subscriptions/${SUB}/resourceGroups/rg`
    ],
    [
      `https://management.azure.com/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Web/sites/app/config/appsettings/list`,
      `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Web/sites/app/config/appsettings`
    ],
    [
      `https://management.azure.com/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Web/sites`,
      `/subscriptions/${SUB}/resourceGroups/rg`
    ],
    ['https://management.azure.com/subscriptions?api-version=2020-01-01', undefined],
    ['not a url', undefined]
  ])('ARM scope of %s', (url, scope) => {
    expect(armScopeOf(url)).toBe(scope)
  })

  test('vault and storage account names from hosts', () => {
    expect(resourceNameOf('https://kv-web.vault.azure.net/secrets')).toBe('kv-web')
    expect(resourceNameOf('http://127.0.0.1:1/secrets')).toBeUndefined()
    expect(resourceNameOf('https://management.azure.com/subscriptions')).toBeUndefined()
    expect(resourceNameOf('https://acct1.queue.core.windows.net/q')).toBe('acct1')
    expect(storageKindOf('https://acct1.queue.core.windows.net/q')).toBe('queue')
  })
})

describe('Key Vault actions and roles', () => {
  test.each<[string, string | undefined, string]>([
    [
      'https://kv.vault.azure.net/secrets?api-version=7.4',
      'Microsoft.KeyVault/vaults/secrets/readMetadata/action',
      'Key Vault Reader'
    ],
    [
      'https://kv.vault.azure.net/secrets/db-password?api-version=7.4',
      'Microsoft.KeyVault/vaults/secrets/getSecret/action',
      'Key Vault Secrets User'
    ],
    [
      'https://kv.vault.azure.net/keys?api-version=7.4',
      'Microsoft.KeyVault/vaults/keys/read',
      'Key Vault Reader'
    ],
    [
      'https://kv.vault.azure.net/certificates/c?api-version=7.4',
      'Microsoft.KeyVault/vaults/certificates/read',
      'Key Vault Reader'
    ],
    ['https://kv.vault.azure.net/?api-version=7.4', undefined, 'Key Vault Secrets User']
  ])('%s needs %s → %s', (url, action, role) => {
    expect(keyVaultActionOf(url)).toBe(action)
    expect(roleFor({ service: 'keyvault', action })).toBe(role)
  })

  test('actions named by the 403 pick the narrowest role that grants them', () => {
    expect(
      roleFor({ service: 'keyvault', action: 'Microsoft.KeyVault/vaults/keys/decrypt/action' })
    ).toBe('Key Vault Crypto User')
    expect(
      roleFor({
        service: 'keyvault',
        action: 'Microsoft.KeyVault/vaults/certificates/import/action'
      })
    ).toBe('Key Vault Certificate User')
    expect(
      roleFor({ service: 'arm', action: 'Microsoft.Resources/subscriptions/resourcegroups/read' })
    ).toBe('Reader')
    expect(roleFor({ service: 'storage', kind: 'queue' })).toBe('Storage Queue Data Reader')
  })
})
