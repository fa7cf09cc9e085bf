/** A tiny node:http client for the emulator tests (loopback only; never follows redirects). */
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'

export interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any
}

export interface CallOptions {
  method?: string
  headers?: Record<string, string>
  body?: string
  timeoutMs?: number
  ca?: string | Buffer
}

export function call(url: string, options: CallOptions = {}): Promise<Answer> {
  const target = new URL(url)
  if (target.hostname !== '127.0.0.1' && target.hostname !== 'localhost') {
    throw new Error(`test tried to leave loopback: ${url}`)
  }
  // agent: false: a fresh connection per call, like a probe's run; a pooled keep-alive socket would
  // turn a just-closed listener into ECONNRESET instead of the ECONNREFUSED the scenario means.
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest
  return new Promise((resolve, reject) => {
    const req = send(
      target,
      {
        method: options.method ?? 'GET',
        headers: options.headers,
        ca: options.ca,
        timeout: options.timeoutMs ?? 5000,
        agent: false
      },
      res => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        res.on('end', () => {
          let json: unknown
          try {
            json = JSON.parse(text)
          } catch {
            json = undefined
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json })
        })
      }
    )
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })))
    req.on('error', reject)
    if (options.body !== undefined) req.write(options.body)
    req.end()
  })
}

/** The claims of a JWT-shaped token (payload segment). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function claimsOf(token: string): any {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'))
}

export const ARM = 'https://management.azure.com/'
export const VAULT = 'https://vault.azure.net'
