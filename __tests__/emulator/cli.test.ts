import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs, SIDECAR_ENTRY } from '../../emulator/cli'
import { DEFAULT_CONFLICT_RETRY } from '../../src/engine/dispatch/vm/arm/compute'
import { parseSetting, resolveScenario, SCENARIO_NAMES } from '../../emulator/scenarios'
import { describeWithTools } from '../helpers/system-tools'
import { call } from '../helpers/emulator-http'

const ROOT = resolve(__dirname, '..', '..')
const CLI = join(ROOT, 'emulator', 'cli.ts')
const cliEnv = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: process.env['HOME'] ?? '/tmp' }

describe('scenario settings', () => {
  it('every named scenario resolves', () => {
    for (const name of SCENARIO_NAMES) expect(resolveScenario(name).name).toBe(name)
  })

  it('partial settings merge over healthy or over a named preset', () => {
    expect(resolveScenario({ goneForMs: 5 })).toMatchObject({
      name: 'custom',
      tokenFault: 'none',
      goneForMs: 5
    })
    expect(resolveScenario({ name: 'imds-gone', goneForMs: 5 })).toMatchObject({
      name: 'imds-gone',
      tokenFault: 'gone',
      goneForMs: 5
    })
  })

  it('parses --set values by the setting type', () => {
    expect(parseSetting('goneForMs=5000')).toEqual(['goneForMs', 5000])
    expect(parseSetting('systemAssigned=false')).toEqual(['systemAssigned', false])
    expect(parseSetting('userAssigned=1')).toEqual(['userAssigned', [1]])
    expect(parseSetting('roles=none')).toEqual(['roles', 'none'])
    expect(() => parseSetting('goneForMs=soon')).toThrow(/expects a number/)
    expect(() => parseSetting('nope=1')).toThrow(/unknown scenario setting 'nope'/)
    expect(() => parseSetting('goneForMs')).toThrow(/key=value/)
  })
})

describe('CLI flags', () => {
  it('parses scenario, sets and port', () => {
    expect(
      parseArgs(['--scenario', 'imds-gone', '--set', 'goneForMs=100', '--port=40100'])
    ).toEqual({
      scenario: 'imds-gone',
      settings: { goneForMs: 100 },
      port: 40100,
      fleet: false,
      fleetFaults: {},
      help: false
    })
  })

  it('every failure of the compute stand-in has a flag, and each implies --fleet', () => {
    expect(
      parseArgs([
        '--vm-missing',
        'web-1',
        '--vm-missing=web-2',
        '--vm-deallocated',
        'web-3',
        '--vm-stopped',
        '*',
        '--run-command-busy',
        '3',
        '--throttle=4',
        '--throttle-retry-after',
        '2',
        '--run-command-denied'
      ])
    ).toMatchObject({
      fleet: true,
      fleetFaults: {
        missingVms: ['web-1', 'web-2'],
        deallocatedVms: ['web-3'],
        stoppedVms: ['*'],
        conflicts: 3,
        throttles: 4,
        throttleRetryAfterS: 2,
        runCommandDenied: true
      }
    })
    expect(parseArgs(['--run-command-denied']).fleet).toBe(true)
    expect(() => parseArgs(['--throttle', 'lots'])).toThrow(/--throttle expects a whole number/)
    expect(() => parseArgs(['--vm-missing'])).toThrow(/--vm-missing needs a value/)
  })

  it('--help documents every compute failure flag', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', CLI, '--help'], {
      cwd: ROOT,
      env: cliEnv,
      encoding: 'utf8'
    })
    for (const flag of [
      '--vm-missing',
      '--vm-deallocated',
      '--vm-stopped',
      '--run-command-busy',
      '--throttle',
      '--throttle-retry-after',
      '--run-command-denied'
    ]) {
      expect(run.stdout).toContain(`  ${flag} `)
    }
  })

  it.each([
    [['--scenario', 'nope'], /unknown scenario 'nope'; choose one of: healthy/],
    [['--scenario'], /--scenario needs a value/],
    [['--port', '99999'], /--port expects a port number/],
    [['--bogus'], /unknown option '--bogus'/]
  ])('refuses %j', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(message)
  })

  it('exits 2 with a clear message on a bad flag', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', CLI, '--scenario', 'nope'], {
      cwd: ROOT,
      env: cliEnv,
      encoding: 'utf8'
    })
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/emulator: unknown scenario 'nope'/)
  })

  it('--help prints usage and exits 0', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', CLI, '--help'], {
      cwd: ROOT,
      env: cliEnv,
      encoding: 'utf8'
    })
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/Usage: npm run emulator -- \[--scenario NAME\]/)
  })
})

