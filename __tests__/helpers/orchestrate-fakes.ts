/** Fake workloads, a stand-in diagnosis and a fake clock for the orchestration tests. */
import { DispatchError, type Workload } from '../../src/engine/dispatch/workload'
import type { Observations } from '../../src/contracts/observations'
import type { ProbeRequest } from '../../src/contracts/probe-request'
import type { Clock } from '../../src/common/clock'
import type { DiagnosisPort } from '../../src/engine/orchestrate/diagnosis-port'
import type { TargetReport } from '../../src/contracts/report'
import { passingTarget, rbacDeniedTarget } from './report-fixtures'

export function observations(request: ProbeRequest, apiStatus = 200): Observations {
  return {
    v: 1,
    nonce: request.nonce,
    probe: 'fake',
    source: 'imds',
    tokens: [],
    apis: [{ check: 0, url: 'https://x/', status: apiStatus, attempts: 1, ms: 1 }]
  }
}

/** Judges only the first API status: 403 is rbac-denied, anything else 2xx passes. */
export const fakeDiagnosis: DiagnosisPort = {
  diagnose: (obs, plan): TargetReport =>
    obs.apis[0]?.status === 403 ? rbacDeniedTarget(plan.target) : passingTarget(plan.target),
  diagnoseDispatchFailure: (error: DispatchError, plan): TargetReport => ({
    target: plan.target,
    environment: 'unknown',
    result: 'fail',
    failedStep: 'dispatch',
    failureMode: 'dispatch-failed',
    durationMs: 0,
    steps: [
      {
        step: 'dispatch',
        status: 'fail',
        durationMs: 0,
        detail: error.message,
        remediation: error.remediation,
        failureMode: 'dispatch-failed'
      }
    ]
  }),
  isRbacDenied: report => report.failureMode === 'rbac-denied'
}

export function workload(
  label: string,
  probe: (request: ProbeRequest, signal: AbortSignal) => Promise<Observations>
): Workload {
  return { label, probe }
}

export const delay = (ms: number) => new Promise<void>(done => setTimeout(done, ms))

/** A clock whose sleeps advance time instantly, recording each sleep. */
export class FakeClock implements Clock {
  time = 1_000_000
  sleeps: number[] = []
  now(): number {
    return this.time
  }
  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms)
    this.time += ms
  }
}

export const request: ProbeRequest = {
  v: 1,
  nonce: 'nonce-1',
  identity: { kind: 'system' },
  checks: [{ url: 'https://x/', resource: 'https://management.azure.com/' }],
  timeoutMs: 1000,
  imdsEndpoint: 'http://127.0.0.1:1'
}

export { DispatchError }
