/**
 * The command line's `run(argv, env, streams)` in process, against the emulator and a hostile
 * loopback app: exit codes and the gate (`--fail-on`), mistakes on the command line (the nearest
 * option, the key refused as an option), the action's own words for bad inputs, colour and the
 * status line only on a terminal (never with NO_COLOR or --no-color), text from an app neutralised
 * against CI log commands in every line and in `--json` (with the same value once parsed), and the
 * smoke endpoint's key (from MI_SMOKE_ENDPOINT_KEY) in no output. The app's part runs the built
 * bundle (packages/cli/dist, `npm run build`): an `https://` target loads its dispatch with a dynamic
 * import, which jest's module system does not run. The packed, installed CLI is tested in
 * packed-cli.test.ts.
 */
import { INPUT_DEFAULTS } from '../../src/engine/inputs/read-inputs'
import { spawn } from 'node:child_process'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator, type Emulator } from '../../emulator/emulator'
import { run } from '../../packages/cli/src/main'
import { readInputs } from '../../src/engine/inputs/read-inputs'
import { forgetSecretTexts } from '../../src/common/redact'
import type { Report } from '../../src/contracts/report'

const KEY = 'cli-endpoint-key-3f9a1c7e5b'
/** What a compromised or confused app answers: CI commands for two runners, and the key echoed. */
const HOSTILE_BODY = (key: string): string =>
  [
    'boom ##vso[task.setvariable variable=pwned]1',
    '::error::forged by the app',
    '  ::add-mask::x',
    'tail ##[error]forged',
    `echo ${key}`
  ].join('\r\n')

let emulator: Emulator
let hostile: Server
let work: string

beforeAll(async () => {
  emulator = await startEmulator()
  hostile = createServer((req, res) => {
    res.writeHead(500, { 'content-type': 'text/plain' })
    res.end(HOSTILE_BODY(String(req.headers['x-mi-smoke-key'] ?? '')))
  })
  await new Promise<void>(done => hostile.listen(0, '127.0.0.1', done))
  work = mkdtempSync(join(tmpdir(), 'mi-smoke-cli-run-'))
})
afterAll(async () => {
  await emulator.close()
  await new Promise(done => hostile.close(done))
  rmSync(work, { recursive: true, force: true })
  forgetSecretTexts()
})

interface Captured {
  code: number
  stdout: string
  stderr: string
}

async function cli(
  argv: string[],
  env: NodeJS.ProcessEnv = {},
  tty: { stdout?: boolean; stderr?: boolean } = {}
): Promise<Captured> {
  let stdout = ''
  let stderr = ''
  const code = await run(argv, env, {
    stdout: { write: text => (stdout += text), isTTY: tty.stdout ?? false },
    stderr: { write: text => (stderr += text), isTTY: tty.stderr ?? false }
  })
  for (const text of [stdout, stderr]) expect(text).not.toContain(emulator.canary)
  return { code, stdout, stderr }
}

const local = (): string[] => [
  '--imds-endpoint',
  emulator.imdsUrl,
  '--check',
  `${emulator.apiUrl}/subscriptions/{subscriptionId}/resourcegroups?api-version=2021-04-01 resource=https://management.azure.com/`,
  '--timeout',
  '5s'
]
const BUNDLE = join(__dirname, '..', '..', 'packages', 'cli', 'dist', 'index.js')

/** The built command, run asynchronously (the emulator and the app answer from this process). */
function bundled(argv: string[], env: Record<string, string>): Promise<Captured> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BUNDLE, ...argv], {
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', ...env },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', chunk => (stdout += String(chunk)))
    child.stderr.on('data', chunk => (stderr += String(chunk)))
    child.on('error', fail)
    child.on('close', code => done({ code: code ?? -1, stdout, stderr }))
  })
}

const hostileTarget = (): string =>
  `http://127.0.0.1:${(hostile.address() as AddressInfo).port}/mi-smoke`

