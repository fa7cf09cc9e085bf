/**
 * Step `token`, one per audience: was a usable token for the resource issued to the intended
 * identity? Judges the token exchange's answer, then the token's shape, claims, audience, identity
 * and expiry.
 */
import type { Observations, TokenObservation } from '../../contracts/observations'
import { describeIdentity } from '../../contracts/probe-request'
import type { FailureMode, ReportedClaims, StepReport } from '../../contracts/report'
import { audienceMatchesRequest } from '../../azure/services'
import { decodeClaims } from './claims'
import { isAzureBody, mentionsProxy, parseErrorBody, type ErrorBody } from './error-body'
import { judgeExpiry, parseExpiresOn, type ParsedExpiry } from './expiry'
import { matchIdentity } from './identity-match'
import type { DiagnosisPlan } from './plan'
import * as fix from './remediation'
import { formatDuration, excerpt, quote } from './text'
import { describeTransport, endpointOf } from './transport'

export interface TokenStepContext {
  observations: Observations
  plan: DiagnosisPlan
  /** The imds step failed: an exchange without an answer is the same trouble, not a new one. */
  upstreamFailed: boolean
}

interface Finding {
  status: 'warn' | 'fail'
  mode: FailureMode
  text: string
  remediation: string
}

export function tokenStep(token: TokenObservation, context: TokenStepContext): StepReport {
  const base: StepReport = {
    step: 'token',
    status: 'pass',
    durationMs: token.ms,
    attempts: token.attempts,
    audience: token.resource,
    detail: ''
  }
  const { observations } = context
  const source = observations.source
  const endpoint = endpointOf(token.url)
  const done = (
    status: 'warn' | 'fail',
    mode: FailureMode,
    detail: string,
    remediation: string
  ): StepReport => ({
    ...base,
    status,
    failureMode: mode,
    detail,
    remediation
  })

  if (token.status === undefined) {
    if (context.upstreamFailed) {
      return {
        ...base,
        status: 'skip',
        detail: `not evaluated: the identity endpoint is unreachable (imds step failed)`
      }
    }
    return done(
      'fail',
      'platform-unreachable',
      `the token request for ${token.resource} to ${endpoint} got no answer: ${describeTransport(token)}`,
      fix.identityEndpointUnreachable(source, endpoint)
    )
  }

  const status = token.status
  if (status >= 200 && status < 300) return judgeToken(token, context, base)

  const body = parseErrorBody(token.body)
  const said = describeBody(body, token.body)
  if (status === 429) {
    return done(
      'fail',
      'throttled',
      `the identity endpoint kept answering 429 Too Many Requests (${token.attempts} attempts in ${formatDuration(token.ms)})`,
      fix.throttled(token.retryAfter)
    )
  }
  if (source === 'workload-identity') {
    const federated = fromFederatedExchange(token, body, said, context)
    if (federated !== undefined)
      return done(federated.status, federated.mode, federated.text, federated.remediation)
  }
  if (!isAzureBody(body) && (body.kind === 'html' || status === 407 || mentionsProxy(token.body))) {
    return done(
      'fail',
      'platform-unreachable',
      `a proxy answered ${status}, not the identity endpoint${said}`,
      source === 'imds'
        ? fix.proxyInFrontOfImds()
        : fix.identityEndpointUnreachable(source, endpoint)
    )
  }
  if (status === 400) return fromBadRequest(token, body, said, context, done)
  if (status === 401 || status === 403) {
    return done(
      'fail',
      'platform-unreachable',
      `the identity endpoint refused the token request (HTTP ${status})${said}`,
      fix.identityEndpointRefused(source)
    )
  }
  if (status === 404 || status === 410 || status >= 500) {
    return done(
      'fail',
      'platform-unreachable',
      `the identity endpoint is ${status === 410 ? 'updating' : 'unavailable'} (HTTP ${status} after ${token.attempts} attempts)${said}`,
      source === 'imds'
        ? fix.imdsUnavailable(status)
        : fix.identityEndpointUnreachable(source, endpoint)
    )
  }
  return done(
    'fail',
    'token-invalid',
    `the identity endpoint answered HTTP ${status} instead of a token${said}`,
    fix.tokenUnusable(`HTTP ${status}`)
  )
}

