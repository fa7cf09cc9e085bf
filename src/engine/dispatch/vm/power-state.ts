/**
 * A VM's OS type and power state, read before run-command is spent (a run takes 30 s or more, and
 * a deallocated VM refuses it anyway). The VM read with its instance view gives both.
 */
import { DispatchError } from '../workload'
import type { ProbeOs } from './probe-script'

export interface InstanceStatus {
  code?: string
  displayStatus?: string
}

/** The part of a VM (or scale-set instance) document this module reads. */
export interface VmDocument {
  id?: string
  name?: string
  instanceId?: string
  storageProfile?: { osDisk?: { osType?: string } }
  osProfile?: { windowsConfiguration?: unknown; linuxConfiguration?: unknown }
  instanceView?: { statuses?: InstanceStatus[]; osName?: string }
  /** `az vm show -d`: e.g. `VM running`. */
  powerState?: string
}

export interface VmState {
  osType?: ProbeOs
  /** The `PowerState/<state>` code's state, e.g. `running`, `deallocated`; absent when unknown. */
  powerState?: string
  /** As Azure shows it, e.g. `VM deallocated`. */
  powerDisplay?: string
}

/** States in which run-command cannot run. */
const NOT_RUNNING = new Set(['deallocated', 'deallocating', 'stopped', 'stopping'])

export function vmStateOf(vm: VmDocument): VmState {
  const state: VmState = {}
  const os = vm.storageProfile?.osDisk?.osType?.toLowerCase()
  if (os === 'linux' || os === 'windows') state.osType = os
  else if (vm.osProfile?.windowsConfiguration) state.osType = 'windows'
  else if (vm.osProfile?.linuxConfiguration) state.osType = 'linux'
  const power = vm.instanceView?.statuses?.find(s => /^PowerState\//i.test(s.code ?? ''))
  if (power?.code) {
    state.powerState = power.code.replace(/^PowerState\//i, '').toLowerCase()
    state.powerDisplay = power.displayStatus ?? `VM ${state.powerState}`
  } else if (vm.powerState) {
    state.powerDisplay = vm.powerState
    state.powerState = vm.powerState.replace(/^VM\s+/i, '').toLowerCase()
  }
  return state
}

/** A DispatchError when the power state says run-command cannot run; nothing otherwise. */
export function assertCanRunCommand(
  state: VmState,
  resourceId: string,
  startCommand: string
): void {
  if (state.powerState && NOT_RUNNING.has(state.powerState)) {
    throw new DispatchError(
      `the VM is ${state.powerState} (power state: ${state.powerDisplay ?? state.powerState}); run-command needs it running`,
      `Start it (${startCommand}) and run again`,
      `${resourceId}: ${state.powerDisplay ?? state.powerState}`
    )
  }
}
