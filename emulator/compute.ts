/**
 * ARM's compute endpoints, served over TLS on loopback: what mi-smoke's vm:/vmss: targets ask
 * (src/engine/dispatch/vm/arm/compute.ts), with run-command running the probe for real (vm-host.ts).
 * Any VM or scale set of any resource group exists unless the fleet settings say otherwise, so a
 * test or a rehearsal can name as many VMs as it likes.
 *
 * Shapes (api-version 2024-07-01):
 * - VM with instance view, scale set, scale-set VMs: Azure/azure-rest-api-specs
 *   specification/compute/resource-manager/Microsoft.Compute/ComputeRP/stable/2024-07-01/examples
 *   (virtualMachineExamples/VirtualMachine_Get_WithInstanceView.json,
 *   virtualMachineScaleSetExamples/VirtualMachineScaleSetVM_List_MaximumSet_Gen.json);
 * - run-command: 202 with Azure-AsyncOperation and Location
 *   (runCommandExamples/VirtualMachineRunCommand.json), the operation's status
 *   `{"startTime","status":"InProgress","name"}` then `{"status":"Succeeded","properties":{"output":
 *   {"value":[...]}}}` (Azure/azure-powershell#8848, #23347); the result's Linux shape (one
 *   `ProvisioningState/succeeded` status, `Enable succeeded: \n[stdout]\n...\n[stderr]\n...`) and
 *   Windows shape (`ComponentStatus/StdOut/succeeded`, `ComponentStatus/StdErr/succeeded`) as
 *   azure-cli prints them (learn.microsoft.com/azure/virtual-machines/linux/run-command,
 *   .../windows/run-command);
 * - failures, `{"error":{"code","message"}}`: ResourceNotFound (aka.ms/ARMResourceNotFoundFix),
 *   AuthorizationFailed on runCommand/action, Conflict "Run command extension execution is in
 *   progress" (Azure/azure-cli#19370 and the run-command docs), OperationNotAllowed on a
 *   deallocated VM, 429 SubscriptionRequestsThrottled with Retry-After
 *   (MicrosoftDocs/azure-docs#105248; request-limits-and-throttling).
 *
 * Trust model (docs/security.md, "The emulator"): run-command runs code on this machine as the
 * person rehearsing, so this listener is stricter than ARM. It accepts only runner tokens (those
 * `cliToken()` minted for this emulator, which the rehearsal's `az` hands out), not any token the
 * emulator issued: a VM identity's token, which anyone on the machine can get from the emulated
 * IMDS without a secret, is a principal with no role here (403 AuthorizationFailed, ARM's answer to
 * a principal without the permission). And it runs only the probes mi-smoke ships (the assembled
 * Linux probe, the Windows probe): any other script is refused as ARM refuses an invalid
 * parameter (400 InvalidParameter), and nothing runs.
 */
import { createHash, randomUUID } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { IncomingMessage } from 'node:http'
import { authenticateArm } from './arm'
import { authorizationAnswer, type DescribedAssignment } from './authorization'
import { bearerToken, readBody, type Reply } from './http-util'
import type { EmulatorState } from './state'
import { correlationId } from './tokens'
import { recordedVmAnswer, replay } from './recorded'
import { lastBytes, runOnVm, type ParameterStyle, type ProbeRun } from './vm-host'

export const COMPUTE_API_VERSION = '2024-07-01'

