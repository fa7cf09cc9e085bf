/**
 * The field corpus end to end: every recorded answer of a real Azure service or identity endpoint
 * (__tests__/fixtures/field-corpus, served by the emulator) runs through the built action, and the
 * report must name the right step and failure mode, with a remediation that says what fixes it and
 * never what cannot (a role grant for a network refusal, "check the clock" when time is not the
 * cause...). API answers run up to ten checks per action run (the checks input's limit); identity
 * answers run one per action run, with the environment of their identity source.
 */
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { startEmulator, type Emulator } from '../../emulator/emulator'
import { recordedAnswers, type RecordedAnswer } from '../../emulator/recorded'
import { createSelfSignedCertificate, type SelfSignedCertificate } from '../../emulator/tls'
import { FAILURE_MODES } from '../../src/contracts/report'
import { actionNeeded, roleAllows, serviceByKey, type ServiceKey } from '../../src/azure/services'
import { isAzureBody, parseErrorBody } from '../../src/engine/diagnosis/error-body'
import { runAction, type ActionRun } from '../helpers/run-action'
import { explain, written } from '../helpers/emulator-action'

const corpus = recordedAnswers()
const apiAnswers = corpus.filter(entry => entry.endpoint === 'api')
const identityAnswers = corpus.filter(entry => entry.endpoint === 'identity')

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

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Step = any

/** What each corpus answer came to, for the properties that must hold over the whole corpus. */
interface Verdict {
  entry: RecordedAnswer
  step: Step
  /** The token step's claims in the same run (the principal, tenant and client the report knows). */
  claims?: Record<string, unknown>
}
const verdicts: Verdict[] = []

function claimsOf(run: ActionRun): Record<string, unknown> | undefined {
  const steps: Step[] = run.report?.targets?.[0]?.steps ?? []
  return steps.find(s => s.step === 'token' && s.claims !== undefined)?.claims
}

/** Whether a step's check URL is the recorded answer `name` (not one whose name starts with it). */
function checksRecorded(check: unknown, name: string): boolean {
  return typeof check === 'string' && new RegExp(`/recorded/${name}(?:[/?]|$)`).test(check)
}

function expectVerdict(entry: RecordedAnswer, step: Step | undefined, run: ActionRun): void {
  const context = `${entry.name} (${entry.source})\n${JSON.stringify(step, null, 1)}\n${explain(run)}`
  expect([context, step?.status]).toEqual([context, 'fail'])
  expect([context, step.failureMode]).toEqual([context, entry.expect.failureMode])
  for (const phrase of entry.expect.says) {
    expect([context, phrase, step.remediation.includes(phrase)]).toEqual([context, phrase, true])
  }
  for (const phrase of entry.expect.neverSays) {
    expect([context, phrase, step.remediation.includes(phrase)]).toEqual([context, phrase, false])
  }
  // Nothing of a token anywhere the action writes.
  expect(written(run)).not.toContain(emulator.canary)
}

describe('the field corpus itself', () => {
  test('at least 40 recorded answers, each with its public source and a known failure mode', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40)
    for (const entry of corpus) {
      expect([entry.name, entry.source]).toEqual([
        entry.name,
        expect.stringMatching(/^https:\/\/|^[\w.-]+\/[\w.-]+ \S/)
      ])
      expect(FAILURE_MODES).toContain(entry.expect.failureMode)
      expect(entry.expect.says.length).toBeGreaterThan(0)
    }
  })

  test('covers the services and identity sources issue #11 names', () => {
    const services = new Set(apiAnswers.map(entry => entry.service))
    for (const service of [
      'arm',
      'keyvault',
      'storage',
      'graph',
      'cognitive',
      'servicebus',
      'cosmos',
      'appconfig',
      'acr'
    ]) {
      expect([service, services.has(service)]).toEqual([service, true])
    }
    const sources = new Set(identityAnswers.map(entry => entry.identitySource))
    for (const source of ['imds', 'app-service', 'workload-identity', 'arc'] as const) {
      expect([source, sources.has(source)]).toEqual([source, true])
    }
    const classes = new Set(corpus.flatMap(entry => entry.classes))
    for (const c of [1, 2, 3]) expect(classes.has(c)).toBe(true)
  })
})

