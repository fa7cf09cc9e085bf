/**
 * The emulator's trust model (docs/security.md, "The emulator"): its compute listener runs code on
 * this machine as the person rehearsing, so it accepts only the per-run runner token (minted by
 * `compute.cliToken()`, handed out by the rehearsal's `az`) and runs only the probes mi-smoke
 * ships. A neighbour on the machine holding a VM identity's token (the emulated IMDS gives one to
 * anyone, no secret needed) gets ARM's 403; a runner token with another script gets ARM's 400; in
 * neither case does anything run. Through the built action, a vm: target still passes with the
 * shipped probe, and a login whose token is not the runner's is refused before any run-command.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { request as httpsRequest } from 'node:https'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { Emulator } from '../../emulator/emulator'
import { startArmFleet, type ArmFleet } from '../helpers/arm-fleet'
import { ACTION_ENTRY, everythingWritten, runAction } from '../helpers/run-action'
import { describeWithTools } from '../helpers/system-tools'
import { probeScriptPath } from '../../src/engine/dispatch/vm/probe-script'

jest.setTimeout(120_000)

describeWithTools(['dash', 'curl', 'openssl'], 'the emulated compute listener', () => {
  let fleet: ArmFleet
  let emulator: Emulator
  let witness: string
  beforeAll(async () => {
    fleet = await startArmFleet()
    emulator = fleet.emulator
    witness = mkdtempSync(join(tmpdir(), 'mi-smoke-compute-trust-'))
  })
  afterAll(async () => {
    await fleet.close()
    rmSync(witness, { recursive: true, force: true })
  })
  beforeEach(() => emulator.compute.reset())

  const SUB = () => emulator.subscriptionId
  const vmId = () =>
    `/subscriptions/${SUB()}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/web-1`

  /** One call to the emulated ARM, as any process on the machine could make it. */
  function arm(
    method: 'GET' | 'POST',
    path: string,
    token: string,
    body?: unknown
  ): Promise<{ status: number; body: { error?: { code?: string; message?: string } } }> {
    const url = new URL(path, emulator.compute.url as string)
    return new Promise((resolve, reject) => {
      const req = httpsRequest(
        url,
        {
          method,
          ca: fleet.tls.cert,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
        },
        res => {
          let text = ''
          res.on('data', (c: Buffer) => (text += c.toString('utf8')))
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {} })
          )
        }
      )
      req.on('error', reject)
      req.end(body === undefined ? undefined : JSON.stringify(body))
    })
  }

  /** A VM identity's ARM token from the emulated IMDS: what anyone on the machine can get. */
  async function vmIdentityToken(): Promise<string> {
    const response = await fetch(
      `${emulator.imdsUrl}/metadata/identity/oauth2/token?api-version=2018-02-01&resource=${encodeURIComponent('https://management.azure.com/')}`,
      { headers: { Metadata: 'true' } }
    )
    expect(response.status).toBe(200)
    return ((await response.json()) as { access_token: string }).access_token
  }

  const runCommandPath = () => `${vmId()}/runCommand?api-version=2024-07-01`
  const hostile = () => ({
    commandId: 'RunShellScript',
    script: [`touch ${join(witness, 'ran')}`],
    parameters: []
  })

  test("a VM identity's token (from the emulated IMDS, no secret) gets ARM's 403, and nothing runs", async () => {
    const token = await vmIdentityToken()
    const run = await arm('POST', runCommandPath(), token, hostile())
    expect(run.status).toBe(403)
    expect(run.body.error?.code).toBe('AuthorizationFailed')
    expect(run.body.error?.message).toMatch(/runCommand\/action/)
    const read = await arm('GET', `${vmId()}?api-version=2024-07-01`, token)
    expect(read.status).toBe(403)
    expect(emulator.compute.runCommands).toEqual([])
    await new Promise(done => setTimeout(done, 300))
    expect(existsSync(join(witness, 'ran'))).toBe(false)
  })

  test("the runner token with a script that is not a shipped probe gets ARM's 400, and nothing runs", async () => {
    const token = emulator.compute.cliToken().accessToken
    const run = await arm('POST', runCommandPath(), token, hostile())
    expect(run.status).toBe(400)
    expect(run.body.error?.code).toBe('InvalidParameter')
    expect(run.body.error?.message).toMatch(/parameter 'script'/)
    // The shipped probe with one byte more is another script.
    const probe = readFileSync(probeScriptPath('linux'), 'utf8')
    const tampered = await arm('POST', runCommandPath(), token, {
      commandId: 'RunShellScript',
      script: [`${probe}\ntouch ${join(witness, 'ran')}`],
      parameters: []
    })
    expect(tampered.status).toBe(400)
    expect(emulator.compute.runCommands).toEqual([])
    await new Promise(done => setTimeout(done, 300))
    expect(existsSync(join(witness, 'ran'))).toBe(false)
  })

  test('the runner token with the shipped probe is accepted (202)', async () => {
    const token = emulator.compute.cliToken().accessToken
    const probe = readFileSync(probeScriptPath('linux'), 'utf8')
    const run = await arm('POST', runCommandPath(), token, {
      commandId: 'RunShellScript',
      script: [probe],
      parameters: []
    })
    expect(run).toEqual({ status: 202, body: {} })
    expect(emulator.compute.runCommands).toHaveLength(1)
  })

  describe('through the built action (vm: target)', () => {
    beforeAll(() => {
      expect(existsSync(join(dirname(ACTION_ENTRY), 'vm-probes', 'linux', 'probe.sh'))).toBe(true)
    })
    const inputs = () => ({
      targets: `vm:${vmId()}`,
      'imds-endpoint': emulator.imdsUrl,
      checks: `${emulator.apiUrl}/subscriptions/{subscriptionId}/resourcegroups?api-version=2021-04-01 resource=https://management.azure.com/`,
      timeout: '5s'
    })

    test('the rehearsal az hands out the runner token: the shipped probe runs and passes', async () => {
      await emulator.setScenario('healthy')
      const run = await runAction({ inputs: inputs(), env: fleet.env() })
      expect(run.outputs['result']).toBe('pass')
      expect(emulator.compute.runCommands).toHaveLength(1)
      expect(everythingWritten(run)).not.toContain(emulator.canary)
    })

    test("a login holding a VM identity's token instead: refused at dispatch, no run-command", async () => {
      await emulator.setScenario('healthy')
      const dir = mkdtempSync(join(tmpdir(), 'mi-smoke-foreign-login-'))
      try {
        const tokenFile = join(dir, 'token.json')
        const login = { ...emulator.compute.cliToken(), accessToken: await vmIdentityToken() }
        writeFileSync(tokenFile, JSON.stringify(login), { mode: 0o600 })
        const run = await runAction({
          inputs: inputs(),
          env: fleet.env({ FAKE_AZ_TOKEN_FILE: tokenFile })
        })
        expect(run.code).toBe(1)
        expect(run.outputs['failed-step']).toBe('dispatch')
        expect(run.stdout).toMatch(/AuthorizationFailed|does not have authorization/)
        expect(emulator.compute.runCommands).toEqual([])
        expect(everythingWritten(run)).not.toContain(emulator.canary)
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    })
  })
})
