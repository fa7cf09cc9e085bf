import {
  bypassesProxy,
  classifyError,
  httpRequest,
  isFailure,
  proxyFor
} from '../../src/common/http/http-request'
import type { HttpOutcome } from '../../src/common/http/http-request'
import {
  closedPort,
  json,
  selfSignedCertificate,
  startHungServer,
  startProxy,
  startServer
} from '../helpers/local-servers'
import type { LocalProxy, LocalServer, SelfSigned } from '../helpers/local-servers'
import { describeWithTools } from '../helpers/system-tools'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map(close => close()))
})
async function server(...args: Parameters<typeof startServer>): Promise<LocalServer> {
  const started = await startServer(...args)
  cleanups.push(started.close)
  return started
}
async function proxy(options?: { connectStatus?: number }): Promise<LocalProxy> {
  const started = await startProxy(options)
  cleanups.push(started.close)
  return started
}

function response(outcome: HttpOutcome): Exclude<HttpOutcome, { error: unknown }> {
  if (isFailure(outcome))
    throw new Error(`expected a response, got ${outcome.error}: ${outcome.errorText}`)
  return outcome
}

describe('httpRequest', () => {
  it('GETs with headers and reads status, headers and body', async () => {
    const s = await server((req, res) =>
      json(res, 200, { seen: req.headers.metadata }, { 'retry-after': '3' })
    )
    const outcome = response(
      await httpRequest({
        method: 'GET',
        url: `${s.url}/a?b=1`,
        headers: { Metadata: 'true' },
        timeoutMs: 2000
      })
    )
    expect(outcome.status).toBe(200)
    expect(JSON.parse(outcome.body)).toEqual({ seen: 'true' })
    expect(outcome.headers['retry-after']).toBe('3')
    expect(s.requests[0]?.url).toBe('/a?b=1')
  })

  it('POSTs a body with its length', async () => {
    const s = await server((_req, res, body) => json(res, 201, { body }))
    const outcome = response(
      await httpRequest({ method: 'POST', url: s.url, body: 'resource=x%2Fy', timeoutMs: 2000 })
    )
    expect(outcome.status).toBe(201)
    expect(s.requests[0]?.body).toBe('resource=x%2Fy')
    expect(s.requests[0]?.headers['content-length']).toBe('14')
  })

  it('ends a hung connection at the timeout', async () => {
    const hung = await startHungServer()
    cleanups.push(hung.close)
    const started = Date.now()
    const outcome = await httpRequest({ method: 'GET', url: hung.url, timeoutMs: 300 })
    const elapsed = Date.now() - started
    expect(outcome).toMatchObject({ error: 'timeout' })
    expect(elapsed).toBeGreaterThanOrEqual(290)
    expect(elapsed).toBeLessThan(1000)
  })

  it('counts the body in the timeout: headers then silence is a timeout', async () => {
    const s = await server((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('{"partial":')
    })
    const started = Date.now()
    const outcome = await httpRequest({ method: 'GET', url: s.url, timeoutMs: 300 })
    expect(outcome).toMatchObject({ error: 'timeout' })
    expect(Date.now() - started).toBeLessThan(1000)
  })

  it('classifies a refused connection', async () => {
    const port = await closedPort()
    const outcome = await httpRequest({
      method: 'GET',
      url: `http://127.0.0.1:${port}/`,
      timeoutMs: 2000
    })
    expect(outcome).toMatchObject({ error: 'refused' })
    expect((outcome as { errorText: string }).errorText).toContain('ECONNREFUSED')
  })

  it('classifies a connection the server drops as reset', async () => {
    const s = await server(req => {
      req.socket.destroy()
    })
    const outcome = await httpRequest({ method: 'GET', url: s.url, timeoutMs: 2000 })
    expect(outcome).toMatchObject({ error: 'reset' })
  })

  it('caps the body it reads', async () => {
    const s = await server((_req, res) => {
      res.writeHead(500)
      res.end('x'.repeat(200_000))
    })
    const outcome = response(
      await httpRequest({ method: 'GET', url: s.url, timeoutMs: 2000, maxBodyBytes: 1000 })
    )
    expect(outcome.status).toBe(500)
    expect(outcome.body).toHaveLength(1000)
    expect(outcome.truncated).toBe(true)
  })

  it('stops at once when aborted', async () => {
    const hung = await startHungServer()
    cleanups.push(hung.close)
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 100)
    const started = Date.now()
    const outcome = await httpRequest({
      method: 'GET',
      url: hung.url,
      timeoutMs: 5000,
      signal: controller.signal
    })
    expect(outcome).toMatchObject({ error: 'other', errorText: 'aborted' })
    expect(Date.now() - started).toBeLessThan(1000)
  })

  it('rejects non-http schemes and bad URLs without sending', async () => {
    expect(
      await httpRequest({ method: 'GET', url: 'file:///etc/passwd', timeoutMs: 100 })
    ).toMatchObject({
      error: 'other'
    })
    expect(await httpRequest({ method: 'GET', url: 'not a url', timeoutMs: 100 })).toMatchObject({
      error: 'other',
      errorText: 'not a valid URL'
    })
  })
})

