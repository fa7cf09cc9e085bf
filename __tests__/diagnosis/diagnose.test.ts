import fc from 'fast-check'
import {
  diagnose,
  diagnoseDispatchFailure,
  isRbacDenied
} from '../../src/engine/diagnosis/diagnose'
import { DispatchError } from '../../src/engine/dispatch/workload'
import type { Observations } from '../../src/contracts/observations'
import {
  FAILURE_MODES,
  type FailureMode,
  type StepName,
  type TargetReport
} from '../../src/contracts/report'
import {
  api,
  armCheck,
  BODIES,
  CANARY,
  encodeClaims,
  KV,
  kvCheck,
  NOW_S,
  observations,
  plan,
  SUB,
  systemClaims,
  token,
  UAI_CLIENT
} from '../helpers/diagnosis-fixtures'

const noToken = { fields: undefined, shape: undefined, claims: undefined } as const
const notCalled = api({ status: undefined, attempts: 0, notCalled: 'no token' })

/** One observation set per failure mode a probe's observations can show, with where it must surface. */
const SCENARIOS: Array<
  [
    string,
    Observations,
    Partial<Parameters<typeof plan>[0]>,
    StepName,
    FailureMode,
    'fail' | 'warn'
  ]
> = [
  [
    'imds timeout',
    observations({
      instance: {
        url: 'http://169.254.169.254/metadata/instance',
        error: 'timeout',
        attempts: 1,
        ms: 10_000
      },
      tokens: [],
      apis: []
    }),
    {},
    'imds',
    'platform-unreachable',
    'fail'
  ],
  [
    'imds throttled',
    observations({
      instance: {
        url: 'http://169.254.169.254/metadata/instance',
        status: 429,
        attempts: 4,
        ms: 7000
      },
      tokens: [],
      apis: []
    }),
    {},
    'imds',
    'throttled',
    'fail'
  ],
  [
    'token throttled',
    observations({ tokens: [token({ status: 429, attempts: 4, ...noToken })], apis: [notCalled] }),
    {},
    'token',
    'throttled',
    'fail'
  ],
  [
    'no identity',
    observations({
      tokens: [token({ status: 400, body: BODIES.imdsIdentityNotFound, ...noToken })],
      apis: [notCalled]
    }),
    {},
    'token',
    'no-identity',
    'fail'
  ],
  [
    'wrong client ID',
    observations({
      tokens: [token({ status: 400, body: BODIES.imdsIdentityNotFound, ...noToken })],
      apis: [notCalled]
    }),
    { identity: { kind: 'client-id', value: UAI_CLIENT } },
    'token',
    'wrong-identity',
    'fail'
  ],
  [
    'token expired',
    observations({
      tokens: [token({ fields: { expires_on: String(NOW_S - 60) } })],
      apis: [api({ status: 401, body: BODIES.armExpired })]
    }),
    {},
    'token',
    'token-invalid',
    'fail'
  ],
  [
    'token malformed',
    observations({ tokens: [token({ ...noToken, body: '{"access_token":' })], apis: [notCalled] }),
    {},
    'token',
    'token-invalid',
    'fail'
  ],
  [
    'token about to expire',
    observations({ tokens: [token({ fields: { expires_on: String(NOW_S + 60) } })] }),
    {},
    'token',
    'token-invalid',
    'warn'
  ],
  [
    'wrong audience in token',
    observations({
      tokens: [token({ claims: encodeClaims(systemClaims({ aud: KV })) })],
      apis: [api({ status: 401, body: BODIES.armWrongAudience })]
    }),
    {},
    'token',
    'wrong-audience',
    'fail'
  ],
  [
    'wrong audience pre-flight',
    observations({ tokens: [token({ resource: KV })] }),
    { checks: [armCheck({ resource: KV, resourceFrom: 'explicit' })] },
    'api',
    'wrong-audience',
    'warn'
  ],
  [
    'role missing',
    observations({ apis: [api({ status: 403, body: BODIES.armForbidden })] }),
    {},
    'api',
    'rbac-denied',
    'fail'
  ],
  [
    'api port closed',
    observations({ apis: [api({ status: undefined, error: 'refused' })] }),
    {},
    'api',
    'egress-blocked',
    'fail'
  ],
  [
    'api other status',
    observations({ apis: [api({ status: 404, body: BODIES.armNotFound })] }),
    {},
    'api',
    'api-error',
    'fail'
  ],
  [
    'unexpandable placeholder',
    observations({
      apis: [
        api({ status: undefined, attempts: 0, notCalled: 'placeholder {subscriptionId} unknown' })
      ]
    }),
    {},
    'api',
    'bad-input',
    'fail'
  ]
]

