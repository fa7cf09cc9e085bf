import { spawn, spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'
import { rmSync } from 'node:fs'
import { parseArgs, rehearsalLines } from '../../emulator/cli'
import { startEmulator } from '../../emulator/emulator'
import { recordedAnswers } from '../../emulator/recorded'
import { rehearsalOf } from '../../emulator/rehearsal'
import { createSelfSignedCertificate } from '../../emulator/tls'
import { parseSetting, resolveScenario, SCENARIO_NAMES } from '../../emulator/scenarios'
import { describeWithTools } from '../helpers/system-tools'
import { call } from './http'

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
      help: false
    })
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

describeWithTools(['openssl', 'curl'], 'npm run emulator -- --fleet', () => {
  it('prints a vm:/vmss: rehearsal that runs the built action through the emulated ARM: pass', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--fleet'], {
      cwd: ROOT,
      env: cliEnv
    })
    let stdout = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    try {
      const deadline = Date.now() + 20_000
      while (!stdout.includes('Ctrl-C to stop') && Date.now() < deadline)
        await new Promise(r => setTimeout(r, 50))
      expect(stdout).toMatch(/ARM \(compute\)\s+https:\/\/127\.0\.0\.1:\d+\//)
      const block = stdout.slice(stdout.indexOf('Rehearse vm:'))
      const command = block.slice(
        block.indexOf('  touch'),
        block.indexOf('node dist/index.js') + 18
      )
      const run = spawnSync('bash', ['-c', command], { cwd: ROOT, env: cliEnv, encoding: 'utf8' })
      expect(run.stdout).toContain('mi-smoke: pass (3 of 3 targets)')
      expect(run.status).toBe(0)
      const canary = /Canary\s+(\S+)/.exec(stdout)?.[1] ?? ''
      expect(canary).not.toBe('')
      expect(run.stdout + run.stderr).not.toContain(canary)
    } finally {
      child.kill('SIGINT')
    }
    expect(await new Promise(r => child.on('close', r))).toBe(0)
  })
})

describe('--rehearse: every recorded answer of the field corpus can be rehearsed by hand', () => {
  it('accepts the corpus names and nothing else', () => {
    const names = recordedAnswers().map(entry => entry.name)
    for (const name of names) expect(parseArgs(['--rehearse', name]).rehearse).toBe(name)
    expect(() => parseArgs(['--rehearse', 'no-such-answer'])).toThrow(/no recorded answer/)
  })

  it('prints, for each, the environment and the check that meet it', async () => {
    const tls = createSelfSignedCertificate()
    const emulator = await startEmulator({ tls })
    try {
      for (const entry of recordedAnswers()) {
        const text = rehearsalLines(emulator, entry.name).join('\n')
        const rehearsal = rehearsalOf(entry, emulator)
        expect(text).toContain(`INPUT_CHECKS=${rehearsal.check}`)
        for (const [key, value] of Object.entries(rehearsal.env))
          expect(text).toContain(`'${key}=${value}'`)
        expect(text).toContain(`${entry.expect.step}, ${entry.expect.failureMode}`)
      }
    } finally {
      await emulator.close()
      rmSync(tls.directory, { recursive: true, force: true })
    }
  })
})
