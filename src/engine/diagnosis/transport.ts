/** Words for an exchange that got no HTTP answer (Exchange.error, refined by its error text). */
import type { Exchange } from '../../contracts/observations'
import { networkKindOf } from '../../common/network-errors'
import { formatDuration, excerpt, plural } from './text'

export function describeTransport(exchange: Exchange): string {
  const own = exchange.errorText ? ` (${excerpt(exchange.errorText, 120)})` : ''
  const tries = exchange.attempts > 1 ? ` after ${plural(exchange.attempts, 'attempt')}` : ''
  switch (networkKindOf(exchange.error, exchange.errorText)) {
    case 'timeout':
      return `no answer within ${formatDuration(exchange.ms)}${tries}${own}`
    case 'refused':
      return `connection refused${tries}${own}`
    case 'dns':
      return `the name does not resolve${own}`
    case 'tls':
      return `the TLS handshake failed${own}`
    case 'tls-untrusted':
      return `the server's certificate chain is not trusted${own}`
    case 'tls-name':
      return `the server's certificate does not cover the name called${own}`
    case 'tls-expired':
      return `the server's certificate is expired or not yet valid${own}`
    case 'reset':
      return `the connection was reset${tries}${own}`
    case 'unreachable':
      return `the network is unreachable${own}`
    case 'proxy':
      return `the proxy failed or refused the connection${own}`
    case 'proxy-auth':
      return `the proxy asked for credentials (407)${own}`
    case 'proxy-denied':
      return `the proxy denied the connection${own}`
    case 'local-file':
      return `a local file it needs could not be read${own}`
    case 'other':
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
