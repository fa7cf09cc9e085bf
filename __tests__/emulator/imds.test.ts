import { startEmulator, type Emulator } from '../../emulator/emulator'
import { call, claimsOf, ARM, VAULT } from '../helpers/emulator-http'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(() => emulator.close())
beforeEach(() => emulator.setScenario('healthy'))

const tokenUrl = (query: string): string =>
  `${emulator.imdsUrl}/metadata/identity/oauth2/token?${query}`
const md = { Metadata: 'true' }

describe('IMDS instance metadata', () => {
  it('answers the compute document with the fixtures', async () => {
    const answer = await call(`${emulator.imdsUrl}/metadata/instance?api-version=2021-02-01`, {
      headers: md
    })
    expect(answer.status).toBe(200)
    expect(answer.json.compute).toMatchObject({
      azEnvironment: 'AzurePublicCloud',
      subscriptionId: emulator.subscriptionId,
      resourceGroupName: 'rg-web',
      name: 'web-1',
      resourceId: emulator.vmResourceId
    })
    expect(emulator.vmResourceId).toBe(
      `/subscriptions/${emulator.subscriptionId}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/web-1`
    )
  })

  it('serves a leaf as text', async () => {
    const answer = await call(
      `${emulator.imdsUrl}/metadata/instance/compute/location?api-version=2021-02-01&format=text`,
      { headers: md }
    )
    expect(answer.text).toBe('westeurope')
  })

  it('refuses a missing or unknown api-version with the newest versions', async () => {
    for (const query of ['', '?api-version=2099-01-01']) {
      const answer = await call(`${emulator.imdsUrl}/metadata/instance${query}`, { headers: md })
      expect(answer.status).toBe(400)
      expect(answer.json.error).toMatch(
        /^Bad request\. api-version is invalid or was not specified/
      )
      expect(answer.json['newest-versions']).toContain('2021-12-13')
    }
  })

  it('requires the Metadata header', async () => {
    const answer = await call(`${emulator.imdsUrl}/metadata/instance?api-version=2021-02-01`)
    expect(answer.status).toBe(400)
    expect(answer.json.error).toMatch(/Required metadata header not specified/)
  })
})

describe('IMDS token endpoint: healthy', () => {
  it('issues a system-assigned token with realistic v1 claims and the canary signature', async () => {
    const answer = await call(
      tokenUrl(`api-version=2018-02-01&resource=${encodeURIComponent(ARM)}`),
      { headers: md }
    )
    expect(answer.status).toBe(200)
    const body = answer.json
    expect(Object.keys(body).sort()).toEqual(
      [
        'access_token',
        'client_id',
        'expires_in',
        'expires_on',
        'ext_expires_in',
        'not_before',
        'resource',
        'token_type'
      ].sort()
    )
    for (const value of Object.values(body)) expect(typeof value).toBe('string') // IMDS sends strings only
    expect(body.resource).toBe(ARM)
    expect(body.token_type).toBe('Bearer')
    expect(body.client_id).toBe(emulator.identities.system.clientId)
    const now = Date.now() / 1000
    expect(Number(body.expires_on)).toBeGreaterThan(now + 3000)
    expect(Number(body.expires_on)).toBeLessThan(now + 3700)

    const [header, , signature] = body.access_token.split('.')
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toMatchObject({
      typ: 'JWT',
      alg: 'RS256'
    })
    expect(signature).toBe(emulator.canary)
    expect(emulator.canary).toMatch(/^mismokeCANARY[0-9a-f]+$/)
    const claims = claimsOf(body.access_token)
    expect(claims).toMatchObject({
      aud: ARM,
      iss: `https://sts.windows.net/${emulator.tenantId}/`,
      tid: emulator.tenantId,
      oid: emulator.identities.system.objectId,
      sub: emulator.identities.system.objectId,
      appid: emulator.identities.system.clientId,
      appidacr: '2',
      idtyp: 'app',
      ver: '1.0',
      xms_mirid: emulator.vmResourceId
    })
    expect(claims.xms_az_rid).toBeUndefined()
    expect(claims.exp).toBe(Number(body.expires_on))
    for (const claim of ['iat', 'nbf', 'aio', 'idp', 'rh', 'uti'])
      expect(claims[claim]).toBeDefined()
  })

  it.each([
    ['client_id', (e: Emulator) => e.identities.userAssigned[0]!.clientId],
    ['object_id', (e: Emulator) => e.identities.userAssigned[0]!.objectId],
    ['msi_res_id', (e: Emulator) => e.identities.userAssigned[0]!.resourceId],
    ['mi_res_id', (e: Emulator) => e.identities.userAssigned[0]!.resourceId]
  ])('selects a user-assigned identity by %s', async (name, value) => {
    const ua = emulator.identities.userAssigned[0]!
    const answer = await call(
      tokenUrl(
        `api-version=2018-02-01&resource=${VAULT}&${name}=${encodeURIComponent(value(emulator))}`
      ),
      { headers: md }
    )
    expect(answer.status).toBe(200)
    expect(answer.json.client_id).toBe(ua.clientId)
    const claims = claimsOf(answer.json.access_token)
    expect(claims).toMatchObject({
      oid: ua.objectId,
      appid: ua.clientId,
      xms_mirid: ua.resourceId,
      xms_az_rid: emulator.vmResourceId,
      aud: VAULT
    })
    expect(ua.resourceId).toMatch(
      /\/providers\/Microsoft\.ManagedIdentity\/userAssignedIdentities\/[^/]+$/
    )
  })

  it('accepts a trailing slash on the token path, as MSAL sends it', async () => {
    const answer = await call(
      `${emulator.imdsUrl}/metadata/identity/oauth2/token/?api-version=2018-02-01&resource=${VAULT}`,
      { headers: md }
    )
    expect(answer.status).toBe(200)
  })

  it('matches identity IDs case-insensitively', async () => {
    const ua = emulator.identities.userAssigned[1]!
    const answer = await call(
      tokenUrl(`api-version=2018-02-01&resource=${VAULT}&client_id=${ua.clientId.toUpperCase()}`),
      { headers: md }
    )
    expect(claimsOf(answer.json.access_token).oid).toBe(ua.objectId)
  })
})

