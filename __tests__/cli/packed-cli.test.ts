/**
 * The command line as its users get it: `npm pack packages/cli`, installed from the tarball into a
 * new project in a temporary directory (the registry's packages from the npm cache `npm ci` filled:
 * the tests run with no network but loopback), and its `mi-smoke` bin run against the emulator:
 * a passing `local` target, an `rbac-denied` one (exit 1, the fix on stdout ready to paste), a
 * `vm:` fleet through the emulator's ARM (the fake `az` on PATH), `--json` (stdout is the report
 * alone), `--report` and `--junit` (parsed by Python's XML parser), and bad input (exit 2, nothing
 * dispatched). The emulator's canary (every token's signature) is in no byte the command writes.
 * Slow (npm runs twice), so it belongs to `npm run test:evidence`.
 */
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Emulator } from '../../emulator/emulator'
import { startArmFleet, type ArmFleet } from '../helpers/arm-fleet'
import { ROOT, installPacked } from '../helpers/packed-install'
import { describeWithTools } from '../helpers/system-tools'
import { readInputs } from '../../src/engine/inputs/read-inputs'
import { REPORT_SCHEMA, type Report } from '../../src/contracts/report'
import { childrenNamed, parseXmlFile } from './junit-xml'

jest.setTimeout(240_000)

const PACKAGE = join(ROOT, 'packages', 'cli')

interface CliRun {
  code: number | null
  stdout: string
  stderr: string
  /** The files the run was asked to write, as written (absent: not written). */
  files: Record<string, string>
}

