/**
 * The SDK cross-check: which identity does the app's own SDK resolve to? The raw probe proves the
 * platform works; this shows whether `@azure/identity`, configured the way apps configure it, picks
 * the identity the run expects (the runbook's "app picks the wrong client id").
 *
 * `@azure/identity` reads `process.env` itself and caches its choice per process, so it sees exactly
 * what the app sees. It is imported only here, lazily, so the handler starts fast and an app without
 * it still gets the raw probe (the cross-check then reports why it could not run).
 */
import type { SdkObservation } from '../../../src/contracts/observations';
/** What the cross-check needs of a credential: the `TokenCredential` shape of `@azure/core-auth`. */
export interface TokenCredentialLike {
    getToken(scopes: string | string[], options?: {
        abortSignal?: AbortSignal;
    }): Promise<{
        token: string;
    } | null>;
}
/** A credential the app itself uses, to be asked alongside (or instead of) the default ones. */
export interface NamedCredential {
    name: string;
    credential: TokenCredentialLike;
}
export interface SdkCheckOptions {
    /** Per-credential limit. */
    timeoutMs: number;
    signal?: AbortSignal;
    /** The app's own credentials; when absent the default pair below is asked. */
    credentials?: NamedCredential[];
}
/** `https://management.azure.com/` → `https://management.azure.com/.default` (the SDK maps it back). */
export declare function scopeForResource(resource: string): string;
/** Asks each credential, one after another (they share process-wide caches), for `resource`. */
export declare function sdkCrossCheck(resource: string, options: SdkCheckOptions): Promise<SdkObservation[]>;
