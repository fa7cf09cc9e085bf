import { startEmulator, type Emulator } from '../../emulator/emulator'
import { call, claimsOf, ARM, VAULT } from '../helpers/emulator-http'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(() => emulator.close())
beforeEach(() => emulator.setScenario('healthy'))

const url = (query: string): string => `${emulator.appService.endpoint}?${query}`
const hdr = (): Record<string, string> => ({ 'X-IDENTITY-HEADER': emulator.appService.header })

describe('App Service identity endpoint', () => {
  it('issues a token in the 2019-08-01 shape', async () => {
    const answer = await call(url(`resource=${VAULT}&api-version=2019-08-01`), { headers: hdr() })
    expect(answer.status).toBe(200)
    expect(Object.keys(answer.json).sort()).toEqual([
      'access_token',
      'client_id',
      'expires_on',
      'resource',
      'token_type'
    ])
    expect(typeof answer.json.expires_on).toBe('string')
    expect(answer.json.client_id).toBe(emulator.identities.system.clientId)
    expect(claimsOf(answer.json.access_token).aud).toBe(VAULT)
    expect(answer.json.access_token.split('.')[2]).toBe(emulator.canary)
  })

  it.each([
    ['client_id', (e: Emulator) => e.identities.userAssigned[0]!.clientId],
    ['principal_id', (e: Emulator) => e.identities.userAssigned[0]!.objectId],
    ['object_id', (e: Emulator) => e.identities.userAssigned[0]!.objectId],
    ['mi_res_id', (e: Emulator) => e.identities.userAssigned[0]!.resourceId]
  ])('selects a user-assigned identity by %s', async (name, value) => {
    const answer = await call(
      url(`resource=${ARM}&api-version=2019-08-01&${name}=${encodeURIComponent(value(emulator))}`),
      { headers: hdr() }
    )
    expect(answer.status).toBe(200)
    expect(claimsOf(answer.json.access_token).oid).toBe(
      emulator.identities.userAssigned[0]!.objectId
    )
  })

  it('refuses a missing or wrong X-IDENTITY-HEADER', async () => {
    expect((await call(url(`resource=${ARM}&api-version=2019-08-01`))).status).toBe(401)
    expect(
      (
        await call(url(`resource=${ARM}&api-version=2019-08-01`), {
          headers: { 'X-IDENTITY-HEADER': 'nope' }
        })
      ).status
    ).toBe(401)
  })

  it('refuses another api-version and two selectors', async () => {
    expect(
      (await call(url(`resource=${ARM}&api-version=2017-09-01`), { headers: hdr() })).status
    ).toBe(400)
    const ua = emulator.identities.userAssigned[0]!
    expect(
      (
        await call(
          url(
            `resource=${ARM}&api-version=2019-08-01&client_id=${ua.clientId}&principal_id=${ua.objectId}`
          ),
          { headers: hdr() }
        )
      ).status
    ).toBe(400)
  })

  it("answers App Service's 400 for an identity that is not assigned", async () => {
    const answer = await call(
      url(`resource=${ARM}&api-version=2019-08-01&client_id=00000000-0000-0000-0000-000000000009`),
      { headers: hdr() }
    )
    expect(answer.status).toBe(400)
    expect(answer.json).toMatchObject({
      statusCode: 400,
      message: 'Unable to load the proper Managed Identity.'
    })
  })

  it('follows the token scenarios (no-expiry, error)', async () => {
    await emulator.setScenario('token-no-expiry')
    const noExpiry = await call(url(`resource=${ARM}&api-version=2019-08-01`), { headers: hdr() })
    expect(noExpiry.json).not.toHaveProperty('expires_on')
    await emulator.setScenario('imds-error')
    expect(
      (await call(url(`resource=${ARM}&api-version=2019-08-01`), { headers: hdr() })).status
    ).toBe(500)
  })

  it('is refused with the identity listener (imds-refused)', async () => {
    await emulator.setScenario('imds-refused')
    await expect(
      call(url(`resource=${ARM}&api-version=2019-08-01`), { headers: hdr() })
    ).rejects.toMatchObject({ code: 'ECONNREFUSED' })
  })

  it('rotates IDENTITY_HEADER (Container Apps): an old header stops working, the current one works', async () => {
    await emulator.setScenario({ rotateIdentityHeaderMs: 200 })
    const old = emulator.appService.header
    await new Promise(r => setTimeout(r, 420))
    const current = emulator.appService.header
    expect(current).not.toBe(old)
    expect(
      (
        await call(url(`resource=${ARM}&api-version=2019-08-01`), {
          headers: { 'X-IDENTITY-HEADER': old }
        })
      ).status
    ).toBe(401)
    expect(
      (
        await call(url(`resource=${ARM}&api-version=2019-08-01`), {
          headers: { 'X-IDENTITY-HEADER': emulator.appService.header }
        })
      ).status
    ).toBe(200)
  })

  it('keeps one header without rotation', async () => {
    const first = emulator.appService.header
    await new Promise(r => setTimeout(r, 50))
    expect(emulator.appService.header).toBe(first)
  })
})
