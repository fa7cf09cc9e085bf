/**
 * Inputs are data, never code: thousands of hostile strings (quotes, $(), backticks, newlines, ;,
 * unicode, leading dashes) go through every value that reaches the probe (nonce, timeout, IMDS
 * endpoint, identity, check URLs and audiences). The run-command invocation is built the way the
 * action builds it, the parameters are handed to the probe under sh, and the probe's echo mode
 * shows each value arrives byte for byte. Injected code would create a canary file: it never does.
 * The worst case is covered too: parameters spliced UNQUOTED into a shell command line.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import type { IdentitySelection, ProbeRequest } from '../../../src/probe-request'
import { runCommandInput, type RunCommandInput } from '../../../src/dispatch/vm/arm/compute'
import { runOnVm } from '../../../emulator/vm-host'
import { LINUX_PROBE, SHELLS, SYSTEM_PATH, parseObservationsLine, runShell } from './probe-runner'
import { describeWithTools } from '../../helpers/system-tools'

describeWithTools(['dash', 'curl'], 'probe parameters (dash, curl)', () => {
  const LINUX_SOURCE = readFileSync(LINUX_PROBE, 'utf8')

  const work = mkdtempSync(join(tmpdir(), 'mi-smoke-inject-'))
  const canary = join(work, 'INJECTED')
  afterAll(() => rmSync(work, { recursive: true, force: true }))

  const HOSTILE = [
    `$(touch ${canary})`,
    `\`touch ${canary}\``,
    `; touch ${canary};`,
    `\ntouch ${canary}\n`,
    `' ; touch ${canary} ; '`,
    `" ; touch ${canary} ; "`,
    `$(IFS=_;cmd=touch_${canary};$cmd)`,
    '${HOME}',
    '$((1+1))',
    '\\',
    '\\n',
    '*',
    '?',
    '[a-z]',
    '--help',
    '-o',
    '-K -',
    'name=value',
    '=',
    '|',
    '&',
    '>',
    '<',
    '#',
    '~',
    '%s%n',
    '\t',
    '\r\n',
    '\u00e9',
    '\u202e',
    '\u{1F600}',
    '\uFEFF',
    '"',
    "'",
    '{subscriptionId}',
    '{resourceGroup}'
  ]

  /** Any text a GitHub input could hold (no NUL, valid Unicode), weighted towards the hostile bits. */
  const hostile = fc
    .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary', maxLength: 8 })), {
      maxLength: 6
    })
    .map(parts => parts.join(''))
    .filter(s => !s.includes('\0') && Buffer.from(s, 'utf8').toString('utf8') === s)

  const identity: fc.Arbitrary<IdentitySelection> = fc.oneof(
    fc.constant({ kind: 'system' as const }),
    hostile.map(value => ({ kind: 'client-id' as const, value })),
    hostile.map(value => ({ kind: 'object-id' as const, value })),
    hostile.map(value => ({ kind: 'resource-id' as const, value }))
  )

  const probeRequest: fc.Arbitrary<ProbeRequest> = fc.record({
    v: fc.constant(1 as const),
    nonce: hostile,
    identity,
    timeoutMs: fc.integer({ min: 1, max: 600_000 }),
    imdsEndpoint: hostile,
    checks: fc.array(fc.record({ url: hostile, resource: hostile }), { minLength: 1, maxLength: 3 })
  })

  function expectedValues(request: ProbeRequest): string[] {
    const id = request.identity
    return [
      request.nonce,
      String(request.timeoutMs),
      request.imdsEndpoint,
      id.kind,
      id.kind === 'system' ? '' : id.value,
      ...request.checks.flatMap(c => [c.url, c.resource])
    ]
  }

  /** The positional parameters of the run-command body (`arg1`, `arg2`... as azure-cli names them), in order. */
  function parametersOf(input: RunCommandInput): string[] {
    input.parameters.forEach((p, i) => expect(p.name).toBe(`arg${i + 1}`))
    return input.parameters.map(p => p.value)
  }

  function echoed(stdout: string): string[] {
    const values = stdout.split('\0')
    expect(values.pop()).toBe('')
    return values
  }

  const ECHO_ENV = { PATH: SYSTEM_PATH, MI_SMOKE_PROBE_ECHO: '1' }

  test('every parameter is a shell-inert word: base64 alphabet only, no = (az would split it), no leading -', () => {
    fc.assert(
      fc.property(probeRequest, request => {
        const args = runCommandInput('linux', LINUX_SOURCE, request)
        for (const parameter of parametersOf(args)) expect(parameter).toMatch(/^[A-Za-z0-9+/]+$/)
        expect(parametersOf(args).length).toBe(1 + expectedValues(request).length)
      }),
      { numRuns: 2000 }
    )
  })

  describe.each(Object.entries(SHELLS))('under %s', (_name, shell) => {
    test('values arrive unchanged and nothing executes (as argv, and spliced unquoted into a command line)', async () => {
      await fc.assert(
        fc.asyncProperty(probeRequest, async request => {
          const args = runCommandInput('linux', LINUX_SOURCE, request)
          const parameters = parametersOf(args)
          const expected = expectedValues(request)

          const asArgv = await runShell(shell, [LINUX_PROBE, ...parameters], ECHO_ENV)
          expect(asArgv.stderr).toBe('')
          expect(echoed(asArgv.stdout)).toEqual(expected)

          // What an extension that glues parameters into a shell command line would run.
          const spliced = `${shell.join(' ')} ${LINUX_PROBE} ${parameters.join(' ')}`
          const asLine = await runShell(['sh', '-c', spliced], [], ECHO_ENV)
          expect(echoed(asLine.stdout)).toEqual(expected)

          expect(existsSync(canary)).toBe(false)
        }),
        { numRuns: 350 }
      )
    }, 240_000)
  })

  test('the full probe with hostile values: valid JSON back, the nonce intact, nothing executes', async () => {
    // Nothing listens on port 9 of loopback: every request fails fast with `refused`.
    const imds = 'http://127.0.0.1:9'
    await fc.assert(
      fc.asyncProperty(
        probeRequest.map(r => ({
          ...r,
          imdsEndpoint: imds,
          timeoutMs: 1000,
          nonce: Array.from(r.nonce).slice(0, 40).join('')
        })),
        async request => {
          const args = runCommandInput('linux', LINUX_SOURCE, request)
          const run = await runShell(SHELLS['dash']!, [LINUX_PROBE, ...parametersOf(args)], {
            PATH: SYSTEM_PATH
          })
          expect(run.stderr).toBe('')
          const observations = parseObservationsLine(run.stdout)
          expect(observations?.nonce).toBe(request.nonce)
          expect(observations?.apis).toHaveLength(request.checks.length)
          observations?.tokens.forEach(t =>
            expect(request.checks.map(c => c.resource)).toContain(t.resource)
          )
          expect(existsSync(canary)).toBe(false)
        }
      ),
      { numRuns: 150, endOnFailure: true }
    )
  }, 240_000)

  test("through the emulator's VM host: the parameters of the run-command body reach the probe unchanged", async () => {
    await fc.assert(
      fc.asyncProperty(probeRequest, async request => {
        const input = runCommandInput('linux', LINUX_SOURCE, request)
        const run = await runOnVm(input.commandId, input.script.join('\n'), input.parameters, {
          shell: ['sh'],
          env: { MI_SMOKE_PROBE_ECHO: '1' }
        })
        expect(echoed(run.stdout)).toEqual(expectedValues(request))
        expect(existsSync(canary)).toBe(false)
      }),
      { numRuns: 60 }
    )
  }, 240_000)

  test('the canary works: the same hostile values, NOT encoded and spliced into a command line, do execute', async () => {
    const raw = `echo ${HOSTILE[0]}`
    await runShell(['sh', '-c', raw], [], { PATH: SYSTEM_PATH })
    expect(existsSync(canary)).toBe(true)
    rmSync(canary)
  })
})
