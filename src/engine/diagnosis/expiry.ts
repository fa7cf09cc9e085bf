/**
 * `expires_on` of a token response: parsing its three wire forms and judging the value.
 *
 * Forms (docs/azure-wire-facts.md): epoch seconds as a string (IMDS, App Service 2019-08-01), a JSON number
 * (Service Fabric), and the legacy MSI_ENDPOINT date string, `11/26/2026 04:20:00 PM +00:00` on
 * Windows and `11/26/2026 16:20:00 +00:00` on Linux (month first, as .NET's invariant culture writes it).
 */
import type { StepStatus } from '../../contracts/report'
import { formatDuration } from './text'

/** Less than this left: the token is about to expire; a workload caching it would fail soon. */
export const EXPIRY_SOON_MS = 5 * 60_000
/** Managed identity tokens live about 24 hours at most; more is suspicious... */
export const EXPIRY_LONG_MS = 24 * 3_600_000
/** ...and far more is a clock or parsing error on the identity endpoint's side. */
export const EXPIRY_ABSURD_MS = 30 * 86_400_000

const MAX_DATE_MS = 8.64e15

export type ParsedExpiry = { ok: true; ms: number } | { ok: false; problem: string }

const LEGACY_DATE =
  /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?\s*(Z|[+-]\d{1,2}(?::?\d{2})?)?$/i

export function parseExpiresOn(value: string | number | undefined): ParsedExpiry {
  if (value === undefined || value === '') return { ok: false, problem: 'expires_on is missing' }
  if (typeof value === 'number') return fromEpochSeconds(value, String(value))
  const text = value.trim()
  if (/^\d+(\.\d+)?$/.test(text)) return fromEpochSeconds(Number(text), text)
  const legacy = LEGACY_DATE.exec(text)
  if (legacy) return fromLegacyDate(legacy, text)
  // Some endpoints write ISO 8601; accept it when it names a zone.
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
    const ms = Date.parse(text)
    if (!Number.isNaN(ms)) return { ok: true, ms }
  }
  return { ok: false, problem: `expires_on "${text.slice(0, 40)}" is not a time` }
}

function fromEpochSeconds(seconds: number, shown: string): ParsedExpiry {
  // Beyond what a Date can hold is no time at all (and would break toISOString later).
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds * 1000 > MAX_DATE_MS) {
    return { ok: false, problem: `expires_on ${shown} is not a time` }
  }
  return { ok: true, ms: seconds * 1000 }
}

function fromLegacyDate(m: RegExpExecArray, shown: string): ParsedExpiry {
  const [, month, day, year, hourText, minute, second, meridiem, zone] = m
  let hour = Number(hourText)
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return { ok: false, problem: `expires_on "${shown}" is not a time` }
    const pm = meridiem.toUpperCase() === 'PM'
    hour = (hour % 12) + (pm ? 12 : 0)
  }
  const utc = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    hour,
    Number(minute),
    Number(second ?? 0)
  )
  const d = new Date(utc)
  // Date.UTC rolls 13/40/2026 over into a valid date; a real expiry never needs that.
  if (
    d.getUTCMonth() !== Number(month) - 1 ||
    d.getUTCDate() !== Number(day) ||
    hour > 23 ||
    Number(minute) > 59
  ) {
    return { ok: false, problem: `expires_on "${shown}" is not a time` }
  }
  return { ok: true, ms: utc - zoneOffsetMs(zone) }
}

/** `+01:00` → 1 h; no zone is UTC (the Linux legacy form always writes one, but be lenient). */
function zoneOffsetMs(zone: string | undefined): number {
  if (zone === undefined || zone.toUpperCase() === 'Z') return 0
  const m = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(zone)
  if (!m) return 0
  const sign = m[1] === '-' ? -1 : 1
  return sign * (Number(m[2]) * 3_600_000 + Number(m[3] ?? 0) * 60_000)
}

export interface ExpiryVerdict {
  status: Extract<StepStatus, 'pass' | 'warn' | 'fail'>
  /** What is wrong (warn/fail), or how long is left (pass), in words. */
  text: string
}

/** Judges an expiry against now: past or absurd fail, very short or too long warn. */
export function judgeExpiry(expiresMs: number, nowMs: number): ExpiryVerdict {
  const left = expiresMs - nowMs
  const at = new Date(expiresMs).toISOString()
  if (left <= 0) {
    return {
      status: 'fail',
      text: `the token expired ${formatDuration(-left)} ago (expires_on ${at})`
    }
  }
  if (left > EXPIRY_ABSURD_MS) {
    return {
      status: 'fail',
      text: `expires_on ${at} is ${formatDuration(left)} ahead, which no managed identity token is (clock or format error on the identity endpoint)`
    }
  }
  if (left > EXPIRY_LONG_MS) {
    return {
      status: 'warn',
      text: `expires_on ${at} is ${formatDuration(left)} ahead, more than the 24 h a managed identity token lives (check the workload's clock)`
    }
  }
  if (left < EXPIRY_SOON_MS) {
    return {
      status: 'warn',
      text: `the token expires in ${formatDuration(left)} (under 5 min left: the identity endpoint handed out a cached token about to expire)`
    }
  }
  return { status: 'pass', text: `expires in ${Math.round(left / 60_000)} min` }
}
