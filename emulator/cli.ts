/**
 * `npm run emulator -- --scenario NAME [--set key=value ...] [--port N] [--fleet]`: starts the emulator on
 * loopback for rehearsing failures by hand, prints how to point the action at it, and stays up
 * until Ctrl-C. Change the scenario while it runs with the control URL it prints.
 */
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { startEmulator, type Emulator } from './emulator'
import { createSelfSignedCertificate, type SelfSignedCertificate } from './tls'
import { HEALTHY, isScenarioName, parseSetting, SCENARIO_NAMES, settingKeys } from './scenarios'
import { recordedAnswer, recordedAnswers } from './recorded'
import { rehearsalOf } from './rehearsal'

const HELP = `Usage: npm run emulator -- [--scenario NAME] [--set key=value ...] [--port N] [--fleet] [--rehearse ANSWER]

Starts the mi-smoke emulator on 127.0.0.1: IMDS, the App Service identity endpoint, ARM and Key Vault,
with a failure scenario you can change while it runs.

Options:
  --scenario NAME   one of: ${SCENARIO_NAMES.join(', ')}
                    (default: healthy)
  --set key=value   override one setting (repeatable), e.g. --set goneForMs=5000
                    settings: ${settingKeys().join(', ')}
  --port N          identity listener port; the API and control listeners take N+1 and N+2
                    (default: free ports)
  --fleet           also serve ARM's compute endpoints over TLS (a certificate made for the run,
                    needs openssl), to rehearse vm:/vmss: targets: the banner prints the
                    environment (the rehearsal az on PATH, its login, the certificate to trust)
  --rehearse ANSWER replay one recorded answer of the field corpus (__tests__/fixtures/field-corpus):
                    an identity source's error, a service's answer, or a network failure (a proxy's
                    407 or 403, an untrusted, wrong-name or expired certificate, a refused or silent
                    port, a name that does not resolve); the banner prints the run that meets it.
                    Needs openssl (the certificates are made for the run)
  --help            show this help

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
  help: boolean
  /** A recorded answer of the field corpus to rehearse. */
  rehearse?: string
}

/** Parses the CLI's flags; throws an Error whose message says what is wrong and what is valid. */
export function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = { scenario: 'healthy', settings: {}, fleet: false, help: false }
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
    switch (flag) {
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
        if (!Number.isInteger(port) || port < 1 || port > 65533)
          throw new Error(`--port expects a port number 1-65533; got '${raw}'`)
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

/** The lines that run the action on vm:/vmss: targets through the emulated ARM. */
function fleetLines(emulator: Emulator, fleet: FleetRehearsal, checks: string[]): string[] {
  const vmss = emulator.vmResourceId.replace(
    /\/virtualMachines\/[^/]+$/,
    '/virtualMachineScaleSets/vmss-web'
  )
  return [
    '',
    `  ARM (compute)   ${emulator.compute.url ?? ''}   (VMs, scale sets, run-command over TLS)`,
    '',
    'Rehearse vm:/vmss: targets (the rehearsal az answers only the login; every VM call goes to the',
    'emulated ARM, which runs the real probe on this machine against the IMDS above):',
    '',
    '  touch /tmp/mi-smoke-output /tmp/mi-smoke-summary  # the files GitHub provides',
    '  env \\',
    `    PATH=${fleet.azDirectory}:$PATH \\`,
    `    FAKE_AZ_ARM_ENDPOINT=${emulator.compute.url ?? ''} FAKE_AZ_TOKEN_FILE=${fleet.tokenFile} \\`,
    `    NODE_EXTRA_CA_CERTS=${fleet.certPath} \\`,
    `    'INPUT_TARGETS=vm:${emulator.vmResourceId}\nvmss:${vmss}' \\`,
    `    'INPUT_IMDS-ENDPOINT=${emulator.imdsUrl}' \\`,
    `    'INPUT_CHECKS=${checks[0] ?? ''}' \\`,
    '    GITHUB_OUTPUT=/tmp/mi-smoke-output GITHUB_STEP_SUMMARY=/tmp/mi-smoke-summary RUNNER_TEMP=/tmp \\',
    '    node dist/index.js'
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
export function banner(emulator: Emulator, fleet?: FleetRehearsal, rehearse?: string): string {
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
  return [
    `mi-smoke emulator — scenario: ${s.name}${changed.length ? ` (${changed.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')})` : ''}`,
    '',
    `  IMDS            ${emulator.imdsUrl}`,
    `  App Service     IDENTITY_ENDPOINT=${emulator.appService.endpoint}`,
    `                  IDENTITY_HEADER=${emulator.appService.header}${s.rotateIdentityHeaderMs ? ` (rotates every ${s.rotateIdentityHeaderMs} ms; read it from ${emulator.controlUrl}/)` : ''}`,
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
    '  touch /tmp/mi-smoke-output /tmp/mi-smoke-summary  # the files GitHub provides',
    '  env \\',
    `    'INPUT_IMDS-ENDPOINT=${emulator.imdsUrl}' \\`,
    `    'INPUT_CHECKS=${checks.join('\n')}' \\`,
    '    GITHUB_OUTPUT=/tmp/mi-smoke-output GITHUB_STEP_SUMMARY=/tmp/mi-smoke-summary RUNNER_TEMP=/tmp \\',
    '    node dist/index.js',
    '',
    'Or in a workflow step (self-hosted runner on this machine):',
    '',
    '  - uses: ./',
    '    with:',
    `      imds-endpoint: ${emulator.imdsUrl}`,
    '      checks: |',
    ...checks.map(c => `        ${c}`),
    '',
    'Serve the smoke endpoint (@mi-smoke/smoke-endpoint) against it: set this in the app, or pass',
    `rehearsal: { imds: '${emulator.imdsUrl}', api: '${emulator.apiUrl}' } to the handler:`,
    '',
    `  MI_SMOKE_REHEARSAL='imds=${emulator.imdsUrl} api=${emulator.apiUrl}'`,
    '',
    'then run the action with targets: http://127.0.0.1:<app port>/mi-smoke, endpoint-key and the',
    'imds-endpoint and checks above.',
    ...(fleet ? fleetLines(emulator, fleet, checks) : []),
    ...(rehearse !== undefined ? rehearsalLines(emulator, rehearse) : []),
    '',
    'Switch scenario while it runs:',
    `  curl -s -X POST ${emulator.controlUrl}/scenario -d '"role-missing"'`,
    '',
    'Ctrl-C to stop.'
  ].join('\n')
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
  try {
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
    }
  } catch (error) {
    process.stderr.write(`emulator: could not start: ${(error as Error).message}\n`)
    process.exit(1)
  }
  process.stdout.write(`${banner(emulator, fleet, options.rehearse)}\n`)
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
    void emulator.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

if (require.main === module) void main()
