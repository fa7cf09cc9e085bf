/**
 * The two inputs the reusable workflow's sharding uses, outside the contract's own inputs: with
 * `plan-shards` alone the action plans the shards (no probing), with `merge-reports` as well it
 * merges the shards' reports (no probing); with neither it probes, as always. They are read after
 * every other input has been validated, so a plan or a merge refuses exactly what a probe would.
 */
import { hasControlCharacter } from '../../common/control-characters'
import { InputError } from '../../engine/inputs/action-inputs'
import { quoteValue } from '../../engine/inputs/quote-value'
import { MAX_SHARDS } from './split-targets'

/** The sharding inputs of action.yml with their defaults (empty: probe). */
export const SHARD_MODE_INPUT_DEFAULTS = { 'plan-shards': '', 'merge-reports': '' } as const

export type ShardMode =
  | { kind: 'probe' }
  | { kind: 'plan'; shards: number }
  | { kind: 'merge'; shards: number; reportsDir: string }

export function readShardMode(getInput: (name: string) => string): ShardMode {
  const shardsValue = (getInput('plan-shards') ?? '').trim()
  const reportsDir = (getInput('merge-reports') ?? '').trim()
  if (shardsValue === '' && reportsDir === '') return { kind: 'probe' }
  if (shardsValue === '') {
    throw new InputError(
      'merge-reports',
      `${quoteValue(reportsDir)} is set without plan-shards, the number of shards the reports come from`,
      'plan-shards: 4 with merge-reports: ${{ runner.temp }}/mi-smoke-shards'
    )
  }
  const shards = parseShards(shardsValue)
  if (reportsDir === '') return { kind: 'plan', shards }
  if (hasControlCharacter(reportsDir)) {
    throw new InputError(
      'merge-reports',
      `${quoteValue(reportsDir)} holds a control character; give a directory path`,
      '${{ runner.temp }}/mi-smoke-shards'
    )
  }
  return { kind: 'merge', shards, reportsDir }
}

function parseShards(value: string): number {
  const n = /^\d{1,4}$/.test(value) ? Number(value) : NaN
  if (!(n >= 1 && n <= MAX_SHARDS)) {
    throw new InputError(
      'plan-shards',
      `${quoteValue(value)} is not a whole number from 1 to ${MAX_SHARDS} (GitHub runs at most ${MAX_SHARDS} jobs from one matrix)`,
      '4'
    )
  }
  return n
}
