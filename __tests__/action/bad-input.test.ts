/**
 * Bad input: each invalid value fails the step with an error naming the input, exit code 1,
 * outputs that say `bad-input`, a report with no targets, and not one request to the emulator.
 */
import { startEmulator, type Emulator } from '../../emulator/emulator'
import { runAgainst } from '../helpers/emulator-action'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator.close()
})

const cases: Array<[string, string]> = [
  ['timeout', 'soon'],
  ['rbac-wait', '-5s'],
  ['concurrency', '0'],
  ['fail-on', 'sometimes'],
  ['identity', 'not-a-guid'],
  ['targets', 'ftp://example.com'],
  ['checks', 'http://example.com/secrets resource=https://vault.azure.net'],
  ['os', 'beos'],
  ['summary', 'maybe'],
  ['imds-endpoint', 'not a url']
]

test.each(cases)('%s = %p', async (input, value) => {
  emulator.clearRequests()
  const run = await runAgainst(emulator, { [input]: value })
  expect(run.code).toBe(1)
  const errors = run.annotations.filter(a => a.level === 'error')
  expect(errors).toHaveLength(1)
  expect(errors[0]?.message).toContain(`Input '${input}'`)
  expect(errors[0]?.message).toContain('Example of a valid value')
  expect(run.outputs['result']).toBe('fail')
  expect(run.outputs['failure-mode']).toBe('bad-input')
  expect(run.outputs['failed-step']).toBe('')
  expect(run.report).toEqual({
    schema: 'mi-smoke/v1',
    result: 'fail',
    durationMs: expect.any(Number),
    targets: []
  })
  expect(run.runnerTempFiles).toContain('"targets": []')
  // Nothing dispatched: the emulator saw nothing at all.
  expect(emulator.requests).toEqual([])
  if (input !== 'summary') expect(run.summary).toContain('bad input')
})
