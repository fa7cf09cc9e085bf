import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  renderSummary,
  SUMMARY_BUDGET_BYTES,
  worstFirst,
  writeSummary
} from '../../src/action/summary'
import { escapeHtml } from '../../src/common/html-escape'
import {
  passingTarget,
  rbacDeniedTarget,
  reportOf,
  step,
  unreachableTarget,
  warnTarget
} from '../helpers/report-fixtures'

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

  test('the overview: one row per target, short name with the full line on hover, verdict, step, mode, cause', () => {
    const vm =
      'vm:/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/web-1'
    const text = renderSummary(reportOf([passingTarget('local'), rbacDeniedTarget(vm)], 'fail'))
    expect(text).toContain(
      '<th>target</th><th>verdict</th><th>step</th><th>failure mode</th><th>cause</th>'
    )
    const overview = text.slice(0, text.indexOf('</table>'))
    expect(overview.match(/<tr><td>/g)).toHaveLength(2)
    expect(overview).toContain(`<span title="${vm}">web-1 (rg-web)</span>`)
    expect(overview).toContain(
      '<td>❌&nbsp;fail</td><td>api</td><td>rbac-denied</td><td title="ARM answered 403 AuthorizationFailed">ARM answered 403 AuthorizationFailed</td>'
    )
    expect(overview).toContain('<td><span title="local">local</span></td><td>✅&nbsp;pass</td>')
  })

  test('failed targets get a <details> with their steps (the first open), passed ones one collapsed line', () => {
    const text = renderSummary(
      reportOf(
        [passingTarget('p1'), rbacDeniedTarget('f1'), unreachableTarget('f2'), passingTarget('p2')],
        'fail'
      )
    )
    expect(text.match(/<details open>/g)).toHaveLength(1)
    expect(text).toContain(
      '<details open><summary>❌ <b title="f1">f1</b> — api failed: rbac-denied'
    )
    expect(text).toContain(
      '<details><summary>❌ <b title="f2">f2</b> — imds failed: platform-unreachable'
    )
    expect(text).toContain('<details><summary>✅ 2 targets passed</summary>')
    // The identity source is labelled as such: `imds` is not read as the failed step.
    expect(text).toContain('<sub>(identity source: imds · probe: local · took 120 ms)</sub>')
    expect(text).toContain(
      '<tr><td>token</td><td>✅&nbsp;pass</td><td>10&nbsp;ms</td><td>token for https:/<wbr>/<wbr>management.azure.com/</td></tr>'
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
    const order = ['f1', 'f2', 'w1', 'p1', 'p2'].map(name => text.indexOf(`>${name}</span>`))
    expect([...order].sort((a, b) => a - b)).toEqual(order)
  })

  test('How to fix: one item per cause naming its targets, right after the overview, commands in code blocks', () => {
    const command =
      'az role assignment create --assignee-object-id oid-1 --role Reader --scope /subscriptions/s'
    const text = renderSummary(
      reportOf(
        [
          rbacDeniedTarget('vm-1', `Grant principal oid-1 Reader: ${command}; wait a minute`),
          rbacDeniedTarget('vm-2', `Grant principal oid-1 Reader: ${command}; wait a minute`),
          unreachableTarget('vm-3')
        ],
        'fail'
      )
    )
    const fixes = text.slice(text.indexOf('### How to fix'), text.indexOf('<details'))
    expect(text.indexOf('### How to fix')).toBeGreaterThan(text.indexOf('</table>'))
    expect(fixes).toContain(
      '- ❌ <b>rbac-denied</b> · 2 targets: <span title="vm-1">vm-1</span>, <span title="vm-2">vm-2</span> — Grant principal oid-1 Reader: (command below) wait a minute\n  ```sh\n  ' +
        command +
        '\n  ```\n'
    )
    expect(fixes.match(/Grant principal/g)).toHaveLength(1)
    expect(fixes).toContain(
      '- ❌ <b>platform-unreachable</b> · 1 target: <span title="vm-3">vm-3</span> — Run on an Azure VM'
    )
    expect(renderSummary(reportOf([passingTarget()], 'pass'))).not.toContain('How to fix')
  })

  test('values from the network cannot inject markup', () => {
    const hostile = { ...passingTarget('x'), result: 'fail' as const }
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
      [...text.matchAll(/<tr><td><span title="([^"]*)">/g)].map(m => m[1] as string)
    const fixItems = (text: string): number => (text.match(/^- [❌⚠]/gmu) ?? []).length

    test('a fleet of 3,000 VMs, 2,000 failing each with its own fix: under budget, worst first, the rest counted', () => {
      const vmId = (i: number): string =>
        `vm:/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-${i}/providers/Microsoft.Compute/virtualMachines/vm-${i}`
      const targets = Array.from({ length: 3000 }, (_, i) =>
        i % 3 === 0
          ? passingTarget(vmId(i))
          : rbacDeniedTarget(
              vmId(i),
              `Grant principal oid-${i} a role: az role assignment create --assignee-object-id oid-${i} --role Reader --scope /subscriptions/s/resourceGroups/rg-${i}; ${'role assignments take minutes to propagate; '.repeat(3)}`
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
      expect(text).toContain('every target is in the report')
      // Fixes took at most half the room; the rest are counted, none twice.
      const fixesMore = Number(
        /<p>(\d+) more remediations? (?:is|are) in the report/.exec(text)?.[1] ?? 0
      )
      expect(fixItems(text)).toBeGreaterThan(100)
      expect(fixItems(text) + fixesMore).toBe(2000)
      // The details of the targets that did not fit are counted too.
      expect(text).toMatch(/<p>The details of \d+ more in the report/)
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
      const fixesShown = fixItems(text)
      const fixesMore = Number(
        /<p>(\d+) more remediations? (?:is|are) in the report/.exec(text)?.[1]
      )
      expect(fixesShown).toBeGreaterThan(0)
      expect(fixesMore).toBeGreaterThan(0)
      expect(fixesShown + fixesMore).toBe(42) // 40 distinct rbac fixes, the warning's, the unreachable one's
    })

    test('one fix shared by a whole scale set names the first 8 targets and counts the rest', () => {
      const targets = Array.from({ length: 30 }, (_, i) =>
        rbacDeniedTarget(`vmss-${i}`, 'grant Reader')
      )
      const text = renderSummary(reportOf(targets, 'fail'))
      const fixes = text.slice(text.indexOf('### How to fix'), text.indexOf('<details'))
      expect(fixes.match(/<span title="vmss-\d+">/g)).toHaveLength(8)
      expect(fixes).toContain('<span title="vmss-7">vmss-7</span>, and 22 more — grant Reader')
      expect(text).not.toContain('not shown')
    })
  })
})
