import type { ProbeCheck } from '../../../src/contracts/probe-request';
export interface AllowRule {
    /** Exact host as in a URL's `host`: name or address, with `:port` when not the default. */
    host: string;
    /** Audiences this host accepts (compared exactly, as the token's `aud` would be). */
    audiences: string[];
    /** Allow `http://` to this host; refused unless the host is loopback. */
    allowHttp?: boolean;
}
export interface AllowlistOptions {
    /** Hosts allowed besides the Azure table. */
    extraRules?: AllowRule[];
    /** `false` leaves only `extraRules` (an app that wants to name every host itself). */
    azureHosts?: boolean;
}
export type AllowDecision = {
    allowed: true;
} | {
    allowed: false;
    reason: string;
};
/** Decides one check. Pure: no request, no DNS. */
export type Allowlist = (check: ProbeCheck) => AllowDecision;
export declare function createAllowlist(options?: AllowlistOptions): Allowlist;
