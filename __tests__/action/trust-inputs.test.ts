/**
 * Trust gaps closed at the runner's door, through the built action: `endpoint-audience` never names
 * a shared Azure service (the token would work against everything the CI principal may touch, and
 * it goes to the workload); a bearer never crosses HTTP_PROXY in clear; an input holding an
 * invisible or control character (bidirectional override, zero-width space) is refused naming the
 * input and where in it. Each refusal: exit 1, `bad-input`, and not one request anywhere.
 */
import { startEmulator, type Emulator } from '../../emulator/emulator'
import { startProxy } from '../helpers/local-servers'
import { armCheck, explain, runAgainst, vaultCheck, written } from '../helpers/emulator-action'

jest.setTimeout(120_000)

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator.close()
})

const VM_ID =
  '/subscriptions/3f2a4c1d-8b7e-4d6f-9a0b-1c2d3e4f5a6b/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/web-1'

async function expectBadInput(
  inputs: Record<string, string>,
  input: string,
  said: RegExp[]
): Promise<void> {
  emulator.clearRequests()
  const run = await runAgainst(emulator, inputs)
  expect(run.code).toBe(1)
  expect(run.outputs['failure-mode']).toBe('bad-input')
  const errors = run.annotations.filter(a => a.level === 'error')
  expect(errors).toHaveLength(1)
  expect(errors[0]?.message).toContain(`Input '${input}'`)
  expect(errors[0]?.message).toContain('Example of a valid value')
  for (const pattern of said) expect(errors[0]?.message).toMatch(pattern)
  expect(emulator.requests).toEqual([])
}

describe('endpoint-audience never names a shared Azure resource', () => {
  // A sample across services, clouds and spellings; every audience of the service table is tried
  // against the same rule in __tests__/inputs/read-inputs.test.ts.
  const SHARED: Array<[string, RegExp]> = [
    ['https://management.azure.com/', /Azure Resource Manager/],
    ['https://management.core.windows.net/', /Azure Resource Manager/],
    ['HTTPS://Management.USGovCloudAPI.net//.default', /Azure Resource Manager/],
    ['https://graph.microsoft.com/.default', /Microsoft Graph/],
    ['00000003-0000-0000-c000-000000000000', /Microsoft Graph/],
    ['https://vault.azure.cn', /Key Vault/],
    ['https://storage.azure.com', /Azure Storage/],
    ['https://myaccount.blob.core.windows.net/', /Azure Storage/],
    ['api://797f4846-ba00-4fd7-ba43-dac1f8f63013', /Azure Resource Manager/]
  ]
  test.each(SHARED)('%s is bad input', async (audience, service) => {
    await expectBadInput(
      { targets: `https://app.example.net/mi-smoke\nvm:${VM_ID}`, 'endpoint-audience': audience },
      'endpoint-audience',
      [service, /shared Azure service/, /api:\/\/<app-id>|client ID/]
    )
  })
})

describe('no bearer in clear through a proxy', () => {
  test('local target: http checks to loopback go direct whatever HTTP_PROXY says; the proxy sees nothing', async () => {
    const proxy = await startProxy()
    try {
      await emulator.setScenario('healthy')
      emulator.clearRequests()
      const run = await runAgainst(
        emulator,
        { checks: `${armCheck(emulator)}\n${vaultCheck(emulator)}` },
        { HTTP_PROXY: proxy.url, http_proxy: proxy.url, NO_PROXY: '', no_proxy: '' }
      )
      expect(run.outputs['result']).toBe('pass')
      expect(proxy.seen).toEqual([])
      const apiCalls = emulator.requests.filter(r => r.port === 'api')
      expect(apiCalls).toHaveLength(2)
      expect(apiCalls.every(r => /^Bearer /.test(String(r.headers['authorization'])))).toBe(true)
      expect(written(run)).not.toContain(emulator.canary)
    } finally {
      await proxy.close()
    }
  })
})

describe('invisible characters in inputs', () => {
  const RLO = '\u202e'
  const ZWSP = '\u200b'
  test('a bidirectional override in targets: refused naming line and column', async () => {
    await expectBadInput({ targets: `local\nvm:${VM_ID}${RLO}` }, 'targets', [
      /U\+202E/,
      new RegExp(`line 2, column ${`vm:${VM_ID}`.length + 1}\\b`)
    ])
  })
  test('a zero-width space in checks: refused naming line and column', async () => {
    const check = armCheck(emulator)
    await expectBadInput(
      { checks: `${check}\n  ${check.slice(0, 10)}${ZWSP}${check.slice(10)}` },
      'checks',
      [/U\+200B/, /line 2, column 13\b/]
    )
  })
  test.each([
    ['endpoint-audience', `api://mi-smoke${'\u2066'}`],
    ['identity', `${'\ufeff'}system`],
    ['timeout', `2s${'\u200d'}`],
    ['expected-principal-id', `6f3e2b1a-0c4d-4e5f-8a9b-1c2d3e4f5a6b${'\u061c'}`]
  ])('%s holding one is refused too', async (input, value) => {
    await expectBadInput({ [input]: value }, input, [/U\+[0-9A-F]{4}/, /line 1, column \d+/])
  })
  test('the refusal itself prints no invisible character', async () => {
    const run = await runAgainst(emulator, { targets: `local${RLO}` })
    expect(run.code).toBe(1)
    expect(written(run)).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b-\u200f]/)
    expect(explain(run)).toContain('U+202E')
  })
})
