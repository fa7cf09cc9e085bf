import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  renderSummary,
  SUMMARY_BUDGET_BYTES,
  worstFirst,
  writeSummary
} from '../../src/report/summary'
import { escapeHtml } from '../../src/report/html-escape'
import {
  passingTarget,
  rbacDeniedTarget,
  reportOf,
  step,
  unreachableTarget,
  warnTarget
} from './report-fixtures'

describe('job summary', () => {
  test('heading carries the verdict and the first failure', () => {
    const text = renderSummary(reportOf([passingTarget('a'), rbacDeniedTarget('b')], 'fail'))
    expect(text.split('\n')[0]).toBe('## ❌ fail — mi-smoke')
    expect(text).toContain('2 targets probed in 1.2 s: 1 failed, 0 with warnings, 1 passed.')
    expect(text).toContain('First failure: <code>b · api · rbac-denied</code>')
    expect(renderSummary(reportOf([passingTarget()], 'pass')).split('\n')[0]).toBe(
      '## ✅ pass — mi-smoke'
    )
  })

  test('table has target, step, status, time, detail, one row per step, grouped by target', () => {
    const text = renderSummary(reportOf([passingTarget('local')], 'pass'))
    expect(text).toContain(
      '<th>target</th><th>step</th><th>status</th><th>time</th><th>detail</th>'
    )
    expect(text.match(/<tr><td/g)).toHaveLength(3)
    expect(text).toContain('<td rowspan="3"><b>local</b>')
    expect(text).toContain(
      '<td>token</td><td>✅ pass</td><td>10 ms</td><td>token for https://management.azure.com/</td>'
    )
  })

  test('targets are listed worst first, equal verdicts in input order', () => {
    const targets = [
      passingTarget('p1'),
      warnTarget('w1'),
      rbacDeniedTarget('f1'),
      passingTarget('p2'),
      unreachableTarget('f2')
    ]
    expect(worstFirst(targets).map(t => t.target)).toEqual(['f1', 'f2', 'w1', 'p1', 'p2'])
    const text = renderSummary(reportOf(targets, 'fail'))
    const order = ['f1', 'f2', 'w1', 'p1', 'p2'].map(name => text.indexOf(`<b>${name}</b>`))
    expect([...order].sort((a, b) => a - b)).toEqual(order)
  })

  test('How to fix lists each remediation once, naming every target that needs it', () => {
    const text = renderSummary(
      reportOf(
        [
          rbacDeniedTarget('vm-1', 'grant Reader'),
          rbacDeniedTarget('vm-2', 'grant Reader'),
          unreachableTarget('vm-3')
        ],
        'fail'
      )
    )
    const fixes = text.slice(text.indexOf('### How to fix'))
    expect(fixes).toContain(
      'vm-1 · api (rbac-denied)<br>vm-2 · api (rbac-denied)</b><br>grant Reader'
    )
    expect(fixes.match(/grant Reader/g)).toHaveLength(1)
    expect(fixes).toContain('Run on an Azure VM')
    expect(renderSummary(reportOf([passingTarget()], 'pass'))).not.toContain('How to fix')
  })

  test('values from the network cannot inject markup', () => {
    const hostile = passingTarget('x')
    hostile.steps[2] = step({
      step: 'api',
      status: 'fail',
      detail: '<img src=x onerror=alert(1)> | **bold** [link](http://evil) `code`\n## heading',
      remediation: '<script>alert(1)</script>'
    })
    const text = renderSummary(reportOf([hostile], 'fail'))
    expect(text).not.toMatch(/<img|<script|\*\*bold|\[link\]|`code`|\n## heading/)
    expect(text).toContain('&lt;img src=x onerror=alert(1)&gt; &#124; &#42;&#42;bold&#42;&#42;')
    expect(escapeHtml('a\nb')).toBe('a<br>b')
  })

  test('writeSummary appends to GITHUB_STEP_SUMMARY, and writes nothing when disabled', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'summary-')), 'summary.md')
    writeFileSync(file, '')
    const previous = process.env['GITHUB_STEP_SUMMARY']
    process.env['GITHUB_STEP_SUMMARY'] = file
    try {
      await writeSummary(reportOf([passingTarget()], 'pass'), false)
      expect(readFileSync(file, 'utf8')).toBe('')
      await writeSummary(reportOf([passingTarget()], 'pass'), true)
      expect(readFileSync(file, 'utf8')).toContain('## ✅ pass — mi-smoke')
    } finally {
      if (previous === undefined) delete process.env['GITHUB_STEP_SUMMARY']
      else process.env['GITHUB_STEP_SUMMARY'] = previous
    }
  })

  describe('size: GitHub drops a step summary over 1 MiB', () => {
    const bytes = (text: string): number => Buffer.byteLength(text, 'utf8')
    const shownTargets = (text: string): string[] =>
      [...text.matchAll(/<td rowspan="\d+"><b>([^<]*)<\/b>/g)].map(m => m[1] as string)

    test('a fleet of 3,000 failing VMs, each with its own fix: under budget, worst first, the rest counted', () => {
      const targets = Array.from({ length: 3000 }, (_, i) =>
        i % 3 === 0
          ? passingTarget(`vm-${i}`)
          : rbacDeniedTarget(
              `vm-${i}`,
              `az role assignment create --assignee-object-id oid-${i} --role Reader --scope /subscriptions/s/resourceGroups/rg-${i}`
            )
      )
      const text = renderSummary(reportOf(targets, 'fail'))
      expect(bytes(text)).toBeLessThanOrEqual(SUMMARY_BUDGET_BYTES)
      const shown = shownTargets(text)
      expect(shown.length).toBeGreaterThan(100)
      expect(shown.length).toBeLessThan(3000)
      // Worst first: every failing target comes before any passing one, and the shown ones are the
      // first of that order.
      expect(shown).toEqual(
        worstFirst(targets)
          .slice(0, shown.length)
          .map(t => t.target)
      )
      const note =
        /<p>(\d+) more targets are not shown \((\d+) failed, (\d+) with warnings, (\d+) passed\)/.exec(
          text
        )
      expect(note).not.toBeNull()
      const [, more, failed, warned, passed] = note!.map(Number)
      expect(shown.length + more!).toBe(3000)
      expect(failed! + warned! + passed!).toBe(more)
      expect(passed).toBe(1000) // all 1,000 passing targets are among those left out
      expect(text).toContain('every target is in the report')
      // The 2,000 distinct fixes fit in the half of the budget they may take: all listed.
      expect(text.match(/<li>/g)?.length).toBe(2000)
      expect(text).not.toContain('more remediation')
    })

    test('a small budget: the table and the fixes both shrink, and nothing is counted twice', () => {
      const targets = [
        passingTarget('p1'),
        warnTarget('w1'),
        ...Array.from({ length: 40 }, (_, i) =>
          rbacDeniedTarget(`f${i}`, `fix number ${i}: ${'grant the role '.repeat(20)}`)
        ),
        unreachableTarget('u1')
      ]
      const budget = 12 * 1024
      const text = renderSummary(reportOf(targets, 'fail'), budget)
      expect(bytes(text)).toBeLessThanOrEqual(budget)
      const shown = shownTargets(text)
      const more = Number(/<p>(\d+) more targets? (?:is|are) not shown/.exec(text)?.[1])
      expect(shown.length + more).toBe(targets.length)
      expect(shown).toEqual(
        worstFirst(targets)
          .slice(0, shown.length)
          .map(t => t.target)
      )
      const fixesShown = (text.match(/<li>/g) ?? []).length
      const fixesMore = Number(
        /<p>(\d+) more remediations? (?:is|are) in the report/.exec(text)?.[1]
      )
      expect(fixesShown).toBeGreaterThan(0)
      expect(fixesMore).toBeGreaterThan(0)
      expect(fixesShown + fixesMore).toBe(42) // 40 distinct rbac fixes, the warning's, the unreachable one's
    })

    test('one fix shared by a whole scale set names the first 20 targets and counts the rest', () => {
      const targets = Array.from({ length: 30 }, (_, i) =>
        rbacDeniedTarget(`vmss-${i}`, 'grant Reader')
      )
      const text = renderSummary(reportOf(targets, 'fail'))
      const fixes = text.slice(text.indexOf('### How to fix'))
      expect(fixes.match(/vmss-\d+ · api/g)).toHaveLength(20)
      expect(fixes).toContain('vmss-19 · api (rbac-denied)<br>and 10 more</b><br>grant Reader')
      expect(text).not.toContain('not shown')
    })
  })
})
