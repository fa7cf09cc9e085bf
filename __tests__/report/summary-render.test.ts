/**
 * The job summary as a person sees it: rendered the way GitHub renders a step summary (GFM with
 * `marked`, GitHub's markdown stylesheet, a run page's sidebar beside it) in headless Chromium at
 * 1,400 px wide. A 30-target mixed fleet must fit in 2,500 px of height and never be wider than
 * the window (no table scrolls sideways); so must one passing and one failing target. The PNGs
 * stay in test-artifacts/summary/ for a person to look at.
 */
import { existsSync, statSync } from 'node:fs'
import { renderSummary } from '../../src/action/summary'
import { renderSummaryPage, type RenderedSummary } from '../helpers/github-summary-page'
import { describeWithTools } from '../helpers/system-tools'
import { fleetReport, oneFailingReport, onePassingReport } from '../helpers/fleet-fixture'

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

describeWithTools(
  ['chromium'],
  'job summary rendered as GitHub shows it (headless Chromium)',
  () => {
    test('a 30-target mixed fleet: at most 2,500 px tall at 1,400 px, never wider', () => {
      const report = fleetReport()
      expect(report.targets).toHaveLength(30)
      const modes = new Set(report.targets.filter(t => t.result === 'fail').map(t => t.failureMode))
      expect(modes.size).toBeGreaterThanOrEqual(5)
      expect(report.targets.some(t => t.result === 'warn')).toBe(true)
      expect(report.targets.some(t => t.result === 'pass')).toBe(true)

      const rendered = renderSummaryPage(renderSummary(report), 'fleet-30', WIDTH)
      expectReadable(rendered, 2500)
      // One row per target in the overview; a <details> per failed or warned target (the first one
      // open) and one for all the passed ones.
      expect(rendered.measure.rows).toHaveLength(31)
      const notPassing = report.targets.filter(t => t.result !== 'pass').length
      expect(rendered.measure.details).toBe(notPassing + 1)
      expect(rendered.measure.detailsOpen).toBe(1)
      // Every overview row is one line high: nothing wraps into a second line.
      expect(Math.max(...rendered.measure.rows)).toBeLessThan(
        1.5 * Math.min(...rendered.measure.rows)
      )
    })

    test('one passing target', () => {
      const rendered = renderSummaryPage(renderSummary(onePassingReport()), 'one-pass', WIDTH)
      expectReadable(rendered, 1000)
      expect(rendered.measure.detailsOpen).toBe(0)
    })

    test('one failing target: its details open, its fix in a code block', () => {
      const rendered = renderSummaryPage(renderSummary(oneFailingReport()), 'one-fail', WIDTH)
      expectReadable(rendered, 1000)
      expect(rendered.measure.detailsOpen).toBe(1)
      expect(rendered.html).toContain('<code class="language-sh">az role assignment create')
    })
  }
)
