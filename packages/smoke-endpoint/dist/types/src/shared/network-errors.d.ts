/**
 * The one table of network-error kinds: why an exchange got no HTTP answer, as every probe words
 * it. Node's error codes (the in-process probe and the smoke endpoint), curl's exit codes and the
 * error texts of curl, GNU wget, python3 and .NET / PowerShell (the VM probes) all land in the same
 * kinds, because each kind has its own fix and a fix written for another kind cannot work (no
 * clock advice for an untrusted chain, no CA bundle for a name the certificate does not cover).
 *
 * The probes classify what they can (node: by error code; sh: by curl's exit code; PowerShell: by
 * WebException status) and always send the error's own words; `networkKindOf` then refines a coarse
 * kind from those words with this same table, so a VM probe's `tls` with curl's "certificate has
 * expired" is judged exactly like node's CERT_HAS_EXPIRED.
 */
import { type TransportError } from '../contracts/observations';
interface NetworkKindRow {
    kind: TransportError;
    /** Node's `error.code` values. */
    node: readonly string[];
    /** curl's exit codes that mean this kind and nothing else. */
    curl: readonly number[];
    /**
     * The kind's words in Node's, curl's, wget's, python's and .NET's error messages. Checked in
     * table order: the specific TLS and proxy kinds come before the generic ones.
     */
    text?: RegExp;
}
/** In precedence order (first text match wins). */
export declare const NETWORK_KIND_TABLE: readonly NetworkKindRow[];
/** Kinds that say which of the TLS failures it was: each has its own fix. */
export declare const TLS_KINDS: readonly ["tls", "tls-untrusted", "tls-name", "tls-expired"];
/** Kinds that are the proxy's own answer or failure. */
export declare const PROXY_KINDS: readonly ["proxy", "proxy-auth", "proxy-denied"];
export declare function isTlsKind(kind: string | undefined): boolean;
export declare function isProxyKind(kind: string | undefined): boolean;
/** A node error code's kind, or undefined when the table does not know the code. */
export declare function kindOfNodeCode(code: string): TransportError | undefined;
/** curl's exit code's kind, or undefined when the code alone does not say (7, 60: read the text). */
export declare function kindOfCurlExit(code: number): TransportError | undefined;
/** The first kind whose words the text holds. */
export declare function kindOfText(text: string | undefined): TransportError | undefined;
/**
 * The kind an exchange's failure is judged by: the probe's own kind, made specific by the error's
 * words where the probe could only say `tls`, `proxy` or `other` (VM probes, older probes, .NET).
 * A kind the validator does not know stays `other`.
 */
export declare function networkKindOf(error: string | undefined, errorText?: string): TransportError;
export {};
