/**
 * The three functions of `src/engine/diagnosis/diagnose.ts` the orchestrator uses, as one injectable
 * dependency (tests drive the fan-out and the rbac-wait loop with a stand-in).
 */
import type { DiagnosisPlan } from '../diagnosis/plan'
import type { DispatchError } from '../../contracts/dispatch-error'
import type { Observations } from '../../contracts/observations'
import type { TargetReport } from '../../contracts/report'

export type { DiagnosisPlan }

export interface DiagnosisPort {
  diagnose(observations: Observations, plan: DiagnosisPlan): TargetReport
  diagnoseDispatchFailure(error: DispatchError, plan: DiagnosisPlan): TargetReport
  isRbacDenied(report: TargetReport): boolean
}
