/**
 * The workflow commands GitHub's runner would act on in a process's output, found by its own rules
 * (actions/runner: `ActionCommandManager.TryProcessCommand`, `ActionCommand.TryParseV2` then
 * `ActionCommand.TryParse`), so tests can say which commands a run really issued:
 *   - lines as `StreamReader.ReadLine` splits them (CR LF, LF, or CR alone), stdout and stderr alike;
 *   - `::name props::data` when the line, after `TrimStart()`, starts with `::`;
 *   - otherwise `##[name props]data` anywhere in the line (first `##[`, then the first `]` after it);
 *   - a command counts only if its name is registered (compared ignoring case); after
 *     `stop-commands` its data becomes a name the runner listens for too;
 *   - both searches are culture-sensitive in .NET (ICU): characters of no collation weight are
 *     skipped, modelled here by deleting them before matching (so this finds more, never fewer).
 */

/** The runner's command extensions (Runner.Worker) and its own `stop-commands`. */
export const RUNNER_COMMANDS = [
  'stop-commands',
  'set-env',
  'set-output',
  'save-state',
  'add-mask',
  'add-path',
  'add-matcher',
  'remove-matcher',
  'debug',
  'warning',
  'error',
  'notice',
  'group',
  'endgroup',
  'echo',
  'internal-set-repo-path'
] as const

export interface RunnerCommand {
  syntax: '::' | '##['
  /** Lower-cased. */
  name: string
  properties: Record<string, string>
  data: string
  /** The line as written. */
  line: string
}

/** Characters ICU may give no weight: controls (not white space), format, default-ignorable. */
const ZERO_WEIGHT = /(?![\t\n\v\f\r])[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu
/** .NET `Char.IsWhiteSpace`, which `TrimStart()` removes. */
const DOTNET_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*/

function parse(line: string, registered: Set<string>): RunnerCommand | undefined {
  const text = line.replace(ZERO_WEIGHT, '')
  const trimmed = text.replace(DOTNET_SPACE, '')
  if (trimmed.startsWith('::')) {
    const end = trimmed.indexOf('::', 2)
    if (end >= 0) {
      const info = trimmed.slice(2, end)
      const space = info.indexOf(' ')
      const name = (space < 0 ? info : info.slice(0, space)).toLowerCase()
      if (registered.has(name)) {
        const properties: Record<string, string> = {}
        if (space > 0) {
          for (const pair of info
            .slice(space + 1)
            .trim()
            .split(',')) {
            const eq = pair.indexOf('=')
            if (eq > 0) properties[pair.slice(0, eq)] = pair.slice(eq + 1)
          }
        }
        return { syntax: '::', name, properties, data: trimmed.slice(end + 2), line }
      }
    }
  }
  const prefix = text.indexOf('##[')
  if (prefix < 0) return undefined
  const close = text.indexOf(']', prefix)
  if (close < 0) return undefined
  const info = text.slice(prefix + 3, close)
  const space = info.indexOf(' ')
  const name = (space < 0 ? info : info.slice(0, space)).toLowerCase()
  if (!registered.has(name)) return undefined
  const properties: Record<string, string> = {}
  if (space > 0) {
    for (const pair of info.slice(space + 1).split(';')) {
      const eq = pair.indexOf('=')
      if (eq > 0) properties[pair.slice(0, eq)] = pair.slice(eq + 1)
    }
  }
  return { syntax: '##[', name, properties, data: text.slice(close + 1), line }
}

/** Every command the runner would act on in `output`, in order. */
export function runnerCommands(output: string): RunnerCommand[] {
  const registered = new Set<string>(RUNNER_COMMANDS)
  const found: RunnerCommand[] = []
  for (const line of output.split(/\r\n|\r|\n/)) {
    if (line === '') continue
    const command = parse(line, registered)
    if (!command) continue
    found.push(command)
    if (command.name === 'stop-commands' && command.data) registered.add(command.data.toLowerCase())
  }
  return found
}

/**
 * The lines Azure Pipelines' agent would act on (`Command.TryParse`: `IndexOf("##vso[")` anywhere
 * in a line, a culture-sensitive search like the runner's, so zero-weight characters are deleted
 * first; any case, to find more, never fewer).
 */
export function azurePipelinesCommands(output: string): string[] {
  return output
    .split(/\r\n|\r|\n/)
    .filter(line => line.replace(ZERO_WEIGHT, '').toLowerCase().includes('##vso['))
}

/** Pieces that make commands in both syntaxes, with what the runner trims and what ICU skips. */
export const COMMAND_PIECES = [
  '::',
  '##[',
  ']',
  '::warning::',
  '::error title=x::',
  '##[error]',
  '##[set-output name=x]y',
  '::set-output name=result::pass',
  '::stop-commands::tok',
  '::tok::',
  '##[add-mask]',
  '##vso[',
  '##VSO[task.setvariable variable=result]pass',
  '::add-path::/x',
  'set-env',
  'group',
  'WARNING',
  ' ',
  '\t',
  '\r',
  '\n',
  '\r\n',
  '\u00a0',
  '\u2028',
  '\u0085',
  '\u200b',
  '\u00ad',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u202e',
  '\u0000',
  '\u001b',
  '%0A',
  '#',
  ':'
]
