/**
 * Reads a request body from a node stream up to a limit. Past the limit it answers at once (the
 * handler replies 413) and stops keeping bytes, but keeps draining, so the answer can still be
 * written on the socket.
 */
import type { Readable } from 'node:stream'

export interface BodyRead {
  text: string
  tooLarge: boolean
}

export function readBody(stream: Readable, limit: number): Promise<BodyRead> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = false
    stream.on('data', (chunk: Buffer | string) => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
      size += buffer.length
      if (tooLarge) return
      if (size > limit) {
        tooLarge = true
        chunks.length = 0
        resolve({ text: '', tooLarge })
        return
      }
      chunks.push(buffer)
    })
    stream.on('end', () =>
      resolve({ text: tooLarge ? '' : Buffer.concat(chunks).toString('utf8'), tooLarge })
    )
    stream.on('error', reject)
  })
}
