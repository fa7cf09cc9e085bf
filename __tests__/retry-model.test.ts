/**
 * The one retry model (src/common/retry.ts): its table is what docs/retries.md says, its schedules
 * are the ones each loop was built with, and its one `Retry-After` parser reads both forms.
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { backoffMs, parseRetryAfter, RETRY_POLICIES, withRetryAfter } from '../src/common/retry'

const waits = (policy: (typeof RETRY_POLICIES)[keyof typeof RETRY_POLICIES], n: number) =>
  Array.from({ length: n }, (_, retry) => backoffMs(policy, retry))

test('docs/retries.md is the table, as generated (npm run docs:retries)', () => {
  // In a process of its own: prettier, which formats the table, is an ES module jest cannot load.
  const root = join(__dirname, '..')
  const check = spawnSync(
    join(root, 'node_modules', '.bin', 'tsx'),
    [join(root, 'scripts', 'retries-doc.ts'), '--check'],
    { encoding: 'utf8' }
  )
  expect(check.stderr).toBe('')
  expect(check.status).toBe(0)
})

test('each policy plans the waits its loop is documented with', () => {
  expect(waits(RETRY_POLICIES.identityEndpoint, 4)).toEqual([1000, 2000, 4000, undefined])
  expect(waits(RETRY_POLICIES.identityEndpointUpdating, 8)).toEqual([
    ...Array<number>(7).fill(10_000),
    undefined
  ])
  expect(waits(RETRY_POLICIES.armRequest, 6)).toEqual([1000, 2000, 4000, 8000, 16_000, undefined])
  expect(waits(RETRY_POLICIES.runCommandConflict, 5)).toEqual([2000, 4000, 8000, 15_000, 15_000])
  expect(waits(RETRY_POLICIES.rbacWait, 6)).toEqual([1000, 2000, 4000, 5000, 5000, 5000])
  expect(waits(RETRY_POLICIES.readyWait, 5)).toEqual([1000, 2000, 4000, 5000, 5000])
  expect(waits(RETRY_POLICIES.transientApi, 4)).toEqual([1000, 2000, 4000, undefined])
})

test('a Retry-After replaces the planned wait up to the policy cap; a policy without one ignores it', () => {
  expect(withRetryAfter(RETRY_POLICIES.transientApi, 1000, 3000)).toBe(3000)
  expect(withRetryAfter(RETRY_POLICIES.transientApi, 1000, 3_600_000)).toBe(20_000)
  expect(withRetryAfter(RETRY_POLICIES.armRequest, 1000, 3_600_000)).toBe(60_000)
  expect(withRetryAfter(RETRY_POLICIES.identityEndpoint, 1000, 0)).toBe(0)
  expect(withRetryAfter(RETRY_POLICIES.rbacWait, 1000, 9000)).toBe(1000)
  expect(withRetryAfter(RETRY_POLICIES.armRequest, 1000, undefined)).toBe(1000)
})

test('Retry-After: delta-seconds or an HTTP date, the first of two values, nothing else', () => {
  expect(parseRetryAfter('7', 0)).toBe(7000)
  expect(parseRetryAfter(' 3 ', 0)).toBe(3000)
  expect(parseRetryAfter(['2', '9'], 0)).toBe(2000)
  expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:10 GMT', 4000)).toBe(6000)
  expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:01 GMT', 4000)).toBe(0)
  expect(parseRetryAfter('', 0)).toBeUndefined()
  expect(parseRetryAfter('soon', 0)).toBeUndefined()
  expect(parseRetryAfter(undefined, 0)).toBeUndefined()
  expect(parseRetryAfter([], 0)).toBeUndefined()
})
