/**
 * One Node.js story: `.node-version` is the major action.yml runs on (node24), every workflow sets
 * Node up from `.node-version` or, in the test matrix, from the versions `engines` allows (its
 * minimum among them), and every package's `engines` agrees with the root's.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'

const root = join(__dirname, '..', '..')
const json = (path: string): { engines?: { node?: string } } =>
  JSON.parse(readFileSync(join(root, path), 'utf8')) as { engines?: { node?: string } }

const nodeVersion = readFileSync(join(root, '.node-version'), 'utf8').trim()
const engines = json('package.json').engines?.node ?? ''
const minimum = /^>=(\d+)$/.exec(engines)?.[1]

test('.node-version is the major action.yml runs on', () => {
  const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as {
    runs: { using: string }
  }
  expect(action.runs.using).toBe(`node${nodeVersion}`)
})

test('engines names a minimum major that .node-version satisfies, in every package', () => {
  expect(minimum).toBeDefined()
  expect(Number(nodeVersion)).toBeGreaterThanOrEqual(Number(minimum))
  for (const dir of readdirSync(join(root, 'packages'))) {
    expect([dir, json(join('packages', dir, 'package.json')).engines?.node]).toEqual([dir, engines])
  }
})

const workflows = readdirSync(join(root, '.github', 'workflows')).filter(f => f.endsWith('.yml'))

test.each(workflows)('%s sets Node up from .node-version or the engines range', file => {
  const text = readFileSync(join(root, '.github', 'workflows', file), 'utf8')
  const workflow = parse(text) as {
    jobs: Record<
      string,
      {
        strategy?: { matrix?: { node?: number[] } }
        steps?: Array<{ uses?: string; with?: Record<string, unknown> }>
      }
    >
  }
  for (const job of Object.values(workflow.jobs)) {
    for (const step of job.steps ?? []) {
      if (!step.uses?.startsWith('actions/setup-node@')) continue
      const file = step.with?.['node-version-file']
      const version = step.with?.['node-version']
      if (file !== undefined) {
        expect(file).toBe('.node-version')
        continue
      }
      // A matrix: the oldest Node engines allows and .node-version's.
      expect(version).toBe('${{ matrix.node }}')
      const majors = job.strategy?.matrix?.node ?? []
      expect(Math.min(...majors)).toBe(Number(minimum))
      expect(majors).toContain(Number(nodeVersion))
    }
  }
})
