/**
 * The log: one collapsible group per target, printed when its report is final (so concurrent
 * targets never interleave), one concise line per step. Every value is flattened to one line
 * and indented, so nothing from an API or an input can start a workflow command.
 */
import * as runner from './runner'
import { formatDuration, oneLine } from '../common/format'
import type { Report, StepStatus, TargetReport } from '../contracts/report'

const MARK: Record<StepStatus, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skip: 'skip' }

export interface LogSink {
  startGroup(name: string): void
  endGroup(): void
  info(message: string): void
}

export function targetLogLines(target: TargetReport): { title: string; lines: string[] } {
  const failure = target.failureMode ? ` (${target.failedStep ?? '?'}: ${target.failureMode})` : ''
  const title = oneLine(
    `${target.target}: ${target.result.toUpperCase()}${failure} in ${formatDuration(target.durationMs)}`
  )
  const lines = target.steps.map(step =>
    oneLine(
      `  ${MARK[step.status]} ${step.step.padEnd(5)} ${formatDuration(step.durationMs).padStart(7)}  ${step.detail}`
    )
  )
  for (const step of target.steps) {
    if (step.remediation && (step.status === 'fail' || step.status === 'warn')) {
      lines.push(oneLine(`  fix (${step.step}): ${step.remediation}`))
    }
  }
  for (const sdk of target.sdk ?? [])
    lines.push(oneLine(`  ${MARK[sdk.status]} app SDK (${sdk.credential}): ${sdk.detail}`))
  if (target.environment !== 'unknown' || target.probe) {
    lines.unshift(
      oneLine(
        `  identity source: ${target.environment}${target.probe ? `, probe ${target.probe}` : ''}`
      )
    )
  }
  return { title, lines }
}

export function logTarget(target: TargetReport, sink: LogSink = runner): void {
  const { title, lines } = targetLogLines(target)
  sink.startGroup(title)
  for (const line of lines) sink.info(line)
  sink.endGroup()
}

export function logVerdict(report: Report, sink: Pick<LogSink, 'info'> = runner): void {
  const counts = { pass: 0, warn: 0, fail: 0 }
  for (const target of report.targets) counts[target.result]++
  sink.info(
    `mi-smoke: ${report.result.toUpperCase()} in ${formatDuration(report.durationMs)} ` +
      `(${report.targets.length} target${report.targets.length === 1 ? '' : 's'}: ${counts.fail} fail, ${counts.warn} warn, ${counts.pass} pass)`
  )
}