describe('diagnose: one target report per scenario', () => {
  test.each(SCENARIOS)('%s → %s %s', (_name, obs, p, step, mode, result) => {
    const report = diagnose(obs, plan(p))
    expect(report.result).toBe(result)
    expect(report.failedStep).toBe(step)
    expect(report.failureMode).toBe(mode)
    const first = report.steps.find(s => s.status === result)
    expect(first?.remediation).toBeTruthy()
    for (const s of report.steps) {
      expect(s.detail).not.toBe('')
      expect(s.detail).not.toMatch(/[\r\n]/)
      if (s.remediation !== undefined) expect(s.remediation).not.toMatch(/[\r\n]/)
      if (s.status === 'fail' || s.status === 'warn') expect(FAILURE_MODES).toContain(s.failureMode)
      if (s.status === 'pass' || s.status === 'skip') expect(s.failureMode).toBeUndefined()
    }
  })

  test('every failure mode a probe can reveal is covered by the table above', () => {
    const covered = new Set(SCENARIOS.map(s => s[4]))
    const fromDispatch: FailureMode[] = ['dispatch-failed']
    for (const mode of FAILURE_MODES) {
      if (!fromDispatch.includes(mode)) expect(covered).toContain(mode)
    }
  })

  test('healthy: pass, every step passes, environment and probe reported, no failedStep', () => {
    const report = diagnose(observations({ probe: 'sh/curl' }), plan({ target: 'vm:/x' }))
    expect(report).toMatchObject({
      target: 'vm:/x',
      environment: 'imds',
      result: 'pass',
      probe: 'sh/curl',
      durationMs: 0
    })
    expect(report.failedStep).toBeUndefined()
    expect(report.failureMode).toBeUndefined()
    expect(report.steps.map(s => [s.step, s.status])).toEqual([
      ['imds', 'pass'],
      ['token', 'pass'],
      ['api', 'pass']
    ])
  })

  test('the first failure names the target even when later steps fail too; a warning never outranks a failure', () => {
    const obs = observations({
      tokens: [
        token({ fields: { expires_on: String(NOW_S + 60) } }),
        token({ resource: KV, status: 400, body: BODIES.imdsIdentityNotFound, ...noToken })
      ],
      apis: [api({ status: 403, body: BODIES.armForbidden }), notCalled]
    })
    obs.apis[1] = { ...notCalled, check: 1 }
    const report = diagnose(obs, plan({ checks: [armCheck(), kvCheck()] }))
    expect(report.steps.map(s => s.status)).toEqual(['pass', 'warn', 'fail', 'fail', 'skip'])
    expect(report.result).toBe('fail')
    expect(report.failedStep).toBe('token')
    expect(report.failureMode).toBe('no-identity')
  })

  test('a warning alone makes the target warn and names the warned step', () => {
    const report = diagnose(
      observations({ tokens: [token({ fields: { expires_on: String(NOW_S + 48 * 3600) } })] }),
      plan()
    )
    expect(report).toMatchObject({
      result: 'warn',
      failedStep: 'token',
      failureMode: 'token-invalid'
    })
  })

  test('a token for a check that is not in the plan still gets its step', () => {
    const report = diagnose(observations({ tokens: [token(), token({ resource: KV })] }), plan())
    expect(report.steps.filter(s => s.step === 'token').map(s => s.audience)).toEqual([
      'https://management.azure.com/',
      KV
    ])
  })

  test('an audience the probe never asked for, without an imds failure, is an incomplete probe', () => {
    const report = diagnose(observations({ tokens: [], apis: [notCalled] }), plan())
    expect(report.steps.map(s => [s.step, s.status, s.failureMode])).toEqual([
      ['imds', 'pass', undefined],
      ['token', 'fail', 'dispatch-failed'],
      ['api', 'skip', undefined]
    ])
  })

  test('placeholders are expanded in a check that was not called', () => {
    const report = diagnose(
      observations({
        instance: {
          url: 'http://169.254.169.254/metadata/instance',
          status: 500,
          attempts: 4,
          ms: 1
        },
        tokens: [],
        apis: []
      }),
      plan()
    )
    expect(report.steps[2]?.check).toBe(
      `https://management.azure.com/subscriptions/${SUB}/resourcegroups?api-version=2021-04-01`
    )
  })
  // Another schema version or nonce never reaches diagnosis: the observations validator refuses
  // it (__tests__/observations-validator.test.ts).
})

