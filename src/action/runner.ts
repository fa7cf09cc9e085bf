/**
 * The runner protocol (inputs, outputs, masks, log lines, annotations, groups, job summary,
 * failure) through @actions/core's own modules.
 *
 * Why not `import * as core from '@actions/core'`: its index also loads the OIDC client
 * (`@actions/http-client`, `tunnel`, `tls`) and `platform` (`@actions/exec`, `child_process`),
 * none of which the action uses, and that costs about 12 ms of start-up, close to half of Node's
 * own (start-up is a measured goal: `npm run bench`). @actions/core 1.11 has no exports map, so its
 * `lib/` files are importable; formatting, escaping and the GITHUB_STEP_SUMMARY file stay
 * @actions/core's. The functions below are the same one-liners as its `core.ts`, except
 * `setOutput`'s file writer: core's `lib/file-command` loads node:crypto for its delimiter (~4 ms),
 * so `keyValueMessage` below writes core's exact format with a delimiter from `randomUuid`.
 */
import { issue, issueCommand } from '@actions/core/lib/command'
import { toCommandProperties, toCommandValue } from '@actions/core/lib/utils'
import { appendFileSync, existsSync } from 'node:fs'
import { EOL } from 'node:os'
import { randomUuid } from '../common/random-uuid'

export { summary } from '@actions/core/lib/summary'

export interface AnnotationProperties {
  title?: string
}

export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim()
}

/**
 * `name<<delimiter`, the value, `delimiter`: the runner's multi-line format for GITHUB_OUTPUT, as
 * @actions/core's `prepareKeyValueMessage` writes it. A name or value that contains the delimiter
 * is refused (it would end the value early and let the rest set other outputs).
 */
export function keyValueMessage(name: string, value: string, delimiterId = randomUuid()): string {
  const delimiter = `ghadelimiter_${delimiterId}`
  const converted = toCommandValue(value)
  if (name.includes(delimiter) || converted.includes(delimiter)) {
    throw new Error(`Unexpected input: output ${name} contains the delimiter "${delimiter}"`)
  }
  return `${name}<<${delimiter}${EOL}${converted}${EOL}${delimiter}`
}

export function setOutput(name: string, value: string): void {
  const file = process.env['GITHUB_OUTPUT']
  if (file) {
    // As core's issueFileCommand: the runner creates the file; a missing one is a broken runner.
    if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`)
    appendFileSync(file, `${keyValueMessage(name, value)}${EOL}`, { encoding: 'utf8' })
    return
  }
  process.stdout.write(EOL)
  issueCommand('set-output', { name }, toCommandValue(value))
}

export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret)
}

export function info(message: string): void {
  process.stdout.write(message + EOL)
}

export function debug(message: string): void {
  issueCommand('debug', {}, message)
}

export function warning(message: string, properties: AnnotationProperties = {}): void {
  issueCommand('warning', toCommandProperties(properties), message)
}

export function error(message: string, properties: AnnotationProperties = {}): void {
  issueCommand('error', toCommandProperties(properties), message)
}

export function startGroup(name: string): void {
  issue('group', name)
}

export function endGroup(): void {
  issue('endgroup')
}

/**
 * Ends the process once stdout and stderr have handed everything to the OS. `process.exit()` alone
 * drops what a pipe has not taken yet, and the runner reads the action's output through one: the
 * end of the log, annotations among it, would be lost when the runner reads slowly.
 */
export function exitOnceFlushed(exit: () => void = () => process.exit()): void {
  let pending = 2
  const flushed = (): void => {
    if (--pending === 0) exit()
  }
  process.stdout.write('', flushed)
  process.stderr.write('', flushed)
}

/** Exit code 1 once the process ends, and the message as an error annotation. */
export function setFailed(message: string): void {
  process.exitCode = 1
  error(message)
}
