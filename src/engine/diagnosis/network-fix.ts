/**
 * The fix for a network failure, by its kind (src/network-errors.ts), wherever it happened: an API
 * host, Entra's login host (workload identity). A fix only for what can cause that kind: an
 * untrusted chain is the inspecting proxy's CA (never the clock), a name the certificate does not
 * cover is the name to call (never a CA bundle), expired or not yet valid is the clock or the
 * certificate's dates, a proxy's 407 is its credentials, its 403 its allow rule.
 */
import { azureServices } from '../../azure/services'
import type { TransportError } from '../../contracts/observations'

/**
 * The public name a private-link name stands for, from the service table's private DNS zones:
 * `acct.privatelink.blob.core.windows.net` → `acct.blob.core.windows.net`,
 * `kv.privatelink.vaultcore.azure.net` → `kv.vault.azure.net`. Certificates cover the public
 * name; private DNS maps that name to the private endpoint.
 */
export function publicNameOf(host: string): string | undefined {
  const name = host.toLowerCase().replace(/\.$/, '')
  for (const service of azureServices()) {
    for (const endpoints of Object.values(service.clouds)) {
      const zones: readonly string[] = endpoints?.privateDnsZones ?? []
      const suffixes: readonly string[] = endpoints?.suffixes ?? []
      for (const [index, zone] of zones.entries()) {
        if (!name.endsWith(`.${zone}`)) continue
        const label = name.slice(0, -zone.length - 1)
        const suffix = zones.length === suffixes.length ? suffixes[index] : suffixes[0]
        if (label !== '' && suffix !== undefined) return `${label}.${suffix}`
      }
    }
  }
  return undefined
}

/**
 * The fix for the kinds that say more than "no connection" (no such name, TLS by its error, the
 * proxy's own answer); undefined for refused, timeout, unreachable, reset and other, whose fix
 * depends on the place (an NSG, a platform's service...).
 */
export function networkFixFor(
  kind: TransportError,
  host: string,
  hostPort: string
): string | undefined {
  switch (kind) {
    case 'dns': {
      const isPrivate = /\.privatelink\./i.test(host)
      return `${host} does not resolve on the workload (no such name): check the name's spelling${isPrivate ? `; a privatelink name resolves only through its private DNS zone linked to the workload's VNet (az network private-dns link vnet create ...), and the service's public name is what should be called` : "; with a private endpoint, link its private DNS zone (e.g. privatelink.vaultcore.azure.net) to the workload's VNet, or make the custom DNS servers forward to Azure DNS (168.63.129.16)"}`
    }
    case 'tls-untrusted':
      return `The certificate ${hostPort} presented does not chain to a CA the workload trusts: a TLS-inspecting proxy or firewall re-signs the connection: add that proxy's CA certificate to the workload's trust (the OS store; node: NODE_EXTRA_CA_CERTS; curl/python: the CA bundle, SSL_CERT_FILE) or exempt ${host} from inspection on the proxy`
    case 'tls-name': {
      const publicName = publicNameOf(host)
      return publicName !== undefined
        ? `The certificate of ${hostPort} does not cover the name called (${host}): call ${publicName}, the name the certificate covers; with a private endpoint, private DNS resolves that public name to the private IP (the privatelink name is only the DNS alias)`
        : `The certificate of ${hostPort} does not cover the name called (${host}): call the name the service's certificate covers (its public name, e.g. <account>.blob.core.windows.net, not an IP address, a privatelink alias or a custom name without its own certificate), or give the custom domain a certificate of its own`
    }
    case 'tls-expired':
      return `The certificate ${hostPort} presented is expired or not yet valid for the workload: check the workload's clock (timedatectl / w32tm /query /status) against NTP; if the clock is right, the certificate really is out of its dates: renew it where it is served (a TLS-inspecting proxy's certificate, a custom domain's)`
    case 'tls':
      return `The TLS handshake with ${hostPort} failed: something between the workload and ${host} breaks TLS (a proxy or firewall that does not pass TLS 1.2+, or an endpoint that is not HTTPS); check the error text, and let ${host}:443 through without interference`
    case 'proxy-auth':
      return `The proxy answered 407 Proxy Authentication Required for ${hostPort}: put the proxy's credentials into HTTPS_PROXY (http://user:password@proxy:port, URL-encoded) for the workload, or let the proxy allow ${host} without authentication`
    case 'proxy-denied':
      return `The proxy refused to connect to ${hostPort} (403 or its deny page): allow ${host} on the proxy (an allow rule for ${host}:443, or the firewall's application rule), or exempt ${host} in NO_PROXY if the workload reaches it directly`
    case 'proxy':
      return `The proxy failed for ${hostPort}: check that HTTPS_PROXY names a proxy the workload can reach, and allow ${host} on it; or exempt ${host} in NO_PROXY if the workload reaches it directly`
    default:
      return undefined
  }
}

/** An API host the probe could not reach: the kind's fix, or the generic egress one. */
export function apiNetworkFix(hostPort: string, kind: TransportError): string {
  const host = hostPort.replace(/:\d+$/, '')
  const specific = networkFixFor(kind, host, hostPort)
  if (specific !== undefined) return specific
  return `Allow outbound HTTPS from the workload to ${hostPort} (NSG, Azure Firewall, route table / UDR, proxy allow-list, HTTPS_PROXY/NO_PROXY)${/^[\d.]+$|:/.test(host) ? '' : `; with a private endpoint, make ${host} resolve to its private IP`}`
}
