/**
 * The merge: shards' reports (files laid out as the reusable workflow downloads them) → one report.
 * The end-to-end run of the built action in merge mode is __tests__/action/merge-reports.test.ts.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseTargets } from '../../src/engine/inputs/targets'
import type { Report } from '../../src/contracts/report'
import { mergeShardReports } from '../../src/action/shards/merge-reports'
import { readShardReports } from '../../src/action/shards/read-shard-reports'
import { splitTargets } from '../../src/action/shards/split-targets'
import {
  passingTarget,
  rbacDeniedTarget,
  reportOf,
  unreachableTarget,
  warnTarget
} from '../helpers/report-fixtures'

const RG = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers'
const vm = (n: number): string => `vm:${RG}/Microsoft.Compute/virtualMachines/web-${n}`
const scaleSet = `vmss:${RG}/Microsoft.Compute/virtualMachineScaleSets/web-ss`
const LINES = ['local', vm(1), scaleSet, vm(2), vm(3)]
// 3 shards: [local, vm1] [vmss] [vm2, vm3]... no: 5 lines in 3 = 2, 2, 1.
const plan = splitTargets(parseTargets(LINES.join('\n')), 3)

function layout(reports: Record<number, Report | string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mi-smoke-merge-'))
  for (const [shard, report] of Object.entries(reports)) {
    mkdirSync(join(dir, `shard-${shard}`))
    writeFileSync(
      join(dir, `shard-${shard}`, `mi-smoke-report-${shard}.json`),
      typeof report === 'string' ? report : JSON.stringify(report)
    )
  }
  return dir
}

const shard1 = {
  ...reportOf([passingTarget('local'), passingTarget(vm(1))], 'pass'),
  durationMs: 800
}
const shard2 = {
  ...reportOf(
    [warnTarget(`${scaleSet}#0`), passingTarget(`${scaleSet}#1`), passingTarget(vm(2))],
    'warn'
  ),
  durationMs: 2500
}
const shard3 = { ...reportOf([rbacDeniedTarget(vm(3))], 'fail'), durationMs: 1200 }

test('the plan of the fixture is the one the tests assume', () => {
  expect(plan.map(shard => shard.targets.map(t => t.line))).toEqual([
    ['local', vm(1)],
    [scaleSet, vm(2)],
    [vm(3)]
  ])
})

test('every shard reported: targets in order, worst verdict, wall time the longest shard', () => {
  const dir = layout({ 1: shard1, 2: shard2, 3: shard3 })
  const merged = mergeShardReports(plan, readShardReports(dir, plan))
  expect(merged.report).toEqual({
    schema: 'mi-smoke/v1',
    result: 'fail',
    durationMs: 2500,
    targets: [...shard1.targets, ...shard2.targets, ...shard3.targets]
  })
  expect(merged.unreported).toEqual([])
  expect(merged.notes).toEqual([
    'shard 1 of 3: pass, 2 targets in 800 ms (shard-1/mi-smoke-report-1.json)',
    'shard 2 of 3: warn, 3 targets in 2500 ms (shard-2/mi-smoke-report-2.json)',
    'shard 3 of 3: fail, 1 target in 1200 ms (shard-3/mi-smoke-report-3.json)'
  ])
})

test('a shard without a report: each of its lines fails as not probed, naming the shard', () => {
  const dir = layout({
    1: shard1,
    3: { ...shard3, targets: [passingTarget(vm(3))], result: 'pass' }
  })
  const merged = mergeShardReports(plan, readShardReports(dir, plan))
  expect(merged.report.result).toBe('fail')
  expect(merged.report.targets.map(t => [t.target, t.result, t.failedStep, t.failureMode])).toEqual(
    [
      ['local', 'pass', undefined, undefined],
      [vm(1), 'pass', undefined, undefined],
      [scaleSet, 'fail', 'dispatch', 'dispatch-failed'],
      [vm(2), 'fail', 'dispatch', 'dispatch-failed'],
      [vm(3), 'pass', undefined, undefined]
    ]
  )
  expect(merged.unreported.map(t => t.target)).toEqual([scaleSet, vm(2)])
  expect(merged.unreported[0]?.steps[0]).toMatchObject({
    step: 'dispatch',
    status: 'fail',
    detail: 'Not probed: shard 2 of 3 left no usable report (no report was downloaded for it).',
    remediation: expect.stringMatching(
      /^Open the job of shard 2 of 3 in this run: .*Re-run the failed jobs/
    )
  })
  expect(merged.notes[1]).toBe('shard 2 of 3: no usable report: no report was downloaded for it')
})

test.each([
  ['not JSON', 'MI-SMOKE', /its report shard-2\/mi-smoke-report-2.json is not valid: is not JSON/],
  [
    'another shard\u2019s report',
    JSON.stringify(shard3),
    /its target ".*web-3" is not one of the shard's lines/
  ],
  [
    'a report missing a line',
    JSON.stringify({ ...shard2, targets: shard2.targets.slice(0, 2) }),
    /it has no result for ".*web-2"/
  ],
  [
    'a verdict better than its targets\u2019',
    JSON.stringify({ ...shard2, result: 'pass' }),
    /its result pass is not the worst of its targets'/
  ]
])('a shard whose report is %s fails its lines with the reason', (_name, text, reason) => {
  const dir = layout({ 1: shard1, 2: text, 3: shard3 })
  const merged = mergeShardReports(plan, readShardReports(dir, plan))
  expect(merged.report.result).toBe('fail')
  expect(merged.unreported.map(t => t.target)).toEqual([scaleSet, vm(2)])
  expect(merged.unreported[0]?.steps[0]?.detail).toMatch(reason)
})

test('two report files for one shard, or no directory at all', () => {
  const dir = layout({ 1: shard1, 2: shard2, 3: shard3 })
  writeFileSync(join(dir, 'shard-1', 'other.json'), JSON.stringify(shard1))
  const doubled = mergeShardReports(plan, readShardReports(dir, plan))
  expect(doubled.unreported.map(t => t.target)).toEqual(['local', vm(1)])
  expect(doubled.notes[0]).toMatch(/holds 2 report files instead of 1/)

  const none = mergeShardReports(plan, readShardReports(join(dir, 'missing'), plan))
  expect(none.report.result).toBe('fail')
  expect(none.unreported.map(t => t.target)).toEqual(LINES)
})

test('one artifact per sub-directory named ...-shard-<n> is read too', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mi-smoke-merge-'))
  for (const [n, report] of [shard1, shard2, shard3].entries()) {
    mkdirSync(join(dir, `mi-smoke-staging-shard-${n + 1}`))
    writeFileSync(join(dir, `mi-smoke-staging-shard-${n + 1}`, 'r.json'), JSON.stringify(report))
  }
  expect(mergeShardReports(plan, readShardReports(dir, plan)).unreported).toEqual([])
})

test('the merged report is the same whatever the unrelated files beside it', () => {
  const dir = layout({
    1: shard1,
    2: shard2,
    3: { ...shard3, targets: [unreachableTarget(vm(3))] }
  })
  writeFileSync(join(dir, 'notes.txt'), 'x')
  mkdirSync(join(dir, 'other'))
  const merged = mergeShardReports(plan, readShardReports(dir, plan))
  expect(merged.unreported).toEqual([])
  expect(merged.report.targets).toHaveLength(6)
})
