/**
 * The report: output `report` and the file at `report-path`, schema `mi-smoke/v1` (docs/contract.md).
 * Field names at the top level and in steps are fixed by the contract; the rest is ours.
 */
import type { ServiceKey } from '../azure/services'
import type { IdentitySource } from './observations'

export const REPORT_SCHEMA = 'mi-smoke/v1'

/** A target's or a run's result, best first. */
export const VERDICTS = ['pass', 'warn', 'fail'] as const
export type Verdict = (typeof VERDICTS)[number]
export const STEP_STATUSES = [...VERDICTS, 'skip'] as const
export type StepStatus = (typeof STEP_STATUSES)[number]
/** The steps of a target, in the order they run. */
export const STEP_NAMES = ['dispatch', 'imds', 'token', 'api'] as const
export type StepName = (typeof STEP_NAMES)[number]

/** The failure-mode codes of the contract. */
export const FAILURE_MODES = [
  'bad-input',
  'dispatch-failed',
  'platform-unreachable',
  'throttled',
  'no-identity',
  'wrong-identity',
  'token-invalid',
  'wrong-audience',
  'rbac-denied',
  'egress-blocked',
  'api-error'
] as const
export type FailureMode = (typeof FAILURE_MODES)[number]

/** Claims worth reporting; never the token. */
export interface ReportedClaims {
  aud?: string
  iss?: string
  tid?: string
  oid?: string
  appid?: string
  idtyp?: string
  xms_mirid?: string
  xms_az_rid?: string
  iat?: number
  nbf?: number
  exp?: number
}

export interface StepReport {
  step: StepName
  status: StepStatus
  durationMs: number
  /** One line a person reads first. */
  detail: string
  failureMode?: FailureMode
  /** What to do about it: a command or a setting, specific to this run. */
  remediation?: string
  /** token: the audience asked for. */
  audience?: string
  /** token: the claims of the token (never the token). */
  claims?: ReportedClaims
  /** token: expiry, ISO 8601. */
  expiresOn?: string
  /** api: the check's URL as called (placeholders expanded). */
  check?: string
  /** api: the status the API answered. */
  httpStatus?: number
  /** Requests sent for this step, retries included. */
  attempts?: number
  /** api with `rbac-wait`: how long the role took to become effective (or how long was waited in vain). */
  rbacWaitMs?: number
  /** api: the API's `Retry-After`, in ms, when its last answer carried one. */
  retryAfterMs?: number
  /** api: how long the runner re-probed through a 429/5xx answer (transient retries). */
  retryWaitMs?: number
  /** api, rbac-denied: who was refused what where, and the role that would grant it. */
  rbac?: RbacFacts
  /** First step of an `https://` target with `ready-wait`: how long the smoke endpoint took to answer (or was waited for in vain). */
  readyWaitMs?: number
}

export interface RbacFacts {
  /** The service's key in the Azure service table (src/azure/services.ts). */
  service: ServiceKey
  principalId?: string
  scope?: string
  action?: string
  /** The role the remediation names (a read role that grants the check's call). */
  role: string
  /** Key Vault: `access-policy` when the vault does not use Azure RBAC at all. */
  model?: 'rbac' | 'access-policy' | 'unknown'
}

/** The app SDK's resolved identity, from the smoke endpoint (issue: "app picks the wrong client id"). */
export interface SdkIdentityReport {
  credential: string
  status: StepStatus
  detail: string
  /** What to do about it (set on a `fail` or `warn`). */
  remediation?: string
  clientIdSetting?: string
  claims?: ReportedClaims
}

export interface TargetReport {
  /** The target line as given (a vmss instance: `vmss:<id>#<instance>`). */
  target: string
  environment: IdentitySource | 'unknown'
  result: Verdict
  failedStep?: StepName
  failureMode?: FailureMode
  durationMs: number
  steps: StepReport[]
  /** Which probe ran (`local`, `sh/curl`, `powershell`, `handler`...). */
  probe?: string
  /** The app's own SDK's view (https targets). */
  sdk?: SdkIdentityReport[]
}

export interface Report {
  schema: typeof REPORT_SCHEMA
  result: Verdict
  durationMs: number
  targets: TargetReport[]
}
