/**
 * Transient answers of the APIs (scenarios api-throttled, api-unavailable): the first
 * `apiFaultCount` API requests of the scenario get a 429 or a 5xx, as ARM sends them.
 *
 * Sources of the shapes:
 * - 429: ARM throttling answers 429 with `Retry-After` (seconds) and, for reads, the header
 *   `x-ms-ratelimit-remaining-subscription-reads`; the error code `SubscriptionRequestsThrottled`
 *   and its message "Number of read requests for subscription '...' exceeded the limit of '...' for
 *   time interval '...'. Please try again after '...' seconds." are quoted in
 *   https://learn.microsoft.com/troubleshoot/azure/azure-kubernetes/error-code-toomanyrequestsreceived-subscriptionrequeststhrottled
 *   and the headers in
 *   https://learn.microsoft.com/azure/azure-resource-manager/management/request-limits-and-throttling
 * - 503: `{"error":{"code":"ServerTimeout","message":"The request timed out. Diagnostic
 *   information: ..."}}`, an ARM answer quoted in microsoft/MLOS pull request #950
 *   (https://github.com/microsoft/MLOS/pull/950); the other 5xx reuse its shape.
 */
import type { Reply } from './http-util'
import type { EmulatorState } from './state'
import { correlationId } from './tokens'

export function apiFault(state: EmulatorState): Reply | undefined {
  const { apiFault: fault, apiFaultCount, apiFaultStatus, retryAfterSeconds } = state.settings
  if (fault === 'none' || state.apiFaulted >= apiFaultCount) return undefined
  state.apiFaulted++
  const ids = {
    'x-ms-request-id': correlationId(),
    'x-ms-correlation-request-id': correlationId()
  }
  if (fault === 'throttled') {
    return {
      status: 429,
      headers: {
        ...ids,
        'Retry-After': String(retryAfterSeconds),
        'x-ms-ratelimit-remaining-subscription-reads': '0'
      },
      body: {
        error: {
          code: 'SubscriptionRequestsThrottled',
          message: `Number of read requests for subscription '${state.estate.subscriptionId}' exceeded the limit of '12000' for time interval '01:00:00'. Please try again after '${retryAfterSeconds}' seconds.`
        }
      }
    }
  }
  return {
    status: apiFaultStatus,
    headers: ids,
    body: {
      error: {
        code: 'ServerTimeout',
        message: `The request timed out. Diagnostic information: timestamp '${new Date().toISOString()}', subscription id '${state.estate.subscriptionId}', tracking id '${correlationId()}', request correlation id '${ids['x-ms-correlation-request-id']}'.`
      }
    }
  }
}