/** The emulated fleet's behaviour; every field has a default (`defaultFleet`). */
export interface FleetSettings {
  os: 'Linux' | 'Windows'
  /** VMs (names or IDs, any case) that do not exist. */
  missingVms: string[]
  deallocatedVms: string[]
  stoppedVms: string[]
  /** Every scale set's instance IDs (Uniform) or VM suffixes (Flexible: `<set>_<n>`). */
  scaleSetInstances: string[]
  deallocatedInstances: string[]
  flexible: boolean
  /** The next N run-commands answer 409 Conflict (another run in progress). */
  conflicts: number
  /** The next N requests answer 429 SubscriptionRequestsThrottled. */
  throttles: number
  /** Retry-After (s) of a 429. */
  throttleRetryAfterS: number
  /** The runner's principal may not use runCommand/action (403 AuthorizationFailed). */
  runCommandDenied: boolean
  /** The runner's principal may read nothing (403 on every read: the wrong subscription). */
  readDenied: boolean
  /** What ARM lists as role assignments (the role lookup's read, emulator/authorization.ts). */
  roleAssignments: DescribedAssignment[]
  /** The runner's principal may not read role assignments (403 on roleAssignments/read). */
  roleReadDenied: boolean
  /** Least time a run-command takes from its POST to its result (the real one: 20 s or more). */
  runCommandMs: number
  /** The same for single VMs or scale sets, by name (a slow VM among fast ones). */
  runCommandMsByName: Record<string, number>
  /** Retry-After (s) on the 202 and on every InProgress status; 0: none sent. */
  pollRetryAfterS: number
  /** Answer 202 with Location only (no Azure-AsyncOperation). */
  locationOnly: boolean
  /** The operation ends Failed with this error instead of running the script. */
  operationError?: { code: string; message: string }
  /**
   * A `vm:`-path dispatch answer of the field corpus (recorded.ts) to replay where it was given:
   * the VM's read, the run-command POST, or the run-command operation's final status.
   */
  recordedAnswer?: string
  /** stdout noise (bytes) before / after the probe's output. */
  noiseBefore: number
  noiseAfter: number
  /** The script is not run; junk comes back instead. */
  noProbe: boolean
  /**
   * A compromised VM: the script is not run and every run-command prints this instead, with
   * `{nonce}` replaced by the request's nonce (forged observations, for the trust-boundary tests).
   */
  vmOutput?: string
  /** Shell of RunShellScript (argv prefix). */
  shell: string[]
  /** PATH inside the "VM". */
  probePath?: string
  vmEnv: Record<string, string>
  /** Run the Windows probe through the Linux one even when pwsh is installed. */
  noPwsh: boolean
  /** How the Linux agent hands the probe its positional parameters (emulator/vm-host.ts). */
  parameterStyle: ParameterStyle
  /**
   * The fleet benchmark: the first probe really runs and its output is kept; every later
   * run-command gives it back with its own request's nonce, as if it ran on a VM of its own.
   */
  replayProbe: boolean
}

export function defaultFleet(): FleetSettings {
  return {
    os: 'Linux',
    missingVms: [],
    deallocatedVms: [],
    stoppedVms: [],
    scaleSetInstances: ['0', '1'],
    deallocatedInstances: [],
    flexible: false,
    conflicts: 0,
    throttles: 0,
    throttleRetryAfterS: 1,
    runCommandDenied: false,
    readDenied: false,
    roleAssignments: [],
    roleReadDenied: false,
    runCommandMs: 0,
    runCommandMsByName: {},
    pollRetryAfterS: 1,
    locationOnly: false,
    noiseBefore: 0,
    noiseAfter: 0,
    noProbe: false,
    shell: ['sh'],
    vmEnv: {},
    noPwsh: false,
    parameterStyle: 'arguments',
    replayProbe: false
  }
}

/** One run-command the emulator ran, for tests: what was asked and what the "VM" printed. */
export interface RunCommandRecord {
  resourceId: string
  commandId: string
  parameters: Array<{ name: string; value: string }>
  script: string
  probe?: ProbeRun
  replayed?: boolean
  /** Date.now() of the POST. */
  at: number
  /** Date.now() when its result was ready. */
  doneAt?: number
}

interface Operation {
  id: string
  startTime: string
  done: boolean
  result?: unknown
  error?: { code: string; message: string }
}

function armError(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {}
): Reply {
  return {
    status,
    headers: {
      'x-ms-request-id': correlationId(),
      'x-ms-correlation-request-id': correlationId(),
      ...headers
    },
    body: { error: { code, message } }
  }
}

function listed(list: string[], resourceId: string): boolean {
  const id = resourceId.toLowerCase()
  const name = id.split('/').pop()
  // `*`: every VM.
  return list.some(v => v === '*' || v.toLowerCase() === id || v.toLowerCase() === name)
}

