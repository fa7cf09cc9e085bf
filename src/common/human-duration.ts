/** `850 ms`, `4.2 s`, `3 min`, `5 h`: durations as a person reads them in details, logs and the summary. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '?'
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 10_000) {
    const s = Math.round(ms / 100) / 10
    return `${Number.isInteger(s) ? s : s.toFixed(1)} s`
  }
  // Past ten seconds a tenth is noise: whole seconds.
  if (ms < 120_000) return `${Math.round(ms / 1000)} s`
  if (ms < 2 * 3_600_000) return `${Math.round(ms / 60_000)} min`
  if (ms < 2 * 86_400_000) return `${(ms / 3_600_000).toFixed(1).replace(/\.0$/, '')} h`
  return `${Math.round(ms / 86_400_000)} days`
}
