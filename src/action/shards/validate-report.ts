/**
 * The merge's reading of one shard's report file. The files come from this workflow's own jobs,
 * but through an artifact store and a download: they are read as untrusted JSON. A report is
 * accepted only when it is schema `mi-smoke/v1` and every field the summary, the outputs and the
 * gate read has its declared shape (verdicts and failure modes from their lists, durations finite
 * and not negative, texts of bounded length); otherwise the problem is named with its JSON path.
 *
 * Fields this version does not know are kept as they are (they are JSON, and a newer shard may add
 * report fields); nothing here reads them.
 */
import { hasControlCharacter } from '../../common/control-characters'
import { IDENTITY_SOURCES } from '../../contracts/observations'
import {
  FAILURE_MODES,
  REPORT_SCHEMA,
  STEP_NAMES,
  STEP_STATUSES,
  VERDICTS,
  type Report
} from '../../contracts/report'

export class InvalidReport extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InvalidReport'
  }
}

const ENVIRONMENTS = [...IDENTITY_SOURCES, 'unknown'] as const
/** Target lines and claims are short; details and remediations carry an API's message. */
const LINE_LIMIT = 4096
const TEXT_LIMIT = 64 * 1024
const CLAIM_TEXTS = ['aud', 'iss', 'tid', 'oid', 'appid', 'idtyp', 'xms_mirid', 'xms_az_rid']
const CLAIM_TIMES = ['iat', 'nbf', 'exp']
const STEP_TEXTS = ['remediation', 'audience', 'check']
/** ISO 8601 as the action writes it (`toISOString`, or the probe's `Z` time). */
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,9})?)?(Z|[+-]\d\d:\d\d)$/

type Json = Record<string, unknown>

function fail(path: string, problem: string): never {
  throw new InvalidReport(`${path} ${problem}`)
}

function object(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail(path, 'is not a JSON object')
  return value as Json
}

function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail(path, 'is not an array')
  return value
}

function text(o: Json, key: string, path: string, limit: number, required: boolean): void {
  const value = o[key]
  if (value === undefined && !required) return
  if (typeof value !== 'string') fail(`${path}.${key}`, 'is not a string')
  if (value.length > limit) fail(`${path}.${key}`, `is longer than ${limit} characters`)
}

/** A target line or a claim: one line, no control characters (it becomes an output or a title). */
function line(o: Json, key: string, path: string, required: boolean): void {
  text(o, key, path, LINE_LIMIT, required)
  const value = o[key]
  if (typeof value === 'string' && hasControlCharacter(value))
    fail(`${path}.${key}`, 'holds a control character')
}

function oneOf(o: Json, key: string, path: string, allowed: readonly string[], required: boolean) {
  const value = o[key]
  if (value === undefined && !required) return
  if (typeof value !== 'string' || !allowed.includes(value))
    fail(`${path}.${key}`, `is not one of ${allowed.join(', ')}`)
}

function count(o: Json, key: string, path: string, required: boolean): void {
  const value = o[key]
  if (value === undefined && !required) return
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    fail(`${path}.${key}`, 'is not a finite number of at least 0')
}

function claims(value: unknown, path: string): void {
  const o = object(value, path)
  for (const key of CLAIM_TEXTS) line(o, key, path, false)
  for (const key of CLAIM_TIMES) count(o, key, path, false)
}

function step(value: unknown, path: string): void {
  const o = object(value, path)
  oneOf(o, 'step', path, STEP_NAMES, true)
  oneOf(o, 'status', path, STEP_STATUSES, true)
  count(o, 'durationMs', path, true)
  text(o, 'detail', path, TEXT_LIMIT, true)
  oneOf(o, 'failureMode', path, FAILURE_MODES, false)
  for (const key of STEP_TEXTS) text(o, key, path, TEXT_LIMIT, false)
  if (o['claims'] !== undefined) claims(o['claims'], `${path}.claims`)
  line(o, 'expiresOn', path, false)
  if (typeof o['expiresOn'] === 'string' && !ISO_TIME.test(o['expiresOn']))
    fail(`${path}.expiresOn`, 'is not an ISO 8601 time')
  for (const key of ['httpStatus', 'attempts', 'rbacWaitMs']) count(o, key, path, false)
}

function sdk(value: unknown, path: string): void {
  const o = object(value, path)
  line(o, 'credential', path, true)
  oneOf(o, 'status', path, STEP_STATUSES, true)
  text(o, 'detail', path, TEXT_LIMIT, true)
  line(o, 'clientIdSetting', path, false)
  text(o, 'remediation', path, TEXT_LIMIT, false)
  if (o['claims'] !== undefined) claims(o['claims'], `${path}.claims`)
}

function target(value: unknown, path: string): void {
  const o = object(value, path)
  line(o, 'target', path, true)
  oneOf(o, 'environment', path, ENVIRONMENTS, true)
  oneOf(o, 'result', path, VERDICTS, true)
  oneOf(o, 'failedStep', path, STEP_NAMES, false)
  oneOf(o, 'failureMode', path, FAILURE_MODES, false)
  count(o, 'durationMs', path, true)
  array(o['steps'], `${path}.steps`).forEach((s, i) => step(s, `${path}.steps[${i}]`))
  line(o, 'probe', path, false)
  if (o['sdk'] !== undefined)
    array(o['sdk'], `${path}.sdk`).forEach((s, i) => sdk(s, `${path}.sdk[${i}]`))
}

/** Parses and validates one report file's text; throws InvalidReport naming the first problem. */
export function parseReport(json: string): Report {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch (error) {
    throw new InvalidReport(`is not JSON (${(error as Error).message})`)
  }
  const o = object(value, 'the report')
  if (o['schema'] !== REPORT_SCHEMA) fail('the report', `is not schema ${REPORT_SCHEMA}`)
  if (o['truncated'] === true) fail('the report', 'is a stub (truncated), not the report itself')
  oneOf(o, 'result', 'the report', VERDICTS, true)
  count(o, 'durationMs', 'the report', true)
  array(o['targets'], 'the report.targets').forEach((t, i) => target(t, `targets[${i}]`))
  return value as Report
}
