/**
 * Azure Instance Metadata Service (VMs, scale sets, AKS nodes): instance metadata and tokens.
 * `Metadata: true` on every request; never through a proxy (a proxy in the way answers for IMDS).
 */
import { type WorkloadMeta } from '../../contracts/observations';
import type { TokenSourceModule } from './source';
export declare const INSTANCE_API_VERSION = "2021-02-01";
export declare const TOKEN_API_VERSION = "2018-02-01";
/** `compute` of an instance metadata answer → the fields the report uses (strings only). */
export declare function metaFromInstance(body: string): WorkloadMeta | undefined;
export declare function imdsSource(endpoint: string, detail: string): TokenSourceModule;
