/**
 * Scenarios that involve waiting: IMDS retry policy (410, 429, 500) and the rbac-wait loop,
 * through the built action against the emulator.
 */
import { startEmulator, type Emulator } from '../../emulator/emulator'
import { runAgainst } from '../helpers/emulator-action'
import { expectRun } from '../helpers/action-expectations'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator.close()
})

test('imds-gone briefly: the probe waits out the 410 and passes', async () => {
  await emulator.setScenario({ name: 'imds-gone', goneForMs: 1500 })
  const run = await runAgainst(emulator)
  expectRun(run, emulator, {
    code: 0,
    result: 'pass',
    failedStep: '',
    failureMode: '',
    steps: ['imds:pass', 'token:pass', 'api:pass']
  })
  expect(run.report.targets[0].steps[1].attempts).toBeGreaterThanOrEqual(2)
}, 40_000)

test('imds-throttled: 429 past the documented retries is throttled', async () => {
  await emulator.setScenario({ name: 'imds-throttled', throttleCount: 10, retryAfterSeconds: 1 })
  const run = await runAgainst(emulator)
  expectRun(run, emulator, {
    code: 1,
    result: 'fail',
    failedStep: 'token',
    failureMode: 'throttled',
    steps: ['imds:pass', 'token:fail', 'api:skip'],
    remediation: /20 identity requests per second/
  })
  expect(run.report.targets[0].steps[1].attempts).toBe(4)
}, 40_000)

test('imds-throttled briefly: the retries get the token', async () => {
  await emulator.setScenario({ name: 'imds-throttled', throttleCount: 2, retryAfterSeconds: 1 })
  const run = await runAgainst(emulator)
  expectRun(run, emulator, {
    code: 0,
    result: 'pass',
    failedStep: '',
    failureMode: '',
    steps: ['imds:pass', 'token:pass', 'api:pass']
  })
  expect(run.report.targets[0].steps[1].attempts).toBe(3)
}, 40_000)

test('imds-error: 500 after the retries is platform-unreachable', async () => {
  await emulator.setScenario('imds-error')
  expectRun(await runAgainst(emulator), emulator, {
    code: 1,
    result: 'fail',
    failedStep: 'token',
    failureMode: 'platform-unreachable',
    steps: ['imds:pass', 'token:fail', 'api:skip'],
    remediation: /IMDS itself is failing \(HTTP 500\)/
  })
}, 40_000)

test('role-delayed with rbac-wait: polls until the role is effective and says how long it took', async () => {
  await emulator.setScenario({ name: 'role-delayed', roleDelayMs: 2500 })
  const run = await runAgainst(emulator, { 'rbac-wait': '30s' })
  expectRun(run, emulator, {
    code: 0,
    result: 'pass',
    failedStep: '',
    failureMode: '',
    steps: ['imds:pass', 'token:pass', 'api:pass']
  })
  const api = run.report.targets[0].steps[2]
  expect(api.detail).toMatch(/role effective after \d+(\.\d)? s of rbac-wait \(\d+ probes\)/)
  expect(api.rbacWaitMs).toBeGreaterThan(1500)
  expect(api.rbacWaitMs).toBeLessThan(30_000)
  expect(api.attempts).toBeGreaterThanOrEqual(2)
  // Role effective at 2.5 s; probes at ~0, 1, 3 s: the pass comes well under the 5 s backoff cap later.
  expect(run.report.durationMs).toBeLessThan(2500 + 5000 + 1000)
  expect(run.stdout).toContain('(rbac-wait)')
}, 40_000)

test('role-delayed beyond rbac-wait: still denied, reported with the time waited', async () => {
  await emulator.setScenario({ name: 'role-delayed', roleDelayMs: 600_000 })
  const run = await runAgainst(emulator, { 'rbac-wait': '3s' })
  expectRun(run, emulator, {
    code: 1,
    result: 'fail',
    failedStep: 'api',
    failureMode: 'rbac-denied',
    steps: ['imds:pass', 'token:pass', 'api:fail'],
    remediation: /az role assignment create/
  })
  const api = run.report.targets[0].steps[2]
  expect(api.detail).toMatch(/still denied after 3(\.\d)? s of rbac-wait \(3 probes\)/)
  // Never past the rbac-wait deadline (plus one probe).
  expect(api.rbacWaitMs).toBeLessThan(3000 + 1000)
  expect(run.report.durationMs).toBeLessThan(3000 + 2000)
}, 40_000)
