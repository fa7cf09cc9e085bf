/**
 * Durations as the contract writes them: `500ms`, `30s`, `5m`; a bare number is seconds.
 * Fractions are accepted where they make a whole number of milliseconds (`1.5s`, `0.5m`) and
 * refused where they do not (`0.5ms`).
 */
import { InputError } from './action-inputs'
import { quoteValue } from './quote-value'

export interface DurationBounds {
  minMs: number
  maxMs: number
  /** A valid value to show in errors, e.g. `30s`. */
  example: string
}

const UNIT_MS = new Map<string, number>([
  ['ms', 1],
  ['s', 1000],
  ['m', 60_000]
])

/** Units people write that the contract does not take, with what to write instead. */
const UNIT_HINTS = new Map<string, string>([
  ['h', 'hours are not a unit here: write minutes, e.g. 60m'],
  ['hr', 'hours are not a unit here: write minutes, e.g. 60m'],
  ['min', 'write minutes as m, e.g. 5m'],
  ['mins', 'write minutes as m, e.g. 5m'],
  ['sec', 'write seconds as s, e.g. 30s'],
  ['secs', 'write seconds as s, e.g. 30s'],
  ['us', 'microseconds are too fine: the smallest unit is ms'],
  ['d', 'days are not a unit here: write minutes, e.g. 60m']
])

/**
 * `300000` → `5m`, `1500` → `1500ms`: a duration as one would write it in an input, the shortest
 * exact spelling (for messages about inputs; `formatDuration` of src/common/format.ts is for people).
 */
export function durationInput(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000}m`
  if (ms >= 1000 && ms % 1000 === 0) return `${ms / 1000}s`
  return `${ms}ms`
}

/**
 * Parses `value` (already trimmed or not) into milliseconds within `bounds`, or throws an
 * InputError naming `input`.
 */
export function parseDuration(input: string, value: string, bounds: DurationBounds): number {
  const text = value.trim()
  const fail = (problem: string): never => {
    throw new InputError(input, problem, bounds.example)
  }
  const range = `between ${durationInput(bounds.minMs)} and ${durationInput(bounds.maxMs)}`
  if (text === '') fail(`is empty; give a duration ${range}`)
  if (text.startsWith('-')) fail(`${quoteValue(text)} is negative; give a duration ${range}`)

  const match = /^(\d{1,15})(?:\.(\d{1,9}))?\s*([a-zA-Z]*)$/.exec(text)
  if (match === null) {
    return fail(
      `${quoteValue(text)} is not a duration; write a number with ms, s or m (a bare number is seconds)`
    )
  }
  const [, whole, fraction = '', rawUnit] = match
  const unit = rawUnit!.toLowerCase() || 's'
  const factor = UNIT_MS.get(unit)
  if (factor === undefined) {
    const hint = UNIT_HINTS.get(unit) ?? 'the units are ms, s and m'
    return fail(`${quoteValue(text)} has an unknown unit ${quoteValue(rawUnit!)}; ${hint}`)
  }
  if (rawUnit !== '' && /\s/.test(text)) {
    return fail(`${quoteValue(text)} has a space before the unit; write it without one`)
  }
  // Integer arithmetic on the digits: no floating-point surprises such as 0.1m = 6000.000000000001.
  const scale = 10 ** fraction.length
  const scaled = BigInt(whole! + fraction) * BigInt(factor)
  if (scaled % BigInt(scale) !== 0n) {
    return fail(`${quoteValue(text)} is not a whole number of milliseconds`)
  }
  const msBig = scaled / BigInt(scale)
  if (msBig > BigInt(bounds.maxMs))
    fail(`${quoteValue(text)} is too long; give a duration ${range}`)
  const ms = Number(msBig)
  if (ms < bounds.minMs) fail(`${quoteValue(text)} is too short; give a duration ${range}`)
  return ms
}
