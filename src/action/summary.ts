/**
 * The job summary, read at a glance from one target to a fleet:
 *
 *   1. the verdict and a headline (counts, the first failure);
 *   2. an overview: one row per target, worst first (short name, the full line on hover; verdict;
 *      failed step; failure mode; a one-line cause);
 *   3. "How to fix": a list, one item per distinct cause (causes.ts) naming the targets it
 *      concerns, the remediation's prose, then its commands in a code block (copyable);
 *   4. each failed or degraded target in a <details> with its steps (the first one open), and the
 *      passed targets as one collapsed line with their count.
 *
 * Tables and details are HTML inside Markdown (GitHub renders both); every value goes through
 * `escapeHtml`, commands go in fenced code blocks (rendered as text, never as markup).
 *
 * GitHub drops a step's whole summary when it is over 1 MiB (an error annotation says so), and a
 * fleet of several hundred targets gets there. So the summary keeps to `SUMMARY_BUDGET_BYTES`: past
 * it, the fixes get up to half of the room, the overview rows (worst first) most of the rest and
 * the target details what is left; what is left out is counted, and a note says where it is (the
 * report).
 */
import * as runner from './runner'
import { causesOf, leadingFinding, type Cause } from '../engine/report/causes'
import { formatDuration } from '../common/format'
import { escapeHtml } from '../common/html-escape'
import { firstFailure } from '../engine/report/first-failure'
import { splitRemediation } from '../engine/report/remediation-commands'
import type { Report, StepStatus, TargetReport } from '../contracts/report'
import { shortTargetNames } from '../engine/report/target-name'
import { severity } from '../engine/report/verdict-order'

const STATUS_LABEL: Record<StepStatus, string> = {
  pass: '✅ pass',
  warn: '⚠️ warn',
  fail: '❌ fail',
  skip: '⏭️ skip'
}

/** In a table cell: never broken over two lines (a wrapped "⚠️ / warn" doubles a row's height). */
function cellLabel(status: StepStatus): string {
  return STATUS_LABEL[status].replace(' ', '&nbsp;')
}

function cellDuration(ms: number): string {
  return formatDuration(ms).replace(/ /g, '&nbsp;')
}

/** Targets sorted worst first; equal verdicts keep the order of the `targets` input. */
export function worstFirst(targets: TargetReport[]): TargetReport[] {
  return targets
    .map((target, index) => ({ target, index }))
    .sort((a, b) => severity(b.target.result) - severity(a.target.result) || a.index - b.index)
    .map(entry => entry.target)
}

/** GitHub's cap is 1024 KiB per step; the rest is margin. */
export const SUMMARY_BUDGET_BYTES = 1000 * 1024

/** Targets named under one fix; more are counted (a scale set shares one fix). */
const TARGETS_PER_FIX = 8
/** Passed targets named in their collapsed line; more are counted. */
const PASSED_NAMED = 100
/** The overview's cause column: one line, the whole text on hover. */
const CAUSE_CHARS = 40

const OVERVIEW_HEAD =
  '<table><thead><tr><th>target</th><th>verdict</th><th>step</th><th>failure mode</th><th>cause</th></tr></thead><tbody>'
const TABLE_END = '</tbody></table>'
const STEPS_HEAD =
  '<table><thead><tr><th>step</th><th>status</th><th>time</th><th>detail</th></tr></thead><tbody>'
/** Where every target and remediation is when the summary leaves some out. */
const IN_THE_REPORT = 'in the report (output <code>report</code>, file at <code>report-path</code>)'
/** Room kept for the notes, the headings and the newlines between parts. */
const NOTES_RESERVE = 2048

interface Pieces {
  heading: string[]
  rows: string[]
  fixes: string[]
  details: string[]
  passed: string
}