describe('npm run emulator', () => {
  it('prints URLs, canary and a ready-to-paste run; serves the scenario; stops on Ctrl-C', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--scenario', 'role-missing'], {
      cwd: ROOT,
      env: cliEnv
    })
    let stdout = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    try {
      const deadline = Date.now() + 20_000
      while (!stdout.includes('Ctrl-C to stop') && Date.now() < deadline)
        await new Promise(r => setTimeout(r, 50))
      expect(stdout).toMatch(/scenario: role-missing/)
      const control = /Control\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1]
      const imds = /IMDS\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1]
      const canary = /Canary\s+(\S+)/.exec(stdout)?.[1]
      expect(control && imds && canary).toBeTruthy()
      expect(stdout).toContain(`'INPUT_IMDS-ENDPOINT=${imds}'`)
      expect(stdout).toMatch(/resource=https:\/\/management\.azure\.com\//)
      // The one setting that points the smoke endpoint at this emulator, ready to paste.
      const api = /ARM, Key Vault\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1]
      expect(stdout).toContain(`MI_SMOKE_REHEARSAL='imds=${imds} api=${api}'`)
      const scenario = await call(`${control}/scenario`)
      expect(scenario.json.roles).toBe('none')
      await call(`${control}/scenario`, { method: 'POST', body: '"imds-gone"' })
      const deadline2 = Date.now() + 5000
      while (!stdout.includes('scenario is now imds-gone') && Date.now() < deadline2)
        await new Promise(r => setTimeout(r, 50))
      expect(stdout).toContain('scenario is now imds-gone')
    } finally {
      child.kill('SIGINT')
    }
    const code = await new Promise(r => child.on('close', r))
    expect(code).toBe(0)
  })
})

/**
 * The banner's ready-to-paste runs, cut out of its text: each block from `touch` to
 * `node dist/index.js`, and the sidecar's start line. The files GitHub provides (`/tmp/...`) are
 * moved into a folder of the test's own, so parallel runs and other users of /tmp never meet.
 */
function bannerRuns(stdout: string): { runs: string[]; sidecar: string } {
  const runs: string[] = []
  let from = stdout.indexOf('  touch /tmp/mi-smoke-output')
  while (from >= 0) {
    const end = stdout.indexOf('node dist/index.js', from) + 'node dist/index.js'.length
    runs.push(stdout.slice(from, end))
    from = stdout.indexOf('  touch /tmp/mi-smoke-output', end)
  }
  const start = stdout.indexOf('  MI_SMOKE_KEY=')
  const sidecar = stdout.slice(start, stdout.indexOf(SIDECAR_ENTRY, start) + SIDECAR_ENTRY.length)
  return { runs, sidecar }
}

/** The banner's run with the files GitHub provides in `dir` instead of /tmp. */
function inFolder(command: string, dir: string): string {
  return command
    .replaceAll('/tmp/mi-smoke-output', `${dir}/mi-smoke-output`)
    .replaceAll('/tmp/mi-smoke-summary', `${dir}/mi-smoke-summary`)
    .replace('RUNNER_TEMP=/tmp ', `RUNNER_TEMP=${dir} `)
}

/** The fleet run on its vm: target alone (one VM is enough to meet a fault). */
function vmOnly(command: string): string {
  return command.replace(/'INPUT_TARGETS=vm:([^\n]+)\nvmss:[^']+'/, "'INPUT_TARGETS=vm:$1'")
}

async function waitFor(read: () => string, text: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!read().includes(text) && Date.now() < deadline) await new Promise(r => setTimeout(r, 50))
  expect(read()).toContain(text)
}