function noise(n: number): string {
  return 'apt: some unrelated output from the VM\n'.repeat(Math.ceil(n / 39)).slice(0, n - 1) + '\n'
}

/** `/subscriptions/s/resourceGroups/g/providers/Microsoft.Compute/...` → its parts, cased as sent. */
interface ComputePath {
  subscriptionId: string
  resourceGroup: string
  /** The rest after `Microsoft.Compute/`, e.g. ['virtualMachines', 'web-1', 'runCommand']. */
  rest: string[]
  /** The resource's ID without any trailing action. */
  group: string
}

function parseComputePath(pathname: string): ComputePath | undefined {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent)
  if (
    parts.length < 6 ||
    parts[0]!.toLowerCase() !== 'subscriptions' ||
    parts[2]!.toLowerCase() !== 'resourcegroups' ||
    parts[4]!.toLowerCase() !== 'providers' ||
    parts[5]!.toLowerCase() !== 'microsoft.compute'
  ) {
    return undefined
  }
  return {
    subscriptionId: parts[1]!,
    resourceGroup: parts[3]!,
    rest: parts.slice(6),
    group: `/subscriptions/${parts[1]}/resourceGroups/${parts[3]}`
  }
}

/** The runner's principal (what azure/login logged in as): the one the CLI token is for. */
export const RUNNER_PRINCIPAL = {
  clientId: '3b1e5c2a-7d4f-4e8b-9a6c-0f2d1e3c4b5a',
  objectId: '8e7d6c5b-4a39-4281-9f0e-d1c2b3a49586',
  resourceId: ''
}

/** What `az account get-access-token` prints, for the fake az (azure-cli's documented shape). */
export interface CliAccessToken {
  accessToken: string
  expiresOn: string
  expires_on: number
  subscription: string
  tenant: string
  tokenType: 'Bearer'
}

/** sha256 of a script's text, for comparing with the shipped probes. */
function digest(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

/** Where the shipped probes are on this machine: the sources, and the build beside the bundle. */
const ROOT = join(__dirname, '..')
const SHIPPED_FILES = [
  join(ROOT, 'vm-probes', 'windows', 'probe.ps1'),
  join(ROOT, 'vm-probes', 'linux', 'probe.sh'),
  join(ROOT, 'dist', 'vm-probes', 'linux', 'probe.sh'),
  join(ROOT, 'dist', 'vm-probes', 'windows', 'probe.ps1')
]

/**
 * The probes mi-smoke ships, as run-command receives them: the Linux probe assembled from its
 * pieces now (scripts/linux-probe.cjs, the one assembler the build and the action use), the
 * Windows probe, and the copies a build put beside the bundle (an action built before the pieces
 * changed still sends those). Read at each run-command, so a rebuild during a rehearsal counts.
 */
function shippedProbeDigests(): Set<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { assembleLinuxProbe } = require('../scripts/linux-probe.cjs') as {
    assembleLinuxProbe(): string
  }
  const texts = [assembleLinuxProbe()]
  for (const file of SHIPPED_FILES) {
    if (existsSync(file)) texts.push(readFileSync(file, 'utf8'))
  }
  return new Set(texts.map(digest))
}

export class ComputeEmulator {
  fleet: FleetSettings = defaultFleet()
  readonly runCommands: RunCommandRecord[] = []
  private readonly operations = new Map<string, Operation>()
  /** The runner tokens `cliToken()` minted: the only bearers this listener accepts. */
  private readonly runnerTokens = new Set<string>()
  private replay: { nonce: string; probe: ProbeRun } | undefined

  constructor(private readonly state: EmulatorState) {}

  configure(settings: Partial<FleetSettings>): FleetSettings {
    this.fleet = { ...defaultFleet(), ...settings }
    // A recording is kept while replaying stays on (the bench's warm-up, then its measured runs).
    if (!this.fleet.replayProbe) this.replay = undefined
    return this.fleet
  }

