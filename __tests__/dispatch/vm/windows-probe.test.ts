/**
 * vm-probes/windows/probe.ps1 for real, under pwsh, against the emulator on loopback: the same
 * scenarios as the Linux probe (linux-probe.test.ts), the request handed over as run-command hands
 * it to a RunPowerShellScript (the named parameter `-request <base64>`). In each: what it observes,
 * that it prints one ASCII line far inside run-command's 4 KB cut, and never the token's signature
 * (the emulator's canary). What is generated and sent is checked too, and the script's safety rules
 * on its text. Windows PowerShell 5.1 compatibility is ps51-compat.test.ts.
 */
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { startEmulator, type Emulator } from '../../../emulator/emulator'
import type { ProbeRequest } from '../../../src/contracts/probe-request'
import {
  decodeUnpaddedBase64,
  unpaddedBase64,
  windowsProbeParameters
} from '../../../src/engine/dispatch/vm/probe-parameters'
import { runCommandInput } from '../../../src/engine/dispatch/vm/arm/compute'
import { describeWithTools } from '../../helpers/system-tools'
import { conformanceTests } from '../../helpers/probe-conformance'
import { WINDOWS_PROBE, claimsOf, runWindowsProbe, type ProbeRun } from '../../helpers/probe-runner'

const source = readFileSync(WINDOWS_PROBE, 'utf8')
const ARM = 'https://management.azure.com/'

