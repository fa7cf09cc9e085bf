/**
 * The built action with vm: and vmss: targets that are WINDOWS, through ARM's REST API against the
 * emulator's compute endpoints (TLS on loopback): RunPowerShellScript runs
 * vm-probes/windows/probe.ps1 under pwsh with the request as the named parameter run-command passes
 * (`-request <base64>`), against the emulator's IMDS, and answers in Windows' two-status shape
 * (StdOut, StdErr) with the 4 KB cut. The same scenarios as vm-action.test.ts runs on Linux
 * targets: the right step and failure mode, and the canary (every token's signature) in nothing the
 * action wrote and nothing the probe printed.
 */
import { existsSync } from 'node:fs'
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

const SUB = '0b1f6471-1bf0-4dda-aec3-cb9272f09590'
const VM = `/subscriptions/${SUB}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/win-1`
const VMSS = `/subscriptions/${SUB}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachineScaleSets/wss`

describeWithTools(
  ['pwsh', 'openssl'],
  'Windows targets end to end (ARM, probe.ps1 under pwsh)',
  () => {
    let fleet: ArmFleet
    let emulator: Emulator

    beforeAll(async () => {
      expect(existsSync(ACTION_ENTRY)).toBe(true)
      expect(existsSync(join(dirname(ACTION_ENTRY), 'vm-probes', 'windows', 'probe.ps1'))).toBe(
        true
      )
      fleet = await startArmFleet()
      emulator = fleet.emulator
    })
    afterAll(async () => {
      await fleet.close()
    })
    beforeEach(() => {
      emulator.compute.reset()
      emulator.clearRequests()
    })

    function run(
      options: {
        target?: string
        compute?: Partial<FleetSettings>
        inputs?: Record<string, string>
      } = {}
    ): Promise<ActionRun> {
      emulator.compute.configure({ os: 'Windows', ...options.compute })
      return runAction({
        inputs: {
          targets: options.target ?? `vm:${VM}`,
          'imds-endpoint': emulator.imdsUrl,
          checks: `${emulator.apiUrl}/subscriptions/{subscriptionId}/resourcegroups?api-version=2021-04-01 resource=https://management.azure.com/`,
          timeout: '4s',
          ...options.inputs
        },
        env: fleet.env(),
        timeoutMs: 150_000
      })
    }

    function probeOutputs(): string {
      return emulator.compute.runCommands
        .map(r => (r.probe ? r.probe.stdout + r.probe.stderr : ''))
        .join('\n')
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
          `expected ${result}/${failedStep}/${failureMode}, got ${JSON.stringify(got)}\nexit ${r.code}\nreport: ${JSON.stringify(r.report).slice(0, 3000)}\nprobe: ${probeOutputs().slice(0, 2000)}\nstderr: ${r.stderr.slice(-2000)}`
        )
      }
      expect(r.code).toBe(result === 'fail' ? 1 : 0)
      expect(everythingWritten(r)).not.toContain(emulator.canary)
      expect(probeOutputs()).not.toContain(emulator.canary)
    }

    test('healthy Windows VM: pass, probed by PowerShell, the request given as -request <base64>', async () => {
      await emulator.setScenario('healthy')
      const r = await run()
      expectOutcome(r, 'pass', '', '')
      expect(r.report.targets[0].target).toBe(`vm:${VM}`)
      expect(r.report.targets[0].probe).toBe('powershell')
      expect(r.outputs['principal-id']).toBe(emulator.identities.system.objectId)
      const [runCommand] = emulator.compute.runCommands
      expect(runCommand!.commandId).toBe('RunPowerShellScript')
      expect(runCommand!.parameters).toEqual([
        { name: 'request', value: expect.stringMatching(/^[A-Za-z0-9+/]+$/) }
      ])
      expect(runCommand!.probe!.stdout).toMatch(/^MI-SMOKE-OBS\/1 \{"v":1,/m)
    })

    test('healthy, user-assigned identity chosen by client ID', async () => {
      await emulator.setScenario('healthy')
      const r = await run({ inputs: { identity: emulator.identities.userAssigned[0]!.clientId } })
      expectOutcome(r, 'pass', '', '')
      expect(r.outputs['client-id']).toBe(emulator.identities.userAssigned[0]!.clientId)
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
      ['wrong-audience', {}, 'token', 'wrong-audience'],
      ['api-closed', {}, 'api', 'egress-blocked'],
      ['imds-hang', { timeout: '1s' }, 'imds', 'platform-unreachable'],
      // As over https (smoke-endpoint/e2e-action.test.ts): a 2xx without a usable token.
      ['token-malformed', {}, 'token', 'token-invalid']
    ] as const)(
      '%s on a Windows VM: fail with the same step and mode as on Linux',
      async (scenario, inputs, step, mode) => {
        await emulator.setScenario(scenario)
        const r = await run({ inputs })
        expectOutcome(r, 'fail', step, mode)
      }
    )

    test('role delayed on a Windows VM: rbac-wait re-runs the probe until the role works', async () => {
      // Longer than the action's and pwsh's start-up, so the first probe meets the missing role.
      await emulator.setScenario({ name: 'role-delayed', roleDelayMs: 15_000 })
      const r = await run({ inputs: { 'rbac-wait': '60s' } })
      expectOutcome(r, 'pass', '', '')
      expect(emulator.compute.runCommands.length).toBeGreaterThan(1)
    }, 150_000)

    test('output after the probe pushes its line out of the 4 KB StdOut cut: dispatch-failed saying so', async () => {
      await emulator.setScenario('healthy')
      const r = await run({ compute: { noiseAfter: 3500 } })
      expectOutcome(r, 'fail', 'dispatch', 'dispatch-failed')
      expect(JSON.stringify(r.report)).toMatch(/cut/)
    })

    test('noise before the line: the line survives the 4 KB cut', async () => {
      await emulator.setScenario('healthy')
      expectOutcome(await run({ compute: { noiseBefore: 20000 } }), 'pass', '', '')
    })

    test('Windows scale set: every instance is its own row', async () => {
      await emulator.setScenario('healthy')
      const r = await run({ target: `vmss:${VMSS}` })
      expectOutcome(r, 'pass', '', '')
      expect(r.report.targets.map((t: { target: string }) => t.target)).toEqual([
        `vmss:${VMSS}#0`,
        `vmss:${VMSS}#1`
      ])
      expect(
        emulator.compute.runCommands.filter(r => r.commandId === 'RunPowerShellScript')
      ).toHaveLength(2)
    })
  }
)
