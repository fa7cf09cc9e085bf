/**
 * The probe could not be run on the target, or its answer could not be read (failure mode
 * `dispatch-failed`). Its own module because both sides use it: dispatch (and the observations
 * validator) throw it, diagnosis reports it, and diagnosis must not depend on dispatch.
 */
export class DispatchError extends Error {
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
}
