/**
 * What went wrong in an `az` call, from its exit code and stderr, as a `DispatchError` a person can
 * act on. The Azure CLI prints ARM errors as `ERROR: (Code) Message` followed by `Code:`/`Message:`
 * lines; login problems as `Please run 'az login' to setup account.`
 */
import { DispatchError } from '../workload'
import { maskedTail, maskSecrets } from './mask'

/**
 * The VM agent does not report, so ARM cannot hand run-command to the VM:
 * `VMAgentStatusCommunicationError` "VM '<vm>' has not reported status for VM agent or extensions"
 * (Azure/azure-powershell#5741, MicrosoftDocs/azure-docs#11596), "VM agent on VM '<vm>' has not
 * reported latest status for extension 'RunCommandLinux'" (Azure/azure-linux-extensions#684).
 */
const VM_AGENT_NOT_READY =
  /VMAgentStatusCommunicationError|has not reported (latest )?status for (VM agent|extension)|VM agent (is )?not ready/i

/** Where the runner's principal goes in a grant when ARM's answer did not name it. */
export const RUNNER_PRINCIPAL_PLACEHOLDER = '<runner principal object ID>'

function subscriptionOf(resourceId: string): string {
  return /\/subscriptions\/([^/]+)/i.exec(resourceId)?.[1] ?? '<subscription ID>'
}

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
  ).as('runner-cli-broken')
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
    ).as('runner-not-logged-in')
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
    ).as('runner-no-access', "the runner's login cannot see the subscription")
  }
  if (/AuthorizationFailed/.test(stderr)) {
    // ARM names the refused principal: "The client '<id>' with object id '<oid>' does not have...".
    const principal = /object id '([0-9a-f-]{36})'/i.exec(stderr)?.[1]
    const assignee = principal ?? RUNNER_PRINCIPAL_PLACEHOLDER
    const grant = `az role assignment create --assignee-object-id ${assignee} --assignee-principal-type ServicePrincipal --role "Virtual Machine Contributor" --scope ${context.resourceId}`
    const who = principal ? `principal ${principal}` : "the runner's principal"
    if (/runCommand/i.test(stderr)) {
      return new DispatchError(
        `the runner's Azure login may not use run-command on ${context.resourceId}`,
        `Grant the runner's ${who} the role "Virtual Machine Contributor" (it holds Microsoft.Compute/virtualMachines/runCommand/action) on the VM ${context.resourceId}: ${grant}`,
        evidence
      ).as('run-command-denied')
    }
    return new DispatchError(
      `the runner's Azure login has no access to ${context.resourceId}: ${said}`,
      `Check that azure/login uses subscription ${subscription} (the wrong subscription gives this error), then grant the runner's ${who} the role "Virtual Machine Contributor" (reading the VM and run-command) on the VM ${context.resourceId}: ${grant}`,
      evidence
    ).as('runner-no-access')
  }
  if (
    /ResourceNotFound|ResourceGroupNotFound|NotFound\)|was not found|could not be found/i.test(
      stderr
    )
  ) {
    return new DispatchError(
      `${context.resourceId} was not found`,
      `Check the resource ID (subscription, resource group, name) against the VMs that exist (az vm list --subscription ${context.subscriptionId ?? subscriptionOf(context.resourceId)} --query "[].id" -o tsv); azure/login must use the subscription the VM lives in`,
      evidence
    ).as('vm-not-found')
  }
  if (VM_AGENT_NOT_READY.test(stderr)) {
    return new DispatchError(
      `the VM agent on ${context.resourceId} is not ready, so run-command cannot reach the VM: ${said}`,
      `Run-command needs a running VM agent that reports to Azure. See its status: az vm get-instance-view --ids ${context.resourceId} --query instanceView.vmAgent; then restart the agent on the VM (Linux: systemctl restart walinuxagent, or waagent on some distributions; Windows: Restart-Service WindowsAzureGuestAgent) and let the VM reach 168.63.129.16 and Azure Storage outbound on port 443`,
      evidence
    ).as('vm-agent-not-ready')
  }
  if (isRunCommandConflict(stderr)) {
    return new DispatchError(
      `another run-command is still running on ${context.resourceId} (409 Conflict) and did not finish in time`,
      `Wait for the other run-command to finish, or run mi-smoke later: a VM runs one run-command at a time. The VM's extensions and their state: az vm get-instance-view --ids ${context.resourceId} --query "instanceView.extensions[].{name:name,status:statuses[0].displayStatus}"`,
      evidence
    ).as('run-command-busy')
  }
  // "The operation requires the VM to be running (or set to run). (Code: OperationNotAllowed)"
  // (MicrosoftDocs/azure-docs#32404) names no state: the VM is stopped or deallocated.
  if (
    /OperationNotAllowed/i.test(stderr) &&
    /deallocat|stopped|not running|requires the VM to be running/i.test(stderr)
  ) {
    return new DispatchError(
      `${context.resourceId} is not running: ${said}`,
      `Start it first: az vm start --ids ${context.resourceId}`,
      evidence
    ).as(
      /deallocat/i.test(stderr) ? 'vm-deallocated' : 'vm-stopped',
      /deallocat|stopped/i.test(stderr) ? undefined : 'VM not running (stopped or deallocated)'
    )
  }
  // ARM: 429 under subscription or resource-provider throttling (after the retries Retry-After asked for).
  if (/\(TooManyRequests\)|SubscriptionRequestsThrottled|\(Throttl/i.test(stderr)) {
    return new DispatchError(
      `Azure throttled the runner's requests while trying to ${context.doing}: ${said}`,
      `Lower concurrency, or split the targets over several runs: ARM allows each principal about 200 writes (run-commands) at once per subscription and region, then 10 a second`,
      evidence
    ).as('arm-throttled')
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
