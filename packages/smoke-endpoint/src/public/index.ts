/**
 * The smoke endpoint package's public API, declared once and self-contained: the types an app
 * passes and gets, and the functions and constants the package exports. Its declaration file is
 * the package's published types (tsconfig.probe.json → dist/types/smoke-endpoint/index.d.ts), so
 * nothing of the action's engine, contracts or probe is published. The implementation files
 * import these types; `__tests__/smoke-endpoint/public-api.test.ts` checks that the package's
 * entry (`../index.ts`) exports exactly these functions with these signatures.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http'

/** How a smoke endpoint handler is set up; every field has a default. */
export interface SmokeHandlerOptions {
  /** Shared key callers send as `x-mi-smoke-key`; default `MI_SMOKE_KEY` of the environment. */
  key?: string
  /** Accept callers authenticated by App Service authentication (see authenticate.ts). */
  appServiceAuth?: AppServiceAuthOptions
  /** Where tokens may go besides the Azure service hosts table. */
  allowlist?: AllowlistOptions
  /** IMDS bases a request may name besides `http://169.254.169.254` (an emulator in tests). */
  imdsEndpoints?: string[]
  /**
   * Rehearse against the mi-smoke emulator on this machine (see rehearsal.ts); default
   * `MI_SMOKE_REHEARSAL` of the environment (`imds=URL api=URL`, as the emulator's banner prints it).
   */
  rehearsal?: RehearsalOptions
  /** Default 6 a minute, bursts of 6, per handler instance. */
  rateLimit?: RateLimitOptions
  /** Cap on the request's `timeoutMs`; default (and at most) 30 s. */
  maxTimeoutMs?: number
  /** Overall deadline of one probe run; default and at most 90 s (IMDS may answer 410 for 70 s). */
  deadlineMs?: number
  /** Ask `@azure/identity` too (default true). */
  sdkCheck?: boolean
  /** The app's own credentials for the SDK cross-check, instead of the default pair. */
  sdkCredentials?: NamedCredential[]
  /** The environment the probe reads identity sources from; default `process.env`. */
  env?: NodeJS.ProcessEnv
  /** Clock, for tests of the rate limit. */
  now?: () => number
  /** Where the endpoint says it runs in rehearsal mode; default standard error. */
  log?: (line: string) => void
}

/** One request as the framework-free handler sees it. */
export interface SmokeRequest {
  method: string
  /** Header names lower case. */
  headers: HeaderBag
  /** The body as text, or as already parsed by a framework (Express `express.json()`). */
  body: string | object | undefined
  /** The adapter stopped reading at REQUEST_BODY_LIMIT. */
  bodyTooLarge?: boolean
  /**
   * Reads the body (capped at REQUEST_BODY_LIMIT) when the body has not been read yet: the handler
   * calls it only once the caller is authenticated and within the rate limit, so an
   * unauthenticated caller never gets a byte of its body read.
   */
  readBody?: () => Promise<{ text: string; tooLarge: boolean }>
}

/** One response from the framework-free handler. */
export interface SmokeResponse {
  status: number
  headers: Record<string, string>
  body: string
}

/** The framework-free handler: one request in, one response out. */
export type SmokeHandler = (request: SmokeRequest) => Promise<SmokeResponse>

/** Header names lower case, values as node gives them. */
export type HeaderBag = Record<string, string | string[] | undefined>

/** Callers authenticated by App Service authentication (Easy Auth). */
export interface AppServiceAuthOptions {
  /** The audiences (App ID URI or client ID) a caller's token may be for: input `endpoint-audience`. */
  audiences: string[]
  /** Object IDs or client IDs allowed to call; empty or absent allows any caller of those audiences. */
  allowedCallers?: string[]
  /** Trust the principal header without `WEBSITE_AUTH_ENABLED` (a front end known to strip it). */
  trustPrincipalHeader?: boolean
}

/** A host tokens may be sent to, beside the Azure service table, and the audiences it accepts. */
export interface AllowRule {
  /** Exact host as in a URL's `host`: name or address, with `:port` when not the default. */
  host: string
  /** Audiences this host accepts (compared exactly, as the token's `aud` would be). */
  audiences: string[]
  /** Allow `http://` to this host; refused unless the host is loopback. */
  allowHttp?: boolean
}

