/**
 * End to end: the built action (as the runner runs it) calls the smoke endpoint handler served on
 * loopback in a process of its own, whose identity source environment points at the emulator.
 * For each source and scenario: the right failed step and failure mode; the token never appears in
 * anything the action or the handler wrote; the SDK cross-check names the identity @azure/identity
 * picks and flags a difference; refusals send nothing (the emulator records no request).
 */
import { rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { startEmulator, type Emulator } from '../../emulator/emulator'
import type { ScenarioName } from '../../emulator/scenarios'
import { createSelfSignedCertificate, type SelfSignedCertificate } from '../../emulator/tls'
import type { ActionRun } from '../helpers/run-action'
import {
  builtActionEntry,
  startHandlerProcess,
  type HandlerProcess
} from '../helpers/handler-process'
import { describeWithTools } from '../helpers/system-tools'

// The built action: run-action reads MI_SMOKE_ACTION_ENTRY when it is loaded.
process.env['MI_SMOKE_ACTION_ENTRY'] = builtActionEntry()
const { runAction, everythingWritten } =
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('../helpers/run-action') as typeof import('../helpers/run-action')

jest.setTimeout(120_000)

const KEY = 'e2e-endpoint-key-0123456789'
const ARM = 'https://management.azure.com/'
const VAULT = 'https://vault.azure.net'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => emulator.close())

type SourceName = 'imds' | 'app-service' | 'arc' | 'cloud-shell' | 'service-fabric'

/** The environment a workload of each kind has, pointed at the emulator. */
function sourceEnv(source: SourceName): Record<string, string> {
  // Every environment also points @azure/identity's IMDS at the emulator: nothing may reach 169.254.169.254.
  const safety = { AZURE_POD_IDENTITY_AUTHORITY_HOST: emulator.imdsUrl }
  switch (source) {
    case 'imds':
      return safety
    case 'app-service':
      return {
        ...safety,
        IDENTITY_ENDPOINT: emulator.appService.endpoint,
        IDENTITY_HEADER: emulator.appService.header
      }
    case 'arc':
      // The probe reads the Arc key file only from the agent's directory; the emulator's is a temporary one.
      return { ...safety, ...emulator.arc.env, MI_SMOKE_ARC_KEY_DIR: emulator.arc.keyDirectory }
    case 'cloud-shell':
      return { ...safety, ...emulator.cloudShell.env }
    case 'service-fabric':
      return { ...safety, ...emulator.serviceFabric.env }
  }
}

function handlerSettings(
  extra: Record<string, unknown> = {},
  em: Emulator = emulator
): Record<string, unknown> {
  return {
    key: KEY,
    allowlist: {
      extraRules: [{ host: new URL(em.apiUrl).host, audiences: [ARM, VAULT], allowHttp: true }]
    },
    imdsEndpoints: [em.imdsUrl],
    ...extra
  }
}

function checks(em: Emulator = emulator): string {
  return [
    `${em.apiUrl}/subscriptions/${em.subscriptionId}/resourcegroups?api-version=2021-04-01 resource=${ARM}`,
    `${em.apiUrl}/secrets?api-version=7.4 resource=${VAULT}`
  ].join('\n')
}

function actionInputs(
  handler: HandlerProcess,
  extra: Record<string, string> = {},
  em: Emulator = emulator
): Record<string, string> {
  return {
    targets: handler.url,
    'endpoint-key': KEY,
    'imds-endpoint': em.imdsUrl,
    checks: checks(em),
    timeout: '3s',
    ...extra
  }
}

const EXPECTED: Array<[ScenarioName, string, string[]]> = [
  // scenario, failure mode, the step(s) it may be reported at
  ['no-identity', 'no-identity', ['token']],
  ['token-malformed', 'token-invalid', ['token']],
  ['role-missing', 'rbac-denied', ['api']],
  ['api-closed', 'egress-blocked', ['api']],
  // Caught at the token step (its aud is not what was asked) or confirmed by the API's 401.
  ['wrong-audience', 'wrong-audience', ['token', 'api']],
  // The identity endpoint is step 1 wherever it lives (IMDS, or the sandbox's IDENTITY_ENDPOINT).
  ['imds-refused', 'platform-unreachable', ['imds', 'token']]
]

const MATRIX: Array<[SourceName, Array<[ScenarioName, string, string[]]>]> = [
  ['imds', EXPECTED],
  ['app-service', EXPECTED],
  ['arc', EXPECTED.filter(([s]) => s === 'role-missing')],
  ['cloud-shell', EXPECTED.filter(([s]) => s === 'role-missing')],
  ['service-fabric', EXPECTED.filter(([s]) => s === 'role-missing')]
]

