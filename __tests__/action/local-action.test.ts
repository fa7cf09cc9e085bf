/**
 * The action under GitHub's own local runner for JavaScript actions (`@github/local-action`, a
 * devDependency; `npm run local-action`), which replaces @actions/core with its own and so sees
 * only what the action does through core's public API. Driven by the shipped `.env.example`, its
 * emulator addresses replaced by those of an emulator started here on loopback: the inputs reach
 * the action, local-action reports every output (no "No outputs were set!"), the job summary file
 * is written, and the verdict is right. local-action's `setFailed` does not set the exit code, so a
 * failing verdict is read from the outputs and the error line, not from the exit code.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startEmulator, type Emulator } from '../../emulator/emulator'

jest.setTimeout(180_000)

const ROOT = resolve(__dirname, '..', '..')
const BIN = join(ROOT, 'node_modules', '@github', 'local-action', 'bin', 'local-action.js')

let emulator: Emulator
let dir: string
beforeAll(async () => {
  emulator = await startEmulator()
  dir = mkdtempSync(join(tmpdir(), 'mi-smoke-local-action-'))
})
afterAll(async () => {
  await emulator.close()
  rmSync(dir, { recursive: true, force: true })
})

interface LocalActionRun {
  code: number | null
  stdout: string
  outputs: Record<string, string>
  summary: string
}

/** The "Action Outputs" table local-action prints: `│ i │ 'name' │ 'value' │` rows. */
function reportedOutputs(stdout: string): Record<string, string> {
  const at = stdout.lastIndexOf('Action Outputs')
  const outputs: Record<string, string> = {}
  if (at < 0) return outputs
  for (const line of stdout.slice(at).split('\n')) {
    const row = /^│\s*\d+\s*│\s*'([^']+)'\s*│\s*(['"`])(.*)\2\s*│$/.exec(line.trimEnd())
    if (row) outputs[row[1]!] = row[3]!
  }
  return outputs
}

/** `.env.example` pointed at this emulator, with `overrides` set; runs local-action on it. */
async function runLocalAction(overrides: Record<string, string> = {}): Promise<LocalActionRun> {
  const summaryPath = join(dir, `summary-${Date.now()}.md`)
  const lines = readFileSync(join(ROOT, '.env.example'), 'utf8')
    .split('\n')
    .map(line =>
      line
        .replace('http://127.0.0.1:41740', emulator.imdsUrl)
        .replace('http://127.0.0.1:41741', emulator.apiUrl)
    )
    .filter(line => !/^(GITHUB_STEP_SUMMARY|RUNNER_TEMP)=/.test(line))
  for (const [name, value] of Object.entries(overrides)) {
    const at = lines.findIndex(line => line.startsWith(`${name}=`))
    if (at >= 0) lines[at] = `${name}=${value}`
    else lines.push(`${name}=${value}`)
  }
  lines.push(`GITHUB_STEP_SUMMARY=${summaryPath}`, `RUNNER_TEMP=${dir}`)
  const envFile = join(dir, '.env')
  writeFileSync(envFile, `${lines.join('\n')}\n`)
  // As `npm run local-action` would, from the repository, with a clean environment.
  const child = spawn(process.execPath, [BIN, 'run', '.', 'src/action/main.ts', envFile], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      HOME: process.env['HOME'] ?? dir,
      NODE_PACKAGE_MANAGER: 'npm',
      NO_COLOR: '1'
    },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
  child.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
  const code = await new Promise<number | null>(done => child.on('close', done))
  return {
    code,
    stdout,
    outputs: reportedOutputs(stdout),
    summary: existsSync(summaryPath) ? readFileSync(summaryPath, 'utf8') : ''
  }
}

test('a passing run: the inputs of .env.example, every output reported, the summary, PASS', async () => {
  const run = await runLocalAction()
  const explain = `local-action printed:\n${run.stdout}`
  expect({ explain, none: run.stdout.includes('No outputs were set') }).toEqual({
    explain,
    none: false
  })
  expect(run.outputs['result']).toBe('pass')
  expect(run.outputs['targets']).toBe('1')
  expect(run.outputs['passed']).toBe('1')
  expect(run.outputs['failed-targets']).toBe('[]')
  expect(run.outputs['principal-id']).toBe(emulator.identities.system.objectId)
  const report = JSON.parse(run.outputs['report'] ?? '') as { result: string; targets: unknown[] }
  expect(report.result).toBe('pass')
  // The input reached the action: its check is the emulator's, as .env.example says.
  expect(run.outputs['report']).toContain(`${emulator.apiUrl}/subscriptions/`)
  expect(run.summary).toMatch(/^## ✅ pass — mi-smoke/)
  expect(run.stdout).toMatch(/mi-smoke: PASS in \d/)
  // The canary (every token's signature) reaches nothing local-action shows.
  expect(run.stdout).not.toContain(emulator.canary)
  expect(run.code).toBe(0)
})

test('a failing run: the verdict in the outputs, the error, the summary', async () => {
  const run = await runLocalAction({ 'INPUT_IMDS-ENDPOINT': 'http://127.0.0.1:9' })
  expect(run.outputs['result']).toBe('fail')
  expect(run.outputs['failed-step']).toBe('imds')
  expect(run.outputs['failure-mode']).toBe('platform-unreachable')
  expect(run.stdout).toContain('::error::mi-smoke: fail — local · imds · platform-unreachable')
  expect(run.summary).toMatch(/^## ❌ fail — mi-smoke/)
})
