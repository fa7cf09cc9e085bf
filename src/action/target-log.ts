/**
 * The log: one collapsible group per target, printed when its report is final (so concurrent
 * targets never interleave), one concise line per step (src/engine/report/target-lines.ts). Every
 * value is flattened to one line and indented, so nothing from an API or an input can start a
 * workflow command.
 */
import * as runner from './runner'
import { targetLogLines, verdictLine } from '../engine/report/target-lines'
import type { Report, TargetReport } from '../contracts/report'

export interface LogSink {
  startGroup(name: string): void
  endGroup(): void
  info(message: string): void
}

export function logTarget(target: TargetReport, sink: LogSink = runner): void {
  const { title, lines } = targetLogLines(target)
  sink.startGroup(title)
  for (const line of lines) sink.info(line)
  sink.endGroup()
}

export function logVerdict(report: Report, sink: Pick<LogSink, 'info'> = runner): void {
  sink.info(verdictLine(report))
}
