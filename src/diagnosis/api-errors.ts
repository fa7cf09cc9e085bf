/**
 * What an API's answer means: success by the check's `expect=`, or which failure it is, told by
 * status and error body. The important distinction is who answered: an Azure service (its JSON or
 * XML error) or something in between (a proxy's page, a bare 403 / 407 / 502).
 */
import type { Check } from '../inputs/action-inputs'
import type { FailureMode } from '../report/report-types'
import { audienceAccepted } from './audiences'
import { mentionsProxy, parseErrorBody, type ErrorBody } from './error-body'
import * as fix from './remediation'
import {
  armScopeOf,
  keyVaultActionOf,
  storageAccountOf,
  vaultNameOf,
  type Service
} from './services'
import { hostPort, oneLine, quote } from './text'

export interface ApiAnswerContext {
  check: Check
  /** The URL as called. */
  url: string
  service: Service
  /** `oid` of the token used; the principal a role must be granted to. */
  principalId?: string
  tenantId?: string
  /** `aud` of the token used. */
  tokenAudience?: string
  /** Input expected-principal-id: the next best guess at the principal when the token's is unknown. */
  expectedPrincipalId?: string
  rbacWaitMs?: number
}

export interface ApiVerdict {
  status: 'pass' | 'fail'
  failureMode?: FailureMode
  detail: string
  remediation?: string
  /** rbac-denied: who was refused what where (the role lookup on the runner starts from it). */
  denial?: fix.RbacDenial
}

/** Statuses a proxy or gateway typically answers with on its own account. */
const PROXY_STATUSES = new Set([403, 407, 502, 503, 504])

export function isExpectedStatus(status: number, expect: number[]): boolean {
  return expect.length === 0 ? status >= 200 && status < 300 : expect.includes(status)
}

export function classifyApiAnswer(
  status: number,
  rawBody: string | undefined,
  context: ApiAnswerContext
): ApiVerdict {
  const { check } = context
  if (isExpectedStatus(status, check.expect)) {
    return { status: 'pass', detail: `answered ${status}` }
  }
  const body = parseErrorBody(rawBody)
  const said = describeError(body, rawBody)
  const fail = (failureMode: FailureMode, detail: string, remediation: string): ApiVerdict => ({
    status: 'fail',
    failureMode,
    detail,
    remediation
  })

  // Something between the workload and the API answered: the API never saw the request.
  if (status === 407 || (PROXY_STATUSES.has(status) && !answeredByAzure(body, rawBody))) {
    return fail(
      'egress-blocked',
      `a proxy answered ${status}, not the API${said}`,
      fix.proxyAnswered(hostPort(context.url))
    )
  }

  const code = body.code
  const message = body.message ?? ''
  if (status === 401) {
    if (code === 'InvalidAuthenticationTokenAudience' || /AKV10022/.test(message)) {
      const accepted = check.expectedAudience ?? acceptedAudienceIn(message)
      const name = code === 'InvalidAuthenticationTokenAudience' ? code : 'AKV10022'
      const tokenAud = context.tokenAudience
      const rightRequest = accepted !== undefined && audienceAccepted(check.resource, accepted)
      const remediation = !rightRequest
        ? fix.apiRejectedAudience(check.resource, accepted)
        : tokenAud !== undefined && !audienceAccepted(tokenAud, accepted)
          ? // The check asked for the right audience: the token that came back is the odd one out.
            fix.tokenForOtherAudience(check.resource, tokenAud)
          : fix.apiAudienceDisagrees(check.resource, hostPort(context.url))
      return fail(
        'wrong-audience',
        `the API refused the token's audience (${name}; requested ${check.resource}${tokenAud !== undefined ? `, token aud ${tokenAud}` : ''})${said}`,
        remediation
      )
    }
    if (isAzureError(body)) {
      // Any other refusal of the bearer token by the service itself: expired, not yet valid,
      // malformed, wrong tenant (ARM ExpiredAuthenticationToken / InvalidAuthenticationToken,
      // Key Vault AKV10032 / AKV10000...).
      return fail(
        'token-invalid',
        `the API refused the token (${code ?? '401'})${said}`,
        fix.apiRejectedToken(code, context.tenantId)
      )
    }
  }
  if (status === 403) {
    const denied = classifyForbidden(body, context)
    if (denied !== undefined) return denied
  }
  return fail(
    'api-error',
    `unexpected answer ${status}${said}`,
    fix.apiError(status, code, check.expect)
  )
}

