/**
 * `@mi-smoke/smoke-endpoint` (packages/smoke-endpoint): the smoke endpoint a workload serves so that the mi-smoke action can test its
 * managed identity from inside (protocol: docs/smoke-endpoint-protocol.md).
 */
export { createNodeHandler } from './node-http';
export { createExpressMiddleware } from './express';
export { createAzureFunctionsHandler } from './azure-functions';
export { startStandaloneServer, standaloneOptionsFromEnv } from './standalone-server';
export { createSmokeHandler } from './handler-core';
export type { SmokeHandlerOptions, SmokeRequest, SmokeResponse, SmokeHandler } from './handler-core';
export type { AllowRule, AllowlistOptions } from './allowlist';
export type { AppServiceAuthOptions } from './authenticate';
export type { RateLimitOptions } from './rate-limit';
export type { RehearsalOptions } from './rehearsal';
export type { NamedCredential, TokenCredentialLike } from './sdk-cross-check';
export { KEY_HEADER, PROTOCOL_VERSION } from '../../../src/contracts/smoke-protocol';
