/**
 * The four target kinds the evidence runs cover, each wired to one emulator the way a real
 * workload of that kind reaches its identity endpoint:
 * - `local`: the runner's own process probes the emulator's IMDS;
 * - `vm:` / `vmss:` (one instance): the runner's login from the fake `az` on PATH, then ARM's REST
 *   API to the emulator's compute endpoints (TLS on loopback), which run the Linux probe under a
 *   POSIX shell against the emulator's IMDS and record what it printed;
 * - `https://`: the smoke endpoint handler in a child process with App Service's IDENTITY_ENDPOINT /
 *   IDENTITY_HEADER pointed at the emulator, behind a recording loopback proxy.
 */
import { mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startEmulator, type Emulator } from '../../emulator/emulator'
import { createSelfSignedCertificate, type SelfSignedCertificate } from '../../emulator/tls'
import { startHandlerProcess, type HandlerProcess } from '../helpers/handler-process'
import { startRecordingProxy, type RecordedExchange, type RecordingProxy } from './recording-proxy'

export const TARGET_KINDS = ['local', 'vm', 'vmss', 'https'] as const
export type TargetKind = (typeof TARGET_KINDS)[number]

export const REPO = resolve(__dirname, '..', '..')
export const FAKE_AZ_DIR = join(REPO, '__tests__', 'fixtures', 'az')
/** The emulated run-command takes at least this long (the real one: 20 s or more). */
export const FAKE_AZ_DELAY_MS = 200
export const ENDPOINT_KEY = 'evidence-endpoint-key-7d1f0c2a9b'
export const ARM = 'https://management.azure.com/'
export const VAULT = 'https://vault.azure.net'

/** The identity source each kind's workload uses (report field `environment`). */
export const KIND_ENVIRONMENT: Record<TargetKind, string> = {
  local: 'imds',
  vm: 'imds',
  vmss: 'imds',
  https: 'app-service'
}

export interface AzCall {
  argv: string[]
  exitCode?: number
  stderr?: string
  probe?: { stdout: string; stderr: string; code: number | null }
}

/** What the workload side produced during a run (besides what the action wrote). */
export interface WorkloadSide {
  /** Every fake az call, with what the VM probe printed. */
  azCalls: AzCall[]
  /** Every answer the smoke endpoint gave. */
  httpAnswers: RecordedExchange[]
  /** What the handler process printed. */
  handlerOutput: string
}

export interface KindSetup {
  kind: TargetKind
  /** The `targets` line. */
  target: string
  /** How the report must name the workload. */
  label: string
  inputs: Record<string, string>
  env: Record<string, string>
  workloadSide(): WorkloadSide
  stop(): Promise<void>
}

export interface KindOptions {
  /** FAKE_AZ_MODE for vm/vmss (dispatch faults). */
  azMode?: string
  azDelayMs?: number
  /** The key the action sends (https); the handler always expects ENDPOINT_KEY. */
  sentKey?: string
  /** https: the smoke endpoint's answers are held this long (a slow workload). */
  proxyDelayMs?: number
}

export function scaleSetId(emulator: Emulator, name = 'evidence-ss'): string {
  return `/subscriptions/${emulator.subscriptionId}/resourceGroups/${emulator.resourceGroup}/providers/Microsoft.Compute/virtualMachineScaleSets/${name}`
}

/**
 * ARM (list resource groups) and Key Vault (list secrets), each with an explicit audience: two
 * tokens, two API calls. App Service has no instance metadata, so its checks name the
 * subscription literally instead of `{subscriptionId}`.
 */
export function checksFor(kind: TargetKind, emulator: Emulator): string {
  const subscription = kind === 'https' ? emulator.subscriptionId : '{subscriptionId}'
  return [
    `${emulator.apiUrl}/subscriptions/${subscription}/resourcegroups?api-version=2021-04-01 resource=${ARM}`,
    `${emulator.apiUrl}/secrets?api-version=7.4 resource=${VAULT}`
  ].join('\n')
}

let certificate: SelfSignedCertificate | undefined

/** An emulator with its compute endpoints over TLS (one certificate per test process). */
export function startEvidenceEmulator(): Promise<Emulator> {
  certificate ??= createSelfSignedCertificate()
  return startEmulator({ tls: certificate })
}

