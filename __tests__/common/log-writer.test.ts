/**
 * The one log writer: whatever text it is given, a parser that follows GitHub's runner
 * (helpers/runner-commands.ts) finds no command in what it writes, in either syntax, alone or after
 * the action's own words; and the change is visible, never a deletion.
 */
import fc from 'fast-check'
import { createLogWriter, inertText, oneLine } from '../../src/common/log-writer'
import { COMMAND_PIECES, runnerCommands } from '../helpers/runner-commands'

const hostile = fc
  .array(fc.oneof(fc.constantFrom(...COMMAND_PIECES), fc.string({ maxLength: 4 })), {
    maxLength: 24
  })
  .map(parts => parts.join(''))

describe("the log writer neutralises both of the runner's command syntaxes", () => {
  test.each([
    ['::warning::forged', ': :warning::forged'],
    ['   ::set-output name=result::pass', '   : :set-output name=result::pass'],
    ['\u00a0::error::x', '\u00a0: :error::x'],
    ['\u200b::error::x', '<U+200B>::error::x'],
    ['text ##[error]forged', 'text ## [error]forged'],
    ['#\u00ad#[add-mask]x', '#<U+00AD>#[add-mask]x'],
    ['a\rb', 'a b'],
    ['https://[::1]:8080/ stays as is', 'https://[::1]:8080/ stays as is']
  ])('oneLine(%j)', (input, expected) => {
    expect(oneLine(input)).toBe(expected)
    expect(runnerCommands(oneLine(input))).toEqual([])
  })

  test('the example the runner accepts is found by the parser (the test can fail)', () => {
    expect(
      runnerCommands('  ::warning::x\nok ##[set-output name=a]b\n#\u200b#[error]c').map(c => c.name)
    ).toEqual(['warning', 'set-output', 'error'])
    expect(runnerCommands('::stop-commands::t1\n::T1::').map(c => c.name)).toEqual([
      'stop-commands',
      't1'
    ])
  })

  test('property: no command in oneLine(text) or inertText(text), alone or after our own words', () => {
    fc.assert(
      fc.property(
        hostile,
        fc.constantFrom('', '  ', 'mi-smoke: ', '  FAIL api  '),
        (text, prefix) => {
          expect(runnerCommands(oneLine(text))).toEqual([])
          expect(runnerCommands(inertText(text))).toEqual([])
          expect(runnerCommands(oneLine(prefix + text))).toEqual([])
          expect(runnerCommands(prefix + oneLine(text))).toEqual([])
        }
      ),
      { numRuns: 3000 }
    )
  })

  test('property: visible and in order: every visible character of the text is kept', () => {
    fc.assert(
      fc.property(hostile, text => {
        const kept = [...inertText(text)]
        let at = 0
        for (const char of text.replace(
          /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/gu,
          ''
        )) {
          while (at < kept.length && kept[at] !== char) at++
          expect(at).toBeLessThan(kept.length)
          at++
        }
      }),
      { numRuns: 1000 }
    )
  })

  test('the writer writes inert lines to stdout and stderr alike', () => {
    let out = ''
    let err = ''
    const writer = createLogWriter({
      stdout: { write: (chunk: string) => ((out += chunk), true) },
      stderr: { write: (chunk: string) => ((err += chunk), true) }
    })
    writer.out('a\n::add-mask::x\r##[error]y')
    writer.err('::stop-commands::t\n::t::')
    expect(out).toBe('a\n: :add-mask::x\n## [error]y\n')
    expect(err).toBe(': :stop-commands::t\n: :t::\n')
    expect(runnerCommands(out + err)).toEqual([])
  })
})
