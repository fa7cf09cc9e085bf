/**
 * THE fault matrix: every emulator scenario (plus the dispatch faults of the remote kinds) × every
 * target kind, with the verdict, failed step and failure mode the contract (docs/contract.md "Failure
 * modes", "What it does") and the scenario (emulator/README.md) call for. One row per case; the
 * suites run the rows, they never restate them.
 */
import type { ScenarioName, ScenarioSettings } from '../../emulator/scenarios'
import { TARGET_KINDS, type TargetKind } from './target-kinds'

export interface Expected {
  result: 'pass' | 'warn' | 'fail'
  failedStep: '' | 'dispatch' | 'imds' | 'token' | 'api'
  failureMode: string
}

export interface NotApplicable {
  notApplicable: string
}

export type Expectation = Expected | NotApplicable

export interface FaultCase {
  /** Row name (the scenario, or the scenario and what was added to it). */
  id: string
  scenario: ScenarioName
  /** Scenario settings that keep the run short (merged over the preset). */
  settings?: Partial<Omit<ScenarioSettings, 'name'>>
  /** Extra action inputs; `{unassignedClientId}` is replaced by a client ID the workload lacks. */
  inputs?: Record<string, string>
  /** FAKE_AZ_MODE (vm/vmss dispatch faults). */
  azMode?: string
  /** The endpoint key the action sends to https targets (the handler expects another). */
  sentKey?: string
  expected: Record<TargetKind, Expectation>
  /** Why: the contract's words that fix the expectation. */
  basis: string
}

const PASS: Expected = { result: 'pass', failedStep: '', failureMode: '' }
const fail = (failedStep: Expected['failedStep'], failureMode: string): Expected => ({
  result: 'fail',
  failedStep,
  failureMode
})

/** The same expectation for every kind. */
function every(expected: Expected): Record<TargetKind, Expectation> {
  return Object.fromEntries(TARGET_KINDS.map(kind => [kind, expected])) as Record<
    TargetKind,
    Expectation
  >
}

/** An expectation for some kinds; the others cannot apply, for `reason`. */
function only(
  kinds: TargetKind[],
  expected: Expected,
  reason: string
): Record<TargetKind, Expectation> {
  return Object.fromEntries(
    TARGET_KINDS.map(kind => [kind, kinds.includes(kind) ? expected : { notApplicable: reason }])
  ) as Record<TargetKind, Expectation>
}

