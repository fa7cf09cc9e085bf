/**
 * `@mi-smoke/smoke-endpoint` (packages/smoke-endpoint): the smoke endpoint a workload serves so that the mi-smoke action can test its
 * managed identity from inside (protocol: docs/smoke-endpoint-protocol.md). Its published types are
 * ./public/index.ts, which declares what this file exports (checked by
 * __tests__/smoke-endpoint/public-api.test.ts).
 */
export { createNodeHandler } from './node-http'
export { createExpressMiddleware } from './express'
export { createAzureFunctionsHandler } from './azure-functions'
export { startStandaloneServer, standaloneOptionsFromEnv } from './standalone-server'
export { createSmokeHandler } from './handler-core'
export type {
  AllowlistOptions,
  AllowRule,
  AppServiceAuthOptions,
  NamedCredential,
  RateLimitOptions,
  RehearsalOptions,
  SmokeHandler,
  SmokeHandlerOptions,
  SmokeRequest,
  SmokeResponse,
  TokenCredentialLike
} from './public'
export { KEY_HEADER, PROTOCOL_VERSION } from '../../../src/contracts/smoke-protocol'
