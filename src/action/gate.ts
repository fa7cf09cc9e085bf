/**
 * The action applies the gate (src/engine/report/gate.ts): a failing gate exits 1 through
 * `runner.setFailed` with the gate's one line as an error annotation; otherwise the line is logged.
 */
import * as runner from './runner'
import type { FailOn } from '../engine/inputs/action-inputs'
import { decideGate, type GateDecision } from '../engine/report/gate'
import type { Report } from '../contracts/report'

export function applyGate(
  report: Report,
  failOn: FailOn,
  sink: { setFailed(message: string): void; info(message: string): void } = runner
): GateDecision {
  const decision = decideGate(report, failOn)
  if (decision.fails) sink.setFailed(decision.reason)
  else sink.info(decision.reason)
  return decision
}
