import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { InputError } from '../../src/engine/inputs/action-inputs'
import { SHARD_MODE_INPUT_DEFAULTS } from '../../src/action/shards/shard-mode'
import { InputErrors } from '../../src/engine/inputs/input-errors'
import { INPUT_DEFAULTS, readInputs } from '../../src/engine/inputs/read-inputs'
import { RETRY_POLICIES } from '../../src/common/retry'
import { azureServices, sharedServiceAudiences } from '../../src/azure/services'
import { expectInputError } from '../helpers/expect-input-error'
import { OUTPUT_NAMES, SHARD_OUTPUT_NAME } from '../../src/contracts/outputs'

type Inputs = Record<string, string>
const from =
  (inputs: Inputs) =>
  (name: string): string =>
    inputs[name] ?? ''

const SUB = '00000000-1111-2222-3333-444444444444'
const GUID = '6f3e2b1a-0c4d-4e5f-8a9b-1c2d3e4f5a6b'
const OTHER_GUID = '11111111-2222-3333-4444-555555555555'

describe('readInputs: defaults', () => {
  it('every input empty gives the defaults of docs/contract.md', () => {
    expect(readInputs(from({}))).toEqual({
      targets: [{ kind: 'local', line: 'local' }],
      identity: { kind: 'system' },
      checks: [
        {
          line: 'https://management.azure.com/subscriptions/{subscriptionId}/resourcegroups?api-version=2021-04-01',
          url: 'https://management.azure.com/subscriptions/{subscriptionId}/resourcegroups?api-version=2021-04-01',
          resource: 'https://management.azure.com/',
          resourceFrom: 'host-table',
          expectedAudience: 'https://management.azure.com/',
          expect: [],
          followsWorkload: true
        }
      ],
      rbacWaitMs: 0,
      readyWaitMs: 120_000,
      timeoutMs: 10_000,
      concurrency: 50,
      failOn: 'error',
      os: 'auto',
      imdsEndpoint: 'http://169.254.169.254',
      summary: true,
      sdkIdentity: 'fail'
    })
  })

  it('the defaults written out give the same result as empty inputs', () => {
    expect(readInputs(from({ ...INPUT_DEFAULTS }))).toEqual(readInputs(from({})))
  })

  it('asks for every input of the contract and nothing else', () => {
    const asked: string[] = []
    readInputs(name => {
      asked.push(name)
      return ''
    })
    expect(asked.sort()).toEqual(Object.keys(INPUT_DEFAULTS).sort())
  })
})

describe('the default concurrency fits a fleet', () => {
  // docs/vm-targets.md: 50 VMs in one round; ARM refills 25 reads a second per subscription and
  // principal, and each running target polls its operation every RETRY_POLICIES.operationPoll.firstMs.
  it("runs 50 VMs in one round and keeps the polls within ARM's read refill rate", () => {
    const concurrency = readInputs(from({})).concurrency
    expect(Math.ceil(50 / concurrency)).toBe(1)
    expect(concurrency * (1000 / RETRY_POLICIES.operationPoll.firstMs)).toBeLessThanOrEqual(25)
  })
})

describe('action.yml agrees with the contract and readInputs', () => {
  const action = parse(readFileSync(join(__dirname, '..', '..', 'action.yml'), 'utf8')) as {
    name: string
    description: string
    branding: { icon: string; color: string }
    inputs: Record<string, { description: string; default?: string; required?: boolean }>
    outputs: Record<string, { description: string }>
    runs: { using: string; main: string }
  }

  it('declares every input with a description and the same default', () => {
    // readInputs reads the contract's inputs; readShardMode the sharding plumbing.
    const defaults: Record<string, string> = { ...INPUT_DEFAULTS, ...SHARD_MODE_INPUT_DEFAULTS }
    expect(Object.keys(action.inputs).sort()).toEqual(Object.keys(defaults).sort())
    for (const [name, spec] of Object.entries(action.inputs)) {
      expect([name, spec.default]).toEqual([name, defaults[name]])
      expect(spec.description.length).toBeGreaterThan(20)
      expect(spec.required).not.toBe(true)
    }
  })

  it('declares every output of the contract', () => {
    expect(Object.keys(action.outputs).sort()).toEqual([...OUTPUT_NAMES, SHARD_OUTPUT_NAME].sort())
    for (const spec of Object.values(action.outputs))
      expect(spec.description.length).toBeGreaterThan(10)
  })

  it('runs dist/index.js on node24 and is marketplace-ready', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
    expect(action.name.length).toBeGreaterThan(0)
    expect(action.description.length).toBeLessThan(500)
    expect(action.branding.icon).toBeTruthy()
    expect(action.branding.color).toMatch(
      /^(white|black|yellow|blue|green|orange|red|purple|gray-dark)$/
    )
  })
})

