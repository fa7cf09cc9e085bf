/**
 * Runs vm-probes/linux/probe.sh the way a VM does (a POSIX shell, a clean environment, the
 * parameters exactly as mi-smoke builds them) and reads its observations line back.
 */
import { spawn, execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, realpathSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { OBSERVATIONS_MARKER, type Observations } from '../../../src/observations'
import type { ProbeRequest } from '../../../src/probe-request'
import { linuxProbeParameters } from '../../../src/dispatch/vm/probe-parameters'

export const REPO = resolve(__dirname, '..', '..', '..')
export const LINUX_PROBE = join(REPO, 'vm-probes', 'linux', 'probe.sh')
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
