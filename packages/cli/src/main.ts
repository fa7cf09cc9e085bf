/**
 * The command line, a thin front end over the engine (src/engine/run.ts), as the action is: the
 * arguments become the action's inputs and go through the action's own parser (bad input: the
 * action's explanation, exit code 2, nothing dispatched), the engine probes every target, and the
 * report is shown to a person (or as JSON with `--json`), written as a file (`--report`) and as
 * JUnit XML (`--junit`); the action's gate gives the exit code (0 pass, 1 fail).
 *
 * `run` is what the bin entry calls and what tests call in-process. It writes only to the streams
 * it is given; the engine itself reads the process's environment where the action's does too
 * (PATH for `az`, proxies, Azure identity settings).
 */
import { writeFileSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { EngineDependencies } from '../../../src/engine/run'
import { readInputs } from '../../../src/engine/inputs/read-inputs'
import { InputError, type ActionInputs } from '../../../src/engine/inputs/action-inputs'
import { decideGate } from '../../../src/engine/report/gate'
import { registerSecretText } from '../../../src/common/redact'
import { randomUuid } from '../../../src/common/random-uuid'
import { formatDuration } from '../../../src/common/format'
import { inertJson, inertText } from '../../../src/common/log-writer'
import {
  HELP,
  KEY_VARIABLE,
  UsageError,
  inputsOf,
  parseCliArguments,
  type CliArguments
} from './args'
import { humanOutput, wantsColour, type TextStream } from './human-output'
import { junitXml } from './junit'
import { version } from '../package.json'

export interface CliStreams {
  stdout: TextStream
  stderr: TextStream
}

/**
 * The engine, loaded once the arguments are read and valid: `--help`, `--version` and bad input
 * do not pay for loading the dispatchers, the probe and the diagnosis (start-up is measured:
 * `npm run bench`). A `require`, not `import()`: the same in the bundle and in jest's registry.
 */
function loadEngine(): typeof import('../../../src/engine/run') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../../../src/engine/run') as typeof import('../../../src/engine/run')
}

/** The exit codes of the contract. */
export const EXIT = { pass: 0, fail: 1, badInput: 2 } as const

/** A bad command line or bad inputs: said once on stderr, with where to look. */
function badInput(streams: CliStreams, message: string): number {
  streams.stderr.write(`${inertText(`mi-smoke: ${message}`)}\n`)
  streams.stderr.write('mi-smoke: nothing was probed. Run mi-smoke --help for the options.\n')
  return EXIT.badInput
}

/** An output file's folder must exist before anything is probed: a run's report is not lost at its end. */
function outputFileProblem(option: string, file: string | undefined): string | undefined {
  if (file === undefined) return undefined
  const folder = dirname(resolve(file))
  try {
    if (statSync(folder).isDirectory()) return undefined
  } catch {
    // Reported below.
  }
  return `--${option} ${file}: the folder ${folder} does not exist; create it first or give another path`
}

export async function run(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  streams: CliStreams,
  dependencies: Partial<EngineDependencies> = {}
): Promise<number> {
  const started = Date.now()
  let args: CliArguments
  try {
    args = parseCliArguments(argv)
  } catch (error) {
    if (error instanceof UsageError) return badInput(streams, error.message)
    throw error
  }
  if (args.help) {
    streams.stdout.write(HELP)
    return EXIT.pass
  }
  if (args.version) {
    streams.stdout.write(`${version}\n`)
    return EXIT.pass
  }

  let inputs: ActionInputs
  try {
    inputs = readInputs(inputsOf(args, env))
  } catch (error) {
    if (error instanceof InputError) return badInput(streams, error.message)
    throw error
  }
  const fileProblem =
    outputFileProblem('junit', args.junit) ?? outputFileProblem('report', args.report)
  if (fileProblem !== undefined) return badInput(streams, fileProblem)
  // Before anything can print it: the redactor removes the key from everything the CLI writes.
  if (inputs.endpointKey) registerSecretText(inputs.endpointKey)

  // With --json, stdout is the report alone; the person (if any) reads progress on stderr.
  const humanStream = args.json ? streams.stderr : streams.stdout
  const human = humanOutput(humanStream, {
    colour: wantsColour(humanStream, env, args.noColor)
  })
  human.start(
    inputs.targets.length,
    `concurrency ${inputs.concurrency}, timeout ${formatDuration(inputs.timeoutMs)}` +
      (inputs.rbacWaitMs > 0 ? `, rbac-wait ${formatDuration(inputs.rbacWaitMs)}` : '') +
      (inputs.endpointKey ? `, smoke endpoint key from ${KEY_VARIABLE}` : '')
  )
  const { ENGINE_DEFAULTS, runSmokeTest } = loadEngine()
  const { report } = await runSmokeTest(inputs, {
    nonce: randomUuid(),
    startedMs: started,
    dependencies: { ...ENGINE_DEFAULTS, ...dependencies },
    events: { progress: message => human.progress(message), targetDone: t => human.targetDone(t) }
  })
  const gate = decideGate(report, inputs.failOn)
  human.finish(report, gate)
  if (args.json) streams.stdout.write(`${inertJson(report, 2)}\n`)
  let code: number = gate.fails ? EXIT.fail : EXIT.pass
  const files: Array<[string, string | undefined, () => string]> = [
    ['report', args.report, () => `${inertJson(report, 2)}\n`],
    ['junit', args.junit, () => junitXml(report, inputs.failOn)]
  ]
  for (const [option, file, content] of files) {
    if (file === undefined) continue
    try {
      writeFileSync(file, content(), 'utf8')
    } catch (error) {
      // The verdict stands, but a CI step that publishes the file must not pass without it.
      streams.stderr.write(
        `${inertText(`mi-smoke: could not write --${option} ${file}: ${error instanceof Error ? error.message : String(error)}`)}\n`
      )
      code = EXIT.fail
    }
  }
  return code
}
