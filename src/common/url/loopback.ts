/**
 * What counts as loopback: the only place a bearer token may travel over plain http, and the only
 * place `http://` targets and checks may point (tests and the emulator).
 *
 * Deliberately strict: names that merely look local (`localhost.example.com`, `127.0.0.1.nip.io`)
 * resolve through DNS to wherever their owner likes, and `0.0.0.0` is "any address", not loopback.
 * Nothing here resolves names: the answer depends on the text alone.
 */

const IPV4_OCTET = /^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$/

/** A canonical dotted quad (`127.0.0.1`), the form `URL.hostname` produces for IPv4. */
function parseDottedQuad(text: string): number[] | undefined {
  const parts = text.split('.')
  if (parts.length !== 4) return undefined
  const octets: number[] = []
  for (const part of parts) {
    if (!IPV4_OCTET.test(part)) return undefined
    octets.push(Number(part))
  }
  return octets
}

function isLoopbackIpv4(text: string): boolean {
  const octets = parseDottedQuad(text)
  return octets !== undefined && octets[0] === 127
}

/**
 * Expands an IPv6 literal into its eight 16-bit groups, or undefined if it is not one.
 * Handles `::` compression and a trailing dotted quad (`::ffff:127.0.0.1`).
 */
function ipv6Groups(text: string): number[] | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(text) || text.length > 45) return undefined
  let head = text
  const tail: number[] = []
  const lastColon = text.lastIndexOf(':')
  if (text.includes('.')) {
    const quad = parseDottedQuad(text.slice(lastColon + 1))
    if (quad === undefined) return undefined
    tail.push((quad[0]! << 8) | quad[1]!, (quad[2]! << 8) | quad[3]!)
    head = text.slice(0, lastColon + 1)
    // `::ffff:1.2.3.4` leaves `::ffff:`; a single trailing colon is part of the syntax, not a group.
    if (head.endsWith(':') && !head.endsWith('::')) head = head.slice(0, -1)
  }
  const halves = head.split('::')
  if (halves.length > 2) return undefined
  const parseGroups = (part: string): number[] | undefined => {
    if (part === '') return []
    const groups: number[] = []
    for (const group of part.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined
      groups.push(parseInt(group, 16))
    }
    return groups
  }
  const left = parseGroups(halves[0]!)
  const right = halves.length === 2 ? parseGroups(halves[1]!) : []
  if (left === undefined || right === undefined) return undefined
  const explicit = left.length + right.length + tail.length
  if (halves.length === 1) return explicit === 8 ? [...left, ...tail] : undefined
  if (explicit > 7) return undefined
  return [...left, ...new Array<number>(8 - explicit).fill(0), ...right, ...tail]
}

function isLoopbackIpv6(text: string): boolean {
  const groups = ipv6Groups(text)
  if (groups === undefined) return false
  // ::1
  if (groups.slice(0, 7).every(g => g === 0) && groups[7] === 1) return true
  // ::ffff:127.x.y.z (IPv4-mapped): the kernel delivers it to the IPv4 loopback.
  const mapped = groups.slice(0, 5).every(g => g === 0) && groups[5] === 0xffff
  return mapped && groups[6]! >> 8 === 127
}

/**
 * True for `localhost`, an address in 127.0.0.0/8, and `::1` (bare or in brackets, as
 * `URL.hostname` gives it), including their IPv4-mapped IPv6 forms.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase()
  if (host === 'localhost') return true
  if (isLoopbackIpv4(host)) return true
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host
  return isLoopbackIpv6(bare)
}

/** True when a parsed URL's host is loopback (see `isLoopbackHost`). */
export function isLoopbackUrl(url: URL): boolean {
  return isLoopbackHost(url.hostname)
}

/** Where a bearer token may travel: https anywhere, or http to a loopback host. */
export function mayCarryBearer(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackUrl(url))
}
