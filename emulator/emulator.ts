/**
 * The emulator: composes the listeners (identity, api, control, and an optional HTTPS authority
 * for workload identity), routes requests to the handlers, records every request, and applies
 * scenario changes (closing a listener for real where the scenario says "refused"/"closed").
 *
 *   const emulator = await startEmulator({ scenario: 'role-missing' })
 *   ... run the action with imds-endpoint = emulator.imdsUrl ...
 *   await emulator.setScenario({ name: 'imds-gone', goneForMs: 500 })
 *   await emulator.close()
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { APP_SERVICE_PATH, handleAppServiceToken } from './app-service'
import { apiFault } from './api-faults'
import { handleArm } from './arm'
import { ComputeEmulator } from './compute'
import { handleControl, type RecordedRequest } from './control'
import { redactHeaders, requestUrl, send, type Reply } from './http-util'
import { defaultEstate, type Estate, type Identity } from './identities'
import { handleInstance, handleToken, TOKEN_PATH } from './imds'
import { handleKeyVault } from './key-vault'
import { Listener, type TlsMaterial } from './listener'
import type { RoleAssignment } from './rbac'
import type { ScenarioInput, ScenarioName, ScenarioSettings } from './scenarios'
import type { CliAccessToken, FleetSettings, RunCommandRecord } from './compute'
import { handleRecordedApi } from './recorded'
import { EmulatorState } from './state'
import { newCanary } from './tokens'
import { ARC_PATH_PREFIX, ArcKeys, handleArcToken } from './sources/arc'
import { CLOUD_SHELL_PATH, handleCloudShellToken } from './sources/cloud-shell'
import { handleServiceFabricToken, SERVICE_FABRIC_PATH } from './sources/service-fabric'
import { handleLegacyMsiToken, LEGACY_MSI_PATH } from './sources/legacy-msi'
import { federatedToken, handleAuthority } from './sources/workload-identity'
import { NetworkFaults } from './network-faults'

export type { Identity } from './identities'
export type { ScenarioName, ScenarioSettings } from './scenarios'
export type { RecordedRequest } from './control'
export type { CliAccessToken, FleetSettings, RunCommandRecord } from './compute'

export interface EmulatorOptions {
  /** A scenario name, or settings (merged over `healthy`, or over the preset named by `name`). */
  scenario?: ScenarioInput
  /** Fixed ports (0 or absent: any free port). */
  ports?: {
    identity?: number
    api?: number
    control?: number
    authority?: number
    compute?: number
  }
  /**
   * Certificate and key for the HTTPS listeners: the authority (workload identity token exchange)
   * and ARM's compute endpoints (vm:/vmss: targets). Without it there are neither:
   * `workloadIdentity` and `compute.url` are undefined.
   */
  tls?: TlsMaterial
  /** A fixed canary (default: random per instance). Must be base64url characters only. */
  canary?: string
}

