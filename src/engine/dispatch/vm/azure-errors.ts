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
    )
  }
  if (code === 'AuthorizationFailed') {
    if (/runCommand/i.test(message)) {
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
  // ResourceNotFound, ResourceGroupNotFound, ParentResourceNotFound, NotFound...
  if (code.endsWith('NotFound')) {
    return new DispatchError(
      `${context.resourceId} was not found`,
      'Check the resource ID (subscription, resource group, name), and that azure/login uses the subscription it lives in',
      evidence
    )
  }
  if (isRunCommandConflict(error)) {
    return new DispatchError(
      `another run-command is still running on ${context.resourceId} (409 Conflict) and did not finish in time`,
      'Wait for the other run-command to finish (az vm run-command list / the portal shows it), or run mi-smoke later; a VM runs one run-command at a time',
      evidence
    )
  }
  if (code === 'OperationNotAllowed' && /deallocat|stopped|not running/i.test(message)) {
    return new DispatchError(
      `${context.resourceId} is not running: ${said}`,
      `Start it first: az vm start --ids ${context.resourceId}`,
      evidence
    )
  }
  // ARM: 429 under subscription or resource-provider throttling (after the retries Retry-After asked for).
  if (THROTTLED_CODES.has(code) || /^Throttl/i.test(code)) {
    return new DispatchError(
      `Azure throttled the runner's requests while trying to ${context.doing}: ${said}`,
      `Lower concurrency, or split the targets over several runs: ARM allows each principal about 200 writes (run-commands) at once per subscription and region, then 10 a second`,
      evidence
    )
  }
  return undefined
}
