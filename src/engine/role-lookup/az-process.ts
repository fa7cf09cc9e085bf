/**
 * Runs the runner's Azure CLI for the role lookup. Its own small runner rather than the VM
 * dispatcher's: the lookup needs only `az role ...` and must not depend on how `vm:` targets are
 * dispatched. `@actions/io` / `@actions/exec` (which also runs `az.cmd` on Windows) are loaded only
 * when a lookup runs.
 */
export interface AzOutput {
  exitCode: number
  stdout: string
  stderr: string
}

/** Runs az with these arguments; resolves for any exit code, rejects when az cannot be started. */
export type AzCall = (args: string[], signal?: AbortSignal) => Promise<AzOutput>

/** The runner's az, or undefined when it is not on PATH. */
export async function runnerAz(): Promise<AzCall | undefined> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const io = require('@actions/io') as typeof import('@actions/io')
  const path = await io.which('az', false)
  if (!path) return undefined
  return async (args, signal) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { getExecOutput } = require('@actions/exec') as typeof import('@actions/exec')
    const run = getExecOutput(path, args, {
      silent: true,
      ignoreReturnCode: true,
      env: process.env as Record<string, string>
    })
    if (!signal) return run
    // @actions/exec cannot kill its child: on abort, stop waiting (the child ends with the job).
    return Promise.race([
      run,
      new Promise<never>((_, reject) => {
        const stop = (): void => reject(new Error('az did not answer before the deadline'))
        if (signal.aborted) stop()
        else signal.addEventListener('abort', stop, { once: true })
      })
    ])
  }
}
