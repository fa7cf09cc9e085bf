/**
 * The action: read and validate inputs (nothing is dispatched on bad input), probe every target
 * concurrently through the `rbac-wait` loop, report (log groups, annotations, job summary,
 * outputs, report file) and gate the job on `fail-on`. For the reusable workflow's sharding it
 * can instead plan the shards or merge their reports (src/shards/), through the same report code.
 */
import * as runner from './runner'
import { randomUuid } from './random-uuid'
import { redactDeep, registerSecretText } from './redact'
import { diagnose, diagnoseDispatchFailure, isRbacDenied } from './diagnosis/diagnose'
import { applyGate } from './gate'
import { type ActionInputs, InputError, type Target } from './inputs/action-inputs'
import { INPUT_DEFAULTS, readInputs } from './inputs/read-inputs'
import { unknownInputWarnings } from './inputs/unknown-inputs'
import { systemClock, type Clock } from './orchestrate/clock'
import type { DiagnosisPort } from './orchestrate/diagnosis-port'
import { toDispatchError } from './orchestrate/probe-once'
import { probeBudgetMs, resolveBudgetMs } from './orchestrate/probe-budget'
import { resolveWorkloads } from './orchestrate/resolve-workloads'
import { runTargets } from './orchestrate/run-targets'
import { runWorkload } from './orchestrate/run-workload'
import { explainDenials } from './orchestrate/explain-denials'
import { fallbackReport } from './orchestrate/fallback-report'
import type { Workload } from './dispatch/workload'
import type { ProbeRequest } from './probe-request'
import { annotate } from './report/annotations'
import { buildReport } from './report/build-report'
import { writeOutputs } from './report/outputs'
import { REPORT_SCHEMA, type Report } from './report/report-types'
import { writeSummary } from './report/summary'
import { logTarget, logVerdict } from './report/target-log'
import { oneLine } from './report/format'
import { renderBadInputSummary } from './report/bad-input-summary'
import { readShardMode, SHARD_MODE_INPUT_DEFAULTS, type ShardMode } from './shards/shard-mode'
import type { TargetReport } from './report/report-types'

/** What `run()` is made of; tests replace parts (workloads, clock), the action uses the defaults. */
export interface RunDependencies {
  getInput(name: string): string
  resolve(target: Target, inputs: ActionInputs, signal: AbortSignal): Promise<Workload[]>
  diagnosis: DiagnosisPort
  clock: Clock
  /** Ends the process (only used when a probe was abandoned at its deadline). */
  exit(): void
}

const defaults: RunDependencies = {
  getInput: name => runner.getInput(name),
  resolve: resolveWorkloads,
  diagnosis: { diagnose, diagnoseDispatchFailure, isRbacDenied },
  clock: systemClock,
  exit: () => runner.exitOnceFlushed()
}

export async function run(overrides: Partial<RunDependencies> = {}): Promise<void> {
  const deps = { ...defaults, ...overrides }
  const started = Date.now()
  const nonce = randomUuid()
  try {
    // A misspelt input is ignored by everything else: say so first, with the name meant.
    const declared = [...Object.keys(INPUT_DEFAULTS), ...Object.keys(SHARD_MODE_INPUT_DEFAULTS)]
    for (const warning of unknownInputWarnings(process.env, declared)) {
      runner.warning(warning)
    }
    let inputs: ActionInputs
    let mode: ShardMode
    try {
      inputs = readInputs(deps.getInput)
      mode = readShardMode(deps.getInput)
    } catch (error) {
      if (error instanceof InputError || (error instanceof Error && error.name === 'InputError')) {
        await reportBadInput(error as Error, nonce, started, deps.getInput)
        return
      }
      throw error
    }
    // Before anything can print it: the key is an input (the runner already knows it), so it may be
    // registered with the runner's mask; the redactor removes it from everything the action writes.
    if (inputs.endpointKey) {
      runner.setSecret(inputs.endpointKey)
      registerSecretText(inputs.endpointKey)
    }

    // The reusable workflow's sharding: plan the matrix, or merge its reports (nothing is probed).
    // Loaded on these paths only: a probe's start-up does not pay for them.
    if (mode.kind === 'plan') {
      const { planShards } = await import('./shards/plan-shards.js')
      planShards(inputs, mode.shards)
      return
    }
    if (mode.kind === 'merge') {
      const { mergeShardReports } = await import('./shards/merge-reports.js')
      const { readShardReports } = await import('./shards/read-shard-reports.js')
      const { splitTargets } = await import('./shards/split-targets.js')
      const plan = splitTargets(inputs.targets, mode.shards)
      const merged = mergeShardReports(plan, readShardReports(mode.reportsDir, plan))
      for (const note of merged.notes) runner.info(oneLine(`mi-smoke: ${note}`))
      await publish(merged.report, nonce, inputs.summary, merged.unreported)
      applyGate(merged.report, inputs.failOn)
      return
    }

    const abandoned = await probeAll(inputs, nonce, started, deps)
    if (abandoned > 0) {
      // A probe that ignored its deadline may keep a socket open; the verdict is out, so end here
      // rather than let the job hang on it (exit code as set by the gate).
      deps.exit()
    }
  } catch (error) {
    runner.setOutput('result', 'fail')
    runner.setFailed(`mi-smoke crashed: ${error instanceof Error ? error.message : String(error)}`)
  }
}