export function readAzLog(path: string): AzCall[] {
  if (!existsSync(path)) return []
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map(line => JSON.parse(line) as AzCall)
}

/**
 * The environment that reaches the emulator's compute endpoints: the fake az on PATH (its token
 * file written here), the compute URL, the emulator's certificate trusted by the action only.
 */
export function fakeAzEnv(
  dir: string,
  emulator: Emulator,
  extra: Record<string, string> = {}
): Record<string, string> {
  const tokenFile = join(dir, 'az-token.json')
  writeFileSync(tokenFile, JSON.stringify(emulator.compute.cliToken()), { mode: 0o600 })
  return {
    PATH: `${FAKE_AZ_DIR}:${process.env['PATH'] ?? '/usr/bin:/bin'}`,
    FAKE_AZ_LOG: join(dir, 'az.log'),
    FAKE_AZ_ARM_ENDPOINT: emulator.compute.url ?? '',
    FAKE_AZ_TOKEN_FILE: tokenFile,
    ...(certificate ? { NODE_EXTRA_CA_CERTS: certificate.certPath } : {}),
    ...extra
  }
}

export async function setUpKind(
  kind: TargetKind,
  emulator: Emulator,
  options: KindOptions = {}
): Promise<KindSetup> {
  const dir = mkdtempSync(join(tmpdir(), `mi-smoke-evidence-${kind}-`))
  const inputs: Record<string, string> = {
    'imds-endpoint': emulator.imdsUrl,
    checks: checksFor(kind, emulator),
    timeout: '2s'
  }
  // Every kind gets the fake az on PATH: a kind that should never call az proves it by an empty log.
  const deallocated = options.azMode === 'deallocated'
  const env = fakeAzEnv(dir, emulator, {
    ...(options.azMode && !deallocated ? { FAKE_AZ_MODE: options.azMode } : {})
  })
  emulator.compute.configure({
    runCommandMs: options.azDelayMs ?? FAKE_AZ_DELAY_MS,
    scaleSetInstances: ['0'],
    ...(deallocated ? { deallocatedVms: ['*'], deallocatedInstances: ['0'] } : {})
  })
  const since = Date.now()
  const azLog = env['FAKE_AZ_LOG'] as string
  let handler: HandlerProcess | undefined
  let proxy: RecordingProxy | undefined
  let target: string
  let label: string
  switch (kind) {
    case 'local':
      target = label = 'local'
      break
    case 'vm':
      target = label = `vm:${emulator.vmResourceId}`
      break
    case 'vmss':
      target = `vmss:${scaleSetId(emulator)}`
      label = `${target}#0`
      break
    case 'https': {
      handler = await startHandlerProcess(
        {
          key: ENDPOINT_KEY,
          allowlist: {
            extraRules: [
              { host: new URL(emulator.apiUrl).host, audiences: [ARM, VAULT], allowHttp: true }
            ]
          },
          imdsEndpoints: [emulator.imdsUrl],
          rateLimit: { burst: 50, perMinute: 50 }
        } as never,
        {
          // App Service's sandbox, pointed at the emulator; @azure/identity's IMDS too, so the
          // handler's SDK cross-check can never reach 169.254.169.254.
          IDENTITY_ENDPOINT: emulator.appService.endpoint,
          IDENTITY_HEADER: emulator.appService.header,
          AZURE_POD_IDENTITY_AUTHORITY_HOST: emulator.imdsUrl
        }
      )
      proxy = await startRecordingProxy(handler.url, options.proxyDelayMs ?? 0)
      target = label = proxy.url
      inputs['endpoint-key'] = options.sentKey ?? ENDPOINT_KEY
      break
    }
  }
  inputs['targets'] = target
  return {
    kind,
    target,
    label,
    inputs,
    env,
    workloadSide: () => ({
      azCalls: [
        ...readAzLog(azLog),
        // What went to the VMs, and what the probe printed there.
        ...emulator.compute.runCommands
          .filter(r => r.at >= since)
          .map(r => ({
            argv: ['run-command', r.resourceId, r.commandId, ...r.parameters.map(p => p.value)],
            ...(r.probe ? { probe: r.probe } : {})
          }))
      ],
      httpAnswers: proxy ? [...proxy.exchanges] : [],
      handlerOutput: handler ? handler.output() : ''
    }),
    async stop() {
      await proxy?.close()
      await handler?.stop()
    }
  }
}
