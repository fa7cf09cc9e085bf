/**
 * The probe specification (docs/probe-spec.md) as one conformance table: every case is run by each
 * of the three probes (the TypeScript probe in-process, probe.sh under each shell and client,
 * probe.ps1 under pwsh) against the emulator, and asserts the same observations. A rule changes
 * here once, and all three suites hold every probe to it.
 */
import type { Emulator, ScenarioName, ScenarioSettings } from '../../emulator/emulator'
import { BODY_LIMIT, type Observations } from '../../src/contracts/observations'
import type { ProbeRequest } from '../../src/contracts/probe-request'
import { NO_TOKEN } from '../../src/node-probe/run-probe'

export const ARM = 'https://management.azure.com/'
/**
 * How much of an answer's body a probe keeps: a VM probe's whole answer travels back in
 * run-command's 4,096 bytes of output, so it keeps 300 characters a body; the in-process probe
 * keeps BODY_LIMIT.
 */
export function bodyCut(probe: ProbeUnderTest): number {
  return probe.name === 'local' ? BODY_LIMIT : 300
}
export const VAULT = 'https://vault.azure.net'

/** Which probe runs a case: some clients cannot observe everything (said per case). */
export interface ProbeUnderTest {
  /** `probe` of its observations: local, sh/curl, sh/wget, sh/python3, powershell. */
  name: string
}

export interface ConformanceCase {
  /** The rule, as docs/probe-spec.md words it. */
  rule: string
  scenario: ScenarioName | Partial<ScenarioSettings>
  /** The request, from the suite's usual one (system identity, one ARM check). */
  request?(base: ProbeRequest, emulator: Emulator): ProbeRequest
  /** Environment of the probe's process (a proxy the VM has, ...). */
  env?: Record<string, string>
  timeoutMs?: number
  expect(
    obs: Observations,
    context: { emulator: Emulator; probe: ProbeUnderTest; ms: number }
  ): void
}

function claims(segment: string | undefined): Record<string, unknown> {
  if (segment === undefined) throw new Error('no claims')
  return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as Record<string, unknown>
}

const armCheck = (emulator: Emulator): ProbeRequest['checks'][number] => ({
  url: `${emulator.apiUrl}/subscriptions/{subscriptionId}/resourcegroups?api-version=2021-04-01`,
  resource: ARM
})

