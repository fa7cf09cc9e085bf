/**
 * Reads and validates every input of the contract (docs/contract.md) before anything is dispatched.
 * Every problem is collected; if there is any, one InputError is thrown that lists them all, each
 * naming the input, the problem and a valid example. Inputs are data: nothing here evaluates them
 * or builds a pattern from them.
 */
import type { IdentitySelection } from '../../contracts/probe-request'
import {
  InputError,
  type ActionInputs,
  type FailOn,
  type OsChoice,
  FAIL_ON_CHOICES,
  OS_CHOICES,
  SDK_IDENTITY_POLICIES,
  type SdkIdentityPolicy
} from './action-inputs'
import {
  firstControlCharacter,
  hasControlCharacter,
  lineAndColumn
} from '../../common/control-characters'
import { endpointAudienceProblem } from './audience-value'
import { DEFAULT_CHECK_LINE, parseChecks } from './checks'
import { READY_WAIT_DEFAULT } from './ready-wait-default'
import { parseDuration } from './durations'
import { guidProblem, parseIdentity } from './identity'
import { InputErrors } from './input-errors'
import { quoteValue } from './quote-value'
import { parseTargets } from './targets'
import { redactUserinfo } from './url-rules'

/** The inputs of action.yml with their defaults, exactly as docs/contract.md gives them. */
export const INPUT_DEFAULTS = {
  targets: 'local',
  identity: 'system',
  checks: DEFAULT_CHECK_LINE,
  'expected-principal-id': '',
  'rbac-wait': '0',
  'ready-wait': READY_WAIT_DEFAULT,
  timeout: '10s',
  // 50 VMs in one round, within ARM's request budget: docs/vm-targets.md, "Why concurrency is 50".
  concurrency: '50',
  'fail-on': 'error',
  os: 'auto',
  'endpoint-key': '',
  'endpoint-audience': '',
  'imds-endpoint': 'http://169.254.169.254',
  summary: 'true',
  'sdk-identity': 'fail'
} as const

export type InputName = keyof typeof INPUT_DEFAULTS

export const TIMEOUT_BOUNDS = { minMs: 100, maxMs: 5 * 60_000, example: '10s' }
export const RBAC_WAIT_BOUNDS = { minMs: 0, maxMs: 60 * 60_000, example: '5m' }
export const READY_WAIT_BOUNDS = { minMs: 0, maxMs: 30 * 60_000, example: '2m' }
export const MAX_CONCURRENCY = 256

const GUID_EXAMPLE = '6f3e2b1a-0c4d-4e5f-8a9b-1c2d3e4f5a6b'

function parseConcurrency(value: string): number {
  const example = INPUT_DEFAULTS.concurrency
  if (!/^\d{1,6}$/.test(value)) {
    const problem = /^-/.test(value)
      ? `${quoteValue(value)} is negative`
      : `${quoteValue(value)} is not a whole number`
    throw new InputError(
      'concurrency',
      `${problem}; give a number from 1 to ${MAX_CONCURRENCY}`,
      example
    )
  }
  const n = Number(value)
  if (n < 1 || n > MAX_CONCURRENCY) {
    throw new InputError(
      'concurrency',
      `${quoteValue(value)} is out of range; give a number from 1 to ${MAX_CONCURRENCY}`,
      example
    )
  }
  return n
}

function parseChoice<T extends string>(
  input: string,
  value: string,
  choices: readonly T[],
  hints: Record<string, T> = {}
): T {
  const lower = value.toLowerCase()
  const choice = choices.find(c => c === lower)
  if (choice !== undefined) return choice
  const hint = Object.prototype.hasOwnProperty.call(hints, lower) ? hints[lower] : undefined
  const suggestion = hint === undefined ? '' : ` (did you mean ${hint}?)`
  throw new InputError(
    input,
    `${quoteValue(value)} is not one of ${choices.join(', ')}${suggestion}`,
    choices[0]!
  )
}

