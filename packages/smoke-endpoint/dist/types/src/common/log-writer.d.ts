/**
 * The one writer of log text: every line the action, the shard merge and the smoke endpoint print
 * goes through here, so text they did not author (an error body, a header, a VM's output, an
 * input, a file name, a shard's report) can never issue a workflow command. No @actions/core here:
 * the action's own commands are issued only through core's functions (runner.ts), which escape
 * their properties; everything else is text, and this module makes it inert.
 *
 * GitHub's runner (actions/runner, `ActionCommand.TryParseV2` / `TryParse`, tried in that order on
 * every line of stdout and stderr) acts on two syntaxes:
 *   - `::name props::data` when the line, after `TrimStart()`, starts with `::`;
 *   - `##[name props]data` ANYWHERE in the line (`IndexOf("##[")`).
 * Lines are what .NET's `StreamReader.ReadLine` returns, so CR alone ends a line too. Both
 * searches are culture-sensitive string comparisons (ICU on Linux), which skip characters of zero
 * collation weight: a zero-width space or a soft hyphen between the two `#` of `##[` or before `::` still
 * matches. Command names are compared ignoring case, and after `stop-commands` the runner also
 * acts on `::<token>::`, so no list of names is safe: both prefixes are neutralised whatever
 * follows them.
 *
 * Neutralising is a visible change, never a deletion: invisible characters are shown as
 * `<U+XXXX>`, `##[` becomes `## [`, and a leading `::` becomes `: :`.
 */
/**
 * Text that may span lines, each line made inert; line breaks become `\n`. For messages that keep
 * their lines (annotations, whose data core escapes) and multi-line log output.
 */
export declare function inertText(text: string): string;
/**
 * One inert line: line breaks become spaces (nothing printed can start a new line of its own),
 * trailing space is dropped, and neither command syntax survives.
 */
export declare function oneLine(text: string): string;
/** A writable stream as far as the writer needs one. */
export interface TextStream {
    write(chunk: string, callback?: (error?: Error | null) => void): boolean;
}
export interface LogWriter {
    /** Writes text to stdout, each line made inert. */
    out(text: string): void;
    /** Writes text to stderr, each line made inert. */
    err(text: string): void;
}
/** The writer over the process's streams (tests pass their own). */
export declare function createLogWriter(streams?: {
    stdout: TextStream;
    stderr: TextStream;
}): LogWriter;
/** The process's writer. */
export declare const log: LogWriter;
