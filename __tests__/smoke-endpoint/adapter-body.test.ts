/**
 * The three smoke-endpoint adapters (node:http, Express, Azure Functions) authenticate before they
 * read a byte of the body, and read at most REQUEST_BODY_LIMIT bytes of it. No probe runs in
 * these tests (every request is refused before), so they need no emulator.
 */
import { createServer, request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import {
  createAzureFunctionsHandler,
  createExpressMiddleware,
  createNodeHandler
} from '../../packages/smoke-endpoint/src'
import { REQUEST_BODY_LIMIT } from '../../src/contracts/smoke-protocol'
import type { SmokeHandlerOptions } from '../../packages/smoke-endpoint/src/public'

const KEY = 'adapter-test-key-0123456789'
const options: SmokeHandlerOptions = { key: KEY, env: {}, sdkCheck: false }
const servers: Server[] = []

afterAll(async () => {
  await Promise.all(servers.map(s => new Promise(done => s.close(done))))
})

async function serve(listener: Parameters<typeof createServer>[1]): Promise<number> {
  const server = createServer(listener)
  servers.push(server)
  await new Promise<void>(done => server.listen(0, '127.0.0.1', done))
  return (server.address() as AddressInfo).port
}

/**
 * Sends the headers and one small chunk of body, then waits for an answer without sending the rest:
 * an adapter that waited for the whole body before authenticating would never answer.
 */
function answerBeforeBodyEnds(
  port: number,
  headers: Record<string, string>
): Promise<{ status: number; bodySentBytes: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/mi-smoke',
        headers: { 'content-type': 'application/json', ...headers }
      },
      res => {
        res.resume()
        resolve({ status: res.statusCode ?? 0, bodySentBytes: sent })
        req.destroy()
      }
    )
    req.on('error', error => {
      if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(error)
    })
    const chunk = '{"v":1,' + ' '.repeat(1000)
    sent += chunk.length
    req.write(chunk)
    // Never end: the rest of the body never comes.
  })
}

/** Streams `total` bytes of body as fast as the server takes them; resolves with the answer. */
function postLarge(
  port: number,
  total: number,
  headers: Record<string, string>
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/mi-smoke',
        headers: { 'content-type': 'application/json', ...headers }
      },
      res => {
        let body = ''
        res.on('data', (c: Buffer) => (body += c.toString('utf8')))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      }
    )
    req.on('error', error => {
      if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(error)
    })
    const chunk = Buffer.alloc(16 * 1024, 0x20)
    let written = 0
    const pump = (): void => {
      while (written < total) {
        written += chunk.length
        if (!req.write(chunk)) return void req.once('drain', pump)
      }
      req.end()
    }
    pump()
  })
}

describe.each([
  ['node:http', () => createNodeHandler(options)],
  [
    'Express (no body parser in front)',
    () => {
      const app = express()
      app.post('/mi-smoke', createExpressMiddleware(options))
      return app
    }
  ]
])('%s adapter', (_name, listener) => {
  test('a caller without the key gets 401 before its body is read (the body never ends)', async () => {
    const port = await serve(listener())
    const answer = await answerBeforeBodyEnds(port, { 'x-mi-smoke-key': 'wrong-key-0123456789' })
    expect(answer.status).toBe(401)
    expect(answer.bodySentBytes).toBeLessThan(2000)
  })

  test('an authenticated caller sending 1 MiB (no content-length) gets 413', async () => {
    const port = await serve(listener())
    const answer = await postLarge(port, 1024 * 1024, {
      'x-mi-smoke-key': KEY,
      'transfer-encoding': 'chunked'
    })
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body)).toMatchObject({ error: 'too-large' })
  })
})

test('Express with express.json() in front: a parsed body over the limit is 413 too', async () => {
  const app = express()
  app.use(express.json({ limit: '2mb' }))
  app.post('/mi-smoke', createExpressMiddleware(options))
  const port = await serve(app)
  const big = JSON.stringify({ v: 1, pad: 'x'.repeat(REQUEST_BODY_LIMIT + 10) })
  const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/mi-smoke',
        headers: { 'content-type': 'application/json', 'x-mi-smoke-key': KEY }
      },
      res => {
        let body = ''
        res.on('data', (c: Buffer) => (body += c.toString('utf8')))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      }
    )
    req.on('error', reject)
    req.end(big)
  })
  expect(answer.status).toBe(413)
})

