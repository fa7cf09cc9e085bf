/**
 * `npm run bench`: measures, in one run on this machine, the speed and memory targets of the
 * project (issues #2 and #5) and prints the figures. Everything runs against the emulator and the
 * fake `az` on loopback; nothing leaves the machine.
 *
 *   1. full local pass of the built action vs bare `node -e 0` start-up      (target ≤ 2.0),
 *      in this machine's environment and in a minimal one (both printed); the same for the built
 *      command line (packages/cli: `mi-smoke local`, and `mi-smoke --version` alone)
 *   2. the same vs the runbook's three `curl` commands                         (reported)
 *   3. peak memory of the local pass                                           (target < 80 MB)
 *   4. time to a verdict when IMDS accepts but never answers / `timeout`      (target ≤ 1.2)
 *   5. 1, 50 and 200 `vm:` targets over ARM's REST API with default inputs, the emulator holding
 *      each run-command 3 s: wall time as a ratio to one target (targets: rounds of run-command at
 *      the default concurrency + 0.5: 50 ≤ 1.5×, 200 ≤ 4.5×), CPU seconds and
 *      peak memory of the whole process tree (targets for 50: ≤ 15 s, ≤ 300 MB), processes started
 *   6. RBAC propagation: role effective at a random moment in the first 45 s, rbac-wait 60s,
 *      time from that moment to the pass over 10 runs                          (median < 5 s, max < 15 s)
 *   7. the VM probes themselves against the healthy emulator: vm-probes/linux/probe.sh (dash,
 *      curl) next to vm-probes/windows/probe.ps1 (pwsh, when installed), with pwsh's bare start-up
 *      (`pwsh -Command exit`) for scale                                        (reported)
 *   8. hostile text: every parser and redactor that reads workload or API text, on 1 MiB of
 *      adversarial input (repeated `eyJ`, long base64url runs, dotted runs, deep nesting, ...)
 *                                                                              (≤ 50 ms per MiB each),
 *      and the built action's verdict on a hostile 1 MiB smoke-endpoint answer (≤ 2 s, docs/security.md)
 *
 * Figures are medians of several runs. The exit code is 0 when every measurement ran (whether a
 * target is met is printed, not enforced: benchmarks are not tests).
 *
 *   npm run bench                       everything (about 2 minutes)
 *   npm run bench -- --quick            fewer repeats
 *   npm run bench -- --only=local,fleet some parts: local, hang, fleet, rbac, probes, hostile
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startEmulator, type Emulator } from '../emulator/emulator'
import { createSelfSignedCertificate } from '../emulator/tls'
import { ACTION_ENTRY } from '../__tests__/helpers/run-action'
import { findTool } from '../__tests__/helpers/system-tools'
import {
  SHELLS,
  pwshCommand,
  runLinuxProbe,
  runShell,
  runWindowsProbe,
  windowsEnv
} from '../__tests__/helpers/probe-runner'
import type { ProbeRequest } from '../src/contracts/probe-request'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { parseErrorBody } from '../src/engine/diagnosis/error-body'
import { excerpt } from '../src/engine/diagnosis/text'
import { readObservations } from '../src/engine/dispatch/vm/run-command-output'
import { cutBody } from '../src/node-probe/token-response'
import { parseAnswer, validateObservations } from '../src/engine/observations-validator'
import { containsJwt, redactSecrets } from '../src/common/redact'
import { parseSecureUrl } from '../src/engine/inputs/url-rules'
import { INPUT_DEFAULTS } from '../src/engine/inputs/read-inputs'

const ROOT = resolve(__dirname, '..')
const FAKE_AZ_DIR = join(ROOT, '__tests__', 'fixtures', 'az')
const RSS_PRELOAD = join(__dirname, 'bench-rss.cjs')
const FLOOR_SCRIPT = join(__dirname, 'bench-floor-requests.cjs')
const TREE_SCRIPT = join(__dirname, 'bench-tree.cjs')
const CLI_ENTRY = join(ROOT, 'packages', 'cli', 'dist', 'index.js')

interface Timed {
  ms: number
  code: number | null
  maxRssKb: number
  /** CPU the action's process used itself (children not included), with the preload. */
  cpuMs: number
  stdout: string
  outputs: Record<string, string>
}

