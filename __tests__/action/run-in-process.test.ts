/**
 * `run()` in process with stand-in workloads (the built action is driven by the other files here):
 * the paths that are hard to provoke from outside: a crash, a probe abandoned at its deadline, and
 * a workload that throws.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { run } from '../../src/action/main'
import { DispatchError, type Workload } from '../../src/engine/dispatch/workload'
import { parseAnnotations, parseOutputFile } from '../helpers/run-action'

const INPUTS: Record<string, string> = {
  targets: 'local',
  'imds-endpoint': 'http://127.0.0.1:9',
  checks:
    'http://127.0.0.1:9/subscriptions/{subscriptionId}/resourcegroups?api-version=2021-04-01 resource=https://management.azure.com/',
  timeout: '1s'
}

async function runWith(workload: Workload, inputs: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'mi-smoke-inproc-'))
  const saved = { ...process.env }
  const exitCode = process.exitCode
  process.env['GITHUB_OUTPUT'] = join(dir, 'output')
  process.env['GITHUB_STEP_SUMMARY'] = join(dir, 'summary')
  process.env['RUNNER_TEMP'] = dir
  writeFileSync(join(dir, 'output'), '')
  writeFileSync(join(dir, 'summary'), '')
  const all = { ...INPUTS, ...inputs }
  let stdout = ''
  const write = process.stdout.write.bind(process.stdout)
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += chunk.toString()
    return true
  }) as typeof process.stdout.write
  let exited = 0
  let code: typeof process.exitCode
  try {
    await run({
      getInput: name => (all[name] ?? '').trim(),
      resolve: async () => [workload],
      exit: () => exited++
    })
  } finally {
    process.stdout.write = write
    code = process.exitCode
    process.exitCode = exitCode
    process.env = saved
  }
  return {
    stdout,
    code,
    exited,
    outputs: parseOutputFile(readFileSync(join(dir, 'output'), 'utf8')),
    annotations: parseAnnotations(stdout)
  }
}

test('a workload that throws something unexpected is dispatch-failed, not a crash', async () => {
  const result = await runWith({
    label: 'local',
    probe: async () => {
      throw new RangeError('weird')
    }
  })
  expect(result.code).toBe(1)
  expect(result.outputs['failure-mode']).toBe('dispatch-failed')
  expect(result.outputs['failed-step']).toBe('dispatch')
  expect(JSON.parse(result.outputs['report'] ?? '{}').targets[0].steps[0].detail).toContain('weird')
  expect(result.stdout).not.toContain('crashed')
})

test('a DispatchError keeps its message and remediation', async () => {
  const result = await runWith({
    label: 'local',
    probe: async () => {
      throw new DispatchError('az is not logged in', 'Run azure/login before this step')
    }
  })
  const step = JSON.parse(result.outputs['report'] ?? '{}').targets[0].steps[0]
  expect(step).toMatchObject({ status: 'fail', failureMode: 'dispatch-failed' })
  expect(step.detail).toContain('az is not logged in')
  expect(step.remediation).toContain('Run azure/login before this step')
})

test('a probe that never answers is cut at its deadline, reported, and the process is ended', async () => {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] })
  try {
    const pending = runWith({ label: 'local', probe: () => new Promise(() => undefined) })
    await jest.advanceTimersByTimeAsync(10 * 60_000)
    const result = await pending
    expect(result.outputs['failure-mode']).toBe('dispatch-failed')
    expect(result.outputs['result']).toBe('fail')
    expect(result.exited).toBe(1)
    expect(JSON.parse(result.outputs['report'] ?? '{}').targets[0].steps[0].detail).toMatch(
      /no answer within/
    )
  } finally {
    jest.useRealTimers()
  }
})

test('a failure outside any workload is reported as a crash with result fail, never thrown', async () => {
  const result = await runWith({ label: 'local', probe: async () => ({}) as never }, {})
  // Observations of no schema: dispatch-failed, not a crash.
  expect(result.outputs['failure-mode']).toBe('dispatch-failed')

  const saved = process.exitCode
  let stdout = ''
  const write = process.stdout.write.bind(process.stdout)
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += chunk.toString()
    return true
  }) as typeof process.stdout.write
  try {
    await run({
      getInput: () => {
        throw new Error('runner broke')
      }
    })
  } finally {
    process.stdout.write = write
  }
  expect(process.exitCode).toBe(1)
  process.exitCode = saved
  expect(stdout).toContain('::error::mi-smoke crashed: runner broke')
})
