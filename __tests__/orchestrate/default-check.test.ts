import { adaptDefaultCheck } from '../../src/engine/orchestrate/default-check'
import { parseChecks } from '../../src/engine/inputs/checks'
import type { Observations } from '../../src/contracts/observations'

const SUB = '0b1f6471-1bf0-4dda-aec3-cb9272f09590'

function observed(meta: Observations['meta'], notCalled?: string): Observations {
  return {
    v: 1,
    nonce: 'n',
    probe: 'local',
    source: 'imds',
    ...(meta ? { meta } : {}),
    tokens: [],
    apis: [
      {
        check: 0,
        url: 'x',
        attempts: notCalled ? 0 : 1,
        ms: 0,
        ...(notCalled ? { notCalled } : { status: 200 })
      }
    ]
  }
}

describe('the default check follows the workload', () => {
  const defaults = parseChecks('')

  test('the default check is marked; an explicit other check is not', () => {
    expect(defaults[0]!.followsWorkload).toBe(true)
    expect(
      parseChecks('https://management.azure.com/subscriptions?api-version=2022-12-01')[0]!
        .followsWorkload
    ).toBeUndefined()
  })

  test('public cloud with a subscription: nothing to adapt', () => {
    expect(
      adaptDefaultCheck(
        defaults,
        observed({ subscriptionId: SUB, azEnvironment: 'AzurePublicCloud' })
      )
    ).toBeUndefined()
  })

  test('IMDS says AzureUSGovernmentCloud: the Government ARM host and audience', () => {
    const [check] = adaptDefaultCheck(
      defaults,
      observed({ subscriptionId: SUB, azEnvironment: 'AzureUSGovernmentCloud' })
    )!
    expect(check!.url).toBe(
      'https://management.usgovcloudapi.net/subscriptions/{subscriptionId}/resourcegroups?api-version=2021-04-01'
    )
    expect(check!.resource).toBe('https://management.usgovcloudapi.net/')
    expect(check!.followsWorkload).toBeUndefined()
    expect(check!.note).toMatch(/the workload's cloud AzureUSGovernmentCloud/)
  })

  test('China, no subscription known: list subscriptions on the China ARM host', () => {
    const [check] = adaptDefaultCheck(
      defaults,
      observed(
        { azEnvironment: 'AzureChinaCloud' },
        '{subscriptionId} unknown: the workload reported no subscription'
      )
    )!
    expect(check!.url).toBe(
      'https://management.chinacloudapi.cn/subscriptions?api-version=2022-12-01'
    )
    expect(check!.resource).toBe('https://management.chinacloudapi.cn/')
  })

  test('no subscription (Container Apps, AKS): list the subscriptions the identity sees, never bad-input', () => {
    const [check] = adaptDefaultCheck(
      defaults,
      observed(undefined, '{subscriptionId} unknown: the workload reported no subscription')
    )!
    expect(check!.url).toBe('https://management.azure.com/subscriptions?api-version=2022-12-01')
    expect(check!.note).toMatch(/lists the subscriptions its identity can see/)
  })

  test('a probe that got no token is judged as it is', () => {
    expect(adaptDefaultCheck(defaults, observed(undefined, 'no token'))).toBeUndefined()
  })

  test("a user's own checks are never rewritten", () => {
    const own = parseChecks(
      'https://management.azure.com/subscriptions/{subscriptionId}/resourcegroups?api-version=2021-04-01 expect=200'
    )
    expect(
      adaptDefaultCheck(
        own,
        observed({ azEnvironment: 'AzureUSGovernmentCloud' }, '{subscriptionId} unknown')
      )
    ).toBeUndefined()
  })
})
