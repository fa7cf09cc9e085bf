/**
 * The role lookup against the emulator's Microsoft.Authorization answers (the REST shapes ARM
 * gives, emulator/authorization.ts): an rbac-denied step is told apart as no assignment, a recent
 * one still propagating, a role that does not grant the action, or no permission to read
 * assignments.
 */
import { authorizationAnswer, type DescribedAssignment } from '../../emulator/authorization'
import { explainRbacDenials } from '../../src/engine/role-lookup'
import { grants } from '../../src/engine/role-lookup/permissions'
import type { ArmGet } from '../../src/engine/role-lookup/role-assignments'
import type { TargetReport } from '../../src/contracts/report'
import { rbacDeniedTarget } from '../helpers/report-fixtures'

const OID = '4d2f8c61-93a7-4b4e-8a3e-1f5b7c0d9e21'
const SUB = '/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590'
const ACTION = 'Microsoft.Resources/subscriptions/resourcegroups/read'
const REMEDIATION = `Grant principal ${OID} a role on ${SUB}: az role assignment create --assignee-object-id ${OID} --assignee-principal-type ServicePrincipal --role "Reader" --scope "${SUB}"; role assignments can take minutes to propagate; set rbac-wait: 5m to poll until the role is effective`

interface Described {
  assignments?: DescribedAssignment[]
  readDenied?: boolean
}

/** GETs answered as ARM answers them, recorded as they are asked. */
function fakeArm(described: Described, calls: string[] = []): ArmGet {
  return async path => {
    calls.push(path)
    const url = new URL(path, 'https://management.azure.com')
    const answer = authorizationAnswer(url.pathname, url.searchParams, {
      assignments: described.assignments ?? [],
      readDenied: described.readDenied ?? false,
      callerOid: '5f2f4a1e-0c1b-4d5e-9f8a-7b6c5d4e3f2a',
      nowMs: Date.now()
    })
    return answer
      ? { status: answer.status, body: JSON.stringify(answer.body) }
      : { status: 404, body: '{"error":{"code":"NotFound","message":"not served"}}' }
  }
}

function deniedReport(): TargetReport {
  const base = rbacDeniedTarget('vm:/subscriptions/x/vm', REMEDIATION)
  return {
    ...base,
    steps: base.steps.map(step =>
      step.step === 'api'
        ? {
            ...step,
            rbac: { service: 'arm', principalId: OID, scope: SUB, action: ACTION, role: 'Reader' }
          }
        : step
    )
  }
}

const assignments = (
  rows: Array<{ role: string; scope: string; createdMinutesAgo: number }>
): DescribedAssignment[] => rows.map(row => ({ principalId: OID, ...row }))

async function explain(described: Described, rbacWaitMs = 0) {
  const calls: string[] = []
  const report = await explainRbacDenials(deniedReport(), {
    rbacWaitMs,
    arm: fakeArm(described, calls)
  })
  return { api: report.steps.find(s => s.step === 'api')!, calls }
}

