/**
 * Which audience (the `resource` a managed identity token is requested for) each Azure service
 * expects, by the host a check calls, in each Azure cloud.
 *
 * It serves two purposes: a check without `resource=` gets its audience from here, and a check with
 * an explicit `resource=` that the host would refuse is reported as `wrong-audience` before any call
 * is made (the API's own 401 confirms it later).
 *
 * `accepted` lists every audience the service is known to take, spelled out: ARM takes four forms
 * (its own host and the classic `management.core.*` one, each with or without a trailing slash),
 * Key Vault takes exactly `https://vault.azure.net` (with a trailing slash it answers 401 AKV10022),
 * Cosmos DB wants no trailing slash. Where a service is tolerant both spellings are listed. Where
 * a service also takes the URL of the account itself (Storage, Service Bus, Data Explorer...),
 * that URL is listed too. When in doubt an entry is lenient: a false pre-flight warning costs users
 * more than a missed one, which the API's 401 still reports.
 */
export type AzureCloud = 'public' | 'usgov' | 'china';
export interface AzureServiceEntry {
    /** Human name, e.g. `Azure Resource Manager`. */
    service: string;
    cloud: AzureCloud;
    /** The audience to request when the check gives no `resource=`. */
    audience: string;
    /** Every audience the service accepts (including `audience`). */
    accepted: string[];
}
/**
 * The table's entry for the host a check calls, e.g. `myvault.vault.azure.net` → Key Vault in the
 * public cloud, audience `https://vault.azure.net`. Undefined for hosts not in the table.
 */
export declare function serviceForHost(host: string): AzureServiceEntry | undefined;
/**
 * Whether a token for `resource` would be accepted by the service of `entry`: the same test the
 * service applies to the token's `aud` (a v1 managed identity token carries the resource exactly as
 * requested, trailing slash included).
 */
export declare function audienceAccepted(resource: string, entry: AzureServiceEntry): boolean;
/**
 * The table's entry for the host of a check URL as written (placeholders may sit in its path or
 * query, never in its host). Undefined when the URL does not parse or its host is not in the table.
 */
export declare function serviceForUrl(url: string): AzureServiceEntry | undefined;
