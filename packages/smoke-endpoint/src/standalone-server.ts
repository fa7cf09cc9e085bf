/**
 * A tiny server for the smoke endpoint, for a sidecar container or any workload that does not run
 * Node.js itself. Configured by environment:
 *
 *   PORT            listening port (default 8080)
 *   HOST            listening address (default 0.0.0.0)
 *   MI_SMOKE_PATH   the endpoint's path (default /mi-smoke); GET /healthz answers 200 for probes
 *   MI_SMOKE_KEY    the shared key callers send as x-mi-smoke-key
 *   MI_SMOKE_AUDIENCE               comma-separated audiences for App Service authentication callers
 *   MI_SMOKE_ALLOWED_CALLERS        comma-separated object/client IDs allowed to call (optional)
 *   MI_SMOKE_TRUST_PRINCIPAL_HEADER `true` when a front end other than App Service strips
 *                                   X-MS-CLIENT-PRINCIPAL (Container Apps authentication)
 *   MI_SMOKE_REHEARSAL              `imds=URL api=URL`: rehearse against the emulator (rehearsal.ts)
 *
 * The allowlist is the Azure service hosts table here, plus the emulator's API in a rehearsal.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createNodeHandler } from './node-http'
import type { StandaloneOptions } from './public'

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map(v => v.trim())
    .filter(Boolean)
}

/** Reads the server's settings from the environment (see the file comment). */
export function standaloneOptionsFromEnv(env: NodeJS.ProcessEnv): StandaloneOptions {
  const port = Number(env['PORT'] ?? 8080)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT '${env['PORT']}' is not a port number`)
  const audiences = list(env['MI_SMOKE_AUDIENCE'])
  return {
    port,
    host: env['HOST'] || '0.0.0.0',
    path: env['MI_SMOKE_PATH'] || '/mi-smoke',
    handler: {
      key: env['MI_SMOKE_KEY'] || undefined,
      appServiceAuth:
        audiences.length > 0
          ? {
              audiences,
              allowedCallers: list(env['MI_SMOKE_ALLOWED_CALLERS']),
              trustPrincipalHeader:
                (env['MI_SMOKE_TRUST_PRINCIPAL_HEADER'] ?? '').toLowerCase() === 'true'
            }
          : undefined,
      env
    }
  }
}

/** Starts the server; resolves once it listens. */
export async function startStandaloneServer(
  options: StandaloneOptions
): Promise<{ server: Server; port: number }> {
  const smoke = createNodeHandler(options.handler)
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]
    if (path === options.path) return smoke(req, res)
    if (path === '/healthz' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/json' })
      return void res.end('{"ok":true}')
    }
    res.writeHead(404, { 'content-type': 'application/json' })
    res.end(
      JSON.stringify({
        v: 1,
        error: 'not-found',
        message: `the smoke endpoint is at ${options.path}`
      })
    )
  })
  // Bounded time on the socket too: a slow-loris caller cannot hold the sidecar.
  server.requestTimeout = 120_000
  server.headersTimeout = 10_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => resolve())
  })
  return { server, port: (server.address() as AddressInfo).port }
}
