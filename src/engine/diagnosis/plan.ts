/**
 * What diagnosis needs to know about the run besides the observations: which target, which
 * identity was asked for, what the token must carry, which checks were meant, and "now".
 */
import type { Check } from '../inputs/action-inputs'
import type { IdentitySelection } from '../../contracts/probe-request'
import type { SdkIdentityPolicy } from '../inputs/action-inputs'

export interface DiagnosisPlan {
  /** The target line as it appears in the report. */
  target: string
  identity: IdentitySelection
  /** Input `expected-principal-id`: the `oid` the token must carry. */
  expectedPrincipalId?: string
  checks: Check[]
  /** The clock diagnosis judges expiry by (passed in so that tests and reports agree). */
  nowMs: number
  /** Input `rbac-wait` as configured: remediations say whether waiting longer could help. */
  rbacWaitMs?: number
  /** The request's nonce: observations that echo another one answer another run (dispatch-failed). */
  nonce?: string
  /**
   * Input `sdk-identity`: what the app's SDK resolving to another identity means. `fail` when not
   * given (the app would call with an identity the smoke test never checked).
   */
  sdkIdentity?: SdkIdentityPolicy
}
