/**
 * What went wrong in an `az` call, from its exit code and stderr, as a `DispatchError` a person can
 * act on. The Azure CLI prints ARM errors as `ERROR: (Code) Message` followed by `Code:`/`Message:`
 * lines; login problems as `Please run 'az login' to setup account.`
 */
import { DispatchError } from '../workload'
import { maskedTail, maskSecrets } from './mask'

export interface AzCallContext {
  /** What was being done, e.g. `read the power state of the VM`. */
  doing: string
  /** The resource the call was about. */
  resourceId: string
  subscriptionId?: string
}

/** The run-command extension of this VM is busy with another run (HTTP 409): worth retrying. */
export function isRunCommandConflict(stderr: string): boolean {
  return (
    /\(Conflict\)/.test(stderr) ||
    /Code:\s*Conflict/.test(stderr) ||
    /execution is in progress/i.test(stderr)
  )
}

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

/** The exception that ended the traceback, e.g. `AttributeError: 'NoneType' object has no ...`. */
function crashException(stderr: string): string {
  const lines = stderr.split(/\r?\n/).map(l => l.trim())
  const found = [...lines]
    .reverse()
    .find(l => /^[A-Za-z_][\w.]*(Error|Exception|Interrupt)\b/.test(l))
  return maskSecrets(found ?? '').slice(0, 300)
}

/**
 * The runner's Azure CLI is broken (its own installation, not Azure): says so, with its version
 * (`az version`, when even that runs) and the fix.
 */
export function azCliBrokenError(
  stderr: string,
  context: AzCallContext,
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

function firstErrorLine(stderr: string): string {
  const line =
    stderr.split(/\r?\n/).find(l => /^ERROR:/.test(l)) ??
    stderr.split(/\r?\n/).find(l => l.trim() !== '') ??
    ''
  return maskSecrets(line.replace(/^ERROR:\s*/, '').trim()).slice(0, 400)
}

/**
 * The failure modes Azure names the same way whoever asks: az (its stderr) or ARM's REST API (its
 * `{"error":{"code","message"}}` body, given here as `(Code) Message`). Undefined when the text
 * names none of them; each caller then says in its own words what failed.
 */
export function classifyAzureError(
  stderr: string,
  context: AzCallContext
): DispatchError | undefined {
  const evidence = maskedTail(stderr)
  const said = firstErrorLine(stderr)
  const subscription = context.subscriptionId ?? 'the subscription in the resource ID'

  if (/az login|az account set|No subscription found|not logged in/i.test(stderr)) {
    return new DispatchError(
      `az is not logged in, so it cannot ${context.doing}`,
      'Run azure/login (OIDC: permissions id-token: write, with client-id, tenant-id and subscription-id) in a step before mi-smoke',
      evidence
    )
  }
  if (
    /SubscriptionNotFound|InvalidSubscriptionId|subscription .* (could not be found|doesn't exist|does not exist)/i.test(
      stderr
    )
  ) {
    return new DispatchError(
      `the runner's Azure login cannot see subscription ${subscription}`,
      `Log in (azure/login) with a principal that has access to subscription ${subscription}, or correct the subscription in the target's resource ID`,
      evidence
    )
  }
  if (/AuthorizationFailed/.test(stderr)) {
    if (/runCommand/i.test(stderr)) {
      return new DispatchError(
        `the runner's Azure login may not use run-command on ${context.resourceId}`,
        `Grant the runner's principal a role with Microsoft.Compute/virtualMachines/runCommand/action on the VM, e.g. az role assignment create --assignee <runner principal> --role "Virtual Machine Contributor" --scope ${context.resourceId}`,
        evidence
      )
    }
    return new DispatchError(
      `the runner's Azure login has no access to ${context.resourceId}: ${said}`,
      `Check that azure/login uses subscription ${subscription} (the wrong subscription gives this error), and that the runner's principal has a role on the VM (Virtual Machine Contributor covers reading it and run-command)`,
      evidence
    )
  }
  if (
    /ResourceNotFound|ResourceGroupNotFound|NotFound\)|was not found|could not be found/i.test(
      stderr
    )
  ) {
    return new DispatchError(
      `${context.resourceId} was not found`,
      'Check the resource ID (subscription, resource group, name), and that azure/login uses the subscription it lives in',
      evidence
    )
  }
  if (isRunCommandConflict(stderr)) {
    return new DispatchError(
      `another run-command is still running on ${context.resourceId} (409 Conflict) and did not finish in time`,
      'Wait for the other run-command to finish (az vm run-command list / the portal shows it), or run mi-smoke later; a VM runs one run-command at a time',
      evidence
    )
  }
  if (/OperationNotAllowed/i.test(stderr) && /deallocat|stopped|not running/i.test(stderr)) {
    return new DispatchError(
      `${context.resourceId} is not running: ${said}`,
      `Start it first: az vm start --ids ${context.resourceId}`,
      evidence
    )
  }
  // ARM: 429 under subscription or resource-provider throttling (after the retries Retry-After asked for).
  if (/\(TooManyRequests\)|SubscriptionRequestsThrottled|\(Throttl/i.test(stderr)) {
    return new DispatchError(
      `Azure throttled the runner's requests while trying to ${context.doing}: ${said}`,
      `Lower concurrency, or split the targets over several runs: ARM allows each principal about 200 writes (run-commands) at once per subscription and region, then 10 a second`,
      evidence
    )
  }
  return undefined
}

export function azCallError(
  exitCode: number,
  stderr: string,
  context: AzCallContext
): DispatchError {
  const known = classifyAzureError(stderr, context)
  if (known) return known
  const said = firstErrorLine(stderr)
  return new DispatchError(
    `az failed to ${context.doing} (exit code ${exitCode})${said ? `: ${said}` : ''}`,
    'Run the same az command by hand with --debug to see the full error',
    maskedTail(stderr)
  )
}
