/**
 * The command line's arguments, parsed with `node:util`'s `parseArgs` and turned into the action's
 * inputs: the options carry the inputs' names (`--rbac-wait` is `rbac-wait`), the arguments are
 * the target lines, each `--check` one line of `checks`, and the smoke endpoint's key comes only
 * from the environment (`MI_SMOKE_ENDPOINT_KEY`: a command line shows in process lists and shell
 * history). The values are then read and validated by the action's own parser
 * (src/engine/inputs/read-inputs.ts), so every mistake is explained in the action's words.
 */
import { parseArgs } from 'node:util'
import { closestInput } from '../../../src/engine/inputs/unknown-inputs'
import type { InputName } from '../../../src/engine/inputs/read-inputs'

/** The options that carry an input of the same name (`--check` is one line of `checks`). */
export const INPUT_OPTIONS = [
  'identity',
  'check',
  'expected-principal-id',
  'rbac-wait',
  'ready-wait',
  'timeout',
  'concurrency',
  'fail-on',
  'os',
  'endpoint-audience',
  'imds-endpoint'
] as const satisfies ReadonlyArray<InputName | 'check'>

/** The options of the command line itself. */
export const FILE_OPTIONS = ['junit', 'report'] as const
export const FLAG_OPTIONS = ['json', 'no-color', 'help', 'version'] as const

type InputOption = (typeof INPUT_OPTIONS)[number]
type FileOption = (typeof FILE_OPTIONS)[number]

export const KEY_VARIABLE = 'MI_SMOKE_ENDPOINT_KEY'

export interface CliArguments {
  /** The target lines, in order (none: the action's default, `local`). */
  targets: string[]
  /** Each input option's values as given (only `check` may have several). */
  inputs: Partial<Record<InputOption, string[]>>
  junit?: string
  report?: string
  json: boolean
  noColor: boolean
  help: boolean
  version: boolean
}

/** A mistake on the command line itself (an unknown option, a missing value): exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

const KNOWN = [...INPUT_OPTIONS, ...FILE_OPTIONS, ...FLAG_OPTIONS]

/** What a misspelt or misplaced option was probably meant as, in a few words. */
function unknownOptionMessage(token: string): string {
  const name = token.replace(/^-+/, '').split('=')[0] ?? ''
  const lower = name.toLowerCase()
  if (lower === 'endpoint-key' || lower === 'key') {
    return `${token}: the smoke endpoint's key is read only from the environment variable ${KEY_VARIABLE} (a command line is visible in process lists and shell history)`
  }
  if (lower === 'targets' || lower === 'target') {
    return `${token}: give the targets as arguments, e.g. mi-smoke local vm:/subscriptions/.../virtualMachines/web-1`
  }
  // A short option (-h, -v): its long name, not an edit-distance guess (`-h` is not `--os`).
  const short: Record<string, string> = { h: 'help', '?': 'help', v: 'version' }
  const near = name.length <= 1 ? short[lower] : closestInput(lower, KNOWN)
  return near === undefined
    ? `unknown option ${token}; the options are ${KNOWN.map(o => `--${o}`).join(', ')}`
    : `unknown option ${token}; did you mean --${near}?`
}

/** The option token parseArgs refused, as the user typed it. */
function offendingToken(argv: readonly string[], message: string): string {
  const quoted = /'(-[^']*)'/.exec(message)?.[1]
  if (quoted !== undefined) {
    const name = quoted.replace(/^-+/, '').split(' ')[0]!
    return argv.find(arg => arg.replace(/^-+/, '').split('=')[0] === name) ?? quoted
  }
  return argv.find(arg => arg.startsWith('-') && arg !== '-' && arg !== '--') ?? ''
}