describe('role lookup over ARM', () => {
  test("asks ARM for the principal's assignments at the scope (list-for-scope, principalId filter)", async () => {
    const { calls } = await explain({ assignments: [] })
    expect(calls[0]).toBe(
      `${SUB}/providers/Microsoft.Authorization/roleAssignments?$filter=${encodeURIComponent(`principalId eq '${OID}'`)}&api-version=2022-04-01`
    )
  })

  test('no assignment: create it, with the command', async () => {
    const { api } = await explain({ assignments: [] })
    expect(api.detail).toMatch(
      `Azure Resource Manager lists no role assignment of ${OID} at or above ${SUB}`
    )
    expect(api.remediation).toMatch(
      /^No role assignment exists yet: create it\. .*az role assignment create --assignee-object-id/
    )
  })

  test('an assignment made minutes ago that grants the action: propagation, set rbac-wait', async () => {
    const { api } = await explain({
      assignments: assignments([{ role: 'Reader', scope: SUB, createdMinutesAgo: 3 }])
    })
    expect(api.detail).toMatch(
      /Reader was assigned at .* 3 min ago and grants Microsoft\.Resources\/subscriptions\/resourcegroups\/read: not propagated yet/
    )
    expect(api.remediation).toMatch(/has not propagated yet.*set rbac-wait/)
    expect(api.remediation).not.toMatch(/az role assignment create/)
  })

  test('with rbac-wait already set, the advice is to raise it', async () => {
    const { api } = await explain(
      {
        assignments: assignments([{ role: 'Reader', scope: SUB, createdMinutesAgo: 2 }])
      },
      90_000
    )
    expect(api.remediation).toMatch(/raise rbac-wait \(it is 90 s/)
  })

  test('an inherited assignment (at the subscription, for a resource group scope) counts', async () => {
    const calls: string[] = []
    const report = deniedReport()
    const rgScope = `${SUB}/resourceGroups/rg-web`
    report.steps = report.steps.map(s =>
      s.rbac ? { ...s, rbac: { ...s.rbac, scope: rgScope } } : s
    )
    const out = await explainRbacDenials(report, {
      rbacWaitMs: 0,
      arm: fakeArm(
        { assignments: assignments([{ role: 'Reader', scope: SUB, createdMinutesAgo: 1 }]) },
        calls
      )
    })
    expect(out.steps.find(s => s.step === 'api')!.detail).toMatch(/not propagated yet/)
  })

  test('a role that does not grant the action: name one that does', async () => {
    const { api } = await explain({
      assignments: assignments([
        { role: 'Storage Blob Data Reader', scope: SUB, createdMinutesAgo: 600 }
      ])
    })
    expect(api.detail).toMatch(
      `holds Storage Blob Data Reader at ${SUB}, none of which grants ${ACTION}`
    )
    expect(api.remediation).toMatch(
      /do not grant .*assign one that does, e\.g\. Reader\. .*az role assignment create/
    )
  })

  test('an old assignment that grants the action is not called propagation', async () => {
    const { api } = await explain({
      assignments: assignments([{ role: 'Contributor', scope: SUB, createdMinutesAgo: 600 }])
    })
    expect(api.detail).toMatch(/Contributor at .* grants .* yet the call was refused/)
    expect(api.remediation).toMatch(/deny assignment/)
  })

  test('no permission to read assignments: say so and keep the advice', async () => {
    const { api } = await explain({ readDenied: true })
    expect(api.detail).toMatch(
      /may not read role assignments .*Microsoft\.Authorization\/roleAssignments\/read/
    )
    expect(api.remediation).toContain(REMEDIATION)
  })

  test('a step without a GUID principal or an ARM scope is not looked up', async () => {
    const report = deniedReport()
    report.steps = report.steps.map(s =>
      s.rbac ? { ...s, rbac: { ...s.rbac, scope: '$(az keyvault show)' } } : s
    )
    const calls: string[] = []
    const out = await explainRbacDenials(report, { rbacWaitMs: 0, arm: fakeArm({}, calls) })
    expect(calls).toEqual([])
    expect(out).toEqual(report)
  })
})

describe('permissions', () => {
  test('wildcards, notActions and data actions', () => {
    expect(grants([{ actions: ['*/read'] }], ACTION)).toBe(true)
    expect(
      grants(
        [{ actions: ['*'], notActions: ['Microsoft.Authorization/*/Write'] }],
        'Microsoft.Authorization/roleAssignments/write'
      )
    ).toBe(false)
    expect(grants([{ actions: ['Microsoft.Storage/*'] }], ACTION)).toBe(false)
    expect(
      grants(
        [{ dataActions: ['Microsoft.KeyVault/vaults/secrets/getSecret/action'] }],
        'microsoft.keyvault/vaults/secrets/getsecret/action'
      )
    ).toBe(true)
  })
})
