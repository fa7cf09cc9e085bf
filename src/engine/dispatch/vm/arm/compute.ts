/**
 * The Microsoft.Compute calls of a vm:/vmss: target over ARM's REST API, api-version 2024-07-01
 * (the Compute API azure-cli's `latest` profile uses; Azure/azure-rest-api-specs
 * specification/compute/resource-manager/Microsoft.Compute/ComputeRP/stable/2024-07-01):
 *
 *   GET  {vm}?$expand=instanceView                          the VM with OS type and power state
 *   GET  {vmss}                                             orchestrationMode: Uniform or Flexible
 *   GET  {vmss}/virtualMachines?$expand=instanceView        Uniform instances (nextLink pages)
 *   GET  {rg}/providers/Microsoft.Compute/virtualMachines?$filter='virtualMachineScaleSet/id' eq '{vmss}'&$expand=instanceView
 *                                                           Flexible instances: ordinary VMs
 *   POST {vm}/runCommand, {vmss}/virtualMachines/{n}/runCommand
 *        body RunCommandInput {commandId, script: [text], parameters: [{name, value}]}
 *        → 200 with the RunCommandResult, or 202 with Azure-AsyncOperation and Location
 *          (examples/runCommandExamples/VirtualMachineRunCommand.json)
 *   GET  Azure-AsyncOperation → {"status":"InProgress"} ... {"status":"Succeeded",
 *        "properties":{"output":{"value":[...]}}} or {"status":"Failed","error":{...}}
 *        (the bodies Azure/azure-powershell#6302 and #8848 show); without it, GET Location →
 *        202 while running, then 200 with the RunCommandResult.
 *
 * Parameters are named as azure-cli names them (Azure/azure-cli, vm/custom.py
 * `run_command_invoke`): `name=value` is split at the first `=`, and positional ones become
 * `arg1`, `arg2`... in order, which the Linux agent passes to the script as $1, $2...
 */
import type { ProbeRequest } from '../../../../contracts/probe-request'
import { DispatchError } from '../../workload'
import { azureErrorOf, isRunCommandConflict } from '../azure-errors'
import type { VmDocument } from '../power-state'
import { linuxProbeParameters, windowsProbeParameters } from '../probe-parameters'
import type { ProbeOs } from '../probe-script'
import type { ScaleSetId } from '../vmss'
import type { ArmClient } from './arm-client'
import { sleep, type Sleep } from '../../../../common/clock'
import { parseRetryAfter, RETRY_POLICIES } from '../../../../common/retry'
import { armCallError, operationFailedError } from './arm-errors'

export const COMPUTE_API_VERSION = '2024-07-01'

/** ARM's resource shape: what az flattens, under `properties`. */
interface ArmResource {
  id?: string
  name?: string
  instanceId?: string
  properties?: Omit<VmDocument, 'id' | 'name' | 'instanceId'> & {
    orchestrationMode?: string
  }
}

/** The az-shaped document power-state.ts reads (az flattens `properties`). */
export function flatten(resource: ArmResource): VmDocument {
  return {
    ...(resource.properties ?? {}),
    id: resource.id,
    name: resource.name,
    instanceId: resource.instanceId
  }
}

export async function readVm(
  arm: ArmClient,
  resourceId: string,
  signal?: AbortSignal
): Promise<VmDocument> {
  const { body } = await arm.json<ArmResource>({
    method: 'GET',
    url: `${resourceId}?$expand=instanceView&api-version=${COMPUTE_API_VERSION}`,
    context: { doing: 'read the power state of the VM', resourceId },
    signal
  })
  return flatten(body)
}

async function listAll(
  arm: ArmClient,
  url: string,
  context: { doing: string; resourceId: string; subscriptionId?: string },
  signal?: AbortSignal
): Promise<VmDocument[]> {
  const documents: VmDocument[] = []
  let next: string | undefined = url
  for (let page = 0; next !== undefined && page < 100; page++) {
    const { body }: { body: { value?: ArmResource[]; nextLink?: string } } = await arm.json({
      method: 'GET',
      url: next,
      context,
      signal
    })
    for (const resource of body.value ?? []) documents.push(flatten(resource))
    next = typeof body.nextLink === 'string' && body.nextLink !== '' ? body.nextLink : undefined
  }
  return documents
}

