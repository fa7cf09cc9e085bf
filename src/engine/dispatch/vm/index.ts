/**
 * `vm:` and `vmss:` targets: the probe runs on the VM through run-command, driven from this
 * process over ARM's REST API with the runner's Azure CLI login (arm/): a target costs a few
 * HTTPS requests on pooled connections, not an az process.
 * `vm:<id>` → one workload; `vmss:<id>` → one per instance (`vmss:<id>#<instanceId>` each);
 * `vmss:<id>#N` → that instance. Each workload's `probe()` can run again (the rbac-wait loop does).
 */
import { readFileSync } from 'node:fs'
import type { ActionInputs, OsChoice, Target } from '../../inputs/action-inputs'
import type { ProbeRequest } from '../../../contracts/probe-request'
import type { Workload, WorkloadAnswer } from '../workload'
import { ArmClient } from './arm/arm-client'
import { runnerCliCredentials } from './arm/cli-session'
import { invokeRunCommand, readVm, runCommandInput, type RunCommandTarget } from './arm/compute'
import { assertCanRunCommand, vmStateOf, type VmState } from './power-state'
import { probeScriptPath, type ProbeOs } from './probe-script'
import { parseRunCommandResult, readObservations } from './run-command-output'
import { listScaleSetInstances } from './vmss'

/** One ARM client (one CLI login, one connection pool) per run: keyed on the run's inputs. */
const clients = new WeakMap<ActionInputs, ArmClient>()

export function armClientFor(inputs: ActionInputs): ArmClient {
  let client = clients.get(inputs)
  if (!client) {
    client = new ArmClient(runnerCliCredentials())
    clients.set(inputs, client)
  }
  return client
}

const scripts = new Map<ProbeOs, string>()

/** The probe script's text, read once per run (it travels in every run-command's body). */
function probeScript(os: ProbeOs): string {
  let text = scripts.get(os)
  if (text === undefined) {
    text = readFileSync(probeScriptPath(os), 'utf8')
    scripts.set(os, text)
  }
  return text
}

function chooseOs(choice: OsChoice, state: VmState): ProbeOs {
  return choice === 'auto' ? (state.osType ?? 'linux') : choice
}

async function runProbe(
  arm: ArmClient,
  target: RunCommandTarget,
  os: ProbeOs,
  request: ProbeRequest,
  signal: AbortSignal
): Promise<WorkloadAnswer> {
  const result = await invokeRunCommand(
    arm,
    target,
    runCommandInput(os, probeScript(os), request),
    signal
  )
  return readObservations(parseRunCommandResult(result))
}

function vmWorkload(
  arm: ArmClient,
  inputs: ActionInputs,
  label: string,
  resourceId: string
): Workload {
  let os: ProbeOs | undefined
  return {
    label,
    async probe(request, signal) {
      if (os === undefined) {
        // Once per workload: the rbac-wait loop's re-runs need neither the check nor the read.
        const state = vmStateOf(await readVm(arm, resourceId, signal))
        assertCanRunCommand(state, resourceId, `az vm start --ids ${resourceId}`)
        os = chooseOs(inputs.os, state)
      }
      return runProbe(arm, { kind: 'vm', resourceId }, os, request, signal)
    }
  }
}

export async function vmWorkloads(
  target: Target,
  inputs: ActionInputs,
  signal: AbortSignal,
  arm?: ArmClient
): Promise<Workload[]> {
  if (target.kind !== 'vm' && target.kind !== 'vmss') {
    throw new Error(`vmWorkloads cannot run a ${target.kind} target`)
  }
  const client = arm ?? armClientFor(inputs)
  if (target.kind === 'vm') return [vmWorkload(client, inputs, target.line, target.resourceId)]

  const instances = await listScaleSetInstances(
    client,
    target.resourceId,
    target.instanceId,
    signal
  )
  return instances.map(instance => {
    const os = chooseOs(inputs.os, instance.state)
    const startCommand =
      instance.runCommand.kind === 'vm'
        ? `az vm start --ids ${instance.runCommand.resourceId}`
        : `az vmss start --ids ${target.resourceId} --instance-ids ${instance.instanceId}`
    return {
      label: `vmss:${target.resourceId}#${instance.instanceId}`,
      async probe(request: ProbeRequest, probeSignal: AbortSignal) {
        assertCanRunCommand(instance.state, instance.runCommand.resourceId, startCommand)
        return runProbe(client, instance.runCommand, os, request, probeSignal)
      }
    }
  })
}
