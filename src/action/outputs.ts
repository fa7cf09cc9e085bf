/**
 * Every output of the contract, and the report file at `report-path`. The identity outputs come
 * from the first target's first token step that yielded a usable token (its claims: never the token).
 * For fleets: `failed-targets` (the target lines that failed, as a JSON array, for a later step to
 * retry or page on) and the counts `targets`, `passed`, `warned`, `failed`.
 */
import * as runner from './runner'
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { escapeInvisibleInJson } from '../common/control-characters'
import { firstFailure } from '../engine/report/first-failure'
import { shapedOutputs } from '../contracts/output-shapes'
import type { Report, StepReport } from '../contracts/report'
import type { ActionOutputs } from '../contracts/outputs'

export interface OutputSink {
  setOutput(name: string, value: string): void
  /** Where the warnings about outputs go; default the runner's (a test keeps them off stdout). */
  warning?(message: string): void
}

/** Where the report file goes: under RUNNER_TEMP (the runner cleans it), named with the run's nonce. */
export function reportFilePath(nonce: string, env: NodeJS.ProcessEnv = process.env): string {
  const dir = env['RUNNER_TEMP'] || tmpdir()
  return join(dir, `mi-smoke-report-${nonce.replace(/[^A-Za-z0-9-]/g, '')}.json`)
}

/** The first target's first token step with claims, preferring a passing one. */
export function identityStep(report: Report): StepReport | undefined {
  const tokens = (report.targets[0]?.steps ?? []).filter(s => s.step === 'token' && s.claims)
  return tokens.find(s => s.status === 'pass') ?? tokens.find(s => s.status === 'warn')
}

export function computeOutputs(
  report: Report,
  reportPath: string,
  overrides: Partial<ActionOutputs> = {}
): ActionOutputs {
  const first = firstFailure(report)
  const token = identityStep(report)
  const count = (result: string): string =>
    String(report.targets.filter(t => t.result === result).length)
  return {
    result: report.result,
    'failed-step': first?.step ?? '',
    'failure-mode': first?.failureMode ?? '',
    'principal-id': token?.claims?.oid ?? '',
    'client-id': token?.claims?.appid ?? '',
    'tenant-id': token?.claims?.tid ?? '',
    'expires-on': token ? expiresOn(token) : '',
    report: escapeInvisibleInJson(JSON.stringify(report)),
    'report-path': reportPath,
    'failed-targets': escapeInvisibleInJson(
      JSON.stringify(report.targets.filter(t => t.result === 'fail').map(t => t.target))
    ),
    targets: String(report.targets.length),
    passed: count('pass'),
    warned: count('warn'),
    failed: count('fail'),
    ...overrides
  }
}

/**
 * Writes the report file, then sets every output. Returns the outputs as set. A report file that
 * cannot be written is a warning, not a crash: the `report` output still holds the same JSON.
 */
export function writeOutputs(
  report: Report,
  nonce: string,
  options: { sink?: OutputSink; env?: NodeJS.ProcessEnv; overrides?: Partial<ActionOutputs> } = {}
): ActionOutputs {
  const sink = options.sink ?? runner
  const warn = (message: string): void =>
    options.sink?.warning ? options.sink.warning(message) : runner.warning(message)
  let path = reportFilePath(nonce, options.env)
  try {
    writeFileSync(path, `${escapeInvisibleInJson(JSON.stringify(report, null, 2))}\n`, {
      mode: 0o600
    })
  } catch (error) {
    warn(`Could not write the report file ${path}: ${(error as Error).message}`)
    path = ''
  }
  // Each output holds a value of its declared shape or nothing (output-shapes.ts).
  const { outputs, warnings } = shapedOutputs(computeOutputs(report, path, options.overrides))
  for (const warning of warnings) warn(warning)
  for (const [name, value] of Object.entries(outputs)) sink.setOutput(name, value)
  return outputs
}

function expiresOn(step: StepReport): string {
  if (step.expiresOn) return step.expiresOn
  const exp = step.claims?.exp
  return typeof exp === 'number' && Number.isFinite(exp) ? new Date(exp * 1000).toISOString() : ''
}
