/**
 * `vm:` and `vmss:` targets: the probe runs on the VM through `az vm run-command invoke`.
 * `vm:<id>` → one workload; `vmss:<id>` → one per instance (`vmss:<id>#<instanceId>` each);
 * `vmss:<id>#N` → that instance. Each workload's `probe()` can run again (the rbac-wait loop does).
 */
import type { ActionInputs, OsChoice, Target } from '../../inputs/action-inputs'
import type { ProbeRequest } from '../../probe-request'
import type { Workload, WorkloadAnswer } from '../workload'
import { execAzRunner, findAz, type AzRunner } from './az-cli'
import { vmStateInRun } from './instance-views'
import { assertCanRunCommand, type VmState } from './power-state'
import { probeScriptPath, type ProbeOs } from './probe-script'
import { invokeRunCommand, type RunCommandTarget } from './run-command'
import { readObservations } from './run-command-output'
import { listScaleSetInstances } from './vmss'

function chooseOs(choice: OsChoice, state: VmState): ProbeOs {
  return choice === 'auto' ? (state.osType ?? 'linux') : choice
}

async function runProbe(
  az: AzRunner,
  runCommand: RunCommandTarget,
  os: ProbeOs,
  request: ProbeRequest,
  signal: AbortSignal
): Promise<WorkloadAnswer> {
  const streams = await invokeRunCommand(az, runCommand, os, probeScriptPath(os), request, signal)
  return readObservations(streams)
}

function vmWorkload(
  az: AzRunner,
  inputs: ActionInputs,
  label: string,
  resourceId: string
): Workload {
  let os: ProbeOs | undefined
  return {
    label,
    async probe(request, signal) {
      if (os === undefined) {
        // Once per workload: the rbac-wait loop's re-runs need neither the check nor the az call.
        // The state comes from one az call for every vm: target of the run (instance-views.ts).
        const state = await vmStateInRun(az, inputs, resourceId, signal)
        assertCanRunCommand(state, resourceId, `az vm start --ids ${resourceId}`)
        os = chooseOs(inputs.os, state)
      }
      return runProbe(az, { kind: 'vm', resourceId }, os, request, signal)
    }
  }
}

export async function vmWorkloads(
  target: Target,
  inputs: ActionInputs,
  signal: AbortSignal,
  az?: AzRunner
): Promise<Workload[]> {
  if (target.kind !== 'vm' && target.kind !== 'vmss') {
    throw new Error(`vmWorkloads cannot run a ${target.kind} target`)
  }
  const runner = az ?? execAzRunner(await findAz())
  if (target.kind === 'vm') return [vmWorkload(runner, inputs, target.line, target.resourceId)]

  const instances = await listScaleSetInstances(
    runner,
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
        return runProbe(runner, instance.runCommand, os, request, probeSignal)
      }
    }
  })
}
