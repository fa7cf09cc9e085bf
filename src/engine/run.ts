/**
 * The engine: validated inputs in, one redacted report out. Fans the targets out up to
 * `concurrency`, runs each workload through the retry loops (`rbac-wait`, `ready-wait`, transient
 * answers), diagnoses what came back and builds the report. It knows nothing of the front end that
 * called it: the GitHub Action (`src/action/`) and the command line (`packages/cli/`) both call
 * `runSmokeTest` and present its report in their own way; progress reaches them through `events`.
 */
import { diagnose, diagnoseDispatchFailure, isRbacDenied } from './diagnosis/diagnose'
import type { ActionInputs, Target } from './inputs/action-inputs'
import { setting } from './inputs/setting-names'
import type { DiagnosisPort } from './orchestrate/diagnosis-port'
import { toDispatchError } from './orchestrate/probe-once'
import { probeBudgetMs, resolveBudgetMs } from './orchestrate/probe-budget'
import { resolveWorkloads } from './orchestrate/resolve-workloads'
import { runTargets } from './orchestrate/run-targets'
import { runWorkload } from './orchestrate/run-workload'
import { explainDenials } from './orchestrate/explain-denials'
import { fallbackReport } from './orchestrate/fallback-report'
import { buildReport } from './report/build-report'
import type { Workload } from './dispatch/workload'
import type { ProbeRequest } from '../contracts/probe-request'
import type { Report, TargetReport } from '../contracts/report'
import { systemClock, type Clock } from '../common/clock'
import { randomUuid } from '../common/random-uuid'
import { redactDeep } from '../common/redact'

/** What the engine is made of; tests replace parts (workloads, clock), front ends use the defaults. */
export interface EngineDependencies {
  resolve(target: Target, inputs: ActionInputs, signal: AbortSignal): Promise<Workload[]>
  diagnosis: DiagnosisPort
  clock: Clock
}

export const ENGINE_DEFAULTS: EngineDependencies = {
  resolve: resolveWorkloads,
  diagnosis: { diagnose, diagnoseDispatchFailure, isRbacDenied },
  clock: systemClock
}

/** Progress as it happens; every text is the engine's own words (no workload text). */
export interface EngineEvents {
  /** One line of progress (a retry, a wait). */
  progress?(message: string): void
  /** A target's report, redacted, as soon as it is final. */
  targetDone?(report: TargetReport): void
}

export interface EngineResult {
  /** The whole run, every text through the one redactor. */
  report: Report
  /** Probes abandoned at their deadline (they may keep a socket open: the caller may exit). */
  abandoned: number
}

export async function runSmokeTest(
  inputs: ActionInputs,
  options: {
    nonce?: string
    startedMs?: number
    events?: EngineEvents
    dependencies?: Partial<EngineDependencies>
  } = {}
): Promise<EngineResult> {
  const deps = { ...ENGINE_DEFAULTS, ...options.dependencies }
  const events = options.events ?? {}
  const progress = (message: string): void => events.progress?.(message)
  const started = options.startedMs ?? Date.now()
  const request: ProbeRequest = {
    v: 1,
    nonce: options.nonce ?? randomUuid(),
    identity: inputs.identity,
    checks: inputs.checks.map(check => ({ url: check.url, resource: check.resource })),
    timeoutMs: inputs.timeoutMs,
    imdsEndpoint: inputs.imdsEndpoint
  }
  let abandoned = 0
  const { reports } = await runTargets({
    targets: inputs.targets,
    concurrency: inputs.concurrency,
    resolve: (target, signal) => deps.resolve(target, inputs, signal),
    resolveBudgetMs,
    resolutionFailed: (target, error) => {
      const dispatchError = toDispatchError(error)
      try {
        return deps.diagnosis.diagnoseDispatchFailure(dispatchError, {
          target: target.line,
          identity: inputs.identity,
          checks: inputs.checks,
          nowMs: Date.now()
        })
      } catch {
        return fallbackReport(target.line, dispatchError.message, dispatchError.remediation)
      }
    },
    runWorkload: async (workload, target) =>
      explainDenials(
        await runWorkload(workload, {
          request,
          identity: inputs.identity,
          ...(inputs.expectedPrincipalId
            ? { expectedPrincipalId: inputs.expectedPrincipalId }
            : {}),
          checks: inputs.checks,
          rbacWaitMs: inputs.rbacWaitMs,
          sdkIdentity: inputs.sdkIdentity,
          budgetMs: probeBudgetMs(target, inputs),
          diagnosis: deps.diagnosis,
          clock: deps.clock,
          onAbandoned: () => abandoned++,
          onRetry: (label, probe, waitedMs) =>
            progress(
              `${label}: API still denies the role after ${Math.round(waitedMs / 1000)} s; probe ${probe} (${setting('rbac-wait')})`
            ),
          readyWaitMs: target.kind === 'https' ? inputs.readyWaitMs : 0,
          onReadyRetry: (label, attempt, waitedMs) =>
            progress(
              `${label}: smoke endpoint not ready after ${Math.round(waitedMs / 1000)} s; attempt ${attempt} (${setting('ready-wait')})`
            ),
          onTransientRetry: (label, probe, waitedMs, status) =>
            progress(
              `${label}: API answered ${status}; probe ${probe} after ${Math.round(waitedMs / 1000)} s (transient retry)`
            )
        }),
        target,
        inputs
      ),
    // Every text of a report passes the one redactor before any front end shows or stores it.
    onReport: report => events.targetDone?.(redactDeep(report))
  })
  return { report: redactDeep(buildReport(reports, Date.now() - started)), abandoned }
}
