/**
 * jest reporter: proves the run was quiet and its skip notice true.
 * - Every test jest counts as skipped must be one the skip notice names (describeWithTools in
 *   system-tools.ts records each group with its number of tests): the two figures must agree.
 * - No test may let a workflow command reach jest's own stdout (stray-commands.ts records them).
 * Either failure fails the run (getLastError) and says where. Files left in the temp folder are
 * named by skip-notice-teardown.ts, which runs after this.
 */
'use strict'
const { existsSync, readFileSync } = require('node:fs')

function readLines(path) {
  if (!path || !existsSync(path)) return []
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map(line => JSON.parse(line))
}

class QuietRunReporter {
  constructor() {
    this.error = undefined
  }

  onRunComplete(_contexts, results) {
    const problems = []
    const skips = readLines(process.env.MI_SMOKE_SKIP_LOG)
    const noticed = skips.reduce((sum, skip) => sum + (skip.tests || 0), 0)
    const skipped = results.numPendingTests + results.numTodoTests
    // A partial run (a path filter, --testNamePattern) skips tests that no tool is missing for.
    const args = process.argv.slice(2)
    const filtered = args.some(
      (arg, i) =>
        /^(-t|--testNamePattern|--onlyChanged|-o|--findRelatedTests)/.test(arg) ||
        (!arg.startsWith('-') && !/^\d+$/.test(arg) && !/^(-c|--config)$/.test(args[i - 1] || ''))
    )
    if (!filtered && skipped !== noticed) {
      problems.push(
        `jest skipped ${skipped} test(s), the skip notice names ${noticed}: a test is skipped without describeWithTools, or a group's tests were not counted`
      )
    }
    const stray = readLines(process.env.MI_SMOKE_STRAY_LOG)
    if (stray.length > 0) {
      problems.push(
        `${stray.length} workflow command(s) written to the test process's own stdout (capture them in the test):`,
        ...stray.slice(0, 20).map(s => `  ${s.where}: ${s.line}`)
      )
    }
    if (problems.length > 0) {
      process.stdout.write(`\nmi-smoke quiet-run check:\n${problems.join('\n')}\n`)
      this.error = new Error('mi-smoke quiet-run check failed (see above)')
    }
  }

  getLastError() {
    return this.error
  }
}

module.exports = QuietRunReporter
