/**
 * One `az vm get-instance-view --ids <id>...` for every vm: target of a run, with an in-process
 * fake az runner (every call recorded): matched by ID not position, one call per `inputs`, and a
 * target the batch cannot answer for makes its own call, whose error is its own diagnosis.
 */
import type { ActionInputs, Target } from '../../../src/inputs/action-inputs'
import type { AzResult, AzRunner } from '../../../src/dispatch/vm/az-cli'
import { batchChunks, vmStateInRun } from '../../../src/dispatch/vm/instance-views'
import { vmWorkloads } from '../../../src/dispatch/vm/index'
import type { VmDocument } from '../../../src/dispatch/vm/power-state'
import { DispatchError } from '../../../src/dispatch/workload'
import type { ProbeRequest } from '../../../src/probe-request'

const RG = '/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg-web'
const vmId = (name: string): string => `${RG}/providers/Microsoft.Compute/virtualMachines/${name}`
const [A, B, C] = [vmId('web-1'), vmId('web-2'), vmId('web-3')]
const VMSS = `${RG}/providers/Microsoft.Compute/virtualMachineScaleSets/ss`

const vm = (id: string): Target => ({ kind: 'vm', line: `vm:${id}`, resourceId: id })

function inputs(targets: Target[]): ActionInputs {
  return {
    targets,
    identity: { kind: 'system' },
    checks: [],
    rbacWaitMs: 0,
    readyWaitMs: 0,
    timeoutMs: 3000,
    concurrency: 2,
    failOn: 'error',
    os: 'auto',
    imdsEndpoint: 'http://127.0.0.1:1',
    summary: false
  }
}

function view(id: string, power = 'running', os = 'Linux'): VmDocument {
  return {
    id,
    name: id.split('/').pop()!,
    storageProfile: { osDisk: { osType: os } },
    instanceView: {
      statuses: [{ code: `PowerState/${power}`, displayStatus: `VM ${power}` }]
    }
  }
}

const NOT_FOUND = (id: string): AzResult => ({
  exitCode: 1,
  stdout: '',
  stderr: `ERROR: (ResourceNotFound) The Resource '${id}' was not found.\nCode: ResourceNotFound\n`
})
const json = (value: unknown): AzResult => ({
  exitCode: 0,
  stdout: JSON.stringify(value),
  stderr: ''
})

/** A fake az: `answer` gets the --ids of each get-instance-view call; every call is recorded. */
function fakeAz(answer: (ids: string[]) => AzResult | Promise<AzResult>): {
  az: AzRunner
  calls: string[][]
  viewCalls: () => string[][]
} {
  const calls: string[][] = []
  const az: AzRunner = async args => {
    calls.push(args)
    if (args[1] === 'get-instance-view') {
      const ids = args.slice(3, args.indexOf('--only-show-errors'))
      return answer(ids)
    }
    return { exitCode: 1, stdout: '', stderr: 'ERROR: not in this fake\n' }
  }
  const viewCalls = (): string[][] =>
    calls
      .filter(c => c[1] === 'get-instance-view')
      .map(c => c.slice(3, c.indexOf('--only-show-errors')))
  return { az, calls, viewCalls }
}

/** What the real az prints: one object for one ID, an array for several. */
const views = (ids: string[], power: (id: string) => string = () => 'running'): AzResult =>
  json(ids.length === 1 ? view(ids[0]!, power(ids[0]!)) : ids.map(id => view(id, power(id))))

const signal = (): AbortSignal => new AbortController().signal

async function rejection(promise: Promise<unknown>): Promise<DispatchError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(DispatchError)
  return error as DispatchError
}

test('three vm: targets: one call with every ID, each target reads its own entry', async () => {
  const run = inputs([vm(A), vm(B), vm(C)])
  const fake = fakeAz(ids => views(ids, id => (id === B ? 'deallocated' : 'running')))
  const states = await Promise.all([A, B, C].map(id => vmStateInRun(fake.az, run, id, signal())))
  expect(fake.viewCalls()).toEqual([[A, B, C]])
  expect(fake.calls[0]).toEqual([
    'vm',
    'get-instance-view',
    '--ids',
    A,
    B,
    C,
    '--only-show-errors',
    '-o',
    'json'
  ])
  expect(states.map(s => s.powerState)).toEqual(['running', 'deallocated', 'running'])
  // Later lookups (another target's first probe) reuse the same answer.
  await vmStateInRun(fake.az, run, C, signal())
  expect(fake.viewCalls()).toHaveLength(1)
})

