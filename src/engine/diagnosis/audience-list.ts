/** The audiences a run asks tokens for: one per distinct `resource` of the checks, in order of first use. */
import type { Check } from '../inputs/action-inputs'

export function distinctAudiences(checks: Check[]): string[] {
  const seen: string[] = []
  for (const check of checks) if (!seen.includes(check.resource)) seen.push(check.resource)
  return seen
}
