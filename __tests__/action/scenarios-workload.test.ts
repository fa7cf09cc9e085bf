/**
 * Diagnosis that fits the workload, through the built action:
 * - where it runs: without IDENTITY_ENDPOINT, the platform's variables name the fix (App Service,
 *   Functions, Container Apps, AKS workload identity; on a GitHub-hosted runner `local` cannot work);
 * - the default check follows the workload's cloud (IMDS azEnvironment) and, without a known
 *   subscription, lists subscriptions instead of ending in bad-input. Those calls go to real ARM
 *   hosts, so every run here sends API calls through a loopback proxy that refuses every CONNECT
 *   and records the host: nothing leaves the machine, and the host asked for is the evidence;
 * - rbac-denied on a `vm:` target: the role lookup with the (fake) az tells propagation from a
 *   missing assignment, or says it may not read assignments.
 */
import { mkdtempSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Emulator } from '../../emulator/emulator'
import { fakeAzEnv, startEvidenceEmulator } from '../evidence/target-kinds'
import type { FleetSettings } from '../../emulator/compute'
import { runAction } from '../helpers/run-action'
import { armCheck, runAgainst, written } from '../helpers/emulator-action'
import { describeWithTools } from '../helpers/system-tools'

jest.setTimeout(120_000)

let emulator: Emulator
let proxy: Server
const connects: string[] = []
beforeAll(async () => {
  emulator = await startEvidenceEmulator()
  proxy = createServer((_req, res) => {
    res.writeHead(403)
    res.end('proxy: only CONNECT')
  })
  proxy.on('connect', (req, socket) => {
    connects.push(String(req.url))
    socket.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n')
  })
  await new Promise<void>(done => proxy.listen(0, '127.0.0.1', done))
})
afterAll(async () => {
  await emulator.close()
  await new Promise<void>(done => proxy.close(() => done()))
})

const proxyEnv = () => ({
  HTTPS_PROXY: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
  NO_PROXY: '127.0.0.1,localhost'
})

function step(run: Awaited<ReturnType<typeof runAction>>, name: string) {
  return run.report.targets[0].steps.find((s: { step: string }) => s.step === name)
}

describe('knowing where it runs (IMDS closed: 127.0.0.1:9)', () => {
  const cases: Array<[string, Record<string, string>, RegExp]> = [
    [
      'App Service',
      { WEBSITE_SITE_NAME: 'orders-web', WEBSITE_RESOURCE_GROUP: 'rg-web' },
      /az webapp identity assign --name orders-web --resource-group rg-web/
    ],
    [
      'Functions',
      { WEBSITE_SITE_NAME: 'orders-fn', FUNCTIONS_EXTENSION_VERSION: '~4' },
      /az functionapp identity assign --name orders-fn/
    ],
    [
      'Container Apps',
      { CONTAINER_APP_NAME: 'orders-api' },
      /az containerapp identity assign --name orders-api --resource-group <resource group> --system-assigned/
    ],
    [
      'AKS',
      { KUBERNETES_SERVICE_HOST: '10.0.0.1' },
      /az aks update .*--enable-oidc-issuer --enable-workload-identity.*azure\.workload\.identity\/client-id/
    ],
    [
      'a GitHub-hosted runner',
      { RUNNER_ENVIRONMENT: 'github-hosted' },
      /local target cannot work on a GitHub-hosted runner.*vm:<VM resource ID>.*https:\/\/<your app>\/mi-smoke/
    ]
  ]
  test.each(cases)("%s: the platform's fix, not NSG rules or NO_PROXY", async (_name, env, fix) => {
    const run = await runAction({ inputs: { targets: 'local', timeout: '1s' }, env })
    expect(run.outputs['failure-mode']).toBe('platform-unreachable')
    const imds = step(run, 'imds')
    expect(imds.remediation).toMatch(fix)
    expect(imds.remediation).not.toMatch(/NSG|NO_PROXY=/)
    expect(imds.detail).toMatch(/is set|github-hosted/)
  })

  test('a GitHub-hosted runner where IMDS answers without an identity: still "local cannot work"', async () => {
    await emulator.setScenario('no-identity')
    const run = await runAgainst(emulator, {}, { RUNNER_ENVIRONMENT: 'github-hosted' })
    expect(run.outputs['failure-mode']).toBe('no-identity')
    expect(step(run, 'token').remediation).toMatch(
      /local target cannot work on a GitHub-hosted runner/
    )
    expect(step(run, 'token').remediation).not.toMatch(/az vm identity assign/)
  })
})

