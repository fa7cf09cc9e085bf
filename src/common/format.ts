/** Small formatting shared by logs, annotations and the summary. */
export { formatDuration } from './human-duration'

/**
 * One line: line breaks become spaces so nothing printed can start a new workflow command, and a
 * line that would itself begin with `::` is prefixed with a space for the same reason.
 */
export function oneLine(text: string): string {
  const flat = text.replace(/[\r\n]+/g, ' ').trimEnd()
  return flat.startsWith('::') ? ` ${flat}` : flat
}
