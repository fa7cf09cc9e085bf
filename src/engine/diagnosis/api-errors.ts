/**
 * What an API's answer means: success by the check's `expect=`, or which failure it is, told by
 * status and error body. Two questions decide it: who answered (an Azure service, in its JSON or
 * XML, or something in between such as a proxy's page), and what the service's own words mean,
 * which the Azure service table (src/azure/services.ts) knows per service: a network refusal (a
 * 403 or, for Service Bus, a 401 of the service itself), a missing data role (a 403, or a 401 for
 * Service Bus and Azure OpenAI), a wrong audience, a token from another tenant, an expired token.
 */
import {
  audienceAccepted,
  azureServices,
  matchErrorRules,
  resourceNameOf,
  ruleCaptures,
  serviceAudienceFor,
  sameAudience,
  serviceByKey,
  serviceForUrl,
  storageKindOf,
  type AzureService,
  type ErrorRule
} from '../../azure/services'
import type { Check } from '../inputs/action-inputs'
import type { FailureMode } from '../../contracts/report'
import { isAzureBody, mentionsProxy, parseErrorBody, type ErrorBody } from './error-body'
import * as fix from './remediation'
import { armScopeOf, keyVaultActionOf } from './arm-scope'
import { hostPort, excerpt, quote } from './text'
import { GUID_SOURCE } from '../../common/guid'

export interface ApiAnswerContext {
  check: Check
  /** The URL as called. */
  url: string
  /** The service the check talks to (by audience, then host), if the table knows it. */
  service?: AzureService
  /** `oid` of the token used; the principal a role must be granted to. */
  principalId?: string
  /** `appid` of the token used (Data Explorer names principals by application ID). */
  appId?: string
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
  /** The service stated the cause in its own words and the remediation follows them. */
  stated?: boolean
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

  // Every error answer is read for the service's own words, whatever its status (a 409 that says
  // the provider is not registered, a 404 that says the deployment does not exist...).
  const matched =
    status >= 400 && status !== 407 ? ruleFor(status, body, rawBody, context) : undefined
  // Something between the workload and the API answered: the API never saw the request.
  if (
    matched === undefined &&
    (status === 407 || (PROXY_STATUSES.has(status) && !answeredByAzure(body, rawBody)))
  ) {
    return fail(
      'egress-blocked',
      `a proxy answered ${status}, not the API${said}`,
      fix.proxyAnswered(hostPort(context.url))
    )
  }
  if (matched !== undefined)
    return fromRule(status, matched.service, matched.rule, body, said, context)

  if (status === 401 && isAzureError(body)) {
    // Any other refusal of the bearer token by the service itself.
    return fail(
      'token-invalid',
      `the API refused the token (${body.code ?? '401'})${said}`,
      fix.apiRejectedToken(body.code, context.tenantId, aboutTime(body))
    )
  }
  if (
    status === 403 &&
    context.service?.key === 'arm' &&
    /authoriz/i.test(`${body.code} ${body.message}`)
  ) {
    return roleDenied(serviceByKey('arm'), body, said, context)
  }
  // Nothing recognises the answer: report the service's own code and message and say what to
  // check. `expect=` only where the answer cannot be an access, network or token problem.
  const stated = isAzureBody(body) || body.kind === 'json' ? body : undefined
  return fail(
    'api-error',
    `unexpected answer ${status}${said}`,
    fix.apiError({
      status,
      code: stated?.code,
      message: stated?.message ?? stated?.detail,
      expect: check.expect,
      service: context.service?.name
    })
  )
}

interface MatchedRule {
  service: AzureService
  rule: ErrorRule
}

/**
 * The check's service's rule for this answer; failing that, a rule of another service that is
 * distinctive on its own (one without a `status`: a specific code or words), never a bare
 * `Forbidden`: a check whose service is unknown is still told a Cosmos DB firewall refusal.
 */
function ruleFor(
  status: number,
  body: ErrorBody,
  raw: string | undefined,
  context: ApiAnswerContext
): MatchedRule | undefined {
  const text = [body.message, body.detail].filter(Boolean).join(' ')
  const own = context.service
  // A service's own words decide over the proxy heuristics ("blocked by your Cosmos DB account
  // firewall settings" names a firewall, and it is the service's); a bare code does not, when the
  // answer names a proxy product.
  const structured = body.kind !== 'html' && body.kind !== 'text' && body.kind !== 'empty'
  const trusted = (rule: ErrorRule): boolean =>
    structured && (rule.text !== undefined || !mentionsProxy(raw))
  if (own !== undefined) {
    const rule = matchErrorRules(own, status, body.code, body.innerCode, text)
    // An empty answer is only the service's own when the service is known to answer that way.
    if (rule !== undefined && (trusted(rule) || rule.meaning === 'role-or-network'))
      return { service: own, rule }
  }
  if (!structured) return undefined
  for (const service of azureServices()) {
    if (service === own) continue
    const distinctive = { ...service, errors: service.errors.filter(r => r.status === undefined) }
    const rule = matchErrorRules(distinctive, status, body.code, body.innerCode, text)
    if (rule !== undefined && trusted(rule)) return { service, rule }
  }
  return undefined
}

