/**
 * Reads a run-command's result, the RunCommandResult JSON ARM returns (and `az vm run-command
 * invoke` prints): Linux: one status whose message
 * holds `[stdout]` and `[stderr]`; Windows: one `ComponentStatus/StdOut/...` and one
 * `ComponentStatus/StdErr/...` entry), then the probe's `MI-SMOKE-OBS/1 {json}` line in stdout.
 * Anything unreadable is a `DispatchError` that shows the output's tail, masked.
 */
import { OBSERVATIONS_MARKER } from '../../../contracts/observations'
import { MAX_JSON_DEPTH, nestsTooDeep } from '../../observations-validator'
import { DispatchError } from '../workload'
import { redactSecrets } from '../../../common/redact'
import { maskedTail } from './mask'

export interface RunCommandStreams {
  stdout: string
  stderr: string
}

interface InstanceViewStatus {
  code?: string
  message?: string
}

/** The streams of a run-command result, whichever OS shape it has. */
export function parseRunCommandResult(json: string): RunCommandStreams {
  let parsed: unknown
  try {
    parsed = JSON.parse(json)
  } catch {
    throw new DispatchError(
      'az vm run-command printed something that is not JSON',
      'Run the same az command by hand to see what it prints; update the Azure CLI if it is old',
      maskedTail(json)
    )
  }
  const value = (parsed as { value?: unknown } | null)?.value
  if (!Array.isArray(value) || value.length === 0) {
    throw new DispatchError(
      'az vm run-command returned no status',
      'Check that the VM agent is running and the VM can reach Azure on port 443 (run-command results travel back that way)',
      maskedTail(json)
    )
  }
  const statuses = value as InstanceViewStatus[]
  const stdOut = statuses.find(s => /^ComponentStatus\/StdOut\//i.test(s.code ?? ''))
  const stdErr = statuses.find(s => /^ComponentStatus\/StdErr\//i.test(s.code ?? ''))
  if (stdOut || stdErr) return { stdout: stdOut?.message ?? '', stderr: stdErr?.message ?? '' }
  return splitLinuxMessage(statuses[0]?.message ?? '')
}

/** `Enable succeeded: \n[stdout]\n...\n\n[stderr]\n...` → the two streams. */
export function splitLinuxMessage(message: string): RunCommandStreams {
  const out = message.indexOf('[stdout]\n')
  const err = message.lastIndexOf('\n[stderr]\n')
  if (out < 0) return { stdout: message, stderr: '' }
  const stdoutEnd = err > out ? err : message.length
  return {
    stdout: message.slice(out + '[stdout]\n'.length, stdoutEnd),
    stderr: err > out ? message.slice(err + '\n[stderr]\n'.length) : ''
  }
}

/**
 * Whether some line holds `"apis":[` and ends as an observations line does (`]}`): the end of a
 * line whose start the 4 KB cut took. One pass over the occurrences, no array of lines.
 */
function hasCutObservationsEnd(stdout: string): boolean {
  for (let at = stdout.indexOf('"apis":['); at !== -1;) {
    const end = stdout.indexOf('\n', at)
    const line = stdout.slice(at, end === -1 ? stdout.length : end)
    if (line.trimEnd().endsWith(']}')) return true
    if (end === -1) return false
    at = stdout.indexOf('"apis":[', end)
  }
  return false
}

/**
 * The last line of `stdout` that starts with `prefix` (without its line end), found from the end
 * with lastIndexOf: linear however many lines or markers the output holds.
 */
function lastLineStartingWith(stdout: string, prefix: string): string | undefined {
  for (let at = stdout.lastIndexOf(prefix); at !== -1;) {
    if (at === 0 || stdout.charCodeAt(at - 1) === 10) {
      const end = stdout.indexOf('\n', at)
      const line = stdout.slice(at, end === -1 ? stdout.length : end)
      return line.endsWith('\r') ? line.slice(0, -1) : line
    }
    at = at === 0 ? -1 : stdout.lastIndexOf(prefix, at - 1)
  }
  return undefined
}

/** The observations on the marker line of `stdout` (the last one, if noise repeats the marker). */
export function readObservations(streams: RunCommandStreams): unknown {
  const prefix = `${OBSERVATIONS_MARKER} `
  const line = lastLineStartingWith(streams.stdout, prefix)
  const evidence = (): string =>
    maskedTail(`[stdout]\n${streams.stdout}\n[stderr]\n${streams.stderr}`.trimEnd())
  if (line === undefined) {
    // The line's start is gone but its end is there: the 4 KB cut took it, not a failed probe.
    const cutMarker =
      streams.stdout.includes(OBSERVATIONS_MARKER) || hasCutObservationsEnd(streams.stdout)
    throw new DispatchError(
      cutMarker
        ? `the probe's ${OBSERVATIONS_MARKER} line was cut (run-command keeps only the last 4,096 bytes of output)`
        : `the probe printed no ${OBSERVATIONS_MARKER} line`,
      'Look at the output tail below: something on the VM printed too much after the probe, or the probe could not run (no /bin/sh, no PowerShell, a policy blocking scripts)',
      evidence()
    )
  }
  // Parsed only: the orchestrator passes every answer through the one observations validator,
  // which also redacts every text in it.
  const text = line.slice(prefix.length)
  if (nestsTooDeep(text)) {
    throw new DispatchError(
      `the probe's ${OBSERVATIONS_MARKER} line nests deeper than ${MAX_JSON_DEPTH} levels (not an answer of the probe)`,
      'Use the probe scripts shipped with this version of the action; a VM that answers this is not running them',
      evidence()
    )
  }
  let answer: unknown
  try {
    answer = JSON.parse(text) as unknown
  } catch {
    throw new DispatchError(
      `the probe's ${OBSERVATIONS_MARKER} line is not complete JSON (cut or mangled on the way back)`,
      'Run the probe again; if it repeats, reduce the number of checks or what else the VM prints',
      evidence()
    )
  }
  const said = answer as { nonce?: unknown; source?: unknown; sourceDetail?: unknown } | null
  if (said !== null && typeof said === 'object' && said.nonce === '' && said.source === 'none') {
    // The probe ran but could not read its request: it says why (no parameters, or ones it cannot
    // decode) instead of the request's nonce (a request's nonce is never empty).
    const why = redactSecrets(String(said.sourceDetail ?? 'no reason given')).slice(0, 300)
    throw new DispatchError(
      `the probe on the VM could not read its request: ${why}`,
      /missing/.test(why)
        ? "The VM's run-command agent handed the script no parameters (neither arguments nor arg1, arg2, ... environment variables): update the VM agent (walinuxagent / the Windows guest agent), then run again"
        : 'Use the probe scripts shipped with this version of the action; if it repeats, update the VM agent',
      evidence()
    )
  }
  return answer
}