describe('the default check follows the workload', () => {
  test('IMDS says AzureUSGovernmentCloud: the token and the call are for Government ARM', async () => {
    await emulator.setScenario({ name: 'healthy', azEnvironment: 'AzureUSGovernmentCloud' })
    emulator.clearRequests()
    connects.length = 0
    const run = await runAction({
      inputs: { targets: 'local', 'imds-endpoint': emulator.imdsUrl, timeout: '2s' },
      env: proxyEnv()
    })
    const api = step(run, 'api')
    expect(api.check).toMatch(
      /^https:\/\/management\.usgovcloudapi\.net\/subscriptions\/[0-9a-f-]{36}\/resourcegroups/
    )
    expect(api.detail).toMatch(
      /default check adapted to the workload \(the workload's cloud AzureUSGovernmentCloud\)/
    )
    expect(connects).toContain('management.usgovcloudapi.net:443')
    const asked = emulator.requests.map(r => decodeURIComponent(r.path))
    expect(asked.some(url => url.includes('resource=https://management.usgovcloudapi.net/'))).toBe(
      true
    )
    expect(written(run)).not.toContain(emulator.canary)
  })

  test('no subscription known (App Service without WEBSITE_OWNER_NAME): lists subscriptions, never bad-input', async () => {
    await emulator.setScenario('healthy')
    connects.length = 0
    const run = await runAction({
      inputs: { targets: 'local', 'imds-endpoint': emulator.imdsUrl, timeout: '2s' },
      env: {
        ...proxyEnv(),
        IDENTITY_ENDPOINT: emulator.appService.endpoint,
        IDENTITY_HEADER: emulator.appService.header
      }
    })
    expect(run.outputs['failure-mode']).not.toBe('bad-input')
    const api = step(run, 'api')
    expect(api.check).toBe('https://management.azure.com/subscriptions?api-version=2022-12-01')
    expect(api.detail).toMatch(/lists the subscriptions its identity can see/)
    expect(connects).toContain('management.azure.com:443')
  })
})

describeWithTools(
  ['curl'],
  'rbac-denied on a vm: target, told apart by the role assignments',
  () => {
    /** What the emulated ARM lists (role assignments, or a login that may not read them). */
    function vmRun(
      authorization: Partial<Pick<FleetSettings, 'roleAssignments' | 'roleReadDenied'>>
    ) {
      const dir = mkdtempSync(join(tmpdir(), 'mi-smoke-role-lookup-'))
      emulator.compute.configure({ roleAssignments: [], roleReadDenied: false, ...authorization })
      return runAgainst(
        emulator,
        { targets: `vm:${emulator.vmResourceId}`, checks: armCheck(emulator) },
        fakeAzEnv(dir, emulator)
      )
    }
    const oid = () => emulator.identities.system.objectId
    const subscription = () => `/subscriptions/${emulator.subscriptionId}`

    test('a Reader assignment made 4 minutes ago: propagation, set rbac-wait', async () => {
      await emulator.setScenario('role-missing')
      const run = await vmRun({
        roleAssignments: [
          { principalId: oid(), role: 'Reader', scope: subscription(), createdMinutesAgo: 4 }
        ]
      })
      expect(run.outputs['failure-mode']).toBe('rbac-denied')
      const api = step(run, 'api')
      expect(api.detail).toMatch(/Reader was assigned at .* 4 min ago.*not propagated yet/)
      expect(api.remediation).toMatch(/set rbac-wait/)
    })

    test('no assignment: create it', async () => {
      await emulator.setScenario('role-missing')
      const run = await vmRun({ roleAssignments: [] })
      const api = step(run, 'api')
      expect(api.detail).toMatch(/Azure Resource Manager lists no role assignment/)
      expect(api.remediation).toMatch(
        /create it\. .*az role assignment create --assignee-object-id/
      )
    })

    test('no permission to read assignments: said, and the usual advice kept', async () => {
      await emulator.setScenario('role-missing')
      const run = await vmRun({ roleReadDenied: true })
      const api = step(run, 'api')
      expect(api.detail).toMatch(/may not read role assignments/)
      expect(api.remediation).toMatch(/az role assignment create/)
    })
  }
)
