/**
 * Small servers on 127.0.0.1 for the probe's unit tests: an HTTP(S) server with a handler, a
 * "hung" server, a closed port, a tiny forward proxy, and a self-signed certificate made with
 * openssl for the TLS cases. Nothing here listens beyond loopback.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import * as http from 'node:http'
import * as https from 'node:https'
import * as net from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { X509Certificate } from 'node:crypto'

export interface LocalServer {
  url: string
  port: number
  requests: Array<{ method: string; url: string; headers: http.IncomingHttpHeaders; body: string }>
  close(): Promise<void>
}

function track(server: net.Server): () => Promise<void> {
  const sockets = new Set<net.Socket>()
  server.on('connection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  server.on('secureConnection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  return () =>
    new Promise<void>(resolve => {
      for (const socket of sockets) socket.destroy()
      server.close(() => resolve())
    })
}

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port))
  })
}

export type Handler = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  body: string
) => void | Promise<void>

/** An HTTP (or, with `tls`, HTTPS) server that records each request and hands it to `handler`. */
export async function startServer(
  handler: Handler,
  tls?: { key: string; cert: string }
): Promise<LocalServer> {
  const requests: LocalServer['requests'] = []
  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body })
      void handler(req, res, body)
    })
  }
  const server = tls ? https.createServer(tls, onRequest) : http.createServer(onRequest)
  const close = track(server)
  const port = await listen(server)
  return { url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`, port, requests, close }
}

/** Accepts connections and reads requests, never answers. */
export function startHungServer(): Promise<LocalServer> {
  return startServer(() => undefined)
}

/** A port that refuses connections (bound once, then closed). */
export async function closedPort(): Promise<number> {
  const server = net.createServer()
  const port = await listen(server)
  await new Promise<void>(resolve => server.close(() => resolve()))
  return port
}

export interface LocalProxy {
  url: string
  /** Request lines seen: `CONNECT host:port` or `GET http://...`. */
  seen: string[]
  close(): Promise<void>
}

/**
 * A forward proxy: CONNECT tunnels (or `connectStatus` to refuse them) and absolute-form http.
 */
export async function startProxy(options: { connectStatus?: number } = {}): Promise<LocalProxy> {
  const seen: string[] = []
  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`)
    const target = new URL(req.url ?? '')
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: `${target.pathname}${target.search}`,
        headers: req.headers
      },
      answer => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    upstream.on('error', () => {
      res.writeHead(502)
      res.end('proxy: upstream failed')
    })
    req.pipe(upstream)
  })
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    seen.push(`CONNECT ${req.url}`)
    if (options.connectStatus !== undefined) {
      client.end(`HTTP/1.1 ${options.connectStatus} Refused by proxy\r\nContent-Length: 0\r\n\r\n`)
      return
    }
    const [host, port] = (req.url ?? '').split(':')
    const upstream = net.connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  const close = track(server)
  const port = await listen(server)
  return { url: `http://127.0.0.1:${port}`, seen, close }
}

export interface SelfSigned {
  key: string
  cert: string
  /** SHA-1 thumbprint, hex with colons (as node reports it). */
  thumbprint: string
}

/** A self-signed certificate for 127.0.0.1, made with openssl in a temporary directory. */
export function selfSignedCertificate(): SelfSigned {
  const dir = mkdtempSync(join(tmpdir(), 'mi-smoke-probe-cert-'))
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-days',
        '2',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1'
      ],
      { stdio: 'ignore' }
    )
    const cert = readFileSync(join(dir, 'cert.pem'), 'utf8')
    return {
      key: readFileSync(join(dir, 'key.pem'), 'utf8'),
      cert,
      thumbprint: new X509Certificate(cert).fingerprint
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export function json(res: http.ServerResponse, status: number, body: unknown, headers = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(text)
}
