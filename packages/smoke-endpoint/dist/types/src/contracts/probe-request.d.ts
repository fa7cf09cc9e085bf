/**
 * What the runner asks a probe to do on the workload: the same request for every dispatch mode
 * (in-process for `local`, run-command parameters for `vm:`/`vmss:`, the smoke endpoint's body for
 * `https://`). It carries data only; nothing in it is ever executed.
 */
/** Which managed identity the workload should use (input `identity`). */
export type IdentitySelection = {
    kind: 'system';
} | {
    kind: 'client-id';
    value: string;
} | {
    kind: 'object-id';
    value: string;
} | {
    kind: 'resource-id';
    value: string;
};
export interface ProbeCheck {
    /** The URL to call; may hold `{subscriptionId}` and `{resourceGroup}` in its path or query, expanded on the workload. */
    url: string;
    /** The audience to get the token for (`resource=`). */
    resource: string;
}
export interface ProbeRequest {
    v: 1;
    /** Random per run; echoed in the observations. */
    nonce: string;
    identity: IdentitySelection;
    checks: ProbeCheck[];
    /** Limit for each request the probe makes, in milliseconds. */
    timeoutMs: number;
    /** Base URL of IMDS (`http://169.254.169.254` unless an emulator stands in). */
    imdsEndpoint: string;
}
/** What each identity protocol calls its selection parameters (they differ by platform). */
export interface IdentityParameterNames {
    clientId: string;
    objectId: string;
    resourceId: string;
}
/** IMDS: `client_id`, `object_id`, `msi_res_id` (docs/azure-wire-facts.md). */
export declare const IMDS_IDENTITY_PARAMETERS: IdentityParameterNames;
/** The query parameter that selects the identity, or none for the system-assigned one. */
export declare function identityParameter(identity: IdentitySelection, names: IdentityParameterNames): [string, string] | undefined;
/** How a selection reads in logs and the report, e.g. `client ID 6f3e…` or `system-assigned`. */
export declare function describeIdentity(identity: IdentitySelection): string;
