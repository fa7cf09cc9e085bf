/**
 * The gate (`fail-on`), `summary: false`, and secrets: through the built action.
 */
import { startEmulator, type Emulator } from '../../emulator/emulator'
import { runAgainst, written } from '../helpers/emulator-action'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator.close()
})

test('fail-on never: a failing run reports fail but the job goes on (exit 0)', async () => {
  await emulator.setScenario('role-missing')
  const run = await runAgainst(emulator, { 'fail-on': 'never' })
  expect(run.code).toBe(0)
  expect(run.outputs['result']).toBe('fail')
  expect(run.outputs['failure-mode']).toBe('rbac-denied')
  expect(run.stdout).toContain("the job goes on because fail-on is 'never'")
  // Still annotated and summarised.
  expect(
    run.annotations.some(a => a.level === 'error' && a.title?.startsWith('local · api · ') === true)
  ).toBe(true)
  expect(run.summary).toContain('## ❌ fail — mi-smoke')
})

test('a warning (token expiring within 5 minutes): fail-on error passes the job, fail-on warning fails it', async () => {
  await emulator.setScenario({ tokenLifetimeSeconds: 120 })
  const lenient = await runAgainst(emulator, { 'fail-on': 'error' })
  expect(lenient.outputs['result']).toBe('warn')
  expect(lenient.code).toBe(0)
  expect(lenient.outputs['failed-step']).toBe('token')
  expect(
    lenient.annotations.some(
      a => a.level === 'warning' && a.title?.startsWith('local · token · ') === true
    )
  ).toBe(true)

  const strict = await runAgainst(emulator, { 'fail-on': 'warning' })
  expect(strict.outputs['result']).toBe('warn')
  expect(strict.code).toBe(1)
  expect(strict.stdout).toMatch(/::error::mi-smoke: warn — local · token · /)
  expect(written(strict)).not.toContain(emulator.canary)
})

test('fail-on error (default) on a passing run exits 0', async () => {
  await emulator.setScenario('healthy')
  const run = await runAgainst(emulator)
  expect(run.code).toBe(0)
  expect(run.outputs['result']).toBe('pass')
})

test('summary: false writes no job summary, everything else as usual', async () => {
  await emulator.setScenario('role-missing')
  const run = await runAgainst(emulator, { summary: 'false' })
  expect(run.summary).toBe('')
  expect(run.code).toBe(1)
  expect(run.outputs['failure-mode']).toBe('rbac-denied')
})

test('endpoint-key is masked from the first line on', async () => {
  await emulator.setScenario('healthy')
  const key = 'k3y-Th4t-Must-N3ver-Appear'
  const run = await runAgainst(emulator, { 'endpoint-key': key })
  expect(run.stdout).toContain(`::add-mask::${key}`)
  const withoutMaskCommand = written(run).replace(`::add-mask::${key}`, '')
  expect(withoutMaskCommand).not.toContain(key)
})