function fromRule(
  status: number,
  service: AzureService,
  rule: ErrorRule,
  body: ErrorBody,
  said: string,
  context: ApiAnswerContext
): ApiVerdict {
  const { check } = context
  const fail = (failureMode: FailureMode, detail: string, remediation: string): ApiVerdict => ({
    status: 'fail',
    failureMode,
    detail,
    remediation
  })
  const words = `${body.message ?? ''} ${body.detail ?? ''}`
  // A token refusal whose words name the audience the service wants, when the check asked for
  // another one, is a wrong audience (Azure AI: "audience is incorrect (https://...)").
  const named = acceptedAudienceIn(words)
  const meaning =
    rule.meaning === 'token' && named !== undefined && !sameAudience(check.resource, named)
      ? 'audience'
      : rule.meaning
  switch (meaning) {
    case 'stated':
      return {
        ...fail(
          'api-error',
          `${service.name} answered ${status} and says why: ${rule.why}${said}`,
          fix.statedCause(rule.fix ?? '', {
            ...statedValues(context),
            name:
              resourceNameOf(context.url) ??
              nameIn(words) ??
              `<${service.network?.resourceWord ?? 'resource'} name>`,
            subscription: subscriptionIn(context.url) ?? subscriptionIn(words),
            ...lowerCased(ruleCaptures(rule, body.code, body.innerCode, words))
          })
        ),
        stated: true
      }
    case 'network': {
      const address = addressIn(words)
      return fail(
        'egress-blocked',
        `${service.name} refused the request by network (${status} of its own): ${rule.why}${address ? `; the workload's address as it saw it: ${address}` : ''}${said}`,
        fix.serviceRefusedNetwork({
          service,
          host: hostOf(context.url),
          name: resourceNameOf(context.url) ?? nameIn(words),
          address,
          zones: zonesOf(service, context.url),
          publicAccessOff:
            /public (network )?access is disabled|ForbiddenByConnection|private endpoint/i.test(
              `${words} ${body.innerCode ?? ''}`
            )
        })
      )
    }
    case 'role':
      return roleDenied(service, body, said, context, status)
    case 'role-or-network':
      return fail(
        'rbac-denied',
        `${service.name}: ${rule.why}${said}`,
        fix.roleOrNetwork({
          service,
          principalId: principalOf(body, context),
          name: resourceNameOf(context.url),
          host: hostOf(context.url),
          zones: zonesOf(service, context.url)
        })
      )
    case 'audience': {
      const accepted = check.expectedAudience ?? named
      const entry = serviceForUrl(context.url)
      const tokenAud = context.tokenAudience
      const rightRequest =
        entry !== undefined
          ? audienceAccepted(check.resource, entry)
          : accepted !== undefined && sameAudience(check.resource, accepted)
      const remediation = !rightRequest
        ? fix.apiRejectedAudience(
            check.resource,
            accepted ?? serviceAudienceFor(service, context.url, check.resource)
          )
        : tokenAud !== undefined && accepted !== undefined && !sameAudience(tokenAud, accepted)
          ? // The check asked for the right audience: the token that came back is the odd one out.
            fix.tokenForOtherAudience(check.resource, tokenAud)
          : fix.apiAudienceDisagrees(check.resource, hostPort(context.url))
      return fail(
        'wrong-audience',
        `the API refused the token's audience (${/AKV\d+/.exec(words)?.[0] ?? body.code ?? rule.why}; requested ${check.resource}${tokenAud !== undefined ? `, token aud ${tokenAud}` : ''})${said}`,
        remediation
      )
    }
    case 'tenant': {
      const tenants = tenantsIn(words)
      const tokenTenant = context.tenantId ?? tenants.found
      return fail(
        'wrong-identity',
        `${service.name} refused a token from tenant ${tokenTenant ?? '(unknown)'}${tenants.expected ? `; the resource belongs to tenant ${tenants.expected}` : ''} (${rule.why})${said}`,
        fix.wrongTenant(service.name, tokenTenant, tenants.expected)
      )
    }
    case 'expired':
      return fail(
        'token-invalid',
        `${service.name} refused the token (${body.code ?? status}) as out of its lifetime: ${rule.why}${said}`,
        fix.apiRejectedToken(body.code, context.tenantId, true)
      )
    case 'token':
      return fail(
        'token-invalid',
        `${service.name} refused the token (${body.code ?? status}: ${rule.why})${said}`,
        fix.apiRejectedToken(body.code, context.tenantId, rule.lists !== true && aboutTime(body))
      )
  }
}

