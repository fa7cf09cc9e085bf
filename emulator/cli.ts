/**
 * `npm run emulator -- --scenario NAME [--set key=value ...] [--port N] [--fleet] [compute faults]`:
 * starts the emulator on loopback for rehearsing failures by hand, prints a ready-to-paste run for
 * every kind of target (local, App Service, an https:// smoke endpoint served by the sidecar,
 * vm:/vmss: with --fleet) and stays up until Ctrl-C. Change the scenario while it runs with the
 * control URL it prints; choose failures of the compute stand-in with the flags of `--help`.
 */
import { rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createServer } from 'node:net'
import { randomBytes } from 'node:crypto'
import { startEmulator, type Emulator, type FleetSettings } from './emulator'
import { createSelfSignedCertificate, type SelfSignedCertificate } from './tls'
import { defaultFleet } from './compute'
import { HEALTHY, isScenarioName, parseSetting, SCENARIO_NAMES, settingKeys } from './scenarios'
import { recordedAnswer, recordedAnswers } from './recorded'
import { rehearsalOf } from './rehearsal'

const HELP = `Usage: npm run emulator -- [--scenario NAME] [--set key=value ...] [--port N] [--fleet] [--rehearse ANSWER] [faults]

Starts the mi-smoke emulator on 127.0.0.1: IMDS, the App Service identity endpoint, ARM and Key Vault,
with a failure scenario you can change while it runs.

Options:
  --scenario NAME   one of: ${SCENARIO_NAMES.join(', ')}
                    (default: healthy)
  --set key=value   override one setting (repeatable), e.g. --set goneForMs=5000
                    settings: ${settingKeys().join(', ')}
  --port N          identity listener port; the API and control listeners take N+1 and N+2,
                    the banner's sidecar N+3 (default: free ports)
  --fleet           also serve ARM's compute endpoints over TLS (a certificate made for the run,
                    needs openssl), to rehearse vm:/vmss: targets: the banner prints the
                    environment (the rehearsal az on PATH, its login, the certificate to trust)
  --rehearse ANSWER replay one recorded answer of the field corpus (__tests__/fixtures/field-corpus):
                    an identity source's error, a service's answer, or a network failure (a proxy's
                    407 or 403, an untrusted, wrong-name or expired certificate, a refused or silent
                    port, a name that does not resolve); the banner prints the run that meets it.
                    Needs openssl (the certificates are made for the run)
  --help            show this help

Failures of ARM's compute endpoints (each implies --fleet; VM is a name such as web-1, the
banner's VM, or a resource ID; * means every VM; repeat a flag for more VMs):
  --vm-missing VM          404 ResourceNotFound for the VM (or scale set)
  --vm-deallocated VM      the VM's power state is deallocated (run-command refused: 409)
  --vm-stopped VM          the VM's power state is stopped
  --run-command-busy N     the next N run-commands answer 409 Conflict: another run is in progress
  --throttle N             the next N requests answer 429 SubscriptionRequestsThrottled
  --throttle-retry-after S the Retry-After of those 429s, in seconds (default 1)
  --run-command-denied     403 AuthorizationFailed on runCommand/action: the runner may read, not run

While it runs:
  curl -X POST <control>/scenario -d '"imds-gone"'                 switch scenario
  curl -X POST <control>/scenario -d '{"name":"imds-gone","goneForMs":5000}'
  curl <control>/requests                                          requests received (secrets redacted)
`

export interface CliOptions {
  scenario: string
  settings: Record<string, unknown>
  port?: number
  fleet: boolean
  /** Failures of the compute stand-in chosen by flags (empty: a healthy fleet). */
  fleetFaults: Partial<FleetSettings>
  help: boolean
  /** A recorded answer of the field corpus to rehearse. */
  rehearse?: string
}

/** The flags that name VMs, and the fleet setting each fills. */
const VM_FLAGS = {
  '--vm-missing': 'missingVms',
  '--vm-deallocated': 'deallocatedVms',
  '--vm-stopped': 'stoppedVms'
} as const satisfies Record<string, keyof FleetSettings>

