/**
 * ARM's failure answers as `DispatchError`s: Azure's `{code, message}` (azure-errors.ts) classified
 * directly; what names no known failure is described by its status and Azure's own words.
 */
import type { HttpResponse } from '../../../../common/http/http-request'
import { DispatchError } from '../../workload'
import {
  azureErrorOf,
  azureSaid,
  classifyAzureError,
  type AzureCallContext,
  type AzureError
} from '../azure-errors'
import { maskedTail } from '../mask'

function requestIds(response: HttpResponse): string {
  const id = response.headers['x-ms-correlation-request-id'] ?? response.headers['x-ms-request-id']
  return typeof id === 'string' ? ` (x-ms-correlation-request-id ${id})` : ''
}

/** A failed ARM answer (status ≥ 400, retries spent) as the failure a person can act on. */
export function armCallError(response: HttpResponse, context: AzureCallContext): DispatchError {
  const error = azureErrorOf(response.body)
  const evidence = `HTTP ${response.status}${requestIds(response)}: ${maskedTail(response.body, 500)}`
  const known = error && classifyAzureError(error, context, evidence)
  if (known) return known
  if (response.status === 401) {
    return new DispatchError(
      `Azure Resource Manager refused the runner's token while trying to ${context.doing}`,
      'Run azure/login again in this job (its token may have expired), and check that az cloud show names the cloud the resources live in',
      evidence
    )
  }
  const said = error ? azureSaid(error) : ''
  return new DispatchError(
    `Azure Resource Manager answered HTTP ${response.status} while trying to ${context.doing}${said ? `: ${said}` : ''}`,
    'Run again; if it repeats, look the request up by its correlation ID in the activity log, or ask Azure support with it',
    evidence
  )
}

/** A failed long-running operation (`status: Failed`), e.g. the VM agent could not run the script. */
export function operationFailedError(
  error: AzureError | undefined,
  context: AzureCallContext
): DispatchError {
  const evidence = error ? azureSaid(error) : ''
  const known = error && classifyAzureError(error, context, evidence)
  if (known) return known
  return new DispatchError(
    `run-command on ${context.resourceId} failed${evidence ? `: ${evidence}` : ''}`,
    'Check that the VM agent is running and the VM can reach Azure on port 443 (run-command results travel back that way)',
    evidence
  )
}