describeWithTools(['curl', 'openssl', 'python3'], 'the packed, installed CLI', () => {
  let fleet: ArmFleet
  let emulator: Emulator
  let work: string
  let bin: string
  let listing: string

  beforeAll(async () => {
    if (!existsSync(join(PACKAGE, 'dist', 'index.js')))
      throw new Error('build first: npm run build (the test packs the built package)')
    fleet = await startArmFleet()
    emulator = fleet.emulator
    work = mkdtempSync(join(tmpdir(), 'mi-smoke-packed-cli-'))
    const { app, tarball } = installPacked(PACKAGE, work, 'ops')
    bin = join(app, 'node_modules', '.bin', 'mi-smoke')
    listing = execFileSync('tar', ['-tzf', tarball.path], { encoding: 'utf8' })
  })

  afterAll(async () => {
    await fleet?.close()
    if (work) rmSync(work, { recursive: true, force: true })
  })

  const armCheck = (): string =>
    `${emulator.apiUrl}/subscriptions/{subscriptionId}/resourcegroups?api-version=2021-04-01 resource=https://management.azure.com/`
  const vm = (name: string): string =>
    `vm:/subscriptions/${emulator.subscriptionId}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/${name}`

  let runs = 0
  /** Runs the installed bin (asynchronously: the emulator answers from this process). */
  function cli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
    const dir = join(work, `run-${++runs}`)
    const files = { report: join(dir, 'report.json'), junit: join(dir, 'junit.xml') }
    execFileSync('mkdir', ['-p', dir])
    const expanded = args.map(arg =>
      arg === '@report' ? files.report : arg === '@junit' ? files.junit : arg
    )
    return new Promise((done, fail) => {
      const child = spawn(bin, expanded, {
        cwd: dir,
        env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: work, ...env },
        stdio: ['ignore', 'pipe', 'pipe']
      })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', chunk => (stdout += String(chunk)))
      child.stderr.on('data', chunk => (stderr += String(chunk)))
      child.on('error', fail)
      child.on('close', code => {
        const written: Record<string, string> = {}
        for (const [name, file] of Object.entries(files))
          if (existsSync(file)) written[name] = readFileSync(file, 'utf8')
        const run = { code, stdout, stderr, files: written }
        // Every byte the command wrote, in every test: no token, not even in part of its signature.
        for (const text of [stdout, stderr, ...Object.values(written)])
          expect(text).not.toContain(emulator.canary)
        done(run)
      })
    })
  }

  test('the tarball holds the bundle, its probes, README and LICENSE; @azure/identity came with it', () => {
    expect(listing).toMatch(/^package\/dist\/index\.js$/m)
    expect(listing).toMatch(/^package\/dist\/vm-probes\/linux\/probe\.sh$/m)
    expect(listing).toMatch(/^package\/dist\/vm-probes\/windows\/probe\.ps1$/m)
    expect(listing).toMatch(/^package\/README\.md$/m)
    expect(listing).toMatch(/^package\/LICENSE$/m)
    expect(listing).not.toMatch(/src\/|\.map$|__tests__/m)
    const app = join(work, 'ops')
    expect(existsSync(join(app, 'node_modules', '@azure', 'identity', 'package.json'))).toBe(true)
    expect(existsSync(join(app, 'node_modules', '@actions'))).toBe(false)
  })

  test('--version and --help', async () => {
    const manifest = JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8')) as {
      version: string
    }
    expect((await cli(['--version'])).stdout).toBe(`${manifest.version}\n`)
    const help = await cli(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('Usage: mi-smoke [TARGET...] [options]')
  })

  test('a passing local target: exit 0, its steps and the verdict', async () => {
    await emulator.setScenario('healthy')
    const run = await cli([
      'local',
      '--imds-endpoint',
      emulator.imdsUrl,
      '--check',
      armCheck(),
      '--timeout',
      '5s'
    ])
    expect(run).toMatchObject({ code: 0, stderr: '' })
    expect(run.stdout).toMatch(/^local: PASS in /m)
    expect(run.stdout).toMatch(/^ {2}PASS token /m)
    expect(run.stdout).toMatch(/^mi-smoke: pass \(1 of 1 targets\)$/m)
    // Not a terminal: no colour, no status line.
    // eslint-disable-next-line no-control-regex -- the control characters are what is checked
    expect(run.stdout).not.toMatch(/\u001b|\r/)
  })

  test('rbac-denied: exit 1, the cause, and the az command alone on a line; --junit and --report hold the same', async () => {
    await emulator.setScenario('role-missing')
    const run = await cli([
      '--imds-endpoint',
      emulator.imdsUrl,
      '--check',
      armCheck(),
      '--timeout',
      '5s',
      '--junit',
      '@junit',
      '--report',
      '@report'
    ])
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/^local: FAIL \(api: rbac-denied\)/m)
    const oid = emulator.identities.system.objectId
    const command = run.stdout
      .split('\n')
      .map(line => line.trim())
      .find(line => line.startsWith('az role assignment create'))
    expect(command).toBe(
      `az role assignment create --assignee-object-id ${oid} --assignee-principal-type ServicePrincipal --role "Reader" --scope "/subscriptions/${emulator.subscriptionId}"`
    )
    expect(run.stdout).toMatch(/^mi-smoke: fail — local · api · rbac-denied$/m)

    const report = JSON.parse(run.files['report']!) as Report
    expect(report).toMatchObject({ schema: REPORT_SCHEMA, result: 'fail' })
    expect(report.targets[0]).toMatchObject({ target: 'local', failureMode: 'rbac-denied' })

    const xml = parseXmlFile(join(work, `run-${runs}`, 'junit.xml'))
    expect(xml.tag).toBe('testsuites')
    expect(xml.attributes).toMatchObject({ tests: '3', failures: '1', skipped: '0' })
    const [suite] = childrenNamed(xml, 'testsuite')
    expect(childrenNamed(xml, 'testsuite')).toHaveLength(1)
    expect(suite!.attributes).toMatchObject({
      name: 'local',
      tests: '3',
      failures: '1',
      skipped: '0'
    })
    const cases = childrenNamed(suite!, 'testcase')
    expect(cases.map(c => c.attributes['name'])).toEqual([
      'imds',
      'token',
      `api ${emulator.apiUrl}/subscriptions/${emulator.subscriptionId}/resourcegroups?api-version=2021-04-01`
    ])
    expect(cases.every(c => c.attributes['classname'] === 'local')).toBe(true)
    const [failure] = childrenNamed(cases[2]!, 'failure')
    expect(failure!.attributes['type']).toBe('rbac-denied')
    expect(failure!.attributes['message']).toMatch(/^rbac-denied: GET .* has no role allowing/)
    expect(failure!.text).toContain('http status: 403')
    expect(failure!.text).toContain(`rbac principal: ${oid}`)
    expect(failure!.text).toContain(
      `fix: Grant principal ${oid} the role "Reader" on /subscriptions/${emulator.subscriptionId}: ${command}`
    )
    for (const passed of cases.slice(0, 2)) expect(passed.children).toEqual([])
  })

  test('--json: stdout is the report alone (schema mi-smoke/v1); the progress goes to stderr', async () => {
    await emulator.setScenario('healthy')
    const run = await cli([
      'local',
      '--json',
      '--imds-endpoint',
      emulator.imdsUrl,
      '--check',
      armCheck()
    ])
    expect(run.code).toBe(0)
    const report = JSON.parse(run.stdout) as Report
    expect(report).toMatchObject({ schema: 'mi-smoke/v1', result: 'pass' })
    expect(report.targets.map(t => t.steps.map(s => `${s.step}:${s.status}`))).toEqual([
      ['imds:pass', 'token:pass', 'api:pass']
    ])
    expect(run.stderr).toMatch(/^local: PASS in /m)
  })

  test('a vm: fleet through the emulated ARM: two VMs pass, a missing one fails at dispatch; JUnit has a suite each', async () => {
    await emulator.setScenario('healthy')
    emulator.compute.reset()
    emulator.compute.configure({ missingVms: ['gone'] })
    const run = await cli(
      [
        vm('web-1'),
        vm('web-2'),
        vm('gone'),
        '--imds-endpoint',
        emulator.imdsUrl,
        '--check',
        armCheck(),
        '--timeout',
        '20s',
        '--json',
        '--junit',
        '@junit'
      ],
      fleet.env()
    )
    expect(run.code).toBe(1)
    const report = JSON.parse(run.stdout) as Report
    expect(report.targets.map(t => [t.target, t.result, t.failureMode ?? ''])).toEqual([
      [vm('web-1'), 'pass', ''],
      [vm('web-2'), 'pass', ''],
      [vm('gone'), 'fail', 'dispatch-failed']
    ])
    expect(emulator.compute.runCommands.length).toBe(2)
    const suites = childrenNamed(parseXmlFile(join(work, `run-${runs}`, 'junit.xml')), 'testsuite')
    expect(suites.map(s => [s.attributes['name'], s.attributes['failures']])).toEqual([
      [vm('web-1'), '0'],
      [vm('web-2'), '0'],
      [vm('gone'), '1']
    ])
    const gone = childrenNamed(suites[2]!, 'testcase')
    expect(gone[0]!.attributes['name']).toBe('dispatch')
    expect(childrenNamed(gone[0]!, 'failure')[0]!.attributes['type']).toBe('dispatch-failed')
  })

  test("bad input: exit 2, the action's own explanation, nothing dispatched, no file written", async () => {
    emulator.clearRequests()
    emulator.compute.reset()
    const azCalls = (): string => (existsSync(fleet.azLog) ? readFileSync(fleet.azLog, 'utf8') : '')
    const azBefore = azCalls()
    const run = await cli(
      [
        vm('web-1'),
        '--imds-endpoint',
        emulator.imdsUrl,
        '--timeout',
        '5x',
        '--fail-on',
        'warn',
        '--junit',
        '@junit',
        '--report',
        '@report'
      ],
      fleet.env()
    )
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    // The same words the action gives for the same values.
    let expected = ''
    try {
      readInputs(
        name =>
          ({
            targets: vm('web-1'),
            'imds-endpoint': emulator.imdsUrl,
            timeout: '5x',
            'fail-on': 'warn'
          })[name] ?? ''
      )
    } catch (error) {
      expected = (error as Error).message
    }
    expect(expected).toMatch(/^2 inputs are invalid:/)
    expect(run.stderr).toContain(`mi-smoke: ${expected}\n`)
    expect(run.stderr).toContain('(did you mean warning?)')
    expect(run.files).toEqual({})
    expect(emulator.requests).toEqual([])
    expect(emulator.compute.runCommands).toEqual([])
    expect(azCalls()).toBe(azBefore)

    const unknown = await cli(['--imds-endpont', emulator.imdsUrl])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('unknown option --imds-endpont; did you mean --imds-endpoint?')
    expect(emulator.requests).toEqual([])
  })
})