/** Runs a command to completion and measures wall time (and, for node, its peak RSS). */
function timeCommand(
  command: string,
  args: string[],
  env: Record<string, string>,
  rssFile?: string
): Promise<Timed> {
  const started = process.hrtime.bigint()
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.resume()
  return new Promise(done =>
    child.on('close', code => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      const [maxRssKb, cpuMs] =
        rssFile && existsSync(rssFile)
          ? readFileSync(rssFile, 'utf8').split(' ').map(Number)
          : [NaN, NaN]
      const outputs: Record<string, string> = {}
      const outputFile = env['GITHUB_OUTPUT']
      if (outputFile && existsSync(outputFile)) {
        const text = readFileSync(outputFile, 'utf8')
        for (const match of text.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) {
          outputs[match[1] as string] = match[3] as string
        }
      }
      done({ ms, code, maxRssKb: maxRssKb ?? NaN, cpuMs: cpuMs ?? NaN, stdout, outputs })
    })
  )
}

/**
 * The environments the start-up ratio is measured in, the same for every command compared:
 * - `machine`: this machine's environment as a shell here has it (what the issue's reference
 *   figures were taken in: `node -e 0` about 65 ms), without any runner or input variable;
 * - `minimal`: PATH and HOME only. Variables such as NODE_EXTRA_CA_CERTS make every Node start
 *   slower (it reads and parses a CA bundle), which shrinks the ratio; this one shows it without.
 */
type BaseEnv = 'machine' | 'minimal'

function baseEnv(kind: BaseEnv): Record<string, string> {
  const env: Record<string, string> = {}
  if (kind === 'machine') {
    for (const [name, value] of Object.entries(process.env)) {
      if (value === undefined || /^(INPUT_|GITHUB_|RUNNER_|MI_SMOKE_|FAKE_AZ_)/.test(name)) continue
      if (/^(npm_|NODE_OPTIONS$|INIT_CWD$)/.test(name)) continue // set by `npm run`, not the machine
      // Never a proxy: the bench talks to the emulator on loopback only, and directly.
      if (/^(https?_proxy|all_proxy|no_proxy)$/i.test(name)) continue
      env[name] = value
    }
  }
  env['PATH'] = process.env['PATH'] ?? '/usr/bin:/bin'
  if (process.env['HOME']) env['HOME'] = process.env['HOME']
  return env
}

/** The environment of one action run: a runner's files and the inputs. */
function actionEnv(
  inputs: Record<string, string>,
  extra: Record<string, string> = {},
  base: BaseEnv = 'minimal'
) {
  const dir = mkdtempSync(join(tmpdir(), 'mi-smoke-bench-'))
  const env: Record<string, string> = {
    ...baseEnv(base),
    HOME: process.env['HOME'] ?? dir,
    RUNNER_TEMP: dir,
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    ...extra
  }
  writeFileSync(env['GITHUB_OUTPUT'] as string, '')
  writeFileSync(env['GITHUB_STEP_SUMMARY'] as string, '')
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  return { env, rssFile: join(dir, 'rss') }
}

