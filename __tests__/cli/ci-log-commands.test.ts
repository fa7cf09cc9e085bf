/**
 * The CI log-command neutraliser: GitHub's `::cmd::` (after leading whitespace, which the runner
 * trims) and `##[cmd]`, Azure Pipelines' `##vso[` anywhere in a line, in every line of a text
 * however its lines end; and JSON written for a log keeps its value while losing the commands.
 */
import fc from 'fast-check'
import { jsonForLogs, neutraliseLogCommands } from '../../src/common/ci-log-commands'

/** What a runner would act on: the same checks the runners make, line by line. */
function hasCommand(text: string): boolean {
  return text
    .split(/\r\n|\r|\n/)
    .some(line => /^\s*::/.test(line) || line.includes('##[') || line.includes('##vso['))
}

test.each([
  ['::error::x', ': :error::x'],
  ['  \t::add-mask::x', '  \t: :add-mask::x'],
  ['text ##vso[task.setvariable variable=a]1', 'text # #vso[task.setvariable variable=a]1'],
  ['##[group]x', '# #[group]x'],
  ['###vso[x]', '## #vso[x]'],
  ['a\r::error::b\n##vso[c]', 'a\r: :error::b\n# #vso[c]'],
  ['no command: a::b # [x]', 'no command: a::b # [x]']
])('%j → %j', (input, output) => {
  expect(neutraliseLogCommands(input)).toBe(output)
  expect(hasCommand(neutraliseLogCommands(input))).toBe(false)
})

test('any text: no command survives, and text without one is unchanged', () => {
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
      const out = neutraliseLogCommands(text)
      expect(hasCommand(out)).toBe(false)
      if (!hasCommand(text) && !/##vso\[/i.test(text)) expect(out).toBe(text)
    }),
    { numRuns: 2000 }
  )
})

test('jsonForLogs: the same value, no command in any line', () => {
  fc.assert(
    fc.property(
      fc.jsonValue(),
      fc.array(fc.constantFrom('##', '[', 'vso[', '#', 'x'), { maxLength: 12 }),
      (value, parts) => {
        const doc = { value, text: parts.join('') }
        for (const indent of [undefined, 2]) {
          const json = jsonForLogs(doc, indent)
          expect(hasCommand(json)).toBe(false)
          expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(doc)))
        }
      }
    ),
    { numRuns: 500 }
  )
})
