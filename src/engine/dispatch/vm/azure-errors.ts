/**
 * Azure's own failure answers, `{code, message}` as ARM puts them in the body of every failed
 * request (`{"error":{"code","message"}}`, learn.microsoft.com/azure/azure-resource-manager/
 * troubleshooting/common-deployment-errors; the compute examples of Azure/azure-rest-api-specs),
 * classified into the failures a person can act on. The code decides; the message only qualifies a
 * code where ARM uses one code for several causes (OperationNotAllowed for a stopped VM,
 * AuthorizationFailed for the run-command action, Conflict for a run already in progress).
 * The REST path hands ARM's error here as it came; az's stderr is parsed into the same shape once
 * (az-errors.ts), so both paths name a failure the same way and suggest the same fix.
 */
import { DispatchError } from '../workload'
import { redactSecrets } from '../../../common/redact'

/** ARM's `error` object: what failed (`code`) and Azure's own words (`message`). */
export interface AzureError {
  code: string
  message: string
}

export interface AzureCallContext {
  /** What was being done, e.g. `read the power state of the VM`. */
  doing: string
  /** The resource the call was about. */
  resourceId: string
  subscriptionId?: string
}

const SUBSCRIPTION_CODES = new Set(['SubscriptionNotFound', 'InvalidSubscriptionId'])

/**
 * The VM agent does not report, so ARM cannot hand run-command to the VM:
 * `VMAgentStatusCommunicationError` "VM '<vm>' has not reported status for VM agent or extensions"
 * (Azure/azure-powershell#5741, MicrosoftDocs/azure-docs#11596), "VM agent on VM '<vm>' has not
 * reported latest status for extension 'RunCommandLinux'" (Azure/azure-linux-extensions#684).
 */
const VM_AGENT_NOT_READY =
  /has not reported (latest )?status for (VM agent|extension)|VM agent (is )?not ready/i

/** Where the runner's principal goes in a grant when ARM's answer did not name it. */
export const RUNNER_PRINCIPAL_PLACEHOLDER = '<runner principal object ID>'

function subscriptionOf(resourceId: string): string {
  return /\/subscriptions\/([^/]+)/i.exec(resourceId)?.[1] ?? '<subscription ID>'
}
const THROTTLED_CODES = new Set([
  'TooManyRequests',
  'SubscriptionRequestsThrottled',
  'TenantRequestsThrottled',
  'ResourceRequestsThrottled',
  'OperationNotAllowedThrottled'
])

/** ARM's `error` of a body (an answer, or an operation's `{"status":"Failed","error":{}}`). */
export function azureErrorOf(body: string): AzureError | undefined {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } } | null
    const error = parsed?.error
    if (error && typeof error === 'object') {
      return {
        code: typeof error.code === 'string' ? error.code : '',
        message: typeof error.message === 'string' ? error.message : ''
      }
    }
  } catch {
    // not JSON: described by status alone
  }
  return undefined
}

/** The run-command extension of this VM is busy with another run (409): worth retrying. */
export function isRunCommandConflict(error: AzureError): boolean {
  return error.code === 'Conflict' || /execution is in progress/i.test(error.message)
}

/** `Code: message`, masked and cut: Azure's own words for a report. */
export function azureSaid(error: AzureError): string {
  const said = error.code ? `${error.code}: ${error.message}` : error.message
  return redactSecrets(said.replace(/\s+/g, ' ').trim()).slice(0, 400)
}

/**
 * The failure modes Azure names the same way whoever asks. Undefined when the error names none of
 * them; each caller then says in its own words what failed.
 */
export function classifyAzureError(
  error: AzureError,
  context: AzureCallContext,
  evidence: string
): DispatchError | undefined {
  const { code, message } = error
  const said = azureSaid(error)
  const subscription = context.subscriptionId ?? 'the subscription in the resource ID'

  if (SUBSCRIPTION_CODES.has(code)) {
    return new DispatchError(
      `the runner's Azure login cannot see subscription ${subscription}`,
      `Log in (azure/login) with a principal that has access to subscription ${subscription}, or correct the subscription in the target's resource ID`,
      evidence
    ).as('runner-no-access', "the runner's login cannot see the subscription")
  }
  if (code === 'AuthorizationFailed') {
    // ARM names the refused principal: "The client '<id>' with object id '<oid>' does not have...".
    const principal = /object id '([0-9a-f-]{36})'/i.exec(message)?.[1]
    const assignee = principal ?? RUNNER_PRINCIPAL_PLACEHOLDER
    const grant = `az role assignment create --assignee-object-id ${assignee} --assignee-principal-type ServicePrincipal --role "Virtual Machine Contributor" --scope ${context.resourceId}`
    const who = principal ? `principal ${principal}` : 'principal'
    if (/runCommand/i.test(message)) {
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
  // ResourceNotFound, ResourceGroupNotFound, ParentResourceNotFound, NotFound...
  if (code.endsWith('NotFound')) {
    return new DispatchError(
      `${context.resourceId} was not found`,
      `Check the resource ID (subscription, resource group, name) against the VMs that exist (az vm list --subscription ${context.subscriptionId ?? subscriptionOf(context.resourceId)} --query "[].id" -o tsv); azure/login must use the subscription the VM lives in`,
      evidence
    ).as('vm-not-found')
  }
  if (code === 'VMAgentStatusCommunicationError' || VM_AGENT_NOT_READY.test(message)) {
    return new DispatchError(
      `the VM agent on ${context.resourceId} is not ready, so run-command cannot reach the VM: ${said}`,
      `Run-command needs a running VM agent that reports to Azure. See its status: az vm get-instance-view --ids ${context.resourceId} --query instanceView.vmAgent; then restart the agent on the VM (Linux: systemctl restart walinuxagent, or waagent on some distributions; Windows: Restart-Service WindowsAzureGuestAgent) and let the VM reach 168.63.129.16 and Azure Storage outbound on port 443`,
      evidence
    ).as('vm-agent-not-ready')
  }
  if (isRunCommandConflict(error)) {
    return new DispatchError(
      `another run-command is still running on ${context.resourceId} (409 Conflict) and did not finish in time`,
      `Wait for the other run-command to finish, or run mi-smoke later: a VM runs one run-command at a time. The VM's extensions and their state: az vm get-instance-view --ids ${context.resourceId} --query "instanceView.extensions[].{name:name,status:statuses[0].displayStatus}"`,
      evidence
    ).as('run-command-busy')
  }
  // "The operation requires the VM to be running (or set to run). (Code: OperationNotAllowed)"
  // (MicrosoftDocs/azure-docs#32404) names no state: the VM is stopped or deallocated.
  if (
    code === 'OperationNotAllowed' &&
    /deallocat|stopped|not running|requires the VM to be running/i.test(message)
  ) {
    return new DispatchError(
      `${context.resourceId} is not running: ${said}`,
      `Start it first: az vm start --ids ${context.resourceId}`,
      evidence
    ).as(
      /deallocat/i.test(message) ? 'vm-deallocated' : 'vm-stopped',
      /deallocat|stopped/i.test(message) ? undefined : 'VM not running (stopped or deallocated)'
    )
  }
  // ARM: 429 under subscription or resource-provider throttling (after the retries Retry-After asked for).
  if (THROTTLED_CODES.has(code) || /^Throttl/i.test(code)) {
    return new DispatchError(
      `Azure throttled the runner's requests while trying to ${context.doing}: ${said}`,
      `Lower concurrency, or split the targets over several runs: ARM allows each principal about 200 writes (run-commands) at once per subscription and region, then 10 a second`,
      evidence
    ).as('arm-throttled')
  }
  return undefined
}
