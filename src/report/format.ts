/** Small formatting shared by logs, annotations and the summary. */

/** `12 ms`, `1.2 s`, `37 s`, `2 min 5 s`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '?'
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 10_000) return `${(Math.round(ms / 100) / 10).toFixed(1)} s`
  const seconds = Math.round(ms / 1000)
  if (seconds < 120) return `${seconds} s`
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`
}

/**
 * One line: line breaks become spaces so nothing printed can start a new workflow command, and a
 * line that would itself begin with `::` is prefixed with a space for the same reason.
 */
export function oneLine(text: string): string {
  const flat = text.replace(/[\r\n]+/g, ' ').trimEnd()
  return flat.startsWith('::') ? ` ${flat}` : flat
}
