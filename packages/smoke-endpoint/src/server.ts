#!/usr/bin/env node
/**
 * Entry point of the sidecar server: the package's `mi-smoke-endpoint` command, i.e.
 * `node node_modules/@mi-smoke/smoke-endpoint/dist/server/index.js`; see standalone-server.ts for
 * its settings. Kept apart so that importing the package never starts a server.
 */
import { standaloneOptionsFromEnv, startStandaloneServer } from './standalone-server'
import { log } from '../../../src/common/log-writer'

async function main(): Promise<void> {
  const options = standaloneOptionsFromEnv(process.env)
  if (!options.handler.key && !options.handler.appServiceAuth) {
    log.err('mi-smoke: set MI_SMOKE_KEY (or MI_SMOKE_AUDIENCE) before starting the smoke endpoint')
    process.exitCode = 1
    return
  }
  const { server, port } = await startStandaloneServer(options)
  log.out(`mi-smoke: smoke endpoint listening on ${options.host}:${port}${options.path}`)
  const stop = (): void => void server.close(() => process.exit(0))
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
}

main().catch((error: unknown) => {
  log.err(`mi-smoke: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
})
