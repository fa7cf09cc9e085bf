/**
 * Inputs are data, never code: thousands of hostile strings (quotes, $(), backticks, newlines, ;,
 * unicode, leading dashes) go through every value that reaches the probe (nonce, timeout, IMDS
 * endpoint, identity, check URLs and audiences). The run-command invocation is built the way the
 * action builds it, the parameters are handed to the probe under sh, and the probe's echo mode
 * shows each value arrives byte for byte. Injected code would create a canary file: it never does.
 * The worst case is covered too: parameters spliced UNQUOTED into a shell command line.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import type { IdentitySelection, ProbeRequest } from '../../../src/contracts/probe-request'
import { runCommandInput } from '../../../src/engine/dispatch/vm/arm/compute'
import { runOnVm } from '../../../emulator/vm-host'
import { describeWithTools } from '../../helpers/system-tools'
import {
  LINUX_PROBE,
  SHELLS,
  SYSTEM_PATH,
  WINDOWS_PROBE,
  namedParameters,
  parseObservationsLine,
  pwshCommand,
  runShell,
  shellTools,
  windowsEnv
} from '../../helpers/probe-runner'

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
  '{resourceGroup}',
  // PowerShell's own: subexpressions, the escape character, statement separators, call operators,
  // splatting, variables and scope modifiers, stop-parsing, and the line separators it honours.
  `$(New-Item -ItemType File -Path '${canary}')`,
  `\`$(New-Item -ItemType File -Path '${canary}')`,
  `'; New-Item -ItemType File -Path '${canary}'; '`,
  `"; New-Item -ItemType File -Path '${canary}'; "`,
  `& { New-Item -ItemType File -Path '${canary}' }`,
  `\nNew-Item -ItemType File -Path '${canary}'\n`,
  `\u2028New-Item -ItemType File -Path '${canary}'\u2028`,
  '`n`r`t`0',
  '`',
  '@args',
  '@{a=1}',
  '$env:PATH',
  '${function:prompt}',
  '$script:x',
  '--%',
  '-request',
  '\u2029',
  '\u0085'
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

/** The `--parameters` of the generated az invocation. */
const LINUX_SOURCE = readFileSync(LINUX_PROBE, 'utf8')
const WINDOWS_SOURCE = readFileSync(WINDOWS_PROBE, 'utf8')

/** The Linux probe's positional parameters, as the run-command body carries them (arg1, arg2...). */
function linuxParameters(request: ProbeRequest): string[] {
  return runCommandInput('linux', LINUX_SOURCE, request).parameters.map(p => p.value)
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
      const args = linuxParameters(request)
      for (const parameter of args) expect(parameter).toMatch(/^[A-Za-z0-9+/]+$/)
      expect(args.length).toBe(1 + expectedValues(request).length)
    }),
    { numRuns: 2000 }
  )
})