describe('API answers, through the built action', () => {
  const batches: RecordedAnswer[][] = []
  for (let i = 0; i < apiAnswers.length; i += 10) batches.push(apiAnswers.slice(i, i + 10))

  test.each(batches.map((batch, i) => [i + 1, batch] as const))(
    'batch %d',
    async (_index, batch) => {
      await emulator.setScenario('healthy')
      const checks = batch
        .map(
          entry =>
            `${emulator.apiUrl}/recorded/${entry.name}${entry.path ?? ''} resource=${entry.resource}`
        )
        .join('\n')
      const run = await runAction({
        inputs: {
          targets: 'local',
          'imds-endpoint': emulator.imdsUrl,
          checks,
          timeout: '20s'
        },
        timeoutMs: 100_000
      })
      expect(run.report).toBeDefined()
      const steps: Step[] = run.report.targets[0].steps
      for (const entry of batch) {
        const step = steps.find(s => s.step === 'api' && checksRecorded(s.check, entry.name))
        expectVerdict(entry, step, run)
        expect(step.httpStatus).toBe(entry.answer.status)
        verdicts.push({ entry, step, claims: claimsOf(run) })
      }
    },
    120_000
  )
})

describe('identity-endpoint answers, through the built action', () => {
  test.each(identityAnswers.map(entry => [entry.name, entry] as const))(
    '%s',
    async (_name, entry) => {
      await emulator.setScenario({ recordedAnswer: entry.name })
      const wi = emulator.workloadIdentity!
      const env: Record<string, string> =
        entry.identitySource === 'app-service'
          ? {
              IDENTITY_ENDPOINT: emulator.appService.endpoint,
              IDENTITY_HEADER: emulator.appService.header
            }
          : entry.identitySource === 'arc'
            ? { ...emulator.arc.env, MI_SMOKE_ARC_KEY_DIR: emulator.arc.keyDirectory }
            : entry.identitySource === 'workload-identity'
              ? { ...wi.env, NODE_EXTRA_CA_CERTS: tls.certPath }
              : {}
      const identity = entry.identity === 'WI_CLIENT' ? wi.env.AZURE_CLIENT_ID : entry.identity
      const run = await runAction({
        inputs: {
          targets: 'local',
          'imds-endpoint': emulator.imdsUrl,
          checks: `${emulator.apiUrl}/subscriptions/{subscriptionId}/resourcegroups?api-version=2021-04-01 resource=https://management.azure.com/`,
          timeout: '10s',
          ...(identity !== undefined ? { identity } : {})
        },
        env,
        timeoutMs: 100_000
      })
      expect(run.report).toBeDefined()
      const target = run.report.targets[0]
      expect([entry.name, target.failedStep]).toEqual([entry.name, entry.expect.step])
      const step = target.steps.find(
        (s: Step) => s.step === entry.expect.step && s.status === 'fail'
      )
      expectVerdict(entry, step, run)
      expect(run.outputs['failure-mode']).toBe(entry.expect.failureMode)
      verdicts.push({ entry, step, claims: claimsOf(run) })
    },
    120_000
  )
})

/**
 * Principles that hold for every answer of the corpus, whoever added it (the directory is read at
 * test time): they are what makes the diagnosis hold on answers nobody replayed yet.
 */
describe('properties over the whole corpus', () => {
  const grants =
    /az role assignment create|az keyvault set-policy|az keyvault role assignment create|az cosmosdb sql role assignment create|appRoleAssignments|\.add database|database-principal-assignment|CREATE USER/

  test('every answer of the corpus was judged through the built action', () => {
    expect(verdicts.map(v => v.entry.name).sort()).toEqual(corpus.map(e => e.name).sort())
  })

  test('no 401, 403 or 407, and no answer that states its cause, is ever told expect=', () => {
    for (const { entry, step } of verdicts) {
      const body = parseErrorBody(entry.answer.body)
      const states =
        (isAzureBody(body) || body.kind === 'json') &&
        (body.code !== undefined || body.message !== undefined)
      if ([401, 403, 407].includes(entry.answer.status) || states) {
        expect([entry.name, step.remediation]).toEqual([
          entry.name,
          expect.not.stringMatching(/expect=/)
        ])
      }
    }
  })

  test('no network-class answer is ever told to grant a role', () => {
    for (const { entry, step } of verdicts) {
      if (step.failureMode === 'egress-blocked' || step.failureMode === 'platform-unreachable') {
        expect([entry.name, step.remediation]).toEqual([
          entry.name,
          expect.not.stringMatching(grants)
        ])
      }
    }
  })

  test("every rbac-denied grant names a role the service table says allows the check's action", () => {
    const denied = verdicts.filter(v => v.step.failureMode === 'rbac-denied')
    expect(denied.length).toBeGreaterThan(10)
    for (const { entry, step } of denied) {
      const key = (step.rbac?.service ?? entry.service) as ServiceKey
      const service = serviceByKey(key)
      expect([entry.name, service]).toEqual([entry.name, expect.anything()])
      // The role the report names, or (a bare refusal) the table role its remediation names.
      const role: string | undefined =
        step.rbac?.role ?? service.roles.find(r => step.remediation.includes(r.role))?.role
      const action = actionNeeded(service, step.rbac?.action)
      expect([entry.name, role, action, roleAllows(service, role ?? '', action)]).toEqual([
        entry.name,
        role,
        action,
        true
      ])
      // ...and the remediation grants it in the service's own model.
      const named =
        step.remediation.includes(role as string) ||
        (step.rbac?.model === 'access-policy' &&
          step.remediation.includes('az keyvault set-policy'))
      expect([entry.name, role, named]).toEqual([entry.name, role, true])
      expect([entry.name, step.remediation]).toEqual([entry.name, expect.stringMatching(grants)])
    }
  })

  test('every remediation is complete for the values the report knows', () => {
    for (const { entry, step, claims } of verdicts) {
      const remediation: string = step.remediation
      const known: [string, RegExp][] = []
      const oid = step.rbac?.principalId ?? claims?.['oid']
      if (typeof oid === 'string') known.push([oid, /<principal( object)? ID>|<principal>/i])
      if (typeof claims?.['tid'] === 'string') known.push([claims['tid'], /<tenant( ID)?>/i])
      if (typeof claims?.['appid'] === 'string')
        known.push([claims['appid'], /<identity client ID>|<client ID>/i])
      if (typeof step.rbac?.scope === 'string') known.push([step.rbac.scope, /<scope>/])
      const subscription = /\/subscriptions\/([0-9a-f-]{36})/i.exec(String(step.check ?? ''))?.[1]
      if (subscription !== undefined)
        known.push([subscription, /<subscription( ID)?>|\{subscriptionId\}/i])
      const vault = /Vault: ([a-z0-9-]+);/i.exec(entry.answer.body)?.[1]
      if (vault !== undefined) known.push([vault, /<vault>/])
      for (const [value, placeholder] of known) {
        expect([entry.name, value, placeholder.exec(remediation)?.[0]]).toEqual([
          entry.name,
          value,
          undefined
        ])
      }
    }
  })
})

