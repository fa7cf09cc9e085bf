/** Small builders of reports for the reporting and orchestration tests. */
import type { Report, StepReport, TargetReport } from '../../src/contracts/report'

export function step(
  overrides: Partial<StepReport> & Pick<StepReport, 'step' | 'status'>
): StepReport {
  return { durationMs: 10, detail: `${overrides.step} ${overrides.status}`, ...overrides }
}

export function passingTarget(target = 'local'): TargetReport {
  return {
    target,
    environment: 'imds',
    result: 'pass',
    durationMs: 120,
    probe: 'local',
    steps: [
      step({ step: 'imds', status: 'pass', detail: 'IMDS answered in 12 ms' }),
      step({
        step: 'token',
        status: 'pass',
        detail: 'token for https://management.azure.com/',
        claims: {
          oid: 'oid-1',
          appid: 'app-1',
          tid: 'tenant-1',
          aud: 'https://management.azure.com/'
        },
        expiresOn: '2030-01-01T00:00:00.000Z'
      }),
      step({
        step: 'api',
        status: 'pass',
        detail: 'HTTP 200',
        httpStatus: 200,
        check: 'https://x/'
      })
    ]
  }
}

export function rbacDeniedTarget(
  target = 'local',
  remediation = 'az role assignment create --assignee-object-id oid-1 --role Reader --scope /subscriptions/s'
): TargetReport {
  const base = passingTarget(target)
  return {
    ...base,
    result: 'fail',
    failedStep: 'api',
    failureMode: 'rbac-denied',
    steps: [
      base.steps[0]!,
      base.steps[1]!,
      step({
        step: 'api',
        status: 'fail',
        httpStatus: 403,
        failureMode: 'rbac-denied',
        detail: 'ARM answered 403 AuthorizationFailed',
        remediation
      })
    ]
  }
}

export function warnTarget(target = 'local'): TargetReport {
  const base = passingTarget(target)
  return {
    ...base,
    result: 'warn',
    failedStep: 'api',
    failureMode: 'wrong-audience',
    steps: [
      base.steps[0]!,
      base.steps[1]!,
      step({
        step: 'api',
        status: 'warn',
        failureMode: 'wrong-audience',
        detail: 'resource= does not match the host',
        remediation: 'Drop resource= or set it to https://vault.azure.net'
      })
    ]
  }
}

export function unreachableTarget(target = 'local'): TargetReport {
  return {
    target,
    environment: 'imds',
    result: 'fail',
    failedStep: 'imds',
    failureMode: 'platform-unreachable',
    durationMs: 1000,
    steps: [
      step({
        step: 'imds',
        status: 'fail',
        failureMode: 'platform-unreachable',
        detail: 'IMDS did not answer within 1 s',
        remediation: 'Run on an Azure VM'
      }),
      step({ step: 'token', status: 'skip', detail: 'skipped' }),
      step({ step: 'api', status: 'skip', detail: 'skipped' })
    ]
  }
}

export function reportOf(targets: TargetReport[], result: Report['result']): Report {
  return { schema: 'mi-smoke/v1', result, durationMs: 1234, targets }
}
