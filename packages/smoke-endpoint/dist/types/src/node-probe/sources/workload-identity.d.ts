import type { TokenSourceModule } from './source';
export declare const DEFAULT_AUTHORITY_HOST = "https://login.microsoftonline.com/";
/** `https://management.azure.com/` → `https://management.azure.com/.default`. */
export declare function scopeOf(resource: string): string;
export declare function tokenEndpoint(authorityHost: string, tenantId: string): string;
export declare function workloadIdentitySource(detail: string): TokenSourceModule;
