/**
 * Judging the SDK cross-check: the identity @azure/identity resolved to in the app against the one
 * the run selected and the one the raw probe got.
 */
import { judgeSdkIdentity } from '../../src/diagnosis/sdk-identity-step'
import type { Observations } from '../../src/observations'

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

test('AZURE_CLIENT_ID unset: the SDK gets the system identity while a user-assigned one is selected → warn naming both and the fix', () => {
  const [report] = judgeSdkIdentity(
    observations(USER, [{ credential: 'DefaultAzureCredential', claims: segment(SYSTEM), ms: 5 }]),
    {
      identity: { kind: 'client-id', value: USER.appid }
    }
  )
  expect(report!.status).toBe('warn')
  expect(report!.detail).toContain(SYSTEM.appid)
  expect(report!.detail).toContain(USER.appid)
  expect(report!.detail).toContain(USER.oid)
  expect(report!.detail).toContain('AZURE_CLIENT_ID unset')
  expect(report!.detail).toContain(`Set the app setting AZURE_CLIENT_ID=${USER.appid}`)
})

test('a stale AZURE_CLIENT_ID while the system identity is selected → warn, remove the setting', () => {
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
  expect(report!.status).toBe('warn')
  expect(report!.detail).toMatch(/user-assigned .*userAssignedIdentities\/app-id/)
  expect(report!.detail).toContain(`Remove the app setting AZURE_CLIENT_ID (${USER.appid})`)
})

test('differs from the raw probe even when the selection cannot tell (object-id selection matched by neither)', () => {
  const [report] = judgeSdkIdentity(
    observations(SYSTEM, [{ credential: 'X', claims: segment(USER), ms: 1 }]),
    {
      identity: { kind: 'object-id', value: SYSTEM.oid }
    }
  )
  expect(report!.status).toBe('warn')
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
