/**
 * The job summary as a person sees it: rendered the way GitHub renders a step summary (GFM with
 * `marked`, GitHub's markdown stylesheet, a run page's sidebar beside it) in headless Chromium at
 * 1,400 px wide, and every point of "a fix a person can read at a glance" asserted from the
 * rendered page, measured in the browser:
 *   - the page fits (a 30-target fleet with 9 failures in six ways in 2,500 px of height), nothing
 *     scrolls sideways: every code block's content is as wide as its box at most;
 *   - the overview lists the targets that are not passing, once each; passed targets are counted
 *     in the headline and named once, in their collapsed line;
 *   - the cause column says what went wrong in words, never the start of a URL;
 *   - dispatch failures of different kinds read differently (overview, folded titles, annotations);
 *   - code blocks hold commands only, each one bash reads as the very command the remediation
 *     names (its line continuations joined back), complete: no `<placeholder>` for a value the
 *     report knows, and every other placeholder with a line saying where to find it.
 * The PNGs stay in test-artifacts/summary/ for a person to look at.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { renderSummary } from '../../src/action/summary'
import { planAnnotations } from '../../src/action/annotations'
import { causesOf } from '../../src/engine/report/causes'
import { placeholderHint, splitRemediation } from '../../src/engine/report/remediation-commands'
import type { Report } from '../../src/contracts/report'
import { renderSummaryPage, type RenderedSummary } from '../helpers/github-summary-page'
import { describeWithTools, findTool } from '../helpers/system-tools'
import {
  fleetReport,
  oneFailingReport,
  onePassingReport,
  runCommandDenied
} from '../helpers/fleet-fixture'

jest.setTimeout(180_000)

const WIDTH = 1400

/** What GitHub's HTML sanitizer keeps: anything else would be stripped, so we must not rely on it. */
const GITHUB_TAGS = new Set([
  'a',
  'b',
  'br',
  'code',
  'details',
  'em',
  'h2',
  'h3',
  'li',
  'p',
  'pre',
  'span',
  'strong',
  'sub',
  'summary',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'ul',
  'wbr'
])
const GITHUB_ATTRIBUTES = new Set(['open', 'title', 'class'])

/** Placeholders that stand for a value every report of these fixtures knows. */
const KNOWN_VALUE_PLACEHOLDER =
  /<(principal object ID|runner principal object ID|VM resource ID|vault resource ID|scope|subscription( ID)?|vault|app|group)>/i

/** Words of prose: never in a code block outside a quoted value. */
const PROSE = /\b(the|then|or|and|if|wait|see|check|run again|e\.g)\b/i

function expectReadable(rendered: RenderedSummary, maxHeight: number): void {
  const { measure } = rendered
  expect(measure.viewportWidth).toBe(WIDTH)
  expect(measure.width).toBeLessThanOrEqual(WIDTH)
  expect(measure.overflowingTables).toBe(0)
  expect(measure.height).toBeLessThanOrEqual(maxHeight)
  for (const tag of measure.tags) expect(GITHUB_TAGS).toContain(tag)
  for (const attribute of measure.attributes) expect(GITHUB_ATTRIBUTES).toContain(attribute)
  expect(existsSync(rendered.png)).toBe(true)
  expect(statSync(rendered.png).size).toBeGreaterThan(10_000)
}

/** Every command visible without scrolling: measured, each code block's content within its box. */
function expectCommandsVisible(rendered: RenderedSummary): void {
  expect(rendered.measure.overflowingCode).toBe(0)
  for (const pre of rendered.measure.pres) {
    expect([pre.text, pre.scrollWidth <= pre.clientWidth]).toEqual([pre.text, true])
  }
}