test('entries are matched by id, case-insensitively, not by position', async () => {
  const run = inputs([vm(A), vm(B)])
  const fake = fakeAz(() =>
    json([view(B.toUpperCase(), 'stopped', 'Windows'), view(A.toLowerCase(), 'running')])
  )
  const a = await vmStateInRun(fake.az, run, A, signal())
  const b = await vmStateInRun(fake.az, run, B, signal())
  expect(a).toMatchObject({ powerState: 'running', osType: 'linux' })
  expect(b).toMatchObject({ powerState: 'stopped', osType: 'windows' })
  expect(fake.viewCalls()).toHaveLength(1)
})

test('as the real az: IDs that fail are left out (exit 0), one left is printed as an object, not an array', async () => {
  const run = inputs([vm(A), vm(B), vm(C)])
  // azure-cli's invoker with several IDs: failures are warnings, the rest printed in completion order.
  const fake = fakeAz(ids =>
    ids.length > 1 ? json(view(C, 'stopped')) : ids[0] === C ? views(ids) : NOT_FOUND(ids[0]!)
  )
  const [a, b, c] = await Promise.allSettled(
    [A, B, C].map(id => vmStateInRun(fake.az, run, id, signal()))
  )
  expect(c).toMatchObject({ status: 'fulfilled', value: { powerState: 'stopped' } })
  for (const [result, id] of [
    [a, A],
    [b, B]
  ] as const) {
    expect(result!.status).toBe('rejected')
    expect(((result as PromiseRejectedResult).reason as Error).message).toBe(`${id} was not found`)
  }
  expect(fake.viewCalls()).toEqual([[A, B, C], [A], [B]])
})

test('a batch az fails as a whole: each target makes its own call; only the missing one fails', async () => {
  const run = inputs([vm(A), vm(B), vm(C)])
  const fake = fakeAz(ids => (ids.includes(B) ? NOT_FOUND(B) : views(ids)))
  const [a, b, c] = await Promise.allSettled(
    [A, B, C].map(id => vmStateInRun(fake.az, run, id, signal()))
  )
  expect(a).toMatchObject({ status: 'fulfilled', value: { powerState: 'running' } })
  expect(c).toMatchObject({ status: 'fulfilled', value: { powerState: 'running' } })
  expect(b!.status).toBe('rejected')
  const error = (b as PromiseRejectedResult).reason as DispatchError
  expect(error).toBeInstanceOf(DispatchError)
  expect(error.message).toBe(`${B} was not found`)
  expect(error.remediation).toMatch(/Check the resource ID/)
  expect(fake.viewCalls()).toEqual([[A, B, C], [A], [B], [C]])
})

test('not logged in: every target gets its own not-logged-in diagnosis', async () => {
  const run = inputs([vm(A), vm(B)])
  const fake = fakeAz(() => ({
    exitCode: 1,
    stdout: '',
    stderr: "ERROR: Please run 'az login' to setup account.\n"
  }))
  for (const id of [A, B]) {
    const error = await rejection(vmStateInRun(fake.az, run, id, signal()))
    expect(error.message).toMatch(/not logged in/)
    expect(error.remediation).toMatch(/azure\/login/)
  }
})

test('an answer without a target’s ID: that target alone falls back to its own call', async () => {
  const run = inputs([vm(A), vm(B), vm(C)])
  const fake = fakeAz(ids => (ids.length > 1 ? json([view(C), view(A)]) : views(ids)))
  await Promise.all([A, B, C].map(id => vmStateInRun(fake.az, run, id, signal())))
  expect(fake.viewCalls()).toEqual([[A, B, C], [B]])
})