  /** A token for the runner's principal with ARM's audience, as `az account get-access-token` gives it. */
  cliToken(lifetimeS = 3600, audience = 'https://management.core.windows.net/'): CliAccessToken {
    const now = Math.floor(Date.now() / 1000)
    const { accessToken, claims } = this.state.issuer.issue({
      identity: RUNNER_PRINCIPAL,
      system: true,
      audience,
      issuedAt: now,
      expiresAt: now + lifetimeS
    })
    this.runnerTokens.add(accessToken)
    const local = new Date(claims.exp * 1000)
    const pad = (n: number): string => String(n).padStart(2, '0')
    return {
      accessToken,
      // azure-cli prints local time, microseconds, no zone.
      expiresOn: `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())} ${pad(local.getHours())}:${pad(local.getMinutes())}:${pad(local.getSeconds())}.000000`,
      expires_on: claims.exp,
      subscription: this.state.estate.subscriptionId,
      tenant: this.state.estate.tenantId,
      tokenType: 'Bearer'
    }
  }

  reset(): void {
    this.configure({})
    this.runCommands.length = 0
    this.operations.clear()
  }

  private vmDocument(
    id: string,
    extra: Record<string, unknown> = {},
    deallocated = false
  ): Record<string, unknown> {
    const name = id.split('/').pop() ?? ''
    const windows = this.fleet.os === 'Windows'
    const power =
      deallocated || listed(this.fleet.deallocatedVms, id)
        ? { code: 'PowerState/deallocated', level: 'Info', displayStatus: 'VM deallocated' }
        : listed(this.fleet.stoppedVms, id)
          ? { code: 'PowerState/stopped', level: 'Info', displayStatus: 'VM stopped' }
          : { code: 'PowerState/running', level: 'Info', displayStatus: 'VM running' }
    return {
      name,
      id,
      type: 'Microsoft.Compute/virtualMachines',
      location: this.state.estate.location,
      properties: {
        vmId: randomUUID(),
        hardwareProfile: { vmSize: 'Standard_B2s' },
        storageProfile: { osDisk: { osType: this.fleet.os, name: `${name}_OsDisk` } },
        osProfile: windows
          ? { computerName: name, windowsConfiguration: { provisionVMAgent: true } }
          : { computerName: name, linuxConfiguration: { provisionVMAgent: true } },
        provisioningState: 'Succeeded',
        instanceView: {
          computerName: name,
          osName: windows ? 'Windows Server 2022 Datacenter' : 'ubuntu',
          vmAgent: { vmAgentVersion: '2.9.1.1', statuses: [] },
          statuses: [
            {
              code: 'ProvisioningState/succeeded',
              level: 'Info',
              displayStatus: 'Provisioning succeeded'
            },
            power
          ]
        }
      },
      ...extra
    }
  }

  /** The 403 ARM gives a principal without `action` on `scope`. */
  private forbidden(oid: string, action: string, scope: string): Reply {
    return armError(
      403,
      'AuthorizationFailed',
      `The client '${oid}' with object id '${oid}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`
    )
  }

  private notFound(type: string, name: string, group: string): Reply {
    return armError(
      404,
      'ResourceNotFound',
      `The Resource 'Microsoft.Compute/${type}/${name}' under resource group '${group}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`
    )
  }