describe.each(MATRIX)('handler with the %s identity source', (source, scenarios) => {
  let handler: HandlerProcess
  beforeAll(async () => {
    await emulator.setScenario('healthy')
    // More runs than the default rate limit (6 a minute) allows: raised for this matrix.
    // @azure/identity's Arc client reads the agent's challenge key from its fixed directory
    // (/var/opt/azcmagent/tokens), which no test here can provide: its cross-check is off for arc
    // (and its failure is shown on its own below).
    handler = await startHandlerProcess(
      handlerSettings({
        rateLimit: { burst: 50, perMinute: 50 },
        ...(source === 'arc' ? { sdkCheck: false } : {})
      }) as never,
      sourceEnv(source)
    )
  })
  afterAll(async () => {
    expect(handler.output()).not.toContain(emulator.canary)
    await handler.stop()
  })

  test('healthy → pass, the token claims reported, no token anywhere', async () => {
    await emulator.setScenario('healthy')
    const run = await runAction({ inputs: actionInputs(handler) })
    expect(run.outputs['result']).toBe('pass')
    expect(run.report.targets[0]).toMatchObject({
      target: handler.url,
      environment: source,
      result: 'pass',
      probe: 'handler'
    })
    expect(run.outputs['principal-id']).toBe(emulator.identities.system.objectId)
    expect(everythingWritten(run)).not.toContain(emulator.canary)
  })

  test.each(scenarios)('%s → %s', async (scenario, mode, steps) => {
    await emulator.setScenario(scenario)
    const run = await runAction({ inputs: actionInputs(handler) })
    expect(run.outputs['result']).toBe('fail')
    expect(run.outputs['failure-mode']).toBe(mode)
    expect(steps).toContain(run.outputs['failed-step'])
    expect(run.code).not.toBe(0)
    expect(everythingWritten(run)).not.toContain(emulator.canary)
  })
})

describeWithTools(
  ['openssl'],
  'handler with the workload-identity source (its own emulator, HTTPS authority)',
  () => {
    let wiEmulator: Emulator
    let tls: SelfSignedCertificate
    let handler: HandlerProcess
    // A proxy on loopback that refuses everything and records what was asked of it: the handler's
    // HTTPS_PROXY, so that any request meant for a host other than 127.0.0.1 ends here.
    const outbound: string[] = []
    const refusingProxy: Server = createServer((req, res) => {
      outbound.push(`${req.method} ${req.url}`)
      res.writeHead(403).end()
    }).on('connect', (req, socket) => {
      outbound.push(`CONNECT ${req.url}`)
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n')
    })
    const wiEnv = () => wiEmulator.workloadIdentity!.env
    beforeAll(async () => {
      tls = createSelfSignedCertificate()
      wiEmulator = await startEmulator({ tls })
      await new Promise<void>(done => refusingProxy.listen(0, '127.0.0.1', done))
      const proxy = `http://127.0.0.1:${(refusingProxy.address() as AddressInfo).port}`
      handler = await startHandlerProcess(
        handlerSettings({ rateLimit: { burst: 50, perMinute: 50 } }, wiEmulator) as never,
        {
          ...wiEnv(),
          AZURE_POD_IDENTITY_AUTHORITY_HOST: wiEmulator.imdsUrl,
          // Trusted by the probe and by @azure/identity alike (both run on Node's TLS stack).
          NODE_EXTRA_CA_CERTS: tls.certPath,
          HTTPS_PROXY: proxy,
          HTTP_PROXY: proxy,
          NO_PROXY: '127.0.0.1,localhost'
        }
      )
    })
    afterAll(async () => {
      expect(handler.output()).not.toContain(wiEmulator.canary)
      await handler.stop()
      await new Promise(done => refusingProxy.close(done))
      await wiEmulator.close()
      rmSync(tls.directory, { recursive: true, force: true })
    })

    // Workload identity is always a user-assigned identity: the run selects it by client ID (without
    // `identity`, the run asks for a system-assigned one and rightly warns wrong-identity).
    const inputs = () => actionInputs(handler, { identity: wiEnv().AZURE_CLIENT_ID }, wiEmulator)

    test('healthy → pass, the federated exchange reported, the SDK cross-check passing', async () => {
      await wiEmulator.setScenario('healthy')
      const run = await runAction({ inputs: inputs() })
      expect(run.outputs['result']).toBe('pass')
      expect(run.report.targets[0]).toMatchObject({
        environment: 'workload-identity',
        result: 'pass'
      })
      const ua = wiEmulator.identities.userAssigned[0]!
      expect(run.outputs['principal-id']).toBe(ua.objectId)
      expect(wiEmulator.requests.some(r => r.port === 'authority' && r.method === 'POST')).toBe(
        true
      )
      // DefaultAzureCredential's WorkloadIdentityCredential cannot work on a loopback authority: MSAL
      // knows only Entra's own hosts, so it first asks login.microsoftonline.com for instance discovery
      // (refused at the loopback proxy above), fails with endpoints_resolution_error (credential
      // unavailable), and the chain moves on to its ManagedIdentityCredential, whose token exchange
      // path turns instance discovery off and gets the token from the emulator. Both entries pass.
      expect(run.report.targets[0].sdk).toEqual([
        expect.objectContaining({ credential: 'DefaultAzureCredential', status: 'pass' }),
        expect.objectContaining({
          credential: 'ManagedIdentityCredential(clientId: AZURE_CLIENT_ID)',
          status: 'pass'
        })
      ])
      for (const entry of run.report.targets[0].sdk) expect(entry.claims.appid).toBe(ua.clientId)
      expect([...new Set(outbound)]).toEqual(['CONNECT login.microsoftonline.com:443'])
      expect(everythingWritten(run)).not.toContain(wiEmulator.canary)
    })

    test('role-missing → fail · api · rbac-denied', async () => {
      await wiEmulator.setScenario('role-missing')
      const run = await runAction({ inputs: inputs() })
      expect(run.outputs['result']).toBe('fail')
      expect(run.outputs['failed-step']).toBe('api')
      expect(run.outputs['failure-mode']).toBe('rbac-denied')
      expect(run.code).not.toBe(0)
      expect(everythingWritten(run)).not.toContain(wiEmulator.canary)
    })
  }
)

