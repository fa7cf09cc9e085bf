/**
 * jest setupFiles (every test file, before its tests): watches what the test process itself writes
 * to stdout. A workflow command there (`::warning::`, `::error::`, ... at a line's start) is a test
 * that let the action's code talk to "the runner" in-process instead of capturing it: it lands
 * between jest's results, and on GitHub it would annotate the CI run. Each one is recorded (file
 * and line) in MI_SMOKE_STRAY_LOG for quiet-run-reporter.cjs, which fails the run and names them.
 * The write itself goes through: hiding it would hide the problem.
 */
import { appendFileSync } from 'node:fs'

const COMMAND = /^::[a-z-]+( [^:]*)?::/m

const log = process.env['MI_SMOKE_STRAY_LOG']
if (log) {
  const write = process.stdout.write.bind(process.stdout) as (...args: unknown[]) => boolean
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString() : ''
    const line = COMMAND.exec(text)
    if (line) {
      const state = (
        globalThis as { expect?: { getState(): { testPath?: string; currentTestName?: string } } }
      ).expect?.getState()
      const where = `${state?.testPath ?? 'unknown file'} › ${state?.currentTestName ?? '(outside a test)'}`
      const first = text.slice(line.index).split('\n')[0] ?? ''
      appendFileSync(log, JSON.stringify({ where, line: first.slice(0, 200) }) + '\n')
    }
    return write(chunk, ...rest)
  }) as typeof process.stdout.write
}
