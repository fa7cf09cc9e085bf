/**
 * Network failures, for real, on loopback: what a workload meets between it and a host, so that the
 * field corpus's network answers (emulator/recorded.ts, `network`) replay through the node's own TLS
 * and socket errors rather than a description of them.
 *
 * - one forward proxy per kind (`proxyUrl(kind)`): it answers CONNECT with 407 (credentials
 *   wanted), 403 and its deny page (no allow rule), or tunnels every host to a TLS listener whose
 *   certificate nobody trusts (an inspecting proxy), covers other names than the one called (a
 *   privatelink alias), or expired long ago. The proxy never connects anywhere else: the host
 *   named in the CONNECT line is only read;
 * - `closedUrl`: a port nothing listens on (connection refused); `hangUrl`: a listener that accepts
 *   and never answers (timed out);
 * - `trustPath`: a CA bundle (for NODE_EXTRA_CA_CERTS) with the emulator's own certificate and the
 *   name and dates ones, so that only the kind under test fails.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import { connect, type Server as NetServer, type Socket } from 'node:net'
import { createServer as createNetServer } from 'node:net'
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createFaultCertificate, type SelfSignedCertificate } from './tls'

/** The kinds the proxies replay (the transport kinds of src/contracts/observations.ts). */
export const PROXY_FAULT_KINDS = [
  'proxy-auth',
  'proxy-denied',
  'tls-untrusted',
  'tls-name',
  'tls-expired'
] as const
export type ProxyFaultKind = (typeof PROXY_FAULT_KINDS)[number]

/**
 * The names the "other names" certificate covers: those Key Vault's and Storage's public
 * certificates cover (external-secrets/external-secrets#1998, Azure/azure-sdk-for-python#16761),
 * never their privatelink aliases.
 */
const PUBLIC_NAMES = [
  'vault.azure.net',
  '*.vault.azure.net',
  '*.vaultcore.azure.net',
  '*.blob.core.windows.net',
  '*.dfs.core.windows.net'
]

/** A deny page as a filtering proxy sends it (HTML, names the proxy). */
const DENY_PAGE =
  '<html><head><title>Access Denied</title></head><body><h1>Access Denied</h1><p>The requested URL is blocked by the proxy policy.</p></body></html>'

function listen(server: Server | NetServer): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject)
      const address = server.address()
      resolve(typeof address === 'object' && address !== null ? address.port : 0)
    })
  })
}

export class NetworkFaults {
  private readonly servers: Array<Server | NetServer> = []
  private readonly sockets = new Set<Socket>()
  private readonly certificates: SelfSignedCertificate[] = []
  private readonly proxies = new Map<ProxyFaultKind, string>()
  /** CA bundle: the emulator's certificate and the name and dates ones. */
  readonly trustPath: string
  closedUrl = ''
  hangUrl = ''

  constructor(
    private readonly directory: string,
    ownCertificatePem: string
  ) {
    const otherNames = createFaultCertificate({ names: PUBLIC_NAMES })
    const expired = createFaultCertificate({ names: ['*.azure.com', '*.microsoft.com', 'login.microsoftonline.com', '*.vault.azure.net', '*.blob.core.windows.net', 'graph.microsoft.com', 'management.azure.com'], expired: true }) // prettier-ignore
    const untrusted = createFaultCertificate({ names: ['inspecting-proxy.example'] })
    this.certificates.push(otherNames, expired, untrusted)
    this.trustPath = join(directory, 'trusted-with-faults.pem')
    writeFileSync(this.trustPath, [ownCertificatePem, otherNames.cert, expired.cert].join('\n'))
    this.tlsFor = { 'tls-name': otherNames, 'tls-expired': expired, 'tls-untrusted': untrusted }
  }

  private readonly tlsFor: Record<
    'tls-name' | 'tls-expired' | 'tls-untrusted',
    SelfSignedCertificate
  >

  private track(server: Server | NetServer): void {
    this.servers.push(server)
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket)
      socket.on('close', () => this.sockets.delete(socket))
    })
  }

  async open(): Promise<void> {
    const tlsPorts: Partial<Record<ProxyFaultKind, number>> = {}
    for (const kind of ['tls-name', 'tls-expired', 'tls-untrusted'] as const) {
      const material = this.tlsFor[kind]
      const server = createHttpsServer({ key: material.key, cert: material.cert }, (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}')
      })
      this.track(server)
      tlsPorts[kind] = await listen(server)
    }
    for (const kind of PROXY_FAULT_KINDS) {
      const proxy = createServer((req, res) => {
        // Absolute-form requests (plain http through the proxy) meet the same refusal.
        req.resume()
        if (kind === 'proxy-auth') {
          res.writeHead(407, { 'proxy-authenticate': 'Basic realm="proxy"' }).end()
        } else {
          res.writeHead(kind === 'proxy-denied' ? 403 : 502, { 'content-type': 'text/html' })
          res.end(DENY_PAGE)
        }
      })
      proxy.on('connect', (_req: IncomingMessage, client: Socket) => {
        this.sockets.add(client)
        client.on('error', () => client.destroy())
        if (kind === 'proxy-auth') {
          client.end(
            'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="proxy"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n'
          )
          return
        }
        if (kind === 'proxy-denied') {
          client.end(
            `HTTP/1.1 403 Forbidden\r\nContent-Type: text/html\r\nContent-Length: ${Buffer.byteLength(DENY_PAGE)}\r\nConnection: close\r\n\r\n${DENY_PAGE}`
          )
          return
        }
        // Whatever host was named, the tunnel ends at this kind's TLS listener on loopback.
        const upstream = connect(tlsPorts[kind] ?? 0, '127.0.0.1', () => {
          client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
          upstream.pipe(client)
          client.pipe(upstream)
        })
        this.sockets.add(upstream)
        upstream.on('error', () => client.destroy())
      })
      this.track(proxy)
      this.proxies.set(kind, `http://127.0.0.1:${await listen(proxy)}`)
    }
    // A port that was bound and released: nothing listens there.
    const probe = createNetServer()
    const closedPort = await listen(probe)
    await new Promise<void>(resolve => probe.close(() => resolve()))
    this.closedUrl = `http://127.0.0.1:${closedPort}`
    const hang = createNetServer(socket => {
      this.sockets.add(socket)
      socket.on('error', () => socket.destroy())
      socket.resume()
    })
    this.track(hang)
    this.hangUrl = `http://127.0.0.1:${await listen(hang)}`
  }

  /** The proxy that answers or tunnels every CONNECT with this kind's fault. */
  proxyUrl(kind: ProxyFaultKind): string {
    const url = this.proxies.get(kind)
    if (url === undefined) throw new Error(`network faults are not open (no ${kind} proxy)`)
    return url
  }

  describe(): Record<string, string> {
    return {
      ...Object.fromEntries(this.proxies),
      closedUrl: this.closedUrl,
      hangUrl: this.hangUrl,
      trustPath: this.trustPath
    }
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy()
    this.sockets.clear()
    await Promise.all(
      this.servers.map(server => new Promise<void>(resolve => server.close(() => resolve())))
    )
    this.servers.length = 0
    for (const certificate of this.certificates)
      rmSync(certificate.directory, { recursive: true, force: true })
    rmSync(this.trustPath, { force: true })
    void this.directory
  }
}
