/**
 * Ordering of verdicts: the report's `result` is the worst of its targets', the summary lists the
 * worst targets first, the gate compares against `fail-on`.
 */
import type { StepStatus, Verdict } from '../../contracts/report'

const SEVERITY: Record<StepStatus, number> = { skip: 0, pass: 1, warn: 2, fail: 3 }

/** Higher is worse: skip < pass < warn < fail. */
export function severity(status: StepStatus): number {
  return SEVERITY[status]
}

/** The worst of the verdicts; `pass` when there are none. */
export function worstVerdict(verdicts: Iterable<Verdict>): Verdict {
  let worst: Verdict = 'pass'
  for (const verdict of verdicts) if (SEVERITY[verdict] > SEVERITY[worst]) worst = verdict
  return worst
}
