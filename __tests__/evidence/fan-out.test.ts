/**
 * Fan-out (issue 5, part 1): many targets run concurrently up to `concurrency`; a scale set's
 * instances each count; the outputs aggregate (`result` is the worst verdict) while the report
 * keeps every target; the summary puts the worst first.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Emulator, FleetSettings } from '../../emulator/emulator'
import { ACTION_ENTRY, runAction } from '../helpers/run-action'
import { recordEvidence } from './evidence-out'
import { checksFor, fakeAzEnv, scaleSetId, startEvidenceEmulator } from './target-kinds'
import { describeWithTools } from '../helpers/system-tools'

describeWithTools(
  ['curl', 'openssl'],
  'evidence: fan-out (the Linux probe runs with curl on the fake VM)',
  () => {
    jest.setTimeout(120_000)

    const evidence: Record<string, unknown> = {}
    afterAll(() => {
      if (Object.keys(evidence).length > 0) recordEvidence('fanOut', evidence, ACTION_ENTRY)
    })

    let emulator: Emulator
    beforeAll(async () => {
      emulator = await startEvidenceEmulator()
    })
    afterAll(async () => emulator.close())

    const vmId = (name: string): string =>
      `/subscriptions/${emulator.subscriptionId}/resourceGroups/${emulator.resourceGroup}/providers/Microsoft.Compute/virtualMachines/${name}`

    interface RunCommandTime {
      target: string
      start: number
      end: number
    }

    /** The emulated fleet for the next run, and the run-commands it received, timed POST → result. */
    function perTargetFleet(compute: Partial<FleetSettings> = {}) {
      const dir = mkdtempSync(join(tmpdir(), 'mi-smoke-evidence-fan-'))
      emulator.compute.reset()
      emulator.compute.configure(compute)
      const env = fakeAzEnv(dir, emulator)
      const read = (): RunCommandTime[] =>
        emulator.compute.runCommands.map(r => ({
          target: r.resourceId,
          start: r.at,
          end: r.doneAt ?? Date.now()
        }))
      return { env, read }
    }

    /** Most calls in flight at one moment. */
    function peakOverlap(calls: RunCommandTime[]): number {
      const edges = calls.flatMap(c => [
        [c.start, 1],
        [c.end, -1]
      ])
      edges.sort(
        (a, b) => (a[0] as number) - (b[0] as number) || (a[1] as number) - (b[1] as number)
      )
      let now = 0
      let peak = 0
      for (const [, delta] of edges) peak = Math.max(peak, (now += delta as number))
      return peak
    }

    test('6 VMs of 1.5 s each at concurrency 3: three run-commands at a time, never more, in two rounds', async () => {
      const DELAY = 1500
      const CONCURRENCY = 3
      const names = ['vm-0', 'vm-1', 'vm-2', 'vm-3', 'vm-4', 'vm-5']
      const az = perTargetFleet({ runCommandMs: DELAY })
      const run = await runAction({
        inputs: {
          targets: names.map(n => `vm:${vmId(n)}`).join('\n'),
          'imds-endpoint': emulator.imdsUrl,
          checks: checksFor('vm', emulator),
          timeout: '2s',
          concurrency: String(CONCURRENCY)
        },
        env: az.env,
        timeoutMs: 60_000
      })
      const runCommands = az.read()
      const peak = peakOverlap(runCommands)
      evidence['concurrency'] = {
        targets: names.length,
        concurrency: CONCURRENCY,
        runCommandMs: DELAY,
        peakRunCommandsAtOnce: peak,
        wallMs: run.durationMs,
        serialWouldBeMs: names.length * DELAY,
        held: peak === CONCURRENCY && run.outputs['result'] === 'pass'
      }
      expect(run.outputs['result']).toBe('pass')
      expect(run.report.targets.map((t: { target: string }) => t.target)).toEqual(
        names.map(n => `vm:${vmId(n)}`)
      )
      expect(runCommands).toHaveLength(names.length)
      expect(peak).toBe(CONCURRENCY)
      // Two rounds of three, not six one after the other.
      expect(run.durationMs).toBeGreaterThanOrEqual(2 * DELAY)
      expect(run.durationMs).toBeLessThan(names.length * DELAY)
    })

    test('a scale set of 3 instances: one report per instance, probed side by side', async () => {
      const DELAY = 1500
      const az = perTargetFleet({ runCommandMs: DELAY, scaleSetInstances: ['0', '1', '2'] })
      const line = `vmss:${scaleSetId(emulator)}`
      const run = await runAction({
        inputs: {
          targets: line,
          'imds-endpoint': emulator.imdsUrl,
          checks: checksFor('vmss', emulator),
          timeout: '2s',
          concurrency: '8'
        },
        env: az.env,
        timeoutMs: 60_000
      })
      const peak = peakOverlap(az.read())
      const labels = run.report.targets.map((t: { target: string }) => t.target)
      evidence['scaleSet'] = {
        instances: 3,
        reports: labels.length,
        peakRunCommandsAtOnce: peak,
        wallMs: run.durationMs,
        held: labels.length === 3 && peak === 3
      }
      expect(labels).toEqual([`${line}#0`, `${line}#1`, `${line}#2`])
      expect(run.outputs['result']).toBe('pass')
      expect(peak).toBe(3)
    })

    test('one failing target among passing ones: result is the worst verdict, every target reported, worst first in the summary', async () => {
      const az = perTargetFleet({ deallocatedVms: ['vm-down'] })
      const targets = ['local', `vm:${vmId('vm-up')}`, `vm:${vmId('vm-down')}`]
      const run = await runAction({
        inputs: {
          targets: targets.join('\n'),
          'imds-endpoint': emulator.imdsUrl,
          checks: checksFor('vm', emulator),
          timeout: '2s'
        },
        env: az.env,
        timeoutMs: 60_000
      })
      const results = run.report.targets.map((t: { target: string; result: string }) => [
        t.target,
        t.result
      ])
      const summaryAt = (target: string): number => run.summary.indexOf(target)
      evidence['aggregate'] = {
        targets: results.map(([t, r]: [string, string]) => ({
          target: t.replace(/\/subscriptions\/.*\//, '…/'),
          result: r
        })),
        outputs: {
          result: run.outputs['result'],
          'failed-step': run.outputs['failed-step'],
          'failure-mode': run.outputs['failure-mode']
        },
        exitCode: run.code,
        worstFirstInSummary: summaryAt(targets[2] as string) < summaryAt('local')
      }
      expect(results).toEqual([
        ['local', 'pass'],
        [targets[1], 'pass'],
        [targets[2], 'fail']
      ])
      expect(run.outputs).toMatchObject({
        result: 'fail',
        'failed-step': 'dispatch',
        'failure-mode': 'dispatch-failed',
        // The identity outputs come from the first target's token.
        'principal-id': emulator.identities.system.objectId
      })
      expect(run.code).toBe(1)
      expect(summaryAt(targets[2] as string)).toBeGreaterThanOrEqual(0)
      expect(summaryAt(targets[2] as string)).toBeLessThan(summaryAt(targets[1] as string))
      expect(summaryAt(targets[2] as string)).toBeLessThan(summaryAt('local'))
    })
  }
)
