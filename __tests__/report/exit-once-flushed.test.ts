/**
 * The action ends itself when a probe was abandoned at its deadline. Its output goes to the runner
 * through a pipe; what the pipe has not taken when the process exits is lost unless the exit waits.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'

/** Runs the fixture with a reader that takes nothing for `pauseMs`; returns what arrived. */
function runChild(env: Record<string, string>, pauseMs: number): Promise<string> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'fixtures', 'exit-after-output.ts')],
    {
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', ...env },
      stdio: ['ignore', 'pipe', 'inherit']
    }
  )
  child.stdout.pause()
  setTimeout(() => child.stdout.resume(), pauseMs)
  let out = ''
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')))
  return new Promise(done => child.on('close', () => done(out)))
}

const MB = { MI_SMOKE_TEST_BYTES: String(1024 * 1024) }

test('exitOnceFlushed: a reader slow to start still gets every byte', async () => {
  const out = await runChild(MB, 1000)
  // 100-byte lines up to 1 MiB, then END.
  expect(out.length).toBe(Math.ceil((1024 * 1024) / 100) * 100 + 'END\n'.length)
  expect(out.endsWith('END\n')).toBe(true)
})

test('a bare process.exit() loses what the pipe has not taken (why the flush is needed)', async () => {
  const out = await runChild({ ...MB, MI_SMOKE_TEST_BARE_EXIT: '1' }, 1000)
  expect(out.length).toBeLessThan(1024 * 1024)
  expect(out.endsWith('END\n')).toBe(false)
})