/** Every instance of the scale set, as az's `vmss list-instances --expand instanceView` gives them. */
export async function listScaleSetDocuments(
  arm: ArmClient,
  scaleSet: ScaleSetId,
  resourceId: string,
  signal?: AbortSignal
): Promise<VmDocument[]> {
  const context = {
    doing: 'list the instances of the scale set',
    resourceId,
    subscriptionId: scaleSet.subscriptionId
  }
  const { body } = await arm.json<ArmResource>({
    method: 'GET',
    url: `${resourceId}?api-version=${COMPUTE_API_VERSION}`,
    context,
    signal
  })
  if (/^flexible$/i.test(body.properties?.orchestrationMode ?? '')) {
    const filter = encodeURIComponent(`'virtualMachineScaleSet/id' eq '${resourceId}'`)
    const group = `/subscriptions/${scaleSet.subscriptionId}/resourceGroups/${scaleSet.resourceGroup}`
    return listAll(
      arm,
      `${group}/providers/Microsoft.Compute/virtualMachines?$filter=${filter}&$expand=instanceView&api-version=${COMPUTE_API_VERSION}`,
      context,
      signal
    )
  }
  return listAll(
    arm,
    `${resourceId}/virtualMachines?$expand=instanceView&api-version=${COMPUTE_API_VERSION}`,
    context,
    signal
  )
}

/** Where run-command runs: a VM by ID, or one instance of a Uniform scale set. */
export type RunCommandTarget =
  | { kind: 'vm'; resourceId: string }
  | {
      kind: 'vmss-instance'
      subscriptionId: string
      resourceGroup: string
      scaleSetName: string
      instanceId: string
      /** The instance's own ID, for messages. */
      resourceId: string
    }

export interface RunCommandParameter {
  name: string
  value: string
}

/** azure-cli's naming of `--parameters` (see the file comment). */
export function namedParameters(parameters: string[]): RunCommandParameter[] {
  let positional = 0
  return parameters.map(p => {
    const at = p.indexOf('=')
    if (at >= 0) return { name: p.slice(0, at), value: p.slice(at + 1) }
    positional++
    return { name: `arg${positional}`, value: p }
  })
}

export interface RunCommandInput {
  commandId: 'RunShellScript' | 'RunPowerShellScript'
  script: string[]
  parameters: RunCommandParameter[]
}

/** The request body. Every value from the probe request is a parameter, as data. */
export function runCommandInput(
  os: ProbeOs,
  scriptText: string,
  request: ProbeRequest
): RunCommandInput {
  const parameters =
    os === 'windows' ? windowsProbeParameters(request) : linuxProbeParameters(request)
  return {
    commandId: os === 'windows' ? 'RunPowerShellScript' : 'RunShellScript',
    script: [scriptText],
    parameters: namedParameters(parameters)
  }
}

export function runCommandUrl(target: RunCommandTarget): string {
  const where =
    target.kind === 'vm'
      ? target.resourceId
      : `/subscriptions/${target.subscriptionId}/resourceGroups/${target.resourceGroup}/providers/Microsoft.Compute/virtualMachineScaleSets/${target.scaleSetName}/virtualMachines/${target.instanceId}`
  return `${where}/runCommand?api-version=${COMPUTE_API_VERSION}`
}

export interface ConflictRetry {
  /** Give up retrying a 409 after this long from the first attempt. */
  deadlineMs: number
  /** First wait; doubles up to `maxDelayMs`. */
  firstDelayMs: number
  maxDelayMs: number
  sleep?: Sleep
  now?: () => number
}

/** Policy runCommandConflict of the one retry model (src/common/retry.ts). */
export const DEFAULT_CONFLICT_RETRY: ConflictRetry = {
  deadlineMs: RETRY_POLICIES.runCommandConflict.windowMs,
  firstDelayMs: RETRY_POLICIES.runCommandConflict.firstMs,
  maxDelayMs: RETRY_POLICIES.runCommandConflict.capMs
}

