/**
 * Azure Arc's identity endpoint (himds): api-version 2020-06-01, header `Metadata: true`. The first
 * request is refused with 401 and `WWW-Authenticate: Basic realm=<path of a fresh .key file>`; the
 * client proves it may read that file by re-sending with `Authorization: Basic <file contents>`.
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import type { IncomingMessage } from 'node:http'
import { join } from 'node:path'
import { header, parseQuery, type Reply } from '../http-util'
import { IMDS_SELECTORS, readSelector } from '../imds'
import type { EmulatorState } from '../state'
import { mint, selectIdentity, tokenFault, tokenReply, unknownResource } from '../token-service'
import { recordedAnswer, replay } from '../recorded'

export const ARC_PATH_PREFIX = '/arc'
export const ARC_API_VERSION = '2020-06-01'

/** Secrets of the challenges handed out; each key file is valid for one minute. */
export class ArcKeys {
  private readonly live = new Map<string, { path: string; expires: number }>()

  constructor(readonly directory: string) {
    mkdirSync(directory, { recursive: true, mode: 0o700 })
  }

  issue(): string {
    this.prune()
    const secret = randomBytes(32).toString('hex')
    const path = join(this.directory, `${randomBytes(8).toString('hex')}.key`)
    writeFileSync(path, secret, { mode: 0o600 })
    this.live.set(secret, { path, expires: Date.now() + 60_000 })
    return path
  }

  /** Whether `secret` is a live challenge's; each may be used once, like himds's. */
  redeem(secret: string): boolean {
    this.prune()
    const entry = this.live.get(secret)
    if (!entry) return false
    this.live.delete(secret)
    rmSync(entry.path, { force: true })
    return true
  }

  private prune(): void {
    const now = Date.now()
    for (const [secret, entry] of this.live) {
      if (entry.expires < now) {
        this.live.delete(secret)
        rmSync(entry.path, { force: true })
      }
    }
  }
}

const bad = (description: string): Reply => ({
  status: 400,
  body: { error: 'invalid_request', error_description: description }
})

export function handleArcToken(
  req: IncomingMessage,
  url: URL,
  state: EmulatorState,
  keys: ArcKeys
): Reply {
  if (req.method !== 'GET')
    return {
      status: 405,
      body: { error: 'invalid_request', error_description: 'Method not allowed' }
    }
  if ((header(req, 'metadata') ?? '').toLowerCase() !== 'true')
    return bad('Required metadata header not specified')
  const { params, duplicates } = parseQuery(url)
  if (duplicates.length > 0)
    return bad(`Query parameter '${duplicates[0]}' is specified more than once`)
  if (params.get('api-version') !== ARC_API_VERSION)
    return bad(`api-version must be ${ARC_API_VERSION}`)
  const resource = params.get('resource')
  if (!resource) return bad('Required audience parameter not specified')
  const authorization = header(req, 'authorization')
  if (!authorization) {
    // A recorded challenge (its realm naming the agent's own key file) replaces the live one.
    const recorded =
      state.settings.recordedAnswer === ''
        ? undefined
        : recordedAnswer(state.settings.recordedAnswer)
    if (recorded?.arcChallenge === true) return replay(recorded)
    return {
      status: 401,
      headers: { 'WWW-Authenticate': `Basic realm=${keys.issue()}` },
      body: { error: 'unauthorized', error_description: 'Authorization header required' }
    }
  }
  const match = /^Basic\s+(\S+)\s*$/.exec(authorization)
  if (!match || !keys.redeem(match[1] as string)) {
    return {
      status: 401,
      headers: { 'WWW-Authenticate': `Basic realm=${keys.issue()}` },
      body: { error: 'unauthorized', error_description: 'Invalid or expired key' }
    }
  }
  const read = readSelector(params, IMDS_SELECTORS)
  if ('error' in read) return bad(read.error)
  const fault = tokenFault(state)
  if (fault) return fault
  const selection = selectIdentity(state, read.selector)
  if (!selection.ok) return bad('Identity not found')
  const unknown = unknownResource(state, resource)
  if (unknown) return unknown
  const minted = mint(state, selection, resource)
  const fields: Record<string, unknown> = { access_token: minted.issued.accessToken }
  if (minted.expiresIn !== undefined) {
    fields['expires_in'] = String(minted.expiresIn)
    fields['expires_on'] = String(minted.expiresOn)
  }
  fields['not_before'] = String(minted.notBefore)
  fields['resource'] = resource
  fields['token_type'] = 'Bearer'
  // MSAL checks that Arc honoured a user-assigned selection by the echo of these fields.
  if (!selection.system) {
    fields['client_id'] = selection.identity.clientId
    fields['object_id'] = selection.identity.objectId
    fields['msi_res_id'] = selection.identity.resourceId
  }
  return tokenReply(fields, minted.malformed)
}
