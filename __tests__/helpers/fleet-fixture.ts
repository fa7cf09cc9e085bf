/**
 * A 30-target mixed fleet as the diagnosis reports it: VMs, a scale set's instances and smoke
 * endpoints; 23 pass, 1 warn (wrong-audience), 6 fail in five failure modes (rbac-denied shared by
 * two scale set instances, platform-unreachable, dispatch-failed, no-identity, wrong-identity from
 * the app's SDK). `egressDns` and `expiring` add a sixth failure mode and a second warning. Remediations come from the diagnosis' own remediation functions, so the summary is judged
 * on the lines the action really writes.
 */
import * as fix from '../../src/engine/diagnosis/remediation'
import { sdkIdentity } from '../../src/engine/diagnosis/sdk-identity-step'
import type { Report, StepReport, TargetReport } from '../../src/contracts/report'

const SUB = '3f2a4c1d-8b7e-4d6f-9a0b-1c2d3e4f5a6b'
const OID = '7d1c9e2a-4b3f-4e8d-a1c6-0f9e8d7c6b5a'
const APP = '0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d'
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const ARM_CHECK = `https://management.azure.com/subscriptions/${SUB}/resourcegroups?api-version=2021-04-01`

const vmId = (rg: string, name: string): string =>
  `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.Compute/virtualMachines/${name}`
const scaleSetId = (rg: string, name: string): string =>
  `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.Compute/virtualMachineScaleSets/${name}`

function s(
  step: StepReport['step'],
  status: StepReport['status'],
  detail: string,
  more: Partial<StepReport> = {}
): StepReport {
  return { step, status, durationMs: step === 'api' ? 180 : 25, detail, ...more }
}

function passSteps(): StepReport[] {
  return [
    s('imds', 'pass', `IMDS answered in 12 ms (subscription ${SUB}, westeurope)`),
    s(
      'token',
      'pass',
      'token for https://management.azure.com/ (oid 7d1c9e2a…, expires in 23 h 59 min)',
      {
        audience: 'https://management.azure.com/',
        claims: { aud: 'https://management.azure.com/', tid: TENANT, oid: OID, appid: APP },
        expiresOn: '2026-12-03T04:00:00.000Z'
      }
    ),
    s('api', 'pass', 'GET management.azure.com → 200 in 180 ms', {
      httpStatus: 200,
      check: ARM_CHECK
    })
  ]
}

function target(
  line: string,
  result: TargetReport['result'],
  steps: StepReport[],
  more: Partial<TargetReport> = {}
): TargetReport {
  const first = steps.find(st => st.status === result && result !== 'pass')
  return {
    target: line,
    environment: line.startsWith('https://') ? 'app-service' : 'imds',
    result,
    durationMs: 2400,
    probe: line.startsWith('https://') ? 'handler' : 'sh/curl',
    steps,
    ...(first
      ? { failedStep: first.step, ...(first.failureMode ? { failureMode: first.failureMode } : {}) }
      : {}),
    ...more
  }
}

function rbacDenied(line: string): TargetReport {
  const steps = passSteps()
  steps[2] = s(
    'api',
    'fail',
    `ARM answered 403 AuthorizationFailed: The client '${APP}' with object id '${OID}' does not have authorization to perform action 'Microsoft.Resources/subscriptions/resourcegroups/read' over scope '/subscriptions/${SUB}'`,
    {
      failureMode: 'rbac-denied',
      httpStatus: 403,
      check: ARM_CHECK,
      remediation: fix.rbacDenied(
        {
          service: 'arm',
          principalId: OID,
          scope: `/subscriptions/${SUB}`,
          action: 'Microsoft.Resources/subscriptions/resourcegroups/read'
        },
        undefined
      )
    }
  )
  return target(line, 'fail', steps)
}

function unreachable(line: string): TargetReport {
  return target(line, 'fail', [
    s(
      'imds',
      'fail',
      'IMDS (http://169.254.169.254) did not answer within 10 s: connection timed out',
      {
        failureMode: 'platform-unreachable',
        remediation: fix.imdsUnreachable('http://169.254.169.254')
      }
    ),
    s('token', 'skip', 'not requested: the imds step failed'),
    s('api', 'skip', 'not called: no token')
  ])
}

function deallocated(line: string, id: string): TargetReport {
  return target(
    line,
    'fail',
    [
      s(
        'dispatch',
        'fail',
        `az vm run-command invoke: the VM is deallocated (OperationNotAllowed): ${id}`,
        {
          failureMode: 'dispatch-failed',
          remediation: `Start the VM (az vm start --ids ${id}) or remove it from targets, then run again`
        }
      )
    ],
    { environment: 'unknown' }
  )
}

function noIdentity(line: string, id: string): TargetReport {
  return target(line, 'fail', [
    s('imds', 'pass', 'IMDS answered in 9 ms'),
    s('token', 'fail', 'IMDS answered 400 invalid_request: Identity not found', {
      failureMode: 'no-identity',
      remediation: fix.noIdentity('imds', { resourceId: id })
    }),
    s('api', 'skip', 'not called: no token')
  ])
}

