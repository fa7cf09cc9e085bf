/**
 * Whatever a workflow passes, readInputs either returns inputs or throws an InputError, and does so
 * quickly: no TypeError from an unexpected shape, no regex that backtracks for seconds.
 */
import fc from 'fast-check'
import { InputError } from '../../src/engine/inputs/action-inputs'
import { INPUT_DEFAULTS, readInputs } from '../../src/engine/inputs/read-inputs'

const NAMES = Object.keys(INPUT_DEFAULTS)

/** Strings built from the pieces inputs are made of, so that random values get deep into the parsers. */
const fragment = fc.constantFrom(
  'local',
  'vm:',
  'vmss:',
  '#',
  '#3',
  '/subscriptions/',
  '00000000-1111-2222-3333-444444444444',
  '/resourceGroups/rg',
  '/providers/',
  'Microsoft.Compute/virtualMachines/',
  'Microsoft.Compute/virtualMachineScaleSets/',
  'Microsoft.ManagedIdentity/userAssignedIdentities/',
  'web-1',
  'https://',
  'http://',
  '127.0.0.1',
  '[::1]',
  'localhost',
  'management.azure.com',
  '.vault.azure.net',
  '{subscriptionId}',
  '{resourceGroup}',
  '{',
  '}',
  '${',
  '<',
  '>',
  ' resource=',
  ' expect=',
  'api://',
  '/.default',
  '200,404',
  'object-id:',
  'client-id:',
  '\n',
  '\r\n',
  ' ',
  '\t',
  '=',
  ',',
  ':',
  '?',
  '@',
  '%',
  '.',
  '-',
  '0',
  '9',
  '1.5',
  'ms',
  's',
  'm',
  'h',
  'true',
  'False',
  'warning',
  'linux',
  '\u0000',
  '\u2028',
  'é',
  '🔑',
  'a'.repeat(200),
  '9'.repeat(40)
)
const structured = fc.array(fragment, { maxLength: 30 }).map(parts => parts.join(''))
const value = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 100 }),
  structured
)

/** Reads the inputs once; returns how long it took (ms). */
function readOnce(inputs: Record<string, string>): number {
  const started = process.hrtime.bigint()
  try {
    readInputs(name => inputs[name] ?? '')
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    expect(error.input.length).toBeGreaterThan(0)
    expect(error.problem.length).toBeGreaterThan(0)
    expect(error.example.length).toBeGreaterThan(0)
  }
  return Number(process.hrtime.bigint() - started) / 1e6
}

function readsOrThrowsInputError(inputs: Record<string, string>): void {
  // A catastrophic regex takes seconds, every time. A pause of the machine (garbage collection, a
  // busy CI neighbour, the first use of ICU for a non-ASCII host) does not repeat: a slow read is
  // timed again before it counts.
  if (readOnce(inputs) < 250) return
  expect(readOnce(inputs)).toBeLessThan(250)
}

describe('readInputs with random values', () => {
  it('one random input at a time: returns or throws InputError, quickly', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), value, (name, v) => {
        readsOrThrowsInputError({ [name]: v })
      }),
      { numRuns: 3000 }
    )
  })

  it('every input random at once: returns or throws InputError, quickly', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...NAMES), value), inputs => {
        readsOrThrowsInputError(inputs)
      }),
      { numRuns: 1000 }
    )
  })

  it('long pathological values do not hang', () => {
    const long = [
      '{'.repeat(20_000),
      '{subscriptionId}'.repeat(5_000),
      `https://management.azure.com/${'a/'.repeat(20_000)}`,
      `vm:${'/x'.repeat(20_000)}`,
      '1'.repeat(50_000),
      `${'1'.repeat(15)}.${'1'.repeat(30_000)}s`,
      'local\n'.repeat(10_000),
      ` ${'resource=api://x '.repeat(5_000)}`,
      `${'::'.repeat(10_000)}1`,
      `object-id:${'-'.repeat(50_000)}`
    ]
    for (const v of long) {
      for (const name of NAMES) {
        const started = Date.now()
        try {
          readInputs(n => (n === name ? v : ''))
        } catch (error) {
          expect(error).toBeInstanceOf(InputError)
          // A value shown in a message is cut short.
          expect((error as InputError).message.length).toBeLessThan(2000)
        }
        expect(Date.now() - started).toBeLessThan(500)
      }
    }
  })
})
