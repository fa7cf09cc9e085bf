/**
 * The action's outputs by name: the contract's outputs and the counts for fleets, as `action.yml`
 * declares them. `shards` is the reusable workflow's plumbing (set only by the shard planner), so it
 * is not among the outputs every run sets.
 */
export const OUTPUT_NAMES = [
  'result',
  'failed-step',
  'failure-mode',
  'principal-id',
  'client-id',
  'tenant-id',
  'expires-on',
  'report',
  'report-path',
  /** JSON array of the target lines whose result is `fail` (`[]` when none). */
  'failed-targets',
  /** Counts, as decimal strings: targets probed, and of each verdict. */
  'targets',
  'passed',
  'warned',
  'failed'
] as const

export type OutputName = (typeof OUTPUT_NAMES)[number]

/** Every output's value, as set: `''` means unknown or not applicable. */
export type ActionOutputs = Record<OutputName, string>

/** The shard planner's output (the reusable workflow's matrix), beside the contract's. */
export const SHARD_OUTPUT_NAME = 'shards'
