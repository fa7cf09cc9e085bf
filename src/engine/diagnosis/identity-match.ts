/**
 * Does the token belong to the identity the run asked for? The selection (`identity` input) and
 * `expected-principal-id` against the token's claims: client ID ↔ `appid`, object ID ↔ `oid`,
 * resource ID ↔ `xms_mirid` (case-insensitive: ARM resource IDs are).
 */
import type { ReportedClaims } from '../../contracts/report'
import type { IdentitySelection } from '../../contracts/probe-request'

export interface IdentityMismatch {
  /** fail: the claims name another identity; warn: they cannot confirm the selection. */
  status: 'fail' | 'warn'
  /** One sentence naming both values. */
  text: string
  /** Which claim was compared. */
  claim: 'appid' | 'oid' | 'xms_mirid'
  expected?: string
  actual?: string
}

function sameId(a: string, b: string): boolean {
  return normaliseId(a) === normaliseId(b)
}

function normaliseId(id: string): string {
  return id.trim().toLowerCase().replace(/\/+$/, '')
}

/** Every way the claims disagree with what was asked; empty when they agree. */
export function matchIdentity(
  selection: IdentitySelection,
  expectedPrincipalId: string | undefined,
  claims: ReportedClaims
): IdentityMismatch[] {
  const problems: IdentityMismatch[] = []
  const compare = (claim: 'appid' | 'oid' | 'xms_mirid', expected: string, what: string): void => {
    const actual = claims[claim]
    if (actual === undefined) {
      problems.push({
        status: 'warn',
        claim,
        expected,
        text: `the token carries no ${claim} claim to confirm ${what} ${expected}`
      })
    } else if (!sameId(actual, expected)) {
      problems.push({
        status: 'fail',
        claim,
        expected,
        actual,
        text: `${what} ${expected} was expected but the token's ${claim} is ${actual}`
      })
    }
  }

  switch (selection.kind) {
    case 'client-id':
      compare('appid', selection.value, 'client ID')
      break
    case 'object-id':
      compare('oid', selection.value, 'object ID')
      break
    case 'resource-id':
      compare('xms_mirid', selection.value, 'identity')
      break
    case 'system': {
      // IMDS hands out the only user-assigned identity when a VM has no system-assigned one: the
      // call "works" with an identity nobody meant. xms_mirid tells which kind issued the token.
      const mirid = claims.xms_mirid
      if (
        mirid !== undefined &&
        /\/providers\/microsoft\.managedidentity\/userassignedidentities\//i.test(mirid)
      ) {
        problems.push({
          status: 'warn',
          claim: 'xms_mirid',
          actual: mirid,
          text: `the system-assigned identity was asked for but the token belongs to user-assigned identity ${mirid}`
        })
      }
      break
    }
  }
  if (expectedPrincipalId !== undefined && expectedPrincipalId !== '') {
    // Skip when the selection already compared oid against the same value.
    const already = selection.kind === 'object-id' && sameId(selection.value, expectedPrincipalId)
    if (!already) compare('oid', expectedPrincipalId, 'expected principal ID')
  }
  return problems
}
