/**
 * Dispatch answers of the field corpus end to end: what stands between the runner and the probe
 * answered in its own words, and the built action must read who authored the answer and why. On
 * the `https://` path a front end answers the runner's POST (the runner's proxy, App Service,
 * Container Apps, Application Gateway, Front Door, API Management, ingress-nginx), replayed by the
 * emulator at `/recorded/<name>`; on the `vm:` path ARM or the run-command extension answers,
 * replayed by the emulator's compute endpoints. For each: the failed step is `dispatch`, the
 * failure mode `dispatch-failed`, the kind and the cause in words are the answer's own, and the
 * remediation says what fixes it and never a fix meant for another component.
 */
import { recordedAnswers, type RecordedAnswer } from '../../emulator/recorded'
import { startArmFleet, type ArmFleet } from '../helpers/arm-fleet'
import { runAction, type ActionRun } from '../helpers/run-action'
import { describeWithTools } from '../helpers/system-tools'
import { explain, written } from '../helpers/emulator-action'

const answers = recordedAnswers().filter(entry => entry.endpoint === 'dispatch')
const httpsAnswers = answers.filter(entry => entry.dispatch?.path === 'https')
const vmAnswers = answers.filter(entry => entry.dispatch?.path === 'vm')

const SUB = '0b1f6471-1bf0-4dda-aec3-cb9272f09590'
const VM = `/subscriptions/${SUB}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/web-1`

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any

function expectRead(entry: RecordedAnswer, target: Json, run: ActionRun, canary: string): void {
  const step = target?.steps?.find((s: Json) => s.step === 'dispatch')
  const context = `${entry.name} (${entry.source})\n${JSON.stringify(target, null, 1)}\n${explain(run)}`
  expect([context, target?.failedStep, step?.status]).toEqual([context, 'dispatch', 'fail'])
  expect([context, step.failureMode]).toEqual([context, entry.expect.failureMode])
  expect([context, step.dispatchKind]).toEqual([context, entry.expect.dispatchKind])
  expect([context, String(step.cause).includes(entry.expect.cause ?? '')]).toEqual([context, true])
  for (const phrase of entry.expect.says) {
    expect([context, phrase, step.remediation.includes(phrase)]).toEqual([context, phrase, true])
  }
  for (const phrase of entry.expect.neverSays) {
    expect([context, phrase, step.remediation.includes(phrase)]).toEqual([context, phrase, false])
  }
  // The corpus' properties hold here too: never `expect=`, and a role grant only for ARM's own
  // authorization answer (a proxy, a front end or a stopped VM is never fixed by a role).
  expect([context, /expect=/.test(step.remediation)]).toEqual([context, false])
  if (entry.expect.dispatchKind !== 'run-command-denied') {
    expect([context, /az role assignment create/.test(step.remediation)]).toEqual([context, false])
  }
  expect(written(run)).not.toContain(canary)
}

describe('the dispatch answers of the field corpus', () => {
  test('at least 10, each naming its public source, on both paths', () => {
    expect(answers.length).toBeGreaterThanOrEqual(10)
    expect(httpsAnswers.length).toBeGreaterThan(0)
    expect(vmAnswers.length).toBeGreaterThan(0)
    for (const entry of answers) {
      expect([entry.name, entry.source]).toEqual([
        entry.name,
        expect.stringMatching(/^https:\/\/|^[\w.-]+\/[\w.-]+[ #]\S/)
      ])
      expect(entry.expect.step).toBe('dispatch')
      expect(entry.expect.dispatchKind).toBeDefined()
    }
  })
})

describeWithTools(['dash', 'curl', 'openssl'], 'dispatch answers, through the built action', () => {
  let fleet: ArmFleet
  beforeAll(async () => {
    fleet = await startArmFleet()
  })
  afterAll(async () => {
    await fleet.close()
  })

  test('https:// targets: every front end is named, with its own fix (one run, one target each)', async () => {
    const emulator = fleet.emulator
    await emulator.setScenario('healthy')
    const targets = httpsAnswers.map(entry => `${emulator.apiUrl}/recorded/${entry.name}`)
    const run = await runAction({
      inputs: {
        targets: targets.join('\n'),
        checks: `https://management.azure.com/subscriptions/${SUB}/resourcegroups?api-version=2021-04-01`,
        'ready-wait': '0',
        timeout: '5s'
      },
      env: { NODE_EXTRA_CA_CERTS: fleet.tls.certPath },
      timeoutMs: 110_000
    })
    expect(run.report).toBeDefined()
    httpsAnswers.forEach((entry, i) => {
      const target = run.report.targets.find((t: Json) => t.target === targets[i])
      expectRead(entry, target, run, emulator.canary)
    })
    // Different authors never read alike.
    const causes = run.report.targets.map((t: Json) => t.steps[0].cause)
    expect(new Set(causes).size).toBeGreaterThanOrEqual(httpsAnswers.length - 3)
  }, 120_000)

  test.each(vmAnswers.map(entry => [entry.name, entry] as const))(
    'vm: %s',
    async (_name, entry) => {
      const emulator = fleet.emulator
      emulator.compute.reset()
      emulator.compute.configure({ shell: ['dash'], recordedAnswer: entry.name })
      const run = await runAction({
        inputs: {
          targets: `vm:${VM}`,
          'imds-endpoint': emulator.imdsUrl,
          checks: `${emulator.apiUrl}/subscriptions/{subscriptionId}/resourcegroups?api-version=2021-04-01 resource=https://management.azure.com/`,
          timeout: '2s'
        },
        env: fleet.env({ FAKE_AZ_MODE: '' }),
        timeoutMs: 110_000
      })
      expect(run.report).toBeDefined()
      expectRead(entry, run.report.targets[0], run, emulator.canary)
      expect(run.outputs['failure-mode']).toBe('dispatch-failed')
    },
    120_000
  )
})
