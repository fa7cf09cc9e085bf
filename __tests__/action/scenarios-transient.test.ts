/**
 * Transient answers through the built action against the emulator: an API's 503 that clears is
 * retried by the runner's re-probes and passes; a 429 that persists is `throttled` at the api
 * step with advice to slow down (never "add expect=429"); a smoke endpoint that is still starting
 * (its front end answering 503, or refusing connections) is waited for up to `ready-wait`.
 */
import { createServer, request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { startEmulator, type Emulator } from '../../emulator/emulator'
import { runAction } from '../helpers/run-action'
import { startHandlerProcess, type HandlerProcess } from '../helpers/handler-process'
import { runAgainst, written } from '../helpers/emulator-action'
import { expectRun } from '../helpers/action-expectations'

jest.setTimeout(120_000)

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator.close()
})

test('api-unavailable: two 503s, then the answer; the re-probes get through and say so', async () => {
  await emulator.setScenario({ name: 'api-unavailable', apiFaultCount: 2 })
  const run = await runAgainst(emulator)
  expectRun(run, emulator, {
    code: 0,
    result: 'pass',
    failedStep: '',
    failureMode: '',
    steps: ['imds:pass', 'token:pass', 'api:pass']
  })
  const api = run.report.targets[0].steps[2]
  expect(api.detail).toMatch(
    /passed on probe 3 after \d+(\.\d)? s of transient retries \(first answer 503\)/
  )
  expect(api.attempts).toBe(3)
  // Backoff 1 s then 2 s.
  expect(api.retryWaitMs).toBeGreaterThanOrEqual(3000)
  expect(run.stdout).toContain('(transient retry)')
})

test('api-unavailable that persists: api-error with service-health advice, not expect=', async () => {
  await emulator.setScenario({ name: 'api-unavailable', apiFaultCount: 1000, apiFaultStatus: 500 })
  const run = await runAgainst(emulator)
  expectRun(run, emulator, {
    code: 1,
    result: 'fail',
    failedStep: 'api',
    failureMode: 'api-error',
    steps: ['imds:pass', 'token:pass', 'api:fail'],
    remediation: /kept answering 500 .*health/
  })
  const api = run.report.targets[0].steps[2]
  expect(api.remediation).not.toMatch(/expect=/)
  expect(api.attempts).toBe(4)
})

test('api-throttled: a 429 that persists is throttled, advice to spread or slow the calls', async () => {
  await emulator.setScenario({ name: 'api-throttled', retryAfterSeconds: 1 })
  const run = await runAgainst(emulator)
  expectRun(run, emulator, {
    code: 1,
    result: 'fail',
    failedStep: 'api',
    failureMode: 'throttled',
    steps: ['imds:pass', 'token:pass', 'api:fail'],
    remediation: /spread or slow the calls/
  })
  const api = run.report.targets[0].steps[2]
  expect(api.remediation).not.toMatch(/expect=429/)
  expect(api.httpStatus).toBe(429)
  expect(api.retryAfterMs).toBe(1000)
  // Retry-After 1 s honoured instead of the 1-2-4 s backoff: 4 probes about 1 s apart.
  expect(api.attempts).toBe(4)
  expect(api.retryWaitMs).toBeGreaterThanOrEqual(3000)
  expect(api.retryWaitMs).toBeLessThan(7000)
  expect(api.detail).toMatch(/still 429 after 4 probes/)
})

