/** Targets' reports → the run's report (schema `mi-smoke/v1`). */
import { REPORT_SCHEMA, type Report, type TargetReport } from '../../contracts/report'
import { worstVerdict } from './verdict-order'

/**
 * `result` is the worst target verdict. A run that probed no target proved nothing, so it is a
 * `fail` (only bad input gets there: `targets` cannot be empty otherwise).
 */
export function buildReport(targets: TargetReport[], durationMs: number): Report {
  return {
    schema: REPORT_SCHEMA,
    result: targets.length === 0 ? 'fail' : worstVerdict(targets.map(t => t.result)),
    durationMs: Math.max(0, Math.round(durationMs)),
    targets
  }
}
