/**
 * A random RFC 4122 version-4 UUID, without loading node:crypto when the OS offers a random device.
 *
 * Why: node:crypto's module graph costs ~4 ms of start-up, and start-up is a measured goal
 * (`npm run bench`); the `local` pass needs randomness only for its nonce and the GITHUB_OUTPUT
 * delimiter. /dev/urandom is the kernel's CSPRNG, the same source node:crypto draws from on Linux
 * and macOS; where it is missing (Windows runners) or unreadable, node:crypto is loaded after all.
 */
import { closeSync, openSync, readSync } from 'node:fs'

const RANDOM_DEVICE = '/dev/urandom'

/** 16 random bytes from `device`, or undefined when it cannot give them all. */
function randomBytesFrom(device: string): Buffer | undefined {
  let fd: number | undefined
  try {
    fd = openSync(device, 'r')
    const bytes = Buffer.alloc(16)
    let filled = 0
    while (filled < bytes.length) {
      const read = readSync(fd, bytes, filled, bytes.length - filled, null)
      if (read <= 0) return undefined
      filled += read
    }
    return bytes
  } catch {
    return undefined
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/** Formats 16 random bytes as a version-4, variant-1 UUID (the shape crypto.randomUUID gives). */
export function uuidFromBytes(bytes: Buffer): string {
  const b = Buffer.from(bytes)
  b[6] = ((b[6] as number) & 0x0f) | 0x40
  b[8] = ((b[8] as number) & 0x3f) | 0x80
  const hex = b.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

export function randomUuid(device: string = RANDOM_DEVICE): string {
  const bytes = randomBytesFrom(device)
  if (bytes) return uuidFromBytes(bytes)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('node:crypto') as typeof import('node:crypto')).randomUUID()
}
