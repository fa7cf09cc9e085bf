/**
 * Runs the built action against a running emulator: inputs that point the `local` target's probe
 * at the emulator's IMDS and its checks at the emulator's ARM and Key Vault.
 */
import type { Emulator } from '../../emulator/emulator'
import { everythingWritten, runAction, type ActionRun } from './run-action'

export function armCheck(emulator: Emulator): string {
  return `${emulator.apiUrl}/subscriptions/{subscriptionId}/resourcegroups?api-version=2021-04-01 resource=https://management.azure.com/`
}

export function vaultCheck(emulator: Emulator): string {
  return `${emulator.apiUrl}/secrets?api-version=7.4 resource=https://vault.azure.net`
}

export async function runAgainst(
  emulator: Emulator,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {}
): Promise<ActionRun> {
  return runAction({
    inputs: {
      targets: 'local',
      'imds-endpoint': emulator.imdsUrl,
      checks: armCheck(emulator),
      timeout: '2s',
      ...inputs
    },
    env,
    timeoutMs: 100_000
  })
}

/**
 * Every byte the run wrote, for leak checks (annotations are part of stdout), `::add-mask::`
 * commands included: a token must not reach stdout even as a mask registration.
 */
export function written(run: ActionRun): string {
  return everythingWritten(run)
}

/** The values the run registered as secrets (only ever the endpoint-key input). */
export function maskedValues(run: ActionRun): string[] {
  return run.stdout
    .split('\n')
    .filter(line => line.startsWith('::add-mask::'))
    .map(line => line.slice('::add-mask::'.length))
}

/** A readable account of a run, for failure messages. */
export function explain(run: ActionRun): string {
  return `exit ${run.code}\nstdout:\n${run.stdout}\nstderr:\n${run.stderr}`
}
