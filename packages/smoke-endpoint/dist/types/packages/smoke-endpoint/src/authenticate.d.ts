/** Header names lower case, values as node gives them. */
export type HeaderBag = Record<string, string | string[] | undefined>;
export interface AppServiceAuthOptions {
    /** The audiences (App ID URI or client ID) a caller's token may be for: input `endpoint-audience`. */
    audiences: string[];
    /** Object IDs or client IDs allowed to call; empty or absent allows any caller of those audiences. */
    allowedCallers?: string[];
    /** Trust the principal header without `WEBSITE_AUTH_ENABLED` (a front end known to strip it). */
    trustPrincipalHeader?: boolean;
}
export interface AuthOptions {
    /** The shared key; at least 16 characters. */
    key?: string;
    appServiceAuth?: AppServiceAuthOptions;
    env: NodeJS.ProcessEnv;
}
export type AuthResult = {
    ok: true;
    via: 'key' | 'app-service-auth';
} | {
    ok: false;
    code: 'unauthorized' | 'not-configured';
    message: string;
};
/** Shortest key the handler accepts: a short shared secret is a guessable one. */
export declare const MIN_KEY_LENGTH = 16;
export declare function header(headers: HeaderBag, name: string): string | undefined;
/** Constant-time equality of two secrets (digests are equal-length, as timingSafeEqual needs). */
export declare function keysMatch(given: string, expected: string): boolean;
export declare function authenticate(headers: HeaderBag, options: AuthOptions): AuthResult;
