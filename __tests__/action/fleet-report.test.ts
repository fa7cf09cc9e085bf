/**
 * A fleet through the built action (scale set instances and VMs through the emulator's ARM compute
 * endpoints, which run the real Linux probe against the emulator's IMDS): annotations are one per cause naming how many
 * targets share it, the outputs list the failed targets and count each verdict, and the job summary
 * leads with one overview row per target.
 */
import type { Emulator, FleetSettings } from '../../emulator/emulator'
import { startArmFleet, type ArmFleet } from '../helpers/arm-fleet'
import { describeWithTools } from '../helpers/system-tools'
import { runAgainst, written } from '../helpers/emulator-action'

jest.setTimeout(120_000)

describeWithTools(
  ['curl', 'openssl'],
  'a fleet report (curl on the VMs, openssl for the emulated ARM)',
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
      `vmss:/subscriptions/${emulator.subscriptionId}/resourceGroups/rg-batch/providers/Microsoft.Compute/virtualMachineScaleSets/${name}`

    /** The emulated fleet's behaviour for the next run, and the environment that reaches it. */
    function fakeAz(compute: Partial<FleetSettings> = {}): Record<string, string> {
      emulator.compute.reset()
      emulator.compute.configure(compute)
      return fleet.env()
    }

    test('a role missing on a whole scale set is one annotation naming its 5 instances; a missing VM is another', async () => {
      await emulator.setScenario('role-missing')
      const run = await runAgainst(
        emulator,
        { targets: [vmss('batch'), vm('gone')].join('\n'), concurrency: '6' },
        fakeAz({ scaleSetInstances: ['0', '1', '2', '3', '4'], missingVms: ['gone'] })
      )
      expect(run.code).toBe(1)
      const lines = run.report.targets.map((t: { target: string }) => t.target)
      expect(lines).toHaveLength(6)
      for (const target of run.report.targets.slice(0, 5)) {
        expect(target).toMatchObject({ result: 'fail', failureMode: 'rbac-denied' })
      }

      const errors = run.annotations.filter(a => a.level === 'error')
      // The gate's own message is the last error; before it one per cause, the bigger one first.
      const causes = errors.slice(0, -1)
      expect(causes.map(a => a.title)).toEqual([
        'rbac-denied · 5 targets',
        'gone (rg-web) · dispatch · dispatch-failed'
      ])
      expect(causes[0]!.message).toContain(
        '5 targets (batch #0 (rg-batch), batch #1 (rg-batch), batch #2 (rg-batch), batch #3 (rg-batch), batch #4 (rg-batch)) at api'
      )
      expect(causes[0]!.message).toMatch(
        /How to fix: (.*\. )?Grant principal [0-9a-f-]{36} a role on/
      )
      expect(errors.at(-1)!.message).toMatch(/^mi-smoke: fail — /)
      // No duplicates anywhere.
      expect(new Set(errors.map(a => a.message)).size).toBe(errors.length)

      expect(JSON.parse(run.outputs['failed-targets']!)).toEqual(lines)
      expect(run.outputs).toMatchObject({ targets: '6', passed: '0', warned: '0', failed: '6' })

      const overview = run.summary.slice(0, run.summary.indexOf('</table>'))
      expect(overview.match(/<tr><td>/g)).toHaveLength(6)
      expect(run.summary).toContain('- ❌ <b>rbac-denied</b> · 5 targets: ')
      expect(run.summary).toMatch(
        /```sh\n {2}az role assignment create --assignee-object-id [0-9a-f-]{36} /
      )
      expect(written(run)).not.toContain(emulator.canary)
    })

    test('a passing fleet: failed-targets is [] and the counts add up', async () => {
      await emulator.setScenario('healthy')
      const run = await runAgainst(
        emulator,
        { targets: ['local', vmss('batch')].join('\n') },
        fakeAz({ scaleSetInstances: ['0', '1'] })
      )
      expect(run.code).toBe(0)
      expect(run.outputs).toMatchObject({
        result: 'pass',
        'failed-targets': '[]',
        targets: '3',
        passed: '3',
        warned: '0',
        failed: '0'
      })
      expect(run.annotations.filter(a => a.level !== 'notice')).toEqual([])
      expect(run.summary).toContain('<details><summary>✅ 3 targets passed</summary>')
    })

    test('bad input: failed-targets is [] and every count is 0', async () => {
      const run = await runAgainst(emulator, { timeout: 'soon' })
      expect(run.outputs).toMatchObject({
        'failure-mode': 'bad-input',
        'failed-targets': '[]',
        targets: '0',
        passed: '0',
        warned: '0',
        failed: '0'
      })
    })
  }
)
