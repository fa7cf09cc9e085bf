import { judgeExpiry, parseExpiresOn } from '../../src/engine/diagnosis/expiry'
import { NOW_MS } from '../helpers/diagnosis-fixtures'

describe('parseExpiresOn', () => {
  const at = (iso: string): number => Date.parse(iso)
  test.each<[string, string | number, string]>([
    ['epoch seconds as a string (IMDS, App Service)', '1764171600', '2025-11-26T15:40:00.000Z'],
    ['epoch seconds as a JSON number (Service Fabric)', 1764171600, '2025-11-26T15:40:00.000Z'],
    ['legacy Windows date with PM', '11/26/2026 04:20:00 PM +00:00', '2026-11-26T16:20:00.000Z'],
    ['legacy Windows date with AM', '11/26/2026 04:20:00 AM +00:00', '2026-11-26T04:20:00.000Z'],
    ['legacy 12 AM is midnight', '11/26/2026 12:05:00 AM +00:00', '2026-11-26T00:05:00.000Z'],
    ['legacy 12 PM is noon', '11/26/2026 12:05:00 PM +00:00', '2026-11-26T12:05:00.000Z'],
    ['legacy Linux date without AM/PM', '11/26/2026 16:20:00 +00:00', '2026-11-26T16:20:00.000Z'],
    ['legacy date with an offset', '11/26/2026 17:20:00 +01:00', '2026-11-26T16:20:00.000Z'],
    [
      'legacy date with a negative offset',
      '11/26/2026 11:20:00 -05:00',
      '2026-11-26T16:20:00.000Z'
    ],
    ['legacy single-digit month and day', '1/2/2027 3:04:05 PM +00:00', '2027-01-02T15:04:05.000Z'],
    ['legacy date without a zone is UTC', '11/26/2026 16:20:00', '2026-11-26T16:20:00.000Z'],
    ['ISO 8601 with Z', '2026-11-26T16:20:00Z', '2026-11-26T16:20:00.000Z'],
    ['epoch with surrounding spaces', ' 1764171600 ', '2025-11-26T15:40:00.000Z']
  ])('%s', (_name, value, iso) => {
    expect(parseExpiresOn(value)).toEqual({ ok: true, ms: at(iso) })
  })

  test.each<[string, string | number | undefined]>([
    ['missing', undefined],
    ['empty', ''],
    ['zero', '0'],
    ['negative number', -5],
    ['words', 'tomorrow'],
    ['month 13', '13/26/2026 04:20:00 PM +00:00'],
    ['day 31 in November', '11/31/2026 04:20:00 PM +00:00'],
    ['hour 13 with PM', '11/26/2026 13:20:00 PM +00:00'],
    ['beyond what a date holds', '99999999999999999'],
    ['not finite', Number.POSITIVE_INFINITY]
  ])('%s is not a time', (_name, value) => {
    const parsed = parseExpiresOn(value)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.problem).toMatch(/expires_on/)
  })
})

describe('judgeExpiry', () => {
  const min = 60_000
  test.each<[string, number, 'pass' | 'warn' | 'fail', RegExp]>([
    ['an hour left', 60 * min, 'pass', /expires in 60 min/],
    ['exactly 5 minutes left', 5 * min, 'pass', /expires in 5 min/],
    ['just under 5 minutes left', 5 * min - 1000, 'warn', /under 5 min/],
    ['30 seconds left', 30_000, 'warn', /expires in 30 s/],
    ['24 hours ahead', 24 * 60 * min, 'pass', /expires in 1440 min/],
    ['25 hours ahead', 25 * 60 * min, 'warn', /more than the 24 h/],
    ['29 days ahead', 29 * 24 * 60 * min, 'warn', /more than the 24 h/],
    ['31 days ahead', 31 * 24 * 60 * min, 'fail', /no managed identity token is/],
    ['expired a second ago', -1000, 'fail', /expired 1 s ago/],
    ['expiring right now', 0, 'fail', /expired/],
    ['expired two hours ago', -2 * 60 * min, 'fail', /expired 2 h ago/]
  ])('%s → %s', (_name, left, status, text) => {
    const verdict = judgeExpiry(NOW_MS + left, NOW_MS)
    expect(verdict.status).toBe(status)
    expect(verdict.text).toMatch(text)
  })

  test('an epoch given in milliseconds by mistake is absurd, not accepted', () => {
    const parsed = parseExpiresOn(String(NOW_MS + 3_600_000))
    expect(parsed.ok).toBe(true)
    if (parsed.ok) expect(judgeExpiry(parsed.ms, NOW_MS).status).toBe('fail')
  })
})