/** Poll interval when an operation names no Retry-After (policy operationPoll). */
const DEFAULT_POLL_MS = RETRY_POLICIES.operationPoll.firstMs

interface OperationStatus {
  status?: string
  error?: { code?: string; message?: string }
  properties?: { output?: unknown }
}

/** The RunCommandResult JSON (`{"value":[...]}`) of a finished operation's status. */
function resultOfStatus(status: OperationStatus): string {
  const output = status.properties?.output
  // Older answers held the statuses directly (Azure/azure-powershell#6302), newer ones `{value}`.
  return JSON.stringify(Array.isArray(output) ? { value: output } : (output ?? {}))
}

/**
 * Runs the probe through run-command; resolves with the RunCommandResult's JSON text (what
 * `az vm run-command invoke` would print, for run-command-output.ts). 409 while another run is in
 * progress is retried with backoff until `retry.deadlineMs`, then named with the attempts.
 */
export async function invokeRunCommand(
  arm: ArmClient,
  target: RunCommandTarget,
  input: RunCommandInput,
  signal?: AbortSignal,
  retry: ConflictRetry = DEFAULT_CONFLICT_RETRY
): Promise<string> {
  const context = { doing: 'run the probe with run-command', resourceId: target.resourceId }
  const now = retry.now ?? Date.now
  const wait = retry.sleep ?? sleep
  const started = now()
  let delay = retry.firstDelayMs
  for (let attempt = 1; ; attempt++) {
    const response = await arm.request({
      method: 'POST',
      url: runCommandUrl(target),
      body: input,
      context,
      signal,
      accept: [409]
    })
    if (response.status === 409) {
      // A 409 is a busy extension unless Azure names another conflict.
      const busy = isRunCommandConflict(
        azureErrorOf(response.body) ?? { code: 'Conflict', message: '' }
      )
      if (!busy || signal?.aborted || now() - started + delay > retry.deadlineMs) {
        const failure = armCallError(response, context)
        const waited = Math.round((now() - started) / 1000)
        failure.message = `${failure.message} (${attempt} attempts over ${waited} s)`
        throw failure
      }
      await wait(delay, signal)
      delay = Math.min(delay * 2, retry.maxDelayMs)
      continue
    }
    if (response.status !== 202) return response.body
    return pollOperation(arm, response.headers, context, signal)
  }
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

async function pollOperation(
  arm: ArmClient,
  accepted: Record<string, string | string[] | undefined>,
  context: { doing: string; resourceId: string },
  signal?: AbortSignal
): Promise<string> {
  const asyncOperation = headerText(accepted['azure-asyncoperation'])
  const location = headerText(accepted['location'])
  const url = asyncOperation ?? location
  if (!url) {
    throw new DispatchError(
      'Azure accepted the run-command but named no operation to follow (no Azure-AsyncOperation or Location header)',
      'Run again; if it repeats, run az vm run-command invoke by hand to see what Azure answers'
    )
  }
  let after = parseRetryAfter(accepted['retry-after'], Date.now()) ?? DEFAULT_POLL_MS
  for (;;) {
    await sleep(after, signal)
    const response = await arm.request({ method: 'GET', url, context, signal })
    after = parseRetryAfter(response.headers['retry-after'], Date.now()) ?? DEFAULT_POLL_MS
    if (asyncOperation === undefined) {
      // Location: 202 while the operation runs, then the result itself.
      if (response.status === 202) continue
      return response.body
    }
    let status: OperationStatus
    try {
      status = JSON.parse(response.body) as OperationStatus
    } catch {
      status = {}
    }
    const state = (status.status ?? '').toLowerCase()
    if (state === 'succeeded') return resultOfStatus(status)
    if (state === 'failed' || state === 'canceled') {
      throw operationFailedError(
        status.error
          ? { code: status.error.code ?? '', message: status.error.message ?? '' }
          : { code: state === 'canceled' ? 'Canceled' : 'Failed', message: 'no error given' },
        context
      )
    }
  }
}