describe('ready-wait: a smoke endpoint still starting after a deploy', () => {
  const KEY = 'transient-endpoint-key-5e0c1d'
  const ARM = 'https://management.azure.com/'
  let handler: HandlerProcess
  beforeAll(async () => {
    await emulator.setScenario('healthy')
    handler = await startHandlerProcess(
      {
        key: KEY,
        allowlist: {
          extraRules: [{ host: new URL(emulator.apiUrl).host, audiences: [ARM], allowHttp: true }]
        },
        imdsEndpoints: [emulator.imdsUrl],
        sdkCheck: false,
        rateLimit: { burst: 50, perMinute: 50 }
      } as never,
      {
        IDENTITY_ENDPOINT: emulator.appService.endpoint,
        IDENTITY_HEADER: emulator.appService.header
      }
    )
  })
  afterAll(async () => {
    expect(handler.output()).not.toContain(emulator.canary)
    await handler.stop()
  })

  /**
   * App Service's front end while the app starts: 503 with its HTML page for `startingMs`, then
   * every request passed on to the handler. `port` 0 picks one.
   */
  async function frontEnd(startingMs: number, port = 0): Promise<Server> {
    const upstream = new URL(handler.url)
    const since = Date.now()
    const server = createServer((req, res) => {
      if (Date.now() - since < startingMs) {
        res.writeHead(503, { 'content-type': 'text/html' })
        res.end(
          '<html><head><title>Service Unavailable</title></head><body>Service Unavailable</body></html>'
        )
        return
      }
      const forward = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          path: req.url,
          method: req.method,
          headers: req.headers
        },
        answer => {
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          answer.pipe(res)
        }
      )
      req.pipe(forward)
    })
    await new Promise<void>(done => server.listen(port, '127.0.0.1', done))
    return server
  }

  const close = (server: Server) => new Promise<void>(done => server.close(() => done()))
  const portOf = (server: Server) => (server.address() as AddressInfo).port

  function inputs(url: string, readyWait: string): Record<string, string> {
    return {
      targets: url,
      'endpoint-key': KEY,
      'imds-endpoint': emulator.imdsUrl,
      checks: `${emulator.apiUrl}/subscriptions/${emulator.subscriptionId}/resourcegroups?api-version=2021-04-01 resource=${ARM}`,
      timeout: '3s',
      'ready-wait': readyWait
    }
  }

  test('503 from the front end for 2.5 s: waited for, then the probe passes and the wait is reported', async () => {
    const server = await frontEnd(2500)
    try {
      const run = await runAction({
        inputs: inputs(`http://127.0.0.1:${portOf(server)}/mi-smoke`, '30s')
      })
      expect({ result: run.outputs['result'] }).toEqual({ result: 'pass' })
      const first = run.report.targets[0].steps[0]
      expect(first.detail).toMatch(
        /smoke endpoint ready after \d+(\.\d)? s of ready-wait \(\d+ attempts\)/
      )
      expect(first.readyWaitMs).toBeGreaterThanOrEqual(2000)
      expect(first.readyWaitMs).toBeLessThan(30_000)
      expect(run.stdout).toContain('(ready-wait)')
      expect(written(run)).not.toContain(emulator.canary)
    } finally {
      await close(server)
    }
  })

  test('connection refused until the app listens: waited for, then pass', async () => {
    const probe = await frontEnd(0)
    const port = portOf(probe)
    await close(probe)
    let late: Server | undefined
    const starting = setTimeout(async () => {
      late = await frontEnd(0, port)
    }, 2000)
    try {
      const run = await runAction({ inputs: inputs(`http://127.0.0.1:${port}/mi-smoke`, '30s') })
      expect(run.outputs['result']).toBe('pass')
      expect(run.report.targets[0].steps[0].detail).toMatch(/ready after .* of ready-wait/)
    } finally {
      clearTimeout(starting)
      if (late) await close(late)
    }
  })

  test('still not ready when ready-wait runs out: dispatch-failed that says how long it waited', async () => {
    const server = await frontEnd(600_000)
    try {
      const run = await runAction({
        inputs: inputs(`http://127.0.0.1:${portOf(server)}/mi-smoke`, '3s')
      })
      expect(run.outputs['failure-mode']).toBe('dispatch-failed')
      const step = run.report.targets[0].steps[0]
      expect(step.detail).toMatch(
        /answered 503 .*; still not ready after 3(\.\d)? s of ready-wait \(\d+ attempts\)/
      )
      expect(step.remediation).toMatch(/ready-wait/)
      expect(run.report.durationMs).toBeLessThan(3000 + 3000)
    } finally {
      await close(server)
    }
  })

  test('ready-wait 0: one attempt, no wait', async () => {
    const server = await frontEnd(600_000)
    try {
      const run = await runAction({
        inputs: inputs(`http://127.0.0.1:${portOf(server)}/mi-smoke`, '0')
      })
      expect(run.outputs['failure-mode']).toBe('dispatch-failed')
      expect(run.report.targets[0].steps[0].detail).not.toMatch(/ready-wait/)
      expect(run.report.durationMs).toBeLessThan(2000)
    } finally {
      await close(server)
    }
  })
})