describe('readInputs: valid values', () => {
  it.each<[Inputs, Record<string, unknown>]>([
    [
      { targets: 'local\nhttp://127.0.0.1:9000/mi' },
      {
        targets: [
          { kind: 'local', line: 'local' },
          { kind: 'https', line: 'http://127.0.0.1:9000/mi', url: 'http://127.0.0.1:9000/mi' }
        ]
      }
    ],
    [{ identity: GUID }, { identity: { kind: 'client-id', value: GUID } }],
    [{ 'expected-principal-id': GUID.toUpperCase() }, { expectedPrincipalId: GUID }],
    [{ 'expected-principal-id': `object-id:${GUID}` }, { expectedPrincipalId: GUID }],
    [
      { identity: `object-id:${GUID}`, 'expected-principal-id': GUID },
      { expectedPrincipalId: GUID }
    ],
    [{ 'rbac-wait': '90s' }, { rbacWaitMs: 90_000 }],
    [{ 'rbac-wait': '60m' }, { rbacWaitMs: 3_600_000 }],
    [{ 'rbac-wait': '45' }, { rbacWaitMs: 45_000 }],
    [{ timeout: '100ms' }, { timeoutMs: 100 }],
    [{ timeout: '5m' }, { timeoutMs: 300_000 }],
    [{ timeout: '2' }, { timeoutMs: 2000 }],
    [{ concurrency: '1' }, { concurrency: 1 }],
    [{ concurrency: '256' }, { concurrency: 256 }],
    [{ 'fail-on': 'warning' }, { failOn: 'warning' }],
    [{ 'fail-on': 'NEVER' }, { failOn: 'never' }],
    [{ os: 'Linux' }, { os: 'linux' }],
    [{ os: 'windows' }, { os: 'windows' }],
    [{ 'endpoint-key': 'k3y with spaces\tand tab' }, { endpointKey: 'k3y with spaces\tand tab' }],
    [
      { 'endpoint-audience': 'api://00000000-0000-0000-0000-000000000000' },
      { endpointAudience: 'api://00000000-0000-0000-0000-000000000000' }
    ],
    [
      { 'endpoint-audience': 'https://web-1.azurewebsites.net' },
      { endpointAudience: 'https://web-1.azurewebsites.net' }
    ],
    // An app registration's client ID is a valid audience for App Service authentication.
    [{ 'endpoint-audience': GUID }, { endpointAudience: GUID }],
    [{ 'imds-endpoint': 'http://127.0.0.1:41234' }, { imdsEndpoint: 'http://127.0.0.1:41234' }],
    [{ 'imds-endpoint': 'http://127.0.0.1:41234/' }, { imdsEndpoint: 'http://127.0.0.1:41234' }],
    [{ 'imds-endpoint': 'http://[::1]:41234' }, { imdsEndpoint: 'http://[::1]:41234' }],
    [{ 'imds-endpoint': 'https://imds.example.com' }, { imdsEndpoint: 'https://imds.example.com' }],
    [{ summary: 'false' }, { summary: false }],
    [{ summary: 'False' }, { summary: false }],
    [{ summary: 'FALSE' }, { summary: false }],
    [{ summary: 'True' }, { summary: true }],
    [{ summary: 'TRUE' }, { summary: true }],
    [{ timeout: '  30s  ' }, { timeoutMs: 30_000 }]
  ])('%j', (inputs, expected) => {
    expect(readInputs(from(inputs))).toMatchObject(expected)
  })

  it('leaves the optional fields out when their inputs are empty', () => {
    const inputs = readInputs(from({}))
    expect(inputs).not.toHaveProperty('expectedPrincipalId')
    expect(inputs).not.toHaveProperty('endpointKey')
    expect(inputs).not.toHaveProperty('endpointAudience')
  })
})

