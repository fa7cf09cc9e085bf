/**
 * The fan-out: every target's workloads run concurrently, at most `concurrency` at a time (each
 * instance of a `vmss:` target counts on its own), each with its own deadline, so one slow or
 * failing target never delays or hides the others. Reports come back in the order of `targets`
 * (a scale set's instances in the order its resolver gave them).
 */
import type { Target } from '../inputs/action-inputs'
import type { Workload } from '../dispatch/workload'
import type { TargetReport } from '../../contracts/report'
import { withDeadline } from '../../common/deadline'
import { TaskPool } from '../../common/task-pool'

export interface FanOutOptions {
  targets: Target[]
  concurrency: number
  /** A target line → the workloads behind it (may throw, e.g. a `DispatchError` from `az`). */
  resolve(target: Target, signal: AbortSignal): Promise<Workload[]>
  resolveBudgetMs(target: Target): number
  /** A target whose workloads could not be listed → its report. Never throws. */
  resolutionFailed(target: Target, error: unknown): TargetReport
  /** One workload → its final report. Never throws. */
  runWorkload(workload: Workload, target: Target): Promise<TargetReport>
  /** Each report as soon as it is final (for the per-target log). */
  onReport?(report: TargetReport): void
}

export interface FanOutResult {
  reports: TargetReport[]
  /** Most workloads probed at once. */
  peakConcurrency: number
}

export async function runTargets(options: FanOutOptions): Promise<FanOutResult> {
  const pool = new TaskPool(Math.max(1, options.concurrency))
  const done = (report: TargetReport): TargetReport => {
    options.onReport?.(report)
    return report
  }

  const perTarget = options.targets.map(async target => {
    let workloads: Workload[]
    try {
      workloads = await pool.run(() =>
        withDeadline(options.resolveBudgetMs(target), signal => options.resolve(target, signal))
      )
      if (workloads.length === 0) throw new Error(`no workload found behind '${target.line}'`)
    } catch (error) {
      return [done(options.resolutionFailed(target, error))]
    }
    return Promise.all(
      workloads.map(workload =>
        pool.run(async () => done(await options.runWorkload(workload, target)))
      )
    )
  })

  const reports = (await Promise.all(perTarget)).flat()
  return { reports, peakConcurrency: pool.peak }
}
