/**
 * The distinct causes of a run: failed and degraded steps (and the app SDK's cross-check) grouped
 * by failure mode and remediation, each naming the targets it concerns. Annotations and the job
 * summary's "How to fix" both come from here, so one cause is one annotation and one fix, however
 * many checks or targets share it (a scale set shares one remediation; two checks that are denied
 * the same way on one target are one cause there).
 */
import type { FailureMode, StepName, StepStatus, TargetReport } from '../../contracts/report'

export type CauseLevel = 'fail' | 'warn'

/** One failed or degraded thing on one target. */
export interface Finding {
  level: CauseLevel
  /** `imds`, `token`, `api`, `dispatch`, or `app SDK (<credential>)`. */
  where: string
  step?: StepName
  failureMode?: FailureMode
  detail: string
  remediation?: string
}

export interface Cause {
  level: CauseLevel
  failureMode?: FailureMode
  /** Where the first target met it. */
  where: string
  /** The first target's detail (details differ in IDs between targets; the fix does not). */
  detail: string
  remediation?: string
  targets: TargetReport[]
}

function levelOf(status: StepStatus): CauseLevel | undefined {
  return status === 'fail' || status === 'warn' ? status : undefined
}

/** Every failed or degraded step of a target, once per distinct failure mode and remediation. */
export function findingsOf(target: TargetReport): Finding[] {
  const findings: Finding[] = []
  for (const step of target.steps) {
    const level = levelOf(step.status)
    if (!level) continue
    findings.push({
      level,
      where: step.step,
      step: step.step,
      ...(step.failureMode !== undefined ? { failureMode: step.failureMode } : {}),
      detail: step.detail,
      ...(step.remediation !== undefined ? { remediation: step.remediation } : {})
    })
  }
  for (const sdk of target.sdk ?? []) {
    const level = levelOf(sdk.status)
    if (!level) continue
    findings.push({
      level,
      where: `app SDK (${sdk.credential})`,
      failureMode: 'wrong-identity',
      detail: sdk.detail,
      ...(sdk.remediation !== undefined ? { remediation: sdk.remediation } : {})
    })
  }
  // A target that is not passing is never left without a finding, even if no step says why.
  const level = levelOf(target.result)
  if (level && !findings.some(f => f.level === level)) {
    findings.push({
      level,
      where: target.failedStep ?? 'result',
      ...(target.failedStep !== undefined ? { step: target.failedStep } : {}),
      ...(target.failureMode !== undefined ? { failureMode: target.failureMode } : {}),
      detail: `target result ${target.result}`
    })
  }
  const seen = new Set<string>()
  return findings.filter(finding => {
    const key = causeKey(finding)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** The finding that explains a target's verdict: its first one of the target's own level. */
export function leadingFinding(target: TargetReport): Finding | undefined {
  const findings = findingsOf(target)
  const stepFirst = findings.find(
    f =>
      f.level === target.result && target.failedStep !== undefined && f.step === target.failedStep
  )
  return stepFirst ?? findings.find(f => f.level === target.result)
}

/** Same level, failure mode and fix: the same cause. Without a fix, the detail tells causes apart. */
function causeKey(finding: Finding): string {
  return JSON.stringify([
    finding.level,
    finding.failureMode ?? '',
    finding.remediation ?? `detail:${finding.where}:${finding.detail}`
  ])
}

/**
 * The causes of a report, worst first: failures before warnings, then the cause that concerns the
 * most targets, then report order.
 */
export function causesOf(targets: TargetReport[]): Cause[] {
  const byKey = new Map<string, Cause & { order: number }>()
  for (const target of targets) {
    for (const finding of findingsOf(target)) {
      const key = causeKey(finding)
      const cause = byKey.get(key)
      if (cause) {
        if (!cause.targets.includes(target)) cause.targets.push(target)
        continue
      }
      byKey.set(key, {
        level: finding.level,
        ...(finding.failureMode !== undefined ? { failureMode: finding.failureMode } : {}),
        where: finding.where,
        detail: finding.detail,
        ...(finding.remediation !== undefined ? { remediation: finding.remediation } : {}),
        targets: [target],
        order: byKey.size
      })
    }
  }
  return [...byKey.values()]
    .sort(
      (a, b) =>
        (a.level === b.level ? 0 : a.level === 'fail' ? -1 : 1) ||
        b.targets.length - a.targets.length ||
        a.order - b.order
    )
    .map(({ order: _order, ...cause }) => cause)
}
