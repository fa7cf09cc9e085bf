/**
 * The reusable workflow's shards: the validated target lines cut into at most N runs of
 * consecutive lines, for a matrix of jobs that each probe one run. The cut is a pure function of
 * the lines and N, so the plan job (which sets up the matrix) and the merge job (which must know
 * which lines each shard had, to name the ones whose shard left no report) compute the same one.
 *
 * - Consecutive lines, in input order: the merged report lists the shards' targets one shard after
 *   another, which is then the order of `targets`, as in a run without shards.
 * - Sizes differ by at most one line, the larger shards first; never an empty shard (fewer lines
 *   than N gives one shard a line).
 * - A line is the unit: a `vmss:<id>` line (every instance of the scale set) stays whole in one
 *   shard, which lists and probes its instances. How many instances a scale set has is known only
 *   to Azure, so the cut counts lines, not instances.
 */
import type { Target } from '../../engine/inputs/action-inputs'

/** GitHub runs at most 256 jobs from one matrix. */
export const MAX_SHARDS = 256

export interface Shard {
  /** 1-based. */
  index: number
  /** How many shards the plan has (at most the N asked for). */
  of: number
  targets: Target[]
}

export function splitTargets(targets: Target[], shards: number): Shard[] {
  const count = Math.max(1, Math.min(Math.floor(shards), targets.length))
  const base = Math.floor(targets.length / count)
  const larger = targets.length % count
  const plan: Shard[] = []
  let start = 0
  for (let index = 1; index <= count; index++) {
    const size = base + (index <= larger ? 1 : 0)
    plan.push({ index, of: count, targets: targets.slice(start, start + size) })
    start += size
  }
  return plan
}

/** The `targets` input of one shard's job: its lines as the action reads them back. */
export function shardTargetsInput(shard: Shard): string {
  return shard.targets.map(target => target.line).join('\n')
}