describe('readInputs: every invalid input names the input, the problem and a valid example', () => {
  it.each<[string, string, RegExp]>([
    ['targets', 'remote', /not a target/],
    [
      'targets',
      `vm:/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Web/sites/a`,
      /not a virtual machine/
    ],
    ['identity', `{${GUID}}`, /braces/],
    ['identity', `client-id:${GUID}`, /without a prefix/],
    ['checks', 'https://api.example.com/x', /add resource=/],
    ['checks', 'http://management.azure.com/x', /off loopback/],
    ['expected-principal-id', 'abc', /not a GUID/],
    ['expected-principal-id', `{${GUID}}`, /braces/],
    [
      'expected-principal-id',
      `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id`,
      /resource ID; give the identity's object \(principal\) ID/
    ],
    ['rbac-wait', '-1s', /negative/],
    ['rbac-wait', '61m', /too long.*between 0ms and 60m/],
    ['rbac-wait', '1h', /hours/],
    ['rbac-wait', 'soon', /not a duration/],
    ['timeout', '50ms', /too short.*between 100ms and 5m/],
    ['timeout', '0', /too short/],
    ['timeout', '10m', /too long/],
    ['timeout', '0.5ms', /whole number of milliseconds/],
    ['concurrency', '0', /out of range; give a number from 1 to 256/],
    ['concurrency', '257', /out of range/],
    ['concurrency', '-3', /negative/],
    ['concurrency', '2.5', /not a whole number/],
    ['concurrency', 'many', /not a whole number/],
    ['concurrency', '1e2', /not a whole number/],
    ['fail-on', 'warn', /not one of error, warning, never \(did you mean warning\?\)/],
    ['fail-on', 'none', /did you mean never/],
    ['fail-on', 'always', /not one of error, warning, never$/],
    ['fail-on', 'constructor', /not one of error, warning, never$/],
    ['os', 'ubuntu', /did you mean linux/],
    ['os', 'macos', /not one of auto, linux, windows/],
    ['endpoint-audience', 'https://web-1.azurewebsites.net/.default', /scope, not an audience/],
    ['endpoint-audience', 'http://web-1.azurewebsites.net', /uses http:\/\//],
    ['imds-endpoint', '169.254.169.254', /not an absolute URL/],
    ['imds-endpoint', 'ftp://169.254.169.254', /not an http:\/\/ or https:\/\/ URL/],
    ['imds-endpoint', 'http://169.254.169.254/metadata/instance', /base URL only/],
    ['imds-endpoint', 'http://127.0.0.1:1234?x=1', /base URL only/],
    ['imds-endpoint', 'http://u:p@127.0.0.1:1234', /credentials/],
    ['summary', 'yes', /is not true or false/],
    ['summary', 'tRuE', /is not true or false/],
    ['summary', '1', /is not true or false/]
  ])('%s = %j', (input, value, problem) => {
    const error = expectInputError(() => readInputs(from({ [input]: value })), input, problem)
    expect(error).not.toBeInstanceOf(InputErrors)
    // The example is valid for that input.
    expect(() => readInputs(from({ [input]: error.example }))).not.toThrow()
  })

  it('an expected-principal-id that contradicts identity object-id: is refused', () => {
    const error = expectInputError(
      () =>
        readInputs(from({ identity: `object-id:${GUID}`, 'expected-principal-id': OTHER_GUID })),
      'expected-principal-id',
      /contradicts identity object-id:/
    )
    expect(error.example).toBe(GUID)
  })

  it('an expected-principal-id equal to the client ID in identity is refused: they are never equal', () => {
    expectInputError(
      () => readInputs(from({ identity: GUID, 'expected-principal-id': GUID.toUpperCase() })),
      'expected-principal-id',
      /is the client ID given in identity; .* object \(principal\) ID is a different GUID/
    )
    expect(
      readInputs(from({ identity: GUID, 'expected-principal-id': OTHER_GUID })).expectedPrincipalId
    ).toBe(OTHER_GUID)
  })

  it('an endpoint-key with a line break is refused without showing the key', () => {
    const secret = 'sup3r-s3cret\r\nX-Injected: 1'
    const error = expectInputError(
      () => readInputs(from({ 'endpoint-key': secret })),
      'endpoint-key',
      /line break or control character/
    )
    expect(error.message).not.toContain('sup3r')
  })

  it('an endpoint-key outside Latin-1 is refused without showing the key', () => {
    const error = expectInputError(
      () => readInputs(from({ 'endpoint-key': 'clé-🔑-hunter2' })),
      'endpoint-key',
      /outside Latin-1/
    )
    expect(error.message).not.toContain('hunter2')
  })

  it('collects every invalid input into one error that lists each', () => {
    let error: unknown
    try {
      readInputs(from({ timeout: 'forever', concurrency: '0', 'fail-on': 'warn', summary: 'yes' }))
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(InputError)
    expect(error).toBeInstanceOf(InputErrors)
    const all = error as InputErrors
    expect(all.errors.map(e => e.input)).toEqual(['timeout', 'concurrency', 'fail-on', 'summary'])
    // The aggregate reads as the first problem to code that only knows InputError.
    expect(all.input).toBe('timeout')
    expect(all.message).toMatch(/^4 inputs are invalid:\n- Input 'timeout': /)
    for (const e of all.errors) expect(all.message).toContain(e.message)
    expect(all.message.split('\n')).toHaveLength(5)
  })

  it('never evaluates input: a value that looks like code is just an invalid value', () => {
    const g = globalThis as { __miSmokeEvaluated?: boolean }
    const payloads = [
      '${{ github.token }}',
      '`touch /tmp/x`',
      '$(touch /tmp/x)',
      'globalThis.__miSmokeEvaluated = true',
      '.*+?(){}[]\\'
    ]
    for (const payload of payloads) {
      for (const input of Object.keys(INPUT_DEFAULTS)) {
        try {
          readInputs(from({ [input]: payload }))
        } catch (e) {
          expect(e).toBeInstanceOf(InputError)
        }
      }
    }
    expect(g.__miSmokeEvaluated).toBeUndefined()
  })
})

describe('endpoint-audience: no audience of a shared Azure service (derived from the service table)', () => {
  // Every audience the table names, in every cloud, in the spellings Entra ID resolves alike.
  const spellings = (audience: string): string[] => {
    const bare = audience.replace(/\/+$/, '')
    return [
      bare,
      `${bare}/`,
      `${bare}/.default`,
      `${bare}//.default`,
      bare.toUpperCase(),
      `${bare}:443/`
    ]
  }
  const cases = sharedServiceAudiences().flatMap(spellings)
  it('the table has audiences in every cloud to try', () => {
    expect(cases.length).toBeGreaterThan(100)
  })
  it.each(cases)('%s is refused', audience => {
    expectInputError(
      () => readInputs(from({ 'endpoint-audience': audience })),
      'endpoint-audience',
      /a shared Azure service: a token for it works against everything the CI principal may touch/
    )
  })
  const appIds = azureServices().flatMap(service => service.appIds ?? [])
  it.each(appIds.flatMap(id => [id, id.toUpperCase(), `api://${id}`]))(
    'the application ID %s is refused',
    audience => {
      expectInputError(
        () => readInputs(from({ 'endpoint-audience': audience })),
        'endpoint-audience',
        /shared Azure service/
      )
    }
  )
  it.each([
    'https://acct.blob.core.windows.net',
    'https://acct.documents.azure.com/',
    'https://mycluster.westeurope.kusto.windows.net',
    'https://myvault.vault.azure.net'
  ])('the URL of a resource a shared service serves (%s) is refused', audience => {
    expectInputError(
      () => readInputs(from({ 'endpoint-audience': audience })),
      'endpoint-audience',
      /shared Azure service/
    )
  })
  it.each([
    'api://mi-smoke',
    'api://contoso.onmicrosoft.com/web',
    GUID,
    'https://web-1.azurewebsites.net'
  ])("an app registration's own audience %s is accepted", audience => {
    expect(readInputs(from({ 'endpoint-audience': audience })).endpointAudience).toBe(audience)
  })
})

describe('inputs holding an invisible or control character', () => {
  it.each([
    ['targets', 'local\n  vm:/subscriptions/x\u202e', 2, 22, 'U+202E'],
    ['checks', 'https://management.azure.com/\u200b', 1, 30, 'U+200B'],
    ['identity', 'sys\u2066tem', 1, 4, 'U+2066'],
    ['timeout', '\ufeff10s', 1, 1, 'U+FEFF'],
    ['endpoint-audience', 'api://x\u200fy', 1, 8, 'U+200F'],
    ['summary', 'true\u061c', 1, 5, 'U+061C'],
    ['checks', 'https://example.com/\u{e0041}', 1, 21, 'U+E0041']
  ])('%s = %j is refused at line %d, column %d', (input, value, line, column, code) => {
    expectInputError(
      () => readInputs(from({ [input as string]: value as string })),
      input as string,
      new RegExp(`${(code as string).replace('+', '\\+')} .*at line ${line}, column ${column};`)
    )
  })
})