export function renderSummary(report: Report, budgetBytes = SUMMARY_BUDGET_BYTES): string {
  const names = shortTargetNames(report.targets)
  const targets = worstFirst(report.targets)
  const pieces: Pieces = {
    heading: [`## ${STATUS_LABEL[report.result]} — mi-smoke\n`, `${headline(report)}\n`],
    rows: targets.map(target => overviewRow(target, names)),
    fixes: causesOf(targets)
      .filter(cause => cause.remediation !== undefined)
      .map(cause => fixEntry(cause, names)),
    details: targets
      .filter(target => target.result !== 'pass')
      .map((target, index) => targetDetails(target, names, index === 0)),
    passed: passedLine(
      targets.filter(target => target.result === 'pass'),
      names
    )
  }
  const full = compose(pieces, targets, { rows: 0, fixes: 0, details: 0 })
  if (bytes(full) <= budgetBytes) return full

  // Over budget: remediations (what a person acts on) get up to half of what is left, in order;
  // the overview the most of the rest, worst targets first; the details what remains.
  let room = budgetBytes - bytes(pieces.heading.join('\n')) - NOTES_RESERVE
  const fixes = fitting(pieces.fixes, Math.floor(room / 2))
  room -= bytes(fixes.join('')) + bytes(OVERVIEW_HEAD + TABLE_END)
  const rows = fitting(pieces.rows, room)
  room -= bytes(rows.join(''))
  const details = fitting(pieces.details, room)
  room -= bytes(details.join(''))
  const passed = bytes(pieces.passed) <= room ? pieces.passed : ''
  return compose({ heading: pieces.heading, rows, fixes, details, passed }, targets, {
    rows: pieces.rows.length - rows.length,
    fixes: pieces.fixes.length - fixes.length,
    details: pieces.details.length - details.length + (passed === '' && pieces.passed ? 1 : 0)
  })
}

function compose(
  pieces: Pieces,
  targets: TargetReport[],
  leftOut: { rows: number; fixes: number; details: number }
): string {
  const parts = [...pieces.heading]
  if (pieces.rows.length > 0) parts.push(`${OVERVIEW_HEAD}${pieces.rows.join('')}${TABLE_END}\n`)
  if (leftOut.rows > 0) parts.push(`${leftOutNote(targets.slice(pieces.rows.length))}\n`)
  if (pieces.fixes.length > 0) parts.push(`### How to fix\n`, `${pieces.fixes.join('')}`)
  if (leftOut.fixes > 0) {
    parts.push(
      `<p>${leftOut.fixes} more ${leftOut.fixes === 1 ? 'remediation is' : 'remediations are'} ${IN_THE_REPORT}.</p>\n`
    )
  }
  if (pieces.details.length > 0 || pieces.passed) {
    parts.push(`${[...pieces.details, pieces.passed].join('')}\n`)
  }
  if (leftOut.details > 0) {
    parts.push(`<p>The details of ${leftOut.details} more ${IN_THE_REPORT}.</p>\n`)
  }
  return parts.join('\n')
}

function leftOutNote(targets: TargetReport[]): string {
  const counts = verdictCounts(targets)
  const noun = targets.length === 1 ? 'target is' : 'targets are'
  return (
    `<p>${targets.length} more ${noun} not shown (${counts.fail} failed, ${counts.warn} with warnings, ` +
    `${counts.pass} passed) to keep this summary under GitHub's 1 MiB limit; every target is ` +
    `${IN_THE_REPORT}.</p>`
  )
}

/** The leading pieces whose UTF-8 size adds up to at most `budget`. */
function fitting(pieces: string[], budget: number): string[] {
  let used = 0
  let count = 0
  for (const piece of pieces) {
    used += bytes(piece)
    if (used > budget) break
    count++
  }
  return pieces.slice(0, count)
}

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

/** Writes the summary (skipped when input `summary` is false or the runner gave no summary file). */
export async function writeSummary(report: Report, enabled: boolean): Promise<void> {
  if (!enabled) return
  if (!process.env['GITHUB_STEP_SUMMARY']) {
    runner.debug('GITHUB_STEP_SUMMARY is not set: no job summary written')
    return
  }
  await runner.summary.addRaw(renderSummary(report), true).write()
}

function verdictCounts(targets: TargetReport[]): Record<TargetReport['result'], number> {
  const counts = { fail: 0, warn: 0, pass: 0 }
  for (const target of targets) counts[target.result]++
  return counts
}