describe('IMDS token endpoint: request validation', () => {
  const ok = (): string => `api-version=2018-02-01&resource=${encodeURIComponent(ARM)}`

  it('requires Metadata: true', async () => {
    const answer = await call(tokenUrl(ok()))
    expect(answer.status).toBe(400)
    expect(answer.json).toEqual({
      error: 'invalid_request',
      error_description: 'Required metadata header not specified'
    })
    const wrong = await call(tokenUrl(ok()), { headers: { Metadata: 'yes' } })
    expect(wrong.status).toBe(400)
  })

  it('requires api-version', async () => {
    const answer = await call(tokenUrl(`resource=${ARM}`), { headers: md })
    expect(answer.status).toBe(400)
    expect(answer.json.error).toMatch(/api-version is invalid or was not specified/)
  })

  it('refuses X-Forwarded-For (IMDS must not be reached through a proxy)', async () => {
    const answer = await call(tokenUrl(ok()), { headers: { ...md, 'X-Forwarded-For': '10.0.0.9' } })
    expect(answer.status).toBe(400)
    expect(answer.json.error).toBe('invalid_request')
    expect(answer.json.error_description).toMatch(/X-Forwarded-For/)
  })

  it('refuses a query parameter given twice', async () => {
    const answer = await call(tokenUrl(`${ok()}&resource=${VAULT}`), { headers: md })
    expect(answer.status).toBe(400)
    expect(answer.json.error_description).toMatch(/'resource' is specified more than once/)
  })

  it('requires a resource', async () => {
    const answer = await call(tokenUrl('api-version=2018-02-01'), { headers: md })
    expect(answer.status).toBe(400)
    expect(answer.json.error_description).toBe('Required audience parameter not specified')
  })

  it('refuses more than one identity selector', async () => {
    const ua = emulator.identities.userAssigned[0]!
    const answer = await call(
      tokenUrl(`${ok()}&client_id=${ua.clientId}&object_id=${ua.objectId}`),
      { headers: md }
    )
    expect(answer.status).toBe(400)
    expect(answer.json.error_description).toMatch(/Only one of/)
    const both = await call(
      tokenUrl(`${ok()}&msi_res_id=${ua.resourceId}&mi_res_id=${ua.resourceId}`),
      { headers: md }
    )
    expect(both.status).toBe(400)
  })

  it('answers AADSTS500011 for an audience the tenant does not know', async () => {
    const answer = await call(
      tokenUrl('api-version=2018-02-01&resource=https://not-a-service.example.com/'),
      { headers: md }
    )
    expect(answer.status).toBe(400)
    expect(answer.json.error).toBe('invalid_resource')
    expect(answer.json.error_description).toMatch(
      new RegExp(
        `^AADSTS500011: The resource principal named https://not-a-service.example.com/ was not found in the tenant named ${emulator.tenantId}\\.`
      )
    )
  })

  it('answers 400 Identity not found for a client ID not on the VM', async () => {
    const answer = await call(tokenUrl(`${ok()}&client_id=00000000-0000-0000-0000-000000000001`), {
      headers: md
    })
    expect(answer.status).toBe(400)
    expect(answer.json).toEqual({
      error: 'invalid_request',
      error_description: 'Identity not found'
    })
  })
})

