/**
 * Shaping text that came from the workload (bodies, error messages) into the one-line details and
 * remediations of the report. Everything that quotes a body goes through `quote`, which also blanks
 * anything shaped like a JWT (src/common/redact.ts): probes never send a token, but a proxy page or an API message could
 * echo a header, and the report must not carry one whatever the probe did.
 */

import { redactSecrets } from '../../common/redact'

/**
 * An excerpt of text the workload sent, for a detail: one line, whitespace collapsed,
 * token-shaped strings removed, cut to `max` characters (the ellipsis included).
 */
export function excerpt(text: string, max = 300): string {
  const flat = redactSecrets(text).replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

/** A piece of a body fit to quote inside a detail, in quotes. */
export function quote(text: string, max = 160): string {
  return `"${excerpt(text, max)}"`
}

export { formatDuration } from '../../common/format'

/** `host:port` of a URL, the port made explicit, for firewall rules. */
export function hostPort(url: string): string {
  try {
    const u = new URL(url)
    const port = u.port || (u.protocol === 'http:' ? '80' : '443')
    return `${u.hostname}:${port}`
  } catch {
    return url
  }
}

/** `3 requests` / `1 request`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
