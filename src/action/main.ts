/**
 * The action, a thin front end over the engine (`src/engine/run.ts`): read and validate inputs
 * (nothing is dispatched on bad input), let the engine probe every target, report (log groups,
 * annotations, job summary, outputs, report file) and gate the job on `fail-on`. For the reusable workflow's sharding it
 * can instead plan the shards or merge their reports (src/action/shards/), through the same report code.
 */
import * as runner from './runner'
import { randomUuid } from '../common/random-uuid'
import { applyGate } from './gate'
import { ENGINE_DEFAULTS, runSmokeTest } from '../engine/run'
import { registerSecretText } from '../common/redact'
import type { Clock } from '../common/clock'
import { type ActionInputs, InputError, type Target } from '../engine/inputs/action-inputs'
import { INPUT_DEFAULTS, readInputs } from '../engine/inputs/read-inputs'
import { unknownInputWarnings } from '../engine/inputs/unknown-inputs'
import type { DiagnosisPort } from '../engine/orchestrate/diagnosis-port'
import type { Workload } from '../engine/dispatch/workload'
import { annotate } from './annotations'
import { writeOutputs } from './outputs'
import { REPORT_SCHEMA, type Report } from '../contracts/report'
import { writeSummary } from './summary'
import { logTarget, logVerdict } from './target-log'
import { exitOnceFlushed } from '../common/exit-once-flushed'
import { oneLine } from '../common/log-writer'
import { renderBadInputSummary } from './bad-input-summary'
import { readShardMode, SHARD_MODE_INPUT_DEFAULTS, type ShardMode } from './shards/shard-mode'
import type { TargetReport } from '../contracts/report'

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
  ...ENGINE_DEFAULTS,
  exit: () => exitOnceFlushed()
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
      runner.maskEndpointKey(inputs.endpointKey)
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

/** Fans out through the engine, reports and gates; returns how many probes were abandoned. */
async function probeAll(
  inputs: ActionInputs,
  nonce: string,
  started: number,
  deps: RunDependencies
): Promise<number> {
  const workloadsTotal = inputs.targets.length
  runner.info(
    `mi-smoke: probing ${workloadsTotal} target${workloadsTotal === 1 ? '' : 's'} ` +
      `(concurrency ${inputs.concurrency}, timeout ${inputs.timeoutMs} ms${inputs.rbacWaitMs > 0 ? `, rbac-wait ${inputs.rbacWaitMs} ms` : ''})`
  )
  const { report, abandoned } = await runSmokeTest(inputs, {
    nonce,
    startedMs: started,
    dependencies: { resolve: deps.resolve, diagnosis: deps.diagnosis, clock: deps.clock },
    events: { progress: message => runner.info(message), targetDone: logTarget }
  })
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
