/**
 * A target's short name for tables and annotations: `web-1 (rg-web)` for a VM, `web-ss #3 (rg-web)`
 * for a scale set instance, the host for a smoke endpoint. The full target line stays in the report,
 * on hover (title attribute) and in the target's details: a resource ID is too wide for a column.
 */
import type { TargetReport } from '../../contracts/report'

const RESOURCE_GROUP = /\/resourceGroups\/([^/]+)/i
const VM = /\/virtualMachines\/([^/#]+)$/i
const SCALE_SET = /\/virtualMachineScaleSets\/([^/#]+)(?:#(.*))?$/i

/** The short name of one target line (no disambiguation). */
export function shortTargetName(line: string): string {
  const lower = line.toLowerCase()
  if (lower.startsWith('vm:') || lower.startsWith('vmss:')) {
    const group = RESOURCE_GROUP.exec(line)?.[1]
    const scaleSet = SCALE_SET.exec(line)
    const vm = VM.exec(line)
    const name = scaleSet
      ? `${scaleSet[1]}${scaleSet[2] !== undefined ? ` #${scaleSet[2]}` : ''}`
      : vm?.[1]
    if (name === undefined) return line
    return group === undefined ? name : `${name} (${group})`
  }
  if (/^https?:\/\//i.test(line)) {
    try {
      return new URL(line).host
    } catch {
      return line
    }
  }
  return line
}

/**
 * Short names for every target of a report, keyed by target line. Two targets with the same short
 * name (two endpoints on one host, say) keep their full lines so they can be told apart.
 */
export function shortTargetNames(targets: TargetReport[]): Map<string, string> {
  const counts = new Map<string, number>()
  for (const target of targets) {
    const name = shortTargetName(target.target)
    counts.set(name, (counts.get(name) ?? 0) + 1)
  }
  const names = new Map<string, string>()
  for (const target of targets) {
    const name = shortTargetName(target.target)
    names.set(target.target, (counts.get(name) ?? 0) > 1 ? target.target : name)
  }
  return names
}
