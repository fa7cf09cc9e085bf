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
    meaning: 'network' | 'role' | 'audience' | 'tenant' | 'expired' | 'token' | 'role-or-network' | 'stated';
    /** What the service said, in words for the detail line. */
    why: string;
    /**
     * `stated` rules: what fixes the stated cause, with {name} (the resource's name), {object} (the
     * object the URL names), {subscription} and any named group of `code` or `text` (e.g. the
     * provider's {namespace}) filled in; unknown values stay as `<...>` placeholders.
     */
    fix?: string;
    /** The words list several causes at once: none of them, time included, is the evidence. */
    lists?: boolean;
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
/**
 * A data-plane role and the actions (or data actions) it allows, as its built-in definition lists
 * them (`*` matches anything). A remediation names the first role, in table order (narrowest
 * first), that allows the action the check needs: never one that grants no data access.
 */
export interface DataRole {
    role: string;
    allows: string[];
    /** Actions the definition excludes (its notActions), matched like `allows`. */
    denies?: string[];
}
/** Words a service uses for what it refused (a claim, a storage kind), as the action they need. */
export interface ActionWords {
    when: RegExp;
    action: string;
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
    /**
     * How its data-plane permissions are granted: Azure role assignments, or the service's own model
     * (Graph app roles, Cosmos DB SQL role assignments, Data Explorer database roles, SQL database
     * users, Managed HSM local role assignments).
     */
    grants: 'azure-rbac' | 'graph-app-roles' | 'cosmos-data-plane' | 'kusto-database-roles' | 'sql-users' | 'managedhsm-local-rbac';
    roles: DataRole[];
    /** The action a plain GET check needs when the answer names none. */
    defaultAction: string;
    /** What the service's own words for a refused operation need (claims, storage kinds). */
    actionWords?: ActionWords[];
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
/**
 * The audience of the host a check called, for a fix that names it: the host's own entry when the
 * table knows the host, else the row's audience in the cloud of the check's audience (public when
 * unknown). A host-specific audience (Cosmos DB, Data Explorer) names the host called.
 */
export declare function serviceAudienceFor(service: AzureService, url: string, resource: string): string;
/** The first label of the host when it names the resource (`myvault` of `myvault.vault.azure.net`). */
export declare function resourceNameOf(url: string): string | undefined;
/** `blob` of `account.blob.core.windows.net`: which Storage service a host is. */
export declare function storageKindOf(url: string): string | undefined;
/**
 * The first of the service's error rules that matches an answer. A body's inner code is read
 * together with its top-level code: when an answer carries one (Key Vault's `Forbidden` with
 * `ForbiddenByRbac`, `SecretDisabled`...), a `code` rule is matched against the inner code only, so
 * that a top-level `Forbidden` never stands for more than the inner code says.
 */
export declare function matchErrorRules(service: AzureService, status: number, code: string | undefined, innerCode: string | undefined, text: string): ErrorRule | undefined;
/** The named groups a rule's `code` and `text` capture from an answer (e.g. a provider's namespace). */
export declare function ruleCaptures(rule: ErrorRule, code: string | undefined, innerCode: string | undefined, text: string): Record<string, string>;
/** True when the role of the service's table allows the action. */
export declare function roleAllows(service: AzureService, role: string, action: string): boolean;
/**
 * The action a refused call needs, from what the service said: a data action as written
 * (`Microsoft.KeyVault/vaults/secrets/getSecret/action`), words of the service's (a claim such as
 * `'Listen'`, a storage kind such as `queue`), else the service's default for a GET.
 */
export declare function actionNeeded(service: AzureService, said: string | undefined): string;
/**
 * The data role a remediation names: the first role of the service's table (narrowest first) that
 * allows the action the call needs (see actionNeeded); the last, broadest, when none does.
 */
export declare function dataRoleFor(service: AzureService, said: string | undefined): string;
/**
 * The shared Azure service (a row of the table, any cloud) an audience stands for, or undefined
 * when it names none, as an app registration's own App ID URI or client ID does. Read loosely, the
 * way Entra ID resolves a resource: case, trailing slashes, `/.default`, a port or a path do not
 * hide the host of a service's audience (`https://management.core.windows.net/`), of an account
 * it serves (`https://acct.blob.core.windows.net`), or an application ID the table lists (as a GUID
 * or `api://<guid>`). A token for such an audience works against everything its holder may touch.
 */
export declare function sharedServiceOfAudience(audience: string): AzureService | undefined;
/** Every audience of the table as written, for tests that must try each one. */
export declare function sharedServiceAudiences(): string[];
export {};
