/**
 * The job summary: a heading with the verdict, a table (target, step, status, time, detail) with
 * the worst targets first, then "How to fix" with each remediation. Built as HTML inside Markdown
 * so a target's rows can be grouped with `rowspan`; every value goes through `escapeHtml`.
 */
import * as runner from '../runner'
import { formatDuration } from './format'
import { escapeHtml } from './html-escape'
import { firstFailure } from './first-failure'
import type { Report, StepStatus, TargetReport } from './report-types'
import { severity } from './verdict'

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

export function renderSummary(report: Report): string {
  const parts: string[] = []
  parts.push(`## ${STATUS_LABEL[report.result]} — mi-smoke\n`)
  parts.push(`${headline(report)}\n`)
  const targets = worstFirst(report.targets)
  if (targets.length > 0) parts.push(`${table(targets)}\n`)
  const fixes = howToFix(targets)
  if (fixes) parts.push(`### How to fix\n\n${fixes}\n`)
  return parts.join('\n')
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

function headline(report: Report): string {
  const counts = { fail: 0, warn: 0, pass: 0 }
  for (const target of report.targets) counts[target.result]++
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

function table(targets: TargetReport[]): string {
  const head =
    '<table><thead><tr><th>target</th><th>step</th><th>status</th><th>time</th><th>detail</th></tr></thead><tbody>'
  const body: string[] = []
  for (const target of targets) {
    const rows = rowsOf(target)
    const about = [
      target.environment,
      target.probe ? `probe ${target.probe}` : '',
      formatDuration(target.durationMs)
    ]
      .filter(Boolean)
      .join(' · ')
    rows.forEach((row, index) => {
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
      body.push(`<tr>${cells.join('')}</tr>`)
    })
  }
  return `${head}${body.join('')}</tbody></table>`
}

/** One item per distinct remediation; targets that share one are listed together. */
function howToFix(targets: TargetReport[]): string {
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
  if (byRemediation.size === 0) return ''
  const items = [...byRemediation].map(
    ([remediation, where]) =>
      `<li><b>${where.map(escapeHtml).join('<br>')}</b><br>${escapeHtml(remediation)}</li>`
  )
  return `<ul>${items.join('')}</ul>`
}