for (const [name, shell] of Object.entries(SHELLS)) {
  describeWithTools(shellTools(shell), `under ${name}`, () => {
    test('values arrive unchanged and nothing executes (as argv, and spliced unquoted into a command line)', async () => {
      await fc.assert(
        fc.asyncProperty(probeRequest, async request => {
          const args = linuxParameters(request)
          const parameters = args
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
}

/** The Linux probe's cut of an echoed field (`escaped 300` in vm-probes/linux/src/identity.sh). */
const FIELD_CUT_BYTES = 300

describeWithTools(['dash', 'curl'], "the whole probe, and through the emulator's VM host", () => {
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
          const args = linuxParameters(request)
          const run = await runShell(SHELLS['dash']!, [LINUX_PROBE, ...args], {
            PATH: SYSTEM_PATH
          })
          expect(run.stderr).toBe('')
          const observations = parseObservationsLine(run.stdout)
          expect(observations?.nonce).toBe(request.nonce)
          expect(observations?.apis).toHaveLength(request.checks.length)
          // Each audience comes back as sent, or (longer than the probe's 300-byte field cut, which
          // keeps the line inside run-command's 4 KB) as its first 300 bytes.
          observations?.tokens.forEach(t => {
            const sent = request.checks.map(c => c.resource)
            const cutFrom = sent.filter(
              r => Buffer.byteLength(r) > FIELD_CUT_BYTES && r.startsWith(t.resource)
            )
            if (cutFrom.length > 0)
              expect(Buffer.byteLength(t.resource)).toBeLessThanOrEqual(FIELD_CUT_BYTES)
            else expect(sent).toContain(t.resource)
          })
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
})

test('the canary works: the same hostile values, NOT encoded and spliced into a command line, do execute', async () => {
  const raw = `echo ${HOSTILE[0]}`
  await runShell(['sh', '-c', raw], [], { PATH: SYSTEM_PATH })
  expect(existsSync(canary)).toBe(true)
  rmSync(canary)
})

/** What the Windows probe's echo mode prints for a request: the decoded request. */
function expectedWindowsEcho(request: ProbeRequest): unknown {
  const [nonce, timeoutMs, imdsEndpoint, identityKind, identityValue] = expectedValues(request)
  return {
    nonce,
    timeoutMs,
    imdsEndpoint,
    identityKind,
    identityValue,
    checks: request.checks.map(c => ({ url: c.url, resource: c.resource }))
  }
}

function windowsParameters(request: ProbeRequest): string[] {
  return runCommandInput('windows', WINDOWS_SOURCE, request).parameters.map(
    p => `${p.name}=${p.value}`
  )
}

describeWithTools(['pwsh'], 'the Windows probe under pwsh', () => {
  const ECHO = (): Record<string, string> => windowsEnv(work, { MI_SMOKE_PROBE_ECHO: '1' })

  test('every parameter is name=<base64>: nothing PowerShell reads as code, a variable or an option', () => {
    fc.assert(
      fc.property(probeRequest, request => {
        const parameters = windowsParameters(request)
        expect(parameters).toHaveLength(1)
        expect(parameters[0]).toMatch(/^request=[A-Za-z0-9+/]+$/)
      }),
      { numRuns: 2000 }
    )
  })

  test('hundreds of hostile requests, each handed to probe.ps1 as -request: every value arrives, nothing executes', async () => {
    // One pwsh runs the script once per request (`& probe.ps1 -request <value>`, which binds the
    // parameter as -File does): a pwsh start per request would take minutes.
    const requests = fc.sample(probeRequest, 300)
    const list = join(work, 'requests.txt')
    const driver = join(work, 'driver.ps1')
    const values = requests.map(r => namedParameters(windowsParameters(r))[1]!)
    writeFileSync(list, values.join('\n') + '\n')
    writeFileSync(
      driver,
      [
        'param([string]$Probe, [string]$List)',
        'foreach ($value in [System.IO.File]::ReadAllLines($List)) { & $Probe -request $value }'
      ].join('\n')
    )
    const [pwsh, ...args] = pwshCommand()
    const run = await runShell(
      [pwsh!, ...args],
      [driver, '-Probe', WINDOWS_PROBE, '-List', list],
      ECHO(),
      240_000
    )
    expect(run.stderr).toBe('')
    const lines = run.stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(requests.length)
    lines.forEach((line, n) => {
      expect(line).toMatch(/^[\x20-\x7e]*\r?$/)
      expect(JSON.parse(line)).toEqual(expectedWindowsEcho(requests[n]!))
    })
    expect(existsSync(canary)).toBe(false)
  }, 300_000)

  test('as run-command starts it (pwsh -File probe.ps1 -request <value>), and spliced unquoted into a -Command line', async () => {
    await fc.assert(
      fc.asyncProperty(probeRequest, async request => {
        const parameters = namedParameters(windowsParameters(request))
        const expected = expectedWindowsEcho(request)
        const asFile = await runShell(pwshCommand(), [WINDOWS_PROBE, ...parameters], ECHO())
        expect(asFile.stderr).toBe('')
        expect(JSON.parse(asFile.stdout)).toEqual(expected)
        // What an extension that glues the parameters into a PowerShell command line would run.
        const [pwsh, ...args] = pwshCommand()
        const line = `& '${WINDOWS_PROBE}' ${parameters.join(' ')}`
        const asLine = await runShell([pwsh!, ...args.slice(0, -1), '-Command', line], [], ECHO())
        expect(JSON.parse(asLine.stdout)).toEqual(expected)
        expect(existsSync(canary)).toBe(false)
      }),
      // Two pwsh starts per run, seconds each: the many-request test above covers the values.
      { numRuns: 5 }
    )
  }, 240_000)

  test("through the emulator's VM host (RunPowerShellScript under pwsh): the parameter of the run-command body reaches the probe unchanged", async () => {
    await fc.assert(
      fc.asyncProperty(probeRequest, async request => {
        const input = runCommandInput('windows', WINDOWS_SOURCE, request)
        const run = await runOnVm(input.commandId, input.script.join('\n'), input.parameters, {
          shell: ['sh'],
          env: { MI_SMOKE_PROBE_ECHO: '1' }
        })
        expect(JSON.parse(run.stdout)).toEqual(expectedWindowsEcho(request))
        expect(existsSync(canary)).toBe(false)
      }),
      { numRuns: 3 }
    )
  }, 240_000)

  test('the canary works under PowerShell too: the same value NOT encoded, in a -Command line, executes', async () => {
    const [pwsh, ...args] = pwshCommand()
    await runShell(
      [
        pwsh!,
        ...args.slice(0, -1),
        '-Command',
        `echo "${HOSTILE.find(h => h.startsWith('$(New-Item'))}"`
      ],
      [],
      windowsEnv(work)
    )
    expect(existsSync(canary)).toBe(true)
    rmSync(canary)
  })
})