/** The flags that count answers, and the fleet setting each sets. */
const COUNT_FLAGS = {
  '--run-command-busy': 'conflicts',
  '--throttle': 'throttles',
  '--throttle-retry-after': 'throttleRetryAfterS'
} as const satisfies Record<string, keyof FleetSettings>

function isKey<T extends object>(record: T, key: string): key is Extract<keyof T, string> {
  return Object.prototype.hasOwnProperty.call(record, key)
}

/** Parses the CLI's flags; throws an Error whose message says what is wrong and what is valid. */
export function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = {
    scenario: 'healthy',
    settings: {},
    fleet: false,
    fleetFaults: {},
    help: false
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined]
    const value = (): string => {
      const v = inline ?? argv[++i]
      if (v === undefined || (inline === undefined && v.startsWith('--')))
        throw new Error(`${flag} needs a value`)
      return v
    }
    if (isKey(VM_FLAGS, flag)) {
      const key = VM_FLAGS[flag]
      options.fleetFaults[key] = [...(options.fleetFaults[key] ?? []), value()]
      options.fleet = true
      continue
    }
    if (isKey(COUNT_FLAGS, flag)) {
      const raw = value()
      if (!/^\d{1,6}$/.test(raw)) throw new Error(`${flag} expects a whole number; got '${raw}'`)
      options.fleetFaults[COUNT_FLAGS[flag]] = Number(raw)
      options.fleet = true
      continue
    }
    switch (flag) {
      case '--run-command-denied':
        options.fleetFaults.runCommandDenied = true
        options.fleet = true
        break
      case '--help':
      case '-h':
        options.help = true
        break
      case '--fleet':
        options.fleet = true
        break
      case '--rehearse': {
        const name = value()
        if (recordedAnswer(name) === undefined) {
          throw new Error(
            `no recorded answer '${name}'; choose one of: ${recordedAnswers()
              .map(entry => entry.name)
              .join(', ')}`
          )
        }
        options.rehearse = name
        break
      }
      case '--scenario': {
        const name = value()
        if (!isScenarioName(name))
          throw new Error(`unknown scenario '${name}'; choose one of: ${SCENARIO_NAMES.join(', ')}`)
        options.scenario = name
        break
      }
      case '--set': {
        const [key, setting] = parseSetting(value())
        options.settings[key] = setting
        break
      }
      case '--port': {
        const raw = value()
        const port = Number(raw)
        if (!Number.isInteger(port) || port < 1 || port > 65532)
          throw new Error(`--port expects a port number 1-65532; got '${raw}'`)
        options.port = port
        break
      }
      default:
        throw new Error(`unknown option '${arg}' (see --help)`)
    }
  }
  return options
}

/** With --fleet: where the rehearsal az finds the emulated ARM, and the certificate to trust. */
export interface FleetRehearsal {
  /** The directory of the rehearsal az (the repository's fake Azure CLI). */
  azDirectory: string
  /** What `az account get-access-token` prints: a runner token the emulator issued. */
  tokenFile: string
  certPath: string
}

/** The sidecar the banner's smoke-endpoint run starts: where it listens and the key it takes. */
export interface SidecarRehearsal {
  port: number
  /** A key made for this rehearsal, at least MIN_KEY_LENGTH characters (the sidecar refuses shorter). */
  key: string
}

/** The built sidecar, as `npm run build` leaves it (the package's `mi-smoke-endpoint` command). */
export const SIDECAR_ENTRY = 'packages/smoke-endpoint/dist/server/index.js'

/** `env \ VAR=value \ ... node dist/index.js`: one ready-to-paste run of the built action. */
function actionRun(variables: string[]): string[] {
  return [
    '  touch /tmp/mi-smoke-output /tmp/mi-smoke-summary  # the files GitHub provides',
    '  env \\',
    ...variables.map(v => `    ${v} \\`),
    '    GITHUB_OUTPUT=/tmp/mi-smoke-output GITHUB_STEP_SUMMARY=/tmp/mi-smoke-summary RUNNER_TEMP=/tmp \\',
    '    node dist/index.js'
  ]
}

