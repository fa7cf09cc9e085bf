/** Small formatting shared by logs, annotations and the summary. */
export { formatDuration } from './human-duration'

/** One inert line of log text: see log-writer.ts, the one writer that owns the rule. */
export { oneLine } from './log-writer'

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
