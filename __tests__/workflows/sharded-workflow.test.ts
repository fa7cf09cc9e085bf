/**
 * The reusable workflow with `shards`, rehearsed step by step from .github/workflows/mi-smoke.yml
 * itself: each `uses: mi-smoke/mi-smoke@v1` step runs the built action with that step's `with:`
 * (its `${{ }}` values resolved from the test's workflow inputs, the plan's matrix and RUNNER_TEMP),
 * each `run:` script runs in bash as the runner would. GitHub's own parts stand in as what they do:
 * the matrix is one run per entry of the plan's output, upload-artifact keeps a directory's
 * contents, download-artifact with merge-multiple copies every artifact's contents into one
 * directory. The only value not from the workflow: `imds-endpoint`, pointed at the emulator.
 *
 * Targets that run here, on loopback: `local` (the emulator's IMDS, ARM) and two smoke endpoints on
 * a closed loopback port (a real, fast `dispatch-failed`).
 */
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { startEmulator, type Emulator } from '../../emulator/emulator'
import { armCheck, written } from '../helpers/emulator-action'
import { runAction, type ActionRun } from '../helpers/run-action'

const root = join(__dirname, '..', '..')

interface Step {
  id?: string
  name?: string
  uses?: string
  with?: Record<string, unknown>
  run?: string
  env?: Record<string, string>
}
interface Job {
  steps: Step[]
  outputs?: Record<string, string>
}
const workflow = parse(readFileSync(join(root, '.github/workflows/mi-smoke.yml'), 'utf8')) as {
  jobs: Record<string, Job>
}
const job = (name: string): Job => workflow.jobs[name] ?? { steps: [] }
const actionStep = (name: string): Step =>
  job(name).steps.find(step => /^mi-smoke\/mi-smoke@/.test(step.uses ?? '')) ?? {}
const runStep = (name: string, id: string): Step =>
  job(name).steps.find(step => step.id === id && step.run) ?? {}

interface Context {
  inputs: Record<string, string>
  matrix?: Record<string, string>
  runnerTemp: string
}

/** `${{ inputs.x }}`, `${{ matrix.x }}`, `${{ runner.temp }}` and `${{ secrets.x }}` (empty). */
function resolve(value: unknown, context: Context): string {
  return String(value).replace(/\$\{\{ ([^}]+) \}\}/g, (_all, expression: string) => {
    const [scope, name = ''] = expression.split('.')
    if (scope === 'inputs') return context.inputs[name] ?? ''
    if (scope === 'matrix') return context.matrix?.[name] ?? ''
    if (scope === 'secrets') return ''
    if (expression === 'runner.temp') return context.runnerTemp
    throw new Error(`the rehearsal does not know ${expression}`)
  })
}

async function runActionStep(jobName: string, context: Context): Promise<ActionRun> {
  const inputs = Object.fromEntries(
    Object.entries(actionStep(jobName).with ?? {}).map(([k, v]) => [k, resolve(v, context)])
  )
  return runAction({
    inputs: { ...inputs, 'imds-endpoint': emulator.imdsUrl },
    env: { RUNNER_TEMP: context.runnerTemp },
    timeoutMs: 100_000
  })
}

function runScript(step: Step, env: Record<string, string>): { written: string; log: string } {
  const dir = mkdtempSync(join(tmpdir(), 'mi-smoke-step-'))
  const output = join(dir, 'output')
  writeFileSync(output, '')
  // As the runner's `shell: bash`: bash --noprofile --norc -eo pipefail {0}.
  const run = spawnSync(
    'bash',
    ['--noprofile', '--norc', '-e', '-o', 'pipefail', '-c', step.run ?? 'exit 1'],
    {
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', GITHUB_OUTPUT: output, ...env },
      encoding: 'utf8'
    }
  )
  expect([run.status, run.stderr]).toEqual([0, ''])
  return { written: readFileSync(output, 'utf8'), log: run.stdout }
}

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator.close()
})

