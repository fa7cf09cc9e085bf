/**
 * The one redactor: everything that stores or prints text (report, summary, annotations, logs,
 * evidence, the probes' masks) passes it through `redactSecrets` first.
 *
 * What it removes:
 * - token-shaped strings: a JWT (a JOSE header always base64url-encodes to `eyJ`, so any
 *   `eyJ` run of 11+ characters and up to two `.segment`s after it), and any base64url run of 60+
 *   characters (a bare signature, a cut token);
 * - the value after `Bearer `, and the value of credential-bearing names (`Authorization`,
 *   `x-mi-smoke-key`, `access_token`, ...) in headers, JSON, query strings or form bodies;
 * - every secret the process registered (`registerSecretText`: the endpoint key input, the bearer
 *   token the runner obtained for `endpoint-audience`), wherever it appears.
 *
 * Why hand-written scanning and not regular expressions: this runs on text a workload or an API
 * controls (up to 1 MiB), and patterns such as `eyJ[A-Za-z0-9_-]*\.` backtrack over every `eyJ`
 * start of `eyJeyJeyJ...`: quadratic, seconds on 90 KB. Every function here visits each character
 * a bounded number of times (one pass per credential name, and per registered secret), so the
 * cost is linear in the text; scripts/bench.ts measures it on adversarial input.
 */
export declare const REDACTED = "[redacted]";
/**
 * Registers a secret this process holds (the endpoint key, the runner's bearer token) so that
 * every later `redactSecrets` removes it. Short strings are refused: removing every `a` of a text
 * protects nothing and garbles everything.
 */
export declare function registerSecretText(secret: string): void;
/** For tests: forget the registered secrets. */
export declare function forgetSecretTexts(): void;
/** `text` with every token-shaped string, credential value and registered secret replaced. */
export declare function redactSecrets(text: string): string;
/**
 * True when `text` holds a whole JWT (three dot-separated base64url segments, the first starting
 * `eyJ`): what must never cross the wire, unlike claims alone (one segment). Linear, like the rest.
 */
export declare function containsJwt(text: string): boolean;
/** Every string inside a JSON-like value redacted (objects and arrays copied, not changed in place). */
export declare function redactDeep<T>(value: T): T;
/** Cuts a text for a message or evidence line, after redaction (a cut can never expose a tail). */
export declare function cutRedacted(text: string, limit: number): string;
