/**
 * Rehearsal: the one setting (MI_SMOKE_REHEARSAL, or the `rehearsal` option) that points the smoke
 * endpoint at the emulator. Without it the emulator is refused; with it the probe passes against the
 * emulator; a setting off loopback is refused when the handler is made.
 */
import { startEmulator, type Emulator } from '../../emulator/emulator'
import { createSmokeHandler } from '../../packages/smoke-endpoint/src/handler-core'
import {
  parseRehearsalSetting,
  rehearsalSettings
} from '../../packages/smoke-endpoint/src/rehearsal'
import type { SmokeRequest } from '../../packages/smoke-endpoint/src/public'

const KEY = 'rehearsal-test-key-0123456789'
const ARM = 'https://management.azure.com/'
const VAULT = 'https://vault.azure.net'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => emulator.close())

const quiet = (): void => undefined

function request(
  checks?: Array<{ url: string; resource: string }>,
  imdsEndpoint?: string
): SmokeRequest {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-mi-smoke-key': KEY },
    body: JSON.stringify({
      v: 1,
      nonce: 'nonce-rehearsal-0001',
      identity: { kind: 'system' },
      checks: checks ?? [
        {
          url: `${emulator.apiUrl}/subscriptions/{subscriptionId}/resourcegroups?api-version=2021-04-01`,
          resource: ARM
        },
        { url: `${emulator.apiUrl}/secrets?api-version=7.4`, resource: VAULT }
      ],
      timeoutMs: 5000,
      imdsEndpoint: imdsEndpoint ?? emulator.imdsUrl
    })
  }
}

test('without a rehearsal setting the emulator is refused and nothing is called', async () => {
  emulator.clearRequests()
  const answer = await createSmokeHandler({ key: KEY, env: {}, sdkCheck: false })(request())
  expect(answer.status).toBe(403)
  expect(answer.body).toMatch(/imdsEndpoint .* is not allowed/)
  // The refusal names the setting that is missing.
  expect(answer.body).toMatch(/set MI_SMOKE_REHEARSAL='imds=URL api=URL'/)
  expect(emulator.requests).toEqual([])
})

test('without a rehearsal setting a loopback check is refused naming the setting', async () => {
  const answer = await createSmokeHandler({
    key: KEY,
    env: {},
    sdkCheck: false,
    imdsEndpoints: [emulator.imdsUrl]
  })(request())
  expect(answer.status).toBe(403)
  expect(answer.body).toMatch(/checks\[0\] refused, nothing was called: .*MI_SMOKE_REHEARSAL/)
})

test('a rehearsing endpoint says so when it is made', () => {
  const lines: string[] = []
  createSmokeHandler({
    key: KEY,
    env: { MI_SMOKE_REHEARSAL: `imds=${emulator.imdsUrl} api=${emulator.apiUrl}` },
    log: line => lines.push(line)
  })
  expect(lines).toEqual([
    expect.stringMatching(
      /^mi-smoke: rehearsal mode \(MI_SMOKE_REHEARSAL\): IMDS http:\/\/127\.0\.0\.1:\d+, .*off loopback are refused/
    )
  ])
  // Not rehearsing: nothing said.
  createSmokeHandler({ key: KEY, env: {}, log: line => lines.push(line) })
  expect(lines).toHaveLength(1)
})

test.each([
  [
    'a check on an Azure host',
    [{ url: 'https://management.azure.com/subscriptions?api-version=2022-12-01', resource: ARM }],
    undefined,
    /checks\[0\] refused, nothing was called: while rehearsing \(MI_SMOKE_REHEARSAL\) checks go only to loopback/
  ],
  [
    'the real IMDS',
    undefined,
    'http://169.254.169.254',
    /imdsEndpoint http:\/\/169\.254\.169\.254 is not allowed by this endpoint: while rehearsing/
  ]
])(
  'while rehearsing, %s is refused and nothing is called',
  async (_what, checks, imds, message) => {
    emulator.clearRequests()
    const handler = createSmokeHandler({
      key: KEY,
      env: { MI_SMOKE_REHEARSAL: `imds=${emulator.imdsUrl} api=${emulator.apiUrl}` },
      sdkCheck: false,
      log: quiet
    })
    const answer = await handler(request(checks, imds))
    expect(answer.status).toBe(403)
    expect(answer.body).toMatch(message)
    expect(emulator.requests).toEqual([])
  }
)

test.each(['the environment variable', 'the option'])(
  'with %s the probe runs against the emulator and passes',
  async how => {
    const setting = `imds=${emulator.imdsUrl} api=${emulator.apiUrl}`
    const options =
      how === 'the option'
        ? { env: {}, rehearsal: parseRehearsalSetting(setting) }
        : { env: { MI_SMOKE_REHEARSAL: setting } }
    const answer = await createSmokeHandler({ key: KEY, sdkCheck: false, log: quiet, ...options })(
      request()
    )
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
