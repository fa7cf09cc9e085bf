/**
 * How long one probe of a workload may take before the orchestrator gives up on it. The probe's own
 * per-request timeouts and retry deadlines normally end it much sooner; this is the outer bound
 * that keeps a run finite even if a dispatch mode forgets one.
 */
import type { ActionInputs, Target } from '../inputs/action-inputs'

/** IMDS's 410 "updating" retries last up to 70 s (docs/azure-wire-facts.md); allow it once per probe. */
const IMDS_UPDATE_MS = 75_000
/** Retry waits of one exchange under the 429/5xx policy: 1 s + 2 s + 4 s, with slack for Retry-After. */
const RETRY_WAITS_MS = 10_000
/** A run-command takes tens of seconds on Azure and queues behind another run (409, retried for
 * up to 2 minutes): minutes, not hours (docs/vm-targets.md, what a VM run costs). */
const RUN_COMMAND_MS = 10 * 60_000

export function probeBudgetMs(
  target: Target,
  inputs: Pick<ActionInputs, 'checks' | 'timeoutMs'>
): number {
  const audiences = new Set(inputs.checks.map(check => check.resource)).size
  const exchanges = 1 + audiences + inputs.checks.length
  // Up to four attempts per exchange, each bounded by `timeout`.
  const probeMs = exchanges * (4 * inputs.timeoutMs + RETRY_WAITS_MS) + IMDS_UPDATE_MS
  switch (target.kind) {
    case 'local':
      return probeMs
    case 'https':
      return probeMs + 2 * inputs.timeoutMs
    case 'vm':
    case 'vmss':
      return probeMs + RUN_COMMAND_MS
  }
}

/** Resolving a target into workloads (listing a scale set's instances with `az`). */
export function resolveBudgetMs(target: Target): number {
  return target.kind === 'vm' || target.kind === 'vmss' ? 3 * 60_000 : 30_000
}
