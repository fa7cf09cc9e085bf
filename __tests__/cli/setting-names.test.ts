/**
 * The engine names a setting as the action's input (`rbac-wait: 5m`); the command line shows the
 * same words with its own options (`--rbac-wait 5m`), and its defect advice names no GitHub secret.
 */
import {
  DEFECT_ADVICE,
  NAMED_SETTINGS,
  inCommandLineWords,
  setting
} from '../../src/engine/inputs/setting-names'
import { INPUT_OPTIONS } from '../../packages/cli/src/args'

test.each([
  ['set rbac-wait: 5m to poll', 'set --rbac-wait 5m to poll'],
  [
    'raise rbac-wait (it is 90 s; e.g. rbac-wait: 15m)',
    'raise --rbac-wait (it is 90 s; e.g. --rbac-wait 15m)'
  ],
  [
    'still denied after 2 min of rbac-wait (3 probes)',
    'still denied after 2 min of --rbac-wait (3 probes)'
  ],
  ['raise ready-wait, or warm it up first', 'raise --ready-wait, or warm it up first'],
  // Already an option, or part of a longer word: left alone.
  ['--rbac-wait 5m', '--rbac-wait 5m'],
  ['my-rbac-wait: x and rbac-waits', 'my-rbac-wait: x and rbac-waits']
])('%j → %j', (engine, commandLine) => {
  expect(inCommandLineWords(engine)).toBe(commandLine)
})

test('every setting the engine names is an option of the command line with the same name', () => {
  for (const name of NAMED_SETTINGS) {
    expect(INPUT_OPTIONS).toContain(name)
    expect(inCommandLineWords(`set ${setting(name, '5m')} now`)).toBe(`set --${name} 5m now`)
  }
})

test('the defect advice: the action names its debug secret, the command line does not', () => {
  expect(DEFECT_ADVICE).toContain('ACTIONS_STEP_DEBUG')
  const words = inCommandLineWords(`fix: ${DEFECT_ADVICE}`)
  expect(words).not.toContain('ACTIONS_STEP_DEBUG')
  expect(words).toContain('defect in mi-smoke')
})
