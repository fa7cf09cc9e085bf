/**
 * What the runner asks a probe to do on the workload: the same request for every dispatch mode
 * (in-process for `local`, run-command parameters for `vm:`/`vmss:`, the smoke endpoint's body for
 * `https://`). It carries data only; nothing in it is ever executed.
 */

/**
 * Checks one run asks of a workload at most (input `checks`). Each check costs a token request and
 * an API call on the workload, and a VM's run-command output is cut at 4 kB: a handful of checks
 * is a smoke test, more is a monitoring system.
 */
export const MAX_CHECKS = 10

/** Which managed identity the workload should use (input `identity`). */
export type IdentitySelection =
  | { kind: 'system' }
  | { kind: 'client-id'; value: string }
  | { kind: 'object-id'; value: string }
  | { kind: 'resource-id'; value: string }

export interface ProbeCheck {
  /** The URL to call; may hold `{subscriptionId}` and `{resourceGroup}` in its path or query, expanded on the workload. */
  url: string
  /** The audience to get the token for (`resource=`). */
  resource: string
}

export interface ProbeRequest {
  v: 1
  /** Random per run; echoed in the observations. */
  nonce: string
  identity: IdentitySelection
  checks: ProbeCheck[]
  /** Limit for each request the probe makes, in milliseconds. */
  timeoutMs: number
  /** Base URL of IMDS (`http://169.254.169.254` unless an emulator stands in). */
  imdsEndpoint: string
}

/** What each identity protocol calls its selection parameters (they differ by platform). */
export interface IdentityParameterNames {
  clientId: string
  objectId: string
  resourceId: string
}

/** IMDS: `client_id`, `object_id`, `msi_res_id` (docs/azure-wire-facts.md). */
export const IMDS_IDENTITY_PARAMETERS: IdentityParameterNames = {
  clientId: 'client_id',
  objectId: 'object_id',
  resourceId: 'msi_res_id'
}

/** The query parameter that selects the identity, or none for the system-assigned one. */
export function identityParameter(
  identity: IdentitySelection,
  names: IdentityParameterNames
): [string, string] | undefined {
  switch (identity.kind) {
    case 'system':
      return undefined
    case 'client-id':
      return [names.clientId, identity.value]
    case 'object-id':
      return [names.objectId, identity.value]
    case 'resource-id':
      return [names.resourceId, identity.value]
  }
}

/** How a selection reads in logs and the report, e.g. `client ID 6f3e…` or `system-assigned`. */
export function describeIdentity(identity: IdentitySelection): string {
  switch (identity.kind) {
    case 'system':
      return 'system-assigned identity'
    case 'client-id':
      return `user-assigned identity with client ID ${identity.value}`
    case 'object-id':
      return `identity with object ID ${identity.value}`
    case 'resource-id':
      return `user-assigned identity ${identity.value}`
  }
}
