import { startEmulator, type Emulator } from '../../emulator/emulator'
import { call, ARM } from '../helpers/emulator-http'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(() => emulator.close())
beforeEach(() => emulator.setScenario('healthy'))

const instance = (): string => `${emulator.imdsUrl}/metadata/instance?api-version=2021-02-01`
const md = { Metadata: 'true' }

describe('listeners', () => {
  it('binds everything to 127.0.0.1', () => {
    for (const url of [emulator.imdsUrl, emulator.apiUrl, emulator.controlUrl]) {
      expect(new URL(url).hostname).toBe('127.0.0.1')
    }
  })

  it('imds-refused: connection refused for real, then the same port serves again', async () => {
    const before = emulator.imdsUrl
    await emulator.setScenario('imds-refused')
    await expect(call(instance(), { headers: md })).rejects.toMatchObject({ code: 'ECONNREFUSED' })
    await emulator.setScenario('healthy')
    expect(emulator.imdsUrl).toBe(before)
    expect((await call(instance(), { headers: md })).status).toBe(200)
  })

  it('api-closed: the API port refuses connections; identity still serves', async () => {
    await emulator.setScenario('api-closed')
    await expect(
      call(`${emulator.apiUrl}/subscriptions?api-version=2022-12-01`)
    ).rejects.toMatchObject({ code: 'ECONNREFUSED' })
    expect((await call(instance(), { headers: md })).status).toBe(200)
    await emulator.setScenario('healthy')
    expect((await call(`${emulator.apiUrl}/subscriptions?api-version=2022-12-01`)).status).toBe(401)
  })

  it('imds-hang: accepts the connection, never answers (until the client gives up)', async () => {
    await emulator.setScenario('imds-hang')
    const started = Date.now()
    await expect(call(instance(), { headers: md, timeoutMs: 300 })).rejects.toMatchObject({
      code: 'TIMEOUT'
    })
    expect(Date.now() - started).toBeGreaterThanOrEqual(290)
    // The request did arrive: it is in the log.
    expect(
      emulator.requests.some(r => r.port === 'identity' && r.path.startsWith('/metadata/instance'))
    ).toBe(true)
    await emulator.setScenario('healthy')
    expect((await call(instance(), { headers: md })).status).toBe(200)
  })

  it('close() ends hung connections and frees the ports', async () => {
    const other = await startEmulator({ scenario: 'imds-hang' })
    const pending = call(`${other.imdsUrl}/metadata/instance?api-version=2021-02-01`, {
      headers: md,
      timeoutMs: 10_000
    })
    await new Promise(r => setTimeout(r, 50))
    const started = Date.now()
    await other.close()
    await expect(pending).rejects.toBeDefined()
    expect(Date.now() - started).toBeLessThan(2000)
    await expect(call(`${other.imdsUrl}/metadata/instance`)).rejects.toMatchObject({
      code: 'ECONNREFUSED'
    })
  })

  it('two emulators have different canaries and ports', async () => {
    const other = await startEmulator()
    try {
      expect(other.canary).not.toBe(emulator.canary)
      expect(other.imdsUrl).not.toBe(emulator.imdsUrl)
    } finally {
      await other.close()
    }
  })
})

describe('request log', () => {
  it('records port, method, path and headers, with secrets redacted', async () => {
    emulator.clearRequests()
    const t = await call(
      `${emulator.imdsUrl}/metadata/identity/oauth2/token?api-version=2018-02-01&resource=${ARM}`,
      { headers: md }
    )
    await call(`${emulator.apiUrl}/subscriptions?api-version=2022-12-01`, {
      headers: { Authorization: `Bearer ${t.json.access_token}` }
    })
    await call(`${emulator.appService.endpoint}?api-version=2019-08-01&resource=${ARM}`, {
      headers: { 'X-IDENTITY-HEADER': emulator.appService.header }
    })
    expect(emulator.requests.map(r => [r.port, r.method, r.path.split('?')[0]])).toEqual([
      ['identity', 'GET', '/metadata/identity/oauth2/token'],
      ['api', 'GET', '/subscriptions'],
      ['identity', 'GET', '/msi/token']
    ])
    expect(emulator.requests[0]!.headers['metadata']).toBe('true')
    expect(emulator.requests[1]!.headers['authorization']).toBe('Bearer [redacted]')
    expect(emulator.requests[2]!.headers['x-identity-header']).toBe('[redacted]')
    const logged = JSON.stringify(emulator.requests)
    expect(logged).not.toContain(emulator.canary)
    expect(logged).not.toContain(emulator.appService.header)
  })
})