const TARGETS = ['local', 'http://127.0.0.1:9/mi-smoke/a', 'http://127.0.0.1:9/mi-smoke/b']

/**
 * plan → one shard job per matrix entry (action, naming script, upload) → download → merge →
 * sizing script. `lost`: shards whose job ends before its report is kept.
 */
async function rehearse(inputs: Record<string, string>, lost: number[] = []) {
  const context: Context = { inputs, runnerTemp: mkdtempSync(join(tmpdir(), 'mi-smoke-rt-')) }
  const plan = await runActionStep('plan', context)
  expect(plan.code).toBe(0)
  const matrix = JSON.parse(plan.outputs['shards'] ?? 'null') as Record<string, unknown>[]

  const artifacts: string[] = []
  const shards: ActionRun[] = []
  for (const entry of matrix) {
    const shardContext: Context = {
      inputs,
      matrix: Object.fromEntries(Object.entries(entry).map(([k, v]) => [k, String(v)])),
      runnerTemp: mkdtempSync(join(tmpdir(), 'mi-smoke-rt-'))
    }
    const shard = await runActionStep('shard', shardContext)
    shards.push(shard)
    if (lost.includes(Number(entry['shard']))) continue
    const named = runScript(runStep('shard', 'named'), {
      RUNNER_TEMP: shardContext.runnerTemp,
      REPORT_PATH: shard.outputs['report-path'] ?? '',
      SHARD: String(entry['shard'])
    })
    artifacts.push(/^dir=(.*)$/m.exec(named.written)?.[1] ?? '')
  }

  // download-artifact, merge-multiple: every artifact's contents into one directory.
  const mergeContext: Context = { inputs, runnerTemp: mkdtempSync(join(tmpdir(), 'mi-smoke-rt-')) }
  const downloaded = resolve(
    job('merge').steps.find(s => s.uses?.startsWith('actions/download-artifact@'))?.with?.['path'],
    mergeContext
  )
  for (const artifact of artifacts) cpSync(artifact, downloaded, { recursive: true })

  const merge = await runActionStep('merge', mergeContext)
  const fit = runScript(runStep('merge', 'fit'), {
    REPORT_PATH: merge.outputs['report-path'] ?? '',
    RESULT: merge.outputs['result'] ?? '',
    MI_SMOKE_ARTIFACT: 'mi-smoke-report-1'
  })
  return { plan, matrix, shards, downloaded, merge, fit }
}

const workflowInputs = (extra: Record<string, string> = {}): Record<string, string> => ({
  targets: TARGETS.join('\n'),
  checks: armCheck(emulator),
  identity: 'system',
  timeout: '2s',
  // The https targets point at a closed port: without this, ready-wait would wait its 2 minutes.
  'ready-wait': '0',
  'fail-on': 'error',
  summary: 'true',
  shards: '3',
  ...extra
})

