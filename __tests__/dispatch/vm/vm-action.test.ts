/**
 * The built action with vm: and vmss: targets, through ARM's REST API: the fake az on PATH gives
 * only the runner's login (the emulator's compute URL from `az cloud show`, a runner token from
 * `az account get-access-token`); the emulator's compute endpoints (TLS on loopback, trusted
 * through NODE_EXTRA_CA_CERTS in the action's process) run the Linux probe for real (dash) against
 * the emulator's IMDS and answer in run-command's shape with the 4 KB cut. For each scenario and
 * each dispatch failure: the right step and failure mode, and the canary (every token's
 * signature, the runner's CLI token's too) in nothing the action wrote and nothing the probe printed.
 *
 * The build must carry the probe scripts: dist/vm-probes/ beside dist/index.js (or, with
 * MI_SMOKE_ACTION_ENTRY=/tmp/x/index.js, /tmp/x/vm-probes/).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { Emulator, FleetSettings } from '../../../emulator/emulator'
import { startArmFleet, type ArmFleet } from '../../helpers/arm-fleet'
import {
  ACTION_ENTRY,
  everythingWritten,
  runAction,
  type ActionRun
} from '../../helpers/run-action'
import { describeWithTools } from '../../helpers/system-tools'

describeWithTools(
  ['dash', 'curl', 'openssl'],
  'vm: targets over ARM (dash, curl on the VM, openssl for the emulated ARM)',
  () => {
    const SUB = '0b1f6471-1bf0-4dda-aec3-cb9272f09590'
    const VM = `/subscriptions/${SUB}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/web-1`
    const VMSS = `/subscriptions/${SUB}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachineScaleSets/ss`

    let fleet: ArmFleet
    let emulator: Emulator

    beforeAll(async () => {
      expect(existsSync(ACTION_ENTRY)).toBe(true)
      // ncc bundles code only: the build must ship the probe scripts beside the bundle.
      expect(existsSync(join(dirname(ACTION_ENTRY), 'vm-probes', 'linux', 'probe.sh'))).toBe(true)
      fleet = await startArmFleet()
      emulator = fleet.emulator
    })
    afterAll(async () => {
      await fleet.close()
    })
    beforeEach(() => {
      rmSync(fleet.azLog, { force: true })
      emulator.compute.reset()
      emulator.clearRequests()
    })

    interface Options {
      target?: string
      /** The emulated fleet (dash runs the probe unless `shell` says otherwise). */
      compute?: Partial<FleetSettings>
      /** FAKE_AZ_MODE: not-logged-in, broken-cloud. */
      azMode?: string
      inputs?: Record<string, string>
      env?: Record<string, string>
      path?: string
    }

    async function run(options: Options = {}): Promise<ActionRun> {
      emulator.compute.configure({ shell: ['dash'], ...options.compute })
      const env = fleet.env({ FAKE_AZ_MODE: options.azMode ?? '', ...options.env })
      if (options.path) env['PATH'] = options.path
      return runAction({
        inputs: {
          targets: options.target ?? `vm:${VM}`,
          'imds-endpoint': emulator.imdsUrl,
          checks: `${emulator.apiUrl}/subscriptions/{subscriptionId}/resourcegroups?api-version=2021-04-01 resource=https://management.azure.com/`,
          timeout: '2s',
          ...options.inputs
        },
        env,
        timeoutMs: 110_000
      })
    }

    /** What the probe printed on the "VM", every run-command of the run. */
    function probeOutputs(): string {
      return emulator.compute.runCommands
        .map(r => (r.probe ? r.probe.stdout + r.probe.stderr : ''))
        .join('\n')
    }

    /** The run-commands the emulator received: `<resource ID> <commandId>`. */
    function runCommands(): string[] {
      return emulator.compute.runCommands.map(r => `${r.resourceId} ${r.commandId}`)
    }

    /** The az processes the action started (from the fake az's log). */
    function azCalls(): Array<{ argv: string[]; exitCode?: number }> {
      if (!existsSync(fleet.azLog)) return []
      return readFileSync(fleet.azLog, 'utf8')
        .trim()
        .split('\n')
        .map(l => JSON.parse(l) as { argv: string[]; exitCode?: number })
    }

    function explain(r: ActionRun): string {
      return `exit ${r.code}\noutputs: ${JSON.stringify(r.outputs, null, 1).slice(0, 3000)}\nstderr: ${r.stderr.slice(-2000)}`
    }

    function expectOutcome(
      r: ActionRun,
      result: string,
      failedStep: string,
      failureMode: string
    ): void {
      const got = {
        result: r.outputs['result'],
        failedStep: r.outputs['failed-step'],
        failureMode: r.outputs['failure-mode']
      }
      if (
        got.result !== result ||
        got.failedStep !== failedStep ||
        got.failureMode !== failureMode
      ) {
        throw new Error(
          `expected ${result}/${failedStep}/${failureMode}, got ${JSON.stringify(got)}\n${explain(r)}`
        )
      }
      expect(r.code).toBe(result === 'fail' ? 1 : 0)
      expect(everythingWritten(r)).not.toContain(emulator.canary)
      expect(probeOutputs()).not.toContain(emulator.canary)
    }

    test('healthy VM: pass; the report row is the vm: target, probed by sh/curl on the VM', async () => {
      await emulator.setScenario('healthy')
      const r = await run()
      expectOutcome(r, 'pass', '', '')
      expect(r.report.targets[0].target).toBe(`vm:${VM}`)
      expect(r.report.targets[0].probe).toBe('sh/curl')
      expect(r.outputs['principal-id']).toBe(emulator.identities.system.objectId)
      expect(probeOutputs()).toMatch(/^MI-SMOKE-OBS\/1 \{"v":1,/m)
    })

    test.each([
      ['no-identity', {}, 'token', 'no-identity'],
      [
        'wrong-client-id',
        { identity: '0badc0de-0000-4000-8000-000000000000' },
        'token',
        'wrong-identity'
      ],
      ['role-missing', {}, 'api', 'rbac-denied'],
      // As for `local`: the token step already sees the other aud (and ARM's 401 confirms it).
      ['wrong-audience', {}, 'token', 'wrong-audience'],
      ['api-closed', {}, 'api', 'egress-blocked'],
      ['imds-hang', { timeout: '1s' }, 'imds', 'platform-unreachable']
    ] as const)(
      '%s on the VM: fail with the same step and mode as on the runner',
      async (scenario, inputs, step, mode) => {
        await emulator.setScenario(scenario)
        const r = await run({ inputs })
        expectOutcome(r, 'fail', step, mode)
      }
    )

    test('role delayed on the VM: rbac-wait re-runs the probe through run-command until the role works', async () => {
      await emulator.setScenario({ name: 'role-delayed', roleDelayMs: 4000 })
      const r = await run({ inputs: { 'rbac-wait': '40s' } })
      expectOutcome(r, 'pass', '', '')
      expect(runCommands().length).toBeGreaterThan(1)
      // One login for the whole run, however many run-commands it made.
      expect(
        azCalls()
          .map(c => c.argv.slice(0, 2).join(' '))
          .sort()
      ).toEqual(['account get-access-token', 'cloud show'])
    })

    test.each([
      ['not logged in', { azMode: 'not-logged-in' }, /azure\/login/],
      ['not found', { compute: { missingVms: ['web-1'] } }, /not found/],
      ['deallocated', { compute: { deallocatedVms: ['web-1'] } }, /deallocated/],
      ['wrong subscription', { compute: { readDenied: true } }, /subscription/],
      [
        'runner may not use run-command',
        { compute: { runCommandDenied: true } },
        /Microsoft\.Compute\/virtualMachines\/runCommand\/action/
      ],
      [
        'throttled past the retries',
        { compute: { throttles: 1000, throttleRetryAfterS: 0 } },
        /throttled.*concurrency/
      ],
      ['no probe line', { compute: { noProbe: true } }, /MI-SMOKE-OBS\/1/],
      ['noise after the line', { compute: { noiseAfter: 3500 } }, /cut/],
      ['the CLI names no ARM endpoint', { azMode: 'broken-cloud' }, /Resource Manager endpoint/],
      [
        "the runner's Azure CLI is broken",
        { azMode: 'broken-cli' },
        /Azure CLI is broken \(azure-cli 2\.67\.0\).*az upgrade/
      ]
    ] as Array<[string, Options, RegExp]>)(
      'dispatch failure, %s: fail at dispatch with dispatch-failed',
      async (_name, options, text) => {
        await emulator.setScenario('healthy')
        const r = await run(options)
        expectOutcome(r, 'fail', 'dispatch', 'dispatch-failed')
        expect(JSON.stringify(r.report)).toMatch(text)
      }
    )

    test('a Linux agent that hands the parameters over as arg1, arg2, ... environment variables: pass', async () => {
      await emulator.setScenario('healthy')
      expectOutcome(await run({ compute: { parameterStyle: 'environment' } }), 'pass', '', '')
    })

    test('an agent that hands the script no parameters at all: dispatch-failed saying exactly that', async () => {
      await emulator.setScenario('healthy')
      const r = await run({ compute: { parameterStyle: 'dropped' } })
      expectOutcome(r, 'fail', 'dispatch', 'dispatch-failed')
      expect(JSON.stringify(r.report)).toContain(
        'the probe on the VM could not read its request: probe parameters missing: run-command gave the script neither arguments nor arg1, arg2, ... environment variables'
      )
      expect(JSON.stringify(r.report)).not.toMatch(/nonce mismatch/)
    })

    test('az missing from PATH: dispatch-failed that says to install it', async () => {
      const r = await run({ path: mkdtempSync(join(tmpdir(), 'mi-smoke-no-az-')) })
      expectOutcome(r, 'fail', 'dispatch', 'dispatch-failed')
      expect(JSON.stringify(r.report)).toMatch(/Azure CLI \(az\) is not installed/)
    })

    test('409 twice, then the run: retried with backoff, pass', async () => {
      await emulator.setScenario('healthy')
      const r = await run({ compute: { conflicts: 2 } })
      expectOutcome(r, 'pass', '', '')
      const posts = emulator.requests.filter(
        q => q.method === 'POST' && /\/runCommand\?/.test(q.path)
      )
      expect(posts).toHaveLength(3)
    }, 60_000)

    test('429 under subscription throttling: Retry-After honoured, pass', async () => {
      await emulator.setScenario('healthy')
      const r = await run({ compute: { throttles: 2, throttleRetryAfterS: 1 } })
      expectOutcome(r, 'pass', '', '')
    })

    test('noise before the line survives the 4 KB cut', async () => {
      await emulator.setScenario('healthy')
      expectOutcome(await run({ compute: { noiseBefore: 20000 } }), 'pass', '', '')
    })

    test('Windows VM: RunPowerShellScript, the Windows-shaped answer is read', async () => {
      await emulator.setScenario('role-missing')
      const r = await run({ compute: { os: 'Windows' } })
      expectOutcome(r, 'fail', 'api', 'rbac-denied')
      expect(runCommands()).toEqual([`${VM} RunPowerShellScript`])
    })

    // Windows targets (RunPowerShellScript, probe.ps1 under pwsh): vm-action-windows.test.ts.

    test('vmss: every instance is its own row', async () => {
      await emulator.setScenario('healthy')
      const r = await run({ target: `vmss:${VMSS}`, compute: { scaleSetInstances: ['0', '1'] } })
      expectOutcome(r, 'pass', '', '')
      expect(r.report.targets.map((t: { target: string }) => t.target)).toEqual([
        `vmss:${VMSS}#0`,
        `vmss:${VMSS}#1`
      ])
      expect(runCommands().sort()).toEqual([
        `${VMSS}/virtualMachines/0 RunShellScript`,
        `${VMSS}/virtualMachines/1 RunShellScript`
      ])
    })

    test('vmss#N: only that instance; a deallocated instance fails at dispatch alone', async () => {
      await emulator.setScenario('healthy')
      const one = await run({
        target: `vmss:${VMSS}#1`,
        compute: { scaleSetInstances: ['0', '1'] }
      })
      expectOutcome(one, 'pass', '', '')
      expect(one.report.targets.map((t: { target: string }) => t.target)).toEqual([
        `vmss:${VMSS}#1`
      ])

      const r = await run({
        target: `vmss:${VMSS}`,
        compute: { scaleSetInstances: ['0', '1'], deallocatedInstances: ['1'] }
      })
      expectOutcome(r, 'fail', 'dispatch', 'dispatch-failed')
      const rows = r.report.targets as Array<{ target: string; result: string }>
      expect(rows.map(t => [t.target, t.result])).toEqual([
        [`vmss:${VMSS}#0`, 'pass'],
        [`vmss:${VMSS}#1`, 'fail']
      ])
    })

    test('a scale set of 1,000 instances (the most Azure allows): the listing arrives whole over its pages, the last instance is found', async () => {
      await emulator.setScenario('healthy')
      const instances = Array.from({ length: 1000 }, (_, n) => String(n))
      const r = await run({ target: `vmss:${VMSS}#999`, compute: { scaleSetInstances: instances } })
      expectOutcome(r, 'pass', '', '')
      expect(r.report.targets.map((t: { target: string }) => t.target)).toEqual([
        `vmss:${VMSS}#999`
      ])
      const listings = emulator.requests.filter(q =>
        /virtualMachineScaleSets\/ss\/virtualMachines\?/.test(q.path)
      )
      expect(listings.length).toBe(2) // 500 a page, as the emulator pages
    })

    test('vmss in Flexible orchestration: each VM runs run-command as a VM, by its own ID', async () => {
      await emulator.setScenario('healthy')
      const r = await run({
        target: `vmss:${VMSS}`,
        compute: { flexible: true, scaleSetInstances: ['0', '1'] }
      })
      expectOutcome(r, 'pass', '', '')
      expect(r.report.targets.map((t: { target: string }) => t.target)).toEqual([
        `vmss:${VMSS}#ss_0`,
        `vmss:${VMSS}#ss_1`
      ])
      expect(runCommands().sort()).toEqual(
        ['ss_0', 'ss_1'].map(
          name =>
            `/subscriptions/${SUB}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/${name} RunShellScript`
        )
      )
    })

    test('vmss in Flexible orchestration: a deallocated VM fails alone', async () => {
      await emulator.setScenario('healthy')
      const r = await run({
        target: `vmss:${VMSS}`,
        compute: { flexible: true, scaleSetInstances: ['0', '1'], deallocatedVms: ['ss_1'] }
      })
      expectOutcome(r, 'fail', 'dispatch', 'dispatch-failed')
      const rows = r.report.targets as Array<{ target: string; result: string }>
      expect(rows.map(t => [t.target, t.result])).toEqual([
        [`vmss:${VMSS}#ss_0`, 'pass'],
        [`vmss:${VMSS}#ss_1`, 'fail']
      ])
      expect(JSON.stringify(rows[1])).toMatch(/az vm start/)
    })

    test("replayProbe (the fleet bench): recorded once, replayed with each run's nonce", async () => {
      await emulator.setScenario('healthy')
      const first = await run({ compute: { replayProbe: true } })
      expectOutcome(first, 'pass', '', '')
      const r = await run({
        target: FLEET.map(id => `vm:${id}`).join('\n'),
        compute: { replayProbe: true }
      })
      expectOutcome(r, 'pass', '', '')
      // The first ran, the others replayed: the action took each only as the answer to its own request.
      expect(emulator.compute.runCommands.map(c => c.replayed ?? false)).toEqual([
        false,
        true,
        true,
        true
      ])
    })

    const FLEET = ['web-1', 'web-2', 'web-3'].map(name => VM.replace(/web-1$/, name))

    test('3 vm: targets: two az processes for the whole run, then one read and one run-command each', async () => {
      await emulator.setScenario('healthy')
      const r = await run({ target: FLEET.map(id => `vm:${id}`).join('\n') })
      expectOutcome(r, 'pass', '', '')
      expect(
        azCalls()
          .map(c => c.argv.slice(0, 2).join(' '))
          .sort()
      ).toEqual(['account get-access-token', 'cloud show'])
      const token = azCalls().find(c => c.argv[1] === 'get-access-token')!
      expect(token.argv.slice(2, 4)).toEqual(['--resource', 'https://management.core.windows.net/'])
      const reads = emulator.requests.filter(
        q => q.method === 'GET' && /expand=instanceView/.test(q.path)
      )
      expect(reads.map(q => q.path.split('?')[0]).sort()).toEqual([...FLEET].sort())
      expect(runCommands().sort()).toEqual(FLEET.map(id => `${id} RunShellScript`).sort())
      expect(r.report.targets.map((t: { target: string }) => t.target)).toEqual(
        FLEET.map(id => `vm:${id}`)
      )
    })

    test('3 vm: targets, one not found: that VM alone fails, with the not-found fix', async () => {
      await emulator.setScenario('healthy')
      const r = await run({
        target: FLEET.map(id => `vm:${id}`).join('\n'),
        compute: { missingVms: ['web-2'] }
      })
      expectOutcome(r, 'fail', 'dispatch', 'dispatch-failed')
      const rows = r.report.targets as Array<{
        target: string
        result: string
        failureMode?: string
      }>
      expect(rows.map(t => [t.target, t.result, t.failureMode ?? ''])).toEqual([
        [`vm:${FLEET[0]}`, 'pass', ''],
        [`vm:${FLEET[1]}`, 'fail', 'dispatch-failed'],
        [`vm:${FLEET[2]}`, 'pass', '']
      ])
      const missing = JSON.stringify(rows[1])
      expect(missing).toContain(`${FLEET[1]} was not found`)
      expect(missing).toMatch(/Check the resource ID/)
      expect(runCommands().sort()).toEqual([FLEET[0], FLEET[2]].map(id => `${id} RunShellScript`))
    })

    test('3 vm: targets, az not logged in: each target says so; no ARM request is made', async () => {
      await emulator.setScenario('healthy')
      const r = await run({
        target: FLEET.map(id => `vm:${id}`).join('\n'),
        azMode: 'not-logged-in'
      })
      expectOutcome(r, 'fail', 'dispatch', 'dispatch-failed')
      const rows = r.report.targets as Array<{ target: string; result: string }>
      expect(rows.map(t => t.result)).toEqual(['fail', 'fail', 'fail'])
      for (const row of rows) expect(JSON.stringify(row)).toMatch(/azure\/login/)
      expect(emulator.requests.filter(q => q.port === 'compute')).toEqual([])
    })

    test('a token about to expire is asked for anew before the next request', async () => {
      await emulator.setScenario({ name: 'role-delayed', roleDelayMs: 3000 })
      // Four minutes left: under the five the action keeps in hand, so every use asks az again.
      fleet.writeToken(240)
      try {
        const r = await run({ inputs: { 'rbac-wait': '30s' } })
        expectOutcome(r, 'pass', '', '')
        expect(azCalls().filter(c => c.argv[1] === 'get-access-token').length).toBeGreaterThan(1)
      } finally {
        fleet.writeToken()
      }
    })
  }
)