function headline(report: Report): string {
  const counts = verdictCounts(report.targets)
  const noun = report.targets.length === 1 ? 'target' : 'targets'
  let line =
    `${report.targets.length} ${noun} probed in ${formatDuration(report.durationMs)}: ` +
    `${counts.fail} failed, ${counts.warn} with warnings, ${counts.pass} passed.`
  const first = firstFailure(report)
  if (first) {
    const where = [shortTargetNames(report.targets).get(first.target.target), first.step]
      .concat(first.failureMode)
      .filter(Boolean)
      .join(' · ')
    line += ` First ${report.result === 'fail' ? 'failure' : 'warning'}: <code>${escapeHtml(where)}</code>.`
  }
  return line
}

/** Escaped text that may break after `/`, `?`, `&` and `=`: resource IDs and URLs wrap in a cell. */
function breakable(text: string): string {
  return escapeHtml(text).replace(/(\/|\?|&amp;|=)(?=[^\s<])/g, '$1<wbr>')
}

/** At most `max` characters, cut at a word boundary when there is one nearby. */
function shortened(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,:;(]+$/, '')}…`
}

/**
 * Target names for a fix, scale-set instances and VMs of one resource group named together:
 * `batch-ss #0, #1 (rg-batch)`, `api-4, api-5 (rg-api)`. Each keeps its full line on hover.
 */
