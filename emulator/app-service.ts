/**
 * The App Service / Functions / Container Apps identity endpoint (`IDENTITY_ENDPOINT`,
 * api-version 2019-08-01, header `X-IDENTITY-HEADER`). Container Apps rotates the header: with
 * `rotateIdentityHeaderMs` set, only the current value (read from the emulator) is accepted.
 */
import type { IncomingMessage } from 'node:http'
import { header, parseQuery, type Reply } from './http-util'
import { readSelector } from './imds'
import type { EmulatorState } from './state'
import { correlationId } from './tokens'
import { mint, selectIdentity, tokenFault, tokenReply, unknownResource } from './token-service'

export const APP_SERVICE_PATH = '/msi/token'
export const APP_SERVICE_API_VERSION = '2019-08-01'

function failure(status: number, message: string): Reply {
  return {
    status,
    headers: { 'X-CORRELATION-ID': correlationId() },
    body: { statusCode: status, message, correlationId: correlationId() }
  }
}

export function handleAppServiceToken(req: IncomingMessage, url: URL, state: EmulatorState): Reply {
  if (req.method !== 'GET') return failure(405, 'Method not allowed.')
  const given = header(req, 'x-identity-header')
  if (!given || given !== state.identityHeader()) {
    return failure(
      401,
      given ? 'The X-IDENTITY-HEADER is invalid or has expired.' : 'X-IDENTITY-HEADER is missing.'
    )
  }
  const { params, duplicates } = parseQuery(url)
  if (duplicates.length > 0)
    return failure(400, `Query parameter '${duplicates[0]}' is specified more than once.`)
  const apiVersion = params.get('api-version')
  if (apiVersion !== APP_SERVICE_API_VERSION) {
    return failure(
      400,
      `api-version '${apiVersion ?? ''}' is not supported; use ${APP_SERVICE_API_VERSION}.`
    )
  }
  const resource = params.get('resource')
  if (!resource) return failure(400, 'The resource parameter is required.')
  const read = readSelector(params, {
    client_id: 'client_id',
    principal_id: 'object_id',
    object_id: 'object_id',
    mi_res_id: 'resource_id'
  })
  if ('error' in read) return failure(400, read.error)
  const fault = tokenFault(state)
  if (fault) return fault
  const selection = selectIdentity(state, read.selector)
  if (!selection.ok) return failure(400, 'Unable to load the proper Managed Identity.')
  const unknown = unknownResource(state, resource)
  if (unknown) return unknown
  const minted = mint(state, selection, resource)
  const fields: Record<string, unknown> = { access_token: minted.issued.accessToken }
  if (minted.expiresOn !== undefined) fields['expires_on'] = String(minted.expiresOn)
  fields['resource'] = resource
  fields['token_type'] = 'Bearer'
  fields['client_id'] = selection.identity.clientId
  return tokenReply(fields, minted.malformed)
}
