/**
 * Every output's declared shape, checked as it is set: a later step may put an output into a
 * shell, so an output holds a value of its shape or nothing. The identity outputs come from claims
 * a workload reported (validated once already, src/engine/observations-validator.ts); this is the second,
 * independent line: whatever diagnosis or a future change produces, a value that does not fit is
 * left empty, and a warning says which output and why (never quoting the value).
 */
import { hasControlCharacter } from '../common/control-characters'
import { FAILURE_MODES, STEP_NAMES, VERDICTS } from './report'
import type { ActionOutputs, OutputName } from './outputs'
import { GUID } from '../common/guid'

/** `Date.prototype.toISOString()`'s shape: what diagnosis writes. */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/
const COUNT = /^(0|[1-9]\d{0,6})$/

type Shape = { name: string; fits(value: string): boolean }

const enumOf = (name: string, values: readonly string[]): Shape => ({
  name,
  fits: value => values.includes(value)
})

/** The shape of each output; `''` (unknown, not applicable) always fits. */
export const OUTPUT_SHAPES: Record<OutputName, Shape> = {
  result: enumOf(`one of ${VERDICTS.join(', ')}`, VERDICTS),
  'failed-step': enumOf(`one of ${STEP_NAMES.join(', ')}`, STEP_NAMES),
  'failure-mode': enumOf('a failure-mode code', FAILURE_MODES),
  'principal-id': { name: 'a GUID', fits: value => GUID.test(value) },
  'client-id': { name: 'a GUID', fits: value => GUID.test(value) },
  'tenant-id': { name: 'a GUID', fits: value => GUID.test(value) },
  'expires-on': {
    name: 'an ISO 8601 UTC time',
    fits: value => ISO_8601.test(value) && !Number.isNaN(Date.parse(value))
  },
  report: {
    name: 'a JSON object with no invisible or control character',
    fits: value => isJsonObject(value) && !hasControlCharacter(value)
  },
  'report-path': {
    name: 'a file path on one line with no invisible or control character',
    fits: value => !hasControlCharacter(value)
  },
  'failed-targets': { name: 'a JSON array of target lines', fits: isJsonArrayOfLines },
  targets: { name: 'a count', fits: value => COUNT.test(value) },
  passed: { name: 'a count', fits: value => COUNT.test(value) },
  warned: { name: 'a count', fits: value => COUNT.test(value) },
  failed: { name: 'a count', fits: value => COUNT.test(value) }
}

/**
 * A JSON array of strings, each one line without invisible or control characters (target lines),
 * in a text that holds none either (no `\u202e` spelled out in raw form).
 */
function isJsonArrayOfLines(value: string): boolean {
  if (hasControlCharacter(value)) return false
  try {
    const parsed: unknown = JSON.parse(value)
    return (
      Array.isArray(parsed) &&
      parsed.every(line => typeof line === 'string' && !hasControlCharacter(line))
    )
  } catch {
    return false
  }
}

function isJsonObject(value: string): boolean {
  try {
    const parsed: unknown = JSON.parse(value)
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
  } catch {
    return false
  }
}

/**
 * `outputs` with every value that does not fit its shape replaced by `''`, and one warning per
 * such output, for `warn` to print.
 */
export function shapedOutputs(outputs: ActionOutputs): {
  outputs: ActionOutputs
  warnings: string[]
} {
  const shaped = { ...outputs }
  const warnings: string[] = []
  for (const name of Object.keys(shaped) as OutputName[]) {
    const value = shaped[name]
    const shape = OUTPUT_SHAPES[name]
    if (value === '' || shape.fits(value)) continue
    shaped[name] = ''
    warnings.push(`Output ${name} was left empty: its value is not ${shape.name}`)
  }
  return { outputs: shaped, warnings }
}
