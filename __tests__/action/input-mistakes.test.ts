/**
 * The mistakes people make in a workflow's `with:`, through the built action: each fails as
 * `bad-input` before anything is dispatched (the emulator sees no request) with a message that
 * names the input, the problem and the fix; a misspelt input name is a warning naming the input
 * meant, and the run goes on.
 */
import { startEmulator, type Emulator } from '../../emulator/emulator'
import { runAgainst } from '../helpers/emulator-action'

jest.setTimeout(120_000)

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator.close()
})

const SUB = '3f2a4c1d-8b7e-4d6f-9a0b-1c2d3e4f5a6b'
const VM_ID = `/subscriptions/${SUB}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/web-1`
const CLIENT_ID = '6f3e2b1a-0c4d-4e5f-8a9b-1c2d3e4f5a6b'

/** input, value, what the one error must say. */
const MISTAKES: Array<[string, string, string, RegExp[]]> = [
  [
    'a portal URL where a resource ID belongs',
    'targets',
    `vm:https://portal.azure.com/#@contoso.onmicrosoft.com/resource${VM_ID}/overview`,
    [/is a portal URL/, new RegExp(`the resource ID in it is ${VM_ID}: write "vm:${VM_ID}"`)]
  ],
  [
    'a bare portal URL as a target',
    'targets',
    `https://portal.azure.com/#@contoso.onmicrosoft.com/resource${VM_ID}/identity`,
    [new RegExp(`the resource ID in it is ${VM_ID}: write "vm:${VM_ID}"`)]
  ],
  [
    'vm:rg/name',
    'targets',
    'vm:rg-web/web-1',
    [/resource group and a name/, /az vm show -g rg-web -n web-1 --query id -o tsv/]
  ],
  [
    'a bare resource group after vm:',
    'targets',
    'vm:rg-web',
    [/az vm show -g <resource group> -n <VM name> --query id -o tsv/]
  ],
  [
    "a resource group's ID after vmss:",
    'targets',
    `vmss:/subscriptions/${SUB}/resourceGroups/rg-web`,
    [
      /is a resource group, not a scale set/,
      /az vmss show -g rg-web -n <scale set name> --query id -o tsv/
    ]
  ],
  [
    'several targets folded onto one line by YAML >',
    'targets',
    `local vm:${VM_ID}`,
    [
      /holds 2 targets separated by spaces \(YAML > folds lines into one\)/,
      /write targets: \| and one target a line/
    ]
  ],
  [
    'targets separated by commas',
    'targets',
    `vm:${VM_ID}, https://app.example.net/mi-smoke`,
    [/holds 2 targets separated by commas/, /targets: \|/]
  ],
  [
    'quotes kept around a GUID',
    'identity',
    `"${CLIENT_ID}"`,
    [/has quotes around the GUID/, new RegExp(`write ${CLIENT_ID} without them`)]
  ],
  [
    'a GUID of the wrong length',
    'identity',
    '6f3e2b1a-0c4d-4e5f-8a9b',
    [/a GUID of the wrong length: it has 20 hex digits in groups 8-4-4-4/, /12 digits are missing/]
  ],
  [
    'a GUID of the wrong length in expected-principal-id',
    'expected-principal-id',
    '6f3e2b1a-0c4d-4e5f-8a9b-1c2d3e4f5a6',
    [/wrong length: it has 31 hex digits/, /1 digits are missing/]
  ],
  [
    "an identity's friendly name",
    'identity',
    'id-web',
    [
      /looks like the name of an identity/,
      /az identity show -g <resource group> -n id-web --query clientId -o tsv/
    ]
  ],
  [
    "an identity's group and name",
    'identity',
    'rg-web/id-web',
    [/az identity show -g rg-web -n id-web --query clientId -o tsv/]
  ],
  [
    'a portal URL for an identity',
    'identity',
    `https://portal.azure.com/#@contoso/resource/subscriptions/${SUB}/resourceGroups/rg-web/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-web/overview`,
    [
      new RegExp(
        `the resource ID in it is /subscriptions/${SUB}/resourceGroups/rg-web/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-web: write that`
      )
    ]
  ],
  ['an unknown sdk-identity', 'sdk-identity', 'strict', [/is not one of fail, warn, off/]]
]

test.each(MISTAKES)('%s', async (_name, input, value, patterns) => {
  emulator.clearRequests()
  const run = await runAgainst(emulator, { [input]: value })
  expect(run.code).toBe(1)
  expect(run.outputs['failure-mode']).toBe('bad-input')
  const errors = run.annotations.filter(a => a.level === 'error')
  expect(errors).toHaveLength(1)
  const message = errors[0]!.message
  expect(message).toContain(`Input '${input}'`)
  expect(message).toContain('Example of a valid value')
  for (const pattern of patterns) expect(message).toMatch(pattern)
  expect(emulator.requests).toEqual([])
})

test('an input name action.yml does not declare: a warning naming the closest one; the run goes on', async () => {
  await emulator.setScenario('healthy')
  const run = await runAgainst(emulator, { target: 'local', fail_on: 'never', colour: 'blue' })
  const warnings = run.annotations.filter(a => a.level === 'warning').map(a => a.message)
  expect(warnings).toContain(
    `Input "target" is not an input of this action: did you mean targets? Rename it in the step's with: (its value is ignored until then)`
  )
  expect(
    warnings.some(w =>
      w.startsWith('Input "fail_on" is not an input of this action: did you mean fail-on?')
    )
  ).toBe(true)
  expect(
    warnings.some(w =>
      w.startsWith(
        'Input "colour" is not an input of this action: the inputs are targets, identity'
      )
    )
  ).toBe(true)
  // Declared inputs are never warned about, and the run itself is unaffected.
  expect(warnings.filter(w => w.includes('is not an input'))).toHaveLength(3)
  expect(run.outputs['result']).toBe('pass')
})
