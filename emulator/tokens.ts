/**
 * JWT-shaped access tokens with realistic v1 claims. They are not signed: the signature segment is
 * the emulator's canary, a string unique per emulator instance that tests search for in every
 * output (a token, or its signature, must never leave the workload).
 */
import { randomBytes, randomUUID } from 'node:crypto'
import type { Estate, Identity } from './identities'

export interface TokenClaims {
  aud: string
  iss: string
  iat: number
  nbf: number
  exp: number
  aio: string
  appid: string
  appidacr: string
  idp: string
  idtyp: string
  oid: string
  rh: string
  sub: string
  tid: string
  uti: string
  ver: string
  xms_mirid: string
  xms_az_rid?: string
}

export interface IssuedToken {
  accessToken: string
  claims: TokenClaims
}

/** Only base64url characters, so that the token stays three base64url segments. */
export function newCanary(): string {
  return `mismokeCANARY${randomBytes(12).toString('hex')}`
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

export interface TokenRequest {
  identity: Identity
  /** Whether the identity is the VM's system-assigned one (no `xms_az_rid` then). */
  system: boolean
  /** The `aud` claim. */
  audience: string
  /** Seconds since the epoch. */
  issuedAt: number
  expiresAt: number
}

/** Issues tokens for one emulator and remembers them, so that the APIs accept only these. */
export class TokenIssuer {
  private readonly issued = new Map<string, TokenClaims>()
  private readonly kid = randomBytes(20).toString('base64url')

  constructor(
    private readonly estate: Estate,
    readonly canary: string
  ) {}

  issue(request: TokenRequest): IssuedToken {
    const { identity, estate } = { identity: request.identity, estate: this.estate }
    const claims: TokenClaims = {
      aud: request.audience,
      iss: `https://sts.windows.net/${estate.tenantId}/`,
      iat: request.issuedAt,
      nbf: request.issuedAt,
      exp: request.expiresAt,
      aio: randomBytes(24).toString('base64url'),
      appid: identity.clientId,
      appidacr: '2',
      idp: `https://sts.windows.net/${estate.tenantId}/`,
      idtyp: 'app',
      oid: identity.objectId,
      rh: `0.${randomBytes(30).toString('base64url')}.`,
      sub: identity.objectId,
      tid: estate.tenantId,
      uti: randomBytes(16).toString('base64url'),
      ver: '1.0',
      xms_mirid: identity.resourceId
    }
    if (!request.system) claims.xms_az_rid = estate.vmResourceId
    const header = { typ: 'JWT', alg: 'RS256', x5t: this.kid, kid: this.kid }
    const accessToken = `${base64url(header)}.${base64url(claims)}.${this.canary}`
    // Bounded: a long rehearsal session must not grow without limit.
    if (this.issued.size > 10_000) this.issued.delete(this.issued.keys().next().value as string)
    this.issued.set(accessToken, claims)
    return { accessToken, claims }
  }

  /** The claims of a token this emulator issued, or undefined for anything else. */
  lookup(token: string): TokenClaims | undefined {
    return this.issued.get(token)
  }
}

/** A request ID like the ones Azure puts in error messages and headers. */
export function correlationId(): string {
  return randomUUID()
}