/** Exactly the spellings of core.getBooleanInput (YAML 1.2 core schema). */
function parseBoolean(input: string, value: string): boolean {
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  throw new InputError(input, `${quoteValue(value)} is not true or false`, 'true')
}

function parseExpectedPrincipalId(value: string, identity?: IdentitySelection): string | undefined {
  const input = 'expected-principal-id'
  if (value === '') return undefined
  const text = value.toLowerCase().startsWith('object-id:') ? value.slice(10).trim() : value
  if (text.startsWith('/')) {
    throw new InputError(
      input,
      `${quoteValue(value)} is a resource ID; give the identity's object (principal) ID, a GUID (az identity show --query principalId)`,
      GUID_EXAMPLE
    )
  }
  const problem = guidProblem(text)
  if (problem !== undefined) throw new InputError(input, problem, GUID_EXAMPLE)
  const oid = text.toLowerCase()
  // Two inputs that cannot both hold: the run could only ever fail.
  if (identity?.kind === 'object-id' && identity.value !== oid) {
    throw new InputError(
      input,
      `${oid} contradicts identity object-id:${identity.value}; the token of that identity carries its own object ID`,
      identity.value
    )
  }
  // A managed identity's client ID (appid) and object ID (oid) are never the same GUID: one of the
  // two inputs holds the other kind of ID.
  if (identity?.kind === 'client-id' && identity.value === oid) {
    throw new InputError(
      input,
      `${oid} is the client ID given in identity; a managed identity's object (principal) ID is a different GUID (az identity show --query principalId)`,
      GUID_EXAMPLE
    )
  }
  return oid
}

/** The secret sent as `x-mi-smoke-key`; never quoted back in a message. */
function parseEndpointKey(value: string): string | undefined {
  if (value === '') return undefined
  // A header value cannot hold control characters; Node would throw mid-dispatch otherwise.
  if (hasControlCharacter(value, 'tab')) {
    throw new InputError(
      'endpoint-key',
      'contains a line break or control character, which cannot go into an HTTP header (the value is not shown: it is a secret)',
      '${{ secrets.MI_SMOKE_KEY }}'
    )
  }
  if ([...value].some(c => c.charCodeAt(0) > 0xff)) {
    throw new InputError(
      'endpoint-key',
      'contains characters outside Latin-1, which cannot go into an HTTP header (the value is not shown: it is a secret)',
      '${{ secrets.MI_SMOKE_KEY }}'
    )
  }
  return value
}

function parseEndpointAudience(value: string): string | undefined {
  if (value === '') return undefined
  const problem = endpointAudienceProblem(value)
  if (problem !== undefined) {
    throw new InputError('endpoint-audience', problem, 'api://00000000-0000-0000-0000-000000000000')
  }
  return value
}

function parseImdsEndpoint(value: string): string {
  const input = 'imds-endpoint'
  const example = 'http://169.254.169.254'
  const shown = quoteValue(redactUserinfo(value))
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new InputError(input, `${shown} is not an absolute URL`, example)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError(input, `${shown} is not an http:// or https:// URL`, example)
  }
  if (url.hostname === '') throw new InputError(input, `${shown} has no host`, example)
  if (url.username !== '' || url.password !== '') {
    throw new InputError(input, `${shown} has credentials in it`, example)
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || /[?#]/.test(value)) {
    throw new InputError(
      input,
      `${shown} has a path, query or fragment; give the base URL only (the action adds /metadata/...)`,
      example
    )
  }
  return `${url.protocol}//${url.host}`
}

/**
 * Reads every input through `getInput` (core.getInput, or a test's map) and validates it.
 * Throws InputError (an InputErrors when several inputs are wrong) on any invalid value.
 */
/** A valid value of each input, for the message that refuses an invisible character in it. */
const INVISIBLE_EXAMPLES: Partial<Record<InputName, string>> = {
  'expected-principal-id': GUID_EXAMPLE,
  'endpoint-audience': 'api://00000000-0000-0000-0000-000000000000'
}

