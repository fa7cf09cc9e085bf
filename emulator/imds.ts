/**
 * Azure Instance Metadata Service: instance metadata and the managed identity token endpoint, with
 * the request validation real IMDS does (Metadata header, api-version, no X-Forwarded-For, no
 * repeated parameter, one identity selector at most).
 */
import type { IncomingMessage } from 'node:http'
import { header, parseQuery, type Reply } from './http-util'
import type { EmulatorState } from './state'
import {
  mint,
  selectIdentity,
  tokenFault,
  tokenReply,
  unknownResource,
  type IdentitySelector
} from './token-service'

export const IMDS_API_VERSIONS = [
  '2017-03-01', '2017-04-02', '2017-08-01', '2017-10-01', '2017-12-01', '2018-02-01', '2018-04-02',
  '2018-10-01', '2019-02-01', '2019-03-11', '2019-04-30', '2019-06-01', '2019-06-04', '2019-08-01',
  '2019-08-15', '2019-11-01', '2020-06-01', '2020-07-15', '2020-09-01', '2020-10-01', '2020-12-01',
  '2021-01-01', '2021-02-01', '2021-03-01', '2021-05-01', '2021-10-01', '2021-11-01', '2021-11-15',
  '2021-12-13', '2023-07-01'
] // prettier-ignore

const NEWEST_VERSIONS = ['2023-07-01', '2021-12-13', '2021-11-15']

export const TOKEN_PATH = '/metadata/identity/oauth2/token'

function badRequest(error: string, description: string): Reply {
  return { status: 400, body: { error, error_description: description } }
}

/** Checks shared by every IMDS path; undefined when the request may go on. */
function commonChecks(req: IncomingMessage, url: URL, instance: boolean): Reply | undefined {
  if (req.headers['x-forwarded-for'] !== undefined) {
    // IMDS refuses anything that went through a proxy.
    return instance
      ? {
          status: 400,
          body: { error: 'Bad request. Requests with the X-Forwarded-For header are not allowed.' }
        }
      : badRequest('invalid_request', 'Requests with the X-Forwarded-For header are not allowed')
  }
  const { duplicates } = parseQuery(url)
  if (duplicates.length > 0) {
    return instance
      ? {
          status: 400,
          body: {
            error: `Bad request. Query parameter '${duplicates[0]}' is specified more than once.`
          }
        }
      : badRequest(
          'invalid_request',
          `Query parameter '${duplicates[0]}' is specified more than once`
        )
  }
  if ((header(req, 'metadata') ?? '').toLowerCase() !== 'true') {
    return instance
      ? { status: 400, body: { error: 'Bad request. Required metadata header not specified' } }
      : badRequest('invalid_request', 'Required metadata header not specified')
  }
  const apiVersion = url.searchParams.get('api-version')
  if (!apiVersion || !IMDS_API_VERSIONS.includes(apiVersion)) {
    return {
      status: 400,
      body: {
        error:
          'Bad request. api-version is invalid or was not specified in the request. For more information refer to aka.ms/azureimds',
        'newest-versions': NEWEST_VERSIONS
      }
    }
  }
  return undefined
}

function instanceDocument(state: EmulatorState): Record<string, unknown> {
  const { estate } = state
  return {
    compute: {
      azEnvironment: state.settings.azEnvironment,
      location: estate.location,
      name: estate.vmName,
      osType: 'Linux',
      resourceGroupName: estate.resourceGroup,
      resourceId: estate.vmResourceId,
      subscriptionId: estate.subscriptionId,
      vmId: estate.vmId,
      vmSize: 'Standard_D2s_v5',
      zone: '',
      tagsList: []
    },
    network: {
      interface: [{ ipv4: { ipAddress: [{ privateIpAddress: '10.0.0.4', publicIpAddress: '' }] } }]
    }
  }
}

export function handleInstance(req: IncomingMessage, url: URL, state: EmulatorState): Reply {
  if (req.method !== 'GET') return { status: 405, body: { error: 'Method not allowed' } }
  const refused = commonChecks(req, url, true)
  if (refused) return refused
  const doc = instanceDocument(state)
  const rest = url.pathname.replace(/\/+$/, '').replace(/^\/metadata\/instance\/?/, '')
  if (rest === '') return { status: 200, body: doc }
  let node: unknown = doc
  for (const part of rest.split('/').filter(Boolean)) {
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined
  }
  if (node === undefined) return { status: 404, body: { error: 'Not found' } }
  if (url.searchParams.get('format') === 'text' && typeof node !== 'object') {
    return { status: 200, body: String(node), raw: true, headers: { 'Content-Type': 'text/plain' } }
  }
  return { status: 200, body: node }
}

/** Reads the one identity selector of a token request; undefined + error reply when several. */
export function readSelector(
  params: Map<string, string>,
  names: Record<string, IdentitySelector['kind']>
): { selector: IdentitySelector } | { error: string } {
  const given = Object.keys(names).filter(name => params.has(name))
  if (given.length > 1) {
    return {
      error: `Only one of ${Object.keys(names).join(', ')} may be specified; got ${given.join(', ')}`
    }
  }
  const name = given[0]
  if (name === undefined) return { selector: { kind: 'system' } }
  const kind = names[name] as Exclude<IdentitySelector['kind'], 'system'>
  return { selector: { kind, value: params.get(name) ?? '' } }
}

export const IMDS_SELECTORS: Record<string, IdentitySelector['kind']> = {
  client_id: 'client_id',
  object_id: 'object_id',
  msi_res_id: 'resource_id',
  mi_res_id: 'resource_id'
}

export function handleToken(req: IncomingMessage, url: URL, state: EmulatorState): Reply {
  if (req.method !== 'GET' && req.method !== 'POST') {
    return {
      status: 405,
      body: { error: 'invalid_request', error_description: 'Method not allowed' }
    }
  }
  const refused = commonChecks(req, url, false)
  if (refused) return refused
  const { params } = parseQuery(url)
  const resource = params.get('resource')
  if (!resource) return badRequest('invalid_request', 'Required audience parameter not specified')
  const read = readSelector(params, IMDS_SELECTORS)
  if ('error' in read) return badRequest('invalid_request', read.error)
  const fault = tokenFault(state)
  if (fault) return fault
  const selection = selectIdentity(state, read.selector)
  if (!selection.ok) {
    return selection.reason === 'multiple'
      ? badRequest(
          'invalid_request',
          'Multiple user assigned identities exist, please specify the clientId / resourceId of the identity in the token request'
        )
      : badRequest('invalid_request', 'Identity not found')
  }
  const unknown = unknownResource(state, resource)
  if (unknown) return unknown
  const minted = mint(state, selection, resource)
  const fields: Record<string, unknown> = {
    access_token: minted.issued.accessToken,
    client_id: selection.identity.clientId
  }
  if (minted.expiresIn !== undefined) {
    fields['expires_in'] = String(minted.expiresIn)
    fields['expires_on'] = String(minted.expiresOn)
    fields['ext_expires_in'] = String(minted.expiresIn)
  }
  fields['not_before'] = String(minted.notBefore)
  fields['resource'] = resource
  fields['token_type'] = 'Bearer'
  return tokenReply(fields, minted.malformed)
}
