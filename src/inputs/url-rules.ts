/**
 * Rules every URL from an input obeys, because a token or a key may travel to it: `https://`, or
 * `http://` to a loopback host (tests, the emulator); no credentials in the URL (they would end up in
 * logs and the report); no fragment (it is never sent, so it can only be a mistake).
 */
import { isLoopbackUrl } from '../azure/loopback'
import { quoteValue } from './quote-value'

/** The problem with `text` as a URL a token or key is sent to, or the parsed URL. */
export function parseSecureUrl(
  text: string
): { ok: true; url: URL } | { ok: false; problem: string } {
  // Shown in messages with any user:password@ masked: the value may be half a secret.
  const shown = quoteValue(redactUserinfo(text))
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
  return { ok: true, url }
}

/** `https://user:pw@host/` → `https://***@host/`. */
export function redactUserinfo(text: string): string {
  return text.replace(/^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/)[^/?#@]*@/, '$1***@')
}