/**
 * Refuses an input holding an invisible or control character (a bidirectional override, a
 * zero-width space...), checked before trimming so the position is where the user wrote it: such
 * a value reads differently in the log, the summary or an output from what it holds. Multi-line
 * inputs keep their line breaks and tabs.
 */
function refuseInvisible(name: InputName, raw: string): void {
  const found = firstControlCharacter(raw, 'multiline')
  if (found === undefined) return
  const { line, column } = lineAndColumn(raw, found.index)
  throw new InputError(
    name,
    `holds ${found.label} at line ${line}, column ${column}; type the value again without it (such characters make the text read differently from what it holds)`,
    INVISIBLE_EXAMPLES[name] ?? INPUT_DEFAULTS[name]
  )
}

export function readInputs(getInput: (name: string) => string): ActionInputs {
  const errors: InputError[] = []
  const read = (name: InputName): string => {
    const raw = getInput(name)
    if (typeof raw === 'string' && name !== 'endpoint-key') refuseInvisible(name, raw)
    const value = typeof raw === 'string' ? raw.trim() : ''
    return value === '' ? INPUT_DEFAULTS[name] : value
  }
  function attempt<T>(parse: () => T, fallback: T): T {
    try {
      return parse()
    } catch (error) {
      if (error instanceof InputError) {
        errors.push(error)
        return fallback
      }
      throw error
    }
  }
  // The fallbacks only keep collecting problems; they are never returned.
  const targets = attempt(() => parseTargets(read('targets')), [])
  const identity = attempt(() => parseIdentity(read('identity')), undefined)
  const inputs: ActionInputs = {
    targets,
    identity: identity ?? { kind: 'system' },
    checks: attempt(() => parseChecks(read('checks')), []),
    expectedPrincipalId: attempt(
      () => parseExpectedPrincipalId(read('expected-principal-id'), identity),
      undefined
    ),
    rbacWaitMs: attempt(() => parseDuration('rbac-wait', read('rbac-wait'), RBAC_WAIT_BOUNDS), 0),
    readyWaitMs: attempt(
      () => parseDuration('ready-wait', read('ready-wait'), READY_WAIT_BOUNDS),
      0
    ),
    timeoutMs: attempt(() => parseDuration('timeout', read('timeout'), TIMEOUT_BOUNDS), 0),
    concurrency: attempt(() => parseConcurrency(read('concurrency')), 1),
    failOn: attempt(
      () =>
        parseChoice<FailOn>('fail-on', read('fail-on'), FAIL_ON_CHOICES, {
          warn: 'warning',
          warnings: 'warning',
          errors: 'error',
          fail: 'error',
          failure: 'error',
          none: 'never',
          false: 'never',
          off: 'never'
        }),
      'error'
    ),
    os: attempt(
      () =>
        parseChoice<OsChoice>('os', read('os'), OS_CHOICES, {
          ubuntu: 'linux',
          win: 'windows',
          win32: 'windows'
        }),
      'auto'
    ),
    endpointKey: attempt(() => parseEndpointKey(read('endpoint-key')), undefined),
    endpointAudience: attempt(() => parseEndpointAudience(read('endpoint-audience')), undefined),
    imdsEndpoint: attempt(() => parseImdsEndpoint(read('imds-endpoint')), ''),
    summary: attempt(() => parseBoolean('summary', read('summary')), true),
    sdkIdentity: attempt(
      () =>
        parseChoice<SdkIdentityPolicy>(
          'sdk-identity',
          read('sdk-identity'),
          SDK_IDENTITY_POLICIES,
          {
            error: 'fail',
            failure: 'fail',
            warning: 'warn',
            none: 'off',
            never: 'off',
            false: 'off',
            ignore: 'off'
          }
        ),
      'fail'
    )
  }
  if (errors.length === 1) throw errors[0]!
  if (errors.length > 1) throw new InputErrors(errors)
  if (inputs.expectedPrincipalId === undefined) delete inputs.expectedPrincipalId
  if (inputs.endpointKey === undefined) delete inputs.endpointKey
  if (inputs.endpointAudience === undefined) delete inputs.endpointAudience
  return inputs
}
