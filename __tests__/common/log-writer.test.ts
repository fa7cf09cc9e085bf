/**
 * The one log writer: whatever text it is given, parsers that follow GitHub's runner and Azure
 * Pipelines' agent (helpers/runner-commands.ts) find no command in what it writes, in any syntax,
 * alone or after the front end's own words; the change is visible, never a deletion; and JSON
 * written for a log keeps its value while losing the commands.
 */
import fc from 'fast-check'
import { createLogWriter, inertJson, inertText, oneLine } from '../../src/common/log-writer'
import { COMMAND_PIECES, azurePipelinesCommands, runnerCommands } from '../helpers/runner-commands'

const hostile = fc
  .array(fc.oneof(fc.constantFrom(...COMMAND_PIECES), fc.string({ maxLength: 4 })), {
    maxLength: 24
  })
  .map(parts => parts.join(''))

describe("the log writer neutralises GitHub's and Azure Pipelines' command syntaxes", () => {
  test.each([
    ['::warning::forged', ': :warning::forged'],
    ['   ::set-output name=result::pass', '   : :set-output name=result::pass'],
    ['\u00a0::error::x', '\u00a0: :error::x'],
    ['\u200b::error::x', '<U+200B>::error::x'],
    ['text ##[error]forged', 'text ## [error]forged'],
    ['#\u00ad#[add-mask]x', '#<U+00AD>#[add-mask]x'],
    ['text ##vso[task.setvariable variable=a]1', 'text ## vso[task.setvariable variable=a]1'],
    ['#\u200b#VSO[task.complete]x', '#<U+200B>#VSO[task.complete]x'],
    ['a\rb', 'a b'],
    ['https://[::1]:8080/ stays as is', 'https://[::1]:8080/ stays as is']
  ])('oneLine(%j)', (input, expected) => {
    expect(oneLine(input)).toBe(expected)
    expect(runnerCommands(oneLine(input))).toEqual([])
    expect(azurePipelinesCommands(oneLine(input))).toEqual([])
  })

  test('the example the runner accepts is found by the parser (the test can fail)', () => {
    expect(
      runnerCommands('  ::warning::x\nok ##[set-output name=a]b\n#\u200b#[error]c').map(c => c.name)
    ).toEqual(['warning', 'set-output', 'error'])
    expect(azurePipelinesCommands('a ##vso[task.setvariable]b\n#\u00ad#VSO[x]\n## vso[')).toEqual([
      'a ##vso[task.setvariable]b',
      '#\u00ad#VSO[x]'
    ])
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
          const azure = oneLine(text) + inertText(text) + oneLine(prefix + text)
          expect(azurePipelinesCommands(azure + prefix + oneLine(text))).toEqual([])
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

  // What a CI runner acts on by the plainest reading of each syntax (GitHub's `::` after leading
  // white space and `##[`, Azure Pipelines' `##vso[`), line by line.
  const hasCommand = (text: string): boolean =>
    text
      .split(/\r\n|\r|\n/)
      .some(line => /^\s*::/.test(line) || line.includes('##[') || line.includes('##vso['))

  test.each([
    ['::error::x', ': :error::x'],
    ['  \t::add-mask::x', '  \t: :add-mask::x'],
    ['text ##vso[task.setvariable variable=a]1', 'text ## vso[task.setvariable variable=a]1'],
    ['##[group]x', '## [group]x'],
    ['###vso[x]', '### vso[x]'],
    ['a\r::error::b\n##vso[c]', 'a\n: :error::b\n## vso[c]'],
    ['no command: a::b # [x]', 'no command: a::b # [x]']
  ])('inertText(%j) → %j', (input, output) => {
    expect(inertText(input)).toBe(output)
    expect(hasCommand(inertText(input))).toBe(false)
  })

  test('property: no command survives, and text without one keeps its lines unchanged', () => {
    const pieces = fc.constantFrom(
      '::',
      '#',
      '##',
      '[',
      'vso[',
      'VSO[',
      ' ',
      '\t',
      '\n',
      '\r',
      'x',
      ':'
    )
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), parts => {
        const text = parts.join('')
        const out = inertText(text)
        expect(hasCommand(out)).toBe(false)
        // Each line is kept as it was; only the kind of line break becomes `\n`.
        if (!hasCommand(text) && !/##vso\[/i.test(text)) {
          expect(out).toBe(text.split(/\r\n|\r|\n/).join('\n'))
        }
      }),
      { numRuns: 2000 }
    )
  })

  test('property: inertJson has the same value, and no command in any line', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.array(fc.constantFrom('##', '[', 'vso[', 'VSO[', '#', 'x', '\u200b', '\u00ad'), {
          maxLength: 12
        }),
        (value, parts) => {
          const doc = { value, text: parts.join('') }
          for (const indent of [undefined, 2]) {
            const json = inertJson(doc, indent)
            expect(hasCommand(json)).toBe(false)
            expect(runnerCommands(json)).toEqual([])
            expect(azurePipelinesCommands(json)).toEqual([])
            expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(doc)))
          }
        }
      ),
      { numRuns: 500 }
    )
  })
})
