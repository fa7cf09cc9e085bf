/**
 * Annotations: one per distinct cause (failure mode and remediation, see causes.ts), worst first,
 * `error` for a failure and `warning` for a degradation, naming how many targets share the cause
 * and which. A cause that eight instances of a scale set share is one annotation, not eight, and
 * a failure is never repeated once per check. The command writer escapes line breaks and `::`
 * sequences, so values from APIs cannot forge workflow commands.
 */
import * as runner from './runner'
import { causesOf, type Cause } from '../engine/report/causes'
import type { Report } from '../contracts/report'
import { shortTargetNames } from '../engine/report/target-name'

export interface AnnotationSink {
  error(message: string, properties: { title: string }): void
  warning(message: string, properties: { title: string }): void
}

export interface PlannedAnnotation {
  level: 'error' | 'warning'
  title: string
  message: string
}

/** Targets named in one annotation; more are counted. */
const TARGETS_NAMED = 10

/** The annotations a report calls for: one per cause, worst first. */
export function planAnnotations(report: Report): PlannedAnnotation[] {
  const names = shortTargetNames(report.targets)
  return causesOf(report.targets).map(cause => causeAnnotation(cause, names))
}

/**
 * GitHub shows at most 10 error and 10 warning annotations per step. Errors keep one slot free for
 * the gate's own message; when there are more causes, the last slot says how many were left out.
 */
export const ANNOTATION_LIMITS = { error: 9, warning: 10 } as const

/** The annotations to emit: the plan, cut to the limits with a closing "N more" per level. */
export function limitAnnotations(planned: PlannedAnnotation[]): PlannedAnnotation[] {
  const kept: PlannedAnnotation[] = []
  for (const level of ['error', 'warning'] as const) {
    const ofLevel = planned.filter(a => a.level === level)
    const limit = ANNOTATION_LIMITS[level]
    if (ofLevel.length <= limit) {
      kept.push(...ofLevel)
      continue
    }
    const shown = ofLevel.slice(0, limit - 1)
    const left = ofLevel.slice(shown.length)
    kept.push(...shown, {
      level,
      title: `mi-smoke · ${left.length} more ${level === 'error' ? 'failures' : 'warnings'}`,
      message: `${left.length} more causes: ${left
        .map(a => a.title)
        .join('; ')}. See the job summary or the report output for each one.`
    })
  }
  return kept
}

export function annotate(report: Report, sink: AnnotationSink = runner): void {
  for (const annotation of limitAnnotations(planAnnotations(report))) {
    sink[annotation.level](annotation.message, { title: annotation.title })
  }
}

function causeAnnotation(cause: Cause, names: Map<string, string>): PlannedAnnotation {
  const count = cause.targets.length
  const shown = cause.targets.slice(0, TARGETS_NAMED).map(t => names.get(t.target) ?? t.target)
  const more = count > TARGETS_NAMED ? `, and ${count - TARGETS_NAMED} more` : ''
  const what = cause.failureMode ?? cause.where
  const title =
    count === 1
      ? `${shown[0]} · ${cause.where}${cause.failureMode ? ` · ${cause.failureMode}` : ''}`
      : `${what} · ${count} targets`
  const lines = [
    count === 1
      ? cause.detail
      : `${count} targets (${shown.join(', ')}${more}) at ${cause.where}: ${cause.detail}`
  ]
  if (cause.remediation) lines.push(`How to fix: ${cause.remediation}`)
  return { level: cause.level === 'fail' ? 'error' : 'warning', title, message: lines.join('\n') }
}