function classifyForbidden(body: ErrorBody, context: ApiAnswerContext): ApiVerdict | undefined {
  const message = body.message ?? ''
  const code = body.code ?? ''
  const inner = body.innerCode
  const said = describeError(body, undefined)
  const principalId = context.principalId ?? principalIn(message) ?? context.expectedPrincipalId

  if (inner === 'ForbiddenByFirewall' || /client address is not authorized/i.test(message)) {
    return {
      status: 'fail',
      failureMode: 'egress-blocked',
      detail: `the vault's firewall refused the workload's address (403 ForbiddenByFirewall)${said}`,
      remediation: fix.keyVaultFirewall(vaultNameOf(context.url) ?? vaultIn(message))
    }
  }
  const keyVault = context.service === 'keyvault' || /Caller: appid=|AKV\d+/.test(message)
  if (
    keyVault &&
    (code === 'Forbidden' || inner === 'ForbiddenByRbac' || inner === 'AccessDenied')
  ) {
    const model =
      inner === 'ForbiddenByRbac' ? 'rbac' : inner === 'AccessDenied' ? 'access-policy' : 'unknown'
    const action = quotedAfter(message, 'Action:') ?? keyVaultActionOf(context.url)
    const resource = quotedAfter(message, 'Resource:')
    const vaultScope = resource === undefined ? undefined : vaultScopeOf(resource)
    const vaultName = vaultNameOf(context.url) ?? vaultIn(message)
    const why =
      model === 'access-policy'
        ? "the vault's access policies do not grant it (innererror AccessDenied: access policy model)"
        : model === 'rbac'
          ? 'no role assignment grants it (innererror ForbiddenByRbac: Azure RBAC model)'
          : 'the vault refused it (403 Forbidden)'
    return {
      status: 'fail',
      failureMode: 'rbac-denied',
      detail: `principal ${principalId ?? '(unknown)'} may not ${action ?? 'perform the action'} on ${vaultScope ?? vaultName ?? 'the vault'}: ${why}`,
      remediation: fix.rbacDenied(
        { service: 'keyvault', model, principalId, scope: vaultScope, action, vaultName },
        context.rbacWaitMs
      ),
      denial: { service: 'keyvault', model, principalId, scope: vaultScope, action, vaultName }
    }
  }
  if (code === 'AuthorizationFailed' || code === 'LinkedAuthorizationFailed') {
    const scope = /over scope '([^']+)'/.exec(message)?.[1] ?? armScopeOf(context.url)
    const action = /perform action '([^']+)'/.exec(message)?.[1]
    return {
      status: 'fail',
      failureMode: 'rbac-denied',
      detail: `principal ${principalId ?? '(unknown)'} has no role allowing ${action ?? 'the call'} over scope ${scope ?? '(unknown)'} (403 ${code})`,
      remediation: fix.rbacDenied(
        { service: 'arm', principalId, scope, action },
        context.rbacWaitMs
      ),
      denial: { service: 'arm', principalId, scope, action }
    }
  }
  if (code === 'AuthorizationPermissionMismatch') {
    return {
      status: 'fail',
      failureMode: 'rbac-denied',
      detail: `principal ${principalId ?? '(unknown)'} has no data role on the storage account (403 ${code})`,
      remediation: fix.rbacDenied(
        { service: 'storage', principalId, storage: storageAccountOf(context.url) },
        context.rbacWaitMs
      ),
      denial: { service: 'storage', principalId, storage: storageAccountOf(context.url) }
    }
  }
  if (
    code === 'Authorization_RequestDenied' ||
    (context.service === 'graph' && /forbidden|denied/i.test(code))
  ) {
    return {
      status: 'fail',
      failureMode: 'rbac-denied',
      detail: `Microsoft Graph denied principal ${principalId ?? '(unknown)'} (403 ${code})${said}`,
      remediation: fix.rbacDenied({ service: 'graph', principalId }, context.rbacWaitMs),
      denial: { service: 'graph', principalId }
    }
  }
  if (context.service === 'arm' && /authoriz/i.test(`${code} ${message}`)) {
    const scope = armScopeOf(context.url)
    return {
      status: 'fail',
      failureMode: 'rbac-denied',
      detail: `principal ${principalId ?? '(unknown)'} is not authorized over ${scope ?? 'the scope'} (403 ${code})${said}`,
      remediation: fix.rbacDenied({ service: 'arm', principalId, scope }, context.rbacWaitMs),
      denial: { service: 'arm', principalId, scope }
    }
  }
  return undefined
}