export function parseCliArguments(argv: readonly string[]): CliArguments {
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = {}
  for (const name of INPUT_OPTIONS) options[name] = { type: 'string', multiple: true }
  for (const name of FILE_OPTIONS) options[name] = { type: 'string', multiple: true }
  for (const name of FLAG_OPTIONS) options[name] = { type: 'boolean' }
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({
      args: [...argv],
      options,
      allowPositionals: true,
      strict: true
    })
  } catch (error) {
    const code = (error as { code?: string }).code
    const message = error instanceof Error ? error.message : String(error)
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      throw new UsageError(unknownOptionMessage(offendingToken(argv, message)))
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const token = offendingToken(argv, message)
      const name = token.replace(/^-+/, '').split('=')[0] ?? ''
      throw new UsageError(
        (FLAG_OPTIONS as readonly string[]).includes(name)
          ? `${token}: --${name} takes no value`
          : `${token} needs a value, e.g. --${name} <value>`
      )
    }
    throw new UsageError(message)
  }
  const values = parsed.values as Record<string, string[] | boolean | undefined>
  const inputs: CliArguments['inputs'] = {}
  for (const name of INPUT_OPTIONS) {
    const given = values[name] as string[] | undefined
    if (given === undefined) continue
    // Only --check is repeatable: a second --timeout is a mistake, not a silent override.
    if (name !== 'check' && given.length > 1) {
      throw new UsageError(`--${name} is given ${given.length} times; give it once`)
    }
    inputs[name] = given
  }
  const file = (name: FileOption): string | undefined => {
    const given = values[name] as string[] | undefined
    if (given === undefined) return undefined
    if (given.length > 1)
      throw new UsageError(`--${name} is given ${given.length} times; give it once`)
    if (given[0]!.trim() === '') throw new UsageError(`--${name} needs a file name`)
    return given[0]
  }
  const junit = file('junit')
  const report = file('report')
  return {
    targets: parsed.positionals,
    inputs,
    ...(junit !== undefined ? { junit } : {}),
    ...(report !== undefined ? { report } : {}),
    json: values['json'] === true,
    noColor: values['no-color'] === true,
    help: values['help'] === true,
    version: values['version'] === true
  }
}

/**
 * The action's `getInput` over the parsed command line: what the action would read from a step's
 * `with:`. `summary` (the job summary) has no meaning here; `sdk-identity` keeps its default.
 */
export function inputsOf(args: CliArguments, env: NodeJS.ProcessEnv): (name: string) => string {
  return name => {
    switch (name) {
      case 'targets':
        return args.targets.join('\n')
      case 'checks':
        return (args.inputs.check ?? []).join('\n')
      case 'endpoint-key':
        return env[KEY_VARIABLE] ?? ''
      case 'summary':
        return 'false'
      default:
        return (INPUT_OPTIONS as readonly string[]).includes(name)
          ? (args.inputs[name as InputOption]?.[0] ?? '')
          : ''
    }
  }
}

export const HELP = `Usage: mi-smoke [TARGET...] [options]

Proves that an Azure workload's managed identity works (IMDS, token, the real API) and, when it
does not, says why and what to run. The same engine, diagnosis and report as the mi-smoke GitHub
Action.

Targets (default: local):
  local                          this machine (an Azure VM, App Service, Container App, Arc server...)
  vm:<resource ID>               a VM, probed through ARM's run-command (needs az login)
  vmss:<resource ID>             every instance of a scale set (or vmss:<id>#<instance>)
  https://<app>/mi-smoke         an app serving the smoke endpoint (@mi-smoke/smoke-endpoint)

Options (named as the action's inputs):
  --identity VALUE               system, a client ID (GUID), object-id:<GUID> or a resource ID
  --check LINE                   one check, "<url> resource=<audience>" (repeatable)
  --expected-principal-id GUID   the object ID the token must carry
  --rbac-wait DURATION           re-probe a denied API this long for a new role (e.g. 5m)
  --ready-wait DURATION          wait this long for a smoke endpoint to answer (e.g. 2m)
  --timeout DURATION             per probe (default 10s)
  --concurrency N                targets probed at once (default 8)
  --fail-on error|warning|never  which verdict exits 1 (default error)
  --os auto|linux|windows        the VMs' OS for vm:/vmss: targets (default auto)
  --endpoint-audience VALUE      Entra ID audience of a smoke endpoint behind App Service auth
  --imds-endpoint URL            IMDS base URL (default http://169.254.169.254)

Output:
  --json                         stdout holds only the report JSON (schema mi-smoke/v1)
  --junit FILE                   write JUnit XML (Azure Pipelines PublishTestResults@2, GitLab junit)
  --report FILE                  write the report JSON to FILE
  --no-color                     no colours (NO_COLOR is honoured too)
  --help, --version

Environment:
  ${KEY_VARIABLE}          the smoke endpoint's key (never on the command line)

Exit codes: 0 pass (or warn, unless --fail-on warning), 1 fail, 2 bad input (nothing probed).
`