function namedTogether(targets: TargetReport[], names: Map<string, string>): string[] {
  const groups = new Map<string, TargetReport[]>()
  for (const target of targets) {
    const name = names.get(target.target) ?? target.target
    const group = / \(([^()]+)\)$/.exec(name)?.[1] ?? `\u0000${target.target}`
    groups.set(group, [...(groups.get(group) ?? []), target])
  }
  return [...groups].map(([group, members]) => {
    let previousSet: string | undefined
    const labels = members.map(target => {
      const name = names.get(target.target) ?? target.target
      let label = group.startsWith('\u0000') ? name : name.slice(0, -` (${group})`.length)
      // `batch-ss #0, #1`: a scale set's name once for its instances in a row.
      const instance = /^(.*) (#\d+)$/.exec(label)
      if (instance) {
        if (instance[1] === previousSet) label = instance[2]!
        previousSet = instance[1]
      } else previousSet = undefined
      return `<span title="${escapeHtml(target.target)}">${escapeHtml(label)}</span>`
    })
    return group.startsWith('\u0000')
      ? labels.join(', ')
      : `${labels.join(', ')} (${escapeHtml(group)})`
  })
}

function nameCell(target: TargetReport, names: Map<string, string>): string {
  const name = names.get(target.target) ?? target.target
  return `<span title="${escapeHtml(target.target)}">${escapeHtml(name)}</span>`
}

/** One row of the overview: target, verdict, failed step, failure mode, cause. */
function overviewRow(target: TargetReport, names: Map<string, string>): string {
  const finding = target.result === 'pass' ? undefined : leadingFinding(target)
  const where = finding?.where ?? target.failedStep ?? ''
  const step = where.startsWith('app SDK') ? 'app SDK' : where
  const mode = target.failureMode ?? finding?.failureMode ?? ''
  const cause = finding?.detail ?? ''
  const causeCell =
    cause === ''
      ? '<td></td>'
      : `<td title="${escapeHtml(shortened(cause, 1000))}">${escapeHtml(shortened(cause, CAUSE_CHARS))}</td>`
  return (
    `<tr><td>${nameCell(target, names)}</td><td>${cellLabel(target.result)}</td>` +
    `<td>${escapeHtml(step)}</td><td>${escapeHtml(mode)}</td>${causeCell}</tr>`
  )
}

/**
 * One cause's fix: the failure mode and the targets, the remediation's prose with each command
 * replaced by a pointer, then the commands in a fenced code block, one a line.
 */
function fixEntry(cause: Cause, names: Map<string, string>): string {
  const parts = splitRemediation(cause.remediation ?? '')
  const commands = parts.filter(p => p.kind === 'command').map(p => p.text)
  let index = 0
  const prose = parts
    .map(part => {
      if (part.kind === 'text') return noAutolink(escapeHtml(part.text))
      index++
      return commands.length === 1 ? '(command below)' : `(command ${index} below)`
    })
    .join(' ')
  const shown = namedTogether(cause.targets.slice(0, TARGETS_PER_FIX), names)
  if (cause.targets.length > TARGETS_PER_FIX) {
    shown.push(`and ${cause.targets.length - TARGETS_PER_FIX} more`)
  }
  const count = cause.targets.length === 1 ? '1 target' : `${cause.targets.length} targets`
  const mark = cause.level === 'fail' ? '❌' : '⚠️'
  const head = `${mark} <b>${escapeHtml(cause.failureMode ?? cause.where)}</b> · ${count}: ${shown.join(', ')} —`
  // A tight list item: its code block indented under it (no blank line, so no paragraph margins).
  const block = commands.length > 0 ? fenced(commands.join('\n')).replace(/^(?=.)/gm, '  ') : ''
  return `- ${head} ${prose}\n${block}`
}

/**
 * Markdown text (the fixes list) would turn bare URLs into links (GFM autolinks): a <wbr> inside
 * `://` and `www.` keeps them text, as they are everywhere else in the summary.
 */
function noAutolink(html: string): string {
  return html.replace(/:\/\//g, ':<wbr>//').replace(/\bwww\./gi, m => `${m.slice(0, 3)}<wbr>.`)
}

/** A fenced code block whose fence is longer than any run of backticks inside. */
function fenced(code: string): string {
  const longest = Math.max(0, ...[...code.matchAll(/`+/g)].map(m => m[0].length))
  const fence = '`'.repeat(Math.max(3, longest + 1))
  return `${fence}sh\n${code.replace(/\r/g, '')}\n${fence}\n`
}

/** Where the target runs: the identity source and the probe, labelled (not a step name). */
function about(target: TargetReport): string {
  return [
    target.environment === 'unknown' ? '' : `identity source: ${target.environment}`,
    target.probe ? `probe: ${target.probe}` : '',
    `took ${formatDuration(target.durationMs)}`
  ]
    .filter(Boolean)
    .join(' · ')
}

/** A failed or degraded target: a one-line summary (the full target line on hover), then its steps. */
function targetDetails(target: TargetReport, names: Map<string, string>, open: boolean): string {
  const finding = leadingFinding(target)
  const verb = target.result === 'fail' ? 'failed' : 'warned'
  const at = finding
    ? ` — ${finding.where} ${verb}${finding.failureMode ? `: ${finding.failureMode}` : ''}`
    : ''
  const rows = target.steps.map(
    step =>
      `<tr><td>${escapeHtml(step.step)}</td><td>${cellLabel(step.status)}</td>` +
      `<td>${cellDuration(step.durationMs)}</td><td>${breakable(
        step.failureMode ? `${step.detail} [${step.failureMode}]` : step.detail
      )}</td></tr>`
  )
  for (const sdk of target.sdk ?? []) {
    rows.push(
      `<tr><td>app&nbsp;SDK</td><td>${cellLabel(sdk.status)}</td><td></td><td>${breakable(sdk.detail)}</td></tr>`
    )
  }
  const steps = rows.length > 0 ? `${STEPS_HEAD}${rows.join('')}${TABLE_END}` : ''
  return (
    `<details${open ? ' open' : ''}><summary>${STATUS_LABEL[target.result].split(' ')[0]} ` +
    `<b title="${escapeHtml(target.target)}">${escapeHtml(names.get(target.target) ?? target.target)}</b>${escapeHtml(at)} ` +
    `<sub>(${escapeHtml(about(target))})</sub></summary>${steps}</details>`
  )
}

/** The passed targets: one collapsed line with their count, their names inside. */
function passedLine(passed: TargetReport[], names: Map<string, string>): string {
  if (passed.length === 0) return ''
  const items = passed
    .slice(0, PASSED_NAMED)
    .map(
      t =>
        `<li>${nameCell(t, names)} <sub>${breakable(t.target)} · ${escapeHtml(about(t))}</sub></li>`
    )
  if (passed.length > PASSED_NAMED) items.push(`<li>and ${passed.length - PASSED_NAMED} more</li>`)
  const noun = passed.length === 1 ? 'target' : 'targets'
  return `<details><summary>✅ ${passed.length} ${noun} passed</summary><ul>${items.join('')}</ul></details>`
}
