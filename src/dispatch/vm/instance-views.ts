/**
 * The power state of every `vm:` target of a run from ONE `az vm get-instance-view --ids <id>...`
 * rather than one call per target: the Azure CLI costs about a second of CPU to start, so a fleet
 * of 50 VMs on a 2-core runner would otherwise spend most of its time starting `az`.
 *
 * `vmWorkloads` is called once per target line, each time with the same `inputs`; the batch is
 * keyed on that object (a WeakMap: it goes when the run's inputs go). Given several IDs, az runs
 * one job per ID concurrently and prints the views it could read, in the order they finished: a
 * JSON array, or one object when only one was read. An ID that failed (a missing VM) is only left
 * out, exit code 0; when all failed, az exits 1. So entries are matched to targets by their `id`,
 * case-insensitively, never by position, and whenever the batch has no entry for a target (left
 * out, or az failed: not logged in...), that target makes its own call as before, so its dispatch
 * failure names its own cause precisely.
 */
import type { ActionInputs } from '../../inputs/action-inputs'
import { DispatchError } from '../workload'
import type { AzRunner } from './az-cli'
import { readVmState, vmStateOf, type VmDocument, type VmState } from './power-state'

/**
 * IDs per call, counted in characters: on Windows runners az is `az.cmd`, started through cmd.exe,
 * whose command line stops at 8191 characters. The rest of the line fits in what is left.
 */
const MAX_IDS_CHARS = 6000

/** Per run: lower-cased VM ID → its instance view, or undefined when the batch has none for it. */
type Batch = Map<string, Promise<VmDocument | undefined>>

const batches = new WeakMap<ActionInputs, Batch>()

/** The distinct `vm:` IDs of the run, in target order, cut into chunks that fit a command line. */
export function batchChunks(inputs: Pick<ActionInputs, 'targets'>): string[][] {
  const seen = new Set<string>()
  const chunks: string[][] = []
  let chunk: string[] = []
  let chars = 0
  for (const target of inputs.targets) {
    if (target.kind !== 'vm' || seen.has(target.resourceId.toLowerCase())) continue
    seen.add(target.resourceId.toLowerCase())
    if (chunk.length > 0 && chars + target.resourceId.length + 1 > MAX_IDS_CHARS) {
      chunks.push(chunk)
      chunk = []
      chars = 0
    }
    chunk.push(target.resourceId)
    chars += target.resourceId.length + 1
  }
  if (chunk.length > 0) chunks.push(chunk)
  // A chunk of one gains nothing over the target's own call, and on failure would cost a second.
  return chunks.filter(c => c.length > 1)
}

/** Instance views by lower-cased ID; empty when az failed or printed something else. */
async function lookUp(az: AzRunner, ids: string[]): Promise<Map<string, VmDocument>> {
  const views = new Map<string, VmDocument>()
  try {
    // No signal: the call is shared, and one target's deadline must not cancel it for the others.
    const result = await az([
      'vm',
      'get-instance-view',
      '--ids',
      ...ids,
      '--only-show-errors',
      '-o',
      'json'
    ])
    if (result.exitCode !== 0) return views
    const parsed = JSON.parse(result.stdout) as unknown
    for (const doc of Array.isArray(parsed) ? parsed : [parsed]) {
      const id = (doc as VmDocument | null)?.id
      if (typeof id === 'string') views.set(id.toLowerCase(), doc as VmDocument)
    }
  } catch {
    // Not JSON, or az could not start: every target's own call says what is wrong.
  }
  return views
}

function batchOf(az: AzRunner, inputs: ActionInputs): Batch {
  let batch = batches.get(inputs)
  if (!batch) {
    batch = new Map()
    for (const ids of batchChunks(inputs)) {
      const views = lookUp(az, ids)
      for (const id of ids) {
        const key = id.toLowerCase()
        batch.set(
          key,
          views.then(found => found.get(key))
        )
      }
    }
    batches.set(inputs, batch)
  }
  return batch
}

/** Rejects when `signal` aborts first: the target's deadline still ends its wait for the batch. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void =>
      reject(
        new DispatchError(
          'az vm get-instance-view did not finish before the deadline',
          'Raise the timeout, or run az vm get-instance-view --ids <id> by hand to see why it hangs'
        )
      )
    if (signal.aborted) return onAbort()
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      value => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      error => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      }
    )
  })
}

/**
 * The state of one `vm:` target: its entry of the run's batched call when there is one, otherwise
 * its own `az vm get-instance-view` (whose failure is this target's DispatchError, as before).
 */
export async function vmStateInRun(
  az: AzRunner,
  inputs: ActionInputs,
  resourceId: string,
  signal?: AbortSignal
): Promise<VmState> {
  const entry = batchOf(az, inputs).get(resourceId.toLowerCase())
  const doc = entry ? await untilAborted(entry, signal) : undefined
  return doc ? vmStateOf(doc) : readVmState(az, resourceId, signal)
}
