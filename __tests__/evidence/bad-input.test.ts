/**
 * Bad input: each input with several invalid values (one at a time, every other input valid) fails
 * the step with an error that names the input and gives an example, exit code 1, failure-mode
 * `bad-input` — and NOTHING is dispatched: targets of every kind are listed (local, a VM through
 * the fake az, an https endpoint), yet the emulator records no request, the fake az is never
 * called and the endpoint is never contacted.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { ACTION_ENTRY, runAction } from '../helpers/run-action'
import { recordEvidence } from './evidence-out'
import { inPool } from './run-matrix'
import { checksFor, fakeAzEnv, readAzLog, startEvidenceEmulator } from './target-kinds'

jest.setTimeout(240_000)

const SUB = '00000000-0000-0000-0000-000000000000'
const WEB_APP_ID = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Web/sites/app-1`
const VM_ID = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm-1`

/** input → values the contract rules out (docs/contract.md "Inputs", "Targets", "Checks"). */
const BAD_VALUES: Record<string, string[]> = {
  targets: [
    'ftp://app.example.net/mi-smoke',
    'http://app.example.net/mi-smoke', // http only on loopback
    'vm:not-a-resource-id',
    `vm:${WEB_APP_ID}`, // not a VM
    'localhost',
    `vm:https://portal.azure.com/#@contoso/resource${VM_ID}/overview`, // a portal URL
    'vm:rg/vm-1', // a resource group and a name
    `local vm:${VM_ID}` // YAML > folded two lines into one
  ],
  identity: [
    'not-a-guid',
    '6f3e2b1a-0c4d-4e5f-8a9b',
    'object-id:12345',
    VM_ID, // a resource ID, but not of a user-assigned identity
    '"6f3e2b1a-0c4d-4e5f-8a9b-1c2d3e4f5a6b"', // quotes kept
    'id-web' // a name
  ],
  checks: [
    'not a url',
    'ftp://management.azure.com/subscriptions?api-version=2022-12-01',
    'https://management.azure.com/subscriptions?api-version=2022-12-01 expect=abc',
    'https://management.azure.com/subscriptions?api-version=2022-12-01 colour=blue'
  ],
  'expected-principal-id': ['not-a-guid', '12345', `${VM_ID}x`],
  'rbac-wait': ['forever', '-5s', '5x', '1.5.3s'],
  'ready-wait': ['forever', '-5s'],
  timeout: ['0', '0ms', '-1s', 'abc', '10 parsecs'],
  concurrency: ['0', '-1', 'many', '1.5'],
  'fail-on': ['always', 'fatal', 'yes'],
  os: ['macos', 'ubuntu', 'linux64'],
  'endpoint-key': ['first-line\nsecond-line'],
  'endpoint-audience': [
    'https://app.example.net/.default',
    'my audience',
    'http://app.example.net'
  ],
  'imds-endpoint': [
    'not a url',
    'ftp://127.0.0.1',
    'http://127.0.0.1:1/metadata/instance',
    'http://user:secret@127.0.0.1'
  ],
  summary: ['maybe', 'yes', '2'],
  // The reusable workflow's sharding plumbing (plan mode, merge mode): refused before anything too.
  'plan-shards': ['0', '257', 'many', '2.5'],
  'merge-reports': ['/tmp/reports-without-plan-shards'],
  'sdk-identity': ['strict', 'yes']
}

const CASES = Object.entries(BAD_VALUES).flatMap(([input, values]) =>
  values.map(value => [input, value] as const)
)

interface Outcome {
  input: string
  value: string
  code: number | null
  result: string
  failureMode: string
  error: string
  emulatorRequests: number
  azCalls: number
  endpointRequests: number
  durationMs: number
  /** endpoint-key only: the (secret) value appeared in what the action wrote. */
  secretShown?: boolean
}

