/**
 * One TCP listener of the emulator that can be closed and reopened on the same port, so that
 * "connection refused" is real (nothing listens) and a test can restore the service afterwards.
 */
import { createServer as createHttpServer, type RequestListener, type Server } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { Socket } from 'node:net'

export interface TlsMaterial {
  key: string | Buffer
  cert: string | Buffer
}

export class Listener {
  private server: Server | undefined
  private readonly sockets = new Set<Socket>()
  private assignedPort: number

  constructor(
    private readonly handler: RequestListener,
    port = 0,
    private readonly tls?: TlsMaterial,
    readonly host = '127.0.0.1'
  ) {
    this.assignedPort = port
  }

  get port(): number {
    return this.assignedPort
  }

  get isOpen(): boolean {
    return this.server !== undefined
  }

  get origin(): string {
    return `${this.tls ? 'https' : 'http'}://${this.host}:${this.assignedPort}`
  }

  async open(): Promise<void> {
    if (this.server) return
    const server = this.tls
      ? createHttpsServer({ key: this.tls.key, cert: this.tls.cert }, this.handler)
      : createHttpServer(this.handler)
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket)
      socket.on('close', () => this.sockets.delete(socket))
    })
    // A TLS listener also sees raw connections through 'secureConnection'; 'connection' covers both.
    this.server = server
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(this.assignedPort, this.host, () => {
        server.off('error', reject)
        resolve()
      })
    }).catch(error => {
      this.server = undefined
      throw error
    })
    const address = server.address()
    if (address && typeof address === 'object') this.assignedPort = address.port
  }

  /** Stops listening (new connections are refused at once) and drops every open connection. */
  async close(): Promise<void> {
    const server = this.server
    if (!server) return
    this.server = undefined
    const closed = new Promise<void>(resolve => server.close(() => resolve()))
    for (const socket of this.sockets) socket.destroy()
    this.sockets.clear()
    await closed
  }
}
