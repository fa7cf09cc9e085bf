/**
 * The other identity sources of issue 4: Azure Arc's challenge, Cloud Shell's POST, Service
 * Fabric, the legacy MSI protocol, and the workload identity token exchange over HTTPS.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { startEmulator, type Emulator } from '../../emulator/emulator'
import { legacyDate } from '../../emulator/sources/legacy-msi'
import { createSelfSignedCertificate, type SelfSignedCertificate } from '../../emulator/tls'
import { call, claimsOf, ARM, VAULT } from '../helpers/emulator-http'
import { getTokenWithSdk } from '../helpers/identity-sdk'
import { describeWithTools } from '../helpers/system-tools'

describeWithTools(['openssl'], 'emulator identity sources (HTTPS authority: openssl)', () => {
  let emulator: Emulator
  let tls: SelfSignedCertificate
  beforeAll(async () => {
    tls = createSelfSignedCertificate()
    emulator = await startEmulator({ tls })
  })
  afterAll(async () => {
    await emulator.close()
    rmSync(tls.directory, { recursive: true, force: true })
  })
  beforeEach(() => emulator.setScenario('healthy'))

  describe('Azure Arc', () => {
    const url = (extra = ''): string =>
      `${emulator.arc.env.IDENTITY_ENDPOINT}?api-version=2020-06-01&resource=${encodeURIComponent(ARM)}${extra}`

    it('challenges with a .key file, then issues a token for its contents', async () => {
      const first = await call(url(), { headers: { Metadata: 'true' } })
      expect(first.status).toBe(401)
      const realm = /^Basic realm=(.+)$/.exec(String(first.headers['www-authenticate']))?.[1]
      expect(realm).toBeDefined()
      expect(realm!.endsWith('.key')).toBe(true)
      expect(dirname(realm!)).toBe(emulator.arc.keyDirectory)
      const secret = readFileSync(realm!, 'utf8')
      const second = await call(url(), {
        headers: { Metadata: 'true', Authorization: `Basic ${secret}` }
      })
      expect(second.status).toBe(200)
      expect(claimsOf(second.json.access_token)).toMatchObject({
        aud: ARM,
        oid: emulator.identities.system.objectId
      })
      expect(typeof second.json.expires_on).toBe('string')
      // A key is good once: replaying it gets a new challenge, and the used file is gone.
      expect(existsSync(realm!)).toBe(false)
      const replay = await call(url(), {
        headers: { Metadata: 'true', Authorization: `Basic ${secret}` }
      })
      expect(replay.status).toBe(401)
    })

    it('refuses a wrong key, a missing Metadata header and another api-version', async () => {
      expect(
        (await call(url(), { headers: { Metadata: 'true', Authorization: 'Basic 0000' } })).status
      ).toBe(401)
      expect((await call(url())).status).toBe(400)
      expect(
        (await call(url().replace('2020-06-01', '2019-11-01'), { headers: { Metadata: 'true' } }))
          .status
      ).toBe(400)
    })

    it('echoes a user-assigned selection (MSAL checks it)', async () => {
      const ua = emulator.identities.userAssigned[0]!
      const first = await call(url(`&client_id=${ua.clientId}`), { headers: { Metadata: 'true' } })
      const realm = /^Basic realm=(.+)$/.exec(String(first.headers['www-authenticate']))![1]!
      const second = await call(url(`&client_id=${ua.clientId}`), {
        headers: { Metadata: 'true', Authorization: `Basic ${readFileSync(realm, 'utf8')}` }
      })
      expect(second.json).toMatchObject({ client_id: ua.clientId, msi_res_id: ua.resourceId })
    })
  })

  describe('Cloud Shell', () => {
    it('POST with a form body and Metadata: true', async () => {
      const answer = await call(emulator.cloudShell.env.MSI_ENDPOINT, {
        method: 'POST',
        headers: { Metadata: 'true', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: `resource=${encodeURIComponent(VAULT)}`
      })
      expect(answer.status).toBe(200)
      expect(claimsOf(answer.json.access_token).aud).toBe(VAULT)
    })

    it('refuses GET, a missing header and user-assigned identities', async () => {
      expect((await call(emulator.cloudShell.env.MSI_ENDPOINT)).status).toBe(405)
      expect(
        (
          await call(emulator.cloudShell.env.MSI_ENDPOINT, {
            method: 'POST',
            body: `resource=${VAULT}`
          })
        ).status
      ).toBe(400)
      const ua = await call(emulator.cloudShell.env.MSI_ENDPOINT, {
        method: 'POST',
        headers: { Metadata: 'true' },
        body: `resource=${VAULT}&client_id=x`
      })
      expect(ua.status).toBe(400)
    })

    it('@azure/identity picks Cloud Shell from MSI_ENDPOINT alone and gets a token', async () => {
      const result = await getTokenWithSdk({
        MSI_ENDPOINT: emulator.cloudShell.env.MSI_ENDPOINT,
        MI_SCOPE: `${VAULT}/.default`,
        CANARY: emulator.canary
      })
      expect(result).toMatchObject({ ok: true, signatureIsCanary: true })
      expect(result.claims.aud).toBe(VAULT)
    })
  })

  describe('Service Fabric', () => {
    const url = (): string =>
      `${emulator.serviceFabric.env.IDENTITY_ENDPOINT}?api-version=2019-07-01-preview&resource=${encodeURIComponent(ARM)}`

    it('issues a token whose expires_on is a JSON number', async () => {
      const answer = await call(url(), {
        headers: { Secret: emulator.serviceFabric.env.IDENTITY_HEADER }
      })
      expect(answer.status).toBe(200)
      expect(typeof answer.json.expires_on).toBe('number')
      expect(answer.json.expires_on).toBeGreaterThan(Date.now() / 1000)
    })

    it('requires the Secret header and its api-version', async () => {
      expect((await call(url())).json.error.code).toBe('SecretHeaderNotFound')
      expect((await call(url(), { headers: { Secret: 'wrong' } })).status).toBe(401)
      expect(
        (
          await call(url().replace('2019-07-01-preview', '2019-08-01'), {
            headers: { Secret: emulator.serviceFabric.env.IDENTITY_HEADER }
          })
        ).status
      ).toBe(400)
    })
  })

  describe('legacy MSI (2017-09-01)', () => {
    const url = (extra = ''): string =>
      `${emulator.legacyMsi.env.MSI_ENDPOINT}?api-version=2017-09-01&resource=${encodeURIComponent(ARM)}${extra}`

    it('issues a token with expires_on as a date string; clientid selects', async () => {
      const ua = emulator.identities.userAssigned[0]!
      const answer = await call(url(`&clientid=${ua.clientId}`), {
        headers: { secret: emulator.legacyMsi.env.MSI_SECRET }
      })
      expect(answer.status).toBe(200)
      expect(answer.json.expires_on).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d (AM|PM) \+00:00$/)
      expect(claimsOf(answer.json.access_token).oid).toBe(ua.objectId)
    })

    it('formats dates like App Service on Windows', () => {
      expect(legacyDate(Date.UTC(2026, 10, 26, 16, 20, 0) / 1000)).toBe(
        '11/26/2026 04:20:00 PM +00:00'
      )
      expect(legacyDate(Date.UTC(2026, 0, 2, 0, 5, 9) / 1000)).toBe('01/02/2026 12:05:09 AM +00:00')
    })

    it('requires the secret header', async () => {
      expect((await call(url())).status).toBe(401)
    })
  })

  describe('workload identity (HTTPS authority on loopback)', () => {
    const wi = (): NonNullable<Emulator['workloadIdentity']> => emulator.workloadIdentity!
    const tokenUrl = (): string => `${wi().authorityUrl}/${emulator.tenantId}/oauth2/v2.0/token`
    const form = (overrides: Record<string, string> = {}): string =>
      new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: wi().env.AZURE_CLIENT_ID,
        scope: 'https://management.azure.com/.default',
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: readFileSync(wi().env.AZURE_FEDERATED_TOKEN_FILE, 'utf8'),
        ...overrides
      }).toString()
    const post = (body: string) =>
      call(tokenUrl(), {
        method: 'POST',
        ca: tls.cert,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body
      })

    it('is https on 127.0.0.1 and exposes the AKS variables', () => {
      expect(wi().authorityUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
      expect(wi().env.AZURE_AUTHORITY_HOST).toBe(`${wi().authorityUrl}/`)
      expect(wi().env.AZURE_TENANT_ID).toBe(emulator.tenantId)
      // The projected service account token is a credential too: it carries the canary.
      expect(
        readFileSync(wi().env.AZURE_FEDERATED_TOKEN_FILE, 'utf8').endsWith(emulator.canary)
      ).toBe(true)
    })

    it('exchanges the federated token for an access token of the user-assigned identity', async () => {
      const answer = await post(form())
      expect(answer.status).toBe(200)
      expect(typeof answer.json.expires_in).toBe('number')
      const ua = emulator.identities.userAssigned[0]!
      expect(claimsOf(answer.json.access_token)).toMatchObject({
        aud: 'https://management.azure.com/',
        oid: ua.objectId,
        appid: ua.clientId
      })
    })

    it('refuses a wrong assertion, an unknown client, a bad grant and a scope without /.default', async () => {
      const wrong = await post(form({ client_assertion: 'a.b.c' }))
      expect(wrong.status).toBe(400)
      expect(wrong.json.error_description).toMatch(/^AADSTS70021/)
      const client = await post(form({ client_id: '00000000-0000-0000-0000-00000000000a' }))
      expect(client.json.error_description).toMatch(/^AADSTS700016/)
      expect((await post(form({ grant_type: 'password' }))).json.error).toBe(
        'unsupported_grant_type'
      )
      expect((await post(form({ scope: 'https://management.azure.com/' }))).json.error).toBe(
        'invalid_scope'
      )
    })

    it('serves OpenID discovery for the tenant', async () => {
      const answer = await call(
        `${wi().authorityUrl}/${emulator.tenantId}/v2.0/.well-known/openid-configuration`,
        { ca: tls.cert }
      )
      expect(answer.json.token_endpoint).toBe(tokenUrl())
    })

    it('is refused with the identity listener (imds-refused)', async () => {
      await emulator.setScenario('imds-refused')
      await expect(post(form())).rejects.toMatchObject({ code: 'ECONNREFUSED' })
    })

    it('@azure/identity WorkloadIdentityCredential gets a token through it (NODE_EXTRA_CA_CERTS)', async () => {
      const result = await getTokenWithSdk({
        ...wi().env,
        NODE_EXTRA_CA_CERTS: tls.certPath,
        MI_CREDENTIAL: 'WorkloadIdentityCredential',
        MI_SCOPE: 'https://management.azure.com/.default',
        MI_CHECK_URL: `${emulator.apiUrl}/subscriptions/${emulator.subscriptionId}/resourcegroups?api-version=2021-04-01`,
        CANARY: emulator.canary
      })
      expect(result).toMatchObject({ ok: true, signatureIsCanary: true, checkStatus: 200 })
      expect(result.claims.oid).toBe(emulator.identities.userAssigned[0]!.objectId)
      expect(result.output).not.toContain(emulator.canary)
    })
  })
})