  async handle(req: IncomingMessage, url: URL, origin: string): Promise<Reply> {
    if (!url.searchParams.get('api-version')) {
      return armError(
        400,
        'MissingApiVersionParameter',
        'The api-version query parameter (?api-version=) is required for all requests.'
      )
    }
    const auth = authenticateArm(req, this.state)
    if ('status' in auth) return auth
    const oid = auth.oid
    // A token the emulator issued to anyone else (a VM identity, from the emulated IMDS) is a
    // principal with no role on compute: ARM's 403, and nothing read or run.
    if (!this.runnerTokens.has(bearerToken(req) ?? '')) {
      const action =
        req.method === 'POST'
          ? 'Microsoft.Compute/virtualMachines/runCommand/action'
          : 'Microsoft.Compute/virtualMachines/read'
      return this.forbidden(oid, action, `/subscriptions/${this.state.estate.subscriptionId}`)
    }
    if (this.fleet.throttles > 0) {
      this.fleet.throttles--
      const after = this.fleet.throttleRetryAfterS
      return armError(
        429,
        'SubscriptionRequestsThrottled',
        `Number of requests for subscription '${this.state.estate.subscriptionId}' and operation '${req.method} ${url.pathname.toUpperCase()}' exceeded the backend storage limit. Please try again after '${after}' seconds.`,
        { 'Retry-After': String(after) }
      )
    }
    const recorded = this.recordedReply(req, url)
    if (recorded) return recorded
    const parts = url.pathname.split('/').filter(Boolean)
    // /subscriptions/{s}/providers/Microsoft.Compute/locations/{l}/operations/{id}
    if (
      parts.length === 8 &&
      parts[2]?.toLowerCase() === 'providers' &&
      parts[6]?.toLowerCase() === 'operations'
    ) {
      return this.operationStatus(parts[7] ?? '', url.searchParams.has('monitor'))
    }
    if (req.method === 'GET') {
      const authorization = authorizationAnswer(url.pathname, url.searchParams, {
        assignments: this.fleet.roleAssignments,
        readDenied: this.fleet.roleReadDenied,
        callerOid: oid,
        nowMs: Date.now()
      })
      if (authorization) return { status: authorization.status, body: authorization.body }
    }
    const path = parseComputePath(url.pathname)
    if (!path) return armError(404, 'NotFound', `The emulator does not serve '${url.pathname}'.`)
    const [type, name, child, childName, action] = path.rest
    const lowerType = type?.toLowerCase()
    const readScope = `${path.group}/providers/Microsoft.Compute/${path.rest.slice(0, 2).join('/')}`

    if (req.method === 'GET' && this.fleet.readDenied) {
      return this.forbidden(oid, `Microsoft.Compute/${type ?? 'virtualMachines'}/read`, readScope)
    }

    if (lowerType === 'virtualmachines' && name === undefined && req.method === 'GET') {
      return this.listFlexible(url, origin, path)
    }
    if (lowerType === 'virtualmachines' && name !== undefined) {
      const id = `${path.group}/providers/Microsoft.Compute/virtualMachines/${name}`
      if (listed(this.fleet.missingVms, id))
        return this.notFound('virtualMachines', name, path.resourceGroup)
      if (child === undefined && req.method === 'GET')
        return { status: 200, body: this.vmDocument(id) }
      if (child?.toLowerCase() === 'runcommand' && req.method === 'POST') {
        return this.runCommand(
          req,
          id,
          'Microsoft.Compute/virtualMachines/runCommand/action',
          oid,
          origin,
          path
        )
      }
    }
    if (lowerType === 'virtualmachinescalesets' && name !== undefined) {
      const setId = `${path.group}/providers/Microsoft.Compute/virtualMachineScaleSets/${name}`
      if (listed(this.fleet.missingVms, setId)) {
        return this.notFound('virtualMachineScaleSets', name, path.resourceGroup)
      }
      if (child === undefined && req.method === 'GET') {
        return {
          status: 200,
          body: {
            name,
            id: setId,
            type: 'Microsoft.Compute/virtualMachineScaleSets',
            location: this.state.estate.location,
            properties: {
              orchestrationMode: this.fleet.flexible ? 'Flexible' : 'Uniform',
              provisioningState: 'Succeeded'
            }
          }
        }
      }
      if (
        child?.toLowerCase() === 'virtualmachines' &&
        childName === undefined &&
        req.method === 'GET'
      ) {
        if (this.fleet.flexible) {
          return armError(
            400,
            'OperationNotAllowed',
            `Operation 'VMScaleSetVMs.List' is not allowed on Virtual Machine Scale Set '${name}' since it is in Flexible orchestration mode.`
          )
        }
        return this.page(
          url,
          origin,
          this.fleet.scaleSetInstances.map(n => this.instanceDocument(setId, name, n))
        )
      }
      if (child?.toLowerCase() === 'virtualmachines' && childName !== undefined) {
        if (!/^\d+$/.test(childName)) {
          return armError(
            400,
            'InvalidParameter',
            'Virtual Machine Scale Set VM instanceId must be a number.'
          )
        }
        if (this.fleet.flexible || !this.fleet.scaleSetInstances.includes(childName)) {
          return this.notFound(
            `virtualMachineScaleSets/${name}/virtualMachines`,
            childName,
            path.resourceGroup
          )
        }
        const id = `${setId}/virtualMachines/${childName}`
        if (action === undefined && req.method === 'GET') {
          return { status: 200, body: this.instanceDocument(setId, name, childName) }
        }
        if (action?.toLowerCase() === 'runcommand' && req.method === 'POST') {
          return this.runCommand(
            req,
            id,
            'Microsoft.Compute/virtualMachineScaleSets/virtualMachines/runCommand/action',
            oid,
            origin,
            path
          )
        }
      }
    }
    return armError(404, 'NotFound', `The emulator does not serve ${req.method} '${url.pathname}'.`)
  }