/** No line a CI runner would take for a command: GitHub's and Azure Pipelines'. */
function expectNoCiCommand(text: string): void {
  for (const line of text.split(/\r\n|\r|\n/)) {
    expect(line).not.toMatch(/^\s*::/)
    expect(line).not.toMatch(/##\[|##vso\[/i)
  }
}

describe('exit codes and the gate', () => {
  test('pass: 0; rbac-denied: 1; --fail-on never: 0 with the reason', async () => {
    await emulator.setScenario('healthy')
    expect((await cli(local())).code).toBe(0)
    await emulator.setScenario('role-missing')
    const failed = await cli(local())
    expect(failed.code).toBe(1)
    expect(failed.stdout).toMatch(/^ {6}az role assignment create --assignee-object-id /m)
    // The fix names this command's option, not the action's input (one diagnosis, two wordings).
    expect(failed.stdout).toMatch(/ set --rbac-wait \d+m /)
    expect(failed.stdout).not.toMatch(/(?<!-)\b(?:rbac|ready)-wait\b/)
    const json = await cli([...local(), '--json'])
    const remediations = (JSON.parse(json.stdout) as Report).targets.flatMap(t =>
      t.steps.map(step => step.remediation ?? '')
    )
    // The report keeps the input's name, as the action writes it.
    expect(remediations.join('\n')).toMatch(/ set rbac-wait: \d+m /)
    const never = await cli([...local(), '--fail-on', 'never'])
    expect(never.code).toBe(0)
    expect(never.stdout).toContain(
      "mi-smoke: fail — local · api · rbac-denied; the job goes on because fail-on is 'never'"
    )
  })

  test('a warning (token expiring within 5 minutes): 0 by default, 1 with --fail-on warning; JUnit follows the gate', async () => {
    await emulator.setScenario({ tokenLifetimeSeconds: 120 })
    const junit = join(work, 'warn.xml')
    const lenient = await cli([...local(), '--junit', junit])
    expect(lenient.code).toBe(0)
    expect(lenient.stdout).toMatch(/^local: WARN \(token: /m)
    expect(readFileSync(junit, 'utf8')).toMatch(/failures="0"[\s\S]*<system-out>WARN local · token/)
    const strict = await cli([...local(), '--fail-on', 'warning', '--junit', junit])
    expect(strict.code).toBe(1)
    expect(strict.stdout).toMatch(/^mi-smoke: warn — local · token · /m)
    expect(readFileSync(junit, 'utf8')).toMatch(/<testsuites [^>]*failures="1"/)
  })
})

describe('mistakes on the command line: exit 2, nothing probed', () => {
  test.each([
    [['--identiy', 'system'], 'unknown option --identiy; did you mean --identity?'],
    [['--checks', 'x'], 'unknown option --checks; did you mean --check?'],
    [['--fail-on=warning', '--timout', '5s'], 'unknown option --timout; did you mean --timeout?'],
    [['-h'], 'unknown option -h; did you mean --help?'],
    [['-x'], 'unknown option -x; the options are --identity, --check,'],
    [['--endpoint-key', 'k'], 'read only from the environment variable MI_SMOKE_ENDPOINT_KEY'],
    [['--targets', 'local'], 'give the targets as arguments'],
    [['--timeout', '5s', '--timeout', '6s'], '--timeout is given 2 times; give it once'],
    [['--json=yes'], '--json=yes: --json takes no value'],
    [['--timeout'], '--timeout needs a value'],
    [
      ['--junit', join(tmpdir(), 'no-such-folder-mi-smoke', 'j.xml')],
      'does not exist; create it first'
    ]
  ])('%j', async (argv, message) => {
    emulator.clearRequests()
    const result = await cli(argv)
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain(message)
    expect(result.stderr).toContain('nothing was probed')
    expect(emulator.requests).toEqual([])
  })

  test("bad inputs are explained in the action's own words (every problem at once)", async () => {
    const given = {
      identity: 'client-id:abc',
      concurrency: '0',
      'rbac-wait': '2h',
      targets: 'local\nvm:web-1',
      checks: 'https://management.azure.com/ resource=https://management.azure.com/'
    }
    let expected = ''
    try {
      readInputs(name => (given as Record<string, string>)[name] ?? '')
    } catch (error) {
      expected = (error as Error).message
    }
    expect(expected).toMatch(/^\d inputs are invalid:/)
    const result = await cli([
      'local',
      'vm:web-1',
      '--identity',
      given.identity,
      '--concurrency',
      given.concurrency,
      '--rbac-wait',
      given['rbac-wait'],
      '--check',
      given.checks
    ])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      `mi-smoke: ${expected}\nmi-smoke: nothing was probed. Run mi-smoke --help for the options.\n`
    )
  })
})

describe('a terminal, a pipe, NO_COLOR', () => {
  test('on a terminal: colours and a status line; NO_COLOR and --no-color drop the colours only', async () => {
    await emulator.setScenario('healthy')
    const tty = await cli(local(), {}, { stdout: true })
    expect(tty.stdout).toContain('\u001b[32mPASS\u001b[0m')
    expect(tty.stdout).toContain('\r\u001b[2K')
    expect(tty.stdout).toMatch(/0 of 1 target done, probing/)
    for (const [argv, env] of [
      [[], { NO_COLOR: '1' }],
      [['--no-color'], {}]
    ] as const) {
      const plain = await cli([...local(), ...argv], env, { stdout: true })
      // eslint-disable-next-line no-control-regex -- the control characters are what is checked
      expect(plain.stdout).not.toMatch(/\u001b\[\d+m/)
      expect(plain.stdout).toContain('\r\u001b[2K')
    }
  })

  test('not a terminal: plain final lines only', async () => {
    await emulator.setScenario('healthy')
    const piped = await cli(local())
    // eslint-disable-next-line no-control-regex -- the control characters are what is checked
    expect(piped.stdout).not.toMatch(/\u001b|\r/)
    expect(piped.stdout.split('\n')[0]).toBe(
      `mi-smoke: probing 1 target (concurrency ${INPUT_DEFAULTS.concurrency}, timeout 5 s)`
    )
  })
})

describe('text from an app', () => {
  test('no CI command in any line, the key in no output, and --json parses to the text as sent', async () => {
    const report = join(work, 'hostile.json')
    const junit = join(work, 'hostile.xml')
    const env = { MI_SMOKE_ENDPOINT_KEY: KEY }
    const human = await bundled([hostileTarget(), '--timeout', '2s', '--ready-wait', '0'], env)
    expect(human.code).toBe(1)
    expect(human.stdout).toContain('## vso[task.setvariable variable=pwned]1')
    expectNoCiCommand(human.stdout)
    expectNoCiCommand(human.stderr)

    const json = await bundled(
      [
        hostileTarget(),
        '--timeout',
        '2s',
        '--ready-wait',
        '0',
        '--json',
        '--report',
        report,
        '--junit',
        junit
      ],
      env
    )
    expectNoCiCommand(json.stdout)
    expectNoCiCommand(json.stderr)
    const parsed = JSON.parse(json.stdout) as Report
    expect(parsed.targets[0]!.steps[0]!.detail).toContain('##vso[task.setvariable variable=pwned]1')
    expect(JSON.parse(readFileSync(report, 'utf8'))).toEqual(parsed)
    for (const text of [
      human.stdout,
      human.stderr,
      json.stdout,
      json.stderr,
      readFileSync(report, 'utf8'),
      readFileSync(junit, 'utf8')
    ]) {
      expect(text).not.toContain(KEY)
    }
  })
})

describe('start-up (measured by npm run bench; the evidence here is what Node loads)', () => {
  /** Runs the built command with a preload that writes `process.moduleLoadList` at exit. */
  async function modulesLoaded(argv: string[]): Promise<{ run: Captured; modules: string[] }> {
    const preload = join(work, 'record-modules.cjs')
    const list = join(work, `modules-${argv.length}.txt`)
    writeFileSync(
      preload,
      `process.on('exit', () => require('fs').writeFileSync(process.env.MODULE_LIST, process.moduleLoadList.join('\\n')))\n`
    )
    const run = await bundled(argv, { NODE_OPTIONS: `--require ${preload}`, MODULE_LIST: list })
    return { run, modules: readFileSync(list, 'utf8').split('\n') }
  }

  // (node:net is loaded for stdout itself when it is a pipe.)
  test('--version loads no http, tls, crypto or child_process: the engine is loaded only for a run', async () => {
    const { run, modules } = await modulesLoaded(['--version'])
    expect(run.code).toBe(0)
    expect(
      modules.filter(name => /^NativeModule (https?|tls|crypto|child_process)$/.test(name))
    ).toEqual([])
  })

  test('a local pass over http loads node:http but neither node:crypto, node:https nor node:tls', async () => {
    await emulator.setScenario('healthy')
    const { run, modules } = await modulesLoaded(local())
    expect(run.code).toBe(0)
    expect(modules).toContain('NativeModule http')
    expect(modules.filter(name => /^NativeModule (https|tls|crypto)$/.test(name))).toEqual([])
  })
})
