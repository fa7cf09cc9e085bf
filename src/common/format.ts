/** Small formatting shared by logs, annotations and the summary. */
export { formatDuration } from './human-duration'

/** One inert line of log text: see log-writer.ts, the one writer that owns the rule. */
export { oneLine } from './log-writer'