describe('IMDS scenarios', () => {
  const get = (query = `api-version=2018-02-01&resource=${encodeURIComponent(ARM)}`) =>
    call(tokenUrl(query), { headers: md })

  it('no-identity: 400 Identity not found, with or without a selector', async () => {
    await emulator.setScenario('no-identity')
    for (const answer of [
      await get(),
      await get(
        `api-version=2018-02-01&resource=${ARM}&client_id=${emulator.identities.userAssigned[0]!.clientId}`
      )
    ]) {
      expect(answer.status).toBe(400)
      expect(answer.json).toEqual({
        error: 'invalid_request',
        error_description: 'Identity not found'
      })
    }
    // Instance metadata still works: the VM exists, it just has no identity.
    expect(
      (await call(`${emulator.imdsUrl}/metadata/instance?api-version=2021-02-01`, { headers: md }))
        .status
    ).toBe(200)
  })

  it('wrong-client-id: the healthy user-assigned identity and unknown IDs are not found; the one assigned is', async () => {
    await emulator.setScenario('wrong-client-id')
    const [first, second] = emulator.identities.userAssigned
    const notFound = await get(
      `api-version=2018-02-01&resource=${ARM}&client_id=${first!.clientId}`
    )
    expect(notFound.status).toBe(400)
    expect(notFound.json.error_description).toBe('Identity not found')
    const random = await get(
      `api-version=2018-02-01&resource=${ARM}&client_id=11111111-2222-3333-4444-555555555555`
    )
    expect(random.json.error_description).toBe('Identity not found')
    const assigned = await get(
      `api-version=2018-02-01&resource=${ARM}&client_id=${second!.clientId}`
    )
    expect(assigned.status).toBe(200)
    // No system identity: the only user-assigned identity answers an unqualified request, as on a real VM.
    const unqualified = await get()
    expect(claimsOf(unqualified.json.access_token).oid).toBe(second!.objectId)
  })

  it('several user-assigned identities and no system one: an unqualified request is refused', async () => {
    await emulator.setScenario({ systemAssigned: false, userAssigned: [0, 1] })
    const answer = await get()
    expect(answer.status).toBe(400)
    expect(answer.json.error_description).toMatch(/^Multiple user assigned identities exist/)
  })

  it('imds-gone: 410 for goneForMs, then tokens again', async () => {
    await emulator.setScenario({ name: 'imds-gone', goneForMs: 400 })
    const gone = await get()
    expect(gone.status).toBe(410)
    await new Promise(r => setTimeout(r, 450))
    expect((await get()).status).toBe(200)
  })

  it('imds-throttled: throttleCount 429s with Retry-After, then success', async () => {
    await emulator.setScenario({ name: 'imds-throttled', throttleCount: 2, retryAfterSeconds: 3 })
    for (let i = 0; i < 2; i++) {
      const answer = await get()
      expect(answer.status).toBe(429)
      expect(answer.headers['retry-after']).toBe('3')
      expect(answer.json.error).toBe('too_many_requests')
    }
    expect((await get()).status).toBe(200)
  })

  it('imds-throttled by default outlasts the three documented retries', async () => {
    await emulator.setScenario('imds-throttled')
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push((await get()).status)
    expect(statuses).toEqual([429, 429, 429, 429])
  })

  it('imds-error: 500 unknown', async () => {
    await emulator.setScenario('imds-error')
    const answer = await get()
    expect(answer.status).toBe(500)
    expect(answer.json.error).toBe('unknown')
    expect(answer.json.error_description).toMatch(
      /^Failed to retrieve token from the Active directory/
    )
  })

  it('token-expired: expires_on and exp in the past', async () => {
    await emulator.setScenario('token-expired')
    const answer = await get()
    expect(answer.status).toBe(200)
    const now = Date.now() / 1000
    expect(Number(answer.json.expires_on)).toBeLessThan(now)
    expect(claimsOf(answer.json.access_token).exp).toBeLessThan(now)
  })

  it('token-no-expiry: no expiry field at all', async () => {
    await emulator.setScenario('token-no-expiry')
    const answer = await get()
    expect(answer.status).toBe(200)
    expect(answer.json.access_token).toBeDefined()
    expect(answer.json).not.toHaveProperty('expires_on')
    expect(answer.json).not.toHaveProperty('expires_in')
  })

  it('token-malformed: 200 whose JSON does not parse (and which holds the token: probes must not echo it)', async () => {
    await emulator.setScenario('token-malformed')
    const answer = await get()
    expect(answer.status).toBe(200)
    expect(answer.json).toBeUndefined()
    expect(() => JSON.parse(answer.text)).toThrow()
    expect(answer.text).toContain(emulator.canary)
  })

  it('wrong-audience: the token is for another resource than the one requested', async () => {
    await emulator.setScenario('wrong-audience')
    const arm = await get()
    expect(arm.json.resource).toBe(ARM)
    expect(claimsOf(arm.json.access_token).aud).toBe(VAULT)
    const kv = await get(`api-version=2018-02-01&resource=${VAULT}`)
    expect(claimsOf(kv.json.access_token).aud).toBe(ARM)
  })
})
