/**
 * Runs an expensive computation once per `jest` invocation and shares its JSON result between test
 * files (each file has its own module registry, and may run in another worker process). The first
 * file to ask computes under a lock directory; the others wait for the result file. The session is
 * the jest process: a worker's parent, or the process itself when jest runs in band.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

function startTime(pid: number): string {
  try {
    // Field 22 of /proc/<pid>/stat: start time in clock ticks (tells a reused pid apart).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '0'
  } catch {
    return '0'
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** The jest run this process belongs to (workers are forked with an IPC channel). */
export function jestSession(): string {
  const pid = typeof process.send === 'function' ? process.ppid : process.pid
  return `${pid}-${startTime(pid)}`
}

/** Removes the shared results of jest runs that have ended (their process is gone). */
function removeEndedSessions(): void {
  for (const entry of readdirSync(tmpdir())) {
    const match = /^mi-smoke-evidence-session-(\d+)-/.exec(entry)
    if (match && !isAlive(Number(match[1]))) {
      rmSync(join(tmpdir(), entry), { recursive: true, force: true })
    }
  }
}

export async function sharedOnce<T>(
  name: string,
  key: string,
  compute: () => Promise<T>,
  waitLimitMs = 15 * 60_000
): Promise<T> {
  removeEndedSessions()
  const dir = join(tmpdir(), `mi-smoke-evidence-session-${jestSession()}`)
  mkdirSync(dir, { recursive: true })
  const safe = `${name}-${key}`.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 150)
  const result = join(dir, `${safe}.json`)
  const lock = join(dir, `${safe}.lock`)
  const owner = join(lock, 'pid')
  const failed = `${result}.error`
  const started = Date.now()
  for (;;) {
    if (existsSync(result)) return JSON.parse(readFileSync(result, 'utf8')) as T
    if (existsSync(failed))
      throw new Error(`${name} failed in another test file: ${readFileSync(failed, 'utf8')}`)
    let mine = false
    try {
      mkdirSync(lock)
      mine = true
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    if (mine) {
      writeFileSync(owner, String(process.pid))
      try {
        const value = await compute()
        writeFileSync(`${result}.tmp`, JSON.stringify(value))
        renameSync(`${result}.tmp`, result)
        return value
      } catch (error) {
        writeFileSync(
          failed,
          error instanceof Error ? (error.stack ?? error.message) : String(error)
        )
        throw error
      }
    }
    // Someone else computes. If it died without a result, take over.
    let holder = 0
    try {
      holder = Number(readFileSync(owner, 'utf8'))
    } catch {
      holder = 0
    }
    const lockAge = Date.now() - statSync(lock).mtimeMs
    if ((holder > 0 && !isAlive(holder)) || Date.now() - started > waitLimitMs) {
      if (lockAge > 1000) return compute()
    }
    await new Promise(resolve => setTimeout(resolve, 250))
  }
}
