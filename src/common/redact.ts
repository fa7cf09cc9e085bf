/**
 * The one redactor: everything that stores or prints text (report, summary, annotations, logs,
 * evidence, the probes' masks) passes it through `redactSecrets` first.
 *
 * What it removes:
 * - token-shaped strings: a JWT (a JOSE header always base64url-encodes to `eyJ`, so any
 *   `eyJ` run of 11+ characters and up to two `.segment`s after it), and any base64url run of 60+
 *   characters (a bare signature, a cut token);
 * - the value after `Bearer `, and the value of credential-bearing names (`Authorization`,
 *   `x-mi-smoke-key`, `access_token`, ...) in headers, JSON, query strings or form bodies;
 * - every secret the process registered (`registerSecretText`: the endpoint key input, the bearer
 *   token the runner obtained for `endpoint-audience`), wherever it appears.
 *
 * Why hand-written scanning and not regular expressions: this runs on text a workload or an API
 * controls (up to 1 MiB), and patterns such as `eyJ[A-Za-z0-9_-]*\.` backtrack over every `eyJ`
 * start of `eyJeyJeyJ...`: quadratic, seconds on 90 KB. Every function here visits each character
 * a bounded number of times (one pass per credential name, and per registered secret), so the
 * cost is linear in the text; scripts/bench.ts measures it on adversarial input.
 */

export const REDACTED = '[redacted]'

/** A JWT-shaped run needs `eyJ` and this many characters in its first segment (as the old patterns). */
const JWT_MIN_FIRST_SEGMENT = 11
/** A run of base64url characters this long is treated as a bare token or signature. */
const LONG_RUN = 60

/**
 * Names whose value is a credential. `authorization` values run to the end of the header (they
 * hold a scheme and a space); the others end at the first space or delimiter.
 */
const HEADER_NAMES = ['authorization', 'proxy-authorization']
const VALUE_NAMES = [
  'x-mi-smoke-key',
  'x-identity-header',
  'access_token',
  'refresh_token',
  'id_token',
  'client_secret',
  'client_assertion'
]
const BEARER = 'bearer'

/** Secrets known to this process, each removed wherever it appears. */
const registered = new Set<string>()

/**
 * Registers a secret this process holds (the endpoint key, the runner's bearer token) so that
 * every later `redactSecrets` removes it. Short strings are refused: removing every `a` of a text
 * protects nothing and garbles everything.
 */
export function registerSecretText(secret: string): void {
  if (secret.length >= 6) registered.add(secret)
}

/** For tests: forget the registered secrets. */
export function forgetSecretTexts(): void {
  registered.clear()
}

function isBase64UrlCode(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || // 0-9
    (code >= 65 && code <= 90) || // A-Z
    (code >= 97 && code <= 122) || // a-z
    code === 45 || // -
    code === 95 // _
  )
}

/** A half-open range [start, end) of `text` to replace with REDACTED. */
type Range = [number, number]

/**
 * Token-shaped runs: one left-to-right pass over maximal runs of base64url characters and dots.
 * A run is cut into dot-separated segments; a segment that starts a JWT (`eyJ`, long enough) is
 * redacted with the two segments after it, and a segment of LONG_RUN+ characters on its own.
 */
function tokenRanges(text: string, out: Range[]): void {
  const n = text.length
  // The next `eyJ` at or after a position, found with one forward-moving cursor (linear overall).
  let nextEyj = text.indexOf('eyJ')
  const eyjFrom = (position: number): number => {
    if (nextEyj !== -1 && nextEyj < position) nextEyj = text.indexOf('eyJ', position)
    return nextEyj
  }
  let i = 0
  while (i < n) {
    if (!isBase64UrlCode(text.charCodeAt(i))) {
      i++
      continue
    }
    // One run of segments separated by single dots, read once, with no per-segment allocation.
    let open = -1 // where the JWT-shaped range being read starts
    let end = i
    let remaining = 0 // segments of that range still to come
    let j = i
    for (;;) {
      const a = j
      while (j < n && isBase64UrlCode(text.charCodeAt(j))) j++
      if (open !== -1) {
        end = j
        if (--remaining === 0) {
          out.push([open, end])
          open = -1
        }
      } else if (j - a >= JWT_MIN_FIRST_SEGMENT) {
        const at = eyjFrom(a)
        if (at !== -1 && at < j && j - at >= JWT_MIN_FIRST_SEGMENT) {
          open = at
          end = j
          remaining = 2
        } else if (j - a >= LONG_RUN) out.push([a, j])
      }
      if (j + 1 < n && text.charCodeAt(j) === 46 && isBase64UrlCode(text.charCodeAt(j + 1))) {
        j++
        continue
      }
      break
    }
    if (open !== -1) out.push([open, end])
    i = j
  }
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9
}

/** Where a value ends: at a quote, a line end, or (unless `spaces`) whitespace and delimiters. */
function valueEnd(text: string, from: number, spaces: boolean): number {
  let k = from
  while (k < text.length) {
    const c = text.charCodeAt(k)
    if (c === 34 || c === 39 || c === 10 || c === 13 || c === 92) break // " ' \n \r \
    if (!spaces && (isSpace(c) || c === 38 || c === 44 || c === 59 || c === 125)) break // & , ; }
    if (spaces && (c === 44 || c === 59 || c === 125 || c === 38)) break
    k++
  }
  return k
}

/**
 * Values after `name` followed by `:` or `=` (JSON `"name": "v"`, header `Name: v`, query
 * `name=v`), case-insensitive. `lower` is `text` lower-cased once by the caller.
 */
