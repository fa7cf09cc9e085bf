/**
 * Runs the built action (`dist/index.js`) the way the GitHub runner does: inputs as `INPUT_*`
 * variables, `GITHUB_OUTPUT` / `GITHUB_STEP_SUMMARY` files, `RUNNER_TEMP`, workflow commands on stdout.
 * Set MI_SMOKE_ACTION_ENTRY to run another build (e.g. one made with `ncc build ... -o /tmp/x`).
 */
import { spawn } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const ACTION_ENTRY = resolve(
  process.env['MI_SMOKE_ACTION_ENTRY'] ?? join(__dirname, '..', '..', 'dist', 'index.js')
)

export interface Annotation {
  level: 'error' | 'warning' | 'notice'
  title?: string
  message: string
}

export interface ActionRun {
  code: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  /** GITHUB_OUTPUT as written, byte for byte. */
  outputFile: string
  summary: string
  annotations: Annotation[]
  /** The parsed `report` output, when there is one. */
  report?: any // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Every file the action left under RUNNER_TEMP, concatenated. */
  runnerTempFiles: string
  /**
   * The file `report-path` names, as the action left it ('' when there is none): read here, because
   * the run's folder goes when the test file ends and a shared run may be read by another file.
   */
  reportFile: string
  durationMs: number
}

export interface RunOptions {
  inputs?: Record<string, string>
  /** Extra environment (IDENTITY_ENDPOINT, PATH with a fake az, ...). */
  env?: Record<string, string>
  timeoutMs?: number
}

/**
 * The folders of this test file's runs. A test may read a run's files (the report file) after
 * runAction returns, so they go when the file's tests end: afterAll, registered when a jest test
 * file imports this helper (scripts that import it have no afterAll and keep nothing).
 */
const runFolders: string[] = []
if (typeof afterAll === 'function') {
  afterAll(() => {
    for (const dir of runFolders.splice(0)) rmSync(dir, { recursive: true, force: true })
  })
}

/** Runs the action once; never throws for a failing action (look at `code`). */
export async function runAction(options: RunOptions = {}): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'mi-smoke-run-'))
  runFolders.push(dir)
  const outputPath = join(dir, 'output')
  const summaryPath = join(dir, 'summary')
  const runnerTemp = join(dir, 'runner-temp')
  writeFileSync(outputPath, '')
  writeFileSync(summaryPath, '')
  mkdirSync(runnerTemp)

  // A clean environment: nothing of the host's (proxies, identity endpoints) leaks into a run.
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: process.env['HOME'] ?? dir,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    RUNNER_TEMP: runnerTemp,
    GITHUB_ACTIONS: 'true',
    ...options.env
  }
  // The action's default IMDS is 169.254.169.254. A test that forgets `imds-endpoint` must fail on
  // a closed loopback port (discard, 9), never send a packet off this machine.
  const inputs = { 'imds-endpoint': 'http://127.0.0.1:9', ...options.inputs }
  for (const [name, value] of Object.entries(inputs)) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  }

  const started = Date.now()
  const child = spawn(process.execPath, [ACTION_ENTRY], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000)
  const code = await new Promise<number | null>(done => child.on('close', c => done(c)))
  clearTimeout(timer)
  const durationMs = Date.now() - started

  const outputFile = readFileSync(outputPath, 'utf8')
  const outputs = parseOutputFile(outputFile)
  let report: unknown
  if (outputs['report']) {
    try {
      report = JSON.parse(outputs['report'])
    } catch {
      report = undefined
    }
  }
  return {
    code,
    stdout,
    stderr,
    outputs,
    outputFile,
    summary: readFileSync(summaryPath, 'utf8'),
    annotations: parseAnnotations(stdout),
    report,
    runnerTempFiles: readTree(runnerTemp),
    reportFile:
      outputs['report-path'] && existsSync(outputs['report-path'])
        ? readFileSync(outputs['report-path'], 'utf8')
        : '',
    durationMs
  }
}

/** Parses the `name<<DELIMITER ... DELIMITER` blocks @actions/core writes to GITHUB_OUTPUT. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? '')
    if (!match) continue
    const [, name, delimiter] = match
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '')
    outputs[name as string] = value.join('\n')
  }
  return outputs
}

/** Reads `::error title=...::message` workflow commands back from stdout. */
export function parseAnnotations(stdout: string): Annotation[] {
  const annotations: Annotation[] = []
  for (const line of stdout.split('\n')) {
    const match = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line)
    if (!match) continue
    const properties = Object.fromEntries(
      (match[2] ?? '')
        .split(',')
        .filter(Boolean)
        .map(pair => {
          const at = pair.indexOf('=')
          return [pair.slice(0, at), unescapeProperty(pair.slice(at + 1))]
        })
    )
    annotations.push({
      level: match[1] as Annotation['level'],
      title: properties['title'],
      message: unescapeData(match[3] ?? '')
    })
  }
  return annotations
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

function unescapeProperty(s: string): string {
  return unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',')
}

function readTree(dir: string): string {
  if (!existsSync(dir)) return ''
  let text = ''
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    text += entry.isDirectory() ? readTree(path) : readFileSync(path, 'utf8')
  }
  return text
}

/**
 * Every byte the action wrote anywhere a person or a later step could read it, `::add-mask::`
 * lines included: such a line prints its value on stdout (a terminal, a runner that does not
 * consume workflow commands, a runner echo bug), so a token in one is a leak like any other.
 */
export function everythingWritten(run: ActionRun): string {
  return [run.stdout, run.stderr, run.outputFile, run.summary, run.runnerTempFiles].join('\n')
}