/** Where the handler may send tokens. */
export interface AllowlistOptions {
  /** Hosts allowed besides the Azure table. */
  extraRules?: AllowRule[]
  /** `false` leaves only `extraRules` (an app that wants to name every host itself). */
  azureHosts?: boolean
}

/** The handler's token bucket. */
export interface RateLimitOptions {
  /** Requests allowed in a burst. */
  burst: number
  /** Requests the bucket regains per minute. */
  perMinute: number
}

/** The mi-smoke emulator on this machine, to rehearse against. */
export interface RehearsalOptions {
  /** The emulator's identity listener (its IMDS), e.g. `http://127.0.0.1:41000`. */
  imds: string
  /** The emulator's ARM and Key Vault listener, e.g. `http://127.0.0.1:41001`. */
  api: string
}

/** What the cross-check needs of a credential: the `TokenCredential` shape of `@azure/core-auth`. */
export interface TokenCredentialLike {
  getToken(
    scopes: string | string[],
    options?: { abortSignal?: AbortSignal }
  ): Promise<{ token: string } | null>
}

/** A credential the app itself uses, to be asked alongside (or instead of) the default ones. */
export interface NamedCredential {
  name: string
  credential: TokenCredentialLike
}

/** What the middleware needs of Express's `req`: node's request, maybe with a parsed `body`. */
export type ExpressLikeRequest = IncomingMessage & { body?: unknown }

/** Express's `next`. */
export type ExpressLikeNext = (error?: unknown) => void

/**
 * What the handler needs of `HttpRequest`: its method, its (fetch `Headers`) headers, and its body
 * as a stream (read up to the limit) or, failing that, its text.
 */
export interface FunctionsHttpRequestLike {
  method: string
  headers: Iterable<[string, string]>
  body?: ReadableStream<Uint8Array> | null
  text(): Promise<string>
}

/** The `HttpResponseInit` fields the handler sets. */
export interface FunctionsHttpResponseInit {
  status: number
  headers: Record<string, string>
  body: string
}

/** What the handler uses of `InvocationContext`: its log, when there is one. */
export interface FunctionsContextLike {
  error?: (...args: unknown[]) => void
}

/** The standalone server (the package's sidecar command). */
export interface StandaloneOptions {
  port: number
  host: string
  path: string
  handler: SmokeHandlerOptions
}

/** The node:http handler: `http.createServer(createNodeHandler())`. */
declare function createNodeHandler(
  options?: SmokeHandlerOptions
): (req: IncomingMessage, res: ServerResponse) => void
export { createNodeHandler }

/** Express middleware: `app.post('/mi-smoke', createExpressMiddleware())`. */
declare function createExpressMiddleware(
  options?: SmokeHandlerOptions
): (req: ExpressLikeRequest, res: ServerResponse, next: ExpressLikeNext) => void
export { createExpressMiddleware }

/** An Azure Functions (Node.js v4 programming model) HTTP handler. */
declare function createAzureFunctionsHandler(
  options?: SmokeHandlerOptions
): (
  request: FunctionsHttpRequestLike,
  context?: FunctionsContextLike
) => Promise<FunctionsHttpResponseInit>
export { createAzureFunctionsHandler }

/** Starts the standalone server; resolves once it listens. */
declare function startStandaloneServer(
  options: StandaloneOptions
): Promise<{ server: Server; port: number }>
export { startStandaloneServer }

/** The standalone server's settings from its environment (`MI_SMOKE_*`, `PORT`). */
declare function standaloneOptionsFromEnv(env: NodeJS.ProcessEnv): StandaloneOptions
export { standaloneOptionsFromEnv }

/** The framework-free handler, for any other framework. */
declare function createSmokeHandler(options?: SmokeHandlerOptions): SmokeHandler
export { createSmokeHandler }

/** The header a caller sends the shared key in. */
declare const KEY_HEADER: 'x-mi-smoke-key'
export { KEY_HEADER }

/** The protocol version: `v` of a request and of the observations answered. */
declare const PROTOCOL_VERSION: 1
export { PROTOCOL_VERSION }
