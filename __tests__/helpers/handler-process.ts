/**
 * Test helper: starts the handler fixture (fixtures/serve-handler.ts) in a child process with a
 * given environment, and the built action for `__tests__/http` (MI_SMOKE_ACTION_ENTRY, or a
 * build of the current sources with rollup.config.mjs, made when src/ changed).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { SmokeHandlerOptions } from '../../packages/smoke-endpoint/src/public'

const ROOT = resolve(__dirname, '..', '..')

export interface HandlerProcess {
  url: string
  /** Everything the child printed (the handler logs nothing secret; tests search it for the canary). */
  output(): string
  stop(): Promise<void>
}

export async function startHandlerProcess(
  settings: SmokeHandlerOptions,
  env: Record<string, string>
): Promise<HandlerProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, '..', 'smoke-endpoint', 'fixtures', 'serve-handler.ts')],
    {
      cwd: ROOT,
      // A clean environment: only what a workload of that kind would have, never the host's identity settings.
      env: {
        PATH: process.env['PATH'] ?? '/usr/bin:/bin',
        HOME: process.env['HOME'] ?? '/tmp',
        MI_SMOKE_TEST_HANDLER: JSON.stringify(settings),
        ...env
      },
      stdio: ['ignore', 'pipe', 'pipe']
    }
  )
  let output = ''
  child.stderr!.on('data', chunk => (output += String(chunk)))
  const port = await new Promise<number>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`handler did not start: ${output}`)), 30_000)
    child.stdout!.on('data', chunk => {
      output += String(chunk)
      const match = /LISTENING (\d+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        done(Number(match[1]))
      }
    })
    child.on('exit', code => fail(new Error(`handler exited ${code}: ${output}`)))
  })
  return {
    url: `http://127.0.0.1:${port}/mi-smoke`,
    output: () => output,
    stop: () =>
      new Promise<void>(done => {
        if (child.exitCode !== null) return done()
        child.once('exit', () => done())
        child.kill('SIGTERM')
      })
  }
}

function newestSource(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs)
  }
  return newest
}

/** The action entry these tests run: MI_SMOKE_ACTION_ENTRY, or the bundle (rollup.config.mjs) rebuilt when src changed. */
export function builtActionEntry(): string {
  if (process.env['MI_SMOKE_ACTION_ENTRY']) return resolve(process.env['MI_SMOKE_ACTION_ENTRY'])
  // Per checkout (not a shared /tmp folder): two clones on one machine must not test each other's build.
  const out = join(ROOT, 'node_modules', '.cache', 'mi-smoke-http-dist')
  const entry = join(out, 'index.js')
  if (!existsSync(entry) || statSync(entry).mtimeMs < newestSource(join(ROOT, 'src'))) {
    rmSync(out, { recursive: true, force: true })
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules', 'rollup', 'dist', 'bin', 'rollup'), '-c', '--silent'],
      { cwd: ROOT, stdio: 'pipe', env: { ...process.env, MI_SMOKE_BUNDLE_DIR: out } }
    )
  }
  return entry
}
