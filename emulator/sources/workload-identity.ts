/**
 * The Entra ID side of AKS workload identity, served on an HTTPS loopback listener (the SDKs insist
 * on an https authority): OpenID discovery and `POST {authority}/{tenant}/oauth2/v2.0/token`, which
 * exchanges the federated service account token (`client_assertion`) for an access token of the
 * user-assigned identity named by `client_id`.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { IncomingMessage } from 'node:http'
import { readBody, type Reply } from '../http-util'
import type { Estate } from '../identities'
import type { EmulatorState } from '../state'
import { correlationId } from '../tokens'
import { mint, selectIdentity, tokenFault, tokenReply, unknownResource } from '../token-service'

export const FEDERATED_ISSUER =
  'https://oidc.prod-aks.azure.com/6c7b1c8e-4f0a-4b7e-9a1d-2f3e4d5c6b7a/'
export const FEDERATED_SUBJECT = 'system:serviceaccount:default:web'

/** The projected service account token AKS writes to AZURE_FEDERATED_TOKEN_FILE; signed with the canary. */
export function federatedToken(_estate: Estate, canary: string): string {
  const now = Math.floor(Date.now() / 1000)
  const header = { alg: 'RS256', kid: randomBytes(16).toString('base64url') }
  const payload = {
    aud: ['api://AzureADTokenExchange'],
    exp: now + 86_400,
    iat: now,
    nbf: now,
    iss: FEDERATED_ISSUER,
    sub: FEDERATED_SUBJECT,
    'kubernetes.io': {
      namespace: 'default',
      serviceaccount: { name: 'web', uid: 'f0c1d2e3-a4b5-4c6d-8e7f-9a0b1c2d3e4f' }
    }
  }
  const encode = (value: unknown): string =>
    Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${encode(header)}.${encode(payload)}.${canary}`
}

function aadError(status: number, error: string, code: string, description: string): Reply {
  const trace = correlationId()
  return {
    status,
    body: {
      error,
      error_description: `${code}: ${description} Trace ID: ${trace} Correlation ID: ${correlationId()} Timestamp: ${new Date().toISOString()}`,
      error_codes: [Number(code.replace('AADSTS', ''))],
      timestamp: new Date().toISOString(),
      trace_id: trace,
      correlation_id: correlationId()
    }
  }
}

function openIdConfiguration(origin: string, tenant: string): Record<string, unknown> {
  const base = `${origin}/${tenant}`
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: [
      'client_secret_post',
      'private_key_jwt',
      'client_secret_basic'
    ],
    jwks_uri: `${origin}/${tenant}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${origin}/${tenant}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${origin}/oidc/userinfo`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'tid', 'oid'],
    kerberos_endpoint: `${base}/kerberos`,
    tenant_region_scope: 'EU',
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
    rbac_url: 'https://pas.windows.net'
  }
}

export async function handleAuthority(
  req: IncomingMessage,
  url: URL,
  state: EmulatorState,
  origin: string,
  federatedTokenFile: string
): Promise<Reply> {
  const parts = url.pathname.split('/').filter(Boolean)
  const tenant = parts[0] ?? ''
  const rest = parts.slice(1).join('/')
  const tenantKnown = tenant.toLowerCase() === state.estate.tenantId.toLowerCase()
  if (
    req.method === 'GET' &&
    (rest === 'v2.0/.well-known/openid-configuration' ||
      rest === '.well-known/openid-configuration')
  ) {
    if (!tenantKnown)
      return aadError(400, 'invalid_tenant', 'AADSTS90002', `Tenant '${tenant}' not found.`)
    return { status: 200, body: openIdConfiguration(origin, tenant) }
  }
  if (rest !== 'oauth2/v2.0/token') return { status: 404, body: { error: 'not_found' } }
  if (req.method !== 'POST')
    return aadError(
      405,
      'invalid_request',
      'AADSTS900561',
      'The endpoint only accepts POST requests.'
    )
  if (!tenantKnown)
    return aadError(400, 'invalid_tenant', 'AADSTS90002', `Tenant '${tenant}' not found.`)
  const form = new URLSearchParams(await readBody(req))
  const grant = form.get('grant_type')
  if (grant !== 'client_credentials') {
    return aadError(
      400,
      'unsupported_grant_type',
      'AADSTS70003',
      `The app requested an unsupported grant type '${grant ?? ''}'.`
    )
  }
  const clientId = form.get('client_id') ?? ''
  const scope = form.get('scope') ?? ''
  if (!scope.endsWith('/.default')) {
    return aadError(
      400,
      'invalid_scope',
      'AADSTS1002012',
      `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`
    )
  }
  if (
    form.get('client_assertion_type') !==
      'urn:ietf:params:oauth:client-assertion-type:jwt-bearer' ||
    !form.get('client_assertion')
  ) {
    return aadError(
      401,
      'invalid_client',
      'AADSTS7000218',
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'."
    )
  }
  const selection = selectIdentity(state, { kind: 'client_id', value: clientId })
  if (!selection.ok || selection.system) {
    return aadError(
      400,
      'unauthorized_client',
      'AADSTS700016',
      `Application with identifier '${clientId}' was not found in the directory '${state.estate.tenantId}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`
    )
  }
  let expected = ''
  try {
    expected = readFileSync(federatedTokenFile, 'utf8').trim()
  } catch {
    expected = ''
  }
  if (form.get('client_assertion') !== expected) {
    return aadError(
      400,
      'invalid_client',
      'AADSTS70021',
      `No matching federated identity record found for presented assertion. Assertion Issuer: '${FEDERATED_ISSUER}'. Assertion Subject: '${FEDERATED_SUBJECT}'. Assertion Audience: 'api://AzureADTokenExchange'.`
    )
  }
  const fault = tokenFault(state)
  if (fault) return fault
  const resource = scope.slice(0, -'/.default'.length)
  // v1 resources are asked for as "<resource>/.default": ARM's aud keeps its trailing slash.
  const audience =
    resource === 'https://management.azure.com' ? 'https://management.azure.com/' : resource
  const unknown = unknownResource(state, audience)
  if (unknown)
    return aadError(
      400,
      'invalid_resource',
      'AADSTS500011',
      `The resource principal named ${resource} was not found in the tenant named ${state.estate.tenantId}.`
    )
  const minted = mint(state, selection, audience)
  const fields: Record<string, unknown> = { token_type: 'Bearer' }
  if (minted.expiresIn !== undefined) {
    fields['expires_in'] = minted.expiresIn
    fields['ext_expires_in'] = minted.expiresIn
  }
  fields['access_token'] = minted.issued.accessToken
  return tokenReply(fields, minted.malformed)
}