/** One run of the built action; with `measureRss`, a preload records its peak RSS (off for timing). */
async function runActionTimed(
  inputs: Record<string, string>,
  extra: Record<string, string> = {},
  measureRss = false,
  base: BaseEnv = 'minimal'
): Promise<Timed> {
  const { env, rssFile } = actionEnv(inputs, { ...extra }, base)
  if (!measureRss) return timeCommand(process.execPath, [ACTION_ENTRY], env)
  env['MI_SMOKE_BENCH_RSS_FILE'] = rssFile
  return timeCommand(process.execPath, ['--require', RSS_PRELOAD, ACTION_ENTRY], env, rssFile)
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

const rows: Array<[string, string, string, string]> = []
function record(what: string, figure: string, target: string, met: boolean | undefined): void {
  rows.push([what, figure, target, met === undefined ? '' : met ? 'met' : 'NOT MET'])
  console.log(
    `  ${what}: ${figure}  (target ${target}${met === undefined ? '' : met ? ': met' : ': NOT MET'})`
  )
}

function armCheck(emulator: Emulator): string {
  return `${emulator.apiUrl}/subscriptions/{subscriptionId}/resourcegroups?api-version=2021-04-01 resource=https://management.azure.com/`
}

interface StartupSamples {
  action: number[]
  /** The command line: `mi-smoke local` (the same checks) and `mi-smoke --version`. */
  cli: number[]
  cliVersion: number[]
  bare: number[]
  floor: number[]
  curl: number[]
  rss: number[]
}

/** `repeats` interleaved samples of the action, `node -e 0`, the node:http floor and the curls. */
async function sampleStartup(
  emulator: Emulator,
  base: BaseEnv,
  repeats: number,
  hasCurl: boolean
): Promise<StartupSamples> {
  const inputs = { targets: 'local', 'imds-endpoint': emulator.imdsUrl, checks: armCheck(emulator) }
  const samples: StartupSamples = {
    action: [],
    cli: [],
    cliVersion: [],
    bare: [],
    floor: [],
    curl: [],
    rss: []
  }
  const cliArgs = [
    CLI_ENTRY,
    'local',
    '--imds-endpoint',
    emulator.imdsUrl,
    '--check',
    armCheck(emulator)
  ]
  const env = {
    ...baseEnv(base),
    IMDS: emulator.imdsUrl,
    API: emulator.apiUrl,
    SUB: emulator.subscriptionId
  }
  const curlScript = [
    'set -e',
    `curl -sf -H "Metadata: true" "$IMDS/metadata/instance?api-version=2021-02-01" >/dev/null`,
    `TOKEN=$(curl -sf -H "Metadata: true" "$IMDS/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fmanagement.azure.com%2F" | sed -n 's/.*"access_token":"\\([^"]*\\)".*/\\1/p')`,
    `curl -sf -H "Authorization: Bearer $TOKEN" "$API/subscriptions/$SUB/resourcegroups?api-version=2021-04-01" >/dev/null`
  ].join('\n')
  // Warm the file cache once so the first sample is not an outlier of disk reads.
  await runActionTimed(inputs, {}, false, base)
  await timeCommand(process.execPath, cliArgs, env)
  for (let i = 0; i < repeats; i++) {
    const run = await runActionTimed(inputs, {}, false, base)
    if (run.outputs['result'] !== 'pass') throw new Error(`local pass did not pass: ${run.stdout}`)
    samples.action.push(run.ms)
    samples.rss.push((await runActionTimed(inputs, {}, true, base)).maxRssKb)
    samples.bare.push((await timeCommand(process.execPath, ['-e', '0'], env)).ms)
    const cliRun = await timeCommand(process.execPath, cliArgs, env)
    if (cliRun.code !== 0) throw new Error(`mi-smoke local did not pass: ${cliRun.stdout}`)
    samples.cli.push(cliRun.ms)
    samples.cliVersion.push((await timeCommand(process.execPath, [CLI_ENTRY, '--version'], env)).ms)
    const floorRun = await timeCommand(process.execPath, [FLOOR_SCRIPT], env)
    if (floorRun.code !== 0)
      throw new Error('the node:http floor script failed against the emulator')
    samples.floor.push(floorRun.ms)
    if (hasCurl) {
      const curlRun = await timeCommand('sh', ['-c', curlScript], env)
      if (curlRun.code !== 0)
        throw new Error('the runbook curl commands failed against the emulator')
      samples.curl.push(curlRun.ms)
    }
  }
  return samples
}

async function benchLocalPass(emulator: Emulator, repeats: number): Promise<void> {
  console.log('\n1-3. full local pass (healthy emulator, instance + token + one ARM call)')
  emulator.setScenario('healthy')
  const hasCurl = spawnSync('sh', ['-c', 'command -v curl']).status === 0
  const machine = await sampleStartup(emulator, 'machine', repeats, hasCurl)
  const minimal = await sampleStartup(emulator, 'minimal', repeats, hasCurl)
  const extra = Object.keys(baseEnv('machine')).filter(name => /^NODE_/.test(name))
  for (const [label, samples] of [
    [`this machine's environment${extra.length ? ` (${extra.join(', ')} set)` : ''}`, machine],
    ['a minimal environment (PATH, HOME)', minimal]
  ] as const) {
    console.log(
      `  ${label}, medians of ${repeats}: action ${median(samples.action).toFixed(1)} ms, ` +
        `mi-smoke local ${median(samples.cli).toFixed(1)} ms, mi-smoke --version ${median(samples.cliVersion).toFixed(1)} ms, ` +
        `node -e 0 ${median(samples.bare).toFixed(1)} ms, ` +
        `the three requests alone with node:http ${median(samples.floor).toFixed(1)} ms` +
        (hasCurl ? `, three curls ${median(samples.curl).toFixed(1)} ms` : '')
    )
  }
  const ratio = (samples: StartupSamples): number => median(samples.action) / median(samples.bare)
  record('local pass / node -e 0', `${ratio(machine).toFixed(2)}x`, '≤ 2.0', ratio(machine) <= 2.0)
  record(
    'local pass / node -e 0, minimal environment',
    `${ratio(minimal).toFixed(2)}x`,
    '≤ 2.0 (the same target, Node started without the machine variables)',
    ratio(minimal) <= 2.0
  )
  const cliRatio = (samples: StartupSamples, of: 'cli' | 'cliVersion'): number =>
    median(samples[of]) / median(samples.bare)
  record(
    'CLI: mi-smoke local / node -e 0 (machine, minimal)',
    `${cliRatio(machine, 'cli').toFixed(2)}x, ${cliRatio(minimal, 'cli').toFixed(2)}x`,
    "≤ 2.0 (the action's target)",
    cliRatio(machine, 'cli') <= 2.0
  )
  record(
    'CLI: mi-smoke --version / node -e 0 (machine, minimal)',
    `${cliRatio(machine, 'cliVersion').toFixed(2)}x, ${cliRatio(minimal, 'cliVersion').toFixed(2)}x`,
    'reported (start-up alone: the bundle loaded, nothing probed)',
    undefined
  )
  record(
    'floor: three node:http requests / node -e 0 (machine, minimal)',
    `${(median(machine.floor) / median(machine.bare)).toFixed(2)}x, ` +
      `${(median(minimal.floor) / median(minimal.bare)).toFixed(2)}x`,
    'reported (what any Node probe pays)',
    undefined
  )
  if (hasCurl) {
    record(
      'local pass / runbook curls',
      `${(median(machine.action) / median(machine.curl)).toFixed(2)}x`,
      'reported',
      undefined
    )
  } else {
    record('local pass / runbook curls', 'curl not installed', 'reported', undefined)
  }
  const peakMb = Math.max(...machine.rss, ...minimal.rss) / 1024
  record('peak memory, local pass', `${peakMb.toFixed(1)} MB`, '< 80 MB', peakMb < 80)
}

async function benchHungImds(emulator: Emulator, repeats: number): Promise<void> {
  console.log('\n4. IMDS accepts the connection but never answers')
  emulator.setScenario('imds-hang')
  const timeoutMs = 2000
  const samples: number[] = []
  for (let i = 0; i < repeats; i++) {
    const run = await runActionTimed({
      targets: 'local',
      'imds-endpoint': emulator.imdsUrl,
      checks: armCheck(emulator),
      timeout: `${timeoutMs}ms`
    })
    if (run.outputs['failure-mode'] !== 'platform-unreachable') {
      throw new Error(`hung IMDS gave ${run.outputs['failure-mode']}`)
    }
    samples.push(run.ms)
  }
  const ratio = median(samples) / timeoutMs
  record(
    'verdict time / timeout (hung IMDS, timeout 2s)',
    `${ratio.toFixed(3)}`,
    '≤ 1.2',
    ratio <= 1.2
  )
  emulator.setScenario('healthy')
}

interface TreeFigures {
  ms: number
  /** CPU of the whole process tree (the action and every az it started). */
  cpuMs: number
  peakKb: number
  /** Processes started: the action plus each az the fake az logged. */
  processes: number
  result: string
}

/**
 * One run of the built action under scripts/bench-tree.cjs, which measures the action's whole
 * process tree (CPU of every process it waited for, peak of the summed resident memory).
 */
async function runTree(
  inputs: Record<string, string>,
  extra: Record<string, string>,
  azLog: string
): Promise<TreeFigures> {
  const { env } = actionEnv(inputs, extra)
  writeFileSync(azLog, '')
  const started = process.hrtime.bigint()
  const child = spawn(process.execPath, [TREE_SCRIPT, process.execPath, ACTION_ENTRY], {
    env,
    stdio: ['ignore', 'ignore', 'ignore', 'pipe']
  })
  let line = ''
  ;(child.stdio[3] as NodeJS.ReadableStream).on(
    'data',
    (chunk: Buffer) => (line += chunk.toString())
  )
  await new Promise(done => child.on('close', done))
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  const tree = JSON.parse(line) as { cpuMs: number; peakKb: number }
  const azCalls = readFileSync(azLog, 'utf8').split('\n').filter(Boolean).length
  const outputs: Record<string, string> = {}
  const text = readFileSync(env['GITHUB_OUTPUT'] as string, 'utf8')
  for (const match of text.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) {
    outputs[match[1] as string] = match[3] as string
  }
  return {
    ms,
    cpuMs: tree.cpuMs,
    peakKb: tree.peakKb,
    processes: 1 + azCalls,
    result: outputs['result'] ?? ''
  }
}

/** The fleet sizes measured, and the goals of issue #15 (ratio to one target; CPU and memory for 50). */
const FLEET_SIZES = [1, 50, 200] as const
const HOLD_MS = 3000
/** Rounds of run-command a fleet takes at the default `concurrency` (one input default: INPUT_DEFAULTS). */
const DEFAULT_CONCURRENCY = Number(INPUT_DEFAULTS.concurrency)
const rounds = (size: number): number => Math.ceil(size / DEFAULT_CONCURRENCY)
/** Wall time against one target: each round costs one run-command's hold, plus half a round of overhead. */
const ratioGoal = (size: number): number => rounds(size) + 0.5

/**
 * 1, 50 and 200 `vm:` targets through the runner's CLI login (the fake az: `az cloud show` and
 * `az account get-access-token`, once per run) and ARM's REST API, against the emulator's compute
 * endpoints over TLS, which hold each run-command 3 s. On Azure each probe runs on its own VM:
 * here the first run really runs the probe and every later run-command replays its output with
 * its own request's nonce (the fleet setting replayProbe), so only the runner's side runs here.
 * Every run uses the default inputs (no `concurrency`): 50 VMs take one round of run-command,
 * 200 take ⌈200 / 50⌉ = 4 (docs/vm-targets.md, why the default is 50).
 */
async function benchFleet(repeats: number): Promise<void> {
  console.log(
    `\n5. 1, 50 and 200 vm: targets over ARM with default inputs (concurrency ${DEFAULT_CONCURRENCY}; the emulator holds each run-command 3 s), whole process tree`
  )
  const tls = createSelfSignedCertificate()
  const emulator = await startEmulator({ scenario: 'healthy', tls })
  const dir = mkdtempSync(join(tmpdir(), 'mi-smoke-bench-fleet-'))
  const tokenFile = join(dir, 'token.json')
  const azLog = join(dir, 'az.log')
  writeFileSync(tokenFile, JSON.stringify(emulator.compute.cliToken(7200)))
  const env = {
    PATH: `${FAKE_AZ_DIR}:${process.env['PATH'] ?? ''}`,
    FAKE_AZ_ARM_ENDPOINT: emulator.compute.url as string,
    FAKE_AZ_TOKEN_FILE: tokenFile,
    FAKE_AZ_LOG: azLog,
    NODE_EXTRA_CA_CERTS: tls.certPath
  }
  const vmId = (n: number) =>
    `/subscriptions/${emulator.subscriptionId}/resourceGroups/rg-fleet/providers/Microsoft.Compute/virtualMachines/vm-${n}`
  const inputsFor = (size: number) => ({
    targets: Array.from({ length: size }, (_, n) => `vm:${vmId(n)}`).join('\n'),
    'imds-endpoint': emulator.imdsUrl,
    checks: armCheck(emulator)
  })
  try {
    emulator.compute.configure({ runCommandMs: HOLD_MS, replayProbe: true })
    // Warm-up: the real probe runs once and is recorded; the file cache is warm.
    const warm = await runTree(inputsFor(1), env, azLog)
    if (warm.result !== 'pass') throw new Error(`one vm target did not pass (${warm.result})`)
    const figures = new Map<number, TreeFigures[]>()
    for (let i = 0; i < repeats; i++) {
      for (const size of FLEET_SIZES) {
        const run = await runTree(inputsFor(size), env, azLog)
        if (run.result !== 'pass')
          throw new Error(`${size} vm targets did not pass (${run.result})`)
        figures.set(size, [...(figures.get(size) ?? []), run])
      }
    }
    const med = (size: number, pick: (f: TreeFigures) => number): number =>
      median((figures.get(size) ?? []).map(pick))
    const one = med(1, f => f.ms)
    for (const size of FLEET_SIZES) {
      const runs = figures.get(size) ?? []
      console.log(
        `  ${size} target${size === 1 ? '' : 's'}, medians of ${repeats}: wall ${med(size, f => f.ms).toFixed(0)} ms ` +
          `(runs: ${runs.map(f => f.ms.toFixed(0)).join(', ')}), CPU ${(med(size, f => f.cpuMs) / 1000).toFixed(2)} s, ` +
          `peak memory ${(Math.max(...runs.map(f => f.peakKb)) / 1024).toFixed(1)} MB, ` +
          `${Math.max(...runs.map(f => f.processes))} processes started`
      )
    }
    for (const size of [50, 200]) {
      const ratio = med(size, f => f.ms) / one
      record(
        `${size} vm targets / one target, wall time, default inputs`,
        `${ratio.toFixed(2)}x`,
        `≤ ${ratioGoal(size)} (${rounds(size)} round${rounds(size) === 1 ? '' : 's'} of run-command at concurrency ${DEFAULT_CONCURRENCY}; the az path: 10x for 50)`,
        ratio <= ratioGoal(size)
      )
    }
    for (const size of FLEET_SIZES) {
      const cpu = med(size, f => f.cpuMs) / 1000
      const peakMb = Math.max(...(figures.get(size) ?? []).map(f => f.peakKb)) / 1024
      const processes = Math.max(...(figures.get(size) ?? []).map(f => f.processes))
      const goals = size === 50
      record(
        `CPU of the process tree, ${size} targets`,
        `${cpu.toFixed(2)} s`,
        goals ? '≤ 15 s' : 'reported',
        goals ? cpu <= 15 : undefined
      )
      record(
        `peak memory of the process tree, ${size} targets`,
        `${peakMb.toFixed(1)} MB`,
        goals ? '≤ 300 MB' : 'reported',
        goals ? peakMb <= 300 : undefined
      )
      record(
        `processes started, ${size} targets`,
        String(processes),
        'reported (the action and two az calls: cloud show, get-access-token)',
        undefined
      )
    }
    console.log(
      '  (the fake az is a Node script; the real Azure CLI costs about 2.4 s of CPU and 100 MB per call, so ' +
        'with it add about 5 s of CPU and, for a moment, 100 MB: still within the goals for 50)'
    )
  } finally {
    await emulator.close()
    rmSync(dir, { recursive: true, force: true })
    rmSync(tls.directory, { recursive: true, force: true })
  }
}

async function benchRbacPropagation(runs: number): Promise<void> {
  console.log(
    `\n6. RBAC propagation: ${runs} runs, role effective at a random moment in the first 45 s`
  )
  const latencies = await Promise.all(
    Array.from({ length: runs }, async () => {
      const delayMs = Math.round(Math.random() * 45_000)
      const emulator = await startEmulator({ scenario: { roles: 'delayed', roleDelayMs: delayMs } })
      try {
        const effectiveAt = Date.now() + delayMs
        const run = await runActionTimed({
          targets: 'local',
          'imds-endpoint': emulator.imdsUrl,
          checks: armCheck(emulator),
          'rbac-wait': '60s'
        })
        if (run.outputs['result'] !== 'pass')
          throw new Error(`rbac-wait run ended ${run.outputs['result']}`)
        return Date.now() - effectiveAt
      } finally {
        await emulator.close()
      }
    })
  )
  const seconds = latencies.map(ms => ms / 1000)
  console.log(`  seconds from role effective to pass: ${seconds.map(s => s.toFixed(1)).join(', ')}`)
  record(
    'role effective → pass, median',
    `${median(seconds).toFixed(2)} s`,
    '< 5 s',
    median(seconds) < 5
  )
  record(
    'role effective → pass, max',
    `${Math.max(...seconds).toFixed(2)} s`,
    '< 15 s (backoff cap 5 s)',
    Math.max(...seconds) < 15
  )
}

/** One healthy probe run of each VM probe, `repeats` times interleaved; medians. */
async function benchProbes(emulator: Emulator, repeats: number): Promise<void> {
  console.log(
    '\n7. the VM probes on this machine (healthy emulator, instance + token + one ARM call)'
  )
  await emulator.setScenario('healthy')
  const request = (): ProbeRequest => ({
    v: 1,
    nonce: `bench-${Math.random().toString(36).slice(2)}`,
    identity: { kind: 'system' },
    timeoutMs: 5000,
    imdsEndpoint: emulator.imdsUrl,
    checks: [
      {
        url: `${emulator.apiUrl}/subscriptions/{subscriptionId}/resourcegroups?api-version=2021-04-01`,
        resource: 'https://management.azure.com/'
      }
    ]
  })
  const pwsh = findTool('pwsh') !== undefined
  const linux: number[] = []
  const windows: number[] = []
  const bare: number[] = []
  const work = mkdtempSync(join(tmpdir(), 'mi-smoke-bench-probes-'))
  for (let n = 0; n < repeats; n++) {
    let started = Date.now()
    const l = await runLinuxProbe(request(), { shell: SHELLS['dash'] })
    linux.push(Date.now() - started)
    if (l.observations?.apis[0]?.status !== 200)
      throw new Error(`probe.sh did not pass: ${l.stdout}`)
    if (!pwsh) continue
    started = Date.now()
    const w = await runWindowsProbe(request())
    windows.push(Date.now() - started)
    if (w.observations?.apis[0]?.status !== 200)
      throw new Error(`probe.ps1 did not pass: ${w.stdout}`)
    const [exe, ...args] = pwshCommand()
    started = Date.now()
    await runShell([exe!, ...args.slice(0, -1), '-Command', 'exit'], [], windowsEnv(work))
    bare.push(Date.now() - started)
  }
  record(
    'Linux probe (dash, curl), one run',
    `${median(linux).toFixed(0)} ms`,
    'reported',
    undefined
  )
  if (!pwsh) {
    record('Windows probe (pwsh), one run', 'pwsh not installed', 'reported', undefined)
    return
  }
  record('Windows probe (pwsh), one run', `${median(windows).toFixed(0)} ms`, 'reported', undefined)
  record(
    'pwsh start-up alone (-Command exit)',
    `${median(bare).toFixed(0)} ms`,
    'reported',
    undefined
  )
}

/** 1 MiB (or just under) of each kind of adversarial text. */
function hostileInputs(): Array<[string, string]> {
  const mib = 1024 * 1024
  const fill = (unit: string): string => unit.repeat(Math.floor(mib / unit.length))
  const depth = mib / 2
  return [
    ['repeated eyJ', fill('eyJ')],
    ['one base64url run', fill('A')],
    ['dotted eyJ runs', fill('eyJabcdefgh.')],
    ['eyJ with short dots', fill('eyJa.b.')],
    ['deep nesting', '['.repeat(depth) + ']'.repeat(depth)],
    ['repeated "apis":[ and ]}', fill('"apis":[]} ')],
    ['repeated <title', fill('<title')],
    ['repeated "message":"\\', fill('"message":"\\')],
    ['bearer and authorization', fill('Authorization: Bearer x ')],
    ['spaces and newlines', fill(' \n')]
  ]
}

/** Median wall time of `fn` over `repeats` runs, in milliseconds. */
function timeIt(fn: () => unknown, repeats: number): number {
  const times: number[] = []
  for (let i = 0; i < repeats; i++) {
    const started = process.hrtime.bigint()
    fn()
    times.push(Number(process.hrtime.bigint() - started) / 1e6)
  }
  return median(times)
}

async function benchHostileText(repeats: number): Promise<void> {
  console.log('\n8. hostile text: each parser and redactor on 1 MiB of adversarial input')
  const request = {
    nonce: 'bench-nonce-0123456789',
    checks: [{ url: 'https://management.azure.com/x', resource: 'https://management.azure.com/' }]
  }
  const readers: Array<[string, (text: string) => unknown]> = [
    ['redactSecrets', redactSecrets],
    ['containsJwt', containsJwt],
    ['cutBody (probe)', text => cutBody(text)],
    ['excerpt (diagnosis)', text => excerpt(text, 300)],
    ['parseErrorBody', parseErrorBody],
    [
      'readObservations (run-command)',
      text => {
        try {
          return readObservations({ stdout: `MI-SMOKE-OBS/1 ${text}`, stderr: text })
        } catch {
          return undefined
        }
      }
    ],
    [
      'parse + validate answer',
      text => {
        try {
          return validateObservations(parseAnswer(text, 'bench'), { workload: 'bench', request })
        } catch {
          return undefined
        }
      }
    ],
    [
      'validate (1 MiB in a field)',
      text => {
        try {
          return validateObservations(
            {
              v: 1,
              nonce: request.nonce,
              probe: 'x',
              source: 'imds',
              sourceDetail: text,
              tokens: [],
              apis: []
            },
            { workload: 'bench', request }
          )
        } catch {
          return undefined
        }
      }
    ],
    ['parseSecureUrl', text => parseSecureUrl(`https://a.example/${text}`)]
  ]
  for (const [reader, fn] of readers) {
    let worst = 0
    let worstInput = ''
    for (const [name, text] of hostileInputs()) {
      const perMib = timeIt(() => fn(text), repeats) / (text.length / (1024 * 1024))
      if (perMib > worst) {
        worst = perMib
        worstInput = name
      }
    }
    record(
      `${reader}, worst input (${worstInput})`,
      `${worst.toFixed(1)} ms/MiB`,
      '≤ 50 ms/MiB',
      worst <= 50
    )
  }

  // The built action against a smoke endpoint that answers 1 MiB of hostile text.
  const answers: Array<[string, number, string]> = [
    ['200, 1 MiB of eyJ', 200, 'eyJ'.repeat(349_000)],
    ['404, 1 MiB of eyJ', 404, 'eyJ'.repeat(349_000)],
    ['500, 1 MiB of dotted eyJ runs', 500, 'eyJabcdefgh.'.repeat(87_000)]
  ]
  for (const [name, status, body] of answers) {
    const server = createServer((req, res) => {
      req.resume()
      req.on('end', () => {
        res.writeHead(status, { 'content-type': 'application/json' })
        res.end(body)
      })
    })
    await new Promise<void>(done => server.listen(0, '127.0.0.1', done))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/mi-smoke`
    try {
      const times: number[] = []
      for (let i = 0; i < Math.max(1, Math.min(repeats, 3)); i++) {
        const run = await runActionTimed({
          targets: url,
          checks: 'https://management.azure.com/subscriptions?api-version=2022-12-01',
          'endpoint-key': 'bench-endpoint-key-0123456789',
          'imds-endpoint': 'http://127.0.0.1:9'
        })
        times.push(run.ms)
      }
      const ms = median(times)
      record(
        `action verdict on a hostile answer (${name})`,
        `${Math.round(ms)} ms`,
        '≤ 2000 ms',
        ms <= 2000
      )
    } finally {
      await new Promise(done => server.close(done))
    }
  }
}

async function main(): Promise<void> {
  if (!existsSync(ACTION_ENTRY))
    throw new Error(`no built action at ${ACTION_ENTRY}: npm run build`)
  if (!existsSync(CLI_ENTRY))
    throw new Error(`no built command line at ${CLI_ENTRY}: npm run build`)
  const quick = process.argv.includes('--quick')
  const onlyArg = process.argv.find(arg => arg.startsWith('--only='))
  const only = new Set(onlyArg ? onlyArg.slice('--only='.length).split(',') : [])
  const wanted = (part: string): boolean => only.size === 0 || only.has(part)
  console.log(
    `mi-smoke bench on node ${process.version}, ${new Date().toISOString()}${quick ? ' (quick)' : ''}`
  )
  const emulator = await startEmulator({ scenario: 'healthy' })
  try {
    if (wanted('local')) await benchLocalPass(emulator, quick ? 5 : 15)
    if (wanted('hang')) await benchHungImds(emulator, quick ? 1 : 3)
    if (wanted('probes')) await benchProbes(emulator, quick ? 3 : 7)
  } finally {
    await emulator.close()
  }
  if (wanted('fleet')) await benchFleet(quick ? 1 : 3)
  if (wanted('rbac')) await benchRbacPropagation(quick ? 3 : 10)
  if (wanted('hostile')) await benchHostileText(quick ? 1 : 3)
  console.log('\n| measurement | figure | target | |\n| --- | --- | --- | --- |')
  for (const row of rows) console.log(`| ${row.join(' | ')} |`)
}

main().catch(error => {
  console.error(error)
  process.exit(1)
})
