/**
 * vmWorkloads over ARM's REST API against the emulator's compute endpoints (TLS on loopback, the
 * emulator's certificate trusted through the client's `ca` option): the VM read with its instance
 * view before run-command, the run-command body, the operation polled to its result, 409 retried
 * to a deadline, and each ARM failure as a DispatchError with the same fix the az path gave.
 */
import { startEmulator, type Emulator } from '../../../emulator/emulator'
import { createSelfSignedCertificate, type SelfSignedCertificate } from '../../../emulator/tls'
import { rmSync } from 'node:fs'
import type { ActionInputs, Target } from '../../../src/engine/inputs/action-inputs'
import type { Observations } from '../../../src/contracts/observations'
import type { ProbeRequest } from '../../../src/contracts/probe-request'
import { DispatchError } from '../../../src/engine/dispatch/workload'
import { vmWorkloads } from '../../../src/engine/dispatch/vm'
import { ArmClient } from '../../../src/engine/dispatch/vm/arm/arm-client'
import type { ArmCredentials } from '../../../src/engine/dispatch/vm/arm/cli-session'
import { invokeRunCommand, runCommandInput } from '../../../src/engine/dispatch/vm/arm/compute'
import { decodeUnpaddedBase64 } from '../../../src/engine/dispatch/vm/probe-parameters'
import { readFileSync } from 'node:fs'
import { probeScriptPath } from '../../../src/engine/dispatch/vm/probe-script'
import { describeWithTools } from '../../helpers/system-tools'
import { createServer as createHttpServer, type IncomingMessage } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'

