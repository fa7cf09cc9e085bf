import { startEmulator, type Emulator } from '../../emulator/emulator'
import { call, claimsOf, ARM, VAULT } from '../helpers/emulator-http'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(() => emulator.close())
beforeEach(() => emulator.setScenario('healthy'))

async function token(resource: string, clientId?: string): Promise<string> {
  const query = `api-version=2018-02-01&resource=${encodeURIComponent(resource)}${clientId ? `&client_id=${clientId}` : ''}`
  const answer = await call(`${emulator.imdsUrl}/metadata/identity/oauth2/token?${query}`, {
    headers: { Metadata: 'true' }
  })
  expect(answer.status).toBe(200)
  return answer.json.access_token
}

const rgUrl = (): string =>
  `${emulator.apiUrl}/subscriptions/${emulator.subscriptionId}/resourcegroups?api-version=2021-04-01`
const kvUrl = (): string => `${emulator.apiUrl}/secrets?api-version=7.4`
const bearer = (t: string): Record<string, string> => ({ Authorization: `Bearer ${t}` })

describe('ARM', () => {
  it('lists resource groups for the system identity', async () => {
    const answer = await call(rgUrl(), { headers: bearer(await token(ARM)) })
    expect(answer.status).toBe(200)
    expect(answer.json.value.map((g: { name: string }) => g.name)).toEqual(['rg-web'])
  })

  it('lists subscriptions', async () => {
    const answer = await call(`${emulator.apiUrl}/subscriptions?api-version=2022-12-01`, {
      headers: bearer(await token(ARM))
    })
    expect(answer.status).toBe(200)
    expect(answer.json.value[0]).toMatchObject({
      subscriptionId: emulator.subscriptionId,
      tenantId: emulator.tenantId
    })
  })

  it.each([
    'https://management.azure.com/',
    'https://management.azure.com',
    'https://management.core.windows.net/',
    'https://management.core.windows.net'
  ])('accepts audience %s', async aud => {
    expect((await call(rgUrl(), { headers: bearer(await token(aud)) })).status).toBe(200)
  })

  it('401 without a token', async () => {
    const answer = await call(rgUrl())
    expect(answer.status).toBe(401)
    expect(answer.json.error.code).toBe('AuthenticationFailed')
  })

  it('401 InvalidAuthenticationToken for a token it did not issue (even with the canary as signature)', async () => {
    const real = await token(ARM)
    const [h, p] = real.split('.')
    const claims = claimsOf(real)
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, oid: 'x' })).toString('base64url')}.${emulator.canary}`
    expect(p).toBeDefined()
    const answer = await call(rgUrl(), { headers: bearer(forged) })
    expect(answer.status).toBe(401)
    expect(answer.json.error.code).toBe('InvalidAuthenticationToken')
  })

  it('401 InvalidAuthenticationTokenAudience with the exact message', async () => {
    const answer = await call(rgUrl(), { headers: bearer(await token(VAULT)) })
    expect(answer.status).toBe(401)
    expect(answer.json).toEqual({
      error: {
        code: 'InvalidAuthenticationTokenAudience',
        message:
          "The access token has been obtained for wrong audience or resource 'https://vault.azure.net'. It should exactly match with one of the allowed audiences 'https://management.core.windows.net/','https://management.core.windows.net','https://management.azure.com/','https://management.azure.com'."
      }
    })
  })

  it('401 ExpiredAuthenticationToken for an expired token', async () => {
    await emulator.setScenario('token-expired')
    const answer = await call(rgUrl(), { headers: bearer(await token(ARM)) })
    expect(answer.status).toBe(401)
    expect(answer.json.error.code).toBe('ExpiredAuthenticationToken')
  })

  it('403 AuthorizationFailed with the exact message when the identity has no role', async () => {
    const other = emulator.identities.userAssigned[1]!
    const answer = await call(rgUrl(), { headers: bearer(await token(ARM, other.clientId)) })
    expect(answer.status).toBe(403)
    expect(answer.json).toEqual({
      error: {
        code: 'AuthorizationFailed',
        message: `The client '${other.objectId}' with object id '${other.objectId}' does not have authorization to perform action 'Microsoft.Resources/subscriptions/resourcegroups/read' over scope '/subscriptions/${emulator.subscriptionId}' or the scope is invalid. If access was recently granted, please refresh your credentials.`
      }
    })
  })

  it('role-missing: 403 for the system identity too; subscriptions list is empty', async () => {
    await emulator.setScenario('role-missing')
    const t = await token(ARM)
    expect((await call(rgUrl(), { headers: bearer(t) })).status).toBe(403)
    const subs = await call(`${emulator.apiUrl}/subscriptions?api-version=2022-12-01`, {
      headers: bearer(t)
    })
    expect(subs.status).toBe(200)
    expect(subs.json.value).toEqual([])
  })

  it('wrong-audience scenario: ARM answers 401 InvalidAuthenticationTokenAudience for an ARM-requested token', async () => {
    await emulator.setScenario('wrong-audience')
    const answer = await call(rgUrl(), { headers: bearer(await token(ARM)) })
    expect(answer.status).toBe(401)
    expect(answer.json.error.code).toBe('InvalidAuthenticationTokenAudience')
  })

  it('404 SubscriptionNotFound for another subscription; 400 without api-version', async () => {
    const t = await token(ARM)
    const other = await call(
      `${emulator.apiUrl}/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups?api-version=2021-04-01`,
      { headers: bearer(t) }
    )
    expect(other.status).toBe(404)
    expect(other.json.error.code).toBe('SubscriptionNotFound')
    const noVersion = await call(
      `${emulator.apiUrl}/subscriptions/${emulator.subscriptionId}/resourcegroups`,
      { headers: bearer(t) }
    )
    expect(noVersion.status).toBe(400)
    expect(noVersion.json.error.code).toBe('MissingApiVersionParameter')
  })
})

describe('Key Vault', () => {
  it('lists secrets with a vault token', async () => {
    const answer = await call(kvUrl(), { headers: bearer(await token(VAULT)) })
    expect(answer.status).toBe(200)
    expect(answer.json.value.length).toBeGreaterThan(0)
  })

  it('401 AKV10022 for an ARM token', async () => {
    const answer = await call(kvUrl(), { headers: bearer(await token(ARM)) })
    expect(answer.status).toBe(401)
    expect(answer.json).toEqual({
      error: {
        code: 'Unauthorized',
        message:
          'AKV10022: Invalid audience. Expected https://vault.azure.net, found: https://management.azure.com/.'
      }
    })
    expect(answer.headers['www-authenticate']).toMatch(
      /^Bearer authorization="https:\/\/login\.microsoftonline\.com\//
    )
  })

  it('401 with a challenge when no token is sent', async () => {
    const answer = await call(kvUrl())
    expect(answer.status).toBe(401)
    expect(answer.json.error.message).toMatch(/^AKV10000/)
  })

  it('403 Forbidden / ForbiddenByRbac naming caller, action and assignment', async () => {
    await emulator.setScenario('role-missing')
    const answer = await call(kvUrl(), { headers: bearer(await token(VAULT)) })
    expect(answer.status).toBe(403)
    expect(answer.json.error.code).toBe('Forbidden')
    expect(answer.json.error.innererror).toEqual({ code: 'ForbiddenByRbac' })
    const sys = emulator.identities.system
    expect(answer.json.error.message).toContain(
      `Caller is not authorized to perform action on resource.\r\nIf role assignments, deny assignments or role definitions were changed recently, please observe propagation time.\r\nCaller: appid=${sys.clientId};oid=${sys.objectId};iss=https://sts.windows.net/${emulator.tenantId}/\r\nAction: 'Microsoft.KeyVault/vaults/secrets/readMetadata/action'\r\nResource: '${emulator.vaultResourceId.toLowerCase()}/secrets'\r\nAssignment: (not found)\r\n`
    )
  })
})