  /**
   * The recorded answer the fleet setting names, at its point: the VM's read, the run-command POST;
   * an operation answer makes the next run-command end Failed with the recorded error.
   */
  private recordedReply(req: IncomingMessage, url: URL): Reply | undefined {
    const entry = recordedVmAnswer(this.fleet.recordedAnswer)
    if (!entry) return undefined
    const path = url.pathname.toLowerCase()
    const runCommand = req.method === 'POST' && /\/runcommand$/.test(path)
    const read = req.method === 'GET' && /\/virtualmachines\/[^/]+$/.test(path)
    if (entry.dispatch?.at === 'operation') {
      if (runCommand) {
        const status = JSON.parse(entry.answer?.body ?? '{}') as {
          error?: { code: string; message: string }
        }
        if (status.error) this.fleet.operationError = status.error
      }
      return undefined
    }
    if ((entry.dispatch?.at ?? 'run-command') === 'read' ? read : runCommand) return replay(entry)
    return undefined
  }

  private instanceDocument(setId: string, setName: string, n: string): Record<string, unknown> {
    const doc = this.vmDocument(
      `${setId}/virtualMachines/${n}`,
      {
        instanceId: n,
        name: `${setName}_${n}`,
        type: 'Microsoft.Compute/virtualMachineScaleSets/virtualMachines'
      },
      this.fleet.deallocatedInstances.includes(n)
    )
    return doc
  }

  /** Pages of 500 with `nextLink`, as ARM pages long lists. */
  private page(url: URL, origin: string, all: unknown[]): Reply {
    const size = 500
    const skip = Number(url.searchParams.get('$skiptoken') ?? 0) || 0
    const value = all.slice(skip, skip + size)
    const body: Record<string, unknown> = { value }
    if (skip + size < all.length) {
      const next = new URL(url.href)
      next.searchParams.set('$skiptoken', String(skip + size))
      body['nextLink'] = `${origin}${next.pathname}${next.search}`
    }
    return { status: 200, body }
  }

