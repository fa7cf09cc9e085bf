/**
 * One HTTP exchange with node:http / node:https (global `fetch` costs ~110 ms to load; start-up is a
 * measured goal). It never rejects: every way a request can go wrong becomes a `TransportError`.
 *
 * - One timer covers the whole exchange (proxy, connect, TLS, headers, body) and destroys the
 *   sockets when it fires, so a hung endpoint really ends within `timeoutMs`.
 * - Bodies are read up to `maxBodyBytes`; the rest is dropped (a probe never needs more).
 * - `bodyTimeoutMs` bounds the body once the headers are in: a peer that answers at once and then
 *   trickles its body ends the exchange then, not at `timeoutMs`.
 * - Proxies only when the caller passes `proxyEnv` (API calls); identity endpoints go direct.
 * - Credentials (`Authorization`) never cross a proxy in clear: over plain http they go only to
 *   a loopback host, and directly, whatever HTTP_PROXY says; over https a proxy only relays the
 *   TLS stream (CONNECT) and never sees them (docs/security.md, "Proxies").
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
    /**
     * How long the body may take once the status and headers have arrived; past it the exchange
     * fails as `timeout` with `during: 'body'`. For answers sent whole when ready (the smoke
     * endpoint's): their body follows the headers at once.
     */
    bodyTimeoutMs?: number;
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
    /** The status and headers had arrived; the body did not end (in time, or at all). */
    during?: 'body';
}
export type HttpOutcome = HttpResponse | HttpFailure;
export declare function isFailure(outcome: HttpOutcome): outcome is HttpFailure;
/** Node's error codes → the observation schema's classes. */
export declare function classifyError(error: unknown): TransportError;
/** Does NO_PROXY exempt this host? Entries: `*`, hosts, `.suffix`/`suffix` domains, IPs, `:port`. */
export declare function bypassesProxy(url: URL, noProxy: string | undefined): boolean;
/** Whether a request's headers carry credentials (a bearer token, a Basic secret...). */
export declare function carriesCredentials(headers: Record<string, string> | undefined): boolean;
/**
 * The proxy a call to `url` must go through under `env`'s rules, if any. The one place a proxy is
 * chosen: a plain-http call that carries credentials (only ever to loopback) never goes through
 * one, since an http proxy reads the whole request, bearer included.
 */
export declare function proxyFor(url: URL, env: NodeJS.ProcessEnv | undefined, withCredentials?: boolean): URL | undefined;
/** Sends one request; resolves with the response or the classified reason there is none. */
export declare function httpRequest(options: HttpRequestOptions): Promise<HttpOutcome>;
