// vm-probes/linux/probe.sh is written as modules (vm-probes/linux/src/*.sh, sourced by the tests)
// and shipped as one file, because run-command takes exactly one script. This is the one place that
// knows the pieces and their order; the build (copy-probes.cjs), the action run from sources
// (src/engine/dispatch/vm/probe-script.ts) and the tests all use it, so they all run the same bytes.
'use strict'
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs')
const { dirname, join } = require('node:path')

const SOURCES = join(__dirname, '..', 'vm-probes', 'linux', 'src')

/** In order: settings, helpers (text, base64, JSON), HTTP, the identity source, the steps, `main "$@"`. */
const PIECES = [
  'prelude.sh',
  'text.sh',
  'base64.sh',
  'json.sh',
  'http.sh',
  'identity.sh',
  'main.sh',
  'run.sh'
]

/** shellcheck's `shell=sh` directive heads each piece so it can be checked alone; one is enough. */
const DIRECTIVE = '# shellcheck shell=sh\n'

/** The whole probe: the pieces, each without its directive line, one blank line between them. */
function assembleLinuxProbe() {
  return PIECES.map(piece => {
    const text = readFileSync(join(SOURCES, piece), 'utf8')
    const body = text.startsWith(DIRECTIVE) ? text.slice(DIRECTIVE.length) : text
    return body.endsWith('\n') ? body : `${body}\n`
  }).join('\n')
}

/** Writes the assembled probe to `file` (atomically: parallel test workers may write it too). */
function writeLinuxProbe(file) {
  const text = assembleLinuxProbe()
  mkdirSync(dirname(file), { recursive: true })
  const temp = `${file}.${process.pid}.tmp`
  writeFileSync(temp, text, { mode: 0o755 })
  renameSync(temp, file)
  return text
}

module.exports = { PIECES, SOURCES, assembleLinuxProbe, writeLinuxProbe }
