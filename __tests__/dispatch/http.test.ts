/**
 * The runner's side of the smoke endpoint protocol against endpoints that misbehave in every way
 * the protocol names: each answer other than valid observations is a DispatchError that says what
 * was wrong and what to do; credentials never follow a redirect.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net'
import { httpWorkload } from '../../src/engine/dispatch/http'
import { validateObservations } from '../../src/engine/observations-validator'
import { redactSecrets } from '../../src/common/redact'
import { DispatchError } from '../../src/engine/dispatch/workload'
import type { ActionInputs } from '../../src/engine/inputs/action-inputs'
import type { ProbeRequest } from '../../src/contracts/probe-request'

type Seen = { method: string; url: string; headers: IncomingMessage['headers']; body: string }
type Respond = (req: IncomingMessage, res: ServerResponse, seen: Seen) => void

const servers: Server[] = []
afterAll(async () => Promise.all(servers.map(s => new Promise(done => s.close(done)))))

async function endpoint(respond: Respond): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = []
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', chunk => (body += chunk))
    req.on('end', () => {
      const record = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body }
      seen.push(record)
      respond(req, res, record)
    })
  })
  servers.push(server)
  await new Promise<void>(done => server.listen(0, '127.0.0.1', done))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/mi-smoke`, seen }
}

function inputs(extra: Partial<ActionInputs> = {}): ActionInputs {
  return {
    targets: [],
    identity: { kind: 'system' },
    checks: [],
    rbacWaitMs: 0,
    readyWaitMs: 0,
    timeoutMs: 5000,
    concurrency: 1,
    failOn: 'error',
    os: 'auto',
    imdsEndpoint: 'http://169.254.169.254',
    summary: false,
    endpointKey: 'the-endpoint-key-0123456789',
    ...extra
  }
}

const request: ProbeRequest = {
  v: 1,
  nonce: 'nonce-0123456789',
  identity: { kind: 'system' },
  checks: [
    {
      url: 'https://management.azure.com/subscriptions?api-version=2022-12-01',
      resource: 'https://management.azure.com/'
    }
  ],
  timeoutMs: 5000,
  imdsEndpoint: 'http://169.254.169.254'
}

const claims = Buffer.from(
  JSON.stringify({ oid: '2d3c4b5a-1f0e-4d9c-8b7a-6f5e4d3c2b1a' })
).toString('base64url')
const goodObservations = {
  v: 1,
  nonce: request.nonce,
  probe: 'handler',
  source: 'app-service',
  tokens: [
    {
      url: 'http://localhost/msi/token',
      status: 200,
      attempts: 1,
      ms: 3,
      resource: 'https://management.azure.com/',
      shape: 'jwt',
      claims
    }
  ],
  apis: [{ url: request.checks[0]!.url, status: 200, attempts: 1, ms: 5, check: 0 }],
  sdk: [{ credential: 'DefaultAzureCredential', claims, ms: 4 }]
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Respond {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers })
    res.end(typeof body === 'string' ? body : JSON.stringify(body))
  }
}

async function dispatchError(
  url: string,
  extra: Partial<ActionInputs> = {},
  waitMs?: number
): Promise<DispatchError> {
  const workload = httpWorkload({ kind: 'https', line: url, url }, inputs(extra), { waitMs })
  try {
    await workload.probe(request, new AbortController().signal)
  } catch (error) {
    expect(error).toBeInstanceOf(DispatchError)
    return error as DispatchError
  }
  throw new Error('the probe did not fail')
}

test('POSTs the probe request as JSON with the key, and returns the validated observations', async () => {
  const { url, seen } = await endpoint(json(200, { ...goodObservations, extra: 'dropped' }))
  const workload = httpWorkload({ kind: 'https', line: url, url }, inputs())
  expect(workload.label).toBe(url)
  const answer = await workload.probe(request, new AbortController().signal)
  expect(validateObservations(answer, { workload: url, request })).toEqual(goodObservations)
  expect(seen).toHaveLength(1)
  expect(seen[0]!.method).toBe('POST')
  expect(seen[0]!.headers['content-type']).toBe('application/json')
  expect(seen[0]!.headers['x-mi-smoke-key']).toBe('the-endpoint-key-0123456789')
  expect(seen[0]!.headers['authorization']).toBeUndefined()
  expect(JSON.parse(seen[0]!.body)).toEqual(request)
})

test('endpoint-audience: the runner token goes as a bearer token, never printed (no ::add-mask::)', async () => {
  const { url, seen } = await endpoint(json(200, goodObservations))
  const writes: string[] = []
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
    writes.push(String(chunk))
    return true
  })
  try {
    const asked: string[] = []
    const workload = httpWorkload(
      { kind: 'https', line: url, url },
      inputs({ endpointKey: undefined, endpointAudience: 'api://mi-smoke' }),
      {
        getRunnerToken: async audience => {
          asked.push(audience)
          return 'runner-token-value'
        }
      }
    )
    await workload.probe(request, new AbortController().signal)
    expect(asked).toEqual(['api://mi-smoke'])
  } finally {
    spy.mockRestore()
  }
  expect(seen[0]!.headers['authorization']).toBe('Bearer runner-token-value')
  expect(seen[0]!.headers['x-mi-smoke-key']).toBeUndefined()
  expect(writes.join('')).not.toContain('runner-token-value')
  // The redactor knows it: any text the action stores or prints loses it.
  expect(redactSecrets('echo: Bearer runner-token-value; x-key=runner-token-value')).not.toContain(
    'runner-token-value'
  )
})

test('no runner token → DispatchError telling to run azure/login, nothing sent', async () => {
  const { url, seen } = await endpoint(json(200, goodObservations))
  const workload = httpWorkload(
    { kind: 'https', line: url, url },
    inputs({ endpointAudience: 'api://mi-smoke' }),
    {
      getRunnerToken: async () => Promise.reject(new Error('Please run az login'))
    }
  )
  await expect(workload.probe(request, new AbortController().signal)).rejects.toMatchObject({
    message: expect.stringMatching(
      /could not get a token for endpoint-audience api:\/\/mi-smoke.*az login/
    ),
    remediation: expect.stringMatching(/azure\/login/)
  })
  expect(seen).toHaveLength(0)
})

test('a redirect is not followed: the credentials never reach the Location host', async () => {
  const elsewhere = await endpoint(json(200, goodObservations))
  const { url } = await endpoint((_req, res) => {
    res.writeHead(302, { location: elsewhere.url.replace('127.0.0.1', 'localhost') })
    res.end()
  })
  const error = await dispatchError(url)
  expect(error.message).toMatch(
    /answered 302 redirecting to localhost:\d+; mi-smoke never follows a redirect/
  )
  expect(elsewhere.seen).toHaveLength(0)
})

test.each([
  [
    401,
    { v: 1, error: 'unauthorized', message: 'wrong x-mi-smoke-key' },
    /refused the credentials \(401\): wrong x-mi-smoke-key/,
    /MI_SMOKE_KEY/
  ],
  [
    403,
    { v: 1, error: 'refused', message: 'checks[0] refused, nothing was called: host x' },
    /refused the request \(403\): checks\[0\] refused/,
    /allowlist/
  ],
  [403, '<html>Forbidden</html>', /403 before the handler/, /access restrictions/],
  [
    404,
    '<html>Not found</html>',
    /there is no smoke endpoint at .*\(404\)/,
    /Mount the @mi-smoke\/smoke-endpoint handler/
  ],
  [
    413,
    { v: 1, error: 'too-large', message: 'the body exceeds 65536 bytes' },
    /too large \(413\)/,
    /fewer checks/
  ],
  [
    400,
    { v: 1, error: 'unsupported-version', message: 'this endpoint speaks protocol version 2' },
    /rejected the request \(400\).*version 2/,
    /same mi-smoke release/
  ],
  [
    500,
    { v: 1, error: 'internal', message: 'the smoke endpoint failed; see the app log' },
    /failed \(500\)/,
    /app's log/
  ],
  [503, '<html>Service Unavailable</html>', /answered 503 \(not running or starting\)/, /running/]
])('%i → a clear DispatchError', async (status, body, message, remediation) => {
  const { url } = await endpoint(json(status, body))
  const error = await dispatchError(url)
  expect(error.message).toMatch(message)
  expect(error.remediation).toMatch(remediation)
})

test('429 → rate limited, with the Retry-After', async () => {
  const { url } = await endpoint(
    json(429, { v: 1, error: 'rate-limited', message: 'too many' }, { 'retry-after': '7' })
  )
  const error = await dispatchError(url)
  expect(error.message).toMatch(/rate limited \(429\); retry after 7 s/)
  expect(error.remediation).toMatch(/rateLimit/)
})

test('an endpoint that does not answer in time → DispatchError naming the wait', async () => {
  const { url } = await endpoint(() => undefined)
  const started = Date.now()
  const error = await dispatchError(url, {}, 300)
  expect(Date.now() - started).toBeLessThan(5000)
  expect(error.message).toMatch(/did not answer within/)
})

describe('connecting is bounded by `timeout`, the answer by the protocol wait', () => {
  const proxyVars = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY']
  const saved = proxyVars.map(name => [name, process.env[name]] as const)
  beforeAll(() => proxyVars.forEach(name => delete process.env[name]))
  afterAll(() =>
    saved.forEach(([name, value]) => value !== undefined && (process.env[name] = value))
  )

  test('a host that takes the connection but never completes TLS → unreachable within timeout', async () => {
    // Accepts TCP and says nothing: the TLS handshake never ends (a black-holed or wrong port).
    const silent = createNetServer(socket => sockets.push(socket))
    const sockets: Socket[] = []
    await new Promise<void>(done => silent.listen(0, '127.0.0.1', done))
    const url = `https://127.0.0.1:${(silent.address() as AddressInfo).port}/mi-smoke`
    try {
      const started = Date.now()
      const error = await dispatchError(url, { timeoutMs: 400 }, 20_000)
      expect(Date.now() - started).toBeLessThan(3000)
      expect(error.message).toMatch(/could not reach the smoke endpoint .*unreachable/)
      expect(error.evidence).toMatch(/no connection within 400 ms/)
    } finally {
      sockets.forEach(socket => socket.destroy())
      await new Promise(done => silent.close(done))
    }
  })

  test('an answer slower than timeout is still awaited once the request is sent', async () => {
    const { url } = await endpoint((_req, res) => {
      setTimeout(() => json(200, goodObservations)(_req, res, undefined as never), 800)
    })
    const workload = httpWorkload({ kind: 'https', line: url, url }, inputs({ timeoutMs: 200 }), {
      waitMs: 5000
    })
    const answer = await workload.probe(request, new AbortController().signal)
    expect(validateObservations(answer, { workload: url, request })).toEqual(goodObservations)
  })
})

test('nothing listening → DispatchError', async () => {
  const { url } = await endpoint(json(200, goodObservations))
  await new Promise(done => servers.pop()!.close(done))
  const error = await dispatchError(url)
  expect(error.message).toMatch(/could not reach the smoke endpoint .*refused/)
})

test.each([
  ['another version', { ...goodObservations, v: 2 }, /schema version 2, this action speaks 1/],
  [
    "another request's nonce",
    { ...goodObservations, nonce: 'other-nonce-123' },
    /answered another request \(nonce mismatch\)/
  ],
  [
    'a whole token',
    {
      ...goodObservations,
      tokens: [
        {
          ...goodObservations.tokens[0],
          claims: undefined,
          body: 'eyJhbGciOi.eyJvaWQiOiJvIn0.c2lnbmF0dXJl'
        }
      ]
    },
    /shaped like an access token/
  ],
  [
    'an unknown source',
    { ...goodObservations, source: 'mainframe' },
    /the answer.source is not a known identity source/
  ],
  [
    'more API calls than checks',
    {
      ...goodObservations,
      apis: [goodObservations.apis[0], { ...goodObservations.apis[0], check: 1 }]
    },
    /apis has more than 1 entries/
  ],
  [
    'an oversized body field',
    { ...goodObservations, apis: [{ ...goodObservations.apis[0], body: 'x'.repeat(5000) }] },
    /apis\[0\].body is longer/
  ],
  [
    'claims that are not one segment',
    { ...goodObservations, sdk: [{ credential: 'X', claims: 'a.b', ms: 1 }] },
    /sdk\[0\].claims is not one base64url segment/
  ],
  ['a missing tokens array', { ...goodObservations, tokens: undefined }, /tokens is not an array/],
  [
    'an access_token field',
    {
      ...goodObservations,
      tokens: [{ ...goodObservations.tokens[0], fields: { access_token: 'opaque' } }]
    },
    /holds access_token/
  ]
])('an answer with %s → DispatchError saying what was wrong', async (_label, body, problem) => {
  const { url } = await endpoint(json(200, body))
  const workload = httpWorkload({ kind: 'https', line: url, url }, inputs())
  const answer = await workload.probe(request, new AbortController().signal)
  // What the orchestrator does with every answer (src/engine/orchestrate/probe-once.ts).
  let error: unknown
  try {
    validateObservations(answer, { workload: url, request })
  } catch (thrown) {
    error = thrown
  }
  expect(error).toBeInstanceOf(DispatchError)
  if (!(error instanceof DispatchError)) return
  expect(error.message.startsWith(`${url} answered`)).toBe(true)
  expect(error.message).toMatch(problem)
  expect(error.message).not.toMatch(/c2lnbmF0dXJl/)
})

test('200 that is not JSON (a web page at that URL) → DispatchError', async () => {
  const { url } = await endpoint((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' })
    res.end('<html>welcome</html>')
  })
  expect((await dispatchError(url)).message).toMatch(/text\/html, not application\/json/)
})

test('an answer over the size limit → DispatchError', async () => {
  const { url } = await endpoint(json(200, 'x'.repeat(1024 * 1024 + 10)))
  expect((await dispatchError(url)).message).toMatch(/more than 1048576 bytes/)
})

test('http off loopback and URLs with user info are refused before sending anything', async () => {
  await expect(dispatchError('http://example.com/mi-smoke')).resolves.toMatchObject({
    message: expect.stringMatching(/not https/)
  })
  await expect(dispatchError('https://user:pw@example.com/mi-smoke')).resolves.toMatchObject({
    message: expect.stringMatching(/user info/)
  })
})
