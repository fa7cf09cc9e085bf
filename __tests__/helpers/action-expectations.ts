/** Assertions every end-to-end run must satisfy, whatever the scenario. */
import { existsSync, readFileSync } from 'node:fs'
import type { Emulator } from '../../emulator/emulator'
import type { ActionRun } from './run-action'
import { explain, written } from './emulator-action'

const OUTPUTS = [
  'result',
  'failed-step',
  'failure-mode',
  'principal-id',
  'client-id',
  'tenant-id',
  'expires-on',
  'report',
  'report-path'
]

export interface Expected {
  code: number
  result: 'pass' | 'warn' | 'fail'
  failedStep: string
  failureMode: string
  /** Status of each step, in order (`imds`, `token`, `api`...). */
  steps: string[]
  /** What the failing step's remediation must say. */
  remediation?: RegExp
}

export function expectRun(run: ActionRun, emulator: Emulator, expected: Expected): void {
  const context = explain(run)
  // The canary is the signature of every token the emulator issued: it must be nowhere.
  if (written(run).includes(emulator.canary))
    throw new Error(`the token's signature leaked\n${context}`)
  expect({ code: run.code, result: run.outputs['result'] }).toEqual({
    code: expected.code,
    result: expected.result
  })
  for (const name of OUTPUTS) expect(Object.keys(run.outputs)).toContain(name)
  expect(run.outputs['failed-step']).toBe(expected.failedStep)
  expect(run.outputs['failure-mode']).toBe(expected.failureMode)

  const report = run.report
  expect(report).toBeDefined()
  expect(report.schema).toBe('mi-smoke/v1')
  expect(report.result).toBe(expected.result)
  const target = report.targets[0]
  expect(target.target).toBe('local')
  expect(
    target.steps.map((s: { step: string; status: string }) => `${s.step}:${s.status}`)
  ).toEqual(expected.steps)

  // The report file holds the same JSON, under RUNNER_TEMP.
  const path = run.outputs['report-path'] ?? ''
  expect(path).toMatch(/mi-smoke-report-[0-9a-f-]{36}\.json$/)
  expect(existsSync(path)).toBe(true)
  expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(report)

  if (expected.result === 'pass') {
    expect(run.annotations.filter(a => a.level !== 'notice')).toEqual([])
    expect(run.summary).toContain('## ✅ pass — mi-smoke')
    return
  }
  const failing = target.steps.find(
    (s: { step: string; status: string }) =>
      s.step === expected.failedStep && s.status === expected.result
  )
  expect(failing).toBeDefined()
  expect(failing.failureMode).toBe(expected.failureMode)
  if (expected.remediation) expect(failing.remediation).toMatch(expected.remediation)
  // One annotation for the failing step, titled target · step · failure mode, carrying the remediation.
  const level = expected.result === 'fail' ? 'error' : 'warning'
  const annotation = run.annotations.find(
    a => a.level === level && a.title === `local · ${expected.failedStep} · ${expected.failureMode}`
  )
  expect(annotation).toBeDefined()
  expect(annotation?.message).toContain(`How to fix: ${failing.remediation}`)
  // The summary has the verdict, the step's row and the How to fix section.
  expect(run.summary).toContain(`— mi-smoke`)
  expect(run.summary).toContain('### How to fix')
  expect(run.summary).toContain(`<td>${expected.failedStep}</td>`)
  if (expected.code === 1) {
    // The gate's one line names target, step and failure mode.
    expect(run.stdout).toContain(
      `::error::mi-smoke: ${expected.result} — local · ${expected.failedStep} · ${expected.failureMode}`
    )
  }
}
