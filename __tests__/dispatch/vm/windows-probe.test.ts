/**
 * The Windows probe cannot run here (no PowerShell): what is generated and sent is tested, and the
 * script is parsed with a PowerShell grammar (tree-sitter-powershell, WebAssembly build) to show
 * it has no syntax error. Its safety rules are checked on its text.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import type { ProbeRequest } from '../../../src/probe-request'
import {
  decodeUnpaddedBase64,
  windowsProbeParameters
} from '../../../src/dispatch/vm/probe-parameters'
import { runCommandInput } from '../../../src/dispatch/vm/arm/compute'
import { WINDOWS_PROBE } from './probe-runner'

const source = readFileSync(WINDOWS_PROBE, 'utf8')

function parsePowerShell(text: string): { hasError: boolean; root: string; errors: string[] } {
  const out = execFileSync(process.execPath, [join(__dirname, 'parse-powershell.cjs')], {
    input: text,
    encoding: 'utf8'
  })
  return JSON.parse(out) as { hasError: boolean; root: string; errors: string[] }
}

test('probe.ps1 parses with the PowerShell grammar: no syntax error', () => {
  const parsed = parsePowerShell(source)
  expect(parsed.root).toBe('program')
  expect(parsed.errors).toEqual([])
  expect(parsed.hasError).toBe(false)
})

test('the grammar check can fail: a broken copy of the script has errors', () => {
  const broken = source.replace(
    'function Invoke-Get([string]$Mode',
    'function Invoke-Get([string]$Mode {'
  )
  expect(parsePowerShell(broken).hasError).toBe(true)
})

test('probe.ps1 takes one string parameter, Request, and prints one marker line', () => {
  expect(source).toMatch(
    /param\(\s*\[Parameter\(Mandatory = \$false\)\]\s*\[string\]\$Request = ''\s*\)/
  )
  expect(source).toContain("$Marker = 'MI-SMOKE-OBS/1'")
  expect(source.match(/Write-Output \(\$Marker \+ ' ' \+/g)).toHaveLength(2)
  expect(source).toMatch(/ConvertTo-Json -InputObject .* -Compress -Depth 8/)
})

test('probe.ps1 never runs input and never prints the token', () => {
  expect(source).not.toMatch(/Invoke-Expression|\biex\b|\[scriptblock\]::Create|Add-Type/i)
  // Only the payload segment leaves: $parts[1]; the access token is only ever a header value.
  expect(source).toMatch(/\$fullClaims\[\$tokens\.Count\] = \$parts\[1\]/)
  const accessUses = source.split('\n').filter(l => /\$access\b/.test(l))
  for (const line of accessUses) expect(line).not.toMatch(/Write-|Out-File|Set-Content/)
  expect(source).toMatch(/if \(\$p\.Name -eq 'access_token'\) \{ continue \}/)
})

test('probe.ps1 bypasses any proxy for IMDS, sets timeouts, refuses redirects', () => {
  expect(source).toMatch(/if \(\$Mode -eq 'imds'\) \{\s*\$req\.Proxy = \$null/)
  expect(source).toContain('$req.Timeout = $script:TimeoutMs')
  expect(source).toContain('$req.ReadWriteTimeout = $script:TimeoutMs')
  expect(source).toContain('$req.AllowAutoRedirect = $false')
})

const text = fc
  .string({ unit: 'binary', maxLength: 40 })
  .filter(s => Buffer.from(s).toString() === s)

test('what is sent: request=<unpadded base64 of the request JSON>, every value intact', () => {
  fc.assert(
    fc.property(
      fc.record({
        nonce: text,
        value: text,
        timeoutMs: fc.integer({ min: 1, max: 600000 }),
        imds: text,
        checks: fc.array(fc.record({ url: text, resource: text }), { minLength: 1, maxLength: 3 })
      }),
      ({ nonce, value, timeoutMs, imds, checks }) => {
        const request: ProbeRequest = {
          v: 1,
          nonce,
          identity: { kind: 'client-id', value },
          timeoutMs,
          imdsEndpoint: imds,
          checks
        }
        const input = runCommandInput('windows', source, request)
        expect(input.commandId).toBe('RunPowerShellScript')
        expect(input.script).toEqual([source])
        // azure-cli splits `name=value` at the first `=`: the script gets -request <value>.
        const parameters = input.parameters.map(p => `${p.name}=${p.value}`)
        expect(parameters).toEqual(windowsProbeParameters(request))
        expect(parameters).toHaveLength(1)
        expect(parameters[0]).toMatch(/^request=[A-Za-z0-9+/]*$/)
        const wire = JSON.parse(decodeUnpaddedBase64(parameters[0]!.slice('request='.length)))
        expect(wire).toEqual({
          v: 1,
          nonce,
          timeoutMs,
          imdsEndpoint: imds,
          identityKind: 'client-id',
          identityValue: value,
          checks
        })
      }
    ),
    { numRuns: 1000 }
  )
})
