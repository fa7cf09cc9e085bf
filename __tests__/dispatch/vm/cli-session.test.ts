/**
 * The runner's CLI login as ARM credentials: one `az cloud show` and one
 * `az account get-access-token --resource <the cloud's audience>` however many workloads ask at
 * once; a token asked anew only near its expiry (or after a 401); az's failures named as the az
 * path named them. The az here is a stub runner answering in azure-cli's documented shapes.
 */
import type { AzResult, AzRunner } from '../../../src/engine/dispatch/vm/az-cli'
import {
  cliCredentials,
  REFRESH_BEFORE_EXPIRY_MS
} from '../../../src/engine/dispatch/vm/arm/cli-session'

const USGOV = {
  name: 'AzureUSGovernment',
  endpoints: {
    resourceManager: 'https://management.usgovcloudapi.net/',
    activeDirectoryResourceId: 'https://management.core.usgovcloudapi.net/'
  }
}

function stubAz(answers: (args: string[]) => AzResult): { az: AzRunner; calls: string[][] } {
  const calls: string[][] = []
  const az: AzRunner = async args => {
    calls.push(args)
    return answers(args)
  }
  return { az, calls }
}

const ok = (value: unknown): AzResult => ({
  exitCode: 0,
  stdout: JSON.stringify(value),
  stderr: ''
})

test('a sovereign cloud: endpoint and audience from az cloud show; one token call for many askers', async () => {
  let n = 0
  const { az, calls } = stubAz(args =>
    args[0] === 'cloud'
      ? ok(USGOV)
      : ok({ accessToken: `token-${++n}`, expires_on: Math.floor(Date.now() / 1000) + 3600 })
  )
  const credentials = cliCredentials(async () => az)
  const tokens = await Promise.all([credentials.token(), credentials.token(), credentials.token()])
  expect(tokens).toEqual(['token-1', 'token-1', 'token-1'])
  expect((await credentials.cloud()).resourceManager.href).toBe(
    'https://management.usgovcloudapi.net/'
  )
  expect(calls.map(c => c.slice(0, 4))).toEqual([
    ['cloud', 'show', '--only-show-errors', '-o'],
    ['account', 'get-access-token', '--resource', 'https://management.core.usgovcloudapi.net/']
  ])
  // A 401 drops the token held: the next asker gets a new one.
  credentials.invalidate()
  expect(await credentials.token()).toBe('token-2')
})

test('a token within five minutes of expiry is asked for anew (expiresOn, local time, when expires_on is absent)', async () => {
  let clock = Date.parse('2026-12-02T10:00:00')
  let n = 0
  const { az } = stubAz(args =>
    args[0] === 'cloud'
      ? ok(USGOV)
      : ok({ accessToken: `token-${++n}`, expiresOn: '2026-12-02 11:00:00.000000' })
  )
  const credentials = cliCredentials(
    async () => az,
    () => clock
  )
  expect(await credentials.token()).toBe('token-1')
  clock = Date.parse('2026-12-02T11:00:00') - REFRESH_BEFORE_EXPIRY_MS - 1000
  expect(await credentials.token()).toBe('token-1')
  clock += 2000
  expect(await credentials.token()).toBe('token-2')
})

test("not logged in: az's 'Please run az login' becomes the azure/login fix", async () => {
  const { az } = stubAz(args =>
    args[0] === 'cloud'
      ? ok(USGOV)
      : { exitCode: 1, stdout: '', stderr: "ERROR: Please run 'az login' to setup account.\n" }
  )
  const error = await cliCredentials(async () => az)
    .token()
    .catch((e: unknown) => e as Error & { remediation?: string })
  expect((error as Error).message).toMatch(/not logged in/)
  expect((error as { remediation?: string }).remediation).toMatch(/azure\/login/)
})

test('a cloud without an https Resource Manager endpoint is refused before any token is asked', async () => {
  const { az, calls } = stubAz(() =>
    ok({ name: 'Custom', endpoints: { resourceManager: 'http://arm.example/' } })
  )
  await expect(cliCredentials(async () => az).token()).rejects.toThrow(
    /names no usable Resource Manager endpoint/
  )
  expect(calls.some(c => c[1] === 'get-access-token')).toBe(false)
})