describe('RBAC', () => {
  it('role-delayed: 403 until roleDelayMs has passed, then 200 (ARM and Key Vault)', async () => {
    await emulator.setScenario({ name: 'role-delayed', roleDelayMs: 600 })
    const arm = await token(ARM)
    const kv = await token(VAULT)
    expect((await call(rgUrl(), { headers: bearer(arm) })).status).toBe(403)
    expect((await call(kvUrl(), { headers: bearer(kv) })).status).toBe(403)
    await new Promise(r => setTimeout(r, 650))
    expect((await call(rgUrl(), { headers: bearer(arm) })).status).toBe(200)
    expect((await call(kvUrl(), { headers: bearer(kv) })).status).toBe(200)
  })

  it('a role assignment added at run time takes effect after its own delay', async () => {
    const other = emulator.identities.userAssigned[1]!
    const t = await token(ARM, other.clientId)
    emulator.addRoleAssignment({
      principalId: other.objectId,
      role: 'Reader',
      scope: `/subscriptions/${emulator.subscriptionId}`,
      effectiveAfterMs: 300
    })
    expect((await call(rgUrl(), { headers: bearer(t) })).status).toBe(403)
    await new Promise(r => setTimeout(r, 350))
    expect((await call(rgUrl(), { headers: bearer(t) })).status).toBe(200)
    // Reader is not a Key Vault data role.
    expect(
      (await call(kvUrl(), { headers: bearer(await token(VAULT, other.clientId)) })).status
    ).toBe(403)
  })
})
