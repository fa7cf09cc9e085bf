/** The cut of the target lines into shards: consecutive, balanced, deterministic, never empty. */
import fc from 'fast-check'
import { parseTargets } from '../../src/engine/inputs/targets'
import type { Target } from '../../src/engine/inputs/action-inputs'
import { shardTargetsInput, splitTargets } from '../../src/action/shards/split-targets'

const RG = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers'
const vm = (n: number): string => `vm:${RG}/Microsoft.Compute/virtualMachines/web-${n}`

function targets(lines: string[]): Target[] {
  return parseTargets(lines.join('\n'))
}

test('consecutive runs of lines in input order, the larger shards first', () => {
  const lines = [1, 2, 3, 4, 5, 6, 7].map(vm)
  const plan = splitTargets(targets(lines), 3)
  expect(plan.map(shard => [shard.index, shard.of, shard.targets.map(t => t.line)])).toEqual([
    [1, 3, lines.slice(0, 3)],
    [2, 3, lines.slice(3, 5)],
    [3, 3, lines.slice(5, 7)]
  ])
})

test('never an empty shard: fewer lines than shards gives one line a shard', () => {
  const plan = splitTargets(targets(['local', vm(1)]), 8)
  expect(plan.map(shard => `${shard.index}/${shard.of}: ${shardTargetsInput(shard)}`)).toEqual([
    '1/2: local',
    `2/2: ${vm(1)}`
  ])
})

test('a vmss: line stays whole (one shard probes every instance of the scale set)', () => {
  const scaleSet = `vmss:${RG}/Microsoft.Compute/virtualMachineScaleSets/web-ss`
  const plan = splitTargets(targets([vm(1), scaleSet, vm(2)]), 2)
  expect(plan.map(shard => shardTargetsInput(shard))).toEqual([`${vm(1)}\n${scaleSet}`, vm(2)])
})

test('a shard\u2019s targets input reads back as the same targets', () => {
  const all = targets(['local', vm(1), `https://web.azurewebsites.net/mi-smoke`, vm(2)])
  for (const shard of splitTargets(all, 3)) {
    expect(parseTargets(shardTargetsInput(shard))).toEqual(shard.targets)
  }
})

test('property: concatenated in order the shards are the targets; sizes differ by at most one', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 256 }), fc.integer({ min: 1, max: 300 }), (n, asked) => {
      const all = targets(Array.from({ length: n }, (_, i) => vm(i)))
      const plan = splitTargets(all, asked)
      expect(plan.length).toBe(Math.min(n, asked))
      expect(plan.flatMap(shard => shard.targets)).toEqual(all)
      const sizes = plan.map(shard => shard.targets.length)
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1)
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
      expect(plan.every((shard, i) => shard.index === i + 1 && shard.of === plan.length)).toBe(true)
      // Deterministic: the plan job and the merge job compute the same plan.
      expect(splitTargets(all, asked)).toEqual(plan)
    }),
    { numRuns: 200 }
  )
})
