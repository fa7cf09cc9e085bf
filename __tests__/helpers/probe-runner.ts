/**
 * Runs the VM probes the way a VM does and reads their observations line back:
 * vm-probes/linux/probe.sh under a POSIX shell, vm-probes/windows/probe.ps1 under pwsh with the
 * request as a named parameter (`-request <base64>`, as run-command hands a RunPowerShellScript its
 * `--parameters request=...`), each in a clean environment.
 */
import { spawn, execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, realpathSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { OBSERVATIONS_MARKER, type Observations } from '../../src/contracts/observations'
import type { ProbeRequest } from '../../src/contracts/probe-request'
import {
  linuxProbeParameters,
  windowsProbeParameters
} from '../../src/engine/dispatch/vm/probe-parameters'
import { findTool } from './system-tools'

export const REPO = resolve(__dirname, '..', '..')
/** The Linux probe's pieces (sourced by tests of its helpers); the probe is their assembly. */
export const LINUX_PROBE_PIECES = join(REPO, 'vm-probes', 'linux', 'src')
export const LINUX_PROBE = join(REPO, 'vm-probes', 'linux', 'probe.sh')

// eslint-disable-next-line @typescript-eslint/no-require-imports
const linuxProbeBuild = require('../../scripts/linux-probe.cjs') as {
  PIECES: string[]
  assembleLinuxProbe(): string
  writeLinuxProbe(file: string): string
}
/** The pieces in the order the build assembles them. */
export const LINUX_PROBE_ORDER = linuxProbeBuild.PIECES
/** The probe as the build assembles it (the same function writes dist/vm-probes/linux/probe.sh). */
export const assembleLinuxProbe = linuxProbeBuild.assembleLinuxProbe
// Every test runs the pieces as they are now, assembled exactly as the build does.
linuxProbeBuild.writeLinuxProbe(LINUX_PROBE)
export const WINDOWS_PROBE = join(REPO, 'vm-probes', 'windows', 'probe.ps1')
export const FAKE_AZ_DIR = join(REPO, '__tests__', 'fixtures', 'az')
export const SYSTEM_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

/** The shells the probe must run under, as argv prefixes. */
export const SHELLS: Record<string, string[]> = {
  dash: ['dash'],
  bash: ['bash', '--posix'],
  'busybox sh': ['busybox', 'sh']
}

/**
 * The optional system tools (describeWithTools) a run of the probe under `shell` needs: the shell
 * itself unless it is a basic one (sh, bash), and the HTTP clients given.
 */
export function shellTools(shell: string[], ...clients: string[]): string[] {
  const program = shell[0]!
  return [...(program === 'sh' || program === 'bash' ? [] : [program]), ...clients]
}

export interface ProbeRun {
  stdout: string
  stderr: string
  code: number | null
  observations?: Observations
  /** The probe's TMPDIR after the run (it must leave nothing behind). */
  tmpDir: string
}

export function commandPath(name: string): string | undefined {
  try {
    const found = execFileSync('sh', ['-c', 'command -v "$1"', 'sh', name], {
      encoding: 'utf8',
      env: { PATH: `${process.env['PATH'] ?? ''}:${SYSTEM_PATH}` }
    }).trim()
    return found ? realpathSync(found) : undefined
  } catch {
    return undefined
  }
}

/** A directory holding links to only these tools: a VM without curl, without wget... */
export function toolDir(tools: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'mi-smoke-vm-tools-'))
  for (const tool of tools) {
    let target = commandPath(tool)
    if (tool === 'python3' && target) {
      // pyenv shims need pyenv; link the interpreter itself.
      target = execFileSync(target, ['-c', 'import sys; print(sys.executable)'], {
        encoding: 'utf8'
      }).trim()
    }
    if (!target) throw new Error(`tool ${tool} is not installed here`)
    symlinkSync(target, join(dir, tool))
  }
  return dir
}

/** What the probe needs besides an HTTP client. */
export const BASE_TOOLS = [
  'awk',
  'base64',
  'cat',
  'date',
  'grep',
  'mktemp',
  'rm',
  'sleep',
  'tr',
  'mkdir'
]

export function parseObservationsLine(stdout: string): Observations | undefined {
  const line = stdout.split('\n').find(l => l.startsWith(`${OBSERVATIONS_MARKER} `))
  return line ? (JSON.parse(line.slice(OBSERVATIONS_MARKER.length + 1)) as Observations) : undefined
}

export function runShell(
  shell: string[],
  args: string[],
  env: Record<string, string>,
  timeoutMs = 60_000
): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((done, fail) => {
    const child = spawn(shell[0]!, [...shell.slice(1), ...args], { env })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('error', fail)
    child.on('close', code => {
      clearTimeout(timer)
      done({ stdout, stderr, code })
    })
  })
}

export async function runLinuxProbe(
  request: ProbeRequest,
  options: { shell?: string[]; path?: string; env?: Record<string, string> } = {}
): Promise<ProbeRun> {
  const tmpDir = mkdtempSync(join(tmpdir(), 'mi-smoke-vm-tmp-'))
  if (!existsSync(tmpDir)) mkdirSync(tmpDir)
  const result = await runShell(
    options.shell ?? ['sh'],
    [LINUX_PROBE, ...linuxProbeParameters(request)],
    {
      PATH: options.path ?? SYSTEM_PATH,
      TMPDIR: tmpDir,
      HOME: tmpDir,
      ...options.env
    }
  )
  return { ...result, observations: parseObservationsLine(result.stdout), tmpDir }
}

export function claimsOf(segment: string | undefined): Record<string, unknown> {
  return JSON.parse(Buffer.from(segment ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >
}

/**
 * How run-command starts a RunPowerShellScript, with pwsh for powershell.exe: the script as a file,
 * no profile, no prompts, each `name=value` parameter as `-name value`.
 */
export function pwshCommand(): string[] {
  const pwsh = findTool('pwsh')
  if (!pwsh) throw new Error('pwsh is not installed')
  return [pwsh, '-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File']
}

/** `name=value` run-command parameters as PowerShell named parameters. */
export function namedParameters(parameters: string[]): string[] {
  return parameters.flatMap(p => {
    const at = p.indexOf('=')
    return [`-${p.slice(0, at)}`, p.slice(at + 1)]
  })
}

/** The environment a Windows run-command script sees here: nothing of the runner's. */
export function windowsEnv(
  tmpDir: string,
  extra: Record<string, string> = {}
): Record<string, string> {
  return {
    PATH: SYSTEM_PATH,
    HOME: tmpDir,
    TMPDIR: tmpDir,
    // pwsh would otherwise try to write its telemetry and update-check state.
    POWERSHELL_TELEMETRY_OPTOUT: '1',
    POWERSHELL_UPDATECHECK: 'Off',
    DOTNET_CLI_TELEMETRY_OPTOUT: '1',
    ...extra
  }
}

export async function runWindowsProbe(
  request: ProbeRequest,
  options: { env?: Record<string, string>; parameters?: string[] } = {}
): Promise<ProbeRun> {
  const tmpDir = mkdtempSync(join(tmpdir(), 'mi-smoke-win-tmp-'))
  const result = await runShell(
    pwshCommand(),
    [WINDOWS_PROBE, ...namedParameters(options.parameters ?? windowsProbeParameters(request))],
    windowsEnv(tmpDir, options.env),
    120_000
  )
  return { ...result, observations: parseObservationsLine(result.stdout), tmpDir }
}