function roleDenied(
  service: AzureService,
  body: ErrorBody,
  said: string,
  context: ApiAnswerContext,
  status = 403
): ApiVerdict {
  const message = `${body.message ?? ''} ${body.detail ?? ''}`
  const principalId = principalOf(body, context)
  const wait = context.rbacWaitMs
  const fail = (detail: string, denial: fix.RbacDenial): ApiVerdict => ({
    status: 'fail',
    failureMode: 'rbac-denied',
    detail,
    remediation: fix.rbacDenied(denial, wait),
    denial
  })
  switch (service.key) {
    case 'keyvault': {
      const inner = body.innerCode
      // The inner code says which permission model refused; a cut body may still say it in words.
      const model =
        inner === 'ForbiddenByRbac'
          ? 'rbac'
          : inner === 'AccessDenied' || /access polic(y|ies)/i.test(message)
            ? 'access-policy'
            : 'unknown'
      const action = quotedAfter(message, 'Action:') ?? keyVaultActionOf(context.url)
      const resource = quotedAfter(message, 'Resource:')
      const vaultScope = resource === undefined ? undefined : vaultScopeOf(resource)
      const vaultName = resourceNameOf(context.url) ?? vaultIn(message)
      const why =
        model === 'access-policy'
          ? "the vault's access policies do not grant it (innererror AccessDenied: access policy model)"
          : model === 'rbac'
            ? 'no role assignment grants it (innererror ForbiddenByRbac: Azure RBAC model)'
            : 'the vault refused it (403 Forbidden)'
      return fail(
        `principal ${principalId ?? '(unknown)'} may not ${action ?? 'perform the action'} on ${vaultScope ?? vaultName ?? 'the vault'}: ${why}`,
        { service: 'keyvault', model, principalId, scope: vaultScope, action, name: vaultName }
      )
    }
    case 'arm': {
      const scope = /over scope '([^']+)'/.exec(message)?.[1] ?? armScopeOf(context.url)
      const action = /perform action '([^']+)'/.exec(message)?.[1]
      return fail(
        `principal ${principalId ?? '(unknown)'} has no role allowing ${action ?? 'the call'} over scope ${scope ?? '(unknown)'} (${status} ${body.code ?? ''})`.replace(
          / \)$/,
          ')'
        ),
        { service: 'arm', principalId, scope, action }
      )
    }
    default: {
      // Managed HSM: "Not authorized to access <data action> on <HSM scope>".
      const hsm = /Not authorized to access (\S+) on (\/\S*)/i.exec(message)
      // Data Explorer: "Principal 'aadapp=<app>;<tenant>' is not authorized to read database 'db'".
      const kusto =
        /Principal '([^']+)' is not authorized to (?:read|access) database '([^']+)'/i.exec(message)
      const action =
        /data action [`']?([A-Za-z0-9./]+)/.exec(message)?.[1] ??
        /perform action \[([^\]]+)\]/.exec(message)?.[1] ??
        /('[A-Za-z,]+') claim\(s\)/.exec(message)?.[1] ??
        hsm?.[1] ??
        (kusto !== null ? 'read database' : undefined)
      const kind = storageKindOf(context.url)
      return fail(
        `${service.name} denied principal ${principalId ?? '(unknown)'}${action ? ` (${action})` : ''} (${status} ${body.code ?? ''})${said}`.replace(
          / \)/,
          ')'
        ),
        {
          service: service.key,
          principalId,
          action: action ?? kind,
          name: resourceNameOf(context.url) ?? nameIn(message),
          kind,
          ...(hsm !== null ? { scope: hsm[2] } : {}),
          ...(kusto !== null ? { database: kusto[2], kustoPrincipal: kusto[1] } : {}),
          ...(context.appId !== undefined ? { appId: context.appId } : {}),
          ...(context.tenantId !== undefined ? { tenantId: context.tenantId } : {})
        }
      )
    }
  }
}

/** Whether the service's words are about time (the only case "check the clock" helps). */
function aboutTime(body: ErrorBody): boolean {
  return /expired|lifetime|not yet valid|nbf|clock|time range|Expired/i.test(
    `${body.code ?? ''} ${body.message ?? ''} ${body.detail ?? ''}`
  )
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
  return (
    /Expected\s+(\S+?),?\s+found/i.exec(message)?.[1] ??
    /audience is incorrect \((https?:\/\/[^)\s]+)\)/i.exec(message)?.[1]
  )
}

/** The object a Key Vault URL names (`/secrets/NAME`), for the commands of a stated cause. */
function statedValues(context: ApiAnswerContext): Record<string, string | undefined> {
  let path = ''
  try {
    path = new URL(context.url).pathname
  } catch {
    path = ''
  }
  return {
    object: /\/(?:secrets|keys|certificates|deletedsecrets)\/([^/?]+)/i.exec(path)?.[1],
    principal: context.principalId ?? context.expectedPrincipalId
  }
}

function lowerCased(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, k === 'kind' ? v.toLowerCase() : v])
  )
}

/** The subscription a URL or message names (`/subscriptions/<id>` or `subscription '<id>'`). */
function subscriptionIn(text: string): string | undefined {
  const guid = `(${GUID_SOURCE})`
  return (
    new RegExp(`/subscriptions/${guid}`, 'i').exec(text)?.[1] ??
    new RegExp(`subscription '${guid}'`, 'i').exec(text)?.[1]
  )
}

/**
 * The two tenants of a wrong-issuer answer: ARM's "wrong issuer 'https://sts.windows.net/A/'. It
 * must match the tenant 'https://sts.windows.net/B/'", Key Vault's "Expected one of ..., found A".
 */
function tenantsIn(message: string): { found?: string; expected?: string } {
  const guid = `(${GUID_SOURCE})`
  const found =
    new RegExp(`wrong issuer '[^']*?${guid}`, 'i').exec(message)?.[1] ??
    new RegExp(`found:? https?://[^/]+/${guid}`, 'i').exec(message)?.[1]
  const expected =
    new RegExp(`must match the tenant '[^']*?${guid}`, 'i').exec(message)?.[1] ??
    new RegExp(`authority \\(URL\\) '[^']*?${guid}`, 'i').exec(message)?.[1] ??
    new RegExp(`Expected one of https?://[^/]+/${guid}`, 'i').exec(message)?.[1]
  return { found, expected }
}

/** The caller's address where the service names it (Cosmos DB, Container Registry, Key Vault). */
function addressIn(message: string): string | undefined {
  return (
    /originated from (?:client )?IP ([0-9a-f.:]+[0-9a-f])/i.exec(message)?.[1] ??
    /client with IP '([^']+)'/i.exec(message)?.[1] ??
    /Client address: ([0-9a-f.:]+[0-9a-f])/i.exec(message)?.[1]
  )
}

