/**
 * The smoke endpoint handler served on loopback with the real probe against the emulator: what it
 * refuses (and that a refusal sends nothing anywhere: the emulator records no request), what it
 * answers, and that no token ever leaves it.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { startEmulator, type Emulator } from '../../emulator/emulator'
import {
  createAzureFunctionsHandler,
  createExpressMiddleware,
  createNodeHandler
} from '../../packages/smoke-endpoint/src'
import {
  startStandaloneServer,
  standaloneOptionsFromEnv
} from '../../packages/smoke-endpoint/src/standalone-server'
import type { SmokeHandlerOptions } from '../../packages/smoke-endpoint/src/public'

const KEY = 'handler-test-key-0123456789'
const ARM = 'https://management.azure.com/'
const VAULT = 'https://vault.azure.net'

let emulator: Emulator
const servers: Server[] = []

beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await Promise.all(servers.map(s => new Promise(done => s.close(done))))
  await emulator.close()
})
beforeEach(async () => {
  await emulator.setScenario('healthy')
  emulator.clearRequests()
})

function handlerOptions(extra: SmokeHandlerOptions = {}): SmokeHandlerOptions {
  const api = new URL(emulator.apiUrl)
  return {
    key: KEY,
    allowlist: { extraRules: [{ host: api.host, audiences: [ARM, VAULT], allowHttp: true }] },
    imdsEndpoints: [emulator.imdsUrl],
    env: {},
    sdkCheck: false,
    ...extra
  }
}

async function serve(listener: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(listener)
  servers.push(server)
  await new Promise<void>(done => server.listen(0, '127.0.0.1', done))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/mi-smoke`
}

function probeRequest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    v: 1,
    nonce: `nonce-${Math.random().toString(36).slice(2)}`,
    identity: { kind: 'system' },
    checks: [
      {
        url: `${emulator.apiUrl}/subscriptions/{subscriptionId}/resourcegroups?api-version=2021-04-01`,
        resource: ARM
      },
      { url: `${emulator.apiUrl}/secrets?api-version=7.4`, resource: VAULT }
    ],
    timeoutMs: 5000,
    imdsEndpoint: emulator.imdsUrl,
    ...overrides
  }
}

/** The handler's answer; `json` is whatever it sent, read loosely by each test. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Answer = { status: number; headers: Headers; text: string; json: any }

async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = { 'x-mi-smoke-key': KEY }
): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body)
  })
  const text = await response.text()
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status: response.status, headers: response.headers, text, json }
}

describe('node:http handler', () => {
  let url: string
  beforeAll(async () => {
    url = await serve(
      createNodeHandler(handlerOptions({ rateLimit: { burst: 1000, perMinute: 1000 } }))
    )
  })

  test('answers 200 with the observations of the three steps, the nonce echoed, no token', async () => {
    const request = probeRequest()
    const answer = await post(url, request)
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/)
    expect(answer.json).toMatchObject({
      v: 1,
      nonce: request['nonce'],
      probe: 'handler',
      source: 'imds'
    })
    expect(answer.json.tokens).toHaveLength(2)
    expect(answer.json.tokens[0].claims).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(answer.json.apis.map((a: { status: number }) => a.status)).toEqual([200, 200])
    expect(answer.text).not.toContain(emulator.canary)
    // The probe did talk to the emulator: IMDS and both APIs.
    expect(emulator.requests.filter(r => r.port === 'api')).toHaveLength(2)
  })

  test.each([
    ['no key', {}],
    ['a wrong key', { 'x-mi-smoke-key': `${KEY}-not` }],
    ['an empty key', { 'x-mi-smoke-key': '' }],
    [
      'a bearer token without App Service authentication',
      { authorization: 'Bearer eyJhbGciOiJub25lIn0.e30.x' }
    ]
  ])('%s → 401 and no probe run', async (_label, headers) => {
    const answer = await post(url, probeRequest(), headers as Record<string, string>)
    expect(answer.status).toBe(401)
    expect(answer.json).toMatchObject({ v: 1, error: 'unauthorized' })
    expect(emulator.requests).toEqual([])
  })

  test.each([
    [
      'a host outside the allowlist',
      { url: 'https://attacker.example.com/collect', resource: ARM },
      /not an Azure service host/
    ],
    [
      "an Azure host with another service's audience",
      { url: 'https://myvault.vault.azure.net/secrets', resource: ARM },
      /accepts tokens for https:\/\/vault.azure.net/
    ],
    [
      'the allowed loopback API with an audience it does not accept',
      { url: '__API__/secrets?api-version=7.4', resource: 'https://storage.azure.com/' },
      /not for https:\/\/storage.azure.com/
    ],
    [
      'plain http to another loopback port',
      { url: 'http://127.0.0.1:9/steal', resource: ARM },
      /only travels over https/
    ],
    [
      'a placeholder in the host',
      { url: 'https://{resourceGroup}.vault.azure.net/secrets', resource: VAULT },
      /placeholders/
    ]
  ])('a check naming %s → 403 with no outbound request at all', async (_label, check, reason) => {
    const bad = { ...check, url: check.url.replace('__API__', emulator.apiUrl) }
    const request = probeRequest()
    const answer = await post(url, {
      ...request,
      checks: [...(request['checks'] as unknown[]), bad]
    })
    expect(answer.status).toBe(403)
    expect(answer.json).toMatchObject({ v: 1, error: 'refused' })
    expect(answer.json.message).toMatch(reason)
    expect(answer.json.message).toMatch(/checks\[2\] refused, nothing was called/)
    expect(emulator.requests).toEqual([])
  })

  test('an IMDS endpoint the handler was not told of → 403, nothing called', async () => {
    const answer = await post(url, probeRequest({ imdsEndpoint: 'http://127.0.0.1:9' }))
    expect(answer.status).toBe(403)
    expect(answer.json.message).toMatch(/imdsEndpoint/)
    expect(emulator.requests).toEqual([])
  })

  test.each([
    ['not JSON', '{"v":1,', 400, 'malformed'],
    ['another protocol version', { ...{ v: 2 } }, 400, 'unsupported-version'],
    ['an oversized body', 'x'.repeat(70 * 1024), 413, 'too-large']
  ])('%s → its status and code', async (_label, body, status, code) => {
    const answer = await post(url, body)
    expect(answer.status).toBe(status)
    expect(answer.json).toMatchObject({ v: 1, error: code })
    expect(emulator.requests).toEqual([])
  })

  test('GET → 405, text/plain → 415', async () => {
    const get = await fetch(url, { headers: { 'x-mi-smoke-key': KEY } })
    expect(get.status).toBe(405)
    const plain = await post(url, JSON.stringify(probeRequest()), {
      'x-mi-smoke-key': KEY,
      'content-type': 'text/plain'
    })
    expect(plain.status).toBe(415)
    expect(emulator.requests).toEqual([])
  })

  test('reports the failure modes as raw observations, never judging (role-missing → API 403 observed)', async () => {
    await emulator.setScenario('role-missing')
    const answer = await post(url, probeRequest())
    expect(answer.status).toBe(200)
    expect(answer.json.apis[0].status).toBe(403)
    expect(answer.json.apis[0].body).toMatch(/AuthorizationFailed/)
    expect(answer.text).not.toContain(emulator.canary)
  })
})

describe('rate limit', () => {
  test('the seventh request within a minute → 429 with Retry-After; refused requests run nothing', async () => {
    const url = await serve(createNodeHandler(handlerOptions()))
    const outside = probeRequest({
      checks: [{ url: 'https://attacker.example.com/', resource: ARM }]
    })
    for (let i = 0; i < 6; i++) expect((await post(url, outside)).status).toBe(403)
    const limited = await post(url, probeRequest())
    expect(limited.status).toBe(429)
    expect(limited.json).toMatchObject({ error: 'rate-limited' })
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(emulator.requests).toEqual([])
  })
})

describe('SDK cross-check in the handler', () => {
  test("reports the claims segment of the app credential's token, never the token", async () => {
    const payload = Buffer.from(JSON.stringify({ oid: 'o', appid: 'a', aud: ARM })).toString(
      'base64url'
    )
    const url = await serve(
      createNodeHandler(
        handlerOptions({
          sdkCheck: true,
          sdkCredentials: [
            {
              name: 'AppCredential',
              credential: {
                getToken: async () => ({
                  token: `eyJhbGciOiJSUzI1NiJ9.${payload}.${emulator.canary}`
                })
              }
            },
            {
              name: 'Broken',
              credential: {
                getToken: async () =>
                  Promise.reject(
                    new Error(
                      `failed with eyJhbGciOiJSUzI1NiJ9.${payload}.${emulator.canary} in it`
                    )
                  )
              }
            },
            { name: 'Hangs', credential: { getToken: () => new Promise(() => undefined) } }
          ]
        })
      )
    )
    const answer = await post(url, probeRequest({ timeoutMs: 300 }))
    expect(answer.status).toBe(200)
    expect(answer.json.sdk).toEqual([
      expect.objectContaining({ credential: 'AppCredential', claims: payload }),
      expect.objectContaining({
        credential: 'Broken',
        error: expect.stringContaining('[redacted]')
      }),
      expect.objectContaining({ credential: 'Hangs', error: 'no token within 300 ms' })
    ])
    expect(answer.text).not.toContain(emulator.canary)
  })
})

describe('framework adapters', () => {
  test('Express middleware, with and without express.json() in front', async () => {
    const app = express()
    app.post('/raw/mi-smoke', createExpressMiddleware(handlerOptions()))
    app.post('/parsed/mi-smoke', express.json(), createExpressMiddleware(handlerOptions()))
    const base = (await serve(app)).replace(/\/mi-smoke$/, '')
    for (const path of ['/raw/mi-smoke', '/parsed/mi-smoke']) {
      const request = probeRequest()
      const answer = await post(`${base}${path}`, request)
      expect(answer.status).toBe(200)
      expect(answer.json.nonce).toBe(request['nonce'])
      expect((await post(`${base}${path}`, request, {})).status).toBe(401)
    }
  })

  test('Azure Functions v4 handler', async () => {
    const handler = createAzureFunctionsHandler(handlerOptions())
    const request = probeRequest()
    const call = (headers: Record<string, string>) =>
      handler(
        {
          method: 'POST',
          headers: new Headers(headers),
          text: async () => JSON.stringify(request)
        },
        {}
      )
    const ok = await call({ 'content-type': 'application/json', 'x-mi-smoke-key': KEY })
    expect(ok.status).toBe(200)
    expect(JSON.parse(ok.body)).toMatchObject({ v: 1, nonce: request['nonce'], probe: 'handler' })
    expect(ok.body).not.toContain(emulator.canary)
    emulator.clearRequests()
    const refused = await call({ 'content-type': 'application/json' })
    expect(refused.status).toBe(401)
    expect(emulator.requests).toEqual([])
  })

  test('standalone server: key from MI_SMOKE_KEY, Azure table only (a loopback check is refused), /healthz', async () => {
    const options = standaloneOptionsFromEnv({ PORT: '0', HOST: '127.0.0.1', MI_SMOKE_KEY: KEY })
    const { server, port } = await startStandaloneServer(options)
    servers.push(server)
    const url = `http://127.0.0.1:${port}/mi-smoke`
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200)
    expect((await post(url, probeRequest(), {})).status).toBe(401)
    const refused = await post(url, probeRequest())
    expect(refused.status).toBe(403)
    expect(emulator.requests).toEqual([])
    expect((await post(`http://127.0.0.1:${port}/other`, probeRequest())).status).toBe(404)
  })
})
