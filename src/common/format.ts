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

/**
 * The first `limit` characters of `text`, and `…` when it was longer. Redact first
 * (src/common/redact.ts) when the text may hold a secret: a cut can never then expose a tail.
 */
export function cut(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}…`
}

/** The last `limit` characters of `text`, after `…` when it was longer. */
export function cutTail(text: string, limit: number): string {
  return text.length <= limit ? text : `…${text.slice(-limit)}`
}
