import { redactSecrets } from '../common/redact';
import type { TokenObservation } from '../contracts/observations';
/**
 * Removes whatever looks like a token: JWT-shaped runs (a JWT's JSON header always encodes to
 * `eyJ`), the value of an `access_token`-like field
 * (even when the JSON around it is broken), and long unbroken base64url runs (a bare signature):
 * the one redactor, src/common/redact.ts, linear on whatever the token endpoint answered.
 */
export declare const scrubTokens: typeof redactSecrets;
/** Scrubbed first, then cut, so a cut can never leave a token's tail that the patterns miss. */
export declare function cutBody(text: string, limit?: number): string;
export interface ReducedTokenResponse {
    observation: Pick<TokenObservation, 'fields' | 'shape' | 'claims' | 'body'>;
    /** The token, for the API call and for masking; never put in an observation. */
    accessToken?: string;
}
/** `body` is a 2xx token response as received. */
export declare function reduceTokenResponse(body: string): ReducedTokenResponse;