describe('Azure Functions adapter', () => {
  /** A request whose body stream counts the bytes anyone pulled from it. */
  function functionsRequest(key: string, total: number) {
    let pulled = 0
    let textCalled = false
    const chunk = new Uint8Array(8 * 1024).fill(0x20)
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= total) return controller.close()
        pulled += chunk.byteLength
        controller.enqueue(chunk)
      }
    })
    return {
      request: {
        method: 'POST',
        headers: new Map([
          ['content-type', 'application/json'],
          ['x-mi-smoke-key', key]
        ]),
        body,
        text: async () => {
          textCalled = true
          return ''
        }
      },
      pulled: () => pulled,
      textCalled: () => textCalled
    }
  }

  test('without the key: 401, and nothing pulled from the body stream', async () => {
    const handler = createAzureFunctionsHandler(options)
    const call = functionsRequest('wrong-key-0123456789', 1024 * 1024)
    const answer = await handler(call.request)
    expect(answer.status).toBe(401)
    // A ReadableStream may pull ahead into its queue when created; nothing past that is read.
    expect(call.pulled()).toBeLessThanOrEqual(8 * 1024)
    expect(call.textCalled()).toBe(false)
  })

  test('with the key, 1 MiB of body: 413 after reading at most the limit and one chunk', async () => {
    const handler = createAzureFunctionsHandler(options)
    const call = functionsRequest(KEY, 1024 * 1024)
    const answer = await handler(call.request)
    expect(answer.status).toBe(413)
    expect(call.pulled()).toBeLessThanOrEqual(REQUEST_BODY_LIMIT + 2 * 8 * 1024)
    expect(call.textCalled()).toBe(false)
  })
})

describe('Express with a body parser in front (README, "Limits": mount before body parsers)', () => {
  /** POSTs `body` to an app and returns the status and the parsed error body. */
  async function post(
    port: number,
    body: string,
    headers: Record<string, string> = { 'x-mi-smoke-key': KEY }
  ): Promise<{ status: number; answer: { error?: string; message?: string } }> {
    const response = await fetch(`http://127.0.0.1:${port}/mi-smoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body
    })
    return { status: response.status, answer: (await response.json()) as { error?: string } }
  }
  const MOUNT = /mount the smoke endpoint before any body parser/

  async function behind(parser: express.RequestHandler): Promise<number> {
    const app = express()
    app.use(parser)
    app.post('/mi-smoke', createExpressMiddleware(options))
    return serve(app)
  }

  test('a global express.json(): still 401 without the key, before the parsed body is looked at', async () => {
    const port = await behind(express.json())
    const { status, answer } = await post(port, '{"v":1}', {})
    expect(status).toBe(401)
    expect(answer.message).not.toMatch(MOUNT)
  })

  test('a global express.json(): the parsed body is read by the same rules, refusals name the mount order', async () => {
    const port = await behind(express.json())
    const { status, answer } = await post(port, '{"v":1,"nonce":"x"}')
    expect(status).toBe(400)
    expect(answer.error).toBe('malformed')
    expect(answer.message).toMatch(/'nonce' must be 8/)
    expect(answer.message).toMatch(MOUNT)
    const version = await post(port, '{"v":2}')
    expect(version.answer.error).toBe('unsupported-version')
    expect(version.answer.message).toMatch(MOUNT)
  })

  test('a parser that leaves a value no JSON text can hold (a cycle): 400 naming the mount order', async () => {
    const port = await behind((req, _res, next) => {
      const cyclic: Record<string, unknown> = { v: 1 }
      cyclic['self'] = cyclic
      req.body = cyclic
      req.resume()
      next()
    })
    const { status, answer } = await post(port, '{}')
    expect(status).toBe(400)
    expect(answer.message).toMatch(/cannot be read back as JSON/)
    expect(answer.message).toMatch(MOUNT)
  })

  test('a parser for another media type leaves the stream unread: the handler reads it itself', async () => {
    const placeholder: express.RequestHandler = (req, _res, next) => {
      // body-parser 1's urlencoded(): `{}` for a type it does not parse, the stream untouched.
      req.body = {}
      next()
    }
    const port = await behind(placeholder)
    // What the stream holds is judged (its nonce), not the placeholder (which has no version).
    const { status, answer } = await post(port, '{"v":1,"nonce":"x"}')
    expect(status).toBe(400)
    expect(answer.error).toBe('malformed')
    expect(answer.message).toMatch(/'nonce' must be 8/)
    expect(answer.message).not.toMatch(MOUNT)
  })
})
