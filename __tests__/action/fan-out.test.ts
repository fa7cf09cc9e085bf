/**
 * Many targets in one run, through the built action: `vm:`/`vmss:` targets go over ARM's REST API
 * to the emulator's compute endpoints (which run the real Linux probe), next to `local`. Concurrency bounds
 * the wall time, each scale set instance is a target of its own, a failing target hides nothing,
 * and the summary lists the worst first.
 */
import type { Emulator, FleetSettings } from '../../emulator/emulator'
import { startArmFleet, type ArmFleet } from '../helpers/arm-fleet'
import { runAgainst, written } from '../helpers/emulator-action'
import { describeWithTools } from '../helpers/system-tools'

describeWithTools(
  ['curl', 'openssl'],
  'fan-out over vm: targets (curl on the VM, openssl for the emulated ARM)',
  () => {
    let fleet: ArmFleet
    let emulator: Emulator
    beforeAll(async () => {
      fleet = await startArmFleet()
      emulator = fleet.emulator
    })
    afterAll(async () => {
      await fleet.close()
    })

    const vm = (name: string) =>
      `vm:/subscriptions/${emulator.subscriptionId}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/${name}`
    const vmss = (name: string) =>
      `vmss:/subscriptions/${emulator.subscriptionId}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachineScaleSets/${name}`

    /** The fleet's behaviour for the next runs, and the environment that reaches it. */
    function fakeAz(compute: Partial<FleetSettings> = {}): Record<string, string> {
      emulator.compute.configure(compute)
      return fleet.env()
    }

    test('8 VMs taking 1 s each: concurrency 8 takes about as long as one VM, concurrency 2 four rounds', async () => {
      await emulator.setScenario('healthy')
      const env = fakeAz({ runCommandMs: 1000 })
      const one = await runAgainst(emulator, { targets: vm('web-0') }, env)
      expect(one.outputs['result']).toBe('pass')
      const targets = Array.from({ length: 8 }, (_, i) => vm(`web-${i}`)).join('\n')

      const wide = await runAgainst(emulator, { targets, concurrency: '8' }, env)
      expect(wide.outputs['result']).toBe('pass')
      expect(wide.report.targets).toHaveLength(8)
      // Strictly serial would be 8 times one VM's time.
      expect(wide.report.durationMs).toBeLessThan(one.report.durationMs * 2.5)

      const narrow = await runAgainst(emulator, { targets, concurrency: '2' }, env)
      expect(narrow.outputs['result']).toBe('pass')
      expect(narrow.report.durationMs).toBeGreaterThanOrEqual(4000)
      expect(narrow.report.durationMs).toBeGreaterThan(wide.report.durationMs)
      expect(written(narrow)).not.toContain(emulator.canary)
    }, 90_000)

    test('a scale set fans out to one target per instance, in order, next to local', async () => {
      await emulator.setScenario('healthy')
      const run = await runAgainst(
        emulator,
        { targets: `local\n${vmss('pool')}`, concurrency: '2' },
        fakeAz({ scaleSetInstances: ['0', '1', '3'] })
      )
      expect(run.code).toBe(0)
      expect(run.report.targets.map((t: { target: string }) => t.target)).toEqual([
        'local',
        `${vmss('pool')}#0`,
        `${vmss('pool')}#1`,
        `${vmss('pool')}#3`
      ])
      for (const target of run.report.targets) {
        expect(target.steps.map((s: { status: string }) => s.status)).toEqual([
          'pass',
          'pass',
          'pass'
        ])
      }
      // One log group per target.
      expect(run.stdout.match(/^::group::/gm)).toHaveLength(4)
      expect(written(run)).not.toContain(emulator.canary)
    }, 60_000)

    test('a VM that cannot be reached fails alone: local still passes, the summary puts the failure first', async () => {
      await emulator.setScenario('healthy')
      const run = await runAgainst(
        emulator,
        { targets: `local\n${vm('gone')}` },
        fakeAz({ missingVms: ['gone'] })
      )
      expect(run.code).toBe(1)
      expect(run.outputs['result']).toBe('fail')
      expect(run.outputs['failed-step']).toBe('dispatch')
      expect(run.outputs['failure-mode']).toBe('dispatch-failed')
      // Identity outputs come from the first target (local), which got its token.
      expect(run.outputs['principal-id']).toBe(emulator.identities.system.objectId)
      const [local, gone] = run.report.targets
      expect(local.result).toBe('pass')
      expect(gone).toMatchObject({
        target: vm('gone'),
        result: 'fail',
        failureMode: 'dispatch-failed'
      })
      expect(
        run.annotations.some(
          a => a.level === 'error' && a.title === 'gone (rg-web) · dispatch · dispatch-failed'
        )
      ).toBe(true)
      const summary = run.summary
      expect(summary.indexOf('virtualMachines/gone')).toBeLessThan(summary.indexOf('>local</span>'))
      expect(summary).toContain('1 failed, 0 with warnings, 1 passed')
      expect(run.stdout).toContain(
        `::error::mi-smoke: fail — ${vm('gone')} · dispatch · dispatch-failed`
      )
    }, 60_000)
  }
)
