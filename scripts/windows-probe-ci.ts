/**
 * `npx tsx scripts/windows-probe-ci.ts [--powershell powershell.exe] [--expect-version 5.1]`: starts
 * the emulator on loopback, runs vm-probes/windows/probe.ps1 under the given PowerShell (default
 * `powershell.exe`, Windows PowerShell 5.1) the way run-command does (`-File probe.ps1 -request
 * <base64>`) in a few scenarios, and checks the observations it prints. CI's windows-latest job runs
 * it under Windows PowerShell 5.1; here it runs under pwsh. Exit code 1 on any mismatch.
 */
import { spawn } from 'node:child_process'
import { startEmulator, type Emulator } from '../emulator/emulator'
import type { ScenarioInput } from '../emulator/scenarios'
import { OBSERVATIONS_MARKER, type Observations } from '../src/contracts/observations'
import type { ProbeRequest } from '../src/contracts/probe-request'
import { windowsProbeParameters } from '../src/engine/dispatch/vm/probe-parameters'
import { resolve } from 'node:path'

const PROBE = resolve(__dirname, '..', 'vm-probes', 'windows', 'probe.ps1')
const ARM = 'https://management.azure.com/'

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(name)
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback
}

function runProbe(
  powershell: string,
  request: ProbeRequest
): Promise<{ stdout: string; stderr: string; code: number | null }> {
  const [parameter] = windowsProbeParameters(request)
  const value = parameter!.slice('request='.length)
  return new Promise((done, fail) => {
    const child = spawn(
      powershell,
      [
        '-NoLogo',
        '-NoProfile',
        '-NonInteractive',
        '-ExecutionPolicy',
        'Bypass',
        '-File',
        PROBE,
        '-request',
        value
      ],
      { env: { ...process.env, POWERSHELL_TELEMETRY_OPTOUT: '1' } }
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')))
    const timer = setTimeout(() => child.kill(), 120_000)
    child.on('error', fail)
    child.on('close', code => {
      clearTimeout(timer)
      done({ stdout, stderr, code })
    })
  })
}

interface Scenario {
  name: string
  scenario: ScenarioInput
  check(obs: Observations, emulator: Emulator): string[]
}

const expect = (what: string, ok: boolean): string[] => (ok ? [] : [what])

const SCENARIOS: Scenario[] = [
  {
    name: 'healthy',
    scenario: 'healthy',
    check: (obs, emulator) => [
      ...expect('instance 200', obs.instance?.status === 200),
      ...expect('subscription from IMDS', obs.meta?.subscriptionId === emulator.subscriptionId),
      ...expect('token 200 jwt', obs.tokens[0]?.status === 200 && obs.tokens[0]?.shape === 'jwt'),
      ...expect('claims reported', typeof obs.tokens[0]?.claims === 'string'),
      ...expect('API 200', obs.apis[0]?.status === 200)
    ]
  },
  {
    name: 'role missing',
    scenario: 'role-missing',
    check: obs => [
      ...expect('API 403', obs.apis[0]?.status === 403),
      ...expect(
        'AuthorizationFailed body',
        (obs.apis[0]?.body ?? '').includes('AuthorizationFailed')
      )
    ]
  },
  {
    name: 'no identity',
    scenario: 'no-identity',
    check: obs => [
      ...expect('token 400', obs.tokens[0]?.status === 400),
      ...expect('Identity not found', (obs.tokens[0]?.body ?? '').includes('Identity not found')),
      ...expect('API not called', obs.apis[0]?.notCalled === 'no token for this audience')
    ]
  },
  {
    name: 'IMDS 429 then the token',
    scenario: { name: 'imds-throttled', throttleCount: 2, retryAfterSeconds: 1 },
    check: obs => [
      ...expect(
        'token 200 after 3 attempts',
        obs.tokens[0]?.status === 200 && obs.tokens[0]?.attempts === 3
      )
    ]
  }
]

async function main(): Promise<void> {
  const powershell = argument('--powershell', 'powershell.exe')
  const version = argument('--expect-version', '')
  const emulator = await startEmulator()
  let failures = 0
  try {
    for (const scenario of SCENARIOS) {
      await emulator.setScenario(scenario.scenario)
      const request: ProbeRequest = {
        v: 1,
        nonce: `ci-${Math.random().toString(36).slice(2)}`,
        identity: { kind: 'system' },
        timeoutMs: 5000,
        imdsEndpoint: emulator.imdsUrl,
        checks: [
          {
            url: `${emulator.apiUrl}/subscriptions/{subscriptionId}/resourcegroups?api-version=2021-04-01`,
            resource: ARM
          }
        ]
      }
      const run = await runProbe(powershell, request)
      const line = run.stdout.split(/\r?\n/).find(l => l.startsWith(`${OBSERVATIONS_MARKER} `))
      const problems: string[] = []
      if (run.code !== 0) problems.push(`exit code ${run.code}`)
      if (run.stderr.trim() !== '') problems.push(`stderr: ${run.stderr.trim().slice(0, 500)}`)
      if (run.stdout.includes(emulator.canary))
        problems.push('the token signature (canary) was printed')
      if (!/^[\x20-\x7e\r\n]*$/.test(run.stdout)) problems.push('non-ASCII output')
      let obs: Observations | undefined
      try {
        obs = line
          ? (JSON.parse(line.slice(OBSERVATIONS_MARKER.length + 1)) as Observations)
          : undefined
      } catch {
        problems.push('the marker line is not JSON')
      }
      if (!obs) problems.push('no marker line')
      else {
        if (obs.nonce !== request.nonce) problems.push('nonce mismatch')
        if (version && !(obs.sourceDetail ?? '').includes(`PowerShell ${version}`)) {
          problems.push(`not PowerShell ${version}: ${obs.sourceDetail}`)
        }
        problems.push(...scenario.check(obs, emulator))
      }
      const verdict = problems.length === 0 ? 'ok' : `FAILED: ${problems.join('; ')}`
      console.log(`${scenario.name}: ${verdict}`)
      if (problems.length > 0) {
        failures++
        console.log(`  stdout: ${run.stdout.slice(0, 3000)}`)
      }
    }
  } finally {
    await emulator.close()
  }
  if (failures > 0) {
    console.log(`${failures} of ${SCENARIOS.length} scenarios failed`)
    process.exit(1)
  }
  console.log(`all ${SCENARIOS.length} scenarios observed as expected`)
}

main().catch(error => {
  console.error(error)
  process.exit(1)
})
