/**
 * What counts as loopback: the only place a bearer token may travel over plain http, and the only
 * place `http://` targets and checks may point (tests and the emulator).
 *
 * Deliberately strict: names that merely look local (`localhost.example.com`, `127.0.0.1.nip.io`)
 * resolve through DNS to wherever their owner likes, and `0.0.0.0` is "any address", not loopback.
 * Nothing here resolves names: the answer depends on the text alone.
 */
/**
 * True for `localhost`, an address in 127.0.0.0/8, and `::1` (bare or in brackets, as
 * `URL.hostname` gives it), including their IPv4-mapped IPv6 forms.
 */
export declare function isLoopbackHost(hostname: string): boolean;
/** True when a parsed URL's host is loopback (see `isLoopbackHost`). */
export declare function isLoopbackUrl(url: URL): boolean;
/** Where a bearer token may travel: https anywhere, or http to a loopback host. */
export declare function mayCarryBearer(url: URL): boolean;
