/**
 * What every dispatch mode gives the orchestrator: the workloads behind a target line, each of
 * which can run the probe once and hand back its raw observations.
 */
import type { Observations } from '../observations'
import type { ProbeRequest } from '../probe-request'

export interface Workload {
  /** How the workload is named in the report, e.g. `local`, `vm:/subscriptions/...`, `vmss:/...#3`. */
  label: string
  /**
   * Runs the probe once on the workload. Resolves with what it observed; rejects with a
   * `DispatchError` when the probe could not be run or its answer could not be read.
   */
  probe(request: ProbeRequest, signal: AbortSignal): Promise<Observations>
}

/** The probe could not be run on the target (failure mode `dispatch-failed`). */
export class DispatchError extends Error {
  constructor(
    message: string,
    /** What a person should do, e.g. `Run azure/login before this step`. */
    readonly remediation: string,
    /** Raw evidence (masked), e.g. the tail of run-command output. */
    readonly evidence?: string,
    /**
     * The target is there but not serving yet (a smoke endpoint refusing connections or behind a
     * front end answering 502/503/504 while the app starts): `ready-wait` may wait it out.
     */
    readonly notReady = false
  ) {
    super(message)
    this.name = 'DispatchError'
  }
}
