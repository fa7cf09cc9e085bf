/**
 * The runner protocol (inputs, outputs, masks, log lines, annotations, groups, job summary,
 * failure) through @actions/core's public API, so GitHub's own tooling (`@github/local-action`,
 * which stands in for core) sees every output and the summary. The action's workflow commands are
 * issued only here, by core's functions, which escape their properties; every text they carry,
 * the action's own words or a workload's, passes the one log writer first
 * (`src/common/log-writer.ts`), so nothing inside it can issue a command of its own.
 */
import * as core from '@actions/core'
import { inertText, oneLine } from '../common/log-writer'

export interface AnnotationProperties {
  title?: string
}

/** core's job summary (written to GITHUB_STEP_SUMMARY). */
export const summary = core.summary

/**
 * An input as the workflow wrote it, untrimmed: the readers trim it themselves, after looking for
 * invisible characters (String.prototype.trim would silently drop a leading U+FEFF).
 */
export function getInput(name: string): string {
  return core.getInput(name, { trimWhitespace: false })
}

/** An output through core (the GITHUB_OUTPUT file, with core's per-value delimiter). */
export function setOutput(name: string, value: string): void {
  core.setOutput(name, value)
}

/**
 * The one value the action registers with the runner's mask: the endpoint key, an input the runner
 * already knows. Tokens are never registered (the `::add-mask::` line would print them); the
 * redactor keeps them out of everything instead.
 */
export function maskEndpointKey(endpointKey: string): void {
  core.setSecret(endpointKey)
}

export function info(message: string): void {
  core.info(inertText(message))
}

export function debug(message: string): void {
  core.debug(inertText(message))
}

function annotationProperties(properties: AnnotationProperties): core.AnnotationProperties {
  return properties.title === undefined ? {} : { title: oneLine(properties.title) }
}

export function warning(message: string, properties: AnnotationProperties = {}): void {
  core.warning(inertText(message), annotationProperties(properties))
}

export function error(message: string, properties: AnnotationProperties = {}): void {
  core.error(inertText(message), annotationProperties(properties))
}

export function startGroup(name: string): void {
  core.startGroup(oneLine(name))
}

export function endGroup(): void {
  core.endGroup()
}

/** Exit code 1 once the process ends, and the message as an error annotation. */
export function setFailed(message: string): void {
  core.setFailed(inertText(message))
}
