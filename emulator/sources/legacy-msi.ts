/**
 * The older App Service protocol, still used by Azure Machine Learning: `MSI_ENDPOINT` +
 * `MSI_SECRET`, api-version 2017-09-01, header `secret`, parameter `clientid`, and `expires_on`
 * as a date string ("11/26/2026 04:20:00 PM +00:00").
 */
import type { IncomingMessage } from 'node:http'
import { header, parseQuery, type Reply } from '../http-util'
import type { EmulatorState } from '../state'
import { mint, selectIdentity, tokenFault, tokenReply, unknownResource } from '../token-service'

export const LEGACY_MSI_PATH = '/MSI/token/'
export const LEGACY_MSI_API_VERSION = '2017-09-01'

/** `11/26/2026 04:20:00 PM +00:00`, the Windows App Service format, in UTC. */
export function legacyDate(seconds: number): string {
  const d = new Date(seconds * 1000)
  const two = (n: number): string => String(n).padStart(2, '0')
  const hours = d.getUTCHours()
  const h12 = hours % 12 === 0 ? 12 : hours % 12
  return `${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())}/${d.getUTCFullYear()} ${two(h12)}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${hours < 12 ? 'AM' : 'PM'} +00:00`
}

const bad = (status: number, message: string): Reply => ({
  status,
  body: { error: 'invalid_request', error_description: message }
})

export function handleLegacyMsiToken(
  req: IncomingMessage,
  url: URL,
  state: EmulatorState,
  secret: string
): Reply {
  if (req.method !== 'GET') return bad(405, 'Use GET')
  const given = header(req, 'secret')
  if (!given || given !== secret)
    return bad(401, `Invalid secret token header: ${given ? '[redacted]' : ''}.`)
  const { params, duplicates } = parseQuery(url)
  if (duplicates.length > 0)
    return bad(400, `Query parameter '${duplicates[0]}' is specified more than once`)
  if (params.get('api-version') !== LEGACY_MSI_API_VERSION)
    return bad(400, `api-version must be ${LEGACY_MSI_API_VERSION}`)
  const resource = params.get('resource')
  if (!resource) return bad(400, 'resource is required')
  const clientId = params.get('clientid')
  const fault = tokenFault(state)
  if (fault) return fault
  const selection = selectIdentity(
    state,
    clientId ? { kind: 'client_id', value: clientId } : { kind: 'system' }
  )
  if (!selection.ok) return bad(400, 'Identity not found')
  const unknown = unknownResource(state, resource)
  if (unknown) return unknown
  const minted = mint(state, selection, resource)
  const fields: Record<string, unknown> = { access_token: minted.issued.accessToken }
  if (minted.expiresOn !== undefined) fields['expires_on'] = legacyDate(minted.expiresOn)
  fields['resource'] = resource
  fields['token_type'] = 'Bearer'
  return tokenReply(fields, minted.malformed)
}
