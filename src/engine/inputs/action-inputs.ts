/**
 * The action's inputs after validation: what every later stage works from.
 * `read-inputs.ts` builds it from `core.getInput`; nothing reads `INPUT_*` anywhere else.
 */
import type { IdentitySelection } from '../../contracts/probe-request'

/** One line of `targets`. */
export type Target =
  | { kind: 'local'; line: string }
  | { kind: 'vm'; line: string; resourceId: string }
  | { kind: 'vmss'; line: string; resourceId: string; instanceId?: string }
  | { kind: 'https'; line: string; url: string }

/** One line of `checks`: `URL [resource=AUDIENCE] [expect=STATUS[,STATUS...]]`. */
export interface Check {
  line: string
  /** As written, placeholders unexpanded. */
  url: string
  /** The audience the token is asked for: `resource=`, or from the host's entry in the Azure audience table. */
  resource: string
  /** Where the audience came from. */
  resourceFrom: 'explicit' | 'host-table'
  /** The audience the host expects by the table, when the host is in it. */
  expectedAudience?: string
  /**
   * Set when the host is in the table and `resource=` is not one of the audiences it accepts: the
   * pre-flight `wrong-audience` warning, decided here because the table lives with the inputs.
   */
  audienceMismatch?: boolean
  /** Statuses that count as success; empty means any 2xx. */
  expect: number[]
  /**
   * The default check (input `checks` empty, or exactly its default line): it follows the
   * workload's cloud and works without a known subscription (src/engine/orchestrate/default-check.ts).
   */
  followsWorkload?: true
  /** Why this check differs from the line given (the default check, adapted to the workload). */
  note?: string
}

/** Input `fail-on`: which verdict fails the job. */
export const FAIL_ON_CHOICES = ['error', 'warning', 'never'] as const
export type FailOn = (typeof FAIL_ON_CHOICES)[number]
/** Input `os`: the VM's OS, or found from the VM. */
export const OS_CHOICES = ['auto', 'linux', 'windows'] as const
export type OsChoice = (typeof OS_CHOICES)[number]
/** Input `sdk-identity`: the app's SDK resolving to another identity fails, warns, or is only reported. */
export const SDK_IDENTITY_POLICIES = ['fail', 'warn', 'off'] as const
export type SdkIdentityPolicy = (typeof SDK_IDENTITY_POLICIES)[number]

export interface ActionInputs {
  targets: Target[]
  identity: IdentitySelection
  checks: Check[]
  expectedPrincipalId?: string
  rbacWaitMs: number
  /** `https://` targets: how long to wait for a smoke endpoint that is still starting (0: not at all). */
  readyWaitMs: number
  timeoutMs: number
  concurrency: number
  failOn: FailOn
  os: OsChoice
  endpointKey?: string
  endpointAudience?: string
  imdsEndpoint: string
  summary: boolean
  /** Input `sdk-identity`; absent means `fail`. */
  sdkIdentity?: SdkIdentityPolicy
}

/** An invalid input: names the input, the value's problem and a valid example (docs/contract.md). */
export class InputError extends Error {
  constructor(
    readonly input: string,
    readonly problem: string,
    readonly example: string
  ) {
    super(`Input '${input}': ${problem}. Example of a valid value: ${example}`)
    this.name = 'InputError'
  }
}
