/**
 * Named failure scenarios and the settings behind them. A scenario is only a preset of settings;
 * callers may pass a partial settings object instead (merged over `healthy`), or a name plus
 * overrides (`{ name: 'imds-gone', goneForMs: 500 }`).
 */

import { recordedAnswer, recordedAnswers } from './recorded'

export const SCENARIO_NAMES = [
  'healthy',
  'no-identity',
  'wrong-client-id',
  'imds-refused',
  'imds-hang',
  'imds-gone',
  'imds-throttled',
  'imds-error',
  'token-expired',
  'token-no-expiry',
  'token-malformed',
  'role-missing',
  'role-delayed',
  'api-closed',
  'api-throttled',
  'api-unavailable',
  'wrong-audience'
] as const

export type ScenarioName = (typeof SCENARIO_NAMES)[number]

/** How the token endpoints (IMDS and every other identity source) behave. */
export type TokenFault =
  | 'none'
  | 'gone' // 410 for `goneForMs` from the scenario's start
  | 'throttled' // 429 with Retry-After for the first `throttleCount` token requests
  | 'error' // 500 unknown
  | 'expired' // expires_on in the past
  | 'no-expiry' // no expires_on / expires_in
  | 'malformed' // 200 with JSON cut short
  | 'wrong-audience' // aud is another resource than the one requested

export interface ScenarioSettings {
  /** The preset these settings came from, or `custom`. */
  name: ScenarioName | 'custom'
  /** `refused`: the identity listener is closed; `hang`: it accepts and never answers. */
  identityListener: 'open' | 'refused' | 'hang'
  /** `closed`: the API listener (ARM, Key Vault) is closed, like blocked egress. */
  apiListener: 'open' | 'closed'
  /**
   * How the APIs (ARM, Key Vault) answer their first `apiFaultCount` requests: `throttled` 429
   * with `Retry-After: retryAfterSeconds`, `unavailable` `apiFaultStatus` (500/502/503/504).
   */
  apiFault: 'none' | 'throttled' | 'unavailable'
  apiFaultCount: number
  apiFaultStatus: number
  /** The VM has its system-assigned identity. */
  systemAssigned: boolean
  /** Indexes into `identities.userAssigned` of the identities assigned to the workload. */
  userAssigned: number[]
  tokenFault: TokenFault
  /** imds-gone: how long the token endpoints answer 410, from the scenario's start. */
  goneForMs: number
  /** imds-throttled: how many token requests get 429 before success. */
  throttleCount: number
  /** The `Retry-After` of 429 answers, in seconds. */
  retryAfterSeconds: number
  /** `healthy`: the default role assignments; `none`: none at all; `delayed`: effective after roleDelayMs. */
  roles: 'healthy' | 'none' | 'delayed'
  /** role-delayed: from the scenario's start until the role assignments take effect. */
  roleDelayMs: number
  /** Lifetime of issued tokens. */
  tokenLifetimeSeconds: number
  /** IMDS `compute.azEnvironment` (AzurePublicCloud, AzureUSGovernmentCloud, AzureChinaCloud). */
  azEnvironment: string
  /** App Service / Container Apps: rotate IDENTITY_HEADER this often (0: never). */
  rotateIdentityHeaderMs: number
  /**
   * The name of a recorded identity-endpoint answer of the field corpus (emulator/recorded.ts) that
   * every token endpoint replays instead of issuing a token; empty: none.
   */
  recordedAnswer: string
}

export const HEALTHY: ScenarioSettings = {
  name: 'healthy',
  identityListener: 'open',
  apiListener: 'open',
  apiFault: 'none',
  apiFaultCount: 2,
  apiFaultStatus: 503,
  systemAssigned: true,
  userAssigned: [0, 1],
  tokenFault: 'none',
  goneForMs: 15_000,
  throttleCount: 4,
  retryAfterSeconds: 1,
  roles: 'healthy',
  roleDelayMs: 10_000,
  tokenLifetimeSeconds: 3599,
  azEnvironment: 'AzurePublicCloud',
  rotateIdentityHeaderMs: 0,
  recordedAnswer: ''
}

const PRESETS: Record<ScenarioName, Partial<ScenarioSettings>> = {
  healthy: {},
  'no-identity': { systemAssigned: false, userAssigned: [] },
  // Only the second user-assigned identity is on the VM: asking for the first one (the one the
  // healthy RBAC table grants), or for any other client ID, gets "Identity not found".
  'wrong-client-id': { systemAssigned: false, userAssigned: [1] },
  'imds-refused': { identityListener: 'refused' },
  'imds-hang': { identityListener: 'hang' },
  'imds-gone': { tokenFault: 'gone' },
  'imds-throttled': { tokenFault: 'throttled' },
  'imds-error': { tokenFault: 'error' },
  'token-expired': { tokenFault: 'expired' },
  'token-no-expiry': { tokenFault: 'no-expiry' },
  'token-malformed': { tokenFault: 'malformed' },
  'role-missing': { roles: 'none' },
  'role-delayed': { roles: 'delayed' },
  'api-closed': { apiListener: 'closed' },
  // Outlasts the runner's transient retries: rehearses `throttled` at the api step.
  'api-throttled': { apiFault: 'throttled', apiFaultCount: 1000 },
  // Two 503s, then the normal answer: the transient retries get through.
  'api-unavailable': { apiFault: 'unavailable' },
  'wrong-audience': { tokenFault: 'wrong-audience' }
}

export function isScenarioName(value: unknown): value is ScenarioName {
  return typeof value === 'string' && (SCENARIO_NAMES as readonly string[]).includes(value)
}

