/**
 * Loopback hosts: the only places a bearer token may travel over plain http (tests, the emulator).
 * The probe keeps its own copy of this rule because it runs on the workload without the runner's
 * modules around it.
 */
import * as net from 'node:net'

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  if (host === 'localhost') return true
  if (net.isIPv4(host)) return host.split('.')[0] === '127'
  if (net.isIPv6(host)) return host === '::1' || host === '0:0:0:0:0:0:0:1'
  return false
}

/** https anywhere, or http to a loopback host. */
export function mayCarryBearer(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname))
}