/** The compute failures in force, as the flags that chose them. */
function faultLines(fleet: FleetSettings): string[] {
  const chosen = [
    ...Object.entries(VM_FLAGS).flatMap(([flag, key]) => fleet[key].map(vm => `${flag} ${vm}`)),
    ...Object.entries(COUNT_FLAGS)
      .filter(
        ([flag, key]) => fleet[key] !== defaultFleet()[key] && flag !== '--throttle-retry-after'
      )
      .map(([flag, key]) => `${flag} ${fleet[key]}`),
    ...(fleet.runCommandDenied ? ['--run-command-denied'] : [])
  ]
  return chosen.length
    ? [`  Compute faults  ${chosen.join(', ')}   (the vm: run below meets them)`]
    : []
}

/** The lines that run the action on vm:/vmss: targets through the emulated ARM. */
function fleetLines(emulator: Emulator, fleet: FleetRehearsal, checks: string[]): string[] {
  const vmss = emulator.vmResourceId.replace(
    /\/virtualMachines\/[^/]+$/,
    '/virtualMachineScaleSets/vmss-web'
  )
  return [
    '',
    `  ARM (compute)   ${emulator.compute.url ?? ''}   (VMs, scale sets, run-command over TLS)`,
    ...faultLines(emulator.compute.fleet),
    '',
    'Rehearse vm:/vmss: targets (the rehearsal az answers only the login; every VM call goes to the',
    'emulated ARM, which runs the real probe on this machine against the IMDS above):',
    '',
    ...actionRun([
      `PATH=${fleet.azDirectory}:$PATH`,
      `FAKE_AZ_ARM_ENDPOINT=${emulator.compute.url ?? ''} FAKE_AZ_TOKEN_FILE=${fleet.tokenFile}`,
      `NODE_EXTRA_CA_CERTS=${fleet.certPath}`,
      `'INPUT_TARGETS=vm:${emulator.vmResourceId}\nvmss:${vmss}'`,
      `'INPUT_IMDS-ENDPOINT=${emulator.imdsUrl}'`,
      `'INPUT_CHECKS=${checks[0] ?? ''}'`
    ])
  ]
}

/** The run that meets one recorded answer (--rehearse): its environment, inputs and verdict. */
export function rehearsalLines(emulator: Emulator, name: string): string[] {
  const entry = recordedAnswer(name)
  if (entry === undefined) return []
  const rehearsal = rehearsalOf(entry, emulator)
  const what = entry.network
    ? `a network failure (${entry.network.kind}): ${entry.network.words}`
    : `HTTP ${entry.answer?.status ?? ''} from the ${entry.endpoint === 'api' ? 'service' : 'identity source'}`
  return [
    '',
    `Rehearse ${entry.name}: ${what}`,
    `  source: ${entry.source}`,
    `  expected: step ${entry.expect.step}, ${entry.expect.failureMode}`,
    '',
    '  touch /tmp/mi-smoke-output /tmp/mi-smoke-summary',
    '  env \\',
    ...Object.entries(rehearsal.env).map(([key, value]) => `    '${key}=${value}' \\`),
    `    'INPUT_IMDS-ENDPOINT=${emulator.imdsUrl}' \\`,
    `    'INPUT_CHECKS=${rehearsal.check}' \\`,
    ...(rehearsal.identity !== undefined ? [`    'INPUT_IDENTITY=${rehearsal.identity}' \\`] : []),
    "    'INPUT_TIMEOUT=5s' \\",
    '    GITHUB_OUTPUT=/tmp/mi-smoke-output GITHUB_STEP_SUMMARY=/tmp/mi-smoke-summary RUNNER_TEMP=/tmp \\',
    '    node dist/index.js'
  ]
}

