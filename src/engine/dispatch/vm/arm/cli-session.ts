/**
 * The runner's Azure CLI login (what azure/login set up) as the source of the ARM endpoint and of
 * access tokens: one `az cloud show` and one `az account get-access-token --resource <audience>`
 * per run, a new token only when the one held is within five minutes of expiry. Every other VM
 * request is made from this process over ARM's REST API (arm-client.ts), so a fleet of VMs costs
 * two az processes, not one or more per VM.
 *
 * Shapes, from the Azure CLI's documented output (learn.microsoft.com/cli/azure/cloud#az-cloud-show,
 * learn.microsoft.com/cli/azure/account#az-account-get-access-token; Azure/azure-cli
 * src/azure-cli-core/azure/cli/core/cloud.py for the endpoint names):
 *   az cloud show              {"name":"AzureCloud","endpoints":{"resourceManager":"https://management.azure.com/",
 *                               "activeDirectoryResourceId":"https://management.core.windows.net/",...},...}
 *   az account get-access-token {"accessToken":"eyJ...","expiresOn":"2026-12-02 05:00:00.000000",
 *                               "expires_on":1796187600,"subscription":"...","tenant":"...","tokenType":"Bearer"}
 * (`expires_on`, POSIX seconds, since azure-cli 2.54; `expiresOn` is local time without a zone.)
 * Sovereign and custom clouds (`az cloud register`/`az cloud set`) need nothing else: both values
 * come from the active cloud.
 */
import { DispatchError } from '../../workload'
import { azJson, execAzRunner, findAz, type AzRunner } from '../az-cli'

export interface CliCloud {
  name: string
  /** ARM's base URL, with a trailing slash, e.g. https://management.azure.com/. */
  resourceManager: URL
  /** The audience of ARM tokens, e.g. https://management.core.windows.net/. */
  audience: string
}

interface CloudShow {
  name?: string
  endpoints?: { resourceManager?: string; activeDirectoryResourceId?: string }
}

interface AccessToken {
  accessToken?: string
  expiresOn?: string
  expires_on?: number | string
}

/** A token this close to its expiry is not used for a new request. */
export const REFRESH_BEFORE_EXPIRY_MS = 5 * 60_000

export interface ArmCredentials {
  cloud(): Promise<CliCloud>
  /** A bearer token for ARM, valid for at least REFRESH_BEFORE_EXPIRY_MS. Never printed. */
  token(): Promise<string>
  /** Drops the token held (ARM answered 401 for it): the next `token()` asks az again. */
  invalidate(): void
}

function parseCloud(doc: CloudShow): CliCloud {
  const rm = doc.endpoints?.resourceManager
  const audience = doc.endpoints?.activeDirectoryResourceId
  let url: URL | undefined
  try {
    url = rm ? new URL(rm.endsWith('/') ? rm : `${rm}/`) : undefined
  } catch {
    url = undefined
  }
  if (!url || url.protocol !== 'https:' || !audience) {
    throw new DispatchError(
      `the Azure CLI's active cloud${doc.name ? ` (${doc.name})` : ''} names no usable Resource Manager endpoint`,
      'Check az cloud show: endpoints.resourceManager must be an https URL and endpoints.activeDirectoryResourceId set (az cloud set --name AzureCloud, or az cloud update for a custom cloud)',
      `resourceManager=${rm ?? '(none)'} activeDirectoryResourceId=${audience ?? '(none)'}`
    )
  }
  return { name: doc.name ?? '', resourceManager: url, audience }
}

/** Expiry in ms since the epoch; `expires_on` first, then `expiresOn` (local time). */
function expiryOf(doc: AccessToken, now: number): number {
  const seconds = Number(doc.expires_on)
  if (Number.isFinite(seconds) && seconds > 0) return seconds * 1000
  const local = doc.expiresOn ? Date.parse(doc.expiresOn.replace(' ', 'T')) : NaN
  // Unknown: good for a few minutes, then asked again (az serves from its own cache).
  return Number.isFinite(local) ? local : now + REFRESH_BEFORE_EXPIRY_MS + 60_000
}

/** `findAzRunner` is asked once, when az is first needed (it may fail: az not installed). */
export function cliCredentials(
  findAzRunner: () => Promise<AzRunner>,
  now: () => number = Date.now
): ArmCredentials {
  let runner: Promise<AzRunner> | undefined
  const azRunner = (): Promise<AzRunner> => (runner ??= findAzRunner())
  let cloud: Promise<CliCloud> | undefined
  let held: { token: string; expiresAt: number } | undefined
  let pending: Promise<string> | undefined

  // A failure is not kept: the next workload asks again (a transient az failure stays one target's).
  const readCloud = (): Promise<CliCloud> =>
    (cloud ??= azRunner()
      .then(run =>
        azJson<CloudShow>(run, ['cloud', 'show'], {
          doing: "read the Azure CLI's cloud settings",
          resourceId: 'the active cloud'
        })
      )
      .then(parseCloud)
      .catch((error: unknown) => {
        cloud = undefined
        throw error
      }))

  const fetchToken = async (): Promise<string> => {
    const { audience } = await readCloud()
    const doc = await azJson<AccessToken>(
      await azRunner(),
      ['account', 'get-access-token', '--resource', audience],
      { doing: 'get an access token for Azure Resource Manager', resourceId: audience }
    )
    if (typeof doc.accessToken !== 'string' || doc.accessToken === '') {
      throw new DispatchError(
        'az account get-access-token printed no accessToken',
        'Run az account get-access-token by hand; update the Azure CLI if it is old'
      )
    }
    held = { token: doc.accessToken, expiresAt: expiryOf(doc, now()) }
    return doc.accessToken
  }

  return {
    cloud: readCloud,
    token() {
      if (held && held.expiresAt - now() > REFRESH_BEFORE_EXPIRY_MS)
        return Promise.resolve(held.token)
      // One az call however many workloads ask at once.
      pending ??= fetchToken().finally(() => (pending = undefined))
      return pending
    },
    invalidate() {
      held = undefined
    }
  }
}

/** The credentials of the az found on PATH (a DispatchError saying how to get az when none). */
export function runnerCliCredentials(): ArmCredentials {
  return cliCredentials(async () => execAzRunner(await findAz()))
}
