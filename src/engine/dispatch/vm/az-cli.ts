/**
 * Finds the Azure CLI on PATH and runs it. `@actions/io` and `@actions/exec` are loaded here only,
 * when a vm:/vmss: target needs them: the `local` target never pays their start-up cost.
 */
import { DispatchError } from '../workload'
import { azCallError, azCliBrokenError, isAzCliCrash } from './az-errors'
import type { AzureCallContext } from './azure-errors'
import { maskedTail } from './mask'

// `import()`: the bundle loads each as its own chunk on first use (both are ES modules only).
function loadIo(): Promise<typeof import('@actions/io')> {
  return import('@actions/io')
}

function loadExec(): Promise<typeof import('@actions/exec')> {
  return import('@actions/exec')
}

export interface AzResult {
  exitCode: number
  stdout: string
  stderr: string
}

/** Runs az with these arguments; never rejects for a non-zero exit code. */
export type AzRunner = (args: string[], signal?: AbortSignal) => Promise<AzResult>

/** The path of `az` on PATH, or a `DispatchError` that says how to get it. */
export async function findAz(): Promise<string> {
  const io = await loadIo()
  const path = await io.which('az', false)
  if (!path) {
    throw new DispatchError(
      'the Azure CLI (az) is not installed on the runner',
      'Use a runner image with the Azure CLI (GitHub-hosted ubuntu/windows images have it) or install it, then run azure/login before this step',
      `PATH=${process.env['PATH'] ?? ''}`
    )
  }
  return path
}

/** An `AzRunner` backed by `@actions/exec`, silent: az's output is ours to parse, not the log's. */
export function execAzRunner(azPath: string): AzRunner {
  return async (args, signal) => {
    const { getExecOutput } = await loadExec()
    const run = getExecOutput(azPath, args, {
      silent: true,
      ignoreReturnCode: true,
      env: process.env as Record<string, string>
    }).catch((error: Error) => {
      throw new DispatchError(
        `the Azure CLI (az) could not be started: ${error.message}`,
        'Check that az on PATH runs (az version); reinstall the Azure CLI if it does not'
      )
    })
    if (!signal) return run
    // @actions/exec cannot kill its child: on abort we stop waiting; the orchestrator's deadline
    // reports the target and the child ends with the job.
    return new Promise<AzResult>((resolve, reject) => {
      const onAbort = (): void =>
        reject(
          new DispatchError(
            `az ${args.slice(0, 3).join(' ')} did not finish before the deadline`,
            'Raise the timeout, or check the VM agent (run-command can take minutes on a busy VM)'
          )
        )
      if (signal.aborted) return onAbort()
      signal.addEventListener('abort', onAbort, { once: true })
      run.then(
        result => {
          signal.removeEventListener('abort', onAbort)
          resolve(result)
        },
        error => {
          signal.removeEventListener('abort', onAbort)
          reject(error)
        }
      )
    })
  }
}

/** The version `az version` reports (`azure-cli`), or undefined when it cannot say. */
export async function azCliVersion(
  az: AzRunner,
  signal?: AbortSignal
): Promise<string | undefined> {
  try {
    const result = await az(['version', '-o', 'json'], signal)
    if (result.exitCode !== 0) return undefined
    const version = (JSON.parse(result.stdout) as Record<string, unknown>)['azure-cli']
    return typeof version === 'string' && /^[0-9][0-9A-Za-z.+-]{0,40}$/.test(version)
      ? version
      : undefined
  } catch {
    return undefined
  }
}

/**
 * The DispatchError for a failed az call. A crash of the CLI itself costs one more call
 * (`az version`), so that the report names the broken version.
 */
export async function azFailure(
  az: AzRunner,
  result: AzResult,
  context: AzureCallContext,
  signal?: AbortSignal
): Promise<DispatchError> {
  if (isAzCliCrash(result.stderr)) {
    return azCliBrokenError(result.stderr, context, await azCliVersion(az, signal))
  }
  return azCallError(result.exitCode, result.stderr, context)
}

/** Runs az with `-o json` and parses its stdout; a failing call becomes a classified DispatchError. */
export async function azJson<T>(
  az: AzRunner,
  args: string[],
  context: AzureCallContext,
  signal?: AbortSignal
): Promise<T> {
  const result = await az([...args, '--only-show-errors', '-o', 'json'], signal)
  if (result.exitCode !== 0) throw await azFailure(az, result, context, signal)
  try {
    return JSON.parse(result.stdout) as T
  } catch {
    throw new DispatchError(
      `az printed something that is not JSON while trying to ${context.doing}`,
      'Run the same az command by hand; update the Azure CLI if it is old',
      maskedTail(result.stdout, 400)
    )
  }
}
