/**
 * ARM's own failure answers as `DispatchError`s. ARM puts `{"error":{"code","message"}}` in the
 * body of every failed request (learn.microsoft.com/azure/azure-resource-manager/troubleshooting/
 * common-deployment-errors; the compute examples of Azure/azure-rest-api-specs); the code and
 * message are handed to the classification az errors go through (az-errors.ts: az prints the same
 * answer as `(Code) Message`), so both paths name a failure the same way and suggest the same fix.
 */
import type { HttpResponse } from '../../../../shared/http/http-request'
import { DispatchError } from '../../workload'
import { classifyAzureError, type AzCallContext } from '../az-errors'
import { maskedTail, maskSecrets } from '../mask'

export interface ArmErrorBody {
  code: string
  message: string
}

/** The `error` of an ARM answer, or of an operation's status (`{"status":"Failed","error":{}}`). */
export function armErrorOf(body: string): ArmErrorBody | undefined {
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

/** The text az would print for this error; what the shared classification reads. */
export function azStyleText(error: ArmErrorBody): string {
  return `ERROR: (${error.code}) ${error.message}\nCode: ${error.code}\nMessage: ${error.message}\n`
}

function requestIds(response: HttpResponse): string {
  const id = response.headers['x-ms-correlation-request-id'] ?? response.headers['x-ms-request-id']
  return typeof id === 'string' ? ` (x-ms-correlation-request-id ${id})` : ''
}

/** A failed ARM answer (status ≥ 400, retries spent) as the failure a person can act on. */
export function armCallError(response: HttpResponse, context: AzCallContext): DispatchError {
  const error = armErrorOf(response.body)
  const evidence = `HTTP ${response.status}${requestIds(response)}: ${maskedTail(response.body, 500)}`
  if (error) {
    const known = classifyAzureError(azStyleText(error), context)
    if (known) return new DispatchError(known.message, known.remediation, evidence)
  }
  if (response.status === 401) {
    return new DispatchError(
      `Azure Resource Manager refused the runner's token while trying to ${context.doing}`,
      'Run azure/login again in this job (its token may have expired), and check that az cloud show names the cloud the resources live in',
      evidence
    )
  }
  const said = error ? maskSecrets(`${error.code}: ${error.message}`).slice(0, 400) : ''
  return new DispatchError(
    `Azure Resource Manager answered HTTP ${response.status} while trying to ${context.doing}${said ? `: ${said}` : ''}`,
    'Run again; if it repeats, look the request up by its correlation ID in the activity log, or ask Azure support with it',
    evidence
  )
}

/** A failed long-running operation (`status: Failed`), e.g. the VM agent could not run the script. */
export function operationFailedError(
  error: ArmErrorBody | undefined,
  context: AzCallContext
): DispatchError {
  const text = error ? azStyleText(error) : ''
  const known = error ? classifyAzureError(text, context) : undefined
  if (known) return known
  return new DispatchError(
    `run-command on ${context.resourceId} failed${error ? `: ${maskSecrets(`${error.code}: ${error.message}`).slice(0, 400)}` : ''}`,
    'Check that the VM agent is running and the VM can reach Azure on port 443 (run-command results travel back that way)',
    maskedTail(text)
  )
}