/**
 * An Azure service's own error: its JSON or XML shape. Other JSON counts too unless it names a
 * proxy product (some proxies answer in JSON); pages and bare text never do.
 */
function answeredByAzure(body: ErrorBody, raw: string | undefined): boolean {
  if (body.kind === 'azure' || body.kind === 'storage') return true
  if (body.kind === 'oauth' || body.kind === 'json' || body.kind === 'app-service')
    return !mentionsProxy(raw)
  return false
}

/**
 * ARM: one of "allowed audiences 'A','B',..." (the management.azure.com/ form when listed);
 * Key Vault: "Expected A, found: B".
 */
function acceptedAudienceIn(message: string): string | undefined {
  const list = /allowed audiences\s+((?:'[^']*',?)+)/i.exec(message)?.[1]
  if (list !== undefined) {
    const audiences = [...list.matchAll(/'([^']+)'/g)].map(m => m[1] as string)
    return audiences.find(a => /management\.azure\.com\/$/.test(a)) ?? audiences[0]
  }
  return /Expected\s+(\S+?),?\s+found/i.exec(message)?.[1]
}

function isAzureError(body: ErrorBody): boolean {
  return (body.kind === 'azure' || body.kind === 'storage') && body.code !== undefined
}

function principalIn(message: string): string | undefined {
  return /object id '([^']+)'/i.exec(message)?.[1] ?? /\boid=([0-9a-f-]{36})/i.exec(message)?.[1]
}

function quotedAfter(message: string, label: string): string | undefined {
  const i = message.indexOf(label)
  if (i < 0) return undefined
  return /^\s*'([^']*)'/.exec(message.slice(i + label.length))?.[1]
}

/** A Key Vault resource path cut after `/vaults/NAME`: the scope a role is normally granted on. */
function vaultScopeOf(resource: string): string | undefined {
  const m =
    /^(\/subscriptions\/[^/]+\/resourcegroups\/[^/]+\/providers\/microsoft\.keyvault\/vaults\/[^/]+)/i.exec(
      resource
    )
  return m?.[1]
}

/** The vault's name from a Key Vault message, only where it is whole (bodies arrive cut). */
function vaultIn(message: string): string | undefined {
  return (
    /\bVault: ([a-z0-9-]+);/i.exec(message)?.[1] ??
    /key vault '([a-z0-9-]+)[;']/i.exec(message)?.[1] ??
    /\/providers\/microsoft\.keyvault\/vaults\/([a-z0-9-]+)(?=[/'\s;])/i.exec(message)?.[1]
  )
}

function describeError(body: ErrorBody, raw: string | undefined): string {
  if (body.kind === 'empty') return ' (empty body)'
  if (body.code !== undefined || body.message !== undefined) {
    const inner = body.innerCode !== undefined ? ` [${body.innerCode}]` : ''
    return `: ${quote(`${body.code ?? ''}${inner}${body.code && body.message ? ' ' : ''}${oneLine(body.message ?? '', 160)}`, 220)}`
  }
  return raw === undefined ? '' : `: ${quote(raw, 120)}`
}
