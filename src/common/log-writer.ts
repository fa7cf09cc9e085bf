/**
 * The one writer of log text: every line the action, the shard merge, the smoke endpoint and the
 * command line print goes through here, so text they did not author (an error body, a header, a
 * VM's output, an input, a file name, a shard's report) can never issue a CI log command. No
 * @actions/core here: the action's own commands are issued only through core's functions
 * (runner.ts), which escape their properties; everything else is text, and this module makes it
 * inert.
 *
 * GitHub's runner (actions/runner, `ActionCommand.TryParseV2` / `TryParse`, tried in that order on
 * every line of stdout and stderr) acts on two syntaxes:
 *   - `::name props::data` when the line, after `TrimStart()`, starts with `::`;
 *   - `##[name props]data` ANYWHERE in the line (`IndexOf("##[")`).
 * Azure Pipelines' agent (`Command.TryParse`: `IndexOf("##vso[")`) acts on `##vso[` ANYWHERE in a
 * line of stdout or stderr: the command line runs there, and a pipeline can wrap the action's
 * output too, so both runners' syntaxes are neutralised in every text.
 * Lines are what .NET's `StreamReader.ReadLine` returns, so CR alone ends a line too. The
 * searches are culture-sensitive string comparisons (ICU on Linux), which skip characters of zero
 * collation weight: a zero-width space or a soft hyphen between the two `#` of `##[` or before `::`
 * still matches. Command names are compared ignoring case, and after `stop-commands` the runner also
 * acts on `::<token>::`, so no list of names is safe: the prefixes are neutralised whatever
 * follows them.
 *
 * Neutralising is a visible change, never a deletion: invisible characters are shown as
 * `<U+XXXX>`, `##[` becomes `## [`, `##vso[` becomes `## vso[` (any case), and a leading `::`
 * becomes `: :`. JSON written for a log (`inertJson`) keeps its value instead: the same characters
 * are written as JSON escapes.
 */

/**
 * Characters a reader cannot see and ICU's comparison may skip: controls (tab aside), format
 * characters (zero-width, bidi), line and paragraph separators, default-ignorable code points
 * (variation selectors, fillers) and lone surrogates.
 */
const INVISIBLE = /(?!\t)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\p{Cs}]/gu

/** What `TrimStart()` removes (.NET `Char.IsWhiteSpace`) and what JavaScript calls white space. */
const LEADING_SPACE = /^[\s\u0085]*/

/** `##[` (GitHub) and `##vso[` (Azure Pipelines), any case: the `##` of each, to be split. */
const HASH_COMMAND = /##(?=\[|vso\[)/gi

/** The runner's line breaks (`StreamReader.ReadLine`): CR LF, LF, or CR alone. */
const LINE_BREAK = /\r\n|\r|\n/

function visible(char: string): string {
  return `<U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`
}

/** One line (no line break) that no runner's syntax can read as a command. */
function inertLine(line: string): string {
  const shown = line.replace(INVISIBLE, visible).replace(HASH_COMMAND, '## ')
  const indent = LEADING_SPACE.exec(shown)![0]
  const rest = shown.slice(indent.length)
  return rest.startsWith('::') ? `${indent}: :${rest.slice(2)}` : shown
}

/**
 * Text that may span lines, each line made inert; line breaks become `\n`. For messages that keep
 * their lines (annotations, whose data core escapes) and multi-line log output.
 */
export function inertText(text: string): string {
  return text.split(LINE_BREAK).map(inertLine).join('\n')
}

/**
 * One inert line: line breaks become spaces (nothing printed can start a new line of its own),
 * trailing space is dropped, and no command syntax survives.
 */
export function oneLine(text: string): string {
  return inertLine(text.replace(/(?:\r\n|\r|\n)+/g, ' ').trimEnd())
}

/** `\uXXXX` for each UTF-16 unit of a character: what JSON reads back as the same character. */
function jsonEscape(char: string): string {
  let escaped = ''
  for (let i = 0; i < char.length; i++) {
    escaped += `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`
  }
  return escaped
}

/** Invisible characters but LF, the one JSON.stringify writes raw (between values, with indent). */
const INVISIBLE_IN_JSON = new RegExp(`(?!\\n)${INVISIBLE.source}`, 'gu')

/**
 * JSON of `value` (indented by `indent`) that no runner takes for a command, with the same value:
 * invisible characters and the `#` that starts `##[` or `##vso[` are written as `\uXXXX` escapes.
 * JSON.stringify writes such characters only inside strings, where an escape means the same
 * character, so the value parsed back is unchanged. (A JSON line starts with
 * white space, a brace, a bracket or a quote, never `::`; JSON.stringify escapes CR and LF inside
 * strings and writes lone surrogates as escapes.)
 */
export function inertJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent)
    .replace(INVISIBLE_IN_JSON, jsonEscape)
    .replace(HASH_COMMAND, '\\u0023#')
}

/** A writable stream as far as the writer needs one. */
export interface TextStream {
  write(chunk: string, callback?: (error?: Error | null) => void): boolean
}

export interface LogWriter {
  /** Writes text to stdout, each line made inert. */
  out(text: string): void
  /** Writes text to stderr, each line made inert. */
  err(text: string): void
}

/** The writer over the process's streams (tests pass their own). */
export function createLogWriter(
  streams: { stdout: TextStream; stderr: TextStream } = process
): LogWriter {
  const EOL = process.platform === 'win32' ? '\r\n' : '\n'
  const lines = (text: string): string => inertText(text).split('\n').join(EOL) + EOL
  return {
    out: text => void streams.stdout.write(lines(text)),
    err: text => void streams.stderr.write(lines(text))
  }
}

/** The process's writer. */
export const log: LogWriter = createLogWriter()