async function runBadInput(input: string, value: string): Promise<Outcome> {
  const emulator = await startEvidenceEmulator()
  let endpointRequests = 0
  const endpoint: Server = createServer((_req, res) => {
    endpointRequests++
    res.writeHead(500).end()
  })
  await new Promise<void>(resolve => endpoint.listen(0, '127.0.0.1', resolve))
  const dir = mkdtempSync(join(tmpdir(), 'mi-smoke-evidence-bad-'))
  try {
    const endpointUrl = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/mi-smoke`
    const valid: Record<string, string> = {
      targets: ['local', `vm:${emulator.vmResourceId}`, endpointUrl].join('\n'),
      'imds-endpoint': emulator.imdsUrl,
      checks: checksFor('local', emulator),
      timeout: '2s',
      'endpoint-key': 'a-valid-endpoint-key-0123'
    }
    // A bad target line among good ones: nothing at all may be dispatched, not even the good ones.
    const bad = input === 'targets' ? `${valid['targets']}\n${value}` : value
    const env = fakeAzEnv(dir, emulator)
    const inputs = input === CONTROL ? valid : { ...valid, [input]: bad }
    const run = await runAction({ inputs, env, timeoutMs: 60_000 })
    const errors = run.annotations.filter(a => a.level === 'error').map(a => a.message)
    const outcome: Outcome = {
      input,
      value,
      code: run.code,
      result: run.outputs['result'] ?? '',
      failureMode: run.outputs['failure-mode'] ?? '',
      error: errors.join(' | '),
      emulatorRequests: emulator.requests.length,
      azCalls: readAzLog(env['FAKE_AZ_LOG'] as string).length,
      endpointRequests,
      durationMs: run.durationMs
    }
    if (input === 'endpoint-key') {
      const written = [run.stdout, run.stderr, run.outputFile, run.summary, run.runnerTempFiles]
      outcome.secretShown = written.some(t => t.includes('first-line') || t.includes('second-line'))
    }
    return outcome
  } finally {
    await new Promise<void>(resolve => endpoint.close(() => resolve()))
    await emulator.close()
  }
}

/** The same set-up with every input valid: proves each counter sees a dispatch when there is one. */
const CONTROL = '(control: all inputs valid)'

let outcomes: Outcome[] = []
let control: Outcome | undefined
beforeAll(async () => {
  const all = await inPool(4, [
    () => runBadInput(CONTROL, ''),
    ...CASES.map(
      ([input, value]) =>
        () =>
          runBadInput(input, value)
    )
  ])
  control = all[0]
  outcomes = all.slice(1)
}, 240_000)

test('control: with valid inputs the same targets ARE dispatched (IMDS, az and the endpoint all see requests)', () => {
  expect(control?.failureMode).not.toBe('bad-input')
  expect(control?.emulatorRequests).toBeGreaterThan(0)
  expect(control?.azCalls).toBeGreaterThan(0)
  expect(control?.endpointRequests).toBeGreaterThan(0)
})

afterAll(() => {
  if (outcomes.length === 0) return
  recordEvidence(
    'badInput',
    {
      control: control ?? null,
      rows: outcomes.map(o => ({
        ...o,
        value:
          o.input === 'endpoint-key' ? '(a value with a line break; secret, not shown)' : o.value,
        held: holds(o)
      }))
    },
    ACTION_ENTRY
  )
})

function namesInput(o: Outcome): boolean {
  return new RegExp(`(^|[^a-z-])${o.input.replace(/-/g, '\\-')}([^a-z-]|$)`).test(o.error)
}

function holds(o: Outcome): boolean {
  return (
    o.code === 1 &&
    o.result === 'fail' &&
    o.failureMode === 'bad-input' &&
    namesInput(o) &&
    /example/i.test(o.error) &&
    o.emulatorRequests + o.azCalls + o.endpointRequests === 0 &&
    o.secretShown !== true
  )
}

test('the table covers every input of action.yml', () => {
  const action = parse(readFileSync(join(__dirname, '..', '..', 'action.yml'), 'utf8')) as {
    inputs: Record<string, unknown>
  }
  const inputs = Object.keys(action.inputs)
  expect(inputs.length).toBeGreaterThanOrEqual(13)
  expect(Object.keys(BAD_VALUES).sort()).toEqual([...new Set(inputs)].sort())
})

describe.each(CASES)('%s = %j', (input, value) => {
  const outcome = (): Outcome => {
    const found = outcomes.find(o => o.input === input && o.value === value)
    if (!found) throw new Error('case did not run')
    return found
  }

  test('fails with exit code 1 and failure-mode bad-input', () => {
    expect(outcome()).toMatchObject({ code: 1, result: 'fail', failureMode: 'bad-input' })
  })

  test('the error names the input and gives an example', () => {
    expect(namesInput(outcome())).toBe(true)
    expect(outcome().error).toMatch(/example/i)
  })

  test('nothing was dispatched: no IMDS/API request, no az call, no endpoint request', () => {
    expect({
      emulator: outcome().emulatorRequests,
      az: outcome().azCalls,
      endpoint: outcome().endpointRequests
    }).toEqual({ emulator: 0, az: 0, endpoint: 0 })
  })

  if (input === 'endpoint-key') {
    test('the secret value is not quoted back', () => {
      expect(outcome().secretShown).toBe(false)
    })
  }
})
