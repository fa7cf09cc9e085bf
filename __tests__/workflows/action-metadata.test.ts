/**
 * action.yml is the action's public interface: it must declare exactly the inputs and outputs of
 * the contract (docs/contract.md, reproduced in the README), with the contract's defaults, run on node24
 * from the committed bundle, and carry what the GitHub Marketplace requires (name, description,
 * branding).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { OUTPUT_NAMES, SHARD_OUTPUT_NAME } from '../../src/contracts/outputs'

const root = join(__dirname, '..', '..')

/** The contract's inputs and their defaults; `undefined` where the contract describes the default in words. */
const CONTRACT_INPUTS: Record<string, string | undefined> = {
  targets: 'local',
  identity: 'system',
  checks: undefined, // "ARM: list the resource groups of the workload's subscription"
  'expected-principal-id': '',
  'rbac-wait': '0',
  'ready-wait': '2m',
  timeout: '10s',
  concurrency: undefined, // "the project's documented choice: 50 VMs run in one round" (INPUT_DEFAULTS)
  'fail-on': 'error',
  os: 'auto',
  'endpoint-key': '',
  'endpoint-audience': '',
  'imds-endpoint': 'http://169.254.169.254',
  summary: 'true',
  'sdk-identity': 'fail' // ours: what the app's SDK resolving to another identity means
}

const CONTRACT_OUTPUTS: readonly string[] = OUTPUT_NAMES

/**
 * The project's own inputs and outputs beside the contract's (the contract leaves extra ones to
 * the project): the reusable workflow's sharding plumbing. Empty by default, so a plain `uses:`
 * probes as the contract says.
 */
const PROJECT_INPUTS: Record<string, string> = { 'plan-shards': '', 'merge-reports': '' }
const PROJECT_OUTPUTS = [SHARD_OUTPUT_NAME]

interface ActionMetadata {
  name?: unknown
  description?: unknown
  author?: unknown
  branding?: { icon?: unknown; color?: unknown }
  inputs?: Record<string, { description?: unknown; default?: unknown; required?: unknown }>
  outputs?: Record<string, { description?: unknown }>
  runs?: { using?: unknown; main?: unknown; pre?: unknown; post?: unknown }
}

function readActionMetadata(): ActionMetadata {
  return parse(readFileSync(join(root, 'action.yml'), 'utf8')) as ActionMetadata
}

// The colours and a sample of the Feather icons the Marketplace accepts for `branding`.
const BRANDING_COLORS = [
  'white',
  'black',
  'yellow',
  'blue',
  'green',
  'orange',
  'red',
  'purple',
  'gray-dark'
]

describe('action.yml', () => {
  const action = readActionMetadata()

  it('declares exactly the inputs of the contract, and the project\u2019s own', () => {
    expect(Object.keys(action.inputs ?? {}).sort()).toEqual(
      Object.keys({ ...CONTRACT_INPUTS, ...PROJECT_INPUTS }).sort()
    )
  })

  it.each(Object.entries({ ...CONTRACT_INPUTS, ...PROJECT_INPUTS }))(
    'input %s has a description and the contract default',
    (name, contractDefault) => {
      const input = action.inputs?.[name]
      expect(typeof input?.description).toBe('string')
      expect(String(input?.description).trim().length).toBeGreaterThan(10)
      if (contractDefault !== undefined) {
        // An absent default and an empty one mean the same to the runner (the input reads as '').
        expect(String(input?.default ?? '')).toBe(contractDefault)
      }
      // Every input has a usable default, so none may be required: `uses:` with no `with:` must work.
      expect(input?.required === true || input?.required === 'true').toBe(false)
    }
  )

  it('declares exactly the outputs of the contract and the project\u2019s own, each with a description', () => {
    expect(Object.keys(action.outputs ?? {}).sort()).toEqual(
      [...CONTRACT_OUTPUTS, ...PROJECT_OUTPUTS].sort()
    )
    for (const name of [...CONTRACT_OUTPUTS, ...PROJECT_OUTPUTS]) {
      expect(typeof action.outputs?.[name]?.description).toBe('string')
    }
  })

  it('runs the committed bundle on node24', () => {
    expect(action.runs?.using).toBe('node24')
    expect(action.runs?.main).toBe('dist/index.js')
  })

  it('is ready for the Marketplace: name, short description, branding', () => {
    expect(typeof action.name).toBe('string')
    expect(String(action.name).length).toBeGreaterThan(0)
    expect(typeof action.description).toBe('string')
    // The Marketplace refuses to publish a release whose description is 125 characters or longer
    // ("Description must be less than 125 characters"), and it checks action.yml at the release tag.
    expect(String(action.description).length).toBeLessThan(125)
    expect(typeof action.branding?.icon).toBe('string')
    expect(BRANDING_COLORS).toContain(action.branding?.color)
  })
})