describe('SDK cross-check: which identity @azure/identity resolves to in the app', () => {
  const userAssigned = () => emulator.identities.userAssigned[0]!

  /** The steps passed, the app's credential did not: warned, the job not failed, no token out. */
  function expectAppCredentialWarned(run: ActionRun): void {
    expect(run.outputs['result']).toBe('warn')
    expect(run.outputs['failure-mode']).toBe('wrong-identity')
    expect(run.code).toBe(0)
    expect(everythingWritten(run)).not.toContain(emulator.canary)
  }

  test("the app's SDK gets no token while the raw probe does → warned wrong-identity, the SDK's error shown", async () => {
    // Arc here: the raw probe answers the agent's challenge, @azure/identity looks for the key in
    // the agent's fixed directory and fails (see the matrix above).
    await emulator.setScenario('healthy')
    const handler = await startHandlerProcess(handlerSettings() as never, sourceEnv('arc'))
    try {
      const run = await runAction({ inputs: actionInputs(handler) })
      const target = run.report.targets[0] as {
        steps: Array<{ status: string }>
        sdk: Array<{ status: string; detail: string }>
      }
      expect(target.steps.every(step => step.status === 'pass')).toBe(true)
      expect(target.sdk.length).toBeGreaterThan(0)
      expect(target.sdk.every(entry => entry.status === 'warn')).toBe(true)
      expect(target.sdk[0]!.detail).toMatch(/got no token in the app: /)
      expectAppCredentialWarned(run)
    } finally {
      await handler.stop()
    }
  })

  test('app without AZURE_CLIENT_ID while the run selects a user-assigned identity → fails wrong-identity by default, both named, a two-line fix', async () => {
    await emulator.setScenario('healthy')
    const handler = await startHandlerProcess(handlerSettings() as never, sourceEnv('app-service'))
    try {
      const run = await runAction({
        inputs: actionInputs(handler, { identity: userAssigned().clientId })
      })
      const sdk = run.report.targets[0].sdk as Array<{
        credential: string
        status: string
        detail: string
        claims?: { appid?: string; oid?: string }
      }>
      const dac = sdk.find(s => s.credential === 'DefaultAzureCredential')!
      expect(dac.status).toBe('fail')
      expect(dac.claims?.oid).toBe(emulator.identities.system.objectId)
      expect(dac.detail).toContain(emulator.identities.system.clientId)
      expect(dac.detail).toContain(userAssigned().clientId)
      const fix = (dac as { remediation?: string }).remediation!.split('\n')
      expect(fix).toHaveLength(2)
      expect(fix[0]).toContain(`set the app setting AZURE_CLIENT_ID=${userAssigned().clientId}`)
      expect(fix[1]).toContain('set the input identity: system')
      // The raw probe used the selected identity: the platform side is fine, the app is not.
      expect(run.outputs['client-id']).toBe(userAssigned().clientId)
      expect(run.outputs['result']).toBe('fail')
      expect(run.outputs['failure-mode']).toBe('wrong-identity')
      expect(run.code).toBe(1)
      expect(run.annotations.some(a => a.level === 'error' && /app SDK/.test(a.title ?? ''))).toBe(
        true
      )
      expect(everythingWritten(run)).not.toContain(emulator.canary)

      // sdk-identity: warn → the same finding only warns, the job goes on.
      const warned = await runAction({
        inputs: actionInputs(handler, { identity: userAssigned().clientId, 'sdk-identity': 'warn' })
      })
      expectAppCredentialWarned(warned)
      // sdk-identity: off → reported, not judged: the run passes.
      const off = await runAction({
        inputs: actionInputs(handler, { identity: userAssigned().clientId, 'sdk-identity': 'off' })
      })
      expect(off.outputs['result']).toBe('pass')
      expect(off.report.targets[0].sdk[0].status).toBe('skip')
    } finally {
      await handler.stop()
    }
  })

  test('app with AZURE_CLIENT_ID set to the selected identity → pass for both credentials', async () => {
    await emulator.setScenario('healthy')
    const handler = await startHandlerProcess(handlerSettings() as never, {
      ...sourceEnv('app-service'),
      AZURE_CLIENT_ID: userAssigned().clientId
    })
    try {
      const run = await runAction({
        inputs: actionInputs(handler, { identity: userAssigned().clientId })
      })
      const sdk = run.report.targets[0].sdk as Array<{
        credential: string
        status: string
        clientIdSetting?: string
        claims?: { appid?: string }
      }>
      expect(sdk.map(s => s.credential)).toEqual([
        'DefaultAzureCredential',
        'ManagedIdentityCredential(clientId: AZURE_CLIENT_ID)'
      ])
      for (const entry of sdk) {
        expect(entry).toMatchObject({ status: 'pass', clientIdSetting: userAssigned().clientId })
        expect(entry.claims?.appid).toBe(userAssigned().clientId)
      }
      expect(run.outputs['result']).toBe('pass')
    } finally {
      await handler.stop()
    }
  })
})