test.each([
  ['not JSON', { exitCode: 0, stdout: 'WARNING: something\n', stderr: '' }],
  ['an object for several IDs', json(view(vmId('other')))],
  ['entries without id', json([{ name: 'web-1' }, null, 3])]
])('an answer that is %s: every target falls back', async (_, answer) => {
  const run = inputs([vm(A), vm(B)])
  const fake = fakeAz(ids => (ids.length > 1 ? answer : views(ids)))
  await Promise.all([A, B].map(id => vmStateInRun(fake.az, run, id, signal())))
  expect(fake.viewCalls()).toEqual([[A, B], [A], [B]])
})

test('az that cannot start (the runner rejects): the targets fall back and say so themselves', async () => {
  const run = inputs([vm(A), vm(B)])
  const az: AzRunner = async () => {
    throw new DispatchError('the Azure CLI (az) could not be started: EACCES', 'Check az')
  }
  const error = await rejection(vmStateInRun(az, run, A, signal()))
  expect(error.message).toMatch(/could not be started/)
})

test('one vm: target, or a target not in inputs.targets: its own call, as before', async () => {
  const fake = fakeAz(ids => views(ids))
  await vmStateInRun(fake.az, inputs([vm(A)]), A, signal())
  await vmStateInRun(fake.az, inputs([]), B, signal())
  expect(fake.viewCalls()).toEqual([[A], [B]])
})

test('each inputs object is its own run', async () => {
  const fake = fakeAz(ids => views(ids))
  const targets = [vm(A), vm(B)]
  await vmStateInRun(fake.az, inputs(targets), A, signal())
  await vmStateInRun(fake.az, inputs(targets), A, signal())
  expect(fake.viewCalls()).toEqual([
    [A, B],
    [A, B]
  ])
})

test('batchChunks: vm: only, duplicates once (any case), long lists cut to fit a command line', () => {
  const vmss: Target = { kind: 'vmss', line: `vmss:${VMSS}`, resourceId: VMSS }
  const local: Target = { kind: 'local', line: 'local' }
  expect(batchChunks({ targets: [vm(A), vmss, local, vm(A.toUpperCase()), vm(B)] })).toEqual([
    [A, B]
  ])
  expect(batchChunks({ targets: [vm(A), vmss] })).toEqual([])
  const many = Array.from({ length: 120 }, (_, i) => vmId(`vm-${String(i).padStart(3, '0')}`))
  const chunks = batchChunks({ targets: many.map(vm) })
  expect(chunks.length).toBeGreaterThan(1)
  expect(chunks.flat()).toEqual(many)
  for (const chunk of chunks) expect(chunk.join(' ').length).toBeLessThanOrEqual(6000)
})

test('a target whose deadline passes while the batch runs: rejected, no call of its own', async () => {
  const run = inputs([vm(A), vm(B)])
  let answer: (r: AzResult) => void = () => undefined
  const fake = fakeAz(() => new Promise<AzResult>(resolve => (answer = resolve)))
  const controller = new AbortController()
  const waiting = vmStateInRun(fake.az, run, A, controller.signal)
  const other = vmStateInRun(fake.az, run, B, signal())
  controller.abort()
  const error = await rejection(waiting)
  expect(error.message).toMatch(/did not finish before the deadline/)
  // The shared call goes on for the others.
  answer(views([A, B]))
  expect((await other).powerState).toBe('running')
  expect(fake.viewCalls()).toEqual([[A, B]])
})

test('vmWorkloads: a deallocated VM from the batch fails before any run-command', async () => {
  const run = inputs([vm(A), vm(B)])
  const fake = fakeAz(ids => views(ids, id => (id === B ? 'deallocated' : 'running')))
  const [workload] = await vmWorkloads(vm(B), run, signal(), fake.az)
  const request: ProbeRequest = {
    v: 1,
    nonce: 'n',
    identity: { kind: 'system' },
    timeoutMs: 3000,
    imdsEndpoint: 'http://127.0.0.1:1',
    checks: []
  }
  const error = await rejection(workload!.probe(request, signal()))
  expect(error.message).toMatch(/deallocated/)
  expect(error.remediation).toContain(`az vm start --ids ${B}`)
  expect(fake.calls.map(c => c[1])).toEqual(['get-instance-view'])
  expect(fake.viewCalls()).toEqual([[A, B]])
})
