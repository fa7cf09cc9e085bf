/**
 * The built action against the emulator, one run per scenario: verdict, failed step, failure mode,
 * step statuses, remediation, and no trace of a token anywhere the action writes.
 */
import { startEmulator, type Emulator } from '../../emulator/emulator'
import { armCheck, maskedValues, runAgainst, vaultCheck } from '../helpers/emulator-action'
import { expectRun } from '../helpers/action-expectations'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator.close()
})

test('healthy: pass, three passing steps, identity outputs from the token claims', async () => {
  await emulator.setScenario('healthy')
  const run = await runAgainst(emulator)
  expectRun(run, emulator, {
    code: 0,
    result: 'pass',
    failedStep: '',
    failureMode: '',
    steps: ['imds:pass', 'token:pass', 'api:pass']
  })
  expect(run.outputs['principal-id']).toBe(emulator.identities.system.objectId)
  expect(run.outputs['client-id']).toBe(emulator.identities.system.clientId)
  expect(run.outputs['tenant-id']).toBe(emulator.tenantId)
  expect(Date.parse(run.outputs['expires-on'] ?? '')).toBeGreaterThan(Date.now())
  expect(run.stdout).toMatch(/^::group::local: PASS in /m)
  // The access token reaches no byte of stdout, not even as an `::add-mask::` registration.
  expect(maskedValues(run)).toEqual([])
  expect(run.stdout).not.toContain(emulator.canary)
})

test('healthy with ARM and Key Vault checks: one token per audience, one api step per check', async () => {
  await emulator.setScenario('healthy')
  const run = await runAgainst(emulator, {
    checks: `${armCheck(emulator)}\n${vaultCheck(emulator)}`
  })
  expectRun(run, emulator, {
    code: 0,
    result: 'pass',
    failedStep: '',
    failureMode: '',
    steps: ['imds:pass', 'token:pass', 'token:pass', 'api:pass', 'api:pass']
  })
})

test('no-identity', async () => {
  await emulator.setScenario('no-identity')
  expectRun(await runAgainst(emulator), emulator, {
    code: 1,
    result: 'fail',
    failedStep: 'token',
    failureMode: 'no-identity',
    steps: ['imds:pass', 'token:fail', 'api:skip'],
    remediation: /az vm identity assign --ids \/subscriptions\//
  })
})

test('wrong-client-id: a client ID the workload does not have', async () => {
  await emulator.setScenario('wrong-client-id')
  const clientId = '0f0e0d0c-0b0a-4908-8706-050403020100'
  const run = await runAgainst(emulator, { identity: clientId })
  expectRun(run, emulator, {
    code: 1,
    result: 'fail',
    failedStep: 'token',
    failureMode: 'wrong-identity',
    steps: ['imds:pass', 'token:fail', 'api:skip'],
    remediation: new RegExp(`No identity with client ID ${clientId} is assigned`)
  })
})

test('imds-refused', async () => {
  await emulator.setScenario('imds-refused')
  expectRun(await runAgainst(emulator), emulator, {
    code: 1,
    result: 'fail',
    failedStep: 'imds',
    failureMode: 'platform-unreachable',
    steps: ['imds:fail', 'token:skip', 'api:skip'],
    remediation: /NO_PROXY=169\.254\.169\.254/
  })
})

test('imds-hang with timeout 1s: the verdict comes within ~1.2 s of probing', async () => {
  await emulator.setScenario('imds-hang')
  const run = await runAgainst(emulator, { timeout: '1s' })
  expectRun(run, emulator, {
    code: 1,
    result: 'fail',
    failedStep: 'imds',
    failureMode: 'platform-unreachable',
    steps: ['imds:fail', 'token:skip', 'api:skip'],
    remediation: /169\.254\.169\.254/
  })
  expect(run.report.durationMs).toBeLessThan(1200)
  expect(run.durationMs).toBeLessThan(2500)
}, 20_000)

test('token-expired: judged at the token step, and the API confirms it refuses the token', async () => {
  await emulator.setScenario('token-expired')
  const run = await runAgainst(emulator)
  expectRun(run, emulator, {
    code: 1,
    result: 'fail',
    failedStep: 'token',
    failureMode: 'token-invalid',
    steps: ['imds:pass', 'token:fail', 'api:fail'],
    remediation: /clock/
  })
  expect(run.report.targets[0].steps[1].detail).toMatch(/expired/)
  expect(run.report.targets[0].steps[2].detail).toContain('ExpiredAuthenticationToken')
})

test('token-no-expiry: the token fails the step even though the API accepts it', async () => {
  await emulator.setScenario('token-no-expiry')
  const run = await runAgainst(emulator)
  expectRun(run, emulator, {
    code: 1,
    result: 'fail',
    failedStep: 'token',
    failureMode: 'token-invalid',
    steps: ['imds:pass', 'token:fail', 'api:pass'],
    remediation: /without a usable token|clock/
  })
  expect(run.report.targets[0].steps[1].detail).toMatch(/expires_on/)
})

test('token-malformed', async () => {
  await emulator.setScenario('token-malformed')
  expectRun(await runAgainst(emulator), emulator, {
    code: 1,
    result: 'fail',
    failedStep: 'token',
    failureMode: 'token-invalid',
    steps: ['imds:pass', 'token:fail', 'api:skip'],
    remediation: /without a usable token/
  })
})

test('role-missing: rbac-denied with the principal, the scope and an az role assignment create', async () => {
  await emulator.setScenario('role-missing')
  const run = await runAgainst(emulator)
  const oid = emulator.identities.system.objectId
  expectRun(run, emulator, {
    code: 1,
    result: 'fail',
    failedStep: 'api',
    failureMode: 'rbac-denied',
    steps: ['imds:pass', 'token:pass', 'api:fail'],
    remediation: new RegExp(
      `az role assignment create --assignee-object-id ${oid} .*--role "Reader" --scope "/subscriptions/${emulator.subscriptionId}"`
    )
  })
  expect(run.report.targets[0].steps[2].httpStatus).toBe(403)
  // The identity outputs still come from the (valid) token.
  expect(run.outputs['principal-id']).toBe(oid)
})

test('api-closed: egress-blocked', async () => {
  await emulator.setScenario('api-closed')
  expectRun(await runAgainst(emulator), emulator, {
    code: 1,
    result: 'fail',
    failedStep: 'api',
    failureMode: 'egress-blocked',
    steps: ['imds:pass', 'token:pass', 'api:fail'],
    remediation: /Allow outbound HTTPS from the workload to 127\.0\.0\.1/
  })
})

test('wrong-audience: the token step sees the other aud, and ARM refuses it', async () => {
  await emulator.setScenario('wrong-audience')
  const run = await runAgainst(emulator)
  expectRun(run, emulator, {
    code: 1,
    result: 'fail',
    failedStep: 'token',
    failureMode: 'wrong-audience',
    steps: ['imds:pass', 'token:fail', 'api:fail'],
    remediation:
      /issued a token for https:\/\/vault\.azure\.net although https:\/\/management\.azure\.com\/ was requested/
  })
  const api = run.report.targets[0].steps[2]
  expect(api.failureMode).toBe('wrong-audience')
  expect(api.httpStatus).toBe(401)
  expect(api.detail).toContain('InvalidAuthenticationTokenAudience')
})
