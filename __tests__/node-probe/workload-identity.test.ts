/**
 * AKS workload identity end to end against the emulator's HTTPS authority (the probe, like
 * @azure/identity, insists on https off loopback; here the authority is https on loopback with a
 * certificate made for the test, trusted through NODE_EXTRA_CA_CERTS in a child process).
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { startEmulator } from '../../emulator/emulator'
import type { Emulator } from '../../emulator/emulator'
import type { Observations } from '../../src/contracts/observations'
import type { ProbeRequest } from '../../src/contracts/probe-request'
import { selfSignedCertificate } from '../helpers/local-servers'
import { describeWithTools } from '../helpers/system-tools'

describeWithTools(['openssl'], 'workload identity (HTTPS authority: openssl)', () => {
  const run = promisify(execFile)
  let emulator: Emulator
  let dir: string
  let caFile: string

  beforeAll(async () => {
    const certificate = selfSignedCertificate()
    dir = mkdtempSync(join(tmpdir(), 'mi-smoke-probe-wi-'))
    caFile = join(dir, 'ca.pem')
    writeFileSync(caFile, certificate.cert)
    emulator = await startEmulator({ tls: { key: certificate.key, cert: certificate.cert } })
  })
  afterAll(async () => {
    await emulator.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('exchanges the federated token at the authority and calls the API with the result', async () => {
    const wi = emulator.workloadIdentity
    if (!wi) throw new Error('the emulator started without its HTTPS authority')
    const request: ProbeRequest = {
      v: 1,
      nonce: 'n-wi',
      identity: { kind: 'system' },
      checks: [
        {
          url: `${emulator.apiUrl}/subscriptions?api-version=2022-12-01`,
          resource: 'https://management.azure.com/'
        }
      ],
      timeoutMs: 3000,
      imdsEndpoint: emulator.imdsUrl
    }
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'fixtures', 'probe-child.ts')],
      {
        cwd: join(__dirname, '..', '..'),
        env: {
          PATH: process.env.PATH,
          ...wi.env,
          NODE_EXTRA_CA_CERTS: caFile,
          MI_SMOKE_TEST_REQUEST: JSON.stringify(request)
        },
        timeout: 30_000
      }
    )
    expect(stdout).not.toContain(emulator.canary)
    const { observations, secretCount } = JSON.parse(stdout) as {
      observations: Observations
      secretCount: number
    }
    expect(observations.source).toBe('workload-identity')
    expect(observations.instance).toBeUndefined()
    expect(observations.tokens[0]).toMatchObject({ status: 200, shape: 'jwt' })
    expect(observations.tokens[0]?.url).toBe(
      `${wi.env.AZURE_AUTHORITY_HOST}${emulator.tenantId}/oauth2/v2.0/token`
    )
    const claims = JSON.parse(
      Buffer.from(observations.tokens[0]?.claims ?? '', 'base64url').toString('utf8')
    ) as Record<string, unknown>
    expect(claims.appid).toBe(wi.env.AZURE_CLIENT_ID)
    expect(observations.apis[0]?.status).toBe(200)
    // The assertion, the token and its signature were all registered as secrets.
    expect(secretCount).toBeGreaterThanOrEqual(3)
    const authority = emulator.requests.filter(r => r.port === 'authority')
    expect(authority).toHaveLength(1)
    expect(authority[0]?.method).toBe('POST')
  })
})
