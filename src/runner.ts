/**
 * The runner protocol (inputs, outputs, masks, log lines, annotations, groups, job summary,
 * failure) through @actions/core's own modules.
 *
 * Why not `import * as core from '@actions/core'`: its index also loads the OIDC client
 * (`@actions/http-client`, `tunnel`, `tls`) and `platform` (`@actions/exec`, `child_process`),
 * none of which the action uses, and that costs about 12 ms of start-up, close to half of Node's
 * own (start-up is a measured goal: `npm run bench`). @actions/core 1.11 has no exports map, so its
 * `lib/` files are importable; formatting, escaping and the GITHUB_OUTPUT / GITHUB_STEP_SUMMARY
 * files stay @actions/core's. The functions below are the same one-liners as its `core.ts`.
 */
import { issue, issueCommand } from '@actions/core/lib/command'
import { issueFileCommand, prepareKeyValueMessage } from '@actions/core/lib/file-command'
import { toCommandProperties, toCommandValue } from '@actions/core/lib/utils'
import { EOL } from 'node:os'

export { summary } from '@actions/core/lib/summary'

export interface AnnotationProperties {
  title?: string
}

export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim()
}

export function setOutput(name: string, value: string): void {
  if (process.env['GITHUB_OUTPUT']) {
    issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value))
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

/** Exit code 1 once the process ends, and the message as an error annotation. */
export function setFailed(message: string): void {
  process.exitCode = 1
  error(message)
}
