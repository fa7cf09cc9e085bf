/**
 * What the built action loads for a `local` pass where every URL is plain http, as against the
 * emulator (start-up is a measured goal, `npm run bench`). Node's own list of loaded modules is the
 * evidence, not a timing: node:https and node:tls are loaded on the first https request only, so
 * such a pass must not load them; an https check must (so the list is really read, and the lazy
 * loading really happens). node:crypto is loaded: @actions/core's GITHUB_OUTPUT writer takes its
 * delimiter from it (the cost is in `npm run bench`).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator, type Emulator } from '../../emulator/emulator'
import { explain, runAgainst } from '../helpers/emulator-action'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator.close()
})

/** Runs the action with a preload that writes `process.moduleLoadList` at exit; returns it. */
async function modulesLoaded(inputs: Record<string, string> = {}): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'mi-smoke-modules-'))
  const preload = join(dir, 'record-modules.cjs')
  const list = join(dir, 'modules.txt')
  writeFileSync(
    preload,
    `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join('\\n')))\n`
  )
  const run = await runAgainst(emulator, inputs, { NODE_OPTIONS: `--require ${preload}` })
  expect(run.outputs['result']).toBeDefined()
  if (run.code !== 0) throw new Error(explain(run))
  return readFileSync(list, 'utf8').split('\n')
}

const HEAVY = ['NativeModule https', 'NativeModule tls']

test('a local pass over http loads neither node:https nor node:tls', async () => {
  const modules = await modulesLoaded()
  expect(modules).toContain('NativeModule http')
  expect(modules.filter(name => HEAVY.includes(name))).toEqual([])
})

test('an https check loads node:https on demand', async () => {
  // The API check goes to a closed loopback port over https: the request is made (and fails).
  const modules = await modulesLoaded({
    checks:
      'https://127.0.0.1:9/subscriptions?api-version=2022-12-01 resource=https://management.azure.com/',
    'fail-on': 'never'
  })
  expect(modules).toContain('NativeModule https')
  expect(modules).toContain('NativeModule tls')
})
