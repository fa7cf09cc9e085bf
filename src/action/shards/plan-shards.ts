/**
 * Plan mode (input `plan-shards`): the reusable workflow's first job. The inputs are validated as
 * for a probe (a bad input fails here, before any shard is started), the target lines are split
 * (split-targets.ts), and output `shards` holds the matrix: a JSON array of
 * `{ "shard": n, "of": count, "targets": "<that shard's lines>" }`. Nothing is probed.
 */
import * as runner from '../runner'
import type { ActionInputs } from '../../engine/inputs/action-inputs'
import { oneLine } from '../../common/format'
import type { OutputSink } from '../outputs'
import { SHARD_OUTPUT_NAME } from '../../contracts/outputs'
import { shardTargetsInput, splitTargets, type Shard } from './split-targets'

export interface ShardEntry {
  shard: number
  of: number
  targets: string
}

export function planShards(
  inputs: ActionInputs,
  shards: number,
  sink: OutputSink & { info(message: string): void } = runner
): ShardEntry[] {
  const plan = splitTargets(inputs.targets, shards)
  const entries = plan.map(shard => ({
    shard: shard.index,
    of: shard.of,
    targets: shardTargetsInput(shard)
  }))
  sink.info(
    `mi-smoke: ${inputs.targets.length} target line${inputs.targets.length === 1 ? '' : 's'} in ${plan.length} shard${plan.length === 1 ? '' : 's'}` +
      (plan.length < shards ? ` (${shards} asked for; a shard has at least one line)` : '')
  )
  for (const shard of plan) sink.info(oneLine(`  ${describeShard(shard)}`))
  sink.setOutput(SHARD_OUTPUT_NAME, JSON.stringify(entries))
  return entries
}

function describeShard(shard: Shard): string {
  const lines = shard.targets.map(target => target.line)
  const span = lines.length === 1 ? lines[0] : `${lines[0]} … ${lines[lines.length - 1]}`
  return `shard ${shard.index} of ${shard.of}: ${lines.length} line${lines.length === 1 ? '' : 's'} (${span})`
}
