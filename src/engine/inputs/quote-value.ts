/**
 * How an input's value is shown inside an error message: quoted, control characters escaped (a
 * newline in a value must not start a new log line or workflow command), and cut short, because a
 * 10 kB paste helps nobody in an annotation. Secrets (`endpoint-key`) are never passed here.
 */
/** Long enough for a full resource ID, short enough for an annotation. */
const MAX_SHOWN = 300

export function quoteValue(value: string): string {
  const shown = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value
  // JSON escaping handles quotes, backslashes and every control character.
  return JSON.stringify(shown).replace(/[\u007f-\u009f\u2028\u2029]/g, c => {
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  })
}