/** The resource's name where the message names it (Key Vault's `Vault: name;`, Cosmos's `Auth name :`). */
function nameIn(message: string): string | undefined {
  return vaultIn(message) ?? /blocked by Auth ([a-z0-9-]+) :/i.exec(message)?.[1]
}

/** The private DNS zones of the host's cloud; the public cloud's when the host is not Azure's. */
function zonesOf(service: AzureService, url: string): string[] {
  return serviceForUrl(url)?.privateDnsZones ?? service.clouds.public?.privateDnsZones ?? []
}

function hostOf(url: string): string {
  return hostPort(url).replace(/:\d+$/, '')
}

function isAzureError(body: ErrorBody): boolean {
  return (body.kind === 'azure' || body.kind === 'storage') && body.code !== undefined
}

function principalOf(body: ErrorBody, context: ApiAnswerContext): string | undefined {
  const message = `${body.message ?? ''} ${body.detail ?? ''}`
  return context.principalId ?? principalIn(message) ?? context.expectedPrincipalId
}

function principalIn(message: string): string | undefined {
  const guid = `(${GUID_SOURCE})`
  return (
    new RegExp(`object id '${guid}'`, 'i').exec(message)?.[1] ??
    new RegExp(`\\boid=${guid}`, 'i').exec(message)?.[1] ??
    new RegExp(`principal [\\[\`']?${guid}`, 'i').exec(message)?.[1]
  )
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
    const text =
      body.detail !== undefined && body.detail !== body.message
        ? `${body.message ?? ''} ${body.detail}`
        : (body.message ?? '')
    return `: ${quote(`${body.code ?? ''}${inner}${body.code && text ? ' ' : ''}${excerpt(text, 200)}`, 260)}`
  }
  return raw === undefined ? '' : `: ${quote(raw, 120)}`
}
