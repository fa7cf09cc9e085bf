/**
 * vmWorkloads through the fake az (a real child process, the real JSON and error shapes): the
 * invocation it builds, power state before run-command, 409 retried to a deadline, and each az
 * failure as a DispatchError with a fix.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator, type Emulator } from '../../../emulator/emulator'
import type { ActionInputs, Target } from '../../../src/inputs/action-inputs'
import type { Observations } from '../../../src/observations'
import type { ProbeRequest } from '../../../src/probe-request'
import { DispatchError } from '../../../src/dispatch/workload'
import { execAzRunner, findAz, type AzRunner } from '../../../src/dispatch/vm/az-cli'
import { vmWorkloads } from '../../../src/dispatch/vm/index'
import { invokeRunCommand } from '../../../src/dispatch/vm/run-command'
import { decodeUnpaddedBase64 } from '../../../src/dispatch/vm/probe-parameters'
import { probeScriptPath } from '../../../src/dispatch/vm/probe-script'
import { FAKE_AZ_DIR } from './probe-runner'
import { describeWithTools } from '../../helpers/system-tools'

describeWithTools(
  ['dash', 'curl'],
  'vm dispatch through the fake az (dash, curl on the VM)',
  () => {
    const SUB = '0b1f6471-1bf0-4dda-aec3-cb9272f09590'
    const VM = `/subscriptions/${SUB}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/web-1`
    const VMSS = `/subscriptions/${SUB}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachineScaleSets/ss`

    let emulator: Emulator
    let state: string
    const saved = { ...process.env }
    const az: AzRunner = execAzRunner(join(FAKE_AZ_DIR, 'az'))

    beforeAll(async () => {
      emulator = await startEmulator()
    })
    afterAll(async () => {
      await emulator.close()
    })
    beforeEach(() => {
      state = mkdtempSync(join(tmpdir(), 'mi-smoke-fake-az-'))
      process.env['FAKE_AZ_STATE'] = state
      process.env['FAKE_AZ_LOG'] = join(state, 'log')
      process.env['FAKE_AZ_SHELL'] = 'dash'
      delete process.env['FAKE_AZ_MODE']
    })
    afterEach(() => {
      rmSync(state, { recursive: true, force: true })
      process.env = { ...saved }
    })

    function inputs(os: ActionInputs['os'] = 'auto'): ActionInputs {
      return {
        targets: [],
        identity: { kind: 'system' },
        checks: [],
        rbacWaitMs: 0,
        readyWaitMs: 0,
        timeoutMs: 3000,
        concurrency: 2,
        failOn: 'error',
        os,
        imdsEndpoint: emulator.imdsUrl,
        summary: false
      }
    }

    function request(): ProbeRequest {
      return {
        v: 1,
        nonce: `n-${Math.random().toString(36).slice(2)}`,
        identity: { kind: 'system' },
        timeoutMs: 3000,
        imdsEndpoint: emulator.imdsUrl,
        checks: [
          {
            url: `${emulator.apiUrl}/subscriptions/{subscriptionId}/resourcegroups?api-version=2021-04-01`,
            resource: 'https://management.azure.com/'
          }
        ]
      }
    }

    const vmTarget: Target = { kind: 'vm', line: `vm:${VM}`, resourceId: VM }

    function calls(): string[][] {
      return readFileSync(join(state, 'log'), 'utf8')
        .trim()
        .split('\n')
        .map(l => (JSON.parse(l) as { argv: string[] }).argv)
    }

    async function probeError(promise: Promise<unknown>): Promise<DispatchError> {
      const error = await promise.then(
        () => undefined,
        (e: unknown) => e
      )
      expect(error).toBeInstanceOf(DispatchError)
      return error as DispatchError
    }

    test('vm: power state first, then one run-command with the probe file and data-only parameters', async () => {
      const [workload] = await vmWorkloads(vmTarget, inputs(), new AbortController().signal, az)
      expect(workload!.label).toBe(`vm:${VM}`)
      const req = request()
      const observations = (await workload!.probe(
        req,
        new AbortController().signal
      )) as Observations
      expect(observations.nonce).toBe(req.nonce)
      expect(observations.apis[0]!.status).toBe(200)
      const [view, run] = calls()
      expect(view).toEqual([
        'vm',
        'get-instance-view',
        '--ids',
        VM,
        '--only-show-errors',
        '-o',
        'json'
      ])
      expect(run!.slice(0, 9)).toEqual([
        'vm',
        'run-command',
        'invoke',
        '--ids',
        VM,
        '--command-id',
        'RunShellScript',
        '--scripts',
        `@${probeScriptPath('linux')}`
      ])
      const parameters = run!.slice(
        run!.indexOf('--parameters') + 1,
        run!.indexOf('--only-show-errors')
      )
      expect(parameters[0]).toBe('1')
      expect(decodeUnpaddedBase64(parameters[1]!.slice(1))).toBe(req.nonce)
      // rbac-wait re-runs: the probe runs again without another power-state call.
      await workload!.probe(request(), new AbortController().signal)
      expect(calls().filter(c => c[1] === 'get-instance-view')).toHaveLength(1)
    })

    test('windows VM: RunPowerShellScript with request=<base64 JSON>, Windows-shaped answer read', async () => {
      process.env['FAKE_AZ_MODE'] = 'windows'
      const [workload] = await vmWorkloads(vmTarget, inputs(), new AbortController().signal, az)
      const req = request()
      const observations = (await workload!.probe(
        req,
        new AbortController().signal
      )) as Observations
      expect(observations.nonce).toBe(req.nonce)
      const run = calls()[1]!
      expect(run).toContain('RunPowerShellScript')
      expect(run[run.indexOf('--scripts') + 1]).toBe(`@${probeScriptPath('windows')}`)
      const parameter = run[run.indexOf('--parameters') + 1]!
      expect(parameter).toMatch(/^request=[A-Za-z0-9+/]+$/)
      const wire = JSON.parse(decodeUnpaddedBase64(parameter.slice('request='.length))) as Record<
        string,
        unknown
      >
      expect(wire).toMatchObject({
        v: 1,
        nonce: req.nonce,
        timeoutMs: 3000,
        identityKind: 'system'
      })
    })

    test('the os input overrides what the VM says', async () => {
      const [workload] = await vmWorkloads(
        vmTarget,
        inputs('windows'),
        new AbortController().signal,
        az
      )
      await workload!.probe(request(), new AbortController().signal)
      expect(calls()[1]).toContain('RunPowerShellScript')
    })

    test.each([
      ['deallocated', /deallocated.*VM deallocated/, /az vm start --ids/],
      ['stopped', /stopped/, /az vm start/]
    ])(
      '%s VM: dispatch error with the power state, no run-command spent',
      async (mode, message, fix) => {
        process.env['FAKE_AZ_MODE'] = mode
        const [workload] = await vmWorkloads(vmTarget, inputs(), new AbortController().signal, az)
        const error = await probeError(workload!.probe(request(), new AbortController().signal))
        expect(error.message).toMatch(message)
        expect(error.remediation).toMatch(fix)
        expect(calls().some(c => c[1] === 'run-command')).toBe(false)
      }
    )

    test.each([
      ['not-logged-in', /not logged in/, /azure\/login/],
      ['not-found', /was not found/, /Check the resource ID/],
      ['wrong-subscription', /no access/, /subscription/]
    ])('%s: a DispatchError with the fix', async (mode, message, fix) => {
      process.env['FAKE_AZ_MODE'] = mode
      const [workload] = await vmWorkloads(vmTarget, inputs(), new AbortController().signal, az)
      const error = await probeError(workload!.probe(request(), new AbortController().signal))
      expect(error.message).toMatch(message)
      expect(error.remediation).toMatch(fix)
      expect(error.evidence).toMatch(/ERROR|Code: /)
    })

    test('409 "execution is in progress" is retried with backoff, then succeeds', async () => {
      process.env['FAKE_AZ_MODE'] = 'conflict:2'
      const waits: number[] = []
      const streams = await invokeRunCommand(
        az,
        { kind: 'vm', resourceId: VM },
        'linux',
        probeScriptPath('linux'),
        request(),
        undefined,
        {
          deadlineMs: 60_000,
          firstDelayMs: 1000,
          maxDelayMs: 4000,
          sleep: async ms => void waits.push(ms)
        }
      )
      expect(streams.stdout).toContain('MI-SMOKE-OBS/1')
      expect(waits).toEqual([1000, 2000])
    })

    test('409 past the deadline: a DispatchError that says the VM is busy', async () => {
      process.env['FAKE_AZ_MODE'] = 'conflict:50'
      let now = 0
      const error = await probeError(
        invokeRunCommand(
          az,
          { kind: 'vm', resourceId: VM },
          'linux',
          probeScriptPath('linux'),
          request(),
          undefined,
          {
            deadlineMs: 10_000,
            firstDelayMs: 2000,
            maxDelayMs: 4000,
            now: () => now,
            sleep: async ms => void (now += ms)
          }
        )
      )
      expect(error.message).toMatch(/another run-command is still running.*409/)
      expect(error.message).toMatch(/attempts/)
    })

    test('probe output without the marker line: a DispatchError with the masked tail', async () => {
      process.env['FAKE_AZ_MODE'] = 'no-probe'
      const [workload] = await vmWorkloads(vmTarget, inputs(), new AbortController().signal, az)
      const error = await probeError(workload!.probe(request(), new AbortController().signal))
      expect(error.message).toMatch(/no MI-SMOKE-OBS\/1 line/)
      expect(error.evidence).toContain('did not run the probe')
    })

    test('noise before the line survives the 4 KB cut; noise after it cuts the line away', async () => {
      process.env['FAKE_AZ_MODE'] = 'noise-before:20000'
      const [workload] = await vmWorkloads(vmTarget, inputs(), new AbortController().signal, az)
      const req = request()
      expect(
        ((await workload!.probe(req, new AbortController().signal)) as Observations).nonce
      ).toBe(req.nonce)
      process.env['FAKE_AZ_MODE'] = 'noise-after:3000'
      const error = await probeError(workload!.probe(request(), new AbortController().signal))
      expect(error.message).toMatch(/cut/)
      expect(error.evidence).not.toContain(emulator.canary)
    })

    test('vmss: one workload per instance, labelled vmss:<id>#<instance>; #N picks one', async () => {
      process.env['FAKE_AZ_VMSS_INSTANCES'] = '0,3'
      const target: Target = { kind: 'vmss', line: `vmss:${VMSS}`, resourceId: VMSS }
      const workloads = await vmWorkloads(target, inputs(), new AbortController().signal, az)
      expect(workloads.map(w => w.label)).toEqual([`vmss:${VMSS}#0`, `vmss:${VMSS}#3`])
      const req = request()
      expect(
        ((await workloads[1]!.probe(req, new AbortController().signal)) as Observations).nonce
      ).toBe(req.nonce)
      const run = calls().find(c => c[1] === 'run-command')!
      expect(run.slice(0, 12)).toEqual([
        'vmss',
        'run-command',
        'invoke',
        '--subscription',
        SUB,
        '-g',
        'rg-web',
        '-n',
        'ss',
        '--instance-id',
        '3',
        '--command-id'
      ])

      const one = await vmWorkloads(
        { ...target, instanceId: '3' },
        inputs(),
        new AbortController().signal,
        az
      )
      expect(one.map(w => w.label)).toEqual([`vmss:${VMSS}#3`])
      const missing = await probeError(
        vmWorkloads({ ...target, instanceId: '7' }, inputs(), new AbortController().signal, az)
      )
      expect(missing.message).toMatch(/no instance 7/)
      expect(missing.evidence).toMatch(/0, 3/)
    })

    test('vmss: a deallocated instance fails alone, before run-command', async () => {
      process.env['FAKE_AZ_VMSS_INSTANCES'] = '0,1'
      process.env['FAKE_AZ_DEALLOCATED_INSTANCES'] = '1'
      const target: Target = { kind: 'vmss', line: `vmss:${VMSS}`, resourceId: VMSS }
      const [first, second] = await vmWorkloads(target, inputs(), new AbortController().signal, az)
      await first!.probe(request(), new AbortController().signal)
      const error = await probeError(second!.probe(request(), new AbortController().signal))
      expect(error.message).toMatch(/deallocated/)
      expect(error.remediation).toMatch(/az vmss start .*--instance-ids 1/)
    })

    test('vmss listing when not logged in: vmWorkloads itself rejects with a DispatchError', async () => {
      process.env['FAKE_AZ_MODE'] = 'not-logged-in'
      const target: Target = { kind: 'vmss', line: `vmss:${VMSS}`, resourceId: VMSS }
      const error = await probeError(
        vmWorkloads(target, inputs(), new AbortController().signal, az)
      )
      expect(error.message).toMatch(/not logged in/)
    })

    test('az missing from PATH: a DispatchError saying how to get it', async () => {
      process.env['PATH'] = mkdtempSync(join(tmpdir(), 'mi-smoke-empty-path-'))
      const error = await probeError(findAz())
      expect(error.message).toMatch(/Azure CLI \(az\) is not installed/)
      expect(error.remediation).toMatch(/azure\/login/)
    })
  }
)
