/**
 * Azure Resource Manager, the two reads the default checks make: list subscriptions and list the
 * resource groups of a subscription. Bearer validation and error bodies as ARM sends them.
 */
import type { IncomingMessage } from 'node:http'
import { ARM_AUDIENCES, isArmAudience } from './audiences'
import { bearerToken, nowSeconds, type Reply } from './http-util'
import type { EmulatorState } from './state'
import { correlationId, type TokenClaims } from './tokens'

function armError(
  status: number,
  code: string,
  message: string,
  extraHeaders: Record<string, string> = {}
): Reply {
  return {
    status,
    headers: {
      'x-ms-request-id': correlationId(),
      'x-ms-correlation-request-id': correlationId(),
      ...extraHeaders
    },
    body: { error: { code, message } }
  }
}

function unauthorized(code: string, message: string): Reply {
  return armError(401, code, message, {
    'WWW-Authenticate': `Bearer authorization_uri="https://login.windows.net/", error="invalid_token", error_description="${message.replace(/"/g, "'")}"`
  })
}

function utc(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.\d+Z$/, '')
}

/** The caller's claims, or the 401 ARM answers. */
export function authenticateArm(req: IncomingMessage, state: EmulatorState): TokenClaims | Reply {
  const token = bearerToken(req)
  if (!token)
    return unauthorized(
      'AuthenticationFailed',
      "Authentication failed. The 'Authorization' header is missing."
    )
  const claims = state.issuer.lookup(token)
  if (!claims) return unauthorized('InvalidAuthenticationToken', 'The access token is invalid.')
  if (!isArmAudience(claims.aud)) {
    return unauthorized(
      'InvalidAuthenticationTokenAudience',
      `The access token has been obtained for wrong audience or resource '${claims.aud}'. It should exactly match with one of the allowed audiences ${ARM_AUDIENCES.map(a => `'${a}'`).join(',')}.`
    )
  }
  const now = nowSeconds()
  if (claims.exp <= now) {
    return unauthorized(
      'ExpiredAuthenticationToken',
      `The access token expiry UTC time '${utc(claims.exp)}' is earlier than current UTC time '${utc(now)}'.`
    )
  }
  return claims
}

function forbidden(claims: TokenClaims, action: string, scope: string): Reply {
  return armError(
    403,
    'AuthorizationFailed',
    `The client '${claims.oid}' with object id '${claims.oid}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`
  )
}

export function handleArm(req: IncomingMessage, url: URL, state: EmulatorState): Reply {
  if (!url.searchParams.get('api-version')) {
    return armError(
      400,
      'MissingApiVersionParameter',
      'The api-version query parameter (?api-version=) is required for all requests.'
    )
  }
  const auth = authenticateArm(req, state)
  if ('status' in auth) return auth
  const claims = auth
  const { estate } = state
  const elapsed = state.elapsedMs()
  // ARM paths are case-insensitive.
  const parts = url.pathname.toLowerCase().split('/').filter(Boolean)
  if (req.method !== 'GET')
    return armError(405, 'MethodNotAllowed', 'The emulator serves GET only.')

  if (parts.length === 1 && parts[0] === 'subscriptions') {
    // ARM lists only the subscriptions the caller holds a role in (none: an empty list, not a 403).
    const scope = `/subscriptions/${estate.subscriptionId}`
    const visible = state.roles.hasAnyRoleUnder(claims.oid, scope, elapsed)
    return {
      status: 200,
      body: {
        value: visible
          ? [
              {
                id: scope,
                authorizationSource: 'RoleBased',
                managedByTenants: [],
                subscriptionId: estate.subscriptionId,
                tenantId: estate.tenantId,
                displayName: estate.subscriptionName,
                state: 'Enabled',
                subscriptionPolicies: {
                  locationPlacementId: 'Public_2014-09-01',
                  quotaId: 'PayAsYouGo_2014-09-01',
                  spendingLimit: 'Off'
                }
              }
            ]
          : [],
        count: { type: 'Total', value: visible ? 1 : 0 }
      }
    }
  }

  if (parts[0] === 'subscriptions' && parts[2] === 'resourcegroups' && parts.length <= 4) {
    const subscriptionId = url.pathname.split('/').filter(Boolean)[1] ?? ''
    const scope = `/subscriptions/${subscriptionId}`
    if (subscriptionId.toLowerCase() !== estate.subscriptionId.toLowerCase()) {
      return armError(
        404,
        'SubscriptionNotFound',
        `The subscription '${subscriptionId}' could not be found.`
      )
    }
    const action = 'Microsoft.Resources/subscriptions/resourcegroups/read'
    const rgName = parts[3]
    const checkScope = rgName
      ? `${scope}/resourceGroups/${url.pathname.split('/').filter(Boolean)[3]}`
      : scope
    if (!state.roles.isAllowed(claims.oid, action, checkScope, false, elapsed)) {
      return forbidden(claims, action, checkScope)
    }
    const group = {
      id: `/subscriptions/${estate.subscriptionId}/resourceGroups/${estate.resourceGroup}`,
      name: estate.resourceGroup,
      type: 'Microsoft.Resources/resourceGroups',
      location: estate.location,
      properties: { provisioningState: 'Succeeded' }
    }
    if (!rgName) return { status: 200, body: { value: [group] } }
    if (rgName !== estate.resourceGroup.toLowerCase()) {
      return armError(
        404,
        'ResourceGroupNotFound',
        `Resource group '${parts[3]}' could not be found.`
      )
    }
    return { status: 200, body: group }
  }

  return armError(404, 'NotFound', `The emulator does not serve '${url.pathname}'.`)
}
