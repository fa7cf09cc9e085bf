/**
 * A target's report as log lines (a title, one concise line per step, its fixes, the app SDK's
 * view) and the run's verdict line: the action's log groups and the command line's output both
 * print these. Every value is flattened to one line, so nothing from an API or an input can start
 * a new line (front ends still neutralise their CI's log commands when they print).
 */
import { formatDuration, oneLine } from '../../common/format'
import type { Report, StepStatus, TargetReport } from '../../contracts/report'

export const STEP_MARK: Record<StepStatus, string> = {
  pass: 'PASS',
  warn: 'WARN',
  fail: 'FAIL',
  skip: 'skip'
}

export function targetLogLines(target: TargetReport): { title: string; lines: string[] } {
  const failure = target.failureMode ? ` (${target.failedStep ?? '?'}: ${target.failureMode})` : ''
  const title = oneLine(
    `${target.target}: ${target.result.toUpperCase()}${failure} in ${formatDuration(target.durationMs)}`
  )
  const lines = target.steps.map(step =>
    oneLine(
      `  ${STEP_MARK[step.status]} ${step.step.padEnd(5)} ${formatDuration(step.durationMs).padStart(7)}  ${step.detail}`
    )
  )
  for (const step of target.steps) {
    if (step.remediation && (step.status === 'fail' || step.status === 'warn')) {
      lines.push(oneLine(`  fix (${step.step}): ${step.remediation}`))
    }
  }
  for (const sdk of target.sdk ?? [])
    lines.push(oneLine(`  ${STEP_MARK[sdk.status]} app SDK (${sdk.credential}): ${sdk.detail}`))
  if (target.environment !== 'unknown' || target.probe) {
    lines.unshift(
      oneLine(
        `  identity source: ${target.environment}${target.probe ? `, probe ${target.probe}` : ''}`
      )
    )
  }
  return { title, lines }
}

/** `mi-smoke: FAIL in 1.2 s (3 targets: 1 fail, 0 warn, 2 pass)`. */
export function verdictLine(report: Report): string {
  const counts = { pass: 0, warn: 0, fail: 0 }
  for (const target of report.targets) counts[target.result]++
  return (
    `mi-smoke: ${report.result.toUpperCase()} in ${formatDuration(report.durationMs)} ` +
    `(${report.targets.length} target${report.targets.length === 1 ? '' : 's'}: ${counts.fail} fail, ${counts.warn} warn, ${counts.pass} pass)`
  )
}
