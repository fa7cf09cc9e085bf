/**
 * Judging the SDK cross-check: the identity @azure/identity resolved to in the app against the one
 * the run selected and the one the raw probe got.
 */
import { judgeSdkIdentity } from '../../src/engine/diagnosis/sdk-identity-step'
import type { Observations } from '../../src/contracts/observations'

const SYSTEM = {
  appid: '11111111-1111-1111-1111-111111111111',
  oid: 'aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa',
  xms_mirid: '/subscriptions/s/resourcegroups/rg/providers/Microsoft.Web/sites/app'
}
const USER = {
  appid: '22222222-2222-2222-2222-222222222222',
  oid: 'bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb',
  xms_mirid:
    '/subscriptions/s/resourcegroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/app-id'
}

function segment(claims: object): string {
  return Buffer.from(JSON.stringify({ aud: 'https://management.azure.com/', ...claims })).toString(
    'base64url'
  )
}

function observations(probe: object, sdk: Observations['sdk']): Observations {
  return {
    v: 1,
    nonce: 'n',
    probe: 'handler',
    source: 'app-service',
    tokens: [
      {
        url: 'u',
        attempts: 1,
        ms: 1,
        resource: 'https://management.azure.com/',
        shape: 'jwt',
        claims: segment(probe)
      }
    ],
    apis: [],
    sdk
  }
}

test('the SDK resolves to the selected user-assigned identity → pass', () => {
  const [report] = judgeSdkIdentity(
    observations(USER, [
      {
        credential: 'DefaultAzureCredential',
        clientIdSetting: USER.appid,
        claims: segment(USER),
        ms: 5
      }
    ]),
    { identity: { kind: 'client-id', value: USER.appid } }
  )
  expect(report).toMatchObject({
    credential: 'DefaultAzureCredential',
    status: 'pass',
    clientIdSetting: USER.appid,
    claims: { oid: USER.oid }
  })
})

test('AZURE_CLIENT_ID unset: the SDK gets the system identity while a user-assigned one is selected → fail (by default) naming both, and a two-line fix', () => {
  const [report] = judgeSdkIdentity(
    observations(USER, [{ credential: 'DefaultAzureCredential', claims: segment(SYSTEM), ms: 5 }]),
    {
      identity: { kind: 'client-id', value: USER.appid }
    }
  )
  expect(report!.status).toBe('fail')
  expect(report!.detail).toContain(SYSTEM.appid)
  expect(report!.detail).toContain(USER.appid)
  expect(report!.detail).toContain(USER.oid)
  expect(report!.detail).toContain('AZURE_CLIENT_ID unset')
  expect(report!.remediation!.split('\n')).toEqual([
    expect.stringContaining(`set the app setting AZURE_CLIENT_ID=${USER.appid}`),
    // The SDK's token is the app's system-assigned identity: that is what to test instead.
    "Or, if the app's identity is the one meant, test that one: set the input identity: system"
  ])
})

test('sdk-identity: warn makes the same difference a warning, off only reports it', () => {
  const obs = observations(USER, [
    { credential: 'DefaultAzureCredential', claims: segment(SYSTEM), ms: 5 }
  ])
  const identity = { kind: 'client-id' as const, value: USER.appid }
  expect(judgeSdkIdentity(obs, { identity, sdkIdentity: 'warn' })[0]!.status).toBe('warn')
  expect(judgeSdkIdentity(obs, { identity, sdkIdentity: 'off' })[0]!.status).toBe('skip')
  expect(judgeSdkIdentity(obs, { identity, sdkIdentity: 'fail' })[0]!.status).toBe('fail')
})

test('a workload with no identity at all (the raw probe got no token): never advise the system-assigned identity', () => {
  const noToken: Observations = { ...observations(SYSTEM, undefined), tokens: [] }
  const [report] = judgeSdkIdentity(
    {
      ...noToken,
      sdk: [
        { credential: 'DefaultAzureCredential', error: 'No managed identity endpoint found', ms: 3 }
      ]
    },
    { identity: { kind: 'system' } }
  )
  expect(report!.status).toBe('warn')
  expect(report!.remediation).toMatch(
    /raw probe got no token either: give the workload the identity first/
  )
  expect(report!.remediation).not.toMatch(/system-assigned/)
  expect(report!.detail).not.toMatch(/system-assigned/)
})

test("a stale AZURE_CLIENT_ID while the system identity is selected → fail, remove the setting or test the app's identity", () => {
  const [report] = judgeSdkIdentity(
    observations(SYSTEM, [
      {
        credential: 'ManagedIdentityCredential(clientId: AZURE_CLIENT_ID)',
        clientIdSetting: USER.appid,
        claims: segment(USER),
        ms: 5
      }
    ]),
    { identity: { kind: 'system' } }
  )
  expect(report!.status).toBe('fail')
  expect(report!.detail).toMatch(/user-assigned .*userAssignedIdentities\/app-id/)
  expect(report!.remediation).toContain(
    `remove the app setting AZURE_CLIENT_ID (now ${USER.appid})`
  )
  expect(report!.remediation).toContain(`set the input identity: ${USER.appid}`)
})

test('differs from the raw probe even when the selection cannot tell (object-id selection matched by neither)', () => {
  const [report] = judgeSdkIdentity(
    observations(SYSTEM, [{ credential: 'X', claims: segment(USER), ms: 1 }]),
    {
      identity: { kind: 'object-id', value: SYSTEM.oid }
    }
  )
  expect(report!.status).toBe('fail')
  expect(report!.detail).toContain(`the raw probe's token belongs to client ID ${SYSTEM.appid}`)
})

test('the SDK could not get a token → warn with its error, never a token', () => {
  const [report] = judgeSdkIdentity(
    observations(SYSTEM, [
      {
        credential: 'DefaultAzureCredential',
        error:
          'ChainedTokenCredential authentication failed. eyJhbGciOiJSUzI1NiJ9.eyJvaWQiOiJ4In0.c2ln',
        ms: 5
      }
    ]),
    { identity: { kind: 'system' } }
  )
  expect(report!.status).toBe('warn')
  expect(report!.detail).toMatch(
    /got no token in the app: ChainedTokenCredential authentication failed/
  )
  expect(report!.detail).not.toContain('c2ln')
})

test('no SDK observations → no reports', () => {
  expect(
    judgeSdkIdentity(observations(SYSTEM, undefined), { identity: { kind: 'system' } })
  ).toEqual([])
})