/** Fans out, reports and gates; returns how many probes were abandoned at their deadline. */
async function probeAll(
  inputs: ActionInputs,
  nonce: string,
  started: number,
  deps: RunDependencies
): Promise<number> {
  const request: ProbeRequest = {
    v: 1,
    nonce,
    identity: inputs.identity,
    checks: inputs.checks.map(check => ({ url: check.url, resource: check.resource })),
    timeoutMs: inputs.timeoutMs,
    imdsEndpoint: inputs.imdsEndpoint
  }
  let abandoned = 0
  const workloadsTotal = inputs.targets.length
  runner.info(
    `mi-smoke: probing ${workloadsTotal} target${workloadsTotal === 1 ? '' : 's'} ` +
      `(concurrency ${inputs.concurrency}, timeout ${inputs.timeoutMs} ms${inputs.rbacWaitMs > 0 ? `, rbac-wait ${inputs.rbacWaitMs} ms` : ''})`
  )

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
            runner.info(
              `${label}: API still denies the role after ${Math.round(waitedMs / 1000)} s; probe ${probe} (rbac-wait)`
            ),
          readyWaitMs: target.kind === 'https' ? inputs.readyWaitMs : 0,
          onReadyRetry: (label, attempt, waitedMs) =>
            runner.info(
              `${label}: smoke endpoint not ready after ${Math.round(waitedMs / 1000)} s; attempt ${attempt} (ready-wait)`
            ),
          onTransientRetry: (label, probe, waitedMs, status) =>
            runner.info(
              `${label}: API answered ${status}; probe ${probe} after ${Math.round(waitedMs / 1000)} s (transient retry)`
            )
        }),
        target,
        inputs.rbacWaitMs
      ),
    // Every text of a report passes the one redactor before it is logged, annotated or stored.
    onReport: report => logTarget(redactDeep(report))
  })

  const report = redactDeep(buildReport(reports, Date.now() - started))
  await publish(report, nonce, inputs.summary)
  applyGate(report, inputs.failOn)
  return abandoned
}

/** `annotated`: the targets to annotate (a merge annotates only what its shards' jobs could not). */
async function publish(
  report: Report,
  nonce: string,
  summary: boolean,
  annotated: TargetReport[] = report.targets
): Promise<void> {
  logVerdict(report)
  annotate({ ...report, targets: annotated })
  writeOutputs(report, nonce)
  try {
    await writeSummary(report, summary)
  } catch (error) {
    runner.warning(
      `Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`
    )
  }
}

/** Bad input: a named error, exit code 1, outputs that say so, and nothing dispatched. */
async function reportBadInput(
  error: Error,
  nonce: string,
  started: number,
  getInput: (name: string) => string
): Promise<void> {
  const report: Report = {
    schema: REPORT_SCHEMA,
    result: 'fail',
    durationMs: Date.now() - started,
    targets: []
  }
  writeOutputs(report, nonce, { overrides: { 'failure-mode': 'bad-input', 'failed-step': '' } })
  // `summary` itself may be the bad input: only an explicit `false` turns the summary off here.
  if (getInput('summary').trim().toLowerCase() !== 'false' && process.env['GITHUB_STEP_SUMMARY']) {
    try {
      await runner.summary.addRaw(renderBadInputSummary(error.message), true).write()
    } catch {
      // The error below is what matters.
    }
  }
  runner.setFailed(error.message)
}
