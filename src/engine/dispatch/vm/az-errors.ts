/**
 * What went wrong in an `az` call, from its exit code and stderr. az has failures of its own (not
 * logged in, a crash of the CLI itself); everything else is Azure's answer, which az prints as
 * `ERROR: (Code) Message` followed by `Code:`/`Message:` lines. That text is parsed once into
 * Azure's `{code, message}` (parseAzError) and classified by azure-errors.ts like the REST path's.
 */
import { DispatchError } from '../workload'
import { classifyAzureError, type AzureCallContext, type AzureError } from './azure-errors'
import { redactSecrets } from '../../../common/redact'
import { maskedTail } from './mask'

/**
 * The Azure CLI itself crashed: a Python exception it did not handle, which it reports as "The
 * command failed with an unexpected error. Here is the traceback:" and a traceback (see
 * Azure/azure-cli#26165 and #23455). Nothing about the VM or the login can be read from it.
 */
export function isAzCliCrash(stderr: string): boolean {
  return (
    /The command failed with an unexpected error/i.test(stderr) ||
    /^Traceback \(most recent call last\):/m.test(stderr)
  )
}

/** az has no login to use (`Please run 'az login' to setup account.` and kin). */
function isNotLoggedIn(stderr: string): boolean {
  return /az login|az account set|No subscription found|not logged in/i.test(stderr)
}

/** The exception that ended the traceback, e.g. `AttributeError: 'NoneType' object has no ...`. */
function crashException(stderr: string): string {
  const lines = stderr.split(/\r?\n/).map(l => l.trim())
  const found = [...lines]
    .reverse()
    .find(l => /^[A-Za-z_][\w.]*(Error|Exception|Interrupt)\b/.test(l))
  return redactSecrets(found ?? '').slice(0, 300)
}

/**
 * The runner's Azure CLI is broken (its own installation, not Azure): says so, with its version
 * (`az version`, when even that runs) and the fix.
 */
export function azCliBrokenError(
  stderr: string,
  context: AzureCallContext,
  version: string | undefined
): DispatchError {
  const exception = crashException(stderr)
  const which = version ? `azure-cli ${version}` : 'version unknown: az version failed too'
  return new DispatchError(
    `the runner's Azure CLI is broken (${which}): it crashed with a Python traceback while trying to ${context.doing}${exception ? ` (${exception})` : ''}`,
    'Repair the Azure CLI on the runner: az upgrade, or reinstall it (Debian/Ubuntu: the azure-cli apt package; pip: pip install --upgrade --force-reinstall azure-cli). If a new release broke it, pin the last good version and check https://github.com/Azure/azure-cli/issues',
    maskedTail(stderr)
  )
}

/**
 * Azure's answer as az printed it, in Azure's own shape: `Code:`/`Message:` lines (azure-cli's
 * `AzCLIError` output), else `ERROR: (Code) Message`, else the first `ERROR:` line as a message
 * without a code (az's own wording, e.g. "The Resource '...' was not found.").
 */
export function parseAzError(stderr: string): AzureError | undefined {
  const lines = stderr.split(/\r?\n/)
  const field = (name: string): string | undefined =>
    lines
      .find(l => l.startsWith(`${name}:`))
      ?.slice(name.length + 1)
      .trim()
  const errorLine = lines.find(l => /^ERROR:/.test(l))?.replace(/^ERROR:\s*/, '')
  const parenthesised = errorLine?.match(/^\(([A-Za-z][\w.]*)\)\s*(.*)$/)
  const code = field('Code') ?? parenthesised?.[1] ?? ''
  const message = field('Message') ?? parenthesised?.[2] ?? errorLine ?? ''
  if (code === '' && message.trim() === '') return undefined
  return { code, message: message.trim() }
}

/** A code-less message az wrote itself for a missing resource (az vm show on a wrong name). */
function saysNotFound(error: AzureError): boolean {
  return error.code === '' && /was not found|could not be found/i.test(error.message)
}

export function azCallError(
  exitCode: number,
  stderr: string,
  context: AzureCallContext
): DispatchError {
  const evidence = maskedTail(stderr)
  if (isNotLoggedIn(stderr)) {
    return new DispatchError(
      `az is not logged in, so it cannot ${context.doing}`,
      'Run azure/login (OIDC: permissions id-token: write, with client-id, tenant-id and subscription-id) in a step before mi-smoke',
      evidence
    )
  }
  const error = parseAzError(stderr)
  if (error) {
    const known = classifyAzureError(
      saysNotFound(error) ? { ...error, code: 'NotFound' } : error,
      context,
      evidence
    )
    if (known) return known
  }
  const said = error
    ? redactSecrets(error.code ? `(${error.code}) ${error.message}` : error.message).slice(0, 400)
    : ''
  return new DispatchError(
    `az failed to ${context.doing} (exit code ${exitCode})${said ? `: ${said}` : ''}`,
    'Run the same az command by hand with --debug to see the full error',
    evidence
  )
}