  /** The Flexible scale set's VMs: `virtualMachines?$filter='virtualMachineScaleSet/id' eq '<id>'`. */
  private listFlexible(url: URL, origin: string, path: ComputePath): Reply {
    const filter = url.searchParams.get('$filter') ?? ''
    const match = /^'virtualMachineScaleSet\/id' eq '([^']+)'$/i.exec(filter.trim())
    if (!match) {
      return armError(
        400,
        'InvalidParameter',
        "The emulator lists VMs only with $filter='virtualMachineScaleSet/id' eq '<scale set ID>'."
      )
    }
    const setId = match[1] ?? ''
    const setName = setId.split('/').pop() ?? ''
    if (!this.fleet.flexible) return { status: 200, body: { value: [] } }
    return this.page(
      url,
      origin,
      this.fleet.scaleSetInstances.map(n => {
        const doc = this.vmDocument(
          `${path.group}/providers/Microsoft.Compute/virtualMachines/${setName}_${n}`
        )
        const properties = doc['properties'] as Record<string, unknown>
        return { ...doc, properties: { ...properties, virtualMachineScaleSet: { id: setId } } }
      })
    )
  }

  private async runCommand(
    req: IncomingMessage,
    resourceId: string,
    action: string,
    oid: string,
    origin: string,
    path: ComputePath
  ): Promise<Reply> {
    let input: { commandId?: unknown; script?: unknown; parameters?: unknown }
    try {
      input = JSON.parse(await readBody(req, 1024 * 1024)) as typeof input
    } catch {
      return armError(
        400,
        'InvalidRequestContent',
        'The request content was invalid and could not be deserialized.'
      )
    }
    if (this.fleet.runCommandDenied) return this.forbidden(oid, action, resourceId)
    const vmName = resourceId.split('/').pop() ?? ''
    const instance = /\/virtualMachines\/(\d+)$/.exec(resourceId)?.[1]
    const deallocated =
      listed(this.fleet.deallocatedVms, resourceId) ||
      (instance !== undefined &&
        /virtualMachineScaleSets/i.test(resourceId) &&
        this.fleet.deallocatedInstances.includes(instance))
    if (deallocated || listed(this.fleet.stoppedVms, resourceId)) {
      return armError(
        409,
        'OperationNotAllowed',
        `Operation 'RunCommand' is not allowed on VM '${vmName}' since the VM is ${deallocated ? 'deallocated' : 'stopped'}.`
      )
    }
    if (this.fleet.conflicts > 0) {
      this.fleet.conflicts--
      return armError(
        409,
        'Conflict',
        'Run command extension execution is in progress. Please wait for completion before invoking a run command.'
      )
    }
    const commandId = String(input.commandId ?? '')
    if (commandId !== 'RunShellScript' && commandId !== 'RunPowerShellScript') {
      return armError(
        400,
        'InvalidParameter',
        `The value '${commandId}' of parameter 'commandId' is not valid.`
      )
    }
    const script = Array.isArray(input.script) ? input.script.map(String).join('\n') : ''
    // Only the shipped probes run: anything else would be code run on this machine as the person
    // rehearsing (the emulator's trust model, above).
    if (!shippedProbeDigests().has(digest(script))) {
      return armError(
        400,
        'InvalidParameter',
        "The value of parameter 'script' is not valid. (mi-smoke's emulator runs only the probe scripts mi-smoke ships.)"
      )
    }
    const parameters = Array.isArray(input.parameters)
      ? (input.parameters as Array<{ name?: unknown; value?: unknown }>).map(p => ({
          name: String(p.name ?? ''),
          value: String(p.value ?? '')
        }))
      : []
    const record: RunCommandRecord = { resourceId, commandId, parameters, script, at: Date.now() }
    if (this.runCommands.length >= 5000) this.runCommands.shift()
    this.runCommands.push(record)

    const id = randomUUID()
    const operation: Operation = { id, startTime: new Date().toISOString(), done: false }
    this.operations.set(id, operation)
    // unref: a run-command still held must not keep a closing emulator's process alive.
    const byName = Object.entries(this.fleet.runCommandMsByName).find(([name]) =>
      resourceId.toLowerCase().split('/').includes(name.toLowerCase())
    )
    const holdMs = byName ? byName[1] : this.fleet.runCommandMs
    const held = new Promise(resolve => setTimeout(resolve, holdMs).unref())
    const work = this.fleet.operationError
      ? Promise.resolve(undefined)
      : this.probe(record, commandId, script, parameters)
    const fleet = this.fleet
    void Promise.all([work, held]).then(([result]) => {
      operation.done = true
      record.doneAt = Date.now()
      if (fleet.operationError) operation.error = fleet.operationError
      else operation.result = result
    })
    const base = `${origin}/subscriptions/${path.subscriptionId}/providers/Microsoft.Compute/locations/${this.state.estate.location}/operations/${id}`
    const headers: Record<string, string> = {
      Location: `${base}?monitor=true&api-version=${COMPUTE_API_VERSION}`,
      'x-ms-request-id': id,
      'x-ms-correlation-request-id': correlationId()
    }
    if (!this.fleet.locationOnly)
      headers['Azure-AsyncOperation'] = `${base}?api-version=${COMPUTE_API_VERSION}`
    if (this.fleet.pollRetryAfterS > 0) headers['Retry-After'] = String(this.fleet.pollRetryAfterS)
    return { status: 202, headers }
  }

  /** Runs (or replays) the probe and builds the RunCommandResult in the OS's shape. */
  private async probe(
    record: RunCommandRecord,
    commandId: string,
    script: string,
    parameters: Array<{ name: string; value: string }>
  ): Promise<unknown> {
    const fleet = this.fleet
    let probe: ProbeRun
    if (fleet.vmOutput !== undefined) {
      const nonce = nonceOf(commandId, parameters)
      probe = { stdout: fleet.vmOutput.split('{nonce}').join(nonce), stderr: '', code: 0 }
    } else if (fleet.noProbe) {
      probe = {
        stdout: 'Hello from a VM that did not run the probe\n',
        stderr: '/bin/sh: 1: bad: not found\n',
        code: 127
      }
    } else if (fleet.replayProbe && this.replay) {
      const nonce = nonceOf(commandId, parameters)
      probe = {
        ...this.replay.probe,
        stdout: this.replay.probe.stdout.split(this.replay.nonce).join(nonce)
      }
      record.replayed = true
    } else {
      probe = await runOnVm(commandId, script, parameters, {
        shell: fleet.shell,
        path: fleet.probePath,
        env: fleet.vmEnv,
        noPwsh: fleet.noPwsh,
        parameterStyle: fleet.parameterStyle
      })
      const nonce = nonceOf(commandId, parameters)
      if (fleet.replayProbe && probe.code === 0 && nonce.length >= 8) this.replay = { nonce, probe }
    }
    record.probe = probe
    let stdout = probe.stdout
    if (fleet.noiseBefore) stdout = noise(fleet.noiseBefore) + stdout
    if (fleet.noiseAfter) stdout = stdout + noise(fleet.noiseAfter)
    const out = lastBytes(stdout)
    const err = lastBytes(probe.stderr)
    if (commandId === 'RunPowerShellScript') {
      return {
        value: [
          {
            code: 'ComponentStatus/StdOut/succeeded',
            level: 'Info',
            displayStatus: 'Provisioning succeeded',
            message: out
          },
          {
            code: 'ComponentStatus/StdErr/succeeded',
            level: 'Info',
            displayStatus: 'Provisioning succeeded',
            message: err
          }
        ]
      }
    }
    return {
      value: [
        {
          code: 'ProvisioningState/succeeded',
          level: 'Info',
          displayStatus: 'Provisioning succeeded',
          message: `Enable succeeded: \n[stdout]\n${out}\n[stderr]\n${err}`
        }
      ]
    }
  }

  private operationStatus(id: string, monitor: boolean): Reply {
    const operation = this.operations.get(id)
    if (!operation) return armError(404, 'NotFound', `Operation '${id}' was not found.`)
    const retry: Record<string, string> =
      this.fleet.pollRetryAfterS > 0 ? { 'Retry-After': String(this.fleet.pollRetryAfterS) } : {}
    if (monitor) {
      // Location: 202 while running, then the result (or the error) itself.
      if (!operation.done) return { status: 202, headers: { Location: '', ...retry } }
      if (operation.error) return armError(400, operation.error.code, operation.error.message)
      return { status: 200, body: operation.result }
    }
    if (!operation.done) {
      return {
        status: 200,
        headers: retry,
        body: { startTime: operation.startTime, status: 'InProgress', name: id }
      }
    }
    const end = { startTime: operation.startTime, endTime: new Date().toISOString(), name: id }
    if (operation.error)
      return { status: 200, body: { ...end, status: 'Failed', error: operation.error } }
    return {
      status: 200,
      body: { ...end, status: 'Succeeded', properties: { output: operation.result } }
    }
  }
}

/** The request's nonce: the Linux probe's `arg2` (`v` + unpadded base64), or the Windows request's. */
function nonceOf(commandId: string, parameters: Array<{ name: string; value: string }>): string {
  if (commandId === 'RunPowerShellScript') {
    const request = parameters.find(p => p.name === 'request')?.value ?? ''
    try {
      return String(
        (JSON.parse(Buffer.from(request, 'base64').toString('utf8')) as { nonce?: unknown })
          .nonce ?? ''
      )
    } catch {
      return ''
    }
  }
  const value = parameters.find(p => p.name === 'arg2')?.value ?? 'v'
  return Buffer.from(value.slice(1), 'base64').toString('utf8')
}
