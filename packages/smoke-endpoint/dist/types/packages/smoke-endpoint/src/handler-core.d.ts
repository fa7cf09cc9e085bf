import { type AllowlistOptions } from './allowlist';
import { type AppServiceAuthOptions, type HeaderBag } from './authenticate';
import { type RateLimitOptions } from './rate-limit';
import { type RehearsalOptions } from './rehearsal';
import { type NamedCredential } from './sdk-cross-check';
export interface SmokeHandlerOptions {
    /** Shared key callers send as `x-mi-smoke-key`; default `MI_SMOKE_KEY` of the environment. */
    key?: string;
    /** Accept callers authenticated by App Service authentication (see authenticate.ts). */
    appServiceAuth?: AppServiceAuthOptions;
    /** Where tokens may go besides the Azure service hosts table. */
    allowlist?: AllowlistOptions;
    /** IMDS bases a request may name besides `http://169.254.169.254` (an emulator in tests). */
    imdsEndpoints?: string[];
    /**
     * Rehearse against the mi-smoke emulator on this machine (see rehearsal.ts); default
     * `MI_SMOKE_REHEARSAL` of the environment (`imds=URL api=URL`, as the emulator's banner prints it).
     */
    rehearsal?: RehearsalOptions;
    /** Default 6 a minute, bursts of 6, per handler instance. */
    rateLimit?: RateLimitOptions;
    /** Cap on the request's `timeoutMs`; default (and at most) 30 s. */
    maxTimeoutMs?: number;
    /** Overall deadline of one probe run; default and at most 90 s (IMDS may answer 410 for 70 s). */
    deadlineMs?: number;
    /** Ask `@azure/identity` too (default true). */
    sdkCheck?: boolean;
    /** The app's own credentials for the SDK cross-check, instead of the default pair. */
    sdkCredentials?: NamedCredential[];
    /** The environment the probe reads identity sources from; default `process.env`. */
    env?: NodeJS.ProcessEnv;
    /** Clock, for tests of the rate limit. */
    now?: () => number;
    /** Where the endpoint says it runs in rehearsal mode; default standard error. */
    log?: (line: string) => void;
}
export interface SmokeRequest {
    method: string;
    /** Header names lower case. */
    headers: HeaderBag;
    /** The body as text, or as already parsed by a framework (Express `express.json()`). */
    body: string | object | undefined;
    /** The adapter stopped reading at REQUEST_BODY_LIMIT. */
    bodyTooLarge?: boolean;
    /**
     * Reads the body (capped at REQUEST_BODY_LIMIT) when the body has not been read yet: the handler
     * calls it only once the caller is authenticated and within the rate limit, so an
     * unauthenticated caller never gets a byte of its body read.
     */
    readBody?: () => Promise<{
        text: string;
        tooLarge: boolean;
    }>;
}
export interface SmokeResponse {
    status: number;
    headers: Record<string, string>;
    body: string;
}
export type SmokeHandler = (request: SmokeRequest) => Promise<SmokeResponse>;
export declare function createSmokeHandler(options?: SmokeHandlerOptions): SmokeHandler;
