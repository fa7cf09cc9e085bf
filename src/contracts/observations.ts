/**
 * The raw observations a probe sends back from the workload: wire schema `mi-smoke-obs/1`.
 *
 * Every probe produces exactly this shape, whatever runs it: the in-process probe of the `local`
 * target, the POSIX sh and PowerShell probes run-command runs on a VM, and the smoke
 * endpoint handler a workload serves. Probes only observe (what was asked, what came back, how long
 * it took); they never judge. Judging is `src/engine/diagnosis/`, one place for every dispatch mode.
 *
 * What never appears here: an access token or any part of its signature. A token response is
 * reduced to its other fields and the JWT's payload segment (the claims).
 */

/** Version of this schema; a probe that speaks another one is a `dispatch-failed`. */
export const OBSERVATIONS_VERSION = 1

/** Prefix of the one line a VM probe prints its observations on (JSON follows the space). */
export const OBSERVATIONS_MARKER = 'MI-SMOKE-OBS/1'

/** Bodies are cut to this many characters by the in-process probe and the handler. */
export const BODY_LIMIT = 600

/** Why no HTTP response arrived. */
export const TRANSPORT_ERRORS = [
  'timeout', // connected (or not) but no answer within `timeout`
  'refused', // ECONNREFUSED
  'dns', // ENOTFOUND, EAI_AGAIN
  'tls', // certificate or handshake failure
  'reset', // ECONNRESET, socket hang up
  'unreachable', // EHOSTUNREACH, ENETUNREACH
  'proxy', // the proxy itself failed or refused the CONNECT
  'other'
] as const
export type TransportError = (typeof TRANSPORT_ERRORS)[number]

/** Where the workload's managed identity tokens come from (docs/contract.md `environment`, or `none`). */
export const IDENTITY_SOURCES = [
  'imds',
  'app-service',
  'arc',
  'cloud-shell',
  'workload-identity',
  'service-fabric',
  'none'
] as const
export type IdentitySource = (typeof IDENTITY_SOURCES)[number]

/**
 * Where the probe runs, as the platform's own variables say, whatever identity source was found:
 * App Service and Functions set WEBSITE_SITE_NAME, Container Apps CONTAINER_APP_NAME, Kubernetes
 * KUBERNETES_SERVICE_HOST, and a GitHub-hosted runner RUNNER_ENVIRONMENT=github-hosted. When the
 * platform's identity endpoint is missing, the fix is that platform's, not an NSG rule.
 */
export const HOSTING_PLATFORMS = [
  'app-service',
  'functions',
  'container-apps',
  'kubernetes',
  'github-hosted'
] as const
export type HostingPlatform = (typeof HOSTING_PLATFORMS)[number]

export interface PlatformHint {
  kind: HostingPlatform
  /** The variable that said so, e.g. `WEBSITE_SITE_NAME`. */
  variable: string
  /** The app's name, when the platform gives it (WEBSITE_SITE_NAME, CONTAINER_APP_NAME). */
  name?: string
  /** App Service's WEBSITE_RESOURCE_GROUP. */
  resourceGroup?: string
}

/** One HTTP exchange, after the retries the retry policy allowed. */
export interface Exchange {
  /** What was requested: a URL without secrets (query values that are not secrets may stay). */
  url: string
  /** HTTP status of the last attempt; absent when no response arrived. */
  status?: number
  /** Why no response arrived (absent when `status` is set). */
  error?: TransportError
  /** The transport error's own words, e.g. `connect ECONNREFUSED 127.0.0.1:80`. */
  errorText?: string
  /** Body of a non-2xx answer, or of a 2xx that could not be used; cut, never holding a token. */
  body?: string
  /** `Retry-After` of the last response, as sent. */
  retryAfter?: string
  /** Requests sent, retries included (0 when none could be sent). */
  attempts: number
  /** Wall time of the whole exchange, retries and waits included. */
  ms: number
}

/** The fields of `WorkloadMeta`, for code that copies or validates them one by one. */
export const WORKLOAD_META_FIELDS = [
  'subscriptionId',
  'resourceGroupName',
  'resourceId',
  'azEnvironment',
  'location',
  'vmId',
  'osType'
] as const

/** What the workload's instance metadata says (IMDS `compute`, or App Service settings). */
export interface WorkloadMeta {
  subscriptionId?: string
  resourceGroupName?: string
  resourceId?: string
  /** IMDS `compute.azEnvironment`, e.g. `AzurePublicCloud`. */
  azEnvironment?: string
  location?: string
  vmId?: string
  osType?: string
}

export interface TokenObservation extends Exchange {
  /** The audience asked for (`resource=`). */
  resource: string
  /** The token response's fields except `access_token` (expires_on, expires_in, resource, token_type, client_id...). */
  fields?: Record<string, string | number>
  /** What `access_token` looked like: three base64url segments, something else, or missing. */
  shape?: 'jwt' | 'opaque' | 'absent'
  /** The JWT's payload segment, base64url, exactly as in the token: claims only, never the signature. */
  claims?: string
}

export interface ApiObservation extends Exchange {
  /** Index of the check in `ProbeRequest.checks`. */
  check: number
  /** Set when the probe did not call the API, with the reason (no token, unsafe URL, placeholder unknown...). */
  notCalled?: string
}

/** How the app's own SDK (`@azure/identity`) resolves its identity: reported by the smoke endpoint handler. */
export interface SdkObservation {
  /** Which credential was asked, e.g. `DefaultAzureCredential`. */
  credential: string
  /** `AZURE_CLIENT_ID` as the app sees it, if any. */
  clientIdSetting?: string
  /** The claims of the token it obtained (payload segment, base64url), or absent on failure. */
  claims?: string
  /** Its error message when it failed (never a token). */
  error?: string
  ms: number
}

export interface Observations {
  v: typeof OBSERVATIONS_VERSION
  /** Echo of `ProbeRequest.nonce`: proves these observations answer this run's request. */
  nonce: string
  /** Which probe produced them, e.g. `local`, `sh/curl`, `sh/wget`, `powershell`, `handler`. */
  probe: string
  source: IdentitySource
  /** How the source was recognised, e.g. `IDENTITY_ENDPOINT and IDENTITY_HEADER set` (no secrets). */
  sourceDetail?: string
  /** Where the probe runs, when the platform's variables say (node probe only). */
  platform?: PlatformHint
  /** The instance metadata request (IMDS only; other sources have none). */
  instance?: Exchange
  /** What is known of the workload, from instance metadata or platform settings. */
  meta?: WorkloadMeta
  /** One token request per distinct audience of the checks, in order of first use. */
  tokens: TokenObservation[]
  /** One API call per check, in order. */
  apis: ApiObservation[]
  /** The app SDK's view of its identity (smoke endpoint handler only). */
  sdk?: SdkObservation[]
}
