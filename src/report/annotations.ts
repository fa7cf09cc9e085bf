/**
 * One annotation per failed or degraded step: `error` for fail, `warning` for warn, titled
 * `<target> · <step>`, the message being the detail and the remediation. The command writer escapes
 * line breaks and `::` sequences, so values from APIs cannot forge workflow commands.
 */
import * as runner from '../runner'
import type { Report, StepStatus, TargetReport } from './report-types'

export interface AnnotationSink {
  error(message: string, properties: { title: string }): void
  warning(message: string, properties: { title: string }): void
}

export interface PlannedAnnotation {
  level: 'error' | 'warning'
  title: string
  message: string
}

/** The annotations a report calls for, in report order. */
export function planAnnotations(report: Report): PlannedAnnotation[] {
  return report.targets.flatMap(targetAnnotations)
}

/**
 * GitHub shows at most 10 error and 10 warning annotations per step. Errors keep one slot free for
 * the gate's own message; when there are more, the last slot says how many were left out.
 */
export const ANNOTATION_LIMITS = { error: 9, warning: 10 } as const

/** The annotations to emit: the plan, cut to the limits with a closing "N more" per level. */
export function limitAnnotations(planned: PlannedAnnotation[]): PlannedAnnotation[] {
  const kept = new Set<PlannedAnnotation>()
  const closing: PlannedAnnotation[] = []
  for (const level of ['error', 'warning'] as const) {
    const ofLevel = planned.filter(a => a.level === level)
    const limit = ANNOTATION_LIMITS[level]
    const shown = ofLevel.length <= limit ? ofLevel : ofLevel.slice(0, limit - 1)
    for (const annotation of shown) kept.add(annotation)
    const left = ofLevel.slice(shown.length)
    if (left.length === 0) continue
    closing.push({
      level,
      title: `mi-smoke · ${left.length} more`,
      message: `${left.length} more ${level === 'error' ? 'failed' : 'degraded'} steps: ${left
        .map(a => a.title)
        .join('; ')}. See the job summary or the report output for each one.`
    })
  }
  // Report order is kept; the "N more" lines close the list.
  return [...planned.filter(a => kept.has(a)), ...closing]
}

export function annotate(report: Report, sink: AnnotationSink = runner): void {
  for (const annotation of limitAnnotations(planAnnotations(report))) {
    sink[annotation.level](annotation.message, { title: annotation.title })
  }
}

function targetAnnotations(target: TargetReport): PlannedAnnotation[] {
  const annotations: PlannedAnnotation[] = []
  for (const step of target.steps) {
    const level = levelOf(step.status)
    if (!level) continue
    annotations.push({
      level,
      title: `${target.target} · ${step.step}`,
      message: message(step.detail, step.failureMode, step.remediation)
    })
  }
  for (const sdk of target.sdk ?? []) {
    const level = levelOf(sdk.status)
    if (!level) continue
    annotations.push({
      level,
      title: `${target.target} · app SDK (${sdk.credential})`,
      message: sdk.detail
    })
  }
  // A target that is not passing must never go unannounced, even if no step carries the status.
  const level = levelOf(target.result)
  if (level && !annotations.some(a => a.level === level)) {
    annotations.push({
      level,
      title: `${target.target} · ${target.failedStep ?? 'result'}`,
      message: message(`target result ${target.result}`, target.failureMode, undefined)
    })
  }
  return annotations
}

function levelOf(status: StepStatus): PlannedAnnotation['level'] | undefined {
  if (status === 'fail') return 'error'
  if (status === 'warn') return 'warning'
  return undefined
}

function message(
  detail: string,
  failureMode: string | undefined,
  remediation: string | undefined
): string {
  const head = failureMode ? `${detail} [${failureMode}]` : detail
  return remediation ? `${head}\nHow to fix: ${remediation}` : head
}
