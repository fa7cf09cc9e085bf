/**
 * The built action with vm: and vmss: targets, through the fake az on PATH: the fake runs the
 * Linux probe for real (dash) against the emulator on loopback and answers in run-command's JSON
 * shape with the 4 KB cut. For each scenario and each dispatch failure: the right step and failure
 * mode, and the canary (every token's signature) in nothing the action wrote and nothing the
 * probe printed.
 *
 * The build must carry the probe scripts: dist/vm-probes/ beside dist/index.js (or, with
 * MI_SMOKE_ACTION_ENTRY=/tmp/x/index.js, /tmp/x/vm-probes/).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { startEmulator, type Emulator } from '../../../emulator/emulator'
import {
  ACTION_ENTRY,
  everythingWritten,
  runAction,
  type ActionRun
} from '../../helpers/run-action'
import { FAKE_AZ_DIR } from './probe-runner'
import { describeWithTools } from '../../helpers/system-tools'

describeWithTools(
  ['dash', 'curl'],
  'vm: targets through the fake az (dash, curl on the VM)',
  () => {
    const SUB = '0b1f6471-1bf0-4dda-aec3-cb9272f09590'
    const VM = `/subscriptions/${SUB}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/web-1`
    const VMSS = `/subscriptions/${SUB}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachineScaleSets/ss`

    let emulator: Emulator
    let state: string

    beforeAll(async () => {
      expect(existsSync(ACTION_ENTRY)).toBe(true)
      // ncc bundles code only: the build must ship the probe scripts beside the bundle.
      expect(existsSync(join(dirname(ACTION_ENTRY), 'vm-probes', 'linux', 'probe.sh'))).toBe(true)
      emulator = await startEmulator()
    })
    afterAll(async () => {
      await emulator.close()
    })
    beforeEach(() => {
      state = mkdtempSync(join(tmpdir(), 'mi-smoke-vm-e2e-'))
    })
    afterEach(() => rmSync(state, { recursive: true, force: true }))

    interface Options {
      target?: string
      mode?: string
      inputs?: Record<string, string>
      env?: Record<string, string>
      path?: string
    }

    async function run(options: Options = {}): Promise<ActionRun> {
      return runAction({
        inputs: {
          targets: options.target ?? `vm:${VM}`,
          'imds-endpoint': emulator.imdsUrl,
          checks: `${emulator.apiUrl}/subscriptions/{subscriptionId}/resourcegroups?api-version=2021-04-01 resource=https://management.azure.com/`,
          timeout: '2s',
          ...options.inputs
        },
        env: {
          PATH: options.path ?? `${FAKE_AZ_DIR}:${process.env['PATH'] ?? '/usr/bin:/bin'}`,
          FAKE_AZ_MODE: options.mode ?? '',
          FAKE_AZ_SHELL: 'dash',
          FAKE_AZ_DELAY_MS: '200',
          FAKE_AZ_STATE: state,
          FAKE_AZ_LOG: join(state, 'log'),
          ...options.env
        },
        timeoutMs: 110_000
      })
    }

    /** What the probe printed on the "VM", every run-command of the run. */
    function probeOutputs(): string {
      const log = join(state, 'log')
      if (!existsSync(log)) return ''
      return readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .map(l => JSON.parse(l) as { probe?: { stdout: string; stderr: string } })
        .map(e => (e.probe ? e.probe.stdout + e.probe.stderr : ''))
        .join('\n')
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
      const runCommands = readFileSync(join(state, 'log'), 'utf8')
        .split('\n')
        .filter(l => l.includes('"run-command"'))
      expect(runCommands.length).toBeGreaterThan(1)
    })

    test.each([
      ['not-logged-in', /azure\/login/],
      ['not-found', /not found/],
      ['deallocated', /deallocated/],
      ['wrong-subscription', /subscription/],
      ['no-probe', /MI-SMOKE-OBS\/1/],
      ['broken-cli', /Azure CLI is broken \(azure-cli 2\.67\.0\).*az upgrade/],
      ['noise-after:3500', /cut/]
    ])('dispatch failure %s: fail at dispatch with dispatch-failed', async (mode, text) => {
      await emulator.setScenario('healthy')
      const r = await run({ mode })
      expectOutcome(r, 'fail', 'dispatch', 'dispatch-failed')
      expect(JSON.stringify(r.report)).toMatch(text)
    })

    test('a Linux agent that hands the parameters over as arg1, arg2, ... environment variables: pass', async () => {
      await emulator.setScenario('healthy')
      expectOutcome(await run({ mode: 'parameters-as-environment' }), 'pass', '', '')
    })

    test('an agent that hands the script no parameters at all: dispatch-failed saying exactly that', async () => {
      await emulator.setScenario('healthy')
      const r = await run({ mode: 'parameters-dropped' })
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
      const r = await run({ mode: 'conflict:2' })
      expectOutcome(r, 'pass', '', '')
    }, 60_000)

    test('noise before the line survives the 4 KB cut', async () => {
      await emulator.setScenario('healthy')
      expectOutcome(await run({ mode: 'noise-before:20000' }), 'pass', '', '')
    })

    // Windows targets (RunPowerShellScript, probe.ps1 under pwsh): vm-action-windows.test.ts.

    test('vmss: every instance is its own row', async () => {
      await emulator.setScenario('healthy')
      const r = await run({ target: `vmss:${VMSS}`, env: { FAKE_AZ_VMSS_INSTANCES: '0,1' } })
      expectOutcome(r, 'pass', '', '')
      expect(r.report.targets.map((t: { target: string }) => t.target)).toEqual([
        `vmss:${VMSS}#0`,
        `vmss:${VMSS}#1`
      ])
    })

    test('vmss#N: only that instance; a deallocated instance fails at dispatch alone', async () => {
      await emulator.setScenario('healthy')
      const one = await run({ target: `vmss:${VMSS}#1`, env: { FAKE_AZ_VMSS_INSTANCES: '0,1' } })
      expectOutcome(one, 'pass', '', '')
      expect(one.report.targets.map((t: { target: string }) => t.target)).toEqual([
        `vmss:${VMSS}#1`
      ])

      const r = await run({
        target: `vmss:${VMSS}`,
        env: { FAKE_AZ_VMSS_INSTANCES: '0,1', FAKE_AZ_DEALLOCATED_INSTANCES: '1' }
      })
      expectOutcome(r, 'fail', 'dispatch', 'dispatch-failed')
      const rows = r.report.targets as Array<{ target: string; result: string }>
      expect(rows.map(t => [t.target, t.result])).toEqual([
        [`vmss:${VMSS}#0`, 'pass'],
        [`vmss:${VMSS}#1`, 'fail']
      ])
    })

    test('a scale set of 1,000 instances (the most Azure allows): the large listing arrives whole, the last instance is found', async () => {
      await emulator.setScenario('healthy')
      // About 750 KB of JSON from `az vmss list-instances`, far over what a pipe holds at once.
      const instances = Array.from({ length: 1000 }, (_, n) => String(n))
      const r = await run({
        target: `vmss:${VMSS}#999`,
        env: { FAKE_AZ_VMSS_INSTANCES: instances.join(',') }
      })
      expectOutcome(r, 'pass', '', '')
      const listing = azCalls().find(c => c.argv.slice(0, 2).join(' ') === 'vmss list-instances')
      expect(listing?.exitCode).toBe(0)
      expect(r.report.targets.map((t: { target: string }) => t.target)).toEqual([
        `vmss:${VMSS}#999`
      ])
    })

    test('vmss in Flexible orchestration: each VM runs vm run-command by its own ID', async () => {
      await emulator.setScenario('healthy')
      const r = await run({
        target: `vmss:${VMSS}`,
        mode: 'flexible',
        env: { FAKE_AZ_VMSS_INSTANCES: '0,1' }
      })
      expectOutcome(r, 'pass', '', '')
      expect(r.report.targets.map((t: { target: string }) => t.target)).toEqual([
        `vmss:${VMSS}#ss_0`,
        `vmss:${VMSS}#ss_1`
      ])
      const runCommands = azCalls().filter(call => call.argv.includes('run-command'))
      // Both run at once: the log is in order of completion.
      expect(runCommands.map(call => call.argv.slice(0, 5)).sort()).toEqual(
        ['ss_0', 'ss_1'].map(name => [
          'vm',
          'run-command',
          'invoke',
          '--ids',
          `/subscriptions/${SUB}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/${name}`
        ])
      )
    })

    test('vmss in Flexible orchestration: a deallocated VM is refused by run-command, alone', async () => {
      await emulator.setScenario('healthy')
      const r = await run({
        target: `vmss:${VMSS}`,
        mode: 'flexible',
        env: { FAKE_AZ_VMSS_INSTANCES: '0,1', FAKE_AZ_DEALLOCATED_VMS: 'ss_1' }
      })
      expectOutcome(r, 'fail', 'dispatch', 'dispatch-failed')
      const rows = r.report.targets as Array<{
        target: string
        result: string
        steps: Array<{ remediation?: string }>
      }>
      expect(rows.map(t => [t.target, t.result])).toEqual([
        [`vmss:${VMSS}#ss_0`, 'pass'],
        [`vmss:${VMSS}#ss_1`, 'fail']
      ])
      expect(JSON.stringify(rows[1])).toMatch(/az vm start/)
    })

    test("FAKE_AZ_PROBE_REPLAY (the fleet bench): recorded once, replayed with each run's nonce", async () => {
      await emulator.setScenario('healthy')
      const replay = join(state, 'probe.json')
      const first = await run({ env: { FAKE_AZ_PROBE_REPLAY: replay } })
      expectOutcome(first, 'pass', '', '')
      expect(existsSync(replay)).toBe(true)
      // What is kept is the probe's line: claims, never the token.
      expect(readFileSync(replay, 'utf8')).not.toContain(emulator.canary)
      const second = await run({ env: { FAKE_AZ_PROBE_REPLAY: replay } })
      // The action takes only an answer to its own request: the nonce was replaced.
      expectOutcome(second, 'pass', '', '')
      const replayed = azCalls().filter(call => call.argv.includes('run-command'))
      expect(replayed.map(call => (call as { replayed?: boolean }).replayed)).toEqual([
        undefined,
        true
      ])
    })

    /** The az calls of the run: how many of each command, from FAKE_AZ_LOG. */
    function azCalls(): Array<{ argv: string[]; exitCode?: number }> {
      return readFileSync(join(state, 'log'), 'utf8')
        .trim()
        .split('\n')
        .map(l => JSON.parse(l) as { argv: string[]; exitCode?: number })
    }

    const FLEET = ['web-1', 'web-2', 'web-3'].map(name => VM.replace(/web-1$/, name))

    test('3 vm: targets: ONE az vm get-instance-view for all of them, then 3 run-commands', async () => {
      await emulator.setScenario('healthy')
      const r = await run({ target: FLEET.map(id => `vm:${id}`).join('\n') })
      expectOutcome(r, 'pass', '', '')
      const calls = azCalls()
      const views = calls.filter(c => c.argv[1] === 'get-instance-view')
      expect(views).toHaveLength(1)
      expect(views[0]!.argv.slice(0, 3 + FLEET.length)).toEqual([
        'vm',
        'get-instance-view',
        '--ids',
        ...FLEET
      ])
      const runs = calls.filter(c => c.argv[1] === 'run-command')
      expect(runs.map(c => c.argv[c.argv.indexOf('--ids') + 1]).sort()).toEqual([...FLEET].sort())
      expect(r.report.targets.map((t: { target: string }) => t.target)).toEqual(
        FLEET.map(id => `vm:${id}`)
      )
    })

    test('3 vm: targets, one not found: az answers for the two others; that VM alone makes its own call and fails with the not-found fix', async () => {
      await emulator.setScenario('healthy')
      const r = await run({
        target: FLEET.map(id => `vm:${id}`).join('\n'),
        env: { FAKE_AZ_MISSING_VMS: 'web-2' }
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
      const views = azCalls().filter(c => c.argv[1] === 'get-instance-view')
      // The batch (exit 0, the two found VMs only, in another order), then the missing VM's own call.
      expect(views.map(c => c.argv.indexOf('--only-show-errors') - 3)).toEqual([3, 1])
      expect(views.map(c => c.exitCode)).toEqual([0, 1])
      expect(views[1]!.argv[3]).toBe(FLEET[1])
      const runs = azCalls().filter(c => c.argv[1] === 'run-command')
      expect(runs.map(c => c.argv[c.argv.indexOf('--ids') + 1]).sort()).toEqual([
        FLEET[0],
        FLEET[2]
      ])
    })

    test('3 vm: targets, az not logged in: the batch fails as a whole; each target says so from its own call', async () => {
      await emulator.setScenario('healthy')
      const r = await run({ target: FLEET.map(id => `vm:${id}`).join('\n'), mode: 'not-logged-in' })
      expectOutcome(r, 'fail', 'dispatch', 'dispatch-failed')
      const rows = r.report.targets as Array<{ target: string; result: string }>
      expect(rows.map(t => t.result)).toEqual(['fail', 'fail', 'fail'])
      for (const row of rows) expect(JSON.stringify(row)).toMatch(/azure\/login/)
      const views = azCalls().filter(c => c.argv[1] === 'get-instance-view')
      // The batch (az: "Encountered more than one exception."), then each target's own call.
      expect(views.map(c => c.argv.indexOf('--only-show-errors') - 3)).toEqual([3, 1, 1, 1])
      expect(views.every(c => c.exitCode === 1)).toBe(true)
      expect(azCalls().filter(c => c.argv[1] === 'run-command')).toEqual([])
    })
  }
)
