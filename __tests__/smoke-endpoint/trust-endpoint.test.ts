/**
 * `https://` targets' trust and time bounds, through the built action (dist/index.js):
 * - the smoke endpoint's handler (its own process, the in-process probe) sends the bearer of an
 *   http loopback check directly, never through the HTTP_PROXY it was given (docs/security.md,
 *   "Proxies");
 * - an endpoint that answers at once and then trickles its body ends the run at `timeout` after
 *   its status, not at the protocol's 110 s (docs/reliability.md, worst case per target kind).
 */
import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { startEmulator, type Emulator } from '../../emulator/emulator'
import { startProxy, type LocalProxy } from '../helpers/local-servers'
import { everythingWritten, runAction } from '../helpers/run-action'
import { startHandlerProcess, type HandlerProcess } from '../helpers/handler-process'

jest.setTimeout(120_000)

const KEY = 'trust-endpoint-key-0123456789'
const ARM = 'https://management.azure.com/'
const VAULT = 'https://vault.azure.net'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => emulator.close())

function checks(): string {
  return [
    `${emulator.apiUrl}/subscriptions/${emulator.subscriptionId}/resourcegroups?api-version=2021-04-01 resource=${ARM}`,
    `${emulator.apiUrl}/secrets?api-version=7.4 resource=${VAULT}`
  ].join('\n')
}

describe('the handler behind HTTP_PROXY', () => {
  let proxy: LocalProxy
  let handler: HandlerProcess
  beforeAll(async () => {
    proxy = await startProxy()
    handler = await startHandlerProcess(
      {
        key: KEY,
        allowlist: {
          extraRules: [
            { host: new URL(emulator.apiUrl).host, audiences: [ARM, VAULT], allowHttp: true }
          ]
        },
        imdsEndpoints: [emulator.imdsUrl],
        sdkCheck: false
      } as never,
      {
        AZURE_POD_IDENTITY_AUTHORITY_HOST: emulator.imdsUrl,
        // Every spelling a workload's environment may carry, and nothing exempted.
        HTTP_PROXY: proxy.url,
        http_proxy: proxy.url,
        HTTPS_PROXY: proxy.url,
        NO_PROXY: '',
        no_proxy: ''
      }
    )
  })
  afterAll(async () => {
    expect(handler.output()).not.toContain(emulator.canary)
    await handler.stop()
    await proxy.close()
  })

  test('the bearer of an http loopback check goes direct: the proxy sees nothing, the run passes', async () => {
    await emulator.setScenario('healthy')
    emulator.clearRequests()
    const run = await runAction({
      inputs: {
        targets: handler.url,
        'endpoint-key': KEY,
        'imds-endpoint': emulator.imdsUrl,
        checks: checks(),
        timeout: '3s'
      }
    })
    expect(run.outputs['result']).toBe('pass')
    expect(proxy.seen).toEqual([])
    const apiCalls = emulator.requests.filter(r => r.port === 'api')
    expect(apiCalls).toHaveLength(2)
    expect(apiCalls.every(r => /^Bearer /.test(String(r.headers['authorization'])))).toBe(true)
    expect(everythingWritten(run)).not.toContain(emulator.canary)
  })
})

describe('an endpoint that answers and then trickles its body', () => {
  let server: Server
  let url: string
  const open: ServerResponse[] = []
  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume()
      open.push(res)
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('{"v":1,')
      // One byte every 200 ms, for ever: never idle long, never done.
      const drip = setInterval(() => res.write(' '), 200)
      res.on('close', () => clearInterval(drip))
    })
    await new Promise<void>(done => server.listen(0, '127.0.0.1', done))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/mi-smoke`
  })
  afterAll(async () => {
    for (const res of open) res.destroy()
    await new Promise(done => server.close(done))
  })

  test.each(['2s', '4s'])(
    'timeout %s: the target fails at dispatch about timeout after the status, not at 110 s',
    async timeout => {
      const timeoutMs = Number(timeout.replace('s', '')) * 1000
      const run = await runAction({
        inputs: {
          targets: url,
          'endpoint-key': KEY,
          'imds-endpoint': emulator.imdsUrl,
          checks: checks(),
          timeout,
          'ready-wait': '0'
        }
      })
      expect(run.code).toBe(1)
      expect(run.outputs['failed-step']).toBe('dispatch')
      expect(run.outputs['failure-mode']).toBe('dispatch-failed')
      expect(run.stdout).toMatch(/started its answer but did not finish it/)
      expect(run.stdout).toContain(`within ${timeoutMs} ms`)
      const target = run.report.targets[0] as { durationMs: number }
      expect(target.durationMs).toBeGreaterThanOrEqual(timeoutMs - 50)
      // The bound docs/reliability.md states for one attempt: connect + answer + body, each from
      // its input; here the status came at once, so the body's share is what remains.
      expect(target.durationMs).toBeLessThan(timeoutMs + 3000)
    }
  )
})
