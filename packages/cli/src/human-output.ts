/**
 * What a person sees: each target's steps as its report is final (the engine's own lines,
 * src/engine/report/target-lines.ts), the verdict, and the fix commands ready to paste (the
 * report's causes, src/engine/report/causes.ts, with the commands split out of each remediation by
 * src/engine/report/remediation-commands.ts). On a terminal a status line shows progress and
 * colours mark verdicts; elsewhere (a CI log, a pipe) every line is plain and final. Every line goes
 * through the one log writer (src/common/log-writer.ts): targets, details and fixes carry text from
 * inputs and APIs. The engine's words name settings as the action's inputs; lines show them as this
 * command's options (`--rbac-wait 5m`, src/engine/inputs/setting-names.ts).
 */
import { inertText, oneLine } from '../../../src/common/log-writer'
import { inCommandLineWords } from '../../../src/engine/inputs/setting-names'
import { causesOf, type Cause } from '../../../src/engine/report/causes'
import { splitRemediation } from '../../../src/engine/report/remediation-commands'
import { targetLogLines, verdictLine } from '../../../src/engine/report/target-lines'
import type { GateDecision } from '../../../src/engine/report/gate'
import type { Report, TargetReport } from '../../../src/contracts/report'

export interface TextStream {
  write(text: string): unknown
  isTTY?: boolean
}

type Colour = 'red' | 'yellow' | 'green' | 'dim' | 'bold' | 'cyan'
const CODES: Record<Colour, string> = {
  red: '31',
  yellow: '33',
  green: '32',
  dim: '2',
  bold: '1',
  cyan: '36'
}
const VERDICT_COLOUR: Record<string, Colour> = {
  PASS: 'green',
  WARN: 'yellow',
  FAIL: 'red',
  skip: 'dim'
}

export interface HumanOutput {
  start(targets: number, settings: string): void
  /** One line of the engine's progress (a retry, a wait). */
  progress(message: string): void
  targetDone(target: TargetReport): void
  finish(report: Report, gate: GateDecision): void
}

/** Whether to colour: only on a terminal, and never with NO_COLOR (any non-empty value) or --no-color. */
export function wantsColour(
  stream: TextStream,
  env: NodeJS.ProcessEnv,
  noColorFlag: boolean
): boolean {
  return (
    stream.isTTY === true &&
    !noColorFlag &&
    (env['NO_COLOR'] ?? '') === '' &&
    (env['TERM'] ?? '') !== 'dumb'
  )
}

export function humanOutput(stream: TextStream, options: { colour: boolean }): HumanOutput {
  const tty = stream.isTTY === true
  const paint = (colour: Colour, text: string): string =>
    options.colour ? `\u001b[${CODES[colour]}m${text}\u001b[0m` : text
  let status = ''
  let total = 0
  let done = 0
  const clearStatus = (): void => {
    if (tty && status !== '') stream.write('\r\u001b[2K')
  }
  const drawStatus = (): void => {
    if (!tty || total === 0 || done >= total) {
      status = ''
      return
    }
    status = `mi-smoke: ${done} of ${total} target${total === 1 ? '' : 's'} done, probing...`
    stream.write(paint('dim', status))
  }
  /** A line as shown: in this command's words, neutralised (colour codes are added after it). */
  const shown = (line: string): string => inertText(inCommandLineWords(line))
  const print = (lines: string[], colourise: (line: string) => string = line => line): void => {
    clearStatus()
    stream.write(lines.map(line => `${colourise(shown(line))}\n`).join(''))
    drawStatus()
  }
  const colourMark = (line: string): string =>
    line.replace(
      /^( {2})(PASS|WARN|FAIL|skip)\b/,
      (_m, indent: string, mark: string) =>
        `${indent}${paint(VERDICT_COLOUR[mark] ?? 'bold', mark)}`
    )

  return {
    start(targets, settings) {
      total = targets
      print([`mi-smoke: probing ${targets} target${targets === 1 ? '' : 's'} (${settings})`])
    },
    progress(message) {
      print([message], line => paint('dim', line))
    },
    targetDone(target) {
      done++
      const { title, lines } = targetLogLines(target)
      const verdict = target.result.toUpperCase()
      print([title, ...lines], line =>
        line === shown(title) ? paint(VERDICT_COLOUR[verdict] ?? 'bold', line) : colourMark(line)
      )
    },
    finish(report, gate) {
      done = total
      const lines = ['', verdictLine(report)]
      const fixes = fixLines(causesOf(report.targets))
      print(lines, line => (line === '' ? line : paint('bold', line)))
      if (fixes.length > 0) {
        print(fixes, line =>
          line === '' || line.startsWith('  ')
            ? line.startsWith('      ')
              ? paint('cyan', line)
              : line
            : paint('bold', line)
        )
      }
      print(['', gate.reason], line =>
        line === ''
          ? line
          : paint(gate.fails ? 'red' : report.result === 'pass' ? 'green' : 'yellow', line)
      )
    }
  }
}

const MAX_NAMED_TARGETS = 5

/**
 * "How to fix": one block per cause (worst first), naming its targets, with each `az` command of
 * its remediation alone on a line, ready to paste.
 */
export function fixLines(causes: Cause[]): string[] {
  if (causes.length === 0) return []
  const lines = ['', 'How to fix:']
  for (const cause of causes) {
    const names = cause.targets.slice(0, MAX_NAMED_TARGETS).map(t => t.target)
    const more = cause.targets.length - names.length
    const where = `${names.join(', ')}${more > 0 ? ` and ${more} more` : ''}`
    lines.push(
      oneLine(
        `  ${cause.level.toUpperCase()} ${cause.failureMode ?? cause.where} · ${where} (${cause.where}): ${cause.detail}`
      )
    )
    if (cause.remediation === undefined) continue
    for (const part of splitRemediation(cause.remediation)) {
      lines.push(oneLine(part.kind === 'command' ? `      ${part.text}` : `    ${part.text}`))
    }
  }
  return lines
}
