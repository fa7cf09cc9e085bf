/**
 * The Windows probe runs under Windows PowerShell 5.1 on a VM, which cannot be run here: the probe is
 * parsed with PowerShell's own parser under pwsh (ps51-compat.ps1) and refused if it has a syntax
 * error or uses anything 5.1 lacks. Every construct the checker refuses is shown to be refused, so
 * a clean result means something. (The real 5.1 runs the probe in CI's windows-latest job.)
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describeWithTools } from '../../helpers/system-tools'
import { WINDOWS_PROBE, pwshCommand, windowsEnv } from '../../helpers/probe-runner'

const CHECKER = join(__dirname, 'ps51-compat.ps1')

interface Verdict {
  path: string
  errors: string[]
  problems: string[]
}

function check(paths: string[]): Verdict[] {
  const work = mkdtempSync(join(tmpdir(), 'mi-smoke-ps51-'))
  try {
    const [pwsh, ...args] = pwshCommand()
    const run = spawnSync(pwsh!, [...args, CHECKER, ...paths], {
      encoding: 'utf8',
      env: windowsEnv(work)
    })
    if (run.status !== 0) throw new Error(`checker failed: ${run.stderr}`)
    return run.stdout
      .trim()
      .split('\n')
      .map(line => JSON.parse(line) as Verdict)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

/** Each: a script using one thing 5.1 lacks, and what the checker must say about it. */
const REFUSED: Array<[string, string, RegExp]> = [
  ['ternary', '$a = $true ? 1 : 2', /ternary/],
  ['null-coalescing', '$b = $null ?? 3', /null-coalescing \?\?/],
  ['null-coalescing assignment', '$c ??= 4', /\?\?=/],
  ['null-conditional member', '$d = ${a}?.Length', /null-conditional/],
  ['null-conditional index', '$d = ${a}?[0]', /null-conditional/],
  ['pipeline chain &&', 'Get-Item x && Get-Item y', /pipeline chain/],
  ['pipeline chain ||', 'Get-Item x || Get-Item y', /pipeline chain/],
  ['clean block', 'function f { process { } clean { } }', /clean block/],
  [
    '-SkipCertificateCheck',
    'Invoke-WebRequest -Uri x -SkipCertificateCheck',
    /-SkipCertificateCheck/
  ],
  [
    '-SkipCertificateCheck, abbreviated',
    'Invoke-RestMethod -Uri x -SkipCert',
    /-SkipCertificateCheck/
  ],
  ['-NoProxy', 'Invoke-WebRequest -Uri x -NoProxy', /-NoProxy/],
  ['-SkipHttpErrorCheck', 'Invoke-RestMethod x -SkipHttpErrorCheck', /-SkipHttpErrorCheck/],
  [
    '-ResponseHeadersVariable',
    'Invoke-RestMethod x -ResponseHeadersVariable h',
    /-ResponseHeadersVariable/
  ],
  ['-StatusCodeVariable', 'Invoke-RestMethod x -StatusCodeVariable s', /-StatusCodeVariable/],
  ['-AsHashtable', "ConvertFrom-Json '{}' -AsHashtable", /-AsHashtable/],
  ['ConvertFrom-Json -Depth', "'{}' | ConvertFrom-Json -Depth 3", /ConvertFrom-Json -Depth/],
  [
    'ConvertTo-Json -EscapeHandling',
    '@{} | ConvertTo-Json -EscapeHandling EscapeNonAscii',
    /-EscapeHandling/
  ],
  ['ForEach-Object -Parallel', '1..2 | ForEach-Object -Parallel { $_ }', /-Parallel/],
  ['Get-Content -AsByteStream', 'Get-Content x -AsByteStream', /-AsByteStream/],
  ['a cmdlet 5.1 lacks', "Test-Json -Json '{}'", /Test-Json/],
  ['$IsWindows', 'if ($IsWindows) { }', /\$IsWindows/],
  ['a non-ASCII character', "$e = 'caf\u00e9'", /U\+00E9/],
  ['a syntax error', 'function f( {', /./]
]

describeWithTools(
  ['pwsh'],
  'Windows PowerShell 5.1 compatibility (PowerShell parser under pwsh)',
  () => {
    let work: string
    beforeAll(() => {
      work = mkdtempSync(join(tmpdir(), 'mi-smoke-ps51-cases-'))
    })
    afterAll(() => rmSync(work, { recursive: true, force: true }))

    test('probe.ps1 parses with no error and uses nothing Windows PowerShell 5.1 lacks', () => {
      const [verdict] = check([WINDOWS_PROBE])
      expect(verdict).toEqual({ path: WINDOWS_PROBE, errors: [], problems: [] })
    })

    test('the checker refuses each construct 5.1 lacks, and passes the same script without it', () => {
      const files = REFUSED.map(([, script], n) => {
        const file = join(work, `case-${n}.ps1`)
        writeFileSync(file, `Set-StrictMode -Version Latest\n${script}\n`)
        return file
      })
      const allowed = join(work, 'allowed.ps1')
      writeFileSync(
        allowed,
        [
          '$a = if ($true) { 1 } else { 2 }',
          '$h = ConvertFrom-Json \'{"x":1}\'',
          'Invoke-WebRequest -Uri x -UseBasicParsing -TimeoutSec 5',
          '$x = ConvertTo-Json @{} -Compress -Depth 4',
          'Get-Item x; if ($?) { Get-Item y }',
          "$s = 'caf' + [char]0xE9"
        ].join('\n')
      )
      const verdicts = check([...files, allowed])
      REFUSED.forEach(([name, , said], n) => {
        const verdict = verdicts[n]!
        const found = [...verdict.errors, ...verdict.problems]
        if (!found.some(text => said.test(text))) {
          throw new Error(`${name}: not refused (${JSON.stringify(verdict)})`)
        }
      })
      // The syntax error is a parse error, not a problem found in a tree.
      expect(verdicts[REFUSED.length - 1]!.errors.length).toBeGreaterThan(0)
      expect(verdicts[REFUSED.length]).toEqual({ path: allowed, errors: [], problems: [] })
    })
  }
)