function fromBadRequest(
  token: TokenObservation,
  body: ErrorBody,
  said: string,
  context: TokenStepContext,
  done: (
    status: 'warn' | 'fail',
    mode: FailureMode,
    detail: string,
    remediation: string
  ) => StepReport
): StepReport {
  const { plan, observations } = context
  const text = `${body.code ?? ''} ${body.message ?? ''}`
  const selection = plan.identity
  // App Service / Functions answer a client ID that is not assigned (and an app without the
  // identity asked for) with a 400 of their own, sometimes without a body.
  const appServiceRefusal = observations.source === 'app-service' && body.kind === 'empty'
  if (/multiple user assigned identities/i.test(text)) {
    return done(
      'fail',
      'wrong-identity',
      `the workload has several user-assigned identities and none was selected${said}`,
      fix.multipleIdentities(observations.source, observations.meta)
    )
  }
  if (
    appServiceRefusal ||
    /identity not found|unable to load the proper managed identity|no managed identity/i.test(text)
  ) {
    if (selection.kind === 'system') {
      return done(
        'fail',
        'no-identity',
        `the workload has no system-assigned managed identity${said}`,
        fix.noIdentity(observations.source, observations.meta)
      )
    }
    return done(
      'fail',
      'wrong-identity',
      `the ${describeIdentity(selection)} is not assigned to this workload${said}`,
      fix.identityNotAssigned(selection, observations.source, observations.meta)
    )
  }
  if (body.code === 'invalid_resource' || /AADSTS500011/i.test(text)) {
    return done(
      'fail',
      'wrong-audience',
      `Entra ID does not know the resource ${token.resource} (resource principal not found)${said}`,
      fix.unknownResource(token.resource)
    )
  }
  if (/metadata header/i.test(text)) {
    return done(
      'fail',
      'platform-unreachable',
      `the identity endpoint did not receive the Metadata header (a proxy in between strips it?)${said}`,
      fix.proxyInFrontOfImds()
    )
  }
  if (!isAzureBody(body)) {
    return done(
      'fail',
      'platform-unreachable',
      `something other than the identity endpoint answered 400${said}`,
      fix.proxyInFrontOfImds()
    )
  }
  return done(
    'fail',
    'token-invalid',
    `the identity endpoint refused the token request (400)${said}`,
    fix.tokenUnusable('HTTP 400')
  )
}

/**
 * Entra ID's answer to a workload identity exchange (the service account token for an access
 * token): the AADSTS codes of a federated credential that does not match the token's issuer,
 * subject or audience, a client ID the tenant does not know, or a stale service account token.
 */
function fromFederatedExchange(
  token: TokenObservation,
  body: ErrorBody,
  said: string,
  context: TokenStepContext
): Finding | undefined {
  const text = `${body.code ?? ''} ${body.message ?? ''}`
  const code = /AADSTS(\d+)/.exec(text)?.[1]
  if (code === undefined) return undefined
  const quoted = (label: RegExp): string | undefined => label.exec(text)?.[1]
  const clientId =
    context.plan.identity.kind === 'client-id' ? context.plan.identity.value : undefined
  switch (code) {
    case '70021':
    case '700211':
    case '700212':
    case '700213': {
      const issuer = quoted(/Assertion Issuer: '([^']+)'/) ?? quoted(/assertion issuer '([^']+)'/)
      const subject =
        quoted(/Assertion Subject: '([^']+)'/) ?? quoted(/assertion subject '([^']+)'/)
      const audience =
        quoted(/Assertion Audience: '([^']+)'/) ?? quoted(/assertion audience '([^']+)'/)
      const which =
        code === '700211'
          ? 'issuer'
          : code === '700212'
            ? 'audience'
            : code === '700213'
              ? 'subject'
              : 'issuer, subject and audience'
      return {
        status: 'fail',
        mode: 'wrong-identity',
        text: `Entra ID found no federated identity credential of ${clientId ?? 'the identity'} matching the service account token's ${which} (AADSTS${code})${said}`,
        remediation: fix.federatedCredentialMismatch({
          code: `AADSTS${code}`,
          which,
          issuer,
          subject,
          audience,
          clientId
        })
      }
    }
    case '700016':
      return {
        status: 'fail',
        mode: 'wrong-identity',
        text: `Entra ID knows no application with the client ID the workload presented (AADSTS700016)${said}`,
        remediation: fix.workloadClientIdUnknown(
          quoted(/Application with identifier '([^']+)'/) ?? clientId
        )
      }
    case '700024':
      return {
        status: 'fail',
        mode: 'token-invalid',
        text: `Entra ID refused the service account token as outside its validity (AADSTS700024)${said}`,
        remediation: fix.federatedTokenStale()
      }
    default:
      return token.status === 400 || token.status === 401
        ? {
            status: 'fail',
            mode: 'token-invalid',
            text: `Entra ID refused the workload identity exchange (AADSTS${code})${said}`,
            remediation: fix.federatedExchangeRefused(`AADSTS${code}`)
          }
        : undefined
  }
}