/** The cause column: words, no URL fragment, not cut. */
function expectCausesInWords(rendered: RenderedSummary, report: Report): void {
  const notPassing = report.targets.filter(t => t.result !== 'pass')
  expect(rendered.measure.cells).toHaveLength(notPassing.length)
  for (const row of rendered.measure.cells) {
    const cause = row[4] ?? ''
    expect(cause.length).toBeGreaterThan(5)
    expect([cause, /:\/\/|https?:|\?|\/subscriptions\/|\/providers\//i.test(cause)]).toEqual([
      cause,
      false
    ])
    expect(cause.endsWith('…') && !/[0-9a-f]{8}…$/.test(cause)).toBe(false)
  }
}

/**
 * Code blocks hold commands only: each block is one command, bash parses it, and run with `az`
 * (and the other tools) replaced by a function that prints its arguments it gives exactly the
 * arguments of the command the remediation names: the line continuations changed nothing.
 */
function expectOnlyCommands(rendered: RenderedSummary, report: Report): void {
  const named = causesOf(report.targets).flatMap(cause =>
    splitRemediation(cause.remediation ?? '')
      .filter(part => part.kind === 'command')
      .map(part => part.text)
  )
  expect(rendered.measure.pres.length).toBe(named.length)
  const bash = findTool('bash') ?? '/bin/bash'
  const argv = (command: string): string =>
    execFileSync(bash, ['-c', `az() { printf '[%s]' "$@"; echo; }\n${command}`], {
      encoding: 'utf8'
    })
  rendered.measure.pres.forEach((pre, index) => {
    const text = pre.text.replace(/\n$/, '')
    const lines = text.split('\n')
    expect(lines[0]).toMatch(/^az [a-z]/)
    lines.forEach((line, i) => {
      if (i > 0) expect([text, lines[i - 1]!.endsWith('\\')]).toEqual([text, true])
      const unquoted = line.replace(/"[^"]*"|'[^']*'/g, '""')
      expect([line, PROSE.test(unquoted)]).toEqual([line, false])
    })
    execFileSync(bash, ['-n', '-c', text])
    expect(argv(text)).toBe(argv(named[index]!))
  })
}

/** Complete commands: no placeholder for a known value; every other one says where to find it. */
function expectComplete(rendered: RenderedSummary): void {
  for (const pre of rendered.measure.pres) {
    for (const placeholder of pre.text.match(/<[^<>\n]+>/g) ?? []) {
      expect([placeholder, KNOWN_VALUE_PLACEHOLDER.test(placeholder)]).toEqual([placeholder, false])
      expect(placeholderHint(placeholder)).toBeDefined()
      expect(rendered.measure.prose).toContain(
        `Fill in ${placeholder}: ${placeholderHint(placeholder)}`
      )
    }
  }
}