test('three shards: one report, one summary, one set of outputs and one verdict out', async () => {
  await emulator.setScenario('healthy')
  const { plan, matrix, shards, downloaded, merge, fit } = await rehearse(workflowInputs())

  // The plan: one line a shard, nothing probed.
  expect(matrix).toEqual(TARGETS.map((line, i) => ({ shard: i + 1, of: 3, targets: line })))
  expect(plan.outputs['result']).toBeUndefined()
  // The shards: no summary, no failed job, whatever their verdict.
  expect(shards.map(s => [s.code, s.outputs['result'], s.summary])).toEqual([
    [0, 'pass', ''],
    [0, 'fail', ''],
    [0, 'fail', '']
  ])
  expect(readdirSync(downloaded).sort()).toEqual(['shard-1', 'shard-2', 'shard-3'])

  // The merge: the verdict gates on fail-on, once.
  expect(merge.code).toBe(1)
  const report = merge.report as { result: string; targets: { target: string }[] }
  expect(report.result).toBe('fail')
  expect(report.targets.map(t => t.target)).toEqual(TARGETS)
  expect(merge.outputs).toMatchObject({
    result: 'fail',
    'failed-step': 'dispatch',
    'failure-mode': 'dispatch-failed',
    // The first target's identity (shard 1's `local` on the emulator).
    'principal-id': shards[0]?.outputs['principal-id'],
    'tenant-id': shards[0]?.outputs['tenant-id']
  })
  expect(merge.outputs['principal-id']).toMatch(/^[0-9a-f-]{36}$/)
  expect(JSON.parse(readFileSync(merge.outputs['report-path'] ?? '', 'utf8'))).toEqual(report)
  expect(merge.summary.match(/## ❌ fail — mi-smoke/g)).toHaveLength(1)
  expect(merge.summary).toContain('3 targets probed')
  expect(merge.summary).toContain('1 passed')
  // The shards annotated their own failures; the merge adds only the gate's message.
  expect(merge.annotations).toEqual([
    expect.objectContaining({
      level: 'error',
      message: expect.stringMatching(
        /^mi-smoke: fail — http:\/\/127\.0\.0\.1:9\/mi-smoke\/a · dispatch · dispatch-failed \(and 1 more target\)/
      )
    })
  ])
  expect(merge.stdout).toMatch(/mi-smoke: shard 2 of 3: fail, 1 target in \d+ ms \(shard-2\//)
  expect(fit.written).toBe('fits=true\n')
  for (const run of [plan, merge, ...shards]) expect(written(run)).not.toContain(emulator.canary)
})

test('a shard whose job ended before its report: its targets fail as not probed, clearly', async () => {
  await emulator.setScenario('healthy')
  const inputs = workflowInputs({
    targets: `local\n${TARGETS[1]}`,
    shards: '2',
    'fail-on': 'warning'
  })
  const { merge, fit } = await rehearse(inputs, [2])
  expect(merge.code).toBe(1)
  expect(merge.outputs).toMatchObject({ result: 'fail', 'failure-mode': 'dispatch-failed' })
  const message =
    'Not probed: shard 2 of 2 left no usable report (no report was downloaded for it).'
  expect(merge.annotations).toEqual([
    expect.objectContaining({
      level: 'error',
      // One annotation per cause, titled with the target's short name (the host) and the mode.
      title: `${new URL(TARGETS[1]!).host} · dispatch · dispatch-failed`,
      message: expect.stringContaining(message)
    }),
    expect.objectContaining({
      level: 'error',
      message: expect.stringMatching(/^mi-smoke: fail — /)
    })
  ])
  expect(merge.summary).toContain(message)
  expect(merge.summary).toContain('Open the job of shard 2 of 2 in this run')
  expect(fit.written).toBe('fits=true\n')
})

test('all shards pass: fail-on error passes the merge job (exit 0)', async () => {
  await emulator.setScenario('healthy')
  const { merge } = await rehearse(workflowInputs({ targets: 'local', shards: '4' }))
  expect([merge.code, merge.outputs['result'], merge.outputs['failure-mode']]).toEqual([
    0,
    'pass',
    ''
  ])
  expect(merge.stdout).toContain('mi-smoke: pass (1 of 1 targets)')
})

test('bad input: the plan fails before any shard, and the merge names it in its outputs', async () => {
  const context: Context = {
    inputs: workflowInputs({ timeout: 'soon' }),
    runnerTemp: mkdtempSync(join(tmpdir(), 'mi-smoke-rt-'))
  }
  const plan = await runActionStep('plan', context)
  expect(plan.code).toBe(1)
  expect(plan.outputs['shards']).toBeUndefined()
  const merge = await runActionStep('merge', context)
  expect(merge.code).toBe(1)
  expect(merge.outputs).toMatchObject({ result: 'fail', 'failure-mode': 'bad-input' })
  expect(merge.annotations[0]?.message).toMatch(/^Input 'timeout'/)
})
