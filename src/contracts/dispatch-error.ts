/**
 * The probe could not be run on the target, or its answer could not be read (failure mode
 * `dispatch-failed`). Its own module because both sides use it: dispatch (and the observations
 * validator) throw it, diagnosis reports it, and diagnosis must not depend on dispatch.
 *
 * Every such failure also says which kind it is (`DISPATCH_KINDS`): "dispatch failed" alone reads
 * the same for a deallocated VM, a refused key and an app whose platform says it is stopped, and
 * the fixes are nothing alike. The kind's words travel in the report (the dispatch step's
 * `dispatchKind` and `cause`), so every front end names it the same way.
 */

/** The kinds of dispatch failure and how a person reads each (the overview's cause column). */
export const DISPATCH_KINDS = {
  'vm-not-found': 'VM not found',
  'vm-stopped': 'VM not running (stopped)',
  'vm-deallocated': 'VM deallocated',
  'run-command-denied': 'run-command not allowed for the runner',
  'runner-no-access': "the runner's login cannot see the VM",
  'runner-not-logged-in': 'the runner is not logged in to Azure',
  'runner-token-refused': "Azure refused the runner's token",
  'vm-agent-not-ready': 'VM agent not ready',
  'run-command-busy': 'another run-command is in progress',
  'run-command-failed': 'run-command failed on the VM',
  'arm-throttled': "Azure throttled the runner's requests",
  'arm-unreachable': 'Azure Resource Manager unreachable',
  'arm-error': 'Azure Resource Manager error',
  'runner-cli-broken': "the runner's Azure CLI is broken",
  'endpoint-refused-key': 'endpoint refused the key',
  'endpoint-refused-token': "endpoint refused the runner's token",
  'endpoint-refused-request': 'endpoint refused the request',
  'endpoint-unreachable': 'endpoint unreachable',
  'endpoint-timeout': 'endpoint did not answer in time',
  'endpoint-not-found': 'no smoke endpoint at this URL',
  'endpoint-redirected': 'endpoint redirected',
  'endpoint-failed': 'the smoke endpoint failed',
  'endpoint-rate-limited': 'endpoint rate limited the runner',
  'front-end-answered': 'a front end answered, not the endpoint',
  'proxy-refused': "the runner's proxy refused",
  'unreadable-answer': 'unreadable answer',
  'probe-timeout': 'the probe did not finish in time',
  'bad-target': 'target not usable',
  other: 'the probe could not be run'
} as const

export type DispatchKind = keyof typeof DISPATCH_KINDS

export class DispatchError extends Error {
  /** Which kind of dispatch failure this is. */
  kind: DispatchKind = 'other'
  /**
   * In words, what went wrong, naming who said so when someone other than the smoke endpoint
   * answered (e.g. `App Service: the app is stopped`); the kind's own words when unset.
   */
  phrase?: string

  constructor(
    message: string,
    /** What a person should do, e.g. `Run azure/login before this step`. */
    readonly remediation: string,
    /** Raw evidence (redacted), e.g. the tail of run-command output. */
    readonly evidence?: string,
    /**
     * The target is there but not serving yet (a smoke endpoint refusing connections or behind a
     * front end answering 502/503/504 while the app starts): `ready-wait` may wait it out.
     */
    readonly notReady = false
  ) {
    super(message)
    this.name = 'DispatchError'
  }

  /** Sets the kind (and the words, when they say more than the kind's); returns this error. */
  as(kind: DispatchKind, phrase?: string): this {
    this.kind = kind
    if (phrase !== undefined) this.phrase = phrase
    return this
  }

  /** The words for the report's cause. */
  get causePhrase(): string {
    return this.phrase ?? DISPATCH_KINDS[this.kind]
  }
}
