/**
 * Reading run-command's answer: both OS shapes, noise before the line, a cut line, a missing line,
 * and the masked tail a person sees when it goes wrong.
 */
import { DispatchError } from '../../../src/engine/dispatch/workload'
import {
  parseRunCommandResult,
  readObservations,
  splitLinuxMessage
} from '../../../src/engine/dispatch/vm/run-command-output'
import { redactSecrets } from '../../../src/common/redact'
import type { Observations } from '../../../src/contracts/observations'
import { validateObservations } from '../../../src/engine/observations-validator'

const NONCE = 'n-123'
const OBS = { v: 1, nonce: NONCE, probe: 'sh/curl', source: 'imds', tokens: [], apis: [] }
const LINE = `MI-SMOKE-OBS/1 ${JSON.stringify(OBS)}`
const FAKE_JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0.c2lnbmF0dXJlLWNhbmFyeQ'

function linux(stdout: string, stderr = ''): string {
  return JSON.stringify({
    value: [
      {
        code: 'ProvisioningState/succeeded',
        displayStatus: 'Provisioning succeeded',
        level: 'Info',
        message: `Enable succeeded: \n[stdout]\n${stdout}\n[stderr]\n${stderr}`,
        time: null
      }
    ]
  })
}

function windows(stdout: string, stderr = ''): string {
  return JSON.stringify({
    value: [
      { code: 'ComponentStatus/StdOut/succeeded', level: 'Info', message: stdout, time: null },
      { code: 'ComponentStatus/StdErr/succeeded', level: 'Info', message: stderr, time: null }
    ]
  })
}

function dispatchError(fn: () => unknown): DispatchError {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(DispatchError)
    return error as DispatchError
  }
  throw new Error('expected a DispatchError')
}

test('Linux shape: one message with [stdout] and [stderr]', () => {
  const streams = parseRunCommandResult(linux(`${LINE}\n`, 'a warning\n'))
  expect(streams.stdout).toBe(`${LINE}\n`)
  expect(streams.stderr).toBe('a warning\n')
  expect(readObservations(streams)).toEqual(OBS)
})

test('Windows shape: StdOut and StdErr ComponentStatus entries', () => {
  const streams = parseRunCommandResult(windows(`${LINE}\r\n`, ''))
  expect(readObservations(streams)).toEqual(OBS)
})

test('noise before the line and a marker-looking line in the noise: the last full line wins', () => {
  const noise = 'Reading package lists...\nMI-SMOKE-OBS/1 {"v":1,"nonce":"old"\n'.repeat(40)
  const streams = parseRunCommandResult(linux(`${noise}${LINE}\n`))
  expect((readObservations(streams) as Observations).nonce).toBe(NONCE)
})

test('a message without [stdout] is read as stdout', () => {
  expect(splitLinuxMessage(`${LINE}\n`).stdout).toContain(LINE)
})

test('a cut line (its JSON incomplete) is a DispatchError naming the cut, with the tail', () => {
  const cut = LINE.slice(0, LINE.length - 10)
  const error = dispatchError(() => readObservations(parseRunCommandResult(linux(cut))))
  expect(error.message).toMatch(/not complete JSON/)
  expect(error.evidence).toContain('MI-SMOKE-OBS/1')
})

test('a line whose start was cut off (4 KB cut) is reported as cut', () => {
  const tail = LINE.slice(20)
  const error = dispatchError(() =>
    readObservations({ stdout: `x MI-SMOKE-OBS/1${tail}`, stderr: '' })
  )
  expect(error.message).toMatch(/cut/)
})

test('no line at all: the tail of both streams, masked', () => {
  const streams = parseRunCommandResult(
    linux(`curl: Authorization: Bearer ${FAKE_JWT}\nsomething else`, `token ${FAKE_JWT}\n`)
  )
  const error = dispatchError(() => readObservations(streams))
  expect(error.message).toMatch(/no MI-SMOKE-OBS\/1 line/)
  expect(error.evidence).toContain('something else')
  expect(error.evidence).not.toContain('c2lnbmF0dXJlLWNhbmFyeQ')
  expect(error.evidence).toContain('[redacted]')
  expect(error.remediation).toBeTruthy()
})

test('the line is parsed, not judged: a token in it is refused, unquoted, by the observations validator', () => {
  const bad = `MI-SMOKE-OBS/1 ${JSON.stringify({ ...OBS, sourceDetail: FAKE_JWT })}`
  const answer = readObservations({ stdout: bad, stderr: '' })
  const error = dispatchError(() =>
    validateObservations(answer, { workload: 'vm:test', request: { nonce: NONCE, checks: [] } })
  )
  expect(error.message).toMatch(
    /^vm:test answered with invalid observations: the answer.sourceDetail holds something shaped like an access token/
  )
  expect(error.message).not.toContain('c2lnbmF0dXJlLWNhbmFyeQ')
})

test('az output that is not JSON, or has no status, is a DispatchError', () => {
  expect(dispatchError(() => parseRunCommandResult('oops')).message).toMatch(/not JSON/)
  expect(dispatchError(() => parseRunCommandResult('{"value":[]}')).message).toMatch(/no status/)
})

test('redactSecrets masks JWTs, bearer values and access_token values', () => {
  const text = `Bearer abc.def "access_token":"opaque-secret" ${FAKE_JWT}`
  const masked = redactSecrets(text)
  expect(masked).not.toContain('abc.def')
  expect(masked).not.toContain('opaque-secret')
  expect(masked).not.toContain('c2lnbmF0dXJlLWNhbmFyeQ')
})

test('a probe that could not read its request says why, and no parameters at all says to update the agent', () => {
  const unread = (sourceDetail: string): string =>
    `MI-SMOKE-OBS/1 ${JSON.stringify({ v: 1, nonce: '', probe: 'sh', source: 'none', sourceDetail, tokens: [], apis: [] })}`
  const none = () =>
    readObservations(
      splitLinuxMessage(
        `[stdout]\n${unread('probe parameters missing: run-command gave the script neither arguments nor arg1, arg2, ... environment variables')}\n`
      )
    )
  expect(none).toThrow(DispatchError)
  expect(none).toThrow(
    'the probe on the VM could not read its request: probe parameters missing: run-command gave the script neither arguments nor arg1, arg2, ... environment variables'
  )
  try {
    none()
  } catch (error) {
    expect((error as DispatchError).remediation).toMatch(/update the VM agent/)
  }
  const windowsNone = () =>
    readObservations(
      parseRunCommandResult(
        windows(
          unread('probe parameters missing: run-command gave the script no -request parameter')
        )
      )
    )
  expect(windowsNone).toThrow(/could not read its request: .*no -request parameter/)
  const undecodable = () =>
    readObservations(splitLinuxMessage(`[stdout]\n${unread('probe parameters: not base64')}\n`))
  expect(undecodable).toThrow(/could not read its request: probe parameters: not base64/)
  expect(undecodable).not.toThrow(/nonce mismatch/)
})
