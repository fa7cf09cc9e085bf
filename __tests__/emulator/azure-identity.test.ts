/**
 * The emulator speaks the real protocols: @azure/identity's own ManagedIdentityCredential (MSAL
 * underneath) obtains tokens from it, each run in a child process because @azure/identity caches
 * its managed identity source per process.
 */
import { startEmulator, type Emulator } from '../../emulator/emulator'
import { getTokenWithSdk } from '../helpers/identity-sdk'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(() => emulator.close())
beforeEach(async () => {
  await emulator.setScenario('healthy')
  emulator.clearRequests()
})

const ARM_SCOPE = 'https://management.azure.com/.default'
const rgUrl = (): string =>
  `${emulator.apiUrl}/subscriptions/${emulator.subscriptionId}/resourcegroups?api-version=2021-04-01`

describe('@azure/identity ManagedIdentityCredential against the emulator', () => {
  it('IMDS (AZURE_POD_IDENTITY_AUTHORITY_HOST): system-assigned token that ARM accepts', async () => {
    const result = await getTokenWithSdk({
      AZURE_POD_IDENTITY_AUTHORITY_HOST: emulator.imdsUrl,
      MI_SCOPE: ARM_SCOPE,
      MI_CHECK_URL: rgUrl(),
      CANARY: emulator.canary
    })
    expect(result).toMatchObject({ ok: true, signatureIsCanary: true, checkStatus: 200 })
    expect(result.claims).toMatchObject({
      oid: emulator.identities.system.objectId,
      tid: emulator.tenantId,
      xms_mirid: emulator.vmResourceId
    })
    expect(result.claims.aud).toMatch(/^https:\/\/management\.azure\.com\/?$/)
    expect(result.expiresOnTimestamp).toBeGreaterThan(Date.now())
    const tokenRequests = emulator.requests.filter(r =>
      r.path.startsWith('/metadata/identity/oauth2/token')
    )
    expect(tokenRequests.length).toBeGreaterThan(0)
    expect(
      tokenRequests.every(r => r.port === 'identity' && r.headers['metadata'] === 'true')
    ).toBe(true)
    expect(result.output).not.toContain(emulator.canary)
  })

  it('IMDS: user-assigned identity by clientId', async () => {
    const ua = emulator.identities.userAssigned[0]!
    const result = await getTokenWithSdk({
      AZURE_POD_IDENTITY_AUTHORITY_HOST: emulator.imdsUrl,
      MI_SCOPE: 'https://vault.azure.net/.default',
      MI_CLIENT_ID: ua.clientId,
      MI_CHECK_URL: `${emulator.apiUrl}/secrets?api-version=7.4`,
      CANARY: emulator.canary
    })
    expect(result).toMatchObject({ ok: true, checkStatus: 200 })
    expect(result.claims).toMatchObject({
      oid: ua.objectId,
      appid: ua.clientId,
      xms_mirid: ua.resourceId
    })
    expect(emulator.requests.some(r => r.path.includes(`client_id=${ua.clientId}`))).toBe(true)
  })

  it('IMDS: a client ID the VM does not have fails (wrong-client-id)', async () => {
    await emulator.setScenario('wrong-client-id')
    const result = await getTokenWithSdk({
      AZURE_POD_IDENTITY_AUTHORITY_HOST: emulator.imdsUrl,
      MI_SCOPE: ARM_SCOPE,
      MI_CLIENT_ID: emulator.identities.userAssigned[0]!.clientId,
      CANARY: emulator.canary
    })
    expect(result.ok).toBe(false)
    expect(result.message).toMatch(/Identity not found|400/i)
  })

  it('App Service (IDENTITY_ENDPOINT + IDENTITY_HEADER): system-assigned', async () => {
    const result = await getTokenWithSdk({
      IDENTITY_ENDPOINT: emulator.appService.endpoint,
      IDENTITY_HEADER: emulator.appService.header,
      MI_SCOPE: ARM_SCOPE,
      MI_CHECK_URL: rgUrl(),
      CANARY: emulator.canary
    })
    expect(result).toMatchObject({ ok: true, signatureIsCanary: true, checkStatus: 200 })
    expect(result.claims.oid).toBe(emulator.identities.system.objectId)
    const requests = emulator.requests.filter(r => r.port === 'identity')
    expect(requests.length).toBeGreaterThan(0)
    expect(
      requests.every(
        r => r.path.startsWith('/msi/token?') && r.headers['x-identity-header'] === '[redacted]'
      )
    ).toBe(true)
  })

  it('App Service: user-assigned identity by clientId', async () => {
    const ua = emulator.identities.userAssigned[1]!
    const result = await getTokenWithSdk({
      IDENTITY_ENDPOINT: emulator.appService.endpoint,
      IDENTITY_HEADER: emulator.appService.header,
      MI_SCOPE: ARM_SCOPE,
      MI_CLIENT_ID: ua.clientId,
      MI_CHECK_URL: rgUrl(),
      CANARY: emulator.canary
    })
    // The second identity holds no role: the token works, ARM says 403.
    expect(result).toMatchObject({ ok: true, checkStatus: 403 })
    expect(result.claims).toMatchObject({ oid: ua.objectId, appid: ua.clientId })
  })
})
