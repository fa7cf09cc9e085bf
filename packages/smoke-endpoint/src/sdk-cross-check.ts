/**
 * The SDK cross-check: which identity does the app's own SDK resolve to? The raw probe proves the
 * platform works; this shows whether `@azure/identity`, configured the way apps configure it, picks
 * the identity the run expects (the runbook's "app picks the wrong client id").
 *
 * `@azure/identity` reads `process.env` itself and caches its choice per process, so it sees exactly
 * what the app sees. It is imported only here, lazily, so the handler starts fast and an app without
 * it still gets the raw probe (the cross-check then reports why it could not run).
 */
import type { SdkObservation } from '../../../src/contracts/observations'
import { redactSecrets } from '../../../src/common/redact'
import { cut } from '../../../src/common/format'
import type { NamedCredential } from './public'
import { scopeForResource } from '../../../src/azure/services'

export interface SdkCheckOptions {
  /** Per-credential limit. */
  timeoutMs: number
  signal?: AbortSignal
  /** The app's own credentials; when absent the default pair below is asked. */
  credentials?: NamedCredential[]
}

/** The payload segment of a JWT, or undefined when the token is not one. */
function claimsSegment(token: string): string | undefined {
  const parts = token.split('.')
  return parts.length === 3 && parts[1] ? parts[1] : undefined
}

/**
 * The credentials an app typically builds: `new DefaultAzureCredential()` (which reads
 * AZURE_CLIENT_ID for its managed identity) and `new ManagedIdentityCredential(...)` with
 * AZURE_CLIENT_ID when set (the documented way to pick a user-assigned identity), without otherwise.
 */
async function defaultCredentials(): Promise<NamedCredential[]> {
  const identity = await import('@azure/identity')
  const clientId = process.env['AZURE_CLIENT_ID']
  const managed = clientId
    ? new identity.ManagedIdentityCredential({ clientId })
    : new identity.ManagedIdentityCredential()
  return [
    { name: 'DefaultAzureCredential', credential: new identity.DefaultAzureCredential() },
    {
      name: clientId
        ? 'ManagedIdentityCredential(clientId: AZURE_CLIENT_ID)'
        : 'ManagedIdentityCredential()',
      credential: managed
    }
  ]
}

function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  // Only the first line: SDK messages append troubleshooting links and chained errors.
  return cut(redactSecrets(message.split('\n')[0] ?? message), 300)
}

async function askOne(
  named: NamedCredential,
  resource: string,
  options: SdkCheckOptions
): Promise<SdkObservation> {
  const started = Date.now()
  const clientIdSetting = process.env['AZURE_CLIENT_ID'] || undefined
  const controller = new AbortController()
  const onAbort = (): void => controller.abort()
  options.signal?.addEventListener('abort', onAbort, { once: true })
  let timer: NodeJS.Timeout | undefined
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort()
        reject(new Error(`no token within ${options.timeoutMs} ms`))
      }, options.timeoutMs)
    })
    const token = await Promise.race([
      named.credential.getToken(scopeForResource(resource), { abortSignal: controller.signal }),
      timeout
    ])
    const ms = Date.now() - started
    if (!token)
      return {
        credential: named.name,
        clientIdSetting,
        error: 'the credential returned no token',
        ms
      }
    const claims = claimsSegment(token.token)
    if (!claims)
      return { credential: named.name, clientIdSetting, error: 'the token is not a JWT', ms }
    return { credential: named.name, clientIdSetting, claims, ms }
  } catch (error) {
    return {
      credential: named.name,
      clientIdSetting,
      error: errorText(error),
      ms: Date.now() - started
    }
  } finally {
    clearTimeout(timer)
    options.signal?.removeEventListener('abort', onAbort)
  }
}

/** Asks each credential, one after another (they share process-wide caches), for `resource`. */
export async function sdkCrossCheck(
  resource: string,
  options: SdkCheckOptions
): Promise<SdkObservation[]> {
  let credentials = options.credentials
  if (!credentials) {
    try {
      credentials = await defaultCredentials()
    } catch (error) {
      return [
        {
          credential: '@azure/identity',
          error: `could not load @azure/identity: ${errorText(error)}`,
          ms: 0
        }
      ]
    }
  }
  const observations: SdkObservation[] = []
  for (const named of credentials) {
    if (options.signal?.aborted) break
    observations.push(await askOne(named, resource, options))
  }
  return observations
}
