import type { Observations, WorkloadMeta } from '../contracts/observations';
import type { ProbeRequest } from '../contracts/probe-request';
import type { Sleep } from './retry-policy';
export interface ProbeOptions {
    env: NodeJS.ProcessEnv;
    signal?: AbortSignal;
    /** Names the probe in the observations; `local` by default. */
    probe?: string;
    /** Called with every access token the moment it is received (the local dispatcher: the redactor). */
    registerSecret?: (secret: string) => void;
    /** Retry waits and clock, for unit tests only. */
    sleep?: Sleep;
    now?: () => number;
}
/** `notCalled` of a check whose audience got no usable token: the words of every probe (docs/probe-spec.md). */
export declare const NO_TOKEN = "no token for this audience";
/** Storage rejects bearer requests without a service version. */
export declare const STORAGE_VERSION = "2023-11-03";
/** Expands `{subscriptionId}` / `{resourceGroup}`; a string is the URL, an object the reason not to call. */
export declare function expandPlaceholders(url: string, meta: WorkloadMeta | undefined): string | {
    notCalled: string;
};
/** Storage data plane (blob, queue, table, file, dfs) by audience or host. */
export declare function isStorage(resource: string, url: URL): boolean;
export declare function runProbe(request: ProbeRequest, options: ProbeOptions): Promise<Observations>;