function judgeToken(
  token: TokenObservation,
  context: TokenStepContext,
  base: StepReport
): StepReport {
  const { plan, observations } = context
  const fail = (
    text: string,
    mode: FailureMode = 'token-invalid',
    remediation?: string
  ): StepReport => ({
    ...base,
    status: 'fail',
    failureMode: mode,
    detail: text,
    remediation: remediation ?? fix.tokenUnusable(text)
  })
  if (token.fields === undefined && token.shape === undefined) {
    return fail(
      `the identity endpoint answered ${token.status} but not with a JSON token response${token.body ? `: ${quote(token.body, 120)}` : ''}`
    )
  }
  if (token.shape === 'absent' || (token.shape === undefined && token.claims === undefined)) {
    return fail('the response has no access_token')
  }
  if (token.shape === 'opaque')
    return fail('the access_token is not a JWT (not three base64url segments)')

  const decoded = decodeClaims(token.claims)
  if (!decoded.ok) return fail(`the access_token's payload cannot be read: ${decoded.problem}`)
  const claims = decoded.claims
  const expiry = expiryOf(token, claims, observations.source, plan.nowMs)
  const withClaims: StepReport = {
    ...base,
    claims,
    ...(expiry.ok ? { expiresOn: new Date(expiry.ms).toISOString() } : {})
  }

  const findings: Finding[] = []
  if (!expiry.ok) {
    findings.push({
      status: 'fail',
      mode: 'token-invalid',
      text: expiry.problem,
      remediation: fix.tokenUnusable(expiry.problem)
    })
  }
  const judged = expiry.ok ? judgeExpiry(expiry.ms, plan.nowMs) : undefined
  if (judged !== undefined && judged.status !== 'pass') {
    findings.push({
      status: judged.status,
      mode: 'token-invalid',
      text: judged.text,
      remediation: fix.tokenExpiry()
    })
  }
  if (claims.aud === undefined) {
    findings.push({
      status: 'fail',
      mode: 'token-invalid',
      text: 'the token has no aud claim',
      remediation: fix.tokenUnusable('no aud claim')
    })
  } else if (audienceMatchesRequest(claims.aud, token.resource) === 'mismatch') {
    findings.push({
      status: 'fail',
      mode: 'wrong-audience',
      text: `the token's aud is ${claims.aud} but ${token.resource} was requested`,
      remediation: fix.tokenForOtherAudience(token.resource, claims.aud)
    })
  }
  for (const mismatch of matchIdentity(plan.identity, plan.expectedPrincipalId, claims)) {
    findings.push({
      status: mismatch.status,
      mode: 'wrong-identity',
      text: mismatch.text,
      remediation: fix.wrongIdentityInToken(plan.identity, plan.expectedPrincipalId, claims)
    })
  }

  const who = describeClaims(
    claims,
    token.resource,
    judged?.status === 'pass' ? judged.text : undefined
  )
  const primary = findings.find(f => f.status === 'fail') ?? findings[0]
  if (primary === undefined) return { ...withClaims, status: 'pass', detail: who }
  const others = findings.filter(f => f !== primary).map(f => f.text)
  const also = others.length > 0 ? `; also: ${others.join('; ')}` : ''
  return {
    ...withClaims,
    status: primary.status,
    failureMode: primary.mode,
    detail: excerpt(`${primary.text}${also} (${who})`, 600),
    remediation: primary.remediation
  }
}

/**
 * expires_on, or for workload identity (Entra's v2 endpoint sends only expires_in) the token's
 * own exp claim. Other sources must send expires_on: its absence is the failure.
 */
function expiryOf(
  token: TokenObservation,
  claims: ReportedClaims,
  source: Observations['source'],
  nowMs: number
): ParsedExpiry {
  const expiresOn = token.fields?.['expires_on']
  if (expiresOn === undefined && source === 'workload-identity') {
    if (claims.exp !== undefined) return parseExpiresOn(claims.exp)
    const expiresIn = Number(token.fields?.['expires_in'])
    if (Number.isFinite(expiresIn) && expiresIn > 0)
      return { ok: true, ms: nowMs + expiresIn * 1000 }
  }
  return parseExpiresOn(expiresOn)
}

function describeClaims(
  claims: ReportedClaims,
  resource: string,
  left: string | undefined
): string {
  const parts = [
    `token for ${resource} issued to principal ${claims.oid ?? '(no oid)'}`,
    claims.appid !== undefined ? `appid ${claims.appid}` : undefined,
    claims.aud !== undefined ? `aud ${claims.aud}` : undefined,
    claims.tid !== undefined ? `tenant ${claims.tid}` : undefined,
    left
  ].filter(Boolean)
  return parts.join(', ')
}

function describeBody(body: ErrorBody, raw: string | undefined): string {
  if (body.kind === 'empty') return ''
  if (body.message !== undefined || body.code !== undefined) {
    const code = body.code !== undefined && body.code !== body.message ? `${body.code}: ` : ''
    return `: ${quote(`${code}${body.message ?? ''}`, 200)}`
  }
  return raw === undefined ? '' : `: ${quote(raw, 120)}`
}
