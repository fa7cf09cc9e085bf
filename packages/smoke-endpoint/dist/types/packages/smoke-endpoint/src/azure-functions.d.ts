import { type SmokeHandlerOptions } from './handler-core';
/**
 * What the handler needs of `HttpRequest`: its method, its (fetch `Headers`) headers, and its body
 * as a stream (read up to the limit) or, failing that, its text.
 */
export interface FunctionsHttpRequestLike {
    method: string;
    headers: Iterable<[string, string]>;
    body?: ReadableStream<Uint8Array> | null;
    text(): Promise<string>;
}
/** The `HttpResponseInit` fields the handler sets. */
export interface FunctionsHttpResponseInit {
    status: number;
    headers: Record<string, string>;
    body: string;
}
/** What the handler uses of `InvocationContext`: its log, when there is one. */
export interface FunctionsContextLike {
    error?: (...args: unknown[]) => void;
}
export declare function createAzureFunctionsHandler(options?: SmokeHandlerOptions): (request: FunctionsHttpRequestLike, context?: FunctionsContextLike) => Promise<FunctionsHttpResponseInit>;
