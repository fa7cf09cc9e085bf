/** Words for an exchange that got no HTTP answer (Exchange.error). */
import type { Exchange } from '../../contracts/observations'
import { formatDuration, excerpt, plural } from './text'

export function describeTransport(exchange: Exchange): string {
  const own = exchange.errorText ? ` (${excerpt(exchange.errorText, 120)})` : ''
  const tries = exchange.attempts > 1 ? ` after ${plural(exchange.attempts, 'attempt')}` : ''
  switch (exchange.error) {
    case 'timeout':
      return `no answer within ${formatDuration(exchange.ms)}${tries}${own}`
    case 'refused':
      return `connection refused${tries}${own}`
    case 'dns':
      return `the name does not resolve${own}`
    case 'tls':
      return `the TLS handshake failed${own}`
    case 'reset':
      return `the connection was reset${tries}${own}`
    case 'unreachable':
      return `the network is unreachable${own}`
    case 'proxy':
      return `the proxy failed or refused the connection${own}`
    default:
      return `no answer${tries}${own || ' (unknown transport error)'}`
  }
}

/** Base of a URL (scheme, host, port, path; no query), for details. */
export function endpointOf(url: string): string {
  try {
    const u = new URL(url)
    return `${u.protocol}//${u.host}${u.pathname === '/' ? '' : u.pathname}`
  } catch {
    return excerpt(url, 120)
  }
}

/** Scheme, host and port only. */
export function originOf(url: string): string {
  try {
    const u = new URL(url)
    return `${u.protocol}//${u.host}`
  } catch {
    return excerpt(url, 120)
  }
}
