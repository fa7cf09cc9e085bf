/** Small HTTP helpers shared by the emulator's handlers. */
import type { IncomingMessage, ServerResponse } from 'node:http'

export interface Reply {
  status: number
  headers?: Record<string, string>
  /** A JSON value (serialised here) or an exact body string. */
  body?: unknown
  /** Set when `body` is already the exact bytes to send (e.g. deliberately malformed JSON). */
  raw?: boolean
}

export function send(res: ServerResponse, reply: Reply): void {
  const text =
    reply.body === undefined ? '' : reply.raw ? String(reply.body) : JSON.stringify(reply.body)
  res.writeHead(reply.status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...reply.headers
  })
  res.end(text)
}

export interface ParsedQuery {
  /** Each parameter's first value; names as sent (query names are case-sensitive here). */
  params: Map<string, string>
  /** Names that appeared more than once. */
  duplicates: string[]
}

/** Parses the query of a request URL, keeping track of repeated parameters. */
export function parseQuery(url: URL): ParsedQuery {
  const params = new Map<string, string>()
  const duplicates: string[] = []
  for (const [name, value] of url.searchParams) {
    if (params.has(name)) duplicates.push(name)
    else params.set(name, value)
  }
  return { params, duplicates }
}

export function requestUrl(req: IncomingMessage): URL {
  return new URL(req.url ?? '/', 'http://emulator.invalid')
}

/** One header's value as a string (the first, if repeated). */
export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()]
  return Array.isArray(value) ? value[0] : value
}

/** Reads a request body, bounded: the emulator never buffers more than `limit` bytes. */
export function readBody(req: IncomingMessage, limit = 64 * 1024): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        reject(new Error('request body too large'))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

/** The bearer token of an Authorization header, or undefined when there is none. */
export function bearerToken(req: IncomingMessage): string | undefined {
  const value = header(req, 'authorization')
  const match = /^Bearer\s+(\S+)\s*$/i.exec(value ?? '')
  return match?.[1]
}

/** Headers that carry secrets: recorded only as `[redacted]` (with the scheme, for Authorization). */
const SECRET_HEADERS = new Set(['authorization', 'x-identity-header', 'secret', 'x-mi-smoke-key'])

export function redactHeaders(
  headers: IncomingMessage['headers']
): Record<string, string | string[] | undefined> {
  const copy: Record<string, string | string[] | undefined> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (!SECRET_HEADERS.has(name)) {
      copy[name] = value
    } else if (name === 'authorization' && typeof value === 'string') {
      const scheme = /^\s*(\S+)/.exec(value)?.[1] ?? ''
      copy[name] = `${scheme} [redacted]`
    } else {
      copy[name] = '[redacted]'
    }
  }
  return copy
}

/** Unix seconds now. */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000)
}
