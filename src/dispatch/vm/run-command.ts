/**
 * Builds and runs `az vm run-command invoke` (or `az vmss run-command invoke` for one scale-set
 * instance) with the probe script and the request as parameters, retrying 409 "Run command
 * extension execution is in progress" with backoff until a deadline.
 */
import type { ProbeRequest } from '../../probe-request'
import { azFailure, type AzRunner } from './az-cli'
import { isRunCommandConflict } from './az-errors'
import { linuxProbeParameters, windowsProbeParameters } from './probe-parameters'
import type { ProbeOs } from './probe-script'
import { parseRunCommandResult, type RunCommandStreams } from './run-command-output'

/** Where run-command runs: a VM by ID, or one instance of a Uniform scale set. */
export type RunCommandTarget =
  | { kind: 'vm'; resourceId: string }
  | {
      kind: 'vmss-instance'
      subscriptionId: string
      resourceGroup: string
      scaleSetName: string
      instanceId: string
      /** The instance's own ID, for messages. */
      resourceId: string
    }

/** The az arguments (without `az`). Every value from the request is in the parameters, as data. */
export function runCommandArgs(
  target: RunCommandTarget,
  os: ProbeOs,
  scriptPath: string,
  request: ProbeRequest
): string[] {
  const where =
    target.kind === 'vm'
      ? ['vm', 'run-command', 'invoke', '--ids', target.resourceId]
      : [
          'vmss',
          'run-command',
          'invoke',
          '--subscription',
          target.subscriptionId,
          '-g',
          target.resourceGroup,
          '-n',
          target.scaleSetName,
          '--instance-id',
          target.instanceId
        ]
  const parameters =
    os === 'windows' ? windowsProbeParameters(request) : linuxProbeParameters(request)
  return [
    ...where,
    '--command-id',
    os === 'windows' ? 'RunPowerShellScript' : 'RunShellScript',
    '--scripts',
    `@${scriptPath}`,
    '--parameters',
    ...parameters,
    '--only-show-errors',
    '-o',
    'json'
  ]
}

export interface ConflictRetry {
  /** Give up retrying a 409 after this long from the first attempt. */
  deadlineMs: number
  /** First wait; doubles up to `maxDelayMs`. */
  firstDelayMs: number
  maxDelayMs: number
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  now?: () => number
}

export const DEFAULT_CONFLICT_RETRY: ConflictRetry = {
  deadlineMs: 120_000,
  firstDelayMs: 2_000,
  maxDelayMs: 15_000
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise(resolve => {
    const timer = setTimeout(done, ms)
    function done(): void {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    signal?.addEventListener('abort', done, { once: true })
  })
}

/** Runs the probe through run-command and returns its streams. Rejects with a DispatchError. */
export async function invokeRunCommand(
  az: AzRunner,
  target: RunCommandTarget,
  os: ProbeOs,
  scriptPath: string,
  request: ProbeRequest,
  signal?: AbortSignal,
  retry: ConflictRetry = DEFAULT_CONFLICT_RETRY
): Promise<RunCommandStreams> {
  const args = runCommandArgs(target, os, scriptPath, request)
  const now = retry.now ?? Date.now
  const wait = retry.sleep ?? sleep
  const started = now()
  let delay = retry.firstDelayMs
  for (let attempt = 1; ; attempt++) {
    const result = await az(args, signal)
    if (result.exitCode === 0) return parseRunCommandResult(result.stdout)
    const context = { doing: 'run the probe with run-command', resourceId: target.resourceId }
    const busy = isRunCommandConflict(result.stderr)
    if (!busy || signal?.aborted || now() - started + delay > retry.deadlineMs) {
      const error = await azFailure(az, result, context, signal)
      if (busy) {
        const waited = Math.round((now() - started) / 1000)
        error.message = `${error.message} (${attempt} attempts over ${waited} s)`
      }
      throw error
    }
    await wait(delay, signal)
    delay = Math.min(delay * 2, retry.maxDelayMs)
  }
}
