/**
 * A target line → the workloads that run its probe. `local` is in the main bundle; `vm:`/`vmss:`
 * (az, run-command) and `https://` (smoke endpoint client) are loaded with `import()` only when a
 * target needs them, which keeps the `local` pass's start-up small (a measured goal).
 */
import type { ActionInputs, Target } from '../inputs/action-inputs'
import { localWorkload } from '../dispatch/local'
import type { Workload } from '../dispatch/workload'

export async function resolveWorkloads(
  target: Target,
  inputs: ActionInputs,
  signal: AbortSignal
): Promise<Workload[]> {
  switch (target.kind) {
    case 'local':
      return [localWorkload(target.line)]
    case 'vm':
    case 'vmss':
      return (await import('../dispatch/vm/index.js')).vmWorkloads(target, inputs, signal)
    case 'https':
      return [(await import('../dispatch/http.js')).httpWorkload(target, inputs)]
  }
}
