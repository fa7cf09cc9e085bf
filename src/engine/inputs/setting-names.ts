/**
 * How the engine's words name a setting a person can change, so that one diagnosis reads right in
 * each front end. The report names a setting as the action's input (`rbac-wait`, with a value
 * `rbac-wait: 5m`, as in a workflow's `with:`), always through `setting()`; the command line shows
 * the same words with its options (`--rbac-wait`, `--rbac-wait 5m`) through `inCommandLineWords`,
 * which rewrites exactly those mentions. The names are the inputs the command line has as options
 * of the same name (packages/cli/src/args.ts), so the rewritten fix is one that the CLI accepts.
 */
import type { InputName } from './read-inputs'

/** The settings the engine's words name (waiting longer is the only fix that is a setting). */
export const NAMED_SETTINGS = ['rbac-wait', 'ready-wait'] as const satisfies readonly InputName[]
export type NamedSetting = (typeof NAMED_SETTINGS)[number]

/** A setting as the report names it: the input's name, with a value as a workflow sets it. */
export function setting(name: NamedSetting, value?: string): string {
  return value === undefined ? name : `${name}: ${value}`
}

/**
 * The defect advice: the action's step debug logging is a GitHub secret; the command line has no
 * debug output, so its words keep only the report.
 */
export const DEFECT_ADVICE =
  'This looks like a defect in mi-smoke: re-run with step debug logging (secret ACTIONS_STEP_DEBUG=true) and report it with the log.'
const DEFECT_ADVICE_COMMAND_LINE =
  "This looks like a defect in mi-smoke: report it with the command's output (--json shows the whole report)."

/** A mention written by `setting()`: a name not inside a longer word, and its value if given. */
const MENTION = new RegExp(`(?<![\\w-])(${NAMED_SETTINGS.join('|')})(?![\\w-])(?:: (?=\\S))?`, 'g')

/** The engine's words as the command line says them: `--rbac-wait 5m` for `rbac-wait: 5m`. */
export function inCommandLineWords(text: string): string {
  return text
    .split(DEFECT_ADVICE)
    .join(DEFECT_ADVICE_COMMAND_LINE)
    .replace(MENTION, (mention, name: string) =>
      mention.endsWith(' ') ? `--${name} ` : `--${name}`
    )
}
