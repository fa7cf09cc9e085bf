#!/usr/bin/env node
/**
 * The `mi-smoke` command (packages/cli/dist/index.js once built): runs `main.ts` with the process's
 * arguments, environment and streams, then ends the process once its output is flushed. Ending it
 * is deliberate: a probe abandoned at its deadline may keep a socket open, and the verdict is out.
 */
import { run } from './main'
import { exitOnceFlushed } from '../../../src/common/exit-once-flushed'
import { inertText } from '../../../src/common/log-writer'
import { redactSecrets } from '../../../src/common/redact'

run(process.argv.slice(2), process.env, { stdout: process.stdout, stderr: process.stderr }).then(
  code => {
    process.exitCode = code
    exitOnceFlushed()
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error)
    process.stderr.write(`${inertText(redactSecrets(`mi-smoke crashed: ${message}`))}\n`)
    process.exitCode = 1
    exitOnceFlushed()
  }
)