describeWithTools(['pwsh'], 'probe.ps1 under pwsh against the emulator', () => {
  let emulator: Emulator
  beforeAll(async () => {
    emulator = await startEmulator()
  })
  afterAll(async () => {
    await emulator.close()
  })

  const armCheck = (): ProbeRequest['checks'][number] => ({
    url: `${emulator.apiUrl}/subscriptions/{subscriptionId}/resourcegroups?api-version=2021-04-01`,
    resource: ARM
  })

  function request(overrides: Partial<ProbeRequest> = {}): ProbeRequest {
    return {
      v: 1,
      nonce: `nonce-${Math.random().toString(36).slice(2)}`,
      identity: { kind: 'system' },
      timeoutMs: 3000,
      imdsEndpoint: emulator.imdsUrl,
      checks: [armCheck()],
      ...overrides
    }
  }

  function expectClean(run: ProbeRun, req: ProbeRequest): void {
    if (run.code !== 0 || run.stderr !== '') {
      throw new Error(`exit ${run.code}\nstderr: ${run.stderr}\nstdout: ${run.stdout}`)
    }
    expect(run.stdout).not.toContain(emulator.canary)
    expect(run.stdout.trim().split('\n')).toHaveLength(1)
    // ASCII only: non-ASCII is escaped in the JSON, so no console code page can mangle the line.
    expect(run.stdout).toMatch(/^[\x20-\x7e]*\r?\n$/)
    const audiences = new Set(req.checks.map(c => c.resource)).size
    expect(Buffer.byteLength(run.stdout)).toBeLessThan(
      audiences <= 1 && req.checks.length <= 2 ? 2048 : 3400
    )
    expect(run.observations?.nonce).toBe(req.nonce)
    expect(run.observations?.probe).toBe('powershell')
  }

  // The probe specification (docs/probe-spec.md): the same table every probe passes.
  conformanceTests(
    () => emulator,
    { name: 'powershell' },
    async (req, env) => {
      const result = await runWindowsProbe(req, { env })
      expectClean(result, req)
      return result.observations!
    }
  )

  test('healthy: the source detail names the PowerShell version it ran under', async () => {
    await emulator.setScenario('healthy')
    const req = request()
    const result = await runWindowsProbe(req)
    expectClean(result, req)
    expect(result.observations!.sourceDetail).toMatch(/PowerShell \d+\.\d+/)
  })

  test.each([
    ['client-id', 'clientId', 'client_id'],
    ['object-id', 'objectId', 'object_id'],
    ['resource-id', 'resourceId', 'msi_res_id']
  ] as const)('healthy, user-assigned by %s', async (kind, key, parameter) => {
    await emulator.setScenario('healthy')
    const value = emulator.identities.userAssigned[0]![key]
    const req = request({ identity: { kind, value } })
    const result = await runWindowsProbe(req)
    expectClean(result, req)
    const token = result.observations!.tokens[0]!
    expect(token.url).toContain(`&${parameter}=${encodeURIComponent(value)}`)
    expect(token.status).toBe(200)
    expect(claimsOf(token.claims)['appid']).toBe(emulator.identities.userAssigned[0]!.clientId)
    expect(result.observations!.apis[0]!.status).toBe(200)
  })

  test('role delayed: 403 before the assignment takes effect, 200 after (what rbac-wait waits for)', async () => {
    // Longer than pwsh's start-up under load, so the first run meets the missing role.
    const delayMs = 10_000
    const set = Date.now()
    await emulator.setScenario({ name: 'role-delayed', roleDelayMs: delayMs })
    const before = request()
    const first = await runWindowsProbe(before)
    expectClean(first, before)
    expect(first.observations!.apis[0]!.status).toBe(403)
    await new Promise(resolve => setTimeout(resolve, Math.max(0, set + delayMs + 300 - Date.now())))
    const after = request()
    const second = await runWindowsProbe(after)
    expectClean(second, after)
    expect(second.observations!.apis[0]!.status).toBe(200)
  }, 60_000)

  test('IMDS 410: retried every 10 s while IMDS is gone, then the token', async () => {
    // Gone from the scenario's start, long enough to cover pwsh's start-up and the first request
    // on a loaded machine (seen: over 8 s); how many 10 s waits that leaves depends on when pwsh
    // got there, so the rule is checked as: retried, 10 s apart, until the token came.
    await emulator.setScenario({ name: 'imds-gone', goneForMs: 20_000 })
    const req = request()
    const result = await runWindowsProbe(req)
    expectClean(result, req)
    const token = result.observations!.tokens[0]!
    expect(token.status).toBe(200)
    expect(token.attempts).toBeGreaterThanOrEqual(2)
    expect(token.ms).toBeGreaterThanOrEqual(9900 * (token.attempts - 1))
  }, 90_000)

  test('a body near the 4 KB cut: eight 403 bodies are cut short so the line still fits', async () => {
    await emulator.setScenario('role-missing')
    const req = request({
      checks: Array.from({ length: 8 }, (_, n) => ({
        url: `${emulator.apiUrl}/subscriptions/{subscriptionId}/resourcegroups?api-version=2021-04-01&n=${n}`,
        resource: ARM
      }))
    })
    const result = await runWindowsProbe(req)
    expect(result.code).toBe(0)
    expect(result.stdout).not.toContain(emulator.canary)
    // Eight bodies of 300 bytes would not fit: they are cut to 100, and the line stays whole.
    expect(Buffer.byteLength(result.stdout)).toBeLessThan(4096)
    const apis = result.observations!.apis
    expect(apis).toHaveLength(8)
    for (const api of apis) {
      expect(api.status).toBe(403)
      expect(api.body!.length).toBeLessThanOrEqual(100)
    }
  })

  test('a token goes nowhere but https or loopback http; user info and backslashes are never requested', async () => {
    await emulator.setScenario('healthy')
    const api = new URL(emulator.apiUrl)
    const req = request({
      checks: [
        { url: 'http://example.invalid/subscriptions?api-version=2020-01-01', resource: ARM },
        { url: `http://user@${api.host}/subscriptions?api-version=2020-01-01`, resource: ARM },
        { url: `http://${api.host}\\@example.invalid/x`, resource: ARM },
        { url: `https://management.azure.com\\@${api.host}/x`, resource: ARM }
      ]
    })
    emulator.clearRequests()
    const result = await runWindowsProbe(req)
    expectClean(result, req)
    const apis = result.observations!.apis
    expect(apis[0]!.notCalled).toMatch(/a token goes only over https/)
    for (const refused of apis.slice(1)) {
      expect(refused.notCalled).toMatch(/user info, a backslash/)
      expect(refused.attempts).toBe(0)
    }
    expect(emulator.requests.filter(r => r.port === 'api')).toEqual([])
  })

  test('non-ASCII values come back as \\u escapes and decode to the same text', async () => {
    await emulator.setScenario('no-identity')
    const nonce = 'n\u00e9-\u2028-\u{1F600}-end'
    const req = request({
      nonce,
      checks: [{ ...armCheck(), resource: 'https://h\u00e9.example/' }]
    })
    const result = await runWindowsProbe(req)
    expectClean(result, req)
    expect(result.stdout).toContain('\\u00e9')
    expect(result.observations!.nonce).toBe(nonce)
    expect(result.observations!.tokens[0]!.resource).toBe('https://h\u00e9.example/')
  })

  test('a request it cannot read still yields one marker line; no request at all says so', async () => {
    const bad = await runWindowsProbe(request(), { parameters: ['request=not base64!'] })
    expect(bad.stdout).toMatch(/^MI-SMOKE-OBS\/1 \{"v":1,"nonce":"",.*request undecodable/)
    const none = await runWindowsProbe(request(), { parameters: [] })
    expect(none.observations?.nonce).toBe('')
    expect(none.observations?.sourceDetail).toBe(
      'probe parameters missing: run-command gave the script no -request parameter'
    )
    const v2 = await runWindowsProbe(request(), {
      parameters: [`request=${unpaddedBase64('{"v":2}')}`]
    })
    expect(v2.observations?.sourceDetail).toBe('unsupported probe parameters: expected version 1')
  })
})

test('probe.ps1 takes one string parameter, Request, and prints one marker line', () => {
  expect(source).toMatch(
    /param\(\s*\[Parameter\(Mandatory = \$false\)\]\s*\[string\]\$Request = ''\s*\)/
  )
  expect(source).toContain("$Marker = 'MI-SMOKE-OBS/1'")
  expect(source.match(/Write-Output \(\$Marker \+ ' ' \+/g)).toHaveLength(2)
})

test('probe.ps1 runs strict, turns TLS 1.2 on, and writes JSON only through the ASCII escaper', () => {
  expect(source).toMatch(/^Set-StrictMode -Version Latest$/m)
  expect(source).toContain('[System.Net.SecurityProtocolType]::Tls12')
  const serialisations = source.split('\n').filter(l => /ConvertTo-Json -InputObject/.test(l))
  // Once in the escaper; once for the reduced claims, which are base64url-encoded right after.
  expect(serialisations).toHaveLength(2)
  expect(serialisations.some(l => l.includes('$json = ConvertTo-Json'))).toBe(true)
  expect(serialisations.some(l => l.includes('ConvertTo-Base64Url (ConvertTo-Json'))).toBe(true)
})

test('probe.ps1 never runs input and never prints the token', () => {
  expect(source).not.toMatch(/Invoke-Expression|\biex\b|\[scriptblock\]::Create|Add-Type/i)
  // Only the payload segment leaves: $parts[1]; the access token is only ever a header value.
  expect(source).toMatch(/\$fullClaims\[\$tokens\.Count\] = \$parts\[1\]/)
  const accessUses = source.split('\n').filter(l => /\$access\b/.test(l))
  for (const line of accessUses) expect(line).not.toMatch(/Write-|Out-File|Set-Content/)
  expect(source).toMatch(/if \(\$p\.Name -eq 'access_token'\) \{ continue \}/)
})

test('probe.ps1 bypasses any proxy for IMDS, sets timeouts, refuses redirects', () => {
  expect(source).toMatch(/if \(\$Mode -eq 'imds'\) \{\s*\$req\.Proxy = \$null/)
  expect(source).toContain('$req.Timeout = $script:TimeoutMs')
  expect(source).toContain('$req.ReadWriteTimeout = $script:TimeoutMs')
  expect(source).toContain('$req.AllowAutoRedirect = $false')
})

const text = fc
  .string({ unit: 'binary', maxLength: 40 })
  .filter(s => Buffer.from(s).toString() === s)

test('what is sent: request=<unpadded base64 of the request JSON>, every value intact', () => {
  fc.assert(
    fc.property(
      fc.record({
        nonce: text,
        value: text,
        timeoutMs: fc.integer({ min: 1, max: 600000 }),
        imds: text,
        checks: fc.array(fc.record({ url: text, resource: text }), { minLength: 1, maxLength: 3 })
      }),
      ({ nonce, value, timeoutMs, imds, checks }) => {
        const request: ProbeRequest = {
          v: 1,
          nonce,
          identity: { kind: 'client-id', value },
          timeoutMs,
          imdsEndpoint: imds,
          checks
        }
        const input = runCommandInput('windows', source, request)
        expect(input.commandId).toBe('RunPowerShellScript')
        expect(input.script).toEqual([source])
        // azure-cli splits `name=value` at the first `=`: the script gets -request <value>.
        const parameters = input.parameters.map(p => `${p.name}=${p.value}`)
        expect(parameters).toEqual(windowsProbeParameters(request))
        expect(parameters).toHaveLength(1)
        expect(parameters[0]).toMatch(/^request=[A-Za-z0-9+/]*$/)
        const wire = JSON.parse(decodeUnpaddedBase64(parameters[0]!.slice('request='.length)))
        expect(wire).toEqual({
          v: 1,
          nonce,
          timeoutMs,
          imdsEndpoint: imds,
          identityKind: 'client-id',
          identityValue: value,
          checks
        })
      }
    ),
    { numRuns: 1000 }
  )
})
