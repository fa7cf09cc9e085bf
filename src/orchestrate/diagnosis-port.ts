/**
 * The three functions of `src/diagnosis/diagnose.ts` the orchestrator uses, as one injectable
 * dependency (tests drive the fan-out and the rbac-wait loop with a stand-in).
 */
import type { DiagnosisPlan } from '../diagnosis/plan'
import type { DispatchError } from '../dispatch-error'
import type { Observations } from '../observations'
import type { TargetReport } from '../report/report-types'

export type { DiagnosisPlan }

export interface DiagnosisPort {
  diagnose(observations: Observations, plan: DiagnosisPlan): TargetReport
  diagnoseDispatchFailure(error: DispatchError, plan: DiagnosisPlan): TargetReport
  isRbacDenied(report: TargetReport): boolean
}