describeWithTools(
  ['chromium', 'bash'],
  'job summary rendered as GitHub shows it (headless Chromium)',
  () => {
    test('a 30-target fleet with 9 failures in six ways: fits 1,400 × 2,500 px, every fix readable at a glance', () => {
      const report = fleetReport()
      expect(report.targets).toHaveLength(30)
      const failed = report.targets.filter(t => t.result === 'fail')
      expect(failed).toHaveLength(9)
      const ways = new Set(
        failed.map(t => `${t.failureMode}:${t.steps.find(s => s.dispatchKind)?.dispatchKind ?? ''}`)
      )
      expect(ways.size).toBe(6)
      expect(report.targets.some(t => t.result === 'warn')).toBe(true)
      const passed = report.targets.filter(t => t.result === 'pass').length

      const rendered = renderSummaryPage(renderSummary(report), 'fleet-30', WIDTH)
      expectReadable(rendered, 2500)
      expectCommandsVisible(rendered)
      expectCausesInWords(rendered, report)
      expectOnlyCommands(rendered, report)
      expectComplete(rendered)

      // Passed targets: counted once in the headline, named once (in their collapsed line), never
      // in the overview.
      expect(rendered.measure.rows).toHaveLength(report.targets.length - passed + 1)
      expect(rendered.measure.prose).toContain(`${passed} passed.`)
      expect(rendered.measure.prose).toContain(`${passed} targets passed`)
      expect(rendered.measure.prose.split('web-3 (rg-web)').length - 1).toBe(1)
      expect(rendered.measure.cells.map(row => row[1]).filter(v => /pass/.test(v!))).toEqual([])
      const notPassing = report.targets.length - passed
      expect(rendered.measure.details).toBe(notPassing + 1)
      expect(rendered.measure.detailsOpen).toBe(1)
      // Every overview row is at most two lines high (a long host name may wrap once).
      expect(Math.max(...rendered.measure.rows)).toBeLessThan(
        2.5 * Math.min(...rendered.measure.rows)
      )

      // The two kinds of dispatch failure never read alike: overview, folded titles, annotations.
      const dispatchCauses = rendered.measure.cells
        .filter(row => row[3] === 'dispatch-failed')
        .map(row => row[4])
      expect(new Set(dispatchCauses)).toEqual(
        new Set(['VM deallocated', 'run-command not allowed for the runner'])
      )
      expect(rendered.measure.prose).toContain('dispatch failed: VM deallocated (dispatch-failed)')
      expect(rendered.measure.prose).toContain(
        'dispatch failed: run-command not allowed for the runner (dispatch-failed)'
      )
      const titles = planAnnotations(report).map(a => a.title)
      expect(titles).toContain('dispatch-failed: VM deallocated · 2 targets')
      expect(titles).toContain(
        'ops-1 (rg-ops) · dispatch · dispatch-failed: run-command not allowed for the runner'
      )

      // Each fix's prose names the role and the scope it grants.
      expect(rendered.measure.prose).toMatch(/the role "Reader" on \/subscriptions\/[0-9a-f-]{36}/)
      expect(rendered.measure.prose).toMatch(
        /the role "Virtual Machine Contributor" \(it holds [^)]+\) on the VM \/subscriptions\/.+\/virtualMachines\/ops-1/
      )
    })

    test('one passing target', () => {
      const rendered = renderSummaryPage(renderSummary(onePassingReport()), 'one-pass', WIDTH)
      expectReadable(rendered, 1000)
      expect(rendered.measure.detailsOpen).toBe(0)
      expect(rendered.measure.cells).toHaveLength(0)
    })

    test('one failing target: its details open, its fix complete and in a code block', () => {
      const report = oneFailingReport()
      const rendered = renderSummaryPage(renderSummary(report), 'one-fail', WIDTH)
      expectReadable(rendered, 1000)
      expectCommandsVisible(rendered)
      expectCausesInWords(rendered, report)
      expectOnlyCommands(rendered, report)
      expectComplete(rendered)
      expect(rendered.measure.detailsOpen).toBe(1)
      expect(rendered.html).toContain('<code class="language-sh">az role assignment create')
      expect(rendered.measure.cells[0]![4]).toBe(
        'denied resourcegroups/read on subscription 3f2a4c1d…'
      )
    })

    test("one VM whose run-command the runner may not use: the runner's principal is in the command", () => {
      const vm =
        '/subscriptions/3f2a4c1d-8b7e-4d6f-9a0b-1c2d3e4f5a6b/resourceGroups/rg-ops/providers/Microsoft.Compute/virtualMachines/ops-1'
      const report: Report = {
        schema: 'mi-smoke/v1',
        result: 'fail',
        durationMs: 1200,
        targets: [runCommandDenied(`vm:${vm}`, vm)]
      }
      const rendered = renderSummaryPage(renderSummary(report), 'one-run-command-denied', WIDTH)
      expectReadable(rendered, 1000)
      expectCommandsVisible(rendered)
      expectOnlyCommands(rendered, report)
      expectComplete(rendered)
      expect(rendered.measure.pres[0]!.text).toContain('8e7d6c5b-4a39-4281-9f0e-d1c2b3a49586')
      expect(rendered.measure.cells[0]![4]).toBe('run-command not allowed for the runner')
    })
  }
)
