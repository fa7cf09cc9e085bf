/**
 * The built action with vm: and vmss: targets that are WINDOWS, through the fake az on PATH: the
 * fake answers RunPowerShellScript by running vm-probes/windows/probe.ps1 under pwsh with the
 * request as the named parameter run-command passes (`-request <base64>`), against the emulator on
 * loopback, and answers in Windows' two-status shape (StdOut, StdErr) with the 4 KB cut. The same
 * scenarios as vm-action.test.ts runs on Linux targets: the right step and failure mode, and the
 * canary (every token's signature) in nothing the action wrote and nothing the probe printed.
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
import { describeWithTools } from '../../helpers/system-tools'
import { FAKE_AZ_DIR } from './probe-runner'

const SUB = '0b1f6471-1bf0-4dda-aec3-cb9272f09590'
const VM = `/subscriptions/${SUB}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/win-1`
const VMSS = `/subscriptions/${SUB}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachineScaleSets/wss`

describeWithTools(['pwsh'], 'Windows targets end to end (fake az, probe.ps1 under pwsh)', () => {
  let emulator: Emulator
  let state: string

  beforeAll(async () => {
    expect(existsSync(ACTION_ENTRY)).toBe(true)
    expect(existsSync(join(dirname(ACTION_ENTRY), 'vm-probes', 'windows', 'probe.ps1'))).toBe(true)
    emulator = await startEmulator()
  })
  afterAll(async () => {
    await emulator.close()
  })
  beforeEach(() => {
    state = mkdtempSync(join(tmpdir(), 'mi-smoke-win-e2e-'))
  })
  afterEach(() => rmSync(state, { recursive: true, force: true }))

  function run(
    options: { target?: string; mode?: string; inputs?: Record<string, string> } = {}
  ): Promise<ActionRun> {
    return runAction({
      inputs: {
        targets: options.target ?? `vm:${VM}`,
        'imds-endpoint': emulator.imdsUrl,
        checks: `${emulator.apiUrl}/subscriptions/{subscriptionId}/resourcegroups?api-version=2021-04-01 resource=https://management.azure.com/`,
        timeout: '4s',
        ...options.inputs
      },
      env: {
        PATH: `${FAKE_AZ_DIR}:${process.env['PATH'] ?? '/usr/bin:/bin'}`,
        FAKE_AZ_MODE: ['windows', options.mode].filter(Boolean).join(','),
        FAKE_AZ_STATE: state,
        FAKE_AZ_LOG: join(state, 'log')
      },
      timeoutMs: 150_000
    })
  }

  interface LogEntry {
    argv: string[]
    probe?: { stdout: string; stderr: string; code: number; argv: string[] }
  }

  function log(): LogEntry[] {
    const file = join(state, 'log')
    if (!existsSync(file)) return []
    return readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map(l => JSON.parse(l) as LogEntry)
  }

  function probeOutputs(): string {
    return log()
      .map(e => (e.probe ? e.probe.stdout + e.probe.stderr : ''))
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
    if (got.result !== result || got.failedStep !== failedStep || got.failureMode !== failureMode) {
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
    const runCommand = log().find(e => e.argv.includes('run-command'))!
    expect(runCommand.argv).toContain('RunPowerShellScript')
    expect(runCommand.probe!.argv).toEqual(['-request', expect.stringMatching(/^[A-Za-z0-9+/]+$/)])
    expect(runCommand.probe!.stdout).toMatch(/^MI-SMOKE-OBS\/1 \{"v":1,/m)
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
    expect(log().filter(e => e.argv.includes('run-command')).length).toBeGreaterThan(1)
  }, 150_000)

  test('output after the probe pushes its line out of the 4 KB StdOut cut: dispatch-failed saying so', async () => {
    await emulator.setScenario('healthy')
    const r = await run({ mode: 'noise-after:3500' })
    expectOutcome(r, 'fail', 'dispatch', 'dispatch-failed')
    expect(JSON.stringify(r.report)).toMatch(/cut/)
  })

  test('noise before the line: the line survives the 4 KB cut', async () => {
    await emulator.setScenario('healthy')
    expectOutcome(await run({ mode: 'noise-before:20000' }), 'pass', '', '')
  })

  test('Windows scale set: every instance is its own row', async () => {
    await emulator.setScenario('healthy')
    const r = await run({ target: `vmss:${VMSS}` })
    expectOutcome(r, 'pass', '', '')
    expect(r.report.targets.map((t: { target: string }) => t.target)).toEqual([
      `vmss:${VMSS}#0`,
      `vmss:${VMSS}#1`
    ])
    expect(log().filter(e => e.argv.includes('RunPowerShellScript'))).toHaveLength(2)
  })
})
