/**
 * What every dispatch mode gives the orchestrator: the workloads behind a target line, each of
 * which can run the probe once and hand back its raw observations.
 */
import type { ProbeRequest } from '../../contracts/probe-request'

/**
 * What a workload answered, as received and not yet trusted: only the observations validator
 * (src/engine/observations-validator.ts) turns it into `Observations`.
 */
export type WorkloadAnswer = unknown

export interface Workload {
  /** How the workload is named in the report, e.g. `local`, `vm:/subscriptions/...`, `vmss:/...#3`. */
  label: string
  /**
   * Runs the probe once on the workload. Resolves with its answer (parsed JSON, unvalidated);
   * rejects with a `DispatchError` when the probe could not be run or gave no readable answer.
   */
  probe(request: ProbeRequest, signal: AbortSignal): Promise<WorkloadAnswer>
}

export { DispatchError } from '../../contracts/dispatch-error'