export interface Emulator {
  /** IMDS base URL, e.g. http://127.0.0.1:41234 (input `imds-endpoint`). */
  imdsUrl: string
  /** App Service IDENTITY_ENDPOINT / IDENTITY_HEADER. `header` rotates when the scenario says so: read it at use time. */
  appService: { endpoint: string; readonly header: string }
  /** ARM and Key Vault base URL. */
  apiUrl: string
  controlUrl: string
  /** Signature segment of every token (and federated assertion) the emulator issues. */
  canary: string
  subscriptionId: string
  resourceGroup: string
  vmResourceId: string
  tenantId: string
  vaultResourceId: string
  identities: { system: Identity; userAssigned: Identity[] }
  estate: Estate
  /** The current scenario's complete settings. */
  readonly scenario: ScenarioSettings
  /** Changes the scenario; the promise settles when listeners are closed/reopened accordingly. */
  setScenario(s: ScenarioName | ScenarioInput): Promise<ScenarioSettings>
  /** Every request received, oldest first (secrets redacted). */
  requests: RecordedRequest[]
  clearRequests(): void
  addRoleAssignment(assignment: RoleAssignment): void
  /** URLs, fixtures and scenario, as the control listener's `GET /` shows them. */
  describe(): Record<string, unknown>
  /** Azure Arc: IDENTITY_ENDPOINT + IMDS_ENDPOINT; the 401 challenge names key files in `keyDirectory`. */
  arc: { env: { IDENTITY_ENDPOINT: string; IMDS_ENDPOINT: string }; keyDirectory: string }
  /** Cloud Shell: MSI_ENDPOINT alone (POST, form body). */
  cloudShell: { env: { MSI_ENDPOINT: string } }
  /** Service Fabric: IDENTITY_ENDPOINT + IDENTITY_HEADER + IDENTITY_SERVER_THUMBPRINT. */
  serviceFabric: {
    env: { IDENTITY_ENDPOINT: string; IDENTITY_HEADER: string; IDENTITY_SERVER_THUMBPRINT: string }
  }
  /** App Service's 2017-09-01 protocol / Azure Machine Learning: MSI_ENDPOINT + MSI_SECRET. */
  legacyMsi: { env: { MSI_ENDPOINT: string; MSI_SECRET: string } }
  /** AKS workload identity (only with `tls`): AZURE_AUTHORITY_HOST is https on loopback. */
  workloadIdentity?: {
    env: {
      AZURE_AUTHORITY_HOST: string
      AZURE_TENANT_ID: string
      AZURE_CLIENT_ID: string
      AZURE_FEDERATED_TOKEN_FILE: string
    }
    authorityUrl: string
  }
  /**
   * ARM's compute endpoints (VMs, scale sets, run-command and its operation) over TLS: `url` is
   * the Resource Manager base URL the fake az's `az cloud show` names (only with `tls`).
   */
  compute: {
    url?: string
    /** The fleet's behaviour now (missing or deallocated VMs, 409s, 429s, run-command time...). */
    readonly fleet: FleetSettings
    /** Replaces the fleet settings (defaults for what is not given). */
    configure(settings: Partial<FleetSettings>): FleetSettings
    /** Default fleet, no records. */
    reset(): void
    /** Every run-command received, oldest first, with what its script printed. */
    runCommands: RunCommandRecord[]
    /** A token of the runner's principal for ARM, in `az account get-access-token`'s shape. */
    cliToken(lifetimeS?: number): CliAccessToken
  }
  /**
   * Network failures on loopback (only with `tls`): per-kind proxies (407, 403, an untrusted, a
   * wrong-name or an expired certificate in the tunnel), a refused port, a listener that never
   * answers, and the CA bundle that trusts the emulator's and the name/dates certificates.
   */
  networkFaults?: NetworkFaults
  close(): Promise<void>
}

