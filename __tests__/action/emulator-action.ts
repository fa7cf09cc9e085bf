/**
 * Runs the built action against a running emulator: inputs that point the `local` target's probe
 * at the emulator's IMDS and its checks at the emulator's ARM and Key Vault.
 */
import type { Emulator } from '../../emulator/emulator'
import { everythingWritten, runAction, type ActionRun } from '../helpers/run-action'

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
 * Every byte the run wrote, for leak checks (annotations are part of stdout), except the
 * `::add-mask::` commands: those are how a secret is registered with the runner, which consumes
 * them and shows them nowhere (and masks the value everywhere after).
 */
export function written(run: ActionRun): string {
  return withoutMaskCommands(everythingWritten(run))
}

export function withoutMaskCommands(text: string): string {
  return text
    .split('\n')
    .filter(line => !line.startsWith('::add-mask::'))
    .join('\n')
}

/** The values the run registered as secrets. */
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