function namedValueRanges(
  text: string,
  lower: string,
  name: string,
  spaces: boolean,
  out: Range[]
): void {
  let from = 0
  for (;;) {
    const at = lower.indexOf(name, from)
    if (at === -1) return
    from = at + name.length
    if (at > 0 && (isBase64UrlCode(lower.charCodeAt(at - 1)) || lower[at - 1] === '.')) continue
    let k = from
    if (text[k] === '"' || text[k] === "'") k++
    while (k < text.length && isSpace(text.charCodeAt(k))) k++
    if (text[k] !== ':' && text[k] !== '=') continue
    k++
    while (k < text.length && isSpace(text.charCodeAt(k))) k++
    if (text[k] === '"' || text[k] === "'") k++
    const end = valueEnd(text, k, spaces)
    if (end > k) out.push([k, end])
    from = Math.max(from, end)
  }
}

/** The credential after `Bearer ` (any case, one or more spaces). */
function bearerRanges(text: string, lower: string, out: Range[]): void {
  let from = 0
  for (;;) {
    const at = lower.indexOf(BEARER, from)
    if (at === -1) return
    from = at + BEARER.length
    let k = from
    while (k < text.length && isSpace(text.charCodeAt(k))) k++
    if (k === from) continue
    const end = valueEnd(text, k, false)
    // `Bearer [redacted]` is already clean; a word such as `Bearer authentication` is prose.
    if (!text.startsWith(REDACTED, k) && looksLikeCredential(text, k, end)) out.push([k, end])
    from = Math.max(from, end)
  }
}

/** Punctuation that ends a clause: `) . , : ; ! ? ]`. */
function isClosingPunctuation(code: number): boolean {
  return (
    code === 41 ||
    code === 46 ||
    code === 44 ||
    code === 58 ||
    code === 59 ||
    code === 33 ||
    code === 63 ||
    code === 93
  )
}

/**
 * 4+ characters with a digit or symbol in them, or 20+ of anything: not an English word. The
 * punctuation that closes a clause is not part of the value: `(a bearer token) instead` or `use
 * a bearer token.` is prose (the action's own remediations say so), while a credential (RFC 6750's
 * b64token: letters, digits, `-._~+/`, `=` padding) has a digit or a symbol inside it, or length.
 */
function looksLikeCredential(text: string, start: number, end: number): boolean {
  if (end - start >= 20) return true
  while (end > start && isClosingPunctuation(text.charCodeAt(end - 1))) end--
  if (end - start < 4) return false
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k) | 32
    if (c < 97 || c > 122) return true
  }
  return false
}

/** ASCII letters lower-cased, every other character kept: indices stay those of `text`. */
function asciiLower(text: string): string {
  const lower = text.toLowerCase()
  // Native and fast; only a few non-ASCII characters (İ) change length, then go letter by letter.
  if (lower.length === text.length) return lower
  return text.replace(/[A-Z]+/g, run => run.toLowerCase())
}

function secretRanges(text: string, out: Range[]): void {
  for (const secret of registered) {
    let from = 0
    for (;;) {
      const at = text.indexOf(secret, from)
      if (at === -1) break
      out.push([at, at + secret.length])
      from = at + secret.length
    }
  }
}

/** Replaces the (possibly overlapping) ranges with REDACTED, in one pass after one sort. */
function applyRanges(text: string, ranges: Range[]): string {
  if (ranges.length === 0) return text
  ranges.sort((x, y) => x[0] - y[0])
  let result = ''
  let at = 0
  let i = 0
  while (i < ranges.length) {
    let [start, end] = ranges[i]!
    i++
    while (i < ranges.length && ranges[i]![0] <= end) {
      end = Math.max(end, ranges[i]![1])
      i++
    }
    if (start < at) start = at
    result += text.slice(at, start) + REDACTED
    at = end
  }
  return result + text.slice(at)
}

/** `text` with every token-shaped string, credential value and registered secret replaced. */
export function redactSecrets(text: string): string {
  if (text === '') return text
  const lower = asciiLower(text)
  const ranges: Range[] = []
  secretRanges(text, ranges)
  tokenRanges(text, ranges)
  bearerRanges(text, lower, ranges)
  for (const name of HEADER_NAMES) namedValueRanges(text, lower, name, true, ranges)
  for (const name of VALUE_NAMES) namedValueRanges(text, lower, name, false, ranges)
  return applyRanges(text, ranges)
}

/**
 * True when `text` holds a whole JWT (three dot-separated base64url segments, the first starting
 * `eyJ`): what must never cross the wire, unlike claims alone (one segment). Linear, like the rest.
 */
export function containsJwt(text: string): boolean {
  let from = 0
  for (;;) {
    const at = text.indexOf('eyJ', from)
    if (at === -1) return false
    let k = at
    let segments = 0
    for (;;) {
      const start = k
      while (k < text.length && isBase64UrlCode(text.charCodeAt(k))) k++
      if (k - start < 4) break
      segments++
      if (segments === 3) return true
      if (text.charCodeAt(k) !== 46) break
      k++
    }
    // Every character up to k was visited once; the next `eyJ` can only start after the first.
    from = Math.max(at + 1, k - 2)
    if (from <= at) from = at + 1
  }
}

/** Every string inside a JSON-like value redacted (objects and arrays copied, not changed in place). */
export function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redactSecrets(value) as T
  if (Array.isArray(value)) return value.map(v => redactDeep(v)) as T
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {}
    for (const [key, v] of Object.entries(value as Record<string, unknown>))
      copy[key] = redactDeep(v)
    return copy as T
  }
  return value
}