describe('classifyError', () => {
  it.each([
    ['ECONNREFUSED', 'refused'],
    ['ENOTFOUND', 'dns'],
    ['EAI_AGAIN', 'dns'],
    ['ECONNRESET', 'reset'],
    ['EHOSTUNREACH', 'unreachable'],
    ['ENETUNREACH', 'unreachable'],
    ['ETIMEDOUT', 'timeout'],
    ['CERT_HAS_EXPIRED', 'tls'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'tls'],
    ['EWHATEVER', 'other']
  ])('%s → %s', (code, expected) => {
    expect(classifyError(Object.assign(new Error('x'), { code }))).toBe(expected)
  })
})

describe('proxy rules', () => {
  const api = new URL('https://management.azure.com/subscriptions')
  it('uses HTTPS_PROXY for https and HTTP_PROXY for http, lower case first', () => {
    expect(proxyFor(api, { HTTPS_PROXY: 'http://upper:1' })?.host).toBe('upper:1')
    expect(
      proxyFor(api, { https_proxy: 'http://lower:1', HTTPS_PROXY: 'http://upper:1' })?.host
    ).toBe('lower:1')
    expect(proxyFor(api, { HTTP_PROXY: 'http://p:1' })).toBeUndefined()
    expect(proxyFor(new URL('http://x.test/'), { http_proxy: 'p:3128' })?.href).toBe(
      'http://p:3128/'
    )
    expect(proxyFor(api, undefined)).toBeUndefined()
  })
  it('honours NO_PROXY entries', () => {
    expect(bypassesProxy(api, 'management.azure.com')).toBe(true)
    expect(bypassesProxy(api, '.azure.com')).toBe(true)
    expect(bypassesProxy(api, 'azure.com')).toBe(true)
    expect(bypassesProxy(api, '*.azure.com')).toBe(true)
    expect(bypassesProxy(api, '*')).toBe(true)
    expect(bypassesProxy(api, 'vault.azure.net, 10.0.0.1')).toBe(false)
    expect(bypassesProxy(api, 'zure.com')).toBe(false)
    expect(bypassesProxy(api, 'management.azure.com:8443')).toBe(false)
    expect(bypassesProxy(api, 'management.azure.com:443')).toBe(true)
    expect(bypassesProxy(new URL('http://127.0.0.1:9/'), '127.0.0.1')).toBe(true)
    expect(bypassesProxy(new URL('http://[::1]:9/'), '::1')).toBe(true)
    expect(proxyFor(api, { HTTPS_PROXY: 'http://p:1', no_proxy: '.azure.com' })).toBeUndefined()
  })
})

