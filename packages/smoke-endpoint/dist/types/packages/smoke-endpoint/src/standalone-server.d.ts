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
import { type Server } from 'node:http';
import type { SmokeHandlerOptions } from './handler-core';
export interface StandaloneOptions {
    port: number;
    host: string;
    path: string;
    handler: SmokeHandlerOptions;
}
/** Reads the server's settings from the environment (see the file comment). */
export declare function standaloneOptionsFromEnv(env: NodeJS.ProcessEnv): StandaloneOptions;
/** Starts the server; resolves once it listens. */
export declare function startStandaloneServer(options: StandaloneOptions): Promise<{
    server: Server;
    port: number;
}>;
