/**
 * The platform the handler reports (where it runs) passes the validator only as a known platform
 * with plain resource names: a workload cannot smuggle text into a remediation command through it.
 */
import { validateObservations } from '../../src/engine/observations-validator'

const expected = { workload: 'https://app.example/mi-smoke', request: { nonce: 'n-1', checks: [] } }
const answer = (platform: unknown) =>
  ({
    v: 1,
    nonce: 'n-1',
    probe: 'handler',
    source: 'imds',
    tokens: [],
    apis: [],
    platform
  }) as unknown

test('a known platform with plain names is kept', () => {
  const observations = validateObservations(
    answer({
      kind: 'app-service',
      variable: 'WEBSITE_SITE_NAME',
      name: 'orders-web',
      resourceGroup: 'rg-web'
    }),
    expected
  )
  expect(observations.platform).toEqual({
    kind: 'app-service',
    variable: 'WEBSITE_SITE_NAME',
    name: 'orders-web',
    resourceGroup: 'rg-web'
  })
})

test.each([
  [{ kind: 'mainframe', variable: 'X' }, /platform\.kind/],
  [{ kind: 'app-service', variable: 'WEBSITE_SITE_NAME', name: 'a; rm -rf /' }, /platform\.name/],
  [{ kind: 'kubernetes', variable: 'kubernetes service host' }, /platform\.variable/]
])('%j is refused', (platform, problem) => {
  expect(() => validateObservations(answer(platform), expected)).toThrow(problem)
})
