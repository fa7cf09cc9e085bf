/**
 * Scale sets: `vmss:<id>` → one workload per instance, `vmss:<id>#<instanceId>` → that one.
 * One listing with instance views gives every instance's ID, OS and power state
 * (arm/compute.ts). Instances of a Flexible scale set are ordinary VMs (their IDs are
 * `.../virtualMachines/<name>`); they run run-command as VMs, by ID.
 */
import { DispatchError } from '../workload'
import type { ArmClient } from './arm/arm-client'
import { listScaleSetDocuments, type RunCommandTarget } from './arm/compute'
import { vmStateOf, type VmDocument, type VmState } from './power-state'

export interface ScaleSetId {
  subscriptionId: string
  resourceGroup: string
  name: string
}

const SCALE_SET_ID =
  /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Compute\/virtualMachineScaleSets\/([^/]+)$/i

export function parseScaleSetId(resourceId: string): ScaleSetId {
  const match = SCALE_SET_ID.exec(resourceId)
  if (!match) {
    throw new DispatchError(
      `${resourceId} is not a scale set resource ID`,
      'Use /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Compute/virtualMachineScaleSets/<name>'
    )
  }
  return { subscriptionId: match[1]!, resourceGroup: match[2]!, name: match[3]! }
}

export interface ScaleSetInstance {
  /** `instanceId` of a Uniform instance, or the VM name of a Flexible one. */
  instanceId: string
  state: VmState
  runCommand: RunCommandTarget
}

export function scaleSetInstancesOf(
  scaleSet: ScaleSetId,
  documents: VmDocument[]
): ScaleSetInstance[] {
  return documents.map(doc => {
    const flexibleVm = doc.id !== undefined && !/\/virtualMachineScaleSets\//i.test(doc.id)
    const instanceId = doc.instanceId || doc.name || ''
    const runCommand: RunCommandTarget = flexibleVm
      ? { kind: 'vm', resourceId: doc.id! }
      : {
          kind: 'vmss-instance',
          subscriptionId: scaleSet.subscriptionId,
          resourceGroup: scaleSet.resourceGroup,
          scaleSetName: scaleSet.name,
          instanceId,
          resourceId:
            doc.id ??
            `/subscriptions/${scaleSet.subscriptionId}/resourceGroups/${scaleSet.resourceGroup}/providers/Microsoft.Compute/virtualMachineScaleSets/${scaleSet.name}/virtualMachines/${instanceId}`
        }
    return { instanceId, state: vmStateOf(doc), runCommand }
  })
}

export async function listScaleSetInstances(
  arm: ArmClient,
  resourceId: string,
  instanceId: string | undefined,
  signal?: AbortSignal
): Promise<ScaleSetInstance[]> {
  const scaleSet = parseScaleSetId(resourceId)
  const documents = await listScaleSetDocuments(arm, scaleSet, resourceId, signal)
  const instances = scaleSetInstancesOf(scaleSet, Array.isArray(documents) ? documents : [])
  if (instanceId !== undefined) {
    const one = instances.filter(instance => instance.instanceId === instanceId)
    if (one.length === 0) {
      throw new DispatchError(
        `scale set ${scaleSet.name} has no instance ${instanceId}`,
        `List its instances (az vmss list-instances -g ${scaleSet.resourceGroup} -n ${scaleSet.name} --query "[].instanceId") and use one of them after #`,
        `instances: ${instances.map(i => i.instanceId).join(', ') || '(none)'}`
      )
    }
    return one
  }
  if (instances.length === 0) {
    throw new DispatchError(
      `scale set ${scaleSet.name} has no instances to probe`,
      'Scale it out to at least one instance, or remove the target'
    )
  }
  return instances
}