export function egressDns(line: string): TargetReport {
  const steps = passSteps()
  steps[2] = s('api', 'fail', 'GET kv-orders-prod.vault.azure.net: DNS lookup failed (ENOTFOUND)', {
    failureMode: 'egress-blocked',
    check: 'https://kv-orders-prod.vault.azure.net/secrets?api-version=7.4',
    remediation: fix.egressBlocked('kv-orders-prod.vault.azure.net:443', 'dns')
  })
  return target(line, 'fail', steps)
}

function wrongAudience(line: string): TargetReport {
  const steps = passSteps()
  steps[2] = s(
    'api',
    'warn',
    'resource=https://storage.azure.com/ is not an audience management.azure.com accepts',
    {
      failureMode: 'wrong-audience',
      check: ARM_CHECK,
      remediation: fix.preflightAudience(
        'https://storage.azure.com/',
        'https://management.azure.com/'
      )
    }
  )
  return target(line, 'warn', steps)
}

export function expiring(line: string): TargetReport {
  const steps = passSteps()
  steps[1] = s(
    'token',
    'warn',
    'the token expires in 3 min (expires_on 2026-12-02T04:03:00Z): a stale cached token',
    {
      failureMode: 'token-invalid',
      remediation: fix.tokenExpiry()
    }
  )
  return target(line, 'warn', steps)
}

/** The app's SDK resolves to its system-assigned identity; the run tested a user-assigned one. */
function sdkWrongIdentity(line: string): TargetReport {
  const appOwn = {
    appid: '5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928170',
    oid: '1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d'
  }
  const segment = (claims: object): string =>
    Buffer.from(
      JSON.stringify({ aud: 'https://management.azure.com/', tid: TENANT, ...claims })
    ).toString('base64url')
  const sdk = sdkIdentity(
    {
      credential: 'DefaultAzureCredential',
      claims: segment({
        ...appOwn,
        xms_mirid: `/subscriptions/${SUB}/resourcegroups/rg-shop/providers/Microsoft.Web/sites/shop-api`
      }),
      ms: 40
    },
    { identity: { kind: 'client-id', value: APP } },
    {
      appid: APP,
      oid: OID,
      xms_mirid: `/subscriptions/${SUB}/resourcegroups/rg-shop/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-shop`
    }
  )
  return target(line, 'fail', passSteps(), {
    failedStep: 'token',
    failureMode: 'wrong-identity',
    sdk: [sdk]
  })
}

export function fleetReport(): Report {
  const targets: TargetReport[] = []
  for (let i = 0; i < 10; i++)
    targets.push(target(`vm:${vmId('rg-web', `web-${i}`)}`, 'pass', passSteps()))
  for (let i = 0; i < 6; i++) {
    const line = `vmss:${scaleSetId('rg-batch', 'batch-ss')}#${i}`
    targets.push(i < 2 ? rbacDenied(line) : target(line, 'pass', passSteps()))
  }
  targets.push(unreachable(`vm:${vmId('rg-legacy', 'legacy-1')}`))
  for (let i = 0; i < 3; i++)
    targets.push(target(`vm:${vmId('rg-api', `api-${i}`)}`, 'pass', passSteps()))
  targets.push(deallocated(`vm:${vmId('rg-jobs', 'jobs-3')}`, vmId('rg-jobs', 'jobs-3')))
  targets.push(noIdentity(`vm:${vmId('rg-jobs', 'jobs-4')}`, vmId('rg-jobs', 'jobs-4')))
  targets.push(target(`vm:${vmId('rg-orders', 'orders-1')}`, 'pass', passSteps()))
  targets.push(sdkWrongIdentity('https://shop-api.azurewebsites.net/.well-known/mi-smoke'))
  targets.push(wrongAudience(`vm:${vmId('rg-api', 'api-4')}`))
  targets.push(target(`vm:${vmId('rg-api', 'api-5')}`, 'pass', passSteps()))
  for (let i = 0; i < 4; i++) {
    targets.push(
      target(`https://shop-web-${i}.azurewebsites.net/.well-known/mi-smoke`, 'pass', passSteps())
    )
  }
  return { schema: 'mi-smoke/v1', result: 'fail', durationMs: 41_200, targets }
}

export function onePassingReport(): Report {
  return {
    schema: 'mi-smoke/v1',
    result: 'pass',
    durationMs: 2400,
    targets: [target(`vm:${vmId('rg-web', 'web-1')}`, 'pass', passSteps())]
  }
}

export function oneFailingReport(): Report {
  return {
    schema: 'mi-smoke/v1',
    result: 'fail',
    durationMs: 2400,
    targets: [rbacDenied(`vm:${vmId('rg-web', 'web-1')}`)]
  }
}