describeWithTools(['openssl', 'curl'], 'npm run emulator -- --fleet', () => {
  const dirs: string[] = []
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  })

  it('prints a run for every target kind (local, App Service, the sidecar, vm:/vmss:) and each passes as pasted', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--fleet'], {
      cwd: ROOT,
      env: cliEnv
    })
    let stdout = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    let sidecar: ReturnType<typeof spawn> | undefined
    try {
      await waitFor(() => stdout, 'Ctrl-C to stop')
      expect(stdout).toMatch(/ARM \(compute\)\s+https:\/\/127\.0\.0\.1:\d+\//)
      const canary = /Canary\s+(\S+)/.exec(stdout)?.[1] ?? ''
      expect(canary).not.toBe('')
      const { runs, sidecar: sidecarLine } = bannerRuns(stdout)
      // local (IMDS), App Service, the sidecar's endpoint, the fleet: in the banner's order.
      expect(runs).toHaveLength(4)
      expect(runs[1]).toContain('WEBSITE_OWNER_NAME=')
      expect(runs[2]).toMatch(/INPUT_TARGETS=http:\/\/127\.0\.0\.1:\d+\/mi-smoke/)
      expect(runs[3]).toContain('INPUT_TARGETS=vm:')
      const dir = mkdtempSync(join(tmpdir(), 'mi-smoke-banner-'))
      dirs.push(dir)
      let sidecarOut = ''
      // Its own process group, so that stopping it stops the node it starts and nothing else.
      sidecar = spawn('bash', ['-c', sidecarLine.trim()], {
        cwd: ROOT,
        env: cliEnv,
        detached: true
      })
      sidecar.stdout?.on('data', (chunk: Buffer) => (sidecarOut += chunk.toString()))
      sidecar.stderr?.on('data', (chunk: Buffer) => (sidecarOut += chunk.toString()))
      await waitFor(() => sidecarOut, 'listening on 127.0.0.1')
      // The sidecar says it rehearses, and against what.
      expect(sidecarOut).toMatch(/rehearsal mode/)
      const expected = [
        'pass (1 of 1 targets)',
        'pass (1 of 1 targets)',
        'pass (1 of 1 targets)',
        'pass (3 of 3 targets)'
      ]
      for (const [index, command] of runs.entries()) {
        const run = spawnSync('bash', ['-c', inFolder(command, dir)], {
          cwd: ROOT,
          env: cliEnv,
          encoding: 'utf8'
        })
        expect([index, run.stdout]).toEqual([
          index,
          expect.stringContaining(`mi-smoke: ${expected[index]}`)
        ])
        expect(run.status).toBe(0)
        expect(run.stdout + run.stderr).not.toContain(canary)
      }
      expect(sidecarOut).not.toContain(canary)
    } finally {
      if (sidecar?.pid !== undefined) process.kill(-sidecar.pid, 'SIGTERM')
      child.kill('SIGINT')
    }
    expect(await new Promise(r => child.on('close', r))).toBe(0)
  })

  it.each([
    [['--vm-missing', 'web-1'], /ResourceNotFound|not found/i],
    [['--vm-deallocated', 'web-1'], /deallocated/i],
    [['--vm-stopped', 'web-1'], /stopped/i],
    [['--run-command-denied'], /AuthorizationFailed|runCommand\/action/],
    [['--throttle', '1000', '--throttle-retry-after', '0'], /throttl/i]
  ])(
    '%j: the banner names the fault and its vm: run meets it',
    async (flags, failure) => {
      const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...flags], {
        cwd: ROOT,
        env: cliEnv
      })
      let stdout = ''
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
      try {
        await waitFor(() => stdout, 'Ctrl-C to stop')
        expect(stdout).toContain(`Compute faults  ${flags[0]}`)
        const dir = mkdtempSync(join(tmpdir(), 'mi-smoke-banner-'))
        dirs.push(dir)
        const fleetRun = bannerRuns(stdout).runs[3] ?? ''
        // One VM is enough to meet the fault.
        const command = inFolder(vmOnly(fleetRun), dir)
        const run = spawnSync('bash', ['-c', command], {
          cwd: ROOT,
          env: cliEnv,
          encoding: 'utf8',
          timeout: 150_000
        })
        expect(run.stdout).toContain('mi-smoke: fail')
        expect(run.stdout).toMatch(/dispatch-failed/)
        expect(run.stdout).toMatch(failure)
      } finally {
        child.kill('SIGINT')
      }
      expect(await new Promise(r => child.on('close', r))).toBe(0)
    },
    180_000
  )

  it('--run-command-busy 1: the vm: run meets a 409 "in progress", waits it out and passes', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--run-command-busy', '1'], {
      cwd: ROOT,
      env: cliEnv
    })
    let stdout = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    try {
      await waitFor(() => stdout, 'Ctrl-C to stop')
      expect(stdout).toContain('Compute faults  --run-command-busy 1')
      const dir = mkdtempSync(join(tmpdir(), 'mi-smoke-banner-'))
      dirs.push(dir)
      const command = inFolder(vmOnly(bannerRuns(stdout).runs[3] ?? ''), dir)
      const started = Date.now()
      const run = spawnSync('bash', ['-c', command], { cwd: ROOT, env: cliEnv, encoding: 'utf8' })
      expect(run.stdout).toContain('mi-smoke: pass (1 of 1 targets)')
      // The first retry of a busy VM waits 2 s (DEFAULT_CONFLICT_RETRY.firstDelayMs).
      expect(Date.now() - started).toBeGreaterThanOrEqual(DEFAULT_CONFLICT_RETRY.firstDelayMs)
    } finally {
      child.kill('SIGINT')
    }
    expect(await new Promise(r => child.on('close', r))).toBe(0)
  })
})
