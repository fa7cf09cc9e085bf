/**
 * Text a front end did not author must never be read as a CI log command. CI runners read a step's
 * output line by line (`\r`, `\n` and `\r\n` each end a line) and scan every line: GitHub Actions
 * acts on `::cmd::` at a line's start after leading whitespace is trimmed (the runner's
 * `ActionCommand.TryParseV2`: `message.TrimStart()`, then `StartsWith("::")`) and on `##[cmd]`
 * anywhere in a line; Azure Pipelines acts on `##vso[` anywhere in a line, on stdout and stderr
 * alike (its agent's `Command.TryParse`: `IndexOf("##vso[")`). A line is neutralised visibly, so a
 * reader still sees what was sent: a leading `::` becomes `: :`, and `##[` / `##vso[` become
 * `# #[` / `# #vso[`.
 */

/** `##[` and `##vso[` anywhere, any case (matching more than the runners do costs nothing). */
const HASH_COMMAND = /##(?=\[|vso\[)/gi
/** `::` first after any whitespace: the runner trims the whitespace before it looks. */
const LEADING_COLONS = /^(\s*)::/

/** Text (one line or several: each is neutralised) that no CI runner takes for a command. */
export function neutraliseLogCommands(text: string): string {
  return text
    .split(/(\r\n|\r|\n)/)
    .map((part, index) =>
      index % 2 === 1 ? part : part.replace(HASH_COMMAND, '# #').replace(LEADING_COLONS, '$1: :')
    )
    .join('')
}

/**
 * JSON that no CI runner takes for a command, with the same value: `#` in JSON only occurs inside
 * strings, where `\u0023` means the same character, so `##[` and `##vso[` are written `\u0023#[`.
 * (A pretty-printed or compact JSON line starts with whitespace, a brace or a quote, never `::`.)
 */
export function jsonForLogs(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(/#(?=#(?:\[|vso\[))/gi, '\\u0023')
}
