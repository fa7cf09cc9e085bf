/**
 * Service Fabric's managed identity endpoint: header `Secret` (IDENTITY_HEADER), api-version
 * 2019-07-01-preview; `expires_on` is a JSON number here, unlike every other source.
 */
import type { IncomingMessage } from 'node:http'
import { header, parseQuery, type Reply } from '../http-util'
import { readSelector } from '../imds'
import type { EmulatorState } from '../state'
import { mint, selectIdentity, tokenFault, tokenReply, unknownResource } from '../token-service'

export const SERVICE_FABRIC_PATH = '/servicefabric/metadata/identity/oauth2/token'
export const SERVICE_FABRIC_API_VERSION = '2019-07-01-preview'

const error = (status: number, code: string, message: string): Reply => ({
  status,
  body: { error: { code, message } }
})

export function handleServiceFabricToken(
  req: IncomingMessage,
  url: URL,
  state: EmulatorState,
  secret: string
): Reply {
  if (req.method !== 'GET') return error(405, 'MethodNotAllowed', 'Use GET')
  const given = header(req, 'secret')
  if (!given)
    return error(401, 'SecretHeaderNotFound', 'Secret is not found in the request headers.')
  if (given !== secret) return error(401, 'InvalidSecret', 'The Secret header does not match.')
  const { params, duplicates } = parseQuery(url)
  if (duplicates.length > 0)
    return error(
      400,
      'InvalidParameter',
      `Query parameter '${duplicates[0]}' is specified more than once.`
    )
  if (params.get('api-version') !== SERVICE_FABRIC_API_VERSION) {
    return error(400, 'InvalidApiVersion', `api-version must be ${SERVICE_FABRIC_API_VERSION}.`)
  }
  const resource = params.get('resource')
  if (!resource) return error(400, 'InvalidParameter', 'resource is required.')
  const read = readSelector(params, {
    client_id: 'client_id',
    object_id: 'object_id',
    principal_id: 'object_id',
    mi_res_id: 'resource_id'
  })
  if ('error' in read) return error(400, 'InvalidParameter', read.error)
  const fault = tokenFault(state)
  if (fault) return fault
  const selection = selectIdentity(state, read.selector)
  if (!selection.ok) return error(400, 'ManagedIdentityNotFound', 'Identity not found')
  const unknown = unknownResource(state, resource)
  if (unknown) return unknown
  const minted = mint(state, selection, resource)
  const fields: Record<string, unknown> = {
    token_type: 'Bearer',
    access_token: minted.issued.accessToken
  }
  if (minted.expiresOn !== undefined) fields['expires_on'] = minted.expiresOn
  fields['resource'] = resource
  return tokenReply(fields, minted.malformed)
}