describe('control listener', () => {
  it('POST /scenario by name and by settings; GET /scenario', async () => {
    const byName = await call(`${emulator.controlUrl}/scenario`, {
      method: 'POST',
      body: '"role-missing"'
    })
    expect(byName.status).toBe(200)
    expect(byName.json).toMatchObject({ name: 'role-missing', roles: 'none' })
    expect(emulator.scenario.name).toBe('role-missing')

    const bySettings = await call(`${emulator.controlUrl}/scenario`, {
      method: 'POST',
      body: JSON.stringify({ name: 'imds-gone', goneForMs: 1234 })
    })
    expect(bySettings.json).toMatchObject({
      name: 'imds-gone',
      tokenFault: 'gone',
      goneForMs: 1234
    })
    expect((await call(`${emulator.controlUrl}/scenario`)).json.goneForMs).toBe(1234)

    const partial = await call(`${emulator.controlUrl}/scenario`, {
      method: 'POST',
      body: JSON.stringify({ roles: 'none' })
    })
    expect(partial.json).toMatchObject({ name: 'custom', roles: 'none', tokenFault: 'none' })
  })

  it('POST /scenario that closes the identity listener answers after it is closed', async () => {
    const answer = await call(`${emulator.controlUrl}/scenario`, {
      method: 'POST',
      body: '"imds-refused"'
    })
    expect(answer.status).toBe(200)
    await expect(call(instance(), { headers: md })).rejects.toMatchObject({ code: 'ECONNREFUSED' })
  })

  it('refuses unknown scenarios, unknown settings and bad values with a clear 400', async () => {
    for (const [body, pattern] of [
      ['"nope"', /unknown scenario 'nope'/],
      ['{"goneFor":5}', /unknown scenario setting 'goneFor'/],
      ['{"roles":"some"}', /'roles' must be one of healthy, none, delayed/],
      ['{"throttleCount":-1}', /'throttleCount' must be a number >= 0/],
      ['not json', /body must be JSON/]
    ] as const) {
      const answer = await call(`${emulator.controlUrl}/scenario`, { method: 'POST', body })
      expect(answer.status).toBe(400)
      expect(answer.json.error).toMatch(pattern)
    }
    expect(emulator.scenario.name).toBe('healthy')
  })

  it('GET /requests filters by port; DELETE /requests clears', async () => {
    await call(instance(), { headers: md })
    const identity = await call(`${emulator.controlUrl}/requests?port=identity`)
    expect(identity.json.length).toBeGreaterThan(0)
    expect(identity.json.every((r: { port: string }) => r.port === 'identity')).toBe(true)
    expect((await call(`${emulator.controlUrl}/requests`, { method: 'DELETE' })).status).toBe(204)
    expect((await call(`${emulator.controlUrl}/requests?port=identity`)).json).toEqual([])
  })

  it('GET / describes URLs, fixtures and scenario', async () => {
    const answer = await call(`${emulator.controlUrl}/`)
    expect(answer.json).toMatchObject({
      imdsUrl: emulator.imdsUrl,
      apiUrl: emulator.apiUrl,
      canary: emulator.canary,
      subscriptionId: emulator.subscriptionId
    })
  })

  it('POST /role-assignments grants a role', async () => {
    const ua = emulator.identities.userAssigned[1]!
    const t = (
      await call(
        `${emulator.imdsUrl}/metadata/identity/oauth2/token?api-version=2018-02-01&resource=${ARM}&client_id=${ua.clientId}`,
        { headers: md }
      )
    ).json.access_token
    const rg = `${emulator.apiUrl}/subscriptions/${emulator.subscriptionId}/resourcegroups?api-version=2021-04-01`
    expect((await call(rg, { headers: { Authorization: `Bearer ${t}` } })).status).toBe(403)
    const added = await call(`${emulator.controlUrl}/role-assignments`, {
      method: 'POST',
      body: JSON.stringify({
        principalId: ua.objectId,
        role: 'Reader',
        scope: `/subscriptions/${emulator.subscriptionId}`
      })
    })
    expect(added.status).toBe(201)
    expect((await call(rg, { headers: { Authorization: `Bearer ${t}` } })).status).toBe(200)
    const bad = await call(`${emulator.controlUrl}/role-assignments`, {
      method: 'POST',
      body: JSON.stringify({ principalId: 'x', role: 'Wizard', scope: '/' })
    })
    expect(bad.status).toBe(400)
  })
})

describe('startEmulator options', () => {
  it('starts in the scenario given, by name or settings', async () => {
    const a = await startEmulator({ scenario: 'imds-refused' })
    try {
      await expect(call(`${a.imdsUrl}/metadata/instance`)).rejects.toMatchObject({
        code: 'ECONNREFUSED'
      })
    } finally {
      await a.close()
    }
    const b = await startEmulator({ scenario: { name: 'imds-throttled', throttleCount: 1 } })
    try {
      expect(b.scenario).toMatchObject({ name: 'imds-throttled', throttleCount: 1 })
    } finally {
      await b.close()
    }
  })

  it('rejects an unknown scenario', async () => {
    await expect(startEmulator({ scenario: 'bogus' as never })).rejects.toThrow(
      /unknown scenario 'bogus'/
    )
  })
})
