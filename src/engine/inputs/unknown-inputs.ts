/**
 * Input names the action does not declare. GitHub passes every `with:` entry to the action as an
 * `INPUT_<NAME>` environment variable (upper-cased, spaces as `_`), declared or not, so a variable
 * whose name is no declared input is a typo (`target:` for `targets:`) whose value is silently
 * ignored: it gets a warning naming the closest declared input.
 */
import { quoteValue } from './quote-value'

/** The env name GitHub gives an input. */
function envName(input: string): string {
  return `INPUT_${input.replace(/ /g, '_').toUpperCase()}`
}

/** Edit distance (insertions, deletions, substitutions), for "did you mean". */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)
      )
    }
    previous = current
  }
  return previous[b.length]!
}

/** The declared input closest to `name` (`_` and `-` alike), or undefined when none is close. */
export function closestInput(name: string, declared: readonly string[]): string | undefined {
  const wanted = name.toLowerCase().replace(/_/g, '-')
  let best: { input: string; d: number } | undefined
  for (const input of declared) {
    const d = distance(wanted, input)
    if (best === undefined || d < best.d) best = { input, d }
  }
  if (best === undefined) return undefined
  // Close means a typo, a plural or a separator; a third of the name at most.
  return best.d <= Math.max(2, Math.floor(best.input.length / 3)) ? best.input : undefined
}

/** One warning per `INPUT_*` variable that names no declared input. */
export function unknownInputWarnings(
  env: NodeJS.ProcessEnv,
  declared: readonly string[]
): string[] {
  const known = new Set(declared.map(envName))
  const warnings: string[] = []
  for (const variable of Object.keys(env).sort()) {
    if (!variable.startsWith('INPUT_') || known.has(variable)) continue
    const name = variable.slice('INPUT_'.length).toLowerCase()
    if (name === '') continue
    const near = closestInput(name, declared)
    const hint =
      near === undefined
        ? `the inputs are ${declared.join(', ')}`
        : `did you mean ${near}? Rename it in the step's with: (its value is ignored until then)`
    warnings.push(`Input ${quoteValue(name)} is not an input of this action: ${hint}`)
  }
  return warnings
}
