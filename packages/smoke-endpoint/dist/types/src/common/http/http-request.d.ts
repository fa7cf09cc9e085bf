/**
 * One HTTP exchange with node:http / node:https (global `fetch` costs ~110 ms to load; start-up is a
 * measured goal). It never rejects: every way a request can go wrong becomes a `TransportError`.
 *
 * - One timer covers the whole exchange (proxy, connect, TLS, headers, body) and destroys the
 *   sockets when it fires, so a hung endpoint really ends within `timeoutMs`.
 * - Bodies are read up to `maxBodyBytes`; the rest is dropped (a probe never needs more).
 * - Proxies only when the caller passes `proxyEnv` (API calls); identity endpoints go direct.
 */
import * as http from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { TransportError } from '../../contracts/observations';
export declare const DEFAULT_MAX_BODY_BYTES: number;
export interface HttpRequestOptions {
    method: 'GET' | 'POST';
    url: string;
    headers?: Record<string, string>;
    body?: string;
    timeoutMs: number;
    /**
     * A shorter bound for connecting (proxy tunnel and TLS handshake included) and sending the
     * request; past it the exchange fails as `unreachable`. For calls whose answer may take long
     * but whose host must be reachable at once (the smoke endpoint: a cold start holds the answer,
     * not the connection).
     */
    connectTimeoutMs?: number;
    signal?: AbortSignal;
    /** Environment whose HTTPS_PROXY/HTTP_PROXY/NO_PROXY apply; absent → always direct. */
    proxyEnv?: NodeJS.ProcessEnv;
    maxBodyBytes?: number;
    /** Extra trust for https (tests with a self-made certificate). */
    ca?: string | Buffer;
    /**
     * Service Fabric: the identity endpoint's certificate is self-signed; it is trusted when its
     * SHA-1 thumbprint is this one (hex, colons and case ignored), and only then.
     */
    serverThumbprint?: string;
    /**
     * A connection pool for direct exchanges (keep-alive: many requests to one host, e.g. ARM);
     * without it every exchange has its own connection. Not used through a proxy.
     */
    agent?: http.Agent;
}
export interface HttpResponse {
    status: number;
    headers: IncomingHttpHeaders;
    body: string;
    /** The body was longer than `maxBodyBytes`. */
    truncated: boolean;
}
export interface HttpFailure {
    error: TransportError;
    errorText: string;
    /** Nothing went on the wire (bad URL, already aborted): not an attempt. */
    unsent?: boolean;
}
export type HttpOutcome = HttpResponse | HttpFailure;
export declare function isFailure(outcome: HttpOutcome): outcome is HttpFailure;
/** Node's error codes → the observation schema's classes. */
export declare function classifyError(error: unknown): TransportError;
/** Does NO_PROXY exempt this host? Entries: `*`, hosts, `.suffix`/`suffix` domains, IPs, `:port`. */
export declare function bypassesProxy(url: URL, noProxy: string | undefined): boolean;
/** The proxy an API call to `url` must go through under `env`'s rules, if any. */
export declare function proxyFor(url: URL, env: NodeJS.ProcessEnv | undefined): URL | undefined;
/** Sends one request; resolves with the response or the classified reason there is none. */
export declare function httpRequest(options: HttpRequestOptions): Promise<HttpOutcome>;