/** What the CLI prints once the emulator is up: URLs, canary, and ready-to-paste runs. */
export function banner(
  emulator: Emulator,
  fleet?: FleetRehearsal,
  sidecar: SidecarRehearsal = { port: 8080, key: '<a key of 16 characters or more>' },
  rehearse?: string
): string {
  const ua = emulator.identities.userAssigned[0]
  const checks = [
    `${emulator.apiUrl}/subscriptions/{subscriptionId}/resourcegroups?api-version=2021-04-01 resource=https://management.azure.com/`,
    `${emulator.apiUrl}/secrets?api-version=7.4 resource=https://vault.azure.net`
  ]
  const s = emulator.scenario
  const changed = Object.entries(s).filter(
    ([k, v]) =>
      k !== 'name' && JSON.stringify(v) !== JSON.stringify(HEALTHY[k as keyof typeof HEALTHY])
  )
  const rehearsal = `imds=${emulator.imdsUrl} api=${emulator.apiUrl}`
  // App Service names the workload's subscription and group only in WEBSITE_OWNER_NAME
  // (SUBSCRIPTION+GROUP-REGIONwebspace): without it {subscriptionId} of the checks is unknown.
  const owner = `${emulator.subscriptionId}+${emulator.resourceGroup}-${emulator.estate.location}webspace`
  const sidecarUrl = `http://127.0.0.1:${sidecar.port}/mi-smoke`
  return [
    `mi-smoke emulator — scenario: ${s.name}${changed.length ? ` (${changed.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')})` : ''}`,
    '',
    `  IMDS            ${emulator.imdsUrl}`,
    `  App Service     IDENTITY_ENDPOINT=${emulator.appService.endpoint}`,
    `                  IDENTITY_HEADER=${emulator.appService.header}${s.rotateIdentityHeaderMs ? ` (rotates every ${s.rotateIdentityHeaderMs} ms; read it from ${emulator.controlUrl}/)` : ''}`,
    `                  WEBSITE_OWNER_NAME=${owner}`,
    `  ARM, Key Vault  ${emulator.apiUrl}`,
    `  Control         ${emulator.controlUrl}   (POST /scenario, GET /requests)`,
    `  Canary          ${emulator.canary}   (the signature of every token: it must appear in no output)`,
    '',
    `  Tenant          ${emulator.tenantId}`,
    `  Subscription    ${emulator.subscriptionId}   resource group ${emulator.resourceGroup}`,
    `  VM              ${emulator.vmResourceId}`,
    `  System identity object ID ${emulator.identities.system.objectId}`,
    ua ? `  User-assigned   client ID ${ua.clientId}  object ID ${ua.objectId}` : '',
    '',
    'Run the action against it (from the repository, after npm run build; input names hold a dash, hence env):',
    '',
    ...actionRun([
      `'INPUT_IMDS-ENDPOINT=${emulator.imdsUrl}'`,
      `'INPUT_CHECKS=${checks.join('\n')}'`
    ]),
    '',
    'Or in a workflow step (self-hosted runner on this machine):',
    '',
    '  - uses: ./',
    '    with:',
    `      imds-endpoint: ${emulator.imdsUrl}`,
    '      checks: |',
    ...checks.map(c => `        ${c}`),
    '',
    'Rehearse App Service (its identity endpoint instead of IMDS; WEBSITE_OWNER_NAME names the',
    "subscription the checks' {subscriptionId} needs, as App Service sets it):",
    '',
    ...actionRun([
      `IDENTITY_ENDPOINT=${emulator.appService.endpoint} IDENTITY_HEADER=${emulator.appService.header}`,
      `WEBSITE_OWNER_NAME=${owner}`,
      `'INPUT_CHECKS=${checks.join('\n')}'`
    ]),
    '',
    'Rehearse an https:// smoke endpoint: start the sidecar (@mi-smoke/smoke-endpoint) in another',
    'terminal, in rehearsal mode (MI_SMOKE_REHEARSAL points it at this emulator; the key must be at',
    'least 16 characters),',
    '',
    `  MI_SMOKE_KEY=${sidecar.key} MI_SMOKE_REHEARSAL='${rehearsal}' \\`,
    `    HOST=127.0.0.1 PORT=${sidecar.port} node ${SIDECAR_ENTRY}`,
    '',
    'then run the action on it:',
    '',
    ...actionRun([
      `INPUT_TARGETS=${sidecarUrl} INPUT_ENDPOINT-KEY=${sidecar.key}`,
      `'INPUT_IMDS-ENDPOINT=${emulator.imdsUrl}'`,
      `'INPUT_CHECKS=${checks.join('\n')}'`
    ]),
    '',
    'An app of your own serves the endpoint the same way with this in its environment, or with',
    `rehearsal: { imds: '${emulator.imdsUrl}', api: '${emulator.apiUrl}' } passed to the handler:`,
    '',
    `  MI_SMOKE_REHEARSAL='${rehearsal}'`,
    ...(fleet ? fleetLines(emulator, fleet, checks) : []),
    ...(rehearse !== undefined ? rehearsalLines(emulator, rehearse) : []),
    '',
    'Switch scenario while it runs:',
    `  curl -s -X POST ${emulator.controlUrl}/scenario -d '"role-missing"'`,
    '',
    'Ctrl-C to stop.'
  ].join('\n')
}

/** A port free right now on loopback, for the sidecar the banner starts. */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>(done => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as { port: number }
  await new Promise(done => server.close(done))
  return port
}

async function main(): Promise<void> {
  let options: CliOptions
  try {
    options = parseArgs(process.argv.slice(2))
  } catch (error) {
    process.stderr.write(`emulator: ${(error as Error).message}\nRun with --help for usage.\n`)
    process.exit(2)
  }
  if (options.help) {
    process.stdout.write(HELP)
    return
  }
  const ports = options.port
    ? { identity: options.port, api: options.port + 1, control: options.port + 2 }
    : undefined
  let emulator: Emulator
  let tls: SelfSignedCertificate | undefined
  let fleet: FleetRehearsal | undefined
  let sidecar: SidecarRehearsal
  try {
    sidecar = {
      port: options.port ? options.port + 3 : await freePort(),
      key: randomBytes(18).toString('base64url')
    }
    tls =
      options.fleet || options.rehearse !== undefined ? createSelfSignedCertificate() : undefined
    emulator = await startEmulator({
      scenario: { name: options.scenario, ...options.settings },
      ports,
      ...(tls ? { tls } : {})
    })
    if (options.rehearse !== undefined) {
      const entry = recordedAnswer(options.rehearse)
      if (entry !== undefined) await emulator.setScenario(rehearsalOf(entry, emulator).scenario)
    }
    if (tls && options.fleet) {
      const tokenFile = join(tls.directory, 'runner-token.json')
      // A runner login that outlasts a rehearsal session (the action refreshes it near expiry).
      writeFileSync(tokenFile, JSON.stringify(emulator.compute.cliToken(12 * 3600)), {
        mode: 0o600
      })
      fleet = {
        azDirectory: resolve(__dirname, '..', '__tests__', 'fixtures', 'az'),
        tokenFile,
        certPath: tls.certPath
      }
      emulator.compute.configure(options.fleetFaults)
    }
  } catch (error) {
    process.stderr.write(`emulator: could not start: ${(error as Error).message}\n`)
    process.exit(1)
  }
  process.stdout.write(`${banner(emulator, fleet, sidecar, options.rehearse)}\n`)
  let lastName = emulator.scenario.name
  // Say when the scenario changes through the control endpoint, so the terminal tells the story.
  const watcher = setInterval(() => {
    if (emulator.scenario.name !== lastName) {
      lastName = emulator.scenario.name
      process.stdout.write(`scenario is now ${lastName}\n`)
    }
  }, 250)
  const stop = (): void => {
    clearInterval(watcher)
    process.stdout.write('\nstopping emulator\n')
    // The run's certificate and runner login go with it: nothing is left in the temp folder.
    if (tls) rmSync(tls.directory, { recursive: true, force: true })
    void emulator.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

if (require.main === module) void main()
