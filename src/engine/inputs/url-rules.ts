/**
 * Rules every URL from an input obeys, because a token or a key may travel to it: `https://`, or
 * `http://` to a loopback host (tests, the emulator); no credentials in the URL (they would end up in
 * logs and the report); no fragment (it is never sent, so it can only be a mistake).
 *
 * One canonical URL: the WHATWG parser (Node's `URL`) reads the line, and whatever another client
 * could read differently is refused before anything is dispatched, so that curl, GNU wget, python3
 * and .NET on the workload connect to exactly the host the runner validated and the report names.
 * `https://management.azure.com\@other.example/` is host management.azure.com to WHATWG (a
 * backslash is a slash in special URLs) but user info and host other.example to curl: refused.
 * Likewise user info, `[`/`]` outside an IPv6 literal (curl's globbing), `%` in the host (decoded by
 * some parsers only), control characters and spaces (stripped by some, kept by others), raw
 * non-ASCII hosts (IDNA differs between clients), and any host that WHATWG rewrites (`127.1`,
 * `0x7f.0.0.1`, a decimal IP): the host as written must be the host as parsed. What is sent to the
 * workload is the parser's own serialisation (`canonicalUrl`).
 */
import { isLoopbackUrl } from '../../common/url/loopback'
import { hostRewrite, urlAmbiguity } from '../../common/url/url-ambiguity'
import { quoteValue } from './quote-value'

/** The problem with `text` as a URL a token or key is sent to, or the parsed URL. */
export function parseSecureUrl(
  text: string
): { ok: true; url: URL } | { ok: false; problem: string } {
  // Shown in messages with any user:password@ masked: the value may be half a secret.
  const shown = quoteValue(redactUserinfo(text))
  const ambiguity = urlAmbiguity(text)
  if (ambiguity !== undefined) return { ok: false, problem: `${shown} ${ambiguity}` }
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return { ok: false, problem: `${shown} is not an absolute URL` }
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, problem: `${shown} is not an https:// URL` }
  }
  if (url.hostname === '') return { ok: false, problem: `${shown} has no host` }
  if (url.protocol === 'http:' && !isLoopbackUrl(url)) {
    return {
      ok: false,
      problem: `${shown} uses http:// off loopback; use https:// (plain http is only for 127.0.0.1, ::1 and localhost)`
    }
  }
  if (url.username !== '' || url.password !== '') {
    return {
      ok: false,
      problem: `${shown} has credentials in it; remove user:password@`
    }
  }
  if (text.includes('#')) {
    return { ok: false, problem: `${shown} has a #fragment, which is never sent; remove it` }
  }
  const rewritten = hostRewrite(text, url)
  if (rewritten !== undefined) return { ok: false, problem: `${shown} ${rewritten}` }
  return { ok: true, url }
}

/** The placeholders a check may hold, as WHATWG percent-encodes them in a path. */
const ENCODED_PLACEHOLDERS: Array<[string, string]> = [
  ['%7BsubscriptionId%7D', '{subscriptionId}'],
  ['%7BresourceGroup%7D', '{resourceGroup}']
]

/**
 * The URL the workload is sent: the WHATWG serialisation, with the two placeholders kept as
 * written (the parser percent-encodes `{` and `}` in a path; the probes expand `{subscriptionId}`).
 */
export function canonicalUrl(url: URL): string {
  let href = url.href
  for (const [encoded, placeholder] of ENCODED_PLACEHOLDERS)
    href = href.split(encoded).join(placeholder)
  return href
}

/** `https://user:pw@host/` → `https://***@host/`. */
export function redactUserinfo(text: string): string {
  return text.replace(/^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/)[^/?#@]*@/, '$1***@')
}
