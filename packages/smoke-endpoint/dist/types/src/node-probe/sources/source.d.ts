/**
 * What every identity source module offers run-probe, and the helpers they share. One module per
 * source, as the Azure SDKs are organised, so each protocol's quirks live in one small file.
 */
import type { Exchange, IdentitySource, WorkloadMeta } from '../../contracts/observations';
import type { IdentitySelection } from '../../contracts/probe-request';
import type { HttpRequestOptions } from '../../common/http/http-request';
import type { RetriedOutcome, Sleep } from '../retry-policy';
export interface SourceContext {
    env: NodeJS.ProcessEnv;
    /** Limit for each request, ms. */
    timeoutMs: number;
    signal?: AbortSignal;
    /** Called with every secret the moment the probe holds it (tokens, endpoint keys). */
    registerSecret?: (secret: string) => void;
    /** Retry loop plumbing, injectable for tests. */
    sleep?: Sleep;
    now?: () => number;
}
export interface TokenAttempt {
    /** What was requested, without secrets. */
    url: string;
    result: RetriedOutcome;
}
export interface InstanceAttempt extends TokenAttempt {
    meta?: WorkloadMeta;
}
export interface TokenSourceModule {
    source: IdentitySource;
    /** How it was recognised, in words without secrets. */
    detail: string;
    /** What the platform's settings say about the workload (sources without instance metadata). */
    meta?: WorkloadMeta;
    /** Instance metadata (IMDS only). */
    readInstance?(context: SourceContext): Promise<InstanceAttempt>;
    requestToken(resource: string, identity: IdentitySelection, context: SourceContext): Promise<TokenAttempt>;
}
/**
 * How long a retry loop may run: the longest schedule of the guidance (410 for 70 s) plus one
 * last request. Every loop has a deadline.
 */
export declare function retryDeadline(context: SourceContext): number;
/** One request to an identity endpoint, never through a proxy, with the retry policy. */
export declare function retriedIdentityRequest(context: SourceContext, build: () => Omit<HttpRequestOptions, 'timeoutMs' | 'signal' | 'proxyEnv'>): Promise<RetriedOutcome>;
/** A token request the probe did not send, with the reason (e.g. a selection the source lacks). */
export declare function notSent(url: string, reason: string): TokenAttempt;
/** `base` with `params` appended to its query (keeps what the base already has). */
export declare function withQuery(base: string, params: Array<[string, string]>): string;
/** The endpoint from an environment variable, or undefined when it is not an http(s) URL. */
export declare function endpointUrl(value: string | undefined): string | undefined;
/** Reduces a retry loop's result to the Exchange fields every observation shares. */
export declare function exchangeOf(url: string, result: RetriedOutcome): Exchange;
export declare function selectionWords(identity: IdentitySelection): string;