/** What callers may pass: a name, or settings (optionally naming the preset they start from). */
export type ScenarioInput =
  ScenarioName | (Partial<Omit<ScenarioSettings, 'name'>> & { name?: string })

/** Resolves a name or partial settings into complete settings; throws on unknown names or keys. */
export function resolveScenario(input: ScenarioInput | undefined): ScenarioSettings {
  if (input === undefined) return { ...HEALTHY }
  if (typeof input === 'string') {
    if (!isScenarioName(input)) throw new Error(unknownScenarioMessage(input))
    return { ...HEALTHY, ...PRESETS[input], name: input }
  }
  const { name, ...overrides } = input
  for (const key of Object.keys(overrides)) {
    if (!(key in HEALTHY))
      throw new Error(`unknown scenario setting '${key}'; known: ${settingKeys().join(', ')}`)
  }
  let base: ScenarioSettings = { ...HEALTHY }
  if (name !== undefined && name !== 'custom') {
    if (!isScenarioName(name)) throw new Error(unknownScenarioMessage(name))
    base = { ...HEALTHY, ...PRESETS[name], name }
  }
  const merged = { ...base, ...overrides } as ScenarioSettings
  validateSettings(merged)
  if (Object.keys(overrides).length > 0 && name === undefined) merged.name = 'custom'
  return merged
}

export function settingKeys(): string[] {
  return Object.keys(HEALTHY).filter(key => key !== 'name')
}

function unknownScenarioMessage(name: string): string {
  return `unknown scenario '${name}'; known: ${SCENARIO_NAMES.join(', ')}`
}

const ENUMS: Partial<Record<keyof ScenarioSettings, readonly string[]>> = {
  identityListener: ['open', 'refused', 'hang'],
  apiListener: ['open', 'closed'],
  apiFault: ['none', 'throttled', 'unavailable'],
  tokenFault: [
    'none',
    'gone',
    'throttled',
    'error',
    'expired',
    'no-expiry',
    'malformed',
    'wrong-audience'
  ],
  roles: ['healthy', 'none', 'delayed'],
  azEnvironment: ['AzurePublicCloud', 'AzureUSGovernmentCloud', 'AzureChinaCloud']
}

const NUMBERS: Array<keyof ScenarioSettings> = [
  'goneForMs',
  'throttleCount',
  'apiFaultCount',
  'apiFaultStatus',
  'retryAfterSeconds',
  'roleDelayMs',
  'tokenLifetimeSeconds',
  'rotateIdentityHeaderMs'
]

function validateSettings(settings: ScenarioSettings): void {
  for (const [key, allowed] of Object.entries(ENUMS)) {
    const value = settings[key as keyof ScenarioSettings]
    if (typeof value !== 'string' || !allowed.includes(value)) {
      throw new Error(
        `scenario setting '${key}' must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)}`
      )
    }
  }
  for (const key of NUMBERS) {
    const value = settings[key]
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new Error(
        `scenario setting '${key}' must be a number >= 0; got ${JSON.stringify(value)}`
      )
    }
  }
  if (![500, 502, 503, 504].includes(settings.apiFaultStatus)) {
    throw new Error(
      `scenario setting 'apiFaultStatus' must be 500, 502, 503 or 504; got ${JSON.stringify(settings.apiFaultStatus)}`
    )
  }
  if (settings.recordedAnswer !== '') {
    const entry = recordedAnswer(settings.recordedAnswer)
    if (entry === undefined || entry.endpoint !== 'identity') {
      const known = recordedAnswers()
        .filter(e => e.endpoint === 'identity')
        .map(e => e.name)
      throw new Error(
        `scenario setting 'recordedAnswer' must name a recorded identity answer (${known.join(', ')}); got ${JSON.stringify(settings.recordedAnswer)}`
      )
    }
  }
  if (typeof settings.systemAssigned !== 'boolean') {
    throw new Error(`scenario setting 'systemAssigned' must be true or false`)
  }
  if (
    !Array.isArray(settings.userAssigned) ||
    !settings.userAssigned.every(i => Number.isInteger(i) && i >= 0)
  ) {
    throw new Error(
      `scenario setting 'userAssigned' must be a list of identity indexes, e.g. [0,1]`
    )
  }
}

/**
 * Parses one `--set key=value` of the CLI into a settings entry: numbers, booleans and
 * comma-separated index lists are converted by the key's type in `healthy`.
 */
export function parseSetting(assignment: string): [string, unknown] {
  const at = assignment.indexOf('=')
  if (at <= 0) throw new Error(`--set expects key=value, e.g. goneForMs=5000; got '${assignment}'`)
  const key = assignment.slice(0, at)
  const raw = assignment.slice(at + 1)
  if (!(key in HEALTHY) || key === 'name') {
    throw new Error(`unknown scenario setting '${key}'; known: ${settingKeys().join(', ')}`)
  }
  const example = HEALTHY[key as keyof ScenarioSettings]
  if (typeof example === 'number') {
    const value = Number(raw)
    if (raw.trim() === '' || !Number.isFinite(value))
      throw new Error(`--set ${key} expects a number; got '${raw}'`)
    return [key, value]
  }
  if (typeof example === 'boolean') {
    if (raw !== 'true' && raw !== 'false')
      throw new Error(`--set ${key} expects true or false; got '${raw}'`)
    return [key, raw === 'true']
  }
  if (Array.isArray(example)) {
    const list = raw === '' ? [] : raw.split(',').map(Number)
    if (list.some(n => !Number.isInteger(n) || n < 0)) {
      throw new Error(`--set ${key} expects comma-separated indexes, e.g. 0,1; got '${raw}'`)
    }
    return [key, list]
  }
  return [key, raw]
}
