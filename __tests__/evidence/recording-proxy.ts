/**
 * A transparent loopback reverse proxy in front of the smoke endpoint handler: the action talks to
 * it as if it were the workload, and every HTTP answer the handler gave is kept for the leak scan
 * (the handler's responses are what leaves the workload).
 */
import { createServer, request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RecordedExchange {
  method: string
  path: string
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

export interface RecordingProxy {
  /** The same path as the upstream URL, on the proxy's port. */
  url: string
  exchanges: RecordedExchange[]
  close(): Promise<void>
}

/** `delayMs`: hold every answer that long before passing it on (a slow workload). */
export async function startRecordingProxy(upstream: string, delayMs = 0): Promise<RecordingProxy> {
  const target = new URL(upstream)
  const exchanges: RecordedExchange[] = []
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const forward = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: target.host }
        },
        answer => {
          const body: Buffer[] = []
          answer.on('data', (chunk: Buffer) => body.push(chunk))
          answer.on('end', () => {
            const text = Buffer.concat(body)
            exchanges.push({
              method: req.method ?? '',
              path: req.url ?? '',
              status: answer.statusCode ?? 0,
              headers: answer.headers,
              body: text.toString('utf8')
            })
            setTimeout(() => {
              res.writeHead(answer.statusCode ?? 502, answer.headers)
              res.end(text)
            }, delayMs)
          })
        }
      )
      forward.on('error', error => {
        exchanges.push({
          method: req.method ?? '',
          path: req.url ?? '',
          status: 0,
          headers: {},
          body: `proxy: ${error.message}`
        })
        res.destroy()
      })
      forward.end(Buffer.concat(chunks))
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}${target.pathname}${target.search}`,
    exchanges,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
