/**
 * Deadlines: no run takes longer than the bound its inputs and scenario allow (bounds.ts); a hung
 * identity endpoint gives its verdict within 1.2 × timeout plus start-up; one slow target does
 * not hold up the others' results (fan-out with concurrency).
 */
import { ACTION_ENTRY, runAction, type ActionRun } from '../helpers/run-action'
import { boundFor, parseDuration } from './bounds'
import { recordEvidence } from './evidence-out'
import { MATRIX_TIMEOUT_MS, runMatrix, type MatrixResult } from './run-matrix'
import { checksFor, setUpKind, startEvidenceEmulator, type TargetKind } from './target-kinds'
import { describeWithTools } from '../helpers/system-tools'

describeWithTools(
  ['curl', 'openssl'],
  'evidence: deadlines (the Linux probe runs with curl on the fake VM)',
  () => {
    jest.setTimeout(MATRIX_TIMEOUT_MS)

    const evidence: Record<string, unknown> = {}
    afterAll(() => {
      if (Object.keys(evidence).length > 0) recordEvidence('deadlines', evidence, ACTION_ENTRY)
    })

    describe('every fault matrix run ends within its bound', () => {
      let matrix: MatrixResult
      beforeAll(async () => {
        matrix = await runMatrix()
      }, MATRIX_TIMEOUT_MS)

      test('duration ≤ bound(timeout, checks, rbac-wait, retry policy, scenario settings)', () => {
        const rows = matrix.records
          .filter(r => r.run)
          .map(r => {
            const bound = boundFor(r)
            return {
              id: r.id,
              kind: r.kind,
              boundMs: bound.ms,
              formula: bound.formula,
              observedMs: r.run!.durationMs,
              reportMs: r.run!.report?.durationMs ?? null,
              held: r.run!.durationMs <= bound.ms
            }
          })
        evidence['matrix'] = rows
        expect(rows.length).toBeGreaterThan(50)
        expect(rows.filter(r => !r.held)).toEqual([])
      })
    })

    /**
     * A healthy run (start-up and dispatch cost) and a hung identity endpoint, each on a fresh set-up
     * (own emulator, own handler process: the handler's SDK caches tokens, a warm cache would hide the
     * hang).
     */
    async function hangAgainstBaseline(
      kind: TargetKind,
      timeout: string
    ): Promise<{ baseline: ActionRun; hang: ActionRun }> {
      const once = async (hung: boolean): Promise<ActionRun> => {
        const emulator = await startEvidenceEmulator()
        const setup = await setUpKind(kind, emulator)
        try {
          if (hung) await emulator.setScenario('imds-hang')
          return await runAction({
            inputs: { ...setup.inputs, timeout },
            env: setup.env,
            timeoutMs: 120_000
          })
        } finally {
          await setup.stop()
          await emulator.close()
        }
      }
      const baseline = await once(false)
      return { baseline, hang: await once(true) }
    }

    /** Timing jitter of two process starts on a busy 2-core machine. */
    const JITTER_MS = 750

    describe('a hung identity endpoint gives its verdict within 1.2 × timeout plus start-up', () => {
      const HANG_CASES: Array<[TargetKind, string]> = [
        ['local', '1s'],
        ['local', '3s'],
        ['vm', '2s'],
        ['vmss', '2s'],
        ['https', '2s']
      ]
      const rows: unknown[] = []
      afterAll(() => (evidence['hang'] = rows))

      test.each(HANG_CASES)('%s, timeout %s', async (kind, timeout) => {
        const T = parseDuration(timeout, 0)
        const { baseline, hang } = await hangAgainstBaseline(kind, timeout)
        // Start-up (and for remote kinds, dispatch) is what the healthy run of the same set-up took.
        const bound = 1.2 * T + baseline.durationMs + JITTER_MS
        rows.push({
          kind,
          timeoutMs: T,
          baselineMs: baseline.durationMs,
          boundMs: Math.round(bound),
          observedMs: hang.durationMs,
          reportMs: hang.report?.durationMs ?? null,
          result: `${hang.outputs['result']} ${hang.outputs['failed-step']} ${hang.outputs['failure-mode']}`,
          held: hang.durationMs <= bound && hang.outputs['failed-step'] === 'imds'
        })
        expect(baseline.outputs['result']).toBe('pass')
        expect(hang.outputs['failed-step']).toBe('imds')
        expect(hang.outputs['failure-mode']).toBe('platform-unreachable')
        // Never sooner than the timeout (it did wait), never much later.
        expect(hang.durationMs).toBeGreaterThanOrEqual(T)
        expect(hang.durationMs).toBeLessThanOrEqual(bound)
      })
    })

    describe('one slow target does not delay the others', () => {
      const SLOW_MS = 6000
      test(`a VM whose run-command takes ${SLOW_MS} ms and an endpoint that answers after ${SLOW_MS} ms, beside a fast VM and local`, async () => {
        const emulator = await startEvidenceEmulator()
        const https = await setUpKind('https', emulator, { proxyDelayMs: SLOW_MS })
        try {
          const vm = (name: string) =>
            `/subscriptions/${emulator.subscriptionId}/resourceGroups/${emulator.resourceGroup}/providers/Microsoft.Compute/virtualMachines/${name}`
          const slowVm = `vm:${vm('vm-slow')}`
          const fastVm = `vm:${vm('vm-fast')}`
          const targets = [slowVm, https.target, fastVm, 'local']
          // The VMs' run-commands: vm-slow is held SLOW_MS by the emulated ARM, vm-fast is not.
          emulator.compute.configure({ runCommandMsByName: { 'vm-slow': SLOW_MS } })
          const env = { ...https.env }
          // Checks that work for every kind here: App Service has no metadata to expand.
          const inputs = {
            ...https.inputs,
            checks: checksFor('https', emulator),
            targets: targets.join('\n'),
            concurrency: '8'
          }
          const run = await runAction({ inputs, env, timeoutMs: 120_000 })
          const byTarget = new Map<string, { durationMs: number; result: string }>(
            (run.report?.targets ?? []).map(
              (t: { target: string; durationMs: number; result: string }) => [t.target, t]
            )
          )
          const kinds: Record<string, TargetKind> = {
            [slowVm]: 'vm',
            [https.target]: 'https',
            [fastVm]: 'vm',
            local: 'local'
          }
          const rows = targets.map(target => {
            const slow = target === slowVm || target === https.target
            const bound = boundFor({
              scenario: 'healthy',
              settings: {},
              inputs,
              kind: kinds[target] as TargetKind,
              ...(target === slowVm ? { azDelayMs: SLOW_MS } : {})
            })
            // The slow endpoint's extra time is the proxy's hold, on top of its own bound.
            const ownBound = bound.ms + (target === https.target ? SLOW_MS : 0)
            const observed = byTarget.get(target)?.durationMs ?? -1
            return {
              target: target.replace(
                /\/subscriptions\/[^ ]*\/virtualMachines\//,
                '…/virtualMachines/'
              ),
              slow,
              result: byTarget.get(target)?.result ?? 'missing',
              observedMs: observed,
              ownBoundMs: ownBound,
              held:
                observed >= 0 &&
                observed <= ownBound &&
                (slow ? observed >= SLOW_MS : observed < SLOW_MS)
            }
          })
          const groupAt = (target: string) => run.stdout.indexOf(`::group::${target}:`)
          evidence['slowTarget'] = { slowMs: SLOW_MS, wallMs: run.durationMs, rows }

          expect(rows.map(r => r.result)).toEqual(['pass', 'pass', 'pass', 'pass'])
          expect(rows.filter(r => !r.held)).toEqual([])
          // The two slow ones ran side by side, not one after the other.
          expect(run.durationMs).toBeLessThan(2 * SLOW_MS)
          // Fast targets were reported (their log group written) before either slow one.
          for (const fast of [fastVm, 'local']) {
            expect(groupAt(fast)).toBeGreaterThanOrEqual(0)
            expect(groupAt(fast)).toBeLessThan(groupAt(slowVm))
            expect(groupAt(fast)).toBeLessThan(groupAt(https.target))
          }
        } finally {
          await https.stop()
          await emulator.close()
        }
      })
    })
  }
)
