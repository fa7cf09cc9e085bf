/**
 * The pure helpers of vm-probes/linux/probe.sh, from the pieces the probe is assembled from
 * (vm-probes/linux/src: prelude, text, base64, json), sourced as they are and run under dash, bash
 * and busybox sh on generated values:
 *
 * - escaped: its shell fast path (printable ASCII that needs no escape and fits) and json_escape
 *   (awk) must give what JSON would, cut at the limit without splitting an escape;
 * - seconds_to_ms: curl's %{time_total} (decimal seconds) to whole milliseconds, refusing anything
 *   that is not a plain decimal;
 * - b64url_of: base64url, unpadded, one line, whatever the bytes.
 */
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describeWithTools } from '../../helpers/system-tools'
import {
  LINUX_PROBE_PIECES,
  SHELLS,
  SYSTEM_PATH,
  runShell,
  shellTools
} from '../../helpers/probe-runner'

// The pieces that hold the helpers, sourced as they are (the probe is their concatenation).
const PRELUDE = ['prelude.sh', 'text.sh', 'base64.sh', 'json.sh']
  .map(piece => `. '${join(LINUX_PROBE_PIECES, piece)}'`)
  .join('\n')

/** Runs `body` after the probe's helpers with `args`; every result ends in a NUL. */
async function runHelpers(shell: string[], body: string, args: string[]): Promise<string[]> {
  // HOME without a .bashrc: bash reads it when its stdin looks like a remote shell's.
  const run = await runShell(shell, ['-c', `${PRELUDE}\n${body}`, 'sh', ...args], {
    PATH: SYSTEM_PATH,
    HOME: tmpdir()
  })
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  return run.stdout.split('\0').slice(0, -1)
}

/** What JSON.stringify would write inside the quotes, cut at `limit` characters (-1: no cut). */
function expectedEscape(text: string, limit: number): string {
  let out = ''
  for (const char of text) {
    const escaped = JSON.stringify(char).slice(1, -1)
    const code = char.charCodeAt(0)
    const e =
      code === 0x7f || (code < 0x20 && escaped.length === 2 && !'nrt'.includes(escaped[1]!))
        ? `\\u${code.toString(16).padStart(4, '0')}`
        : escaped
    if (limit >= 0 && out.length + e.length > limit) break
    out += e
  }
  return out
}

// Characters a URL, a header or an error text holds, and the ones that must be escaped.
const TEXT_CHAR = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(..."az09-._~:/?#[]@!$&()*+,;=% {}|^`'<>".split('')) },
  { weight: 2, arbitrary: fc.constantFrom('"', '\\', '\t', '\n', '\r', '\x01', '\x1f', '\x7f') }
)
const TEXT = fc.string({ unit: TEXT_CHAR, maxLength: 80 })
const LIMIT = fc.oneof(fc.constant(-1), fc.integer({ min: 0, max: 100 }))

for (const [name, shell] of Object.entries(SHELLS)) {
  describeWithTools(shellTools(shell), `probe.sh helpers under ${name}`, () => {
    test('escaped gives JSON string content, cut without splitting an escape', async () => {
      const cases = fc.sample(fc.tuple(TEXT, LIMIT), { numRuns: 300, seed: 4242 })
      // Printable ASCII that needs no escape at all, so the shell fast path is taken often too.
      cases.push(['https://management.azure.com/', -1], ['abc', 3], ['abcd', 3], ['', 0])
      const args = cases.flatMap(([text, limit]) => [String(limit), text])
      const results = await runHelpers(
        shell,
        'while [ $# -ge 2 ]; do escaped "$1" "$2"; printf "%s\\000" "$ESC"; shift 2; done',
        args
      )
      expect(results).toEqual(cases.map(([text, limit]) => expectedEscape(text, limit)))
      for (const [index, [text]] of cases.entries()) {
        expect(text.startsWith(JSON.parse(`"${results[index]}"`) as string)).toBe(true)
      }
    })

    test('seconds_to_ms reads curl time_total exactly and refuses anything else', async () => {
      const decimal = fc
        .tuple(fc.stringMatching(/^[0-9]{1,6}$/), fc.stringMatching(/^[0-9]{0,7}$/))
        .map(([whole, fraction]) => (fraction ? `${whole}.${fraction}` : whole))
      const values = fc.sample(decimal, { numRuns: 200, seed: 7 })
      const refused = ['', '.5', '5.', '1.2.3', '-1', '1e3', ' 1', '0,004', '12a']
      const results = await runHelpers(
        shell,
        'for v in "$@"; do if seconds_to_ms "$v"; then printf "%s\\000" "$_MS"; else printf "no\\000"; fi; done',
        [...values, ...refused]
      )
      const expected = values.map(value => {
        const [whole, fraction = ''] = value.split('.')
        return String(Number(whole) * 1000 + Number(fraction.padEnd(3, '0').slice(0, 3)))
      })
      expect(results).toEqual([...expected, ...refused.map(() => 'no')])
    })

    test('b64url_of is base64url, unpadded, on one line, for any bytes', async () => {
      const texts = fc.sample(fc.string({ unit: 'binary-ascii', minLength: 0, maxLength: 200 }), {
        numRuns: 60,
        seed: 99
      })
      const usable = texts.filter(text => !text.includes('\0'))
      const results = await runHelpers(
        shell,
        'for v in "$@"; do b64url_of "$v"; printf "%s\\000" "$REPLY"; done',
        usable
      )
      expect(results).toEqual(usable.map(text => Buffer.from(text, 'latin1').toString('base64url')))
    })
  })
}
