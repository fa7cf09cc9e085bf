/**
 * The job summary: a heading with the verdict, a table (target, step, status, time, detail) with
 * the worst targets first, then "How to fix" with each remediation. Built as HTML inside Markdown
 * so a target's rows can be grouped with `rowspan`; every value goes through `escapeHtml`.
 *
 * GitHub drops a step's whole summary when it is over 1 MiB (an error annotation says so), and a
 * fleet of several hundred targets gets there. So the summary keeps to `SUMMARY_BUDGET_BYTES`: past
 * it, the targets at the end of the table (the best verdicts) and the last remediations are
 * counted rather than shown, and a note says where every one of them is (the report).
 */
import * as runner from '../runner'
import { formatDuration } from './format'
import { escapeHtml } from './html-escape'
import { firstFailure } from './first-failure'
import type { Report, StepStatus, TargetReport } from './report-types'
import { severity } from './verdict-order'

const STATUS_LABEL: Record<StepStatus, string> = {
  pass: '✅ pass',
  warn: '⚠️ warn',
  fail: '❌ fail',
  skip: '⏭️ skip'
}

interface Row {
  step: string
  status: StepStatus
  durationMs?: number
  detail: string
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

/** Targets named under one remediation; more are counted (a scale set shares one fix). */
const TARGETS_PER_FIX = 20

const TABLE_HEAD =
  '<table><thead><tr><th>target</th><th>step</th><th>status</th><th>time</th><th>detail</th></tr></thead><tbody>'
const TABLE_END = '</tbody></table>'
/** Where every target and remediation is when the summary leaves some out. */
const IN_THE_REPORT = 'in the report (output <code>report</code>, file at <code>report-path</code>)'
/** Room kept for the two "not shown" notes, the "How to fix" heading and the newlines between parts. */
const NOTES_RESERVE = 1024

export function renderSummary(report: Report, budgetBytes = SUMMARY_BUDGET_BYTES): string {
  const heading = [`## ${STATUS_LABEL[report.result]} — mi-smoke\n`, `${headline(report)}\n`]
  const targets = worstFirst(report.targets)
  const rows = targets.map(targetRows)
  const fixes = fixItems(targets)
  const full = compose(heading, rows, fixes, [], 0)
  if (bytes(full) <= budgetBytes) return full

  // Over budget: remediations (what a person acts on) get up to half of what is left, in order;
  // the table the rest, worst targets first.
  let room = budgetBytes - bytes(heading.join('\n')) - NOTES_RESERVE
  const fixesShown = fitting(fixes, Math.floor(room / 2))
  room -= bytes(fixesShown.join('')) + bytes(TABLE_HEAD + TABLE_END)
  const rowsShown = fitting(rows, room)
  return compose(
    heading,
    rowsShown,
    fixesShown,
    targets.slice(rowsShown.length),
    fixes.length - fixesShown.length
  )
}

function compose(
  heading: string[],
  rows: string[],
  fixes: string[],
  targetsLeftOut: TargetReport[],
  fixesLeftOut: number
): string {
  const parts = [...heading]
  if (rows.length > 0) parts.push(`${TABLE_HEAD}${rows.join('')}${TABLE_END}\n`)
  if (targetsLeftOut.length > 0) parts.push(`${leftOutNote(targetsLeftOut)}\n`)
  if (fixes.length > 0) parts.push(`### How to fix\n\n<ul>${fixes.join('')}</ul>\n`)
  if (fixesLeftOut > 0) {
    parts.push(
      `<p>${fixesLeftOut} more ${fixesLeftOut === 1 ? 'remediation is' : 'remediations are'} ${IN_THE_REPORT}.</p>\n`
    )
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
    const where = [first.target.target, first.step, first.failureMode].filter(Boolean).join(' · ')
    line += ` First ${report.result === 'fail' ? 'failure' : 'warning'}: <code>${escapeHtml(where)}</code>.`
  }
  return line
}

function rowsOf(target: TargetReport): Row[] {
  const rows: Row[] = target.steps.map(step => ({
    step: step.step,
    status: step.status,
    durationMs: step.durationMs,
    detail: step.failureMode ? `${step.detail} [${step.failureMode}]` : step.detail
  }))
  for (const sdk of target.sdk ?? []) {
    rows.push({ step: `app SDK (${sdk.credential})`, status: sdk.status, detail: sdk.detail })
  }
  if (rows.length === 0) {
    rows.push({
      step: target.failedStep ?? '—',
      status: target.result,
      detail: target.failureMode ?? ''
    })
  }
  return rows
}

/** One target's rows of the table (its first cell spans them all). */
function targetRows(target: TargetReport): string {
  const rows = rowsOf(target)
  const about = [
    target.environment,
    target.probe ? `probe ${target.probe}` : '',
    formatDuration(target.durationMs)
  ]
    .filter(Boolean)
    .join(' · ')
  return rows
    .map((row, index) => {
      const cells: string[] = []
      if (index === 0) {
        cells.push(
          `<td rowspan="${rows.length}"><b>${escapeHtml(target.target)}</b><br><sub>${STATUS_LABEL[target.result]} · ${escapeHtml(about)}</sub></td>`
        )
      }
      cells.push(`<td>${escapeHtml(row.step)}</td>`)
      cells.push(`<td>${STATUS_LABEL[row.status]}</td>`)
      cells.push(`<td>${row.durationMs === undefined ? '' : formatDuration(row.durationMs)}</td>`)
      cells.push(`<td>${escapeHtml(row.detail)}</td>`)
      return `<tr>${cells.join('')}</tr>`
    })
    .join('')
}

/** One item per distinct remediation, naming the targets that need it (the first few). */
function fixItems(targets: TargetReport[]): string[] {
  const byRemediation = new Map<string, string[]>()
  for (const target of targets) {
    for (const step of target.steps) {
      if (!step.remediation || (step.status !== 'fail' && step.status !== 'warn')) continue
      const where = `${target.target} · ${step.step}${step.failureMode ? ` (${step.failureMode})` : ''}`
      const list = byRemediation.get(step.remediation) ?? []
      list.push(where)
      byRemediation.set(step.remediation, list)
    }
  }
  return [...byRemediation].map(([remediation, where]) => {
    const named = where.slice(0, TARGETS_PER_FIX).map(escapeHtml)
    if (where.length > TARGETS_PER_FIX) named.push(`and ${where.length - TARGETS_PER_FIX} more`)
    return `<li><b>${named.join('<br>')}</b><br>${escapeHtml(remediation)}</li>`
  })
}