describeWithTools(['openssl'], 'through a proxy', () => {
  let certificate: SelfSigned
  beforeAll(() => {
    certificate = selfSignedCertificate()
  })

  it('tunnels https with CONNECT', async () => {
    const target = await server((_req, res) => json(res, 200, { ok: true }), certificate)
    const p = await proxy()
    const outcome = response(
      await httpRequest({
        method: 'GET',
        url: `${target.url}/subscriptions?api-version=1`,
        headers: { Authorization: 'Bearer t' },
        timeoutMs: 3000,
        proxyEnv: { HTTPS_PROXY: p.url },
        ca: certificate.cert
      })
    )
    expect(outcome.status).toBe(200)
    expect(p.seen).toEqual([`CONNECT 127.0.0.1:${target.port}`])
    expect(target.requests[0]?.url).toBe('/subscriptions?api-version=1')
    expect(target.requests[0]?.headers.authorization).toBe('Bearer t')
  })

  it('verifies the server inside the tunnel (tls error for an untrusted certificate)', async () => {
    const target = await server((_req, res) => json(res, 200, {}), certificate)
    const p = await proxy()
    const outcome = await httpRequest({
      method: 'GET',
      url: target.url,
      timeoutMs: 3000,
      proxyEnv: { https_proxy: p.url }
    })
    expect(outcome).toMatchObject({ error: 'tls' })
    expect(target.requests).toHaveLength(0)
  })

  it.each([403, 407, 502])(
    'reports the proxy’s own %i to CONNECT as a proxy error',
    async status => {
      const p = await proxy({ connectStatus: status })
      const outcome = await httpRequest({
        method: 'GET',
        url: 'https://127.0.0.1:9/',
        timeoutMs: 3000,
        proxyEnv: { HTTPS_PROXY: p.url }
      })
      expect(outcome).toMatchObject({ error: 'proxy' })
      expect((outcome as { errorText: string }).errorText).toContain(String(status))
    }
  )

  it('reports a proxy that refuses connections as a proxy error', async () => {
    const port = await closedPort()
    const outcome = await httpRequest({
      method: 'GET',
      url: 'https://127.0.0.1:9/',
      timeoutMs: 3000,
      proxyEnv: { HTTPS_PROXY: `http://127.0.0.1:${port}` }
    })
    expect(outcome).toMatchObject({ error: 'proxy' })
    expect((outcome as { errorText: string }).errorText).toContain('ECONNREFUSED')
  })

  it('sends plain http in absolute form', async () => {
    const target = await server((_req, res) => json(res, 403, { error: 'no' }))
    const p = await proxy()
    const outcome = response(
      await httpRequest({
        method: 'GET',
        url: `${target.url}/x?y=1`,
        timeoutMs: 3000,
        proxyEnv: { http_proxy: p.url }
      })
    )
    expect(outcome.status).toBe(403)
    expect(p.seen).toEqual([`GET ${target.url}/x?y=1`])
  })

  it('goes direct for NO_PROXY hosts and when no proxy env is given', async () => {
    const target = await server((_req, res) => json(res, 200, {}))
    const p = await proxy()
    expect(
      response(
        await httpRequest({
          method: 'GET',
          url: target.url,
          timeoutMs: 3000,
          proxyEnv: { HTTP_PROXY: p.url, NO_PROXY: 'localhost,127.0.0.1' }
        })
      ).status
    ).toBe(200)
    expect(
      response(await httpRequest({ method: 'GET', url: target.url, timeoutMs: 3000 })).status
    ).toBe(200)
    expect(p.seen).toEqual([])
    expect(target.requests).toHaveLength(2)
  })

  describe('credentials and proxies', () => {
    it('an Authorization header to a loopback host over http goes direct, whatever HTTP_PROXY says', async () => {
      const target = await server((_req, res) => json(res, 200, {}))
      const p = await proxy()
      const outcome = await httpRequest({
        method: 'GET',
        url: `${target.url}/api`,
        headers: { Authorization: 'Bearer not-a-real-token' },
        timeoutMs: 3000,
        proxyEnv: { HTTP_PROXY: p.url, http_proxy: p.url, NO_PROXY: '' }
      })
      expect(response(outcome).status).toBe(200)
      expect(p.seen).toEqual([])
      expect(target.requests).toHaveLength(1)
      expect(proxyFor(new URL(target.url), { HTTP_PROXY: p.url }, true)).toBeUndefined()
      // Without credentials the same call still honours the proxy.
      expect(proxyFor(new URL(target.url), { HTTP_PROXY: p.url })).toBeDefined()
    })

    it('an Authorization header over plain http off loopback is refused before anything is sent', async () => {
      const p = await proxy()
      const outcome = await httpRequest({
        method: 'GET',
        url: 'http://api.example.test/secrets',
        headers: { authorization: 'Bearer not-a-real-token' },
        timeoutMs: 3000,
        proxyEnv: { HTTP_PROXY: p.url }
      })
      expect(outcome).toMatchObject({ error: 'other', unsent: true })
      expect(p.seen).toEqual([])
    })

    it('a body that trickles after the status ends at bodyTimeoutMs, marked as the body', async () => {
      const target = await server((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.write('{')
        const drip = setInterval(() => res.write(' '), 50)
        res.on('close', () => clearInterval(drip))
      })
      const started = Date.now()
      const outcome = await httpRequest({
        method: 'GET',
        url: target.url,
        timeoutMs: 10_000,
        bodyTimeoutMs: 400
      })
      expect(outcome).toMatchObject({ error: 'timeout', during: 'body' })
      expect(Date.now() - started).toBeLessThan(3000)
    })
  })

  it('trusts a pinned certificate by thumbprint only', async () => {
    const target = await server((_req, res) => json(res, 200, { ok: 1 }), certificate)
    const ok = response(
      await httpRequest({
        method: 'GET',
        url: `${target.url}/sf`,
        timeoutMs: 3000,
        serverThumbprint: certificate.thumbprint.replace(/:/g, '').toLowerCase()
      })
    )
    expect(ok.status).toBe(200)
    const wrong = await httpRequest({
      method: 'GET',
      url: `${target.url}/sf`,
      timeoutMs: 3000,
      serverThumbprint: 'A3B5C7D9E1F30516273849506A7B8C9D0E1F2A3B'
    })
    expect(wrong).toMatchObject({ error: 'tls' })
    expect(target.requests).toHaveLength(1)
  })
})
