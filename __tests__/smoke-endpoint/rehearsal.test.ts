/**
 * Rehearsal: the one setting (MI_SMOKE_REHEARSAL, or the `rehearsal` option) that points the smoke
 * endpoint at the emulator. Without it the emulator is refused; with it the probe passes against the
 * emulator; a setting off loopback is refused when the handler is made.
 */
import { startEmulator, type Emulator } from '../../emulator/emulator'
import {
  createSmokeHandler,
  type SmokeRequest
} from '../../packages/smoke-endpoint/src/handler-core'
import {
  parseRehearsalSetting,
  rehearsalSettings
} from '../../packages/smoke-endpoint/src/rehearsal'

const KEY = 'rehearsal-test-key-0123456789'
const ARM = 'https://management.azure.com/'
const VAULT = 'https://vault.azure.net'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => emulator.close())

function request(): SmokeRequest {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-mi-smoke-key': KEY },
    body: JSON.stringify({
      v: 1,
      nonce: 'nonce-rehearsal-0001',
      identity: { kind: 'system' },
      checks: [
        {
          url: `${emulator.apiUrl}/subscriptions/{subscriptionId}/resourcegroups?api-version=2021-04-01`,
          resource: ARM
        },
        { url: `${emulator.apiUrl}/secrets?api-version=7.4`, resource: VAULT }
      ],
      timeoutMs: 5000,
      imdsEndpoint: emulator.imdsUrl
    })
  }
}

test('without a rehearsal setting the emulator is refused and nothing is called', async () => {
  emulator.clearRequests()
  const answer = await createSmokeHandler({ key: KEY, env: {}, sdkCheck: false })(request())
  expect(answer.status).toBe(403)
  expect(answer.body).toMatch(/imdsEndpoint .* is not allowed/)
  expect(emulator.requests).toEqual([])
})

test.each(['the environment variable', 'the option'])(
  'with %s the probe runs against the emulator and passes',
  async how => {
    const setting = `imds=${emulator.imdsUrl} api=${emulator.apiUrl}`
    const options =
      how === 'the option'
        ? { env: {}, rehearsal: parseRehearsalSetting(setting) }
        : { env: { MI_SMOKE_REHEARSAL: setting } }
    const answer = await createSmokeHandler({ key: KEY, sdkCheck: false, ...options })(request())
    expect(answer.status).toBe(200)
    const observations = JSON.parse(answer.body) as {
      tokens: Array<{ status?: number }>
      apis: Array<{ status?: number }>
    }
    expect(observations.tokens.map(t => t.status)).toEqual([200, 200])
    expect(observations.apis.map(a => a.status)).toEqual([200, 200])
    expect(answer.body).not.toContain(emulator.canary)
  }
)

test.each([
  ['imds=http://10.0.0.4:80 api=http://127.0.0.1:1', /must be http:\/\/<loopback address>/],
  ['imds=http://127.0.0.1:1 api=https://management.azure.com', /must be http:\/\/<loopback/],
  ['imds=http://127.0.0.1:1/path api=http://127.0.0.1:2', /no path/],
  ['imds=http://127.0.0.1:1', /needs both imds=URL and api=URL/],
  ['host=http://127.0.0.1:1 api=http://127.0.0.1:2', /is not imds=URL or api=URL/]
])('refuses MI_SMOKE_REHEARSAL=%s', (value, message) => {
  expect(() => rehearsalSettings(undefined, { MI_SMOKE_REHEARSAL: value })).toThrow(message)
})

test('the rehearsal rule accepts the ARM and Key Vault audiences the emulator answers for', () => {
  const settings = rehearsalSettings(
    { imds: 'http://127.0.0.1:41000/', api: 'http://127.0.0.1:41001' },
    {}
  )
  expect(settings?.imdsEndpoint).toBe('http://127.0.0.1:41000')
  expect(settings?.rule.host).toBe('127.0.0.1:41001')
  expect(settings?.rule.audiences).toEqual(expect.arrayContaining([ARM, VAULT]))
})
