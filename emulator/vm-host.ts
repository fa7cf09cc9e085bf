/**
 * The "VM" of the emulated run-command: runs the script a run-command carries FOR REAL on this
 * machine, the way the VM agent would, against whatever IMDS the probe request names (the
 * emulator on loopback in tests). Nothing here talks to Azure.
 *
 * - RunShellScript: the script under a POSIX shell (`sh`, or another one for tests), in a clean
 *   environment and a fresh temporary directory. Parameters named `argN` (the names azure-cli
 *   gives positional ones) are the script's positional parameters in order; other names are
 *   environment variables, as the Linux agent does with named parameters.
 * - RunPowerShellScript: the script under PowerShell (`pwsh`) when it is installed, with every
 *   parameter as `-name value`, as the Windows agent invokes it. Without pwsh, the request the
 *   Windows probe would have read (`request=<base64 JSON>`) is handed to the Linux probe instead,
 *   so that the Windows answer shape is still produced from a real probe run.
 * - The output is what run-command keeps: the last 4,096 bytes of each stream
 *   (learn.microsoft.com/azure/virtual-machines/linux/run-command, "Restrictions").
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const OUTPUT_LIMIT = 4096

export interface ProbeRun {
  stdout: string
  stderr: string
  code: number | null
}

export interface VmHostSettings {
  /** Shell for RunShellScript, as an argv prefix (default `sh`). */
  shell: string[]
  /** PATH inside the "VM" (e.g. a directory without curl). */
  path?: string
  /** Extra environment variables on the "VM" (test aids). */
  env: Record<string, string>
  /** Run Windows scripts with the Linux probe even when pwsh is installed. */
  noPwsh?: boolean
  /**
   * How a Linux agent hands positional parameters to RunShellScript: as arguments (default); only
   * as the environment variables arg1, arg2, ... (some agents do: Azure/azure-cli#10400, #9596); or
   * in neither way.
   */
  parameterStyle?: ParameterStyle
}

export type ParameterStyle = 'arguments' | 'environment' | 'dropped'

const SYSTEM_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
const LINUX_PROBE = resolve(__dirname, '..', 'vm-probes', 'linux', 'probe.sh')

let pwshPath: string | null | undefined

/** pwsh on PATH or as a .NET global tool, or null. */
export function findPwsh(): string | null {
  if (pwshPath !== undefined) return pwshPath
  const candidates = [join(homedir(), '.dotnet', 'tools', 'pwsh')]
  const found = spawnSync('sh', ['-c', 'command -v pwsh'], { encoding: 'utf8' }).stdout.trim()
  if (found) candidates.unshift(found)
  pwshPath = candidates.find(candidate => existsSync(candidate)) ?? null
  return pwshPath
}

/** The last OUTPUT_LIMIT bytes, as run-command keeps them. */
export function lastBytes(text: string): string {
  const bytes = Buffer.from(text, 'utf8')
  return bytes.length > OUTPUT_LIMIT
    ? bytes.subarray(bytes.length - OUTPUT_LIMIT).toString('utf8')
    : text
}

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string
): Promise<ProbeRun> {
  return new Promise(done => {
    const child = spawn(command, args, { env, cwd })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    // run-command's own limit is 90 minutes; a test run never needs more than two.
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000)
    child.on('error', error => {
      clearTimeout(timer)
      done({ stdout, stderr: `${stderr}${error.message}\n`, code: 127 })
    })
    child.on('close', code => {
      clearTimeout(timer)
      done({ stdout, stderr, code })
    })
  })
}

function unpadded(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64').replace(/=+$/, '')
}

/** The Windows probe's `request=<base64 JSON>` → the Linux probe's positional parameters. */
export function linuxParametersFromWindows(
  parameters: Array<{ name: string; value: string }>
): string[] {
  const request = parameters.find(p => p.name === 'request')
  if (!request) return ['0']
  const wire = JSON.parse(Buffer.from(request.value, 'base64').toString('utf8')) as {
    nonce: string
    timeoutMs: number
    imdsEndpoint: string
    identityKind: string
    identityValue: string
    checks: Array<{ url: string; resource: string }>
  }
  const values = [
    wire.nonce,
    String(wire.timeoutMs),
    wire.imdsEndpoint,
    wire.identityKind,
    wire.identityValue,
    ...wire.checks.flatMap(c => [c.url, c.resource])
  ]
  return ['1', ...values.map(v => `v${unpadded(v)}`)]
}

/** Runs one run-command's script on this machine as a VM would, and returns its raw streams. */
export async function runOnVm(
  commandId: string,
  script: string,
  parameters: Array<{ name: string; value: string }>,
  settings: VmHostSettings
): Promise<ProbeRun> {
  const dir = mkdtempSync(join(tmpdir(), 'mi-smoke-vm-'))
  try {
    const env: NodeJS.ProcessEnv = {
      PATH: settings.path ?? SYSTEM_PATH,
      HOME: dir,
      TMPDIR: dir,
      ...settings.env
    }
    if (commandId === 'RunPowerShellScript') {
      const pwsh = settings.noPwsh ? null : findPwsh()
      if (pwsh) {
        const file = join(dir, 'script.ps1')
        writeFileSync(file, script)
        const args = parameters.flatMap(p => [`-${p.name}`, p.value])
        return await run(
          pwsh,
          ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', file, ...args],
          { ...env, PATH: `${env.PATH}:${SYSTEM_PATH}` },
          dir
        )
      }
      const file = join(dir, 'script.sh')
      writeFileSync(file, readFileSync(LINUX_PROBE, 'utf8'), { mode: 0o700 })
      return await run(
        settings.shell[0] ?? 'sh',
        [...settings.shell.slice(1), file, ...linuxParametersFromWindows(parameters)],
        env,
        dir
      )
    }
    const positional: string[] = []
    for (const p of parameters) {
      if (/^arg\d+$/.test(p.name)) positional.push(p.value)
      else env[p.name] = p.value
    }
    if (settings.parameterStyle === 'environment') {
      positional.forEach((value, n) => (env[`arg${n + 1}`] = value))
    }
    if (settings.parameterStyle === 'environment' || settings.parameterStyle === 'dropped') {
      positional.length = 0
    }
    const file = join(dir, 'script.sh')
    writeFileSync(file, script, { mode: 0o700 })
    return await run(
      settings.shell[0] ?? 'sh',
      [...settings.shell.slice(1), file, ...positional],
      env,
      dir
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
