/**
 * The Key Vault data plane, `GET /secrets?api-version=7.4` (list secrets): audience
 * `https://vault.azure.net`, Azure RBAC (dataActions), and Key Vault's own error bodies.
 */
import type { IncomingMessage } from 'node:http'
import { isKeyVaultAudience, KEY_VAULT_AUDIENCE } from './audiences'
import { bearerToken, nowSeconds, type Reply } from './http-util'
import type { EmulatorState } from './state'
import { correlationId } from './tokens'

function kvError(status: number, body: unknown, state: EmulatorState, challenge = false): Reply {
  const headers: Record<string, string> = {
    'x-ms-request-id': correlationId(),
    'x-ms-keyvault-service-version': '1.9.2000.1'
  }
  if (challenge) {
    headers['WWW-Authenticate'] =
      `Bearer authorization="https://login.microsoftonline.com/${state.estate.tenantId}", resource="${KEY_VAULT_AUDIENCE}"`
  }
  return { status, headers, body }
}

const unauthorized = (message: string, state: EmulatorState): Reply =>
  kvError(401, { error: { code: 'Unauthorized', message } }, state, true)

export function handleKeyVault(req: IncomingMessage, url: URL, state: EmulatorState): Reply {
  const { estate } = state
  const token = bearerToken(req)
  if (!token) return unauthorized('AKV10000: Request is missing a Bearer or PoP token.', state)
  const claims = state.issuer.lookup(token)
  if (!claims)
    return unauthorized(
      'AKV10025: Invalid token: the token was not issued by a trusted issuer.',
      state
    )
  if (!isKeyVaultAudience(claims.aud)) {
    return unauthorized(
      `AKV10022: Invalid audience. Expected ${KEY_VAULT_AUDIENCE}, found: ${claims.aud}.`,
      state
    )
  }
  if (claims.exp <= nowSeconds())
    return unauthorized('AKV10032: Invalid token: the token has expired.', state)
  const apiVersion = url.searchParams.get('api-version')
  if (!apiVersion) {
    return kvError(
      400,
      {
        error: {
          code: 'BadParameter',
          message: 'The request URI contains an invalid or missing api-version.'
        }
      },
      state
    )
  }
  if (req.method !== 'GET' || !/^\/secrets\/?$/i.test(url.pathname)) {
    return kvError(
      404,
      { error: { code: 'NotFound', message: `The emulator does not serve '${url.pathname}'.` } },
      state
    )
  }
  const action = 'Microsoft.KeyVault/vaults/secrets/readMetadata/action'
  const resource = `${estate.vaultResourceId}/secrets`
  if (!state.roles.isAllowed(claims.oid, action, resource, true, state.elapsedMs())) {
    return kvError(
      403,
      {
        error: {
          code: 'Forbidden',
          message: [
            'Caller is not authorized to perform action on resource.',
            'If role assignments, deny assignments or role definitions were changed recently, please observe propagation time.',
            `Caller: appid=${claims.appid};oid=${claims.oid};iss=${claims.iss}`,
            `Action: '${action}'`,
            `Resource: '${resource.toLowerCase()}'`,
            'Assignment: (not found)',
            'DenyAssignmentId: null',
            'DecisionReason: null ',
            `Vault: ${estate.vaultName};location=${estate.location}`,
            ''
          ].join('\r\n'),
          innererror: { code: 'ForbiddenByRbac' }
        }
      },
      state
    )
  }
  const base = `https://${estate.vaultName}.vault.azure.net/secrets`
  return {
    status: 200,
    body: {
      value: ['db-password', 'storage-key'].map(name => ({
        id: `${base}/${name}`,
        attributes: {
          enabled: true,
          created: 1764000000,
          updated: 1764000000,
          recoveryLevel: 'Recoverable+Purgeable',
          recoverableDays: 90
        },
        tags: {}
      })),
      nextLink: null
    }
  }
}