describe('the README agrees with the code and the corpus', () => {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8')
  const section = readme.slice(readme.indexOf('## Failure modes and their fixes'))
  const table = section.slice(0, section.indexOf('\n\n', section.indexOf('| code')))
  const rows = new Map(
    [...table.matchAll(/^\| `([a-z-]+)`\s*\|([^|]*)\|([^|]*)\|$/gm)].map(m => [
      m[1] as string,
      `${m[2]} ${m[3]}`
    ])
  )

  test("the failure-mode table lists exactly the code's failure modes", () => {
    expect([...rows.keys()].sort()).toEqual([...FAILURE_MODES].sort())
  })

  test('each network refusal of the corpus is described under egress-blocked, each identity-endpoint error under its mode', () => {
    const egress = rows.get('egress-blocked') ?? ''
    for (const entry of apiAnswers.filter(e => e.expect.failureMode === 'egress-blocked')) {
      const service = entry.service === 'cognitive' ? 'Azure AI' : undefined
      const named = {
        storage: 'Storage',
        keyvault: 'Key Vault',
        cosmos: 'Cosmos DB',
        acr: 'Container Registry',
        servicebus: 'Service Bus',
        cognitive: service
      }[entry.service as string]
      expect([entry.name, named !== undefined && egress.includes(named)]).toEqual([
        entry.name,
        true
      ])
    }
    expect(egress).toMatch(/never a role grant/)
    expect(rows.get('wrong-identity')).toMatch(/AADSTS70021/)
    expect(rows.get('wrong-identity')).toMatch(/AADSTS700016/)
    expect(rows.get('token-invalid')).toMatch(/only when the answer is about time/)
    expect(rows.get('platform-unreachable')).toMatch(/himds/)
  })

  test("each own access model of the corpus's rbac-denied answers is named under rbac-denied, and api-error never offers expect= for 401/403/407", () => {
    const rbac = rows.get('rbac-denied') ?? ''
    const named: Record<string, string> = {
      'azure-rbac': 'az role assignment create',
      'cosmos-data-plane': 'az cosmosdb sql role assignment create',
      'kusto-database-roles': 'Data Explorer database roles',
      'managedhsm-local-rbac': 'Managed HSM local RBAC',
      'sql-users': 'SQL database users',
      'graph-app-roles': 'Graph app roles'
    }
    for (const entry of apiAnswers.filter(e => e.expect.failureMode === 'rbac-denied')) {
      const model = serviceByKey(entry.service as ServiceKey).grants
      expect([entry.name, model, rbac.includes(named[model] as string)]).toEqual([
        entry.name,
        model,
        true
      ])
    }
    expect(rows.get('api-error')).toMatch(/never for 401, 403 or 407/)
    expect(rows.get('api-error')).toMatch(/az provider register/)
  })
})