export const FAULT_CASES: FaultCase[] = [
  {
    id: 'healthy',
    scenario: 'healthy',
    expected: every(PASS),
    basis: 'three steps pass: endpoint reachable, token for each audience, both APIs answer 2xx'
  },
  {
    id: 'no-identity',
    scenario: 'no-identity',
    expected: every(fail('token', 'no-identity')),
    basis: "no-identity: IMDS 400 'Identity not found' with no identity selected"
  },
  {
    id: 'wrong-client-id (identity = a client ID the workload lacks)',
    scenario: 'wrong-client-id',
    inputs: { identity: '{unassignedClientId}' },
    expected: every(fail('token', 'wrong-identity')),
    basis: "wrong-identity: 400 'Identity not found' for the given client ID"
  },
  {
    id: 'imds-refused',
    scenario: 'imds-refused',
    expected: every(fail('imds', 'platform-unreachable')),
    basis:
      'platform-unreachable: connection refused at step 1 (on App Service step 1 is IDENTITY_ENDPOINT, so https is no exception)'
  },
  {
    id: 'imds-hang (timeout 2s)',
    scenario: 'imds-hang',
    expected: every(fail('imds', 'platform-unreachable')),
    basis: 'platform-unreachable: IMDS timeout; every request has a timeout'
  },
  {
    id: 'imds-gone (goneForMs 1500)',
    scenario: 'imds-gone',
    settings: { goneForMs: 1500 },
    expected: every(PASS),
    basis: 'retry 410 every 10 s for up to 70 s: a 1.5 s update is waited out'
  },
  {
    id: 'imds-throttled (4 × 429, Retry-After 1)',
    scenario: 'imds-throttled',
    settings: { throttleCount: 4, retryAfterSeconds: 1 },
    expected: every(fail('token', 'throttled')),
    basis: 'throttled: the identity endpoint kept answering 429 after the documented 3 retries'
  },
  {
    id: 'imds-error',
    scenario: 'imds-error',
    expected: every(fail('token', 'platform-unreachable')),
    basis:
      'IMDS 500 after the documented retries: the identity platform fails (token-invalid is for an answer without a usable token)'
  },
  {
    id: 'token-expired',
    scenario: 'token-expired',
    expected: every(fail('token', 'token-invalid')),
    basis: 'token-invalid: expires_on in the past'
  },
  {
    id: 'token-no-expiry',
    scenario: 'token-no-expiry',
    expected: every(fail('token', 'token-invalid')),
    basis: 'token-invalid: expires_on missing'
  },
  {
    id: 'token-malformed',
    scenario: 'token-malformed',
    expected: every(fail('token', 'token-invalid')),
    basis: 'token-invalid: the identity endpoint answered, but not with a usable token'
  },
  {
    id: 'role-missing',
    scenario: 'role-missing',
    expected: every(fail('api', 'rbac-denied')),
    basis: 'rbac-denied: ARM 403 AuthorizationFailed, Key Vault 403 Forbidden'
  },
  {
    id: 'role-delayed (roleDelayMs 600000, no rbac-wait)',
    scenario: 'role-delayed',
    settings: { roleDelayMs: 600_000 },
    expected: every(fail('api', 'rbac-denied')),
    basis: 'rbac-denied: 403 while the role propagates, and rbac-wait is 0'
  },
  {
    id: 'role-delayed (roleDelayMs 1500, rbac-wait 20s)',
    scenario: 'role-delayed',
    settings: { roleDelayMs: 1500 },
    inputs: { 'rbac-wait': '20s' },
    expected: every(PASS),
    basis: 'rbac-wait keeps retrying the 403 until the role is effective'
  },
  {
    id: 'api-closed',
    scenario: 'api-closed',
    expected: every(fail('api', 'egress-blocked')),
    basis: 'egress-blocked: connection refused by the API'
  },
  {
    id: 'api-throttled',
    scenario: 'api-throttled',
    expected: every(fail('api', 'throttled')),
    basis:
      "an API's 429 that persists through the runner's transient retries is throttled at the api step"
  },
  {
    id: 'api-unavailable (two 503s)',
    scenario: 'api-unavailable',
    expected: every(PASS),
    basis: "an API's 503 is retried by re-probing (1 s, 2 s, 4 s) within the run's bounds"
  },
  {
    id: 'wrong-audience',
    scenario: 'wrong-audience',
    expected: every(fail('token', 'wrong-audience')),
    basis:
      "step 2 checks the token's aud against what the check needs; ARM InvalidAuthenticationTokenAudience / Key Vault AKV10022 confirm"
  },
  {
    id: 'dispatch: az not logged in',
    scenario: 'healthy',
    azMode: 'not-logged-in',
    expected: only(
      ['vm', 'vmss'],
      fail('dispatch', 'dispatch-failed'),
      'no az involved: the runner probes itself (local) or calls the endpoint (https)'
    ),
    basis: 'dispatch-failed: az missing or not logged in'
  },
  {
    id: 'dispatch: VM deallocated',
    scenario: 'healthy',
    azMode: 'deallocated',
    expected: only(
      ['vm', 'vmss'],
      fail('dispatch', 'dispatch-failed'),
      'only VMs and scale set instances can be deallocated'
    ),
    basis: 'dispatch-failed: VM not found or deallocated'
  },
  {
    id: 'dispatch: wrong endpoint-key',
    scenario: 'healthy',
    sentKey: 'not-the-endpoint-key-55aa33cc',
    expected: only(
      ['https'],
      fail('dispatch', 'dispatch-failed'),
      'endpoint-key is only sent to https:// targets'
    ),
    basis: 'dispatch-failed: smoke endpoint unauthorised'
  }
]

export function isApplicable(expectation: Expectation): expectation is Expected {
  return !('notApplicable' in expectation)
}