describe('diagnoseDispatchFailure', () => {
  test('dispatch fails, everything else is skipped, with message, evidence and remediation', () => {
    const error = new DispatchError(
      'Run command extension execution is in progress on web-1',
      'Wait for the other run command to finish, then run again',
      `{"error":{"code":"Conflict"}}\nBearer eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJvaWQiOiJ4In0.${CANARY}`
    )
    const report = diagnoseDispatchFailure(
      error,
      plan({
        target: 'vm:/subscriptions/s/vm',
        checks: [
          armCheck(),
          kvCheck(),
          armCheck({ url: 'https://management.azure.com/subscriptions?api-version=2020-01-01' })
        ]
      })
    )
    expect(report).toMatchObject({
      target: 'vm:/subscriptions/s/vm',
      environment: 'unknown',
      result: 'fail',
      failedStep: 'dispatch',
      failureMode: 'dispatch-failed'
    })
    expect(report.steps.map(s => [s.step, s.status])).toEqual([
      ['dispatch', 'fail'],
      ['imds', 'skip'],
      ['token', 'skip'],
      ['token', 'skip'],
      ['api', 'skip'],
      ['api', 'skip'],
      ['api', 'skip']
    ])
    const dispatch = report.steps[0]
    expect(dispatch?.detail).toMatch(
      /^Run command extension execution is in progress on web-1 \(evidence: .*Conflict/
    )
    expect(dispatch?.remediation).toBe('Wait for the other run command to finish, then run again')
    expect(JSON.stringify(report)).not.toContain(CANARY)
    expect(JSON.stringify(report)).not.toContain('eyJ0eXAi')
  })

  test('a plain Error gets a default remediation', () => {
    const report = diagnoseDispatchFailure(new Error('boom'), plan())
    expect(report.steps[0]).toMatchObject({ step: 'dispatch', status: 'fail', detail: 'boom' })
    expect(report.steps[0]?.remediation).toBeTruthy()
  })
})

describe('rbac-wait helpers', () => {
  const denied = (): TargetReport =>
    diagnose(observations({ apis: [api({ status: 403, body: BODIES.armForbidden })] }), plan())
  const granted = (): TargetReport => diagnose(observations(), plan())

  test('isRbacDenied is the question of the wait loop', () => {
    expect(isRbacDenied(denied())).toBe(true)
    expect(isRbacDenied(granted())).toBe(false)
    expect(
      isRbacDenied(
        diagnose(observations({ apis: [api({ status: undefined, error: 'refused' })] }), plan())
      )
    ).toBe(false)
    expect(isRbacDenied(diagnoseDispatchFailure(new Error('x'), plan()))).toBe(false)
  })
})

describe('sdk view from the smoke endpoint', () => {
  // The app's SDK resolving to another identity fails by default (input sdk-identity); getting no
  // token at all is a warning.
  test('matches, differs from the probe, gets no token', () => {
    const other = encodeClaims(
      systemClaims({ oid: 'ffffffff-0000-4000-8000-000000000000', appid: UAI_CLIENT })
    )
    const obs = observations({
      probe: 'handler',
      sdk: [
        { credential: 'DefaultAzureCredential', claims: encodeClaims(systemClaims()), ms: 5 },
        {
          credential: 'ManagedIdentityCredential',
          clientIdSetting: UAI_CLIENT,
          claims: other,
          ms: 5
        },
        {
          credential: 'DefaultAzureCredential',
          error: 'CredentialUnavailableError: no endpoint',
          ms: 5
        }
      ]
    })
    const report = diagnose(obs, plan())
    expect(report.sdk?.map(s => s.status)).toEqual(['pass', 'fail', 'warn'])
    expect(report.sdk?.[1]?.detail).toMatch(/another identity/)
    expect(report.sdk?.[1]?.clientIdSetting).toBe(UAI_CLIENT)
    expect(report.sdk?.[2]?.detail).toMatch(/got no token in the app: CredentialUnavailableError/)
    // The steps pass, but the app's own SDK resolves to another identity: the target fails.
    expect(report.result).toBe('fail')
    expect(report.failedStep).toBe('token')
    expect(report.failureMode).toBe('wrong-identity')
    expect(report.steps.every(step => step.status === 'pass')).toBe(true)
    const wrong = diagnose(obs, plan({ identity: { kind: 'client-id', value: UAI_CLIENT } }))
    expect(wrong.sdk?.[0]?.status).toBe('fail')
    expect(wrong.sdk?.[0]?.remediation).toMatch(new RegExp(`AZURE_CLIENT_ID=${UAI_CLIENT}`))
    // sdk-identity: warn keeps it a warning; off reports it without judging.
    expect(diagnose(obs, plan({ sdkIdentity: 'warn' })).result).toBe('warn')
    const off = diagnose(
      observations({ probe: 'handler', sdk: obs.sdk!.slice(0, 2) }),
      plan({ sdkIdentity: 'off' })
    )
    expect(off.sdk?.map(s => s.status)).toEqual(['pass', 'skip'])
    expect(off.result).toBe('pass')
  })

  test("the app's credential gets no token while the probe's does: degraded the same way", () => {
    const report = diagnose(
      observations({
        probe: 'handler',
        sdk: [
          {
            credential: 'ManagedIdentityCredential(clientId: AZURE_CLIENT_ID)',
            clientIdSetting: 'aaaaaaaa-0000-4000-8000-000000000000',
            error: 'ManagedIdentityCredential: Identity not found',
            ms: 5
          }
        ]
      }),
      plan()
    )
    expect(report.sdk?.map(s => s.status)).toEqual(['warn'])
    expect(report.steps.every(step => step.status === 'pass')).toBe(true)
    expect(report.result).toBe('warn')
    expect(report.failedStep).toBe('token')
    expect(report.failureMode).toBe('wrong-identity')
  })

  test('no sdk observations, no sdk field', () => {
    expect(diagnose(observations(), plan()).sdk).toBeUndefined()
  })
})

describe('never a token in the report', () => {
  const jwt = `eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.${encodeClaims(systemClaims())}.${CANARY}`
  const bodyArb = fc.oneof(
    fc.constant(
      `{"error":{"code":"AuthorizationFailed","message":"token ${jwt} denied over scope '/subscriptions/x'"}}`
    ),
    fc.constant(`<html><title>Proxy</title><body>Authorization: Bearer ${jwt}</body></html>`),
    fc.constant(`{"error":"invalid_request","error_description":"Identity not found ${jwt}"}`),
    fc.string().map(s => `${s}${jwt}${s}`)
  )
  test('bodies, error texts and dispatch evidence that echo a token are redacted', () => {
    fc.assert(
      fc.property(bodyArb, fc.constantFrom(400, 401, 403, 407, 500, 502), (body, status) => {
        const obs = observations({
          instance: {
            url: 'http://169.254.169.254/metadata/instance',
            status: status === 400 ? 400 : 200,
            body,
            attempts: 1,
            ms: 1
          },
          tokens: [
            token({ status, body, ...noToken }),
            token({ resource: KV, status: undefined, error: 'other', errorText: body, ...noToken })
          ],
          apis: [
            api({ status, body }),
            api({ check: 1, status: undefined, error: 'tls', errorText: body })
          ]
        })
        const text = JSON.stringify(diagnose(obs, plan({ checks: [armCheck(), kvCheck()] })))
        expect(text).not.toContain(CANARY)
        expect(text).not.toContain('eyJ0eXAi')
      }),
      { numRuns: 200 }
    )
  })

  test('a whole token sent where the claims belong is refused without quoting it', () => {
    const report = diagnose(observations({ tokens: [token({ claims: jwt })] }), plan())
    expect(report.steps[1]).toMatchObject({ status: 'fail', failureMode: 'token-invalid' })
    expect(JSON.stringify(report)).not.toContain(CANARY)
  })
})