/** Longest request log kept: a long rehearsal must not grow memory without bound. */
const REQUEST_LOG_LIMIT = 20_000

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const estate = defaultEstate()
  const canary = options.canary ?? newCanary()
  if (!/^[A-Za-z0-9_-]+$/.test(canary)) throw new Error('canary must be base64url characters only')
  const state = new EmulatorState(estate, canary, options.scenario)
  const requests: RecordedRequest[] = []
  const workDir = mkdtempSync(join(tmpdir(), 'mi-smoke-emulator-'))
  const arcKeys = new ArcKeys(join(workDir, 'arc-tokens'))
  const serviceFabricSecret = `sf-${canary.slice(-8)}-${Date.now().toString(36)}`
  const legacySecret = `msi-${Date.now().toString(36)}-${canary.slice(-6)}`

  const record = (port: RecordedRequest['port'], req: IncomingMessage): void => {
    if (requests.length >= REQUEST_LOG_LIMIT) requests.shift()
    requests.push({
      port,
      method: req.method ?? '',
      path: req.url ?? '',
      headers: redactHeaders(req.headers),
      at: Date.now()
    })
  }

  /** Wraps a router: records, honours `hang`, turns thrown errors into 500s. */
  const serve =
    (
      port: RecordedRequest['port'],
      route: (req: IncomingMessage, url: URL) => Reply | Promise<Reply>,
      hangs: boolean
    ) =>
    (req: IncomingMessage, res: ServerResponse): void => {
      record(port, req)
      // imds-hang: the connection is accepted and the request read, but nothing is ever answered.
      if (hangs && state.settings.identityListener === 'hang') {
        req.resume()
        return
      }
      Promise.resolve()
        .then(() => route(req, requestUrl(req)))
        .then(
          reply => send(res, reply),
          (error: Error) =>
            send(res, {
              status: 500,
              body: { error: 'emulator_error', error_description: error.message }
            })
        )
    }

  const identityRoute = (req: IncomingMessage, url: URL): Reply | Promise<Reply> => {
    // Clients differ on a trailing slash (MSAL sends `/metadata/identity/oauth2/token/`); the real
    // endpoints accept both, so routing ignores it.
    const path = url.pathname.replace(/\/+$/, '') || '/'
    if (path === TOKEN_PATH) return handleToken(req, url, state)
    if (path === '/metadata/instance' || path.startsWith('/metadata/instance/'))
      return handleInstance(req, url, state)
    if (path === APP_SERVICE_PATH) return handleAppServiceToken(req, url, state)
    if (path === `${ARC_PATH_PREFIX}${TOKEN_PATH}`) return handleArcToken(req, url, state, arcKeys)
    if (path === CLOUD_SHELL_PATH) return handleCloudShellToken(req, url, state)
    if (path === SERVICE_FABRIC_PATH)
      return handleServiceFabricToken(req, url, state, serviceFabricSecret)
    if (path.toLowerCase() === LEGACY_MSI_PATH.toLowerCase().replace(/\/+$/, '')) {
      return handleLegacyMsiToken(req, url, state, legacySecret)
    }
    return { status: 404, body: { error: 'Not found' } }
  }

  const apiRoute = (req: IncomingMessage, url: URL): Reply =>
    apiFault(state) ??
    handleRecordedApi(url) ??
    (/^\/secrets(\/|$)/i.test(url.pathname)
      ? handleKeyVault(req, url, state)
      : handleArm(req, url, state))

  const computeEmulator = new ComputeEmulator(state)
  let compute: Listener | undefined
  if (options.tls) {
    compute = new Listener(
      serve(
        'compute',
        (req, url) => computeEmulator.handle(req, url, compute?.origin ?? ''),
        false
      ),
      options.ports?.compute,
      options.tls
    )
  }

  let federatedTokenFile = ''
  const identity = new Listener(serve('identity', identityRoute, true), options.ports?.identity)
  const api = new Listener(serve('api', apiRoute, false), options.ports?.api)
  let authority: Listener | undefined
  if (options.tls) {
    federatedTokenFile = join(workDir, 'azure-identity-token')
    writeFileSync(federatedTokenFile, federatedToken(estate, canary), { mode: 0o600 })
    authority = new Listener(
      serve(
        'authority',
        (req, url) => handleAuthority(req, url, state, authority?.origin ?? '', federatedTokenFile),
        true
      ),
      options.ports?.authority,
      options.tls
    )
  }

  const networkFaults = options.tls
    ? new NetworkFaults(workDir, String(options.tls.cert))
    : undefined

  // eslint-disable-next-line prefer-const
  let emulator: Emulator
  const control = new Listener(
    serve('control', (req, url) => handleControl(req, url, emulator), false),
    options.ports?.control
  )

  let pending: Promise<unknown> = Promise.resolve()
  /** Opens or closes listeners to match the settings (serialised: scenario changes do not race). */
  const syncListeners = (): Promise<unknown> => {
    pending = pending
      .catch(() => undefined) // one failed reopen must not wedge every later change
      .then(async () => {
        const identityOpen = state.settings.identityListener !== 'refused'
        await Promise.all([
          identityOpen ? identity.open() : identity.close(),
          authority ? (identityOpen ? authority.open() : authority.close()) : undefined,
          state.settings.apiListener === 'open' ? api.open() : api.close()
        ])
      })
    return pending
  }

  try {
    // Every listener binds once so that its port is known (and kept) even if the scenario closes it.
    await Promise.all([
      identity.open(),
      api.open(),
      control.open(),
      authority?.open(),
      compute?.open(),
      networkFaults?.open()
    ])
    await syncListeners()
  } catch (error) {
    await Promise.all([
      identity.close(),
      api.close(),
      control.close(),
      authority?.close(),
      compute?.close(),
      networkFaults?.close()
    ])
    rmSync(workDir, { recursive: true, force: true })
    throw error
  }

  const imdsUrl = identity.origin
  emulator = {
    imdsUrl,
    appService: {
      endpoint: `${imdsUrl}${APP_SERVICE_PATH}`,
      get header() {
        return state.identityHeader()
      }
    },
    apiUrl: api.origin,
    controlUrl: control.origin,
    canary,
    subscriptionId: estate.subscriptionId,
    resourceGroup: estate.resourceGroup,
    vmResourceId: estate.vmResourceId,
    tenantId: estate.tenantId,
    vaultResourceId: estate.vaultResourceId,
    identities: estate.identities,
    estate,
    get scenario() {
      return state.settings
    },
    async setScenario(input) {
      const settings = state.setScenario(input)
      await syncListeners()
      return settings
    },
    requests,
    clearRequests() {
      requests.length = 0
    },
    addRoleAssignment(assignment) {
      // Counted from now, not from the scenario's start: "assigned now, effective in N ms".
      state.roles.added.push({
        ...assignment,
        effectiveAfterMs: state.elapsedMs() + assignment.effectiveAfterMs
      })
    },
    arc: {
      env: {
        IDENTITY_ENDPOINT: `${imdsUrl}${ARC_PATH_PREFIX}${TOKEN_PATH}`,
        IMDS_ENDPOINT: `${imdsUrl}${ARC_PATH_PREFIX}`
      },
      keyDirectory: arcKeys.directory
    },
    cloudShell: { env: { MSI_ENDPOINT: `${imdsUrl}${CLOUD_SHELL_PATH}` } },
    serviceFabric: {
      env: {
        IDENTITY_ENDPOINT: `${imdsUrl}${SERVICE_FABRIC_PATH}`,
        IDENTITY_HEADER: serviceFabricSecret,
        IDENTITY_SERVER_THUMBPRINT: 'A3B5C7D9E1F30516273849506A7B8C9D0E1F2A3B'
      }
    },
    legacyMsi: { env: { MSI_ENDPOINT: `${imdsUrl}${LEGACY_MSI_PATH}`, MSI_SECRET: legacySecret } },
    workloadIdentity: authority
      ? {
          env: {
            AZURE_AUTHORITY_HOST: `${authority.origin}/`,
            AZURE_TENANT_ID: estate.tenantId,
            AZURE_CLIENT_ID: (estate.identities.userAssigned[0] as Identity).clientId,
            AZURE_FEDERATED_TOKEN_FILE: federatedTokenFile
          },
          authorityUrl: authority.origin
        }
      : undefined,
    compute: {
      url: compute ? `${compute.origin}/` : undefined,
      get fleet() {
        return computeEmulator.fleet
      },
      configure: settings => computeEmulator.configure(settings),
      reset: () => computeEmulator.reset(),
      runCommands: computeEmulator.runCommands,
      cliToken: lifetimeS => computeEmulator.cliToken(lifetimeS)
    },
    describe: () => describeEmulator(emulator),
    ...(networkFaults ? { networkFaults } : {}),
    async close() {
      await pending.catch(() => undefined)
      await Promise.all([
        identity.close(),
        api.close(),
        control.close(),
        authority?.close(),
        compute?.close(),
        networkFaults?.close()
      ])
      rmSync(workDir, { recursive: true, force: true })
    }
  }
  return emulator
}

/** What `GET /` of the control listener shows (no tokens; the canary is not a secret). */
export function describeEmulator(emulator: Emulator): Record<string, unknown> {
  return {
    imdsUrl: emulator.imdsUrl,
    appService: { endpoint: emulator.appService.endpoint, header: emulator.appService.header },
    apiUrl: emulator.apiUrl,
    controlUrl: emulator.controlUrl,
    canary: emulator.canary,
    tenantId: emulator.tenantId,
    subscriptionId: emulator.subscriptionId,
    resourceGroup: emulator.resourceGroup,
    vmResourceId: emulator.vmResourceId,
    vaultResourceId: emulator.vaultResourceId,
    identities: emulator.identities,
    scenario: emulator.scenario,
    arc: emulator.arc,
    cloudShell: emulator.cloudShell,
    serviceFabric: emulator.serviceFabric,
    legacyMsi: emulator.legacyMsi,
    workloadIdentity: emulator.workloadIdentity,
    computeUrl: emulator.compute.url,
    networkFaults: emulator.networkFaults?.describe()
  }
}