export const PROBE_CONFORMANCE: ConformanceCase[] = [
  {
    rule: 'healthy: instance metadata, one token per audience with its claims, every check called with {subscriptionId} expanded',
    scenario: 'healthy',
    request: (base, emulator) => ({
      ...base,
      checks: [
        armCheck(emulator),
        { url: `${emulator.apiUrl}/secrets?api-version=7.4`, resource: VAULT }
      ]
    }),
    expect(obs, { emulator }) {
      expect(obs.source).toBe('imds')
      expect(obs.instance?.status).toBe(200)
      expect(obs.meta?.subscriptionId).toBe(emulator.subscriptionId)
      expect(obs.meta?.resourceGroupName).toBe(emulator.resourceGroup)
      expect(obs.meta?.resourceId).toBe(emulator.vmResourceId)
      expect(obs.tokens.map(t => [t.resource, t.status, t.shape])).toEqual([
        [ARM, 200, 'jwt'],
        [VAULT, 200, 'jwt']
      ])
      expect(String(obs.tokens[0]!.fields?.['expires_on'])).toMatch(/^\d+$/)
      expect(obs.tokens[0]!.fields).not.toHaveProperty('access_token')
      const first = claims(obs.tokens[0]!.claims)
      expect(first['aud']).toBe(ARM)
      expect(first['oid']).toBe(emulator.identities.system.objectId)
      expect(first['xms_mirid']).toBe(emulator.vmResourceId)
      expect(obs.apis.map(a => [a.check, a.status])).toEqual([
        [0, 200],
        [1, 200]
      ])
      expect(obs.apis[0]!.url).toBe(
        `${emulator.apiUrl}/subscriptions/${emulator.subscriptionId}/resourcegroups?api-version=2021-04-01`
      )
      // Whole milliseconds, within the time given.
      for (const exchange of [obs.instance!, ...obs.tokens, ...obs.apis]) {
        expect(Number.isInteger(exchange.ms)).toBe(true)
        expect(exchange.ms).toBeGreaterThanOrEqual(0)
        expect(exchange.ms).toBeLessThan(3000)
      }
      // Reduced claims travel as a JWT payload segment: base64url, unpadded.
      for (const token of obs.tokens) expect(token.claims).toMatch(/^[A-Za-z0-9_-]+$/)
    }
  },
  {
    rule: 'no identity: IMDS 400 "Identity not found" is not retried, and no API call is made without a token',
    scenario: 'no-identity',
    expect(obs) {
      expect(obs.tokens[0]!.status).toBe(400)
      expect(obs.tokens[0]!.attempts).toBe(1)
      expect(obs.tokens[0]!.body).toContain('Identity not found')
      expect(obs.apis[0]!.notCalled).toBe(NO_TOKEN)
      expect(obs.apis[0]!.attempts).toBe(0)
    }
  },
  {
    rule: 'a user-assigned identity asked for by client ID is sent as client_id; its refusal is kept',
    scenario: 'wrong-client-id',
    request: base => ({
      ...base,
      identity: { kind: 'client-id', value: '0badc0de-0000-4000-8000-000000000000' }
    }),
    expect(obs) {
      const token = obs.tokens[0]!
      expect(token.url).toContain('client_id=0badc0de-0000-4000-8000-000000000000')
      expect(token.status).toBe(400)
      expect(token.body).toContain('Identity not found')
    }
  },
  {
    rule: "an API's refusal is kept with its body, cut to the probe's limit (300 characters on a VM)",
    scenario: 'role-missing',
    expect(obs, { probe }) {
      const api = obs.apis[0]!
      expect(api.status).toBe(403)
      expect(api.body).toContain('AuthorizationFailed')
      expect(api.body!.length).toBeLessThanOrEqual(bodyCut(probe))
    }
  },
  {
    rule: 'a 401 is kept with its body (GNU wget keeps none: it reads a 401 as a challenge)',
    scenario: 'wrong-audience',
    expect(obs, { probe }) {
      expect(claims(obs.tokens[0]!.claims)['aud']).not.toBe(ARM)
      expect(obs.apis[0]!.status).toBe(401)
      if (probe.name !== 'sh/wget') {
        expect(obs.apis[0]!.body).toContain('InvalidAuthenticationTokenAudience')
      }
    }
  },
  {
    rule: 'a refused connection is a transport error `refused`, with no status',
    scenario: 'api-closed',
    expect(obs) {
      expect(obs.apis[0]!.status).toBeUndefined()
      expect(obs.apis[0]!.error).toBe('refused')
    }
  },
  {
    rule: 'a hung IMDS: one attempt, `timeout` after the time given (never retried), no token request',
    scenario: 'imds-hang',
    request: base => ({ ...base, timeoutMs: 700 }),
    expect(obs) {
      expect(obs.instance?.error).toBe('timeout')
      expect(obs.instance?.attempts).toBe(1)
      // The time of a request that timed out is the time it was given, not 0.
      expect(obs.instance?.ms).toBeGreaterThanOrEqual(650)
      expect(obs.instance?.ms).toBeLessThan(3000)
      expect(obs.tokens.every(t => t.attempts === 0 && t.status === undefined)).toBe(true)
    }
  },
  {
    rule: 'IMDS 429 is retried after its Retry-After, then the token comes',
    scenario: { name: 'imds-throttled', throttleCount: 2, retryAfterSeconds: 1 },
    timeoutMs: 30_000,
    expect(obs) {
      const token = obs.tokens[0]!
      expect(token.status).toBe(200)
      expect(token.attempts).toBe(3)
      expect(token.ms).toBeGreaterThanOrEqual(1900)
    }
  },
  {
    rule: 'a 2xx that is not a JSON token response is reported with the token removed and no shape, and no API call uses it',
    scenario: 'token-malformed',
    expect(obs) {
      const token = obs.tokens[0]!
      expect(token.status).toBe(200)
      expect(token.shape).toBeUndefined()
      // The value is replaced by a marker (`[removed]` on a VM, the redactor's `[redacted]` in process).
      expect(token.body).toMatch(/"access_token":"\[(removed|redacted)\]"/)
      expect(token.body).not.toContain('eyJ')
      expect(obs.apis[0]!.notCalled).toBe(NO_TOKEN)
    }
  },
  {
    rule: 'an expired token is reported with its expires_on as issued: the runner judges it',
    scenario: 'token-expired',
    expect(obs) {
      const token = obs.tokens[0]!
      expect(token.status).toBe(200)
      expect(token.shape).toBe('jwt')
      expect(Number(token.fields?.['expires_on'])).toBeLessThan(Date.now() / 1000)
    }
  },
  {
    rule: 'a bearer token never goes over plain http to a host that is not loopback',
    scenario: 'healthy',
    request: base => ({
      ...base,
      checks: [
        { url: 'http://example.invalid/subscriptions?api-version=2020-01-01', resource: ARM }
      ]
    }),
    expect(obs) {
      expect(obs.apis[0]!.notCalled).toBeDefined()
      expect(obs.apis[0]!.attempts).toBe(0)
    }
  },
  {
    rule: 'IMDS is called without any proxy, even when the workload has one',
    scenario: 'healthy',
    env: { http_proxy: 'http://127.0.0.1:9', HTTP_PROXY: 'http://127.0.0.1:9', no_proxy: '' },
    expect(obs) {
      expect(obs.instance?.status).toBe(200)
      expect(obs.tokens[0]!.status).toBe(200)
    }
  }
]

/** The suite's usual request: system identity, one ARM check, a 3 s timeout. */
export function baseRequest(emulator: Emulator): ProbeRequest {
  return {
    v: 1,
    nonce: `nonce-${Math.random().toString(36).slice(2)}`,
    identity: { kind: 'system' },
    timeoutMs: 3000,
    imdsEndpoint: emulator.imdsUrl,
    checks: [armCheck(emulator)]
  }
}

/**
 * The table as jest tests, for one probe: `run` runs it on a request (with the case's environment)
 * and returns its observations after the suite's own hygiene checks (one line, no canary, ...).
 */
export function conformanceTests(
  emulator: () => Emulator,
  probe: ProbeUnderTest,
  run: (request: ProbeRequest, env: Record<string, string>) => Promise<Observations>
): void {
  for (const c of PROBE_CONFORMANCE) {
    test(
      `spec: ${c.rule}`,
      async () => {
        const e = emulator()
        await e.setScenario(c.scenario)
        const base = baseRequest(e)
        const request = c.request ? c.request(base, e) : base
        const started = Date.now()
        const obs = await run(request, c.env ?? {})
        expect(obs.nonce).toBe(request.nonce)
        expect(obs.probe).toBe(probe.name)
        c.expect(obs, { emulator: e, probe, ms: Date.now() - started })
      },
      c.timeoutMs ?? 60_000
    )
  }
}