describe('security, end to end', () => {
  let handler: HandlerProcess
  beforeAll(async () => {
    await emulator.setScenario('healthy')
    handler = await startHandlerProcess(handlerSettings() as never, sourceEnv('imds'))
  })
  afterAll(async () => handler.stop())
  beforeEach(() => emulator.clearRequests())

  test('a wrong endpoint-key → dispatch-failed naming the 401, and no probe ran', async () => {
    const run = await runAction({
      inputs: actionInputs(handler, { 'endpoint-key': 'not-the-key-0123456789' })
    })
    expect(run.outputs['failure-mode']).toBe('dispatch-failed')
    expect(run.outputs['failed-step']).toBe('dispatch')
    expect(everythingWritten(run)).toMatch(/401/)
    // The key appears once, in the ::add-mask:: command that tells the runner to mask it.
    const unmasked = everythingWritten(run)
      .split('\n')
      .filter(line => !line.startsWith('::add-mask::'))
    expect(unmasked.join('\n')).not.toContain('not-the-key-0123456789')
    expect(emulator.requests).toEqual([])
  })

  test('no endpoint-key at all → dispatch-failed, no probe ran', async () => {
    const inputs = actionInputs(handler)
    delete inputs['endpoint-key']
    const run = await runAction({ inputs })
    expect(run.outputs['failure-mode']).toBe('dispatch-failed')
    expect(emulator.requests).toEqual([])
  })

  test.each([
    ['a host outside the allowlist', () => `https://collector.invalid/steal resource=${ARM}`],
    [
      'an audience the host does not accept',
      () => `${emulator.apiUrl}/secrets?api-version=7.4 resource=https://storage.azure.com/`
    ]
  ])('a check naming %s → refused, dispatch-failed, nothing called', async (_label, line) => {
    const run = await runAction({
      inputs: actionInputs(handler, { checks: `${checks()}\n${line()}` })
    })
    expect(run.outputs['failure-mode']).toBe('dispatch-failed')
    expect(everythingWritten(run)).toMatch(/refused/)
    expect(emulator.requests).toEqual([])
  })

  test('a redirect is not followed with the key', async () => {
    const redirector: Server = createServer((_req, res) => {
      res.writeHead(307, { location: `${emulator.controlUrl}/collect` })
      res.end()
    })
    await new Promise<void>(done => redirector.listen(0, '127.0.0.1', done))
    try {
      const target = `http://127.0.0.1:${(redirector.address() as AddressInfo).port}/mi-smoke`
      const run = await runAction({ inputs: { ...actionInputs(handler), targets: target } })
      expect(run.outputs['failure-mode']).toBe('dispatch-failed')
      expect(everythingWritten(run)).toMatch(/redirect/)
      expect(emulator.requests).toEqual([])
    } finally {
      await new Promise(done => redirector.close(done))
    }
  })
})
