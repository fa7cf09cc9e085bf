/**
 * Rehearsal: points the smoke endpoint at the mi-smoke emulator (`npm run emulator`) on this machine,
 * so that an app can be tried end to end before it is deployed. One setting, either the handler
 * option `rehearsal: { imds, api }` or the environment variable
 *
 *   MI_SMOKE_REHEARSAL="imds=http://127.0.0.1:PORT api=http://127.0.0.1:PORT2"
 *
 * (the emulator's banner prints both, with its ports). It allows the action's `imds-endpoint` to be
 * the emulator's identity listener, lets tokens for Azure Resource Manager and Key Vault go to the
 * emulator's API listener over plain http, and points `@azure/identity`'s SDK cross-check at the
 * emulator too (AZURE_POD_IDENTITY_AUTHORITY_HOST), so that nothing is sent to the real IMDS.
 * Both URLs must be loopback: a rehearsal setting can never send a token off the machine. While it
 * rehearses, the endpoint says so when it starts (`rehearsalNotice`) and refuses every check and
 * IMDS base off loopback: a token the emulator issued goes nowhere else. Without the setting, a
 * request that names the emulator is refused with a message naming the setting (`rehearsalHint`).
 */
import { serviceForHost } from '../../../src/azure/services'
import { isLoopbackHost, isLoopbackUrl } from '../../../src/common/url/loopback'
import type { AllowRule, RehearsalOptions } from './public'

export const REHEARSAL_ENV = 'MI_SMOKE_REHEARSAL'

/** What a rehearsal adds to the handler's settings. */
export interface RehearsalSettings {
  imdsEndpoint: string
  rule: AllowRule
}

function loopbackBase(name: keyof RehearsalOptions, value: string): URL {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new Error(`rehearsal ${name} '${value}' is not a URL (e.g. http://127.0.0.1:41000)`)
  }
  if (url.protocol !== 'http:' || !isLoopbackUrl(url) || url.pathname !== '/' || url.search) {
    throw new Error(
      `rehearsal ${name} '${value}' must be http://<loopback address>:<port> with no path: the emulator runs on this machine`
    )
  }
  return url
}

/** The audiences the emulator's API listener answers for: ARM's and Key Vault's, from the one table. */
function emulatedAudiences(): string[] {
  const arm = serviceForHost('management.azure.com')
  const vault = serviceForHost('rehearsal.vault.azure.net')
  return [...(arm?.accepted ?? []), ...(vault?.accepted ?? [])]
}

/** Reads `imds=URL api=URL` (space or comma separated), as MI_SMOKE_REHEARSAL holds it. */
export function parseRehearsalSetting(value: string): RehearsalOptions {
  const parts: Partial<RehearsalOptions> = {}
  for (const item of value.split(/[\s,]+/).filter(Boolean)) {
    const eq = item.indexOf('=')
    const name = item.slice(0, eq)
    if (eq < 0 || (name !== 'imds' && name !== 'api')) {
      throw new Error(`${REHEARSAL_ENV}: '${item}' is not imds=URL or api=URL`)
    }
    parts[name] = item.slice(eq + 1)
  }
  if (!parts.imds || !parts.api) {
    throw new Error(
      `${REHEARSAL_ENV} needs both imds=URL and api=URL (the emulator's banner prints them)`
    )
  }
  return { imds: parts.imds, api: parts.api }
}

/** The rehearsal in force: the option, else the environment variable, else none. */
export function rehearsalSettings(
  option: RehearsalOptions | undefined,
  env: NodeJS.ProcessEnv
): RehearsalSettings | undefined {
  const raw = env[REHEARSAL_ENV]
  const options = option ?? (raw ? parseRehearsalSetting(raw) : undefined)
  if (options === undefined) return undefined
  const imds = loopbackBase('imds', options.imds)
  const api = loopbackBase('api', options.api)
  return {
    imdsEndpoint: imds.origin,
    rule: { host: api.host, audiences: emulatedAudiences(), allowHttp: true }
  }
}

/**
 * `@azure/identity` reads process.env itself (see sdk-cross-check.ts): without this its IMDS
 * credential would ask 169.254.169.254 during a rehearsal. An explicit setting is kept.
 */
export function pointSdkAtEmulator(settings: RehearsalSettings): void {
  if (!process.env['AZURE_POD_IDENTITY_AUTHORITY_HOST']) {
    process.env['AZURE_POD_IDENTITY_AUTHORITY_HOST'] = settings.imdsEndpoint
  }
}

/** The line an endpoint prints when it starts in rehearsal mode. */
export function rehearsalNotice(settings: RehearsalSettings): string {
  return (
    `mi-smoke: rehearsal mode (${REHEARSAL_ENV}): IMDS ${settings.imdsEndpoint}, ` +
    `Azure Resource Manager and Key Vault at http://${settings.rule.host}; ` +
    'checks and IMDS off loopback are refused. Unset it before deploying.'
  )
}

/** Whether a URL's host is a loopback address (false for text that is not a URL). */
export function isLoopbackTarget(url: string): boolean {
  try {
    return isLoopbackHost(new URL(url).hostname)
  } catch {
    return false
  }
}

/**
 * What to add to a refusal of a loopback URL when no rehearsal is in force: the emulator on this
 * machine is reached only through the one setting, so the message names it.
 */
export function rehearsalHint(url: string): string {
  return isLoopbackTarget(url)
    ? `; to rehearse against the mi-smoke emulator on this machine, set ${REHEARSAL_ENV}='imds=URL api=URL' (the emulator's banner prints it) or the handler option rehearsal`
    : ''
}
