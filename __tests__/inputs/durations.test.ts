import { InputError } from '../../src/engine/inputs/action-inputs'
import { durationInput, parseDuration } from '../../src/engine/inputs/durations'

const TIMEOUT = { minMs: 100, maxMs: 300_000, example: '10s' }
const WAIT = { minMs: 0, maxMs: 3_600_000, example: '5m' }

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['100ms', 100],
    ['30s', 30_000],
    ['30', 30_000],
    [' 30s ', 30_000],
    ['5m', 300_000],
    ['1.5s', 1500],
    ['0.5m', 30_000],
    ['0.1m', 6000],
    ['2.25s', 2250],
    ['10S', 10_000],
    ['2500MS', 2500],
    ['0.1', 100],
    ['007s', 7000]
  ])('timeout %s = %d ms', (value, ms) => {
    expect(parseDuration('timeout', value, TIMEOUT)).toBe(ms)
  })

  it.each([
    ['0', 0],
    ['0s', 0],
    ['0ms', 0],
    ['90s', 90_000],
    ['10m', 600_000],
    ['60m', 3_600_000],
    ['3600', 3_600_000]
  ])('rbac-wait %s = %d ms', (value, ms) => {
    expect(parseDuration('rbac-wait', value, WAIT)).toBe(ms)
  })

  it.each([
    ['', /empty/],
    ['-5s', /negative/],
    ['-0', /negative/],
    ['abc', /not a duration/],
    ['5 m', /space before the unit/],
    ['1h', /hours.*60m/],
    ['5min', /write minutes as m/],
    ['30sec', /write seconds as s/],
    ['3d', /days/],
    ['5x', /unknown unit "x"; the units are ms, s and m/],
    ['0.5ms', /whole number of milliseconds/],
    ['0.0001s', /whole number of milliseconds/],
    ['.5s', /not a duration/],
    ['5.s', /not a duration/],
    ['1e3', /not a duration/],
    ['Infinity', /not a duration/],
    ['NaN', /not a duration/],
    ['0x10', /not a duration/],
    ['1,000ms', /not a duration/],
    ['5m30s', /not a duration/],
    ['99ms', /too short.*between 100ms and 5m/],
    ['0', /too short/],
    ['6m', /too long.*between 100ms and 5m/],
    ['301s', /too long/],
    ['999999999999999', /too long/],
    ['9999999999999999999999', /not a duration/],
    ['+5s', /not a duration/],
    ['5s\n6s', /not a duration/]
  ])('timeout %j is refused: %s', (value, problem) => {
    let error: unknown
    try {
      parseDuration('timeout', value, TIMEOUT)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(InputError)
    const inputError = error as InputError
    expect(inputError.input).toBe('timeout')
    expect(inputError.problem).toMatch(problem)
    expect(inputError.example).toBe('10s')
    expect(inputError.message).toContain("Input 'timeout'")
    expect(inputError.message).toContain('Example of a valid value: 10s')
  })

  it('rbac-wait above 60m is refused', () => {
    expect(() => parseDuration('rbac-wait', '61m', WAIT)).toThrow(/between 0ms and 60m/)
  })
})

describe('durationInput', () => {
  it.each([
    [0, '0ms'],
    [100, '100ms'],
    [1500, '1500ms'],
    [30_000, '30s'],
    [90_000, '90s'],
    [300_000, '5m'],
    [3_600_000, '60m']
  ])('%d → %s', (ms, text) => {
    expect(durationInput(ms)).toBe(text)
  })
})
