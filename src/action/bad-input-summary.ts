/** The job summary of a run stopped by an invalid input. */
import { escapeHtml } from '../common/html-escape'

export function renderBadInputSummary(message: string): string {
  return `## ❌ fail — mi-smoke: bad input\n\n${escapeHtml(message)}\n\nNothing was probed: fix the input and re-run.\n`
}
