/**
 * What makes a URL read differently by different clients: the rule both sides of the trust
 * boundary apply. The runner refuses such a check before dispatch (src/engine/inputs/url-rules.ts); the
 * smoke endpoint's allowlist and the in-process probe refuse it again before a token is sent, so a
 * request that did not come from this runner cannot use the difference either.
 *
 * WHATWG (Node's `URL`) is the reference reader; curl, GNU wget, python3 and .NET read a URL that
 * passes these checks to the same host (__tests__/url-clients.property.test.ts proves it).
 * All scanning is linear: these run on request text.
 */

/** `scheme://` and the authority as written, or undefined when the text is not written that way. */
function writtenParts(text: string): { authority: string; rest: string } | undefined {
  const match = /^https?:\/\//i.exec(text)
  if (match === null) return undefined
  const afterScheme = text.slice(match[0].length)
  let end = afterScheme.length
  for (const delimiter of ['/', '?', '#']) {
    const at = afterScheme.indexOf(delimiter)
    if (at !== -1 && at < end) end = at
  }
  return { authority: afterScheme.slice(0, end), rest: afterScheme.slice(end) }
}

/** Why clients could read `text` differently, before parsing; undefined when they cannot. */
export function urlAmbiguity(text: string): string | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c <= 0x20 || (c >= 0x7f && c <= 0x9f))
      return 'holds a control character or a space; percent-encode it (a space is %20)'
  }
  if (text.includes('\\'))
    return 'holds a backslash, which URL clients read differently (a path separator to some, part of user info to others); write / or %5C'
  const parts = writtenParts(text)
  if (parts === undefined) {
    return /^https?:/i.test(text)
      ? 'does not start with https:// and a host (write the two slashes, then the host)'
      : undefined // not http(s) at all: the scheme rule below says so
  }
  const { authority, rest } = parts
  if (authority.includes('@'))
    return 'has credentials in it (user info, something@ before the host); remove user:password@'
  if (authority.includes('%'))
    return 'has a %-escape in its host, which URL clients decode differently; write the host plainly'
  for (let i = 0; i < authority.length; i++) {
    if (authority.charCodeAt(i) > 0x7e)
      return 'has a non-ASCII host, which URL clients convert differently; write it in its xn-- (punycode) form'
  }
  const bracketed = /^\[[0-9A-Fa-f:.]+\](:\d*)?$/.test(authority)
  if (!bracketed && (authority.includes('[') || authority.includes(']')))
    return 'has [ or ] in its host outside an IPv6 literal such as [::1]'
  if (rest.includes('[') || rest.includes(']'))
    return 'has [ or ] in its path or query (curl reads them as a range to expand into several calls); write %5B and %5D'
  return undefined
}

/** Why the host (or port) as written is not the host the parser read; undefined when it is. */
export function hostRewrite(text: string, url: URL): string | undefined {
  const parts = writtenParts(text)
  if (parts === undefined) return undefined
  const authority = parts.authority
  let host = authority
  let port = ''
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']')
    host = authority.slice(0, close + 1)
    port = authority.slice(close + 1)
  } else {
    const colon = authority.lastIndexOf(':')
    if (colon !== -1) {
      host = authority.slice(0, colon)
      port = authority.slice(colon)
    }
  }
  if (!plainHost(url.hostname))
    return 'has a host that is not a plain DNS name or IP address (empty or over-long labels, odd characters)'
  if (host.toLowerCase() !== url.hostname) {
    return `has a host that URL parsers rewrite (to ${JSON.stringify(url.hostname)}) and other clients may not; write ${JSON.stringify(url.hostname)}`
  }
  if (port !== '') {
    const digits = port.slice(1)
    const defaultPort = url.protocol === 'https:' ? '443' : '80'
    if (!/^\d{1,5}$/.test(digits) || String(Number(digits)) !== (url.port || defaultPort))
      return `has a port that URL parsers read as ${url.port || defaultPort}; write it without leading zeros`
  }
  return undefined
}

/** A DNS label: 1-63 letters, digits, `_` or `-`, not starting or ending with `-`. */
const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/

/**
 * A host every client reads alike: an IPv6 literal, or dot-separated DNS labels (an IPv4 address
 * is four such labels) with at most one trailing dot. `...`, `a..b` or `.a` are hosts to WHATWG
 * and something else to other parsers.
 */
function plainHost(hostname: string): boolean {
  if (hostname.startsWith('[')) return /^\[[0-9a-f:.]+\]$/.test(hostname)
  if (hostname.length === 0 || hostname.length > 253) return false
  const labels = (hostname.endsWith('.') ? hostname.slice(0, -1) : hostname).split('.')
  return labels.every(label => LABEL.test(label))
}