describeWithTools(
  ['dash', 'curl', 'openssl'],
  'vm dispatch over ARM against the emulator (dash, curl on the VM, openssl)',
  () => {
    const SUB = '0b1f6471-1bf0-4dda-aec3-cb9272f09590'
    const VM = `/subscriptions/${SUB}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/web-1`
    const VMSS = `/subscriptions/${SUB}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachineScaleSets/ss`

    let emulator: Emulator
    let tls: SelfSignedCertificate
    let arm: ArmClient

    function credentials(): ArmCredentials {
      return {
        cloud: async () => ({
          name: 'emulated',
          resourceManager: new URL(emulator.compute.url as string),
          audience: 'https://management.core.windows.net/'
        }),
        token: async () => emulator.compute.cliToken().accessToken,
        invalidate: () => undefined
      }
    }

    beforeAll(async () => {
      tls = createSelfSignedCertificate()
      emulator = await startEmulator({ tls })
    })
    afterAll(async () => {
      arm?.close()
      await emulator.close()
      rmSync(tls.directory, { recursive: true, force: true })
    })
    beforeEach(() => {
      emulator.compute.reset()
      emulator.compute.configure({ shell: ['dash'] })
      arm?.close()
      arm = new ArmClient(credentials(), { ca: tls.cert })
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
    const never = (): AbortSignal => new AbortController().signal

    function computeRequests(): string[] {
      return emulator.requests.filter(r => r.port === 'compute').map(r => `${r.method} ${r.path}`)
    }

    async function probeError(promise: Promise<unknown>): Promise<DispatchError> {
      const error = await promise.then(
        () => undefined,
        (e: unknown) => e
      )
      expect(error).toBeInstanceOf(DispatchError)
      return error as DispatchError
    }

    test('vm: the VM read with instance view, then one run-command POST and its operation polled to the result', async () => {
      emulator.clearRequests()
      const [workload] = await vmWorkloads(vmTarget, inputs(), never(), arm)
      const req = request()
      const observations = (await workload!.probe(req, never())) as Observations
      expect(observations.nonce).toBe(req.nonce)
      expect(observations.apis[0]?.status).toBe(200)
      const sent = computeRequests()
      expect(sent[0]).toBe(`GET ${VM}?$expand=instanceView&api-version=2024-07-01`)
      expect(sent[1]).toBe(`POST ${VM}/runCommand?api-version=2024-07-01`)
      expect(
        sent
          .slice(2)
          .every(s => /^GET \/subscriptions\/.+\/operations\/[0-9a-f-]+\?api-version=/.test(s))
      ).toBe(true)
      const [run] = emulator.compute.runCommands
      expect(run?.commandId).toBe('RunShellScript')
      expect(run?.script).toBe(readFileSync(probeScriptPath('linux'), 'utf8'))
      // Positional parameters named as azure-cli names them; every value base64, data only.
      expect(run?.parameters.map(p => p.name)).toEqual(run?.parameters.map((_, i) => `arg${i + 1}`))
      expect(run?.parameters.slice(1).every(p => /^v[A-Za-z0-9+/]*$/.test(p.value))).toBe(true)
      // One TLS connection carried them all (keep-alive).
      const connections = new Set(
        emulator.requests.filter(r => r.port === 'compute').map(r => r.headers['connection'])
      )
      expect(connections).toEqual(new Set(['keep-alive']))
    })

    test('windows VM: RunPowerShellScript with request=<base64 JSON>, the Windows-shaped answer read', async () => {
      emulator.compute.configure({ os: 'Windows', shell: ['dash'] })
      const [workload] = await vmWorkloads(vmTarget, inputs(), never(), arm)
      const req = request()
      const observations = (await workload!.probe(req, never())) as Observations
      expect(observations.nonce).toBe(req.nonce)
      const [run] = emulator.compute.runCommands
      expect(run?.commandId).toBe('RunPowerShellScript')
      expect(run?.parameters).toHaveLength(1)
      expect(run?.parameters[0]?.name).toBe('request')
      expect(JSON.parse(decodeUnpaddedBase64(run!.parameters[0]!.value)).nonce).toBe(req.nonce)
    })

    test('the os input overrides what the VM says', async () => {
      emulator.compute.configure({ os: 'Windows', shell: ['dash'] })
      const [workload] = await vmWorkloads(vmTarget, inputs('linux'), never(), arm)
      await workload!.probe(request(), never())
      expect(emulator.compute.runCommands[0]?.commandId).toBe('RunShellScript')
    })

    test.each([
      [{ deallocatedVms: ['web-1'] }, /deallocated.*VM deallocated/, /az vm start --ids/],
      [{ stoppedVms: ['web-1'] }, /stopped/, /az vm start/]
    ])(
      '%j: dispatch error with the power state, no run-command spent',
      async (fleet, message, fix) => {
        emulator.compute.configure(fleet)
        const [workload] = await vmWorkloads(vmTarget, inputs(), never(), arm)
        const error = await probeError(workload!.probe(request(), never()))
        expect(error.message).toMatch(message)
        expect(error.remediation).toMatch(fix)
        expect(emulator.compute.runCommands).toEqual([])
      }
    )

    test.each([
      ['not found', { missingVms: [VM] }, /was not found/, /Check the resource ID/],
      ['wrong subscription', { readDenied: true }, /no access/, /subscription/],
      [
        'runner may not use run-command',
        { runCommandDenied: true },
        /may not use run-command/,
        /Microsoft\.Compute\/virtualMachines\/runCommand\/action/
      ],
      [
        'operation failed',
        {
          operationError: {
            code: 'VMAgentStatusCommunicationError',
            message: "VM 'web-1' has not reported status for VM agent or extensions."
          }
        },
        /run-command on .* failed: VMAgentStatusCommunicationError/,
        /VM agent/
      ]
    ])('%s: a DispatchError with the fix', async (_name, fleet, message, fix) => {
      emulator.compute.configure(fleet)
      const [workload] = await vmWorkloads(vmTarget, inputs(), never(), arm)
      const error = await probeError(workload!.probe(request(), never()))
      expect(error.message).toMatch(message)
      expect(error.remediation).toMatch(fix)
    })

    test('429 with Retry-After: waited for, then the request succeeds', async () => {
      emulator.compute.configure({ throttles: 2, throttleRetryAfterS: 1, shell: ['dash'] })
      const started = Date.now()
      const [workload] = await vmWorkloads(vmTarget, inputs(), never(), arm)
      await workload!.probe(request(), never())
      // Two waits of the second Retry-After named.
      expect(Date.now() - started).toBeGreaterThanOrEqual(2000)
    })

    test('429 past the retries: named as throttling, with the concurrency fix', async () => {
      emulator.compute.configure({ throttles: 100, throttleRetryAfterS: 0 })
      const [workload] = await vmWorkloads(vmTarget, inputs(), never(), arm)
      const error = await probeError(workload!.probe(request(), never()))
      expect(error.message).toMatch(/throttled/)
      expect(error.remediation).toMatch(/concurrency/)
      expect(error.evidence).toMatch(/HTTP 429/)
    })

    test('Location only (no Azure-AsyncOperation): polled until 200 with the result', async () => {
      emulator.compute.configure({ locationOnly: true, shell: ['dash'] })
      const [workload] = await vmWorkloads(vmTarget, inputs(), never(), arm)
      const req = request()
      expect(((await workload!.probe(req, never())) as Observations).nonce).toBe(req.nonce)
      expect(computeRequests().some(r => /monitor=true/.test(r))).toBe(true)
    })

    test('409 "execution is in progress" is retried with backoff, then succeeds', async () => {
      emulator.compute.configure({ conflicts: 2, shell: ['dash'] })
      const waits: number[] = []
      const req = request()
      const result = await invokeRunCommand(
        arm,
        { kind: 'vm', resourceId: VM },
        runCommandInput('linux', readFileSync(probeScriptPath('linux'), 'utf8'), req),
        never(),
        {
          deadlineMs: 10_000,
          firstDelayMs: 10,
          maxDelayMs: 15,
          sleep: async ms => void waits.push(ms)
        }
      )
      expect(result).toContain(req.nonce)
      expect(waits).toEqual([10, 15])
    })

    test('409 past the deadline: a DispatchError that says the VM is busy, with the attempts', async () => {
      emulator.compute.configure({ conflicts: 100 })
      let clock = 0
      const error = await probeError(
        invokeRunCommand(
          arm,
          { kind: 'vm', resourceId: VM },
          runCommandInput('linux', 'true', request()),
          never(),
          {
            deadlineMs: 5000,
            firstDelayMs: 1000,
            maxDelayMs: 2000,
            now: () => clock,
            sleep: async ms => void (clock += ms)
          }
        )
      )
      expect(error.message).toMatch(
        /another run-command is still running .* \(409 Conflict\).*attempts over/
      )
      expect(error.remediation).toMatch(/one run-command at a time/)
    })

    test('probe output without the marker line: a DispatchError with the masked tail', async () => {
      emulator.compute.configure({ noProbe: true })
      const [workload] = await vmWorkloads(vmTarget, inputs(), never(), arm)
      const error = await probeError(workload!.probe(request(), never()))
      expect(error.message).toMatch(/no MI-SMOKE-OBS\/1 line/)
      expect(error.evidence).toMatch(/did not run the probe/)
    })

    test('noise before the line survives the 4 KB cut; noise after it cuts the line away', async () => {
      emulator.compute.configure({ noiseBefore: 20_000, shell: ['dash'] })
      const [before] = await vmWorkloads(vmTarget, inputs(), never(), arm)
      await before!.probe(request(), never())
      emulator.compute.configure({ noiseAfter: 3500, shell: ['dash'] })
      const [after] = await vmWorkloads(vmTarget, inputs(), never(), arm)
      const error = await probeError(after!.probe(request(), never()))
      expect(error.message).toMatch(/cut/)
    })

    test('vmss: one workload per instance, labelled vmss:<id>#<instance>; #N picks one', async () => {
      emulator.compute.configure({ scaleSetInstances: ['0', '1', '3'], shell: ['dash'] })
      const all = await vmWorkloads(
        { kind: 'vmss', line: `vmss:${VMSS}`, resourceId: VMSS },
        inputs(),
        never(),
        arm
      )
      expect(all.map(w => w.label)).toEqual(['0', '1', '3'].map(n => `vmss:${VMSS}#${n}`))
      const [one] = await vmWorkloads(
        { kind: 'vmss', line: `vmss:${VMSS}#3`, resourceId: VMSS, instanceId: '3' },
        inputs(),
        never(),
        arm
      )
      await one!.probe(request(), never())
      expect(emulator.compute.runCommands.map(r => r.resourceId)).toEqual([
        `${VMSS}/virtualMachines/3`
      ])
      expect(computeRequests()).toContain(
        `POST ${VMSS}/virtualMachines/3/runCommand?api-version=2024-07-01`
      )
      const missing = await probeError(
        vmWorkloads(
          { kind: 'vmss', line: `vmss:${VMSS}#7`, resourceId: VMSS, instanceId: '7' },
          inputs(),
          never(),
          arm
        )
      )
      expect(missing.message).toMatch(/has no instance 7/)
    })

    test('vmss of 1,200 instances: the listing follows nextLink to the last page', async () => {
      emulator.compute.configure({
        scaleSetInstances: Array.from({ length: 1200 }, (_, n) => String(n))
      })
      const all = await vmWorkloads(
        { kind: 'vmss', line: `vmss:${VMSS}`, resourceId: VMSS },
        inputs(),
        never(),
        arm
      )
      expect(all).toHaveLength(1200)
      expect(all[1199]?.label).toBe(`vmss:${VMSS}#1199`)
    })

    test('vmss in Flexible orchestration: its VMs listed by filter, each run-command on the VM by its own ID', async () => {
      emulator.compute.configure({ flexible: true, shell: ['dash'] })
      emulator.clearRequests()
      const all = await vmWorkloads(
        { kind: 'vmss', line: `vmss:${VMSS}`, resourceId: VMSS },
        inputs(),
        never(),
        arm
      )
      expect(all.map(w => w.label)).toEqual([`vmss:${VMSS}#ss_0`, `vmss:${VMSS}#ss_1`])
      expect(computeRequests()[1]).toMatch(
        /virtualMachines\?\$filter=.*virtualMachineScaleSet%2Fid.*eq/
      )
      await all[1]!.probe(request(), never())
      expect(emulator.compute.runCommands.map(r => r.resourceId)).toEqual([
        VM.replace(/web-1$/, 'ss_1')
      ])
    })

    test('vmss: a deallocated instance fails alone, before run-command', async () => {
      emulator.compute.configure({ deallocatedInstances: ['1'] })
      const [, second] = await vmWorkloads(
        { kind: 'vmss', line: `vmss:${VMSS}`, resourceId: VMSS },
        inputs(),
        never(),
        arm
      )
      const error = await probeError(second!.probe(request(), never()))
      expect(error.remediation).toMatch(/az vmss start --ids .* --instance-ids 1/)
      expect(emulator.compute.runCommands).toEqual([])
    })

    test('a URL ARM hands back on another origin is refused: the token goes nowhere else', async () => {
      await expect(arm.resolve('https://elsewhere.invalid/subscriptions')).rejects.toThrow(
        /sends the runner's token to neither/
      )
    })

    test('the deadline (the workload signal) ends a run-command that is still running', async () => {
      emulator.compute.configure({ runCommandMs: 60_000, shell: ['dash'] })
      const [workload] = await vmWorkloads(vmTarget, inputs(), never(), arm)
      const started = Date.now()
      const error = await probeError(workload!.probe(request(), AbortSignal.timeout(1500)))
      expect(error.message).toMatch(/deadline/)
      expect(Date.now() - started).toBeLessThan(5000)
    })

    test('HTTPS_PROXY: every ARM call is tunnelled through the proxy (CONNECT to ARM); NO_PROXY exempts it', async () => {
      // A loopback CONNECT proxy that tunnels to where it is asked and records each CONNECT.
      const connects: string[] = []
      const tunnels: Socket[] = []
      const proxy = createHttpServer()
      proxy.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
        connects.push(req.url ?? '')
        tunnels.push(client)
        const [host, port] = (req.url ?? '').split(':')
        const upstream = connect(Number(port), host, () => {
          client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
          upstream.write(head)
          upstream.pipe(client)
          client.pipe(upstream)
        })
        upstream.on('error', () => client.destroy())
        client.on('error', () => upstream.destroy())
      })
      await new Promise<void>(done => proxy.listen(0, '127.0.0.1', done))
      const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`
      const armHost = new URL(emulator.compute.url as string).host
      try {
        const viaProxy = new ArmClient(credentials(), {
          ca: tls.cert,
          env: { HTTPS_PROXY: proxyUrl, NO_PROXY: '' }
        })
        const [workload] = await vmWorkloads(vmTarget, inputs(), never(), viaProxy)
        const req = request()
        expect(((await workload!.probe(req, never())) as Observations).nonce).toBe(req.nonce)
        viaProxy.close()
        // The VM read, the run-command POST and the polls: each its own tunnel to ARM's host.
        expect(connects.length).toBeGreaterThanOrEqual(3)
        expect(new Set(connects)).toEqual(new Set([armHost]))

        connects.length = 0
        const exempt = new ArmClient(credentials(), {
          ca: tls.cert,
          env: { HTTPS_PROXY: proxyUrl, NO_PROXY: '127.0.0.1' }
        })
        const [direct] = await vmWorkloads(vmTarget, inputs(), never(), exempt)
        await direct!.probe(request(), never())
        exempt.close()
        expect(connects).toEqual([])
      } finally {
        // A tunnel stays open until its ends close: end them, or close() waits for them.
        for (const tunnel of tunnels) tunnel.destroy()
        await new Promise(done => proxy.close(done))
      }
    })
  }
)
