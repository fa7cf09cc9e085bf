/**
 * The one table of Azure services this action knows. Each service is one row: its hosts and
 * audiences in each cloud (public, US Government, China), the application IDs that stand for its
 * audience in v2 tokens, the errors it answers (codes and texts, and what they mean), how it says
 * that the caller's network is refused, how to open its network, and the data-plane roles a
 * remediation names. Adding a service is adding a row; adding a cloud is adding a column to the
 * rows (`clouds`) and to CLOUDS. Everything else (the audience a check asks for, the pre-flight
 * audience judgement, the diagnosis of an API's answer, the fix) reads this table.
 *
 * Audiences: `exact` are accepted exactly as written, `eitherSlash` with or without a trailing slash.
 * Key Vault takes exactly `https://vault.azure.net` (with a trailing slash it answers 401 AKV10022);
 * Cosmos DB wants no trailing slash; ARM takes four spellings. Where a service also takes the URL of
 * the account itself (Storage, Service Bus, Data Explorer...), HOST_URL stands for it. When in doubt
 * an entry is lenient: a false pre-flight warning costs users more than a missed one, which the
 * API's 401 still reports.
 */
export type AzureCloud = 'public' | 'usgov' | 'china';
/** The clouds, with the names IMDS (`compute.azEnvironment`) and App Service give them. */
export declare const CLOUDS: Record<AzureCloud, {
    name: string;
    environments: string[];
}>;
/** The cloud an `azEnvironment` value names; undefined for names not in CLOUDS. */
export declare function cloudOfEnvironment(environment: string | undefined): AzureCloud | undefined;
export type ServiceKey = 'arm' | 'keyvault' | 'managedhsm' | 'storage' | 'graph' | 'sql' | 'synapse' | 'servicebus' | 'cosmos' | 'appconfig' | 'acr' | 'cognitive' | 'loganalytics' | 'kusto';
interface CloudEndpoints {
    /** Exact host names. */
    hosts?: string[];
    /** Parent domains: the row matches any host ending in `.<suffix>`. */
    suffixes?: string[];
    /** The audience to request when a check gives no `resource=`. */
    audience: string;
    exact?: string[];
    eitherSlash?: string[];
    /** Private DNS zones of the service's private endpoints in this cloud. */
    privateDnsZones?: string[];
}
/**
 * What an answer of the service means. `code` is matched against the error code (and inner code),
 * `text` against the message and detail; both must match when both are given.
 */
export interface ErrorRule {
    status?: number[];
    code?: RegExp;
    text?: RegExp;
    meaning: 'network' | 'role' | 'audience' | 'tenant' | 'expired' | 'token' | 'role-or-network';
    /** What the service said, in words for the detail line. */
    why: string;
}
/** How a remediation opens the service's network: commands with {name}, {group}, {ip}, {subnet}. */
export interface NetworkFix {
    /** Allow an outbound IP. */
    ip?: string;
    /** Allow a subnet (service endpoint / VNet rule). */
    subnet?: string;
    /** Turn public network access back on (when it is off). */
    publicAccess?: string;
    /** `--group-id` of a private endpoint. */
    privateEndpointGroup: string;
    /** What the resource is called in commands, e.g. `vault`, `account`. */
    resourceWord: string;
}
/** A data-plane role; `when` is matched against the action, the storage kind or the claim named. */
export interface DataRole {
    role: string;
    when?: RegExp;
}
export interface AzureService {
    key: ServiceKey;
    name: string;
    clouds: Partial<Record<AzureCloud, CloudEndpoints>>;
    /**
     * Application IDs that appear as `aud` in v2 tokens for this service. Rules with a `status` are
     * this service's only; rules without one also judge answers of checks whose service is unknown.
     */
    appIds?: string[];
    errors: ErrorRule[];
    network?: NetworkFix;
    /** How its data-plane permissions are granted. */
    grants: 'azure-rbac' | 'graph-app-roles' | 'cosmos-data-plane';
    roles: DataRole[];
}
/** Every row, for tests and documentation that read the table. */
export declare function azureServices(): readonly AzureService[];
export declare function serviceByKey(key: ServiceKey): AzureService;
/** The table's entry for one host: which service, in which cloud, and the audiences it takes. */
export interface AzureServiceEntry {
    key: ServiceKey;
    /** Human name, e.g. `Azure Resource Manager`. */
    service: string;
    cloud: AzureCloud;
    /** The host as called, normalised. */
    host: string;
    /** The audience to request when the check gives no `resource=`. */
    audience: string;
    /** Every audience the service accepts (including `audience`). */
    accepted: string[];
    /** Private DNS zones of its private endpoints in this cloud. */
    privateDnsZones: string[];
}
/**
 * The table's entry for the host a check calls, e.g. `myvault.vault.azure.net` → Key Vault in the
 * public cloud, audience `https://vault.azure.net`. Undefined for hosts not in the table.
 */
export declare function serviceForHost(host: string): AzureServiceEntry | undefined;
/**
 * The table's entry for the host of a check URL as written (placeholders may sit in its path or
 * query, never in its host). Undefined when the URL does not parse or its host is not in the table.
 */
export declare function serviceForUrl(url: string): AzureServiceEntry | undefined;
/** The host `kind` of a service in a cloud, e.g. ARM's `management.usgovcloudapi.net`. */
export declare function serviceHost(key: ServiceKey, cloud: AzureCloud): string | undefined;
/**
 * Whether the service of `entry` accepts a token requested for `resource`: the test the service
 * applies to the token's `aud` (a v1 managed identity token carries the resource exactly as
 * requested, trailing slash included). Strict: Key Vault refuses `https://vault.azure.net/`.
 */
export declare function audienceAccepted(resource: string, entry: AzureServiceEntry): boolean;
/**
 * An audience in the form two audiences are compared in when asking "the same resource?" (not "would
 * the service take it?"): lower-cased, without `/.default` and trailing slashes, an application ID
 * replaced by its service's public-cloud audience.
 */
export declare function normaliseAudience(audience: string): string;
/**
 * True when a token for `a` and one for `b` are for the same resource: equal after normalisation,
 * or two spellings one service row lists side by side (ARM's `management.core.windows.net`,
 * Service Bus's `eventhubs.azure.net`).
 */
export declare function sameAudience(a: string, b: string): boolean;
/**
 * Judges a token's `aud` claim against the resource it was requested for. `unknown` when `aud` is
 * an application ID the table does not know: it may well be the resource's, so no verdict.
 */
export declare function audienceMatchesRequest(aud: string, requested: string): 'match' | 'mismatch' | 'unknown';
/**
 * Which service a check talks to: by its audience first (tests and the emulator call loopback
 * hosts with a real audience), by its host second. Undefined when neither says.
 */
export declare function serviceOfCheck(url: string, audience: string | undefined): AzureService | undefined;
/** The first label of the host when it names the resource (`myvault` of `myvault.vault.azure.net`). */
export declare function resourceNameOf(url: string): string | undefined;
/** `blob` of `account.blob.core.windows.net`: which Storage service a host is. */
export declare function storageKindOf(url: string): string | undefined;
/** The service's error rules that match an answer, first match first. */
export declare function matchErrorRules(service: AzureService, status: number, code: string | undefined, innerCode: string | undefined, text: string): ErrorRule | undefined;
/** The data role a remediation names, chosen by the action, storage kind or claim in `context`. */
export declare function dataRoleFor(service: AzureService, context: string): string;
export {};
