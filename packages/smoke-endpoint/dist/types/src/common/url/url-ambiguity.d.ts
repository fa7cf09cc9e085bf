/**
 * What makes a URL read differently by different clients: the rule both sides of the trust
 * boundary apply. The runner refuses such a check before dispatch (src/engine/inputs/url-rules.ts); the
 * smoke endpoint's allowlist and the in-process probe refuse it again before a token is sent, so a
 * request that did not come from this runner cannot use the difference either.
 *
 * WHATWG (Node's `URL`) is the reference reader; curl, GNU wget, python3 and .NET read a URL that
 * passes these checks to the same host (__tests__/url-clients.property.test.ts proves it).
 * All scanning is linear: these run on request text.
 */
/** Why clients could read `text` differently, before parsing; undefined when they cannot. */
export declare function urlAmbiguity(text: string): string | undefined;
/** Why the host (or port) as written is not the host the parser read; undefined when it is. */
export declare function hostRewrite(text: string, url: URL): string | undefined;
