/**
 * vm-probes/linux/probe.sh for real, under dash, bash and busybox sh, and without curl, against the
 * emulator on loopback: what it observes in each scenario, that it never prints the token's
 * signature (the emulator's canary), and that it leaves nothing on disk.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { startEmulator, type Emulator } from '../../../emulator/emulator'
import type { ProbeRequest } from '../../../src/contracts/probe-request'
import { linuxProbeParameters } from '../../../src/engine/dispatch/vm/probe-parameters'
import { describeWithTools } from '../../helpers/system-tools'
import { conformanceTests } from '../../helpers/probe-conformance'
import {
  BASE_TOOLS,
  LINUX_PROBE,
  SHELLS,
  SYSTEM_PATH,
  claimsOf,
  parseObservationsLine,
  runLinuxProbe,
  runShell,
  shellTools,
  toolDir,
  type ProbeRun
} from '../../helpers/probe-runner'

let emulator: Emulator

beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator.close()
})

const ARM = 'https://management.azure.com/'

function request(overrides: Partial<ProbeRequest> = {}): ProbeRequest {
  return {
    v: 1,
    nonce: `nonce-${Math.random().toString(36).slice(2)}`,
    identity: { kind: 'system' },
    timeoutMs: 3000,
    imdsEndpoint: emulator.imdsUrl,
    checks: [
      {
        url: `${emulator.apiUrl}/subscriptions/{subscriptionId}/resourcegroups?api-version=2021-04-01`,
        resource: ARM
      }
    ],
    ...overrides
  }
}

function expectClean(run: ProbeRun, req: ProbeRequest): void {
  expect(run.code).toBe(0)
  expect(run.stderr).toBe('')
  expect(run.stdout).not.toContain(emulator.canary)
  expect(run.stdout.trim().split('\n')).toHaveLength(1)
  // One audience and few checks stay under 2 KB; every line stays far inside run-command's 4,096-byte cut.
  const audiences = new Set(req.checks.map(c => c.resource)).size
  expect(Buffer.byteLength(run.stdout)).toBeLessThan(
    audiences <= 1 && req.checks.length <= 2 ? 2048 : 3400
  )
  expect(run.observations?.nonce).toBe(req.nonce)
  expect(readdirSync(run.tmpDir)).toEqual([])
}

const CLIENTS: Array<[string, string[], string | undefined, string]> = [
  ['dash', SHELLS['dash']!, undefined, 'sh/curl'],
  ['bash', SHELLS['bash']!, undefined, 'sh/curl'],
  ['busybox sh', SHELLS['busybox sh']!, undefined, 'sh/curl'],
  ['dash without curl (GNU wget)', SHELLS['dash']!, 'wget', 'sh/wget'],
  ['busybox sh without curl or wget (python3)', SHELLS['busybox sh']!, 'python3', 'sh/python3']
]

for (const [name, shell, onlyClient, probeName] of CLIENTS) {
  describeWithTools(shellTools(shell, onlyClient ?? 'curl'), `probe.sh under ${name}`, () => {
    let path: string | undefined
    beforeAll(() => {
      if (onlyClient) {
        path = toolDir([...BASE_TOOLS, onlyClient, shell[0]!])
        expect(readdirSync(path)).not.toContain('curl')
      }
    })
    const run = (req: ProbeRequest, env: Record<string, string> = {}): Promise<ProbeRun> =>
      runLinuxProbe(req, { shell, env, ...(path ? { path } : {}) })

    // The probe specification (docs/probe-spec.md): the same table every probe passes.
    conformanceTests(
      () => emulator,
      { name: probeName },
      async (req, env) => {
        const result = await run(req, env)
        expectClean(result, req)
        return result.observations!
      }
    )

    test('user info and backslashes are never requested; a glob is one literal request', async () => {
      await emulator.setScenario('healthy')
      const api = new URL(emulator.apiUrl)
      const req = request({
        checks: [
          { url: `http://user@${api.host}/subscriptions?api-version=2020-01-01`, resource: ARM },
          { url: `http://${api.host}\\@example.invalid/x`, resource: ARM },
          { url: `https://management.azure.com\\@${api.host}/x`, resource: ARM },
          { url: `http://${api.host}:\\@example.invalid/x`, resource: ARM },
          { url: `${emulator.apiUrl}/subscriptions/[1-5]?api-version=2020-01-01`, resource: ARM }
        ]
      })
      emulator.clearRequests()
      const result = await run(req)
      expectClean(result, req)
      const apis = result.observations!.apis
      for (const refused of apis.slice(0, 4)) {
        expect(refused.notCalled).toBe(
          'refused: the URL has user info, a backslash or a host that clients read differently'
        )
      }
      // curl runs with --globoff: [1-5] is five characters of a path, not five requests.
      const calls = emulator.requests.filter(r => r.port === 'api')
      expect(calls).toHaveLength(1)
      expect(decodeURIComponent(calls[0]!.path)).toContain('/subscriptions/[1-5]')
    })
  })
}

describeWithTools(['dash', 'curl'], 'probe.sh (dash, curl)', () => {
  const shell = SHELLS['dash']!

  test.each([
    ['client-id', () => emulator.identities.userAssigned[0]!.clientId, 'client_id'],
    ['object-id', () => emulator.identities.userAssigned[0]!.objectId, 'object_id'],
    ['resource-id', () => emulator.identities.userAssigned[0]!.resourceId, 'msi_res_id']
  ] as const)('honours the identity selection %s', async (kind, value, parameter) => {
    await emulator.setScenario('healthy')
    const req = request({ identity: { kind, value: value() } })
    const result = await runLinuxProbe(req, { shell })
    expectClean(result, req)
    const token = result.observations!.tokens[0]!
    expect(token.url).toContain(`&${parameter}=${encodeURIComponent(value())}`)
    expect(token.status).toBe(200)
    expect(claimsOf(token.claims)['appid']).toBe(emulator.identities.userAssigned[0]!.clientId)
  })

  test('imds refused: a transport error, not retried', async () => {
    await emulator.setScenario('imds-refused')
    const req = request()
    const result = await runLinuxProbe(req, { shell })
    expectClean(result, req)
    expect(result.observations!.instance?.error).toBe('refused')
    expect(result.observations!.tokens[0]!.error).toBe('refused')
    expect(result.observations!.tokens[0]!.attempts).toBe(1)
  })

  test('imds error: 500 retried three times at 1, 2, 4 s (with the Retry-After cap)', async () => {
    await emulator.setScenario('imds-error')
    const req = request()
    const result = await runLinuxProbe(req, { shell })
    expectClean(result, req)
    const token = result.observations!.tokens[0]!
    expect(token.status).toBe(500)
    expect(token.attempts).toBe(4)
    expect(token.ms).toBeGreaterThanOrEqual(6500)
  }, 30_000)

  test('the Authorization header reaches the API; the token is on no command line', async () => {
    await emulator.setScenario('healthy')
    emulator.clearRequests()
    const req = request()
    const result = await runLinuxProbe(req, { shell })
    expectClean(result, req)
    const apiCalls = emulator.requests.filter(r => r.port === 'api')
    expect(apiCalls).toHaveLength(1)
    expect(apiCalls[0]!.headers['authorization']).toBeDefined()
    // The probe's source never puts $BEARER in an argument: only printf (a builtin) and a file.
    const source = execFileSync('grep', ['-n', 'BEARER', LINUX_PROBE], { encoding: 'utf8' })
    const uses = source.split('\n').filter(l => l.includes('"$BEARER"'))
    expect(uses.length).toBeGreaterThanOrEqual(3)
    for (const line of uses) expect(line).toMatch(/printf |\[ -z "\$BEARER" \]/)
  })

  test('a request it cannot read still yields one marker line (empty nonce)', async () => {
    const result = await runShell(
      shell,
      [LINUX_PROBE, '1', 'vbm9uY2U', 'vMTAwMA', 'vaHR0cDovL3g', 'vc3lzdGVt', 'not base64!'],
      { PATH: '/usr/bin:/bin' }
    )
    expect(result.stdout).toMatch(/^MI-SMOKE-OBS\/1 \{"v":1,"nonce":"".*not base64/)
  })
})

for (const [name, shell] of Object.entries(SHELLS)) {
  describeWithTools(
    shellTools(shell, 'curl'),
    `parameters as Azure hands them over, under ${name}`,
    () => {
      /** arg1, arg2, ...: the names az gives parameters without '=', exported by the Linux agent. */
      function asEnvironment(parameters: string[]): Record<string, string> {
        return Object.fromEntries(parameters.map((p, n) => [`arg${n + 1}`, p]))
      }

      test('as arguments ($1 ...) and as arg1, arg2, ... environment variables: the same observations', async () => {
        await emulator.setScenario('healthy')
        const req = request()
        const parameters = linuxProbeParameters(req)
        const env = { PATH: SYSTEM_PATH, HOME: '/nonexistent' }
        const asArguments = await runShell(shell, [LINUX_PROBE, ...parameters], env)
        const asEnv = await runShell(shell, [LINUX_PROBE], { ...env, ...asEnvironment(parameters) })
        for (const run of [asArguments, asEnv]) {
          expect(run.stderr).toBe('')
          expect(run.stdout).not.toContain(emulator.canary)
          const obs = parseObservationsLine(run.stdout)!
          expect(obs.nonce).toBe(req.nonce)
          expect(obs.tokens[0]!.status).toBe(200)
          expect(obs.apis[0]!.status).toBe(200)
        }
      })

      test('arguments win over stray environment variables; neither says exactly that', async () => {
        await emulator.setScenario('healthy')
        const req = request()
        const stray = asEnvironment(linuxProbeParameters({ ...req, nonce: 'not-this-one' }))
        const env = { PATH: SYSTEM_PATH, HOME: '/nonexistent' }
        const both = await runShell(shell, [LINUX_PROBE, ...linuxProbeParameters(req)], {
          ...env,
          ...stray
        })
        expect(parseObservationsLine(both.stdout)?.nonce).toBe(req.nonce)
        const neither = await runShell(shell, [LINUX_PROBE], env)
        expect(neither.stdout).toBe(
          'MI-SMOKE-OBS/1 {"v":1,"nonce":"","probe":"sh","source":"none","sourceDetail":"probe parameters missing: run-command gave the script neither arguments nor arg1, arg2, ... environment variables","tokens":[],"apis":[]}\n'
        )
        // Environment values are held to the same alphabet as arguments.
        const hostile = await runShell(shell, [LINUX_PROBE], { ...env, arg1: '1', arg2: '$(id)' })
        expect(parseObservationsLine(hostile.stdout)?.sourceDetail).toBe(
          'probe parameters incomplete'
        )
      })
    }
  )
}
