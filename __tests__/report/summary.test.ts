import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { renderSummary, worstFirst, writeSummary } from '../../src/report/summary'
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
})
