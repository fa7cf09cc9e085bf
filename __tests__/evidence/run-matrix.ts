/**
 * Runs every applicable row of FAULT_CASES for every target kind through the BUILT action, each
 * case with its own emulator (so cases can run side by side), and keeps everything a later
 * assertion needs: the action's run (every byte it wrote), the workload side (VM probe output,
 * smoke endpoint answers, handler output), the emulator's canary and request count, timings.
 * The fault matrix, the leak scan and the deadlines suite share one run per `jest` invocation.
 */
import { statSync } from 'node:fs'
import type { Emulator } from '../../emulator/emulator'
import { ACTION_ENTRY, runAction, type ActionRun } from '../helpers/run-action'
import { FAULT_CASES, isApplicable, type Expectation, type FaultCase } from './fault-cases'
import { sharedOnce } from './shared-run'
import {
  setUpKind,
  startEvidenceEmulator,
  TARGET_KINDS,
  type TargetKind,
  type WorkloadSide
} from './target-kinds'

/** Cases at once: 2 cores; each case is an action process, probe shells, maybe a handler process. */
export const MATRIX_CONCURRENCY = 3

export interface CaseRecord {
  id: string
  scenario: string
  kind: TargetKind
  settings: Record<string, unknown>
  /** Action inputs as given (targets, checks, timeout...). */
  inputs: Record<string, string>
  expected: Expectation
  label: string
  canary: string
  run?: ActionRun
  workload?: WorkloadSide
  /** Requests the emulator received during the run. */
  emulatorRequests: number
  error?: string
}

export interface MatrixResult {
  startedAt: string
  wallMs: number
  concurrency: number
  records: CaseRecord[]
}

function resolveInputs(inputs: Record<string, string>, emulator: Emulator): Record<string, string> {
  // The first user-assigned identity is the one the wrong-client-id scenario leaves off the VM.
  const unassigned = emulator.identities.userAssigned[0]?.clientId ?? ''
  return Object.fromEntries(
    Object.entries(inputs).map(([name, value]) => [
      name,
      value.replace('{unassignedClientId}', unassigned)
    ])
  )
}

async function runCase(row: FaultCase, kind: TargetKind): Promise<CaseRecord> {
  const expected = row.expected[kind]
  const emulator = await startEvidenceEmulator()
  const record: CaseRecord = {
    id: row.id,
    scenario: row.scenario,
    kind,
    settings: row.settings ?? {},
    inputs: {},
    expected,
    label: '',
    canary: emulator.canary,
    emulatorRequests: 0
  }
  let setup: Awaited<ReturnType<typeof setUpKind>> | undefined
  try {
    setup = await setUpKind(kind, emulator, {
      ...(row.azMode ? { azMode: row.azMode } : {}),
      ...(row.sentKey ? { sentKey: row.sentKey } : {})
    })
    record.label = setup.label
    record.inputs = { ...setup.inputs, ...resolveInputs(row.inputs ?? {}, emulator) }
    // The scenario starts now: its clocks (goneForMs, roleDelayMs) count from here, not from set-up.
    await emulator.setScenario({ name: row.scenario, ...(row.settings ?? {}) })
    emulator.clearRequests()
    record.run = await runAction({ inputs: record.inputs, env: setup.env, timeoutMs: 180_000 })
    record.emulatorRequests = emulator.requests.length
    record.workload = setup.workloadSide()
  } catch (error) {
    record.error = error instanceof Error ? (error.stack ?? error.message) : String(error)
  } finally {
    await setup?.stop().catch(() => undefined)
    await emulator.close().catch(() => undefined)
  }
  return record
}

/** Runs `tasks` at most `limit` at a time, keeping their order in the result. */
export async function inPool<T>(limit: number, tasks: Array<() => Promise<T>>): Promise<T[]> {
  const results: T[] = new Array(tasks.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const index = next++
      results[index] = await (tasks[index] as () => Promise<T>)()
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker))
  return results
}

export async function runMatrixNow(): Promise<MatrixResult> {
  const started = Date.now()
  const cases: Array<[FaultCase, TargetKind]> = []
  for (const row of FAULT_CASES) {
    for (const kind of TARGET_KINDS) {
      if (isApplicable(row.expected[kind])) cases.push([row, kind])
    }
  }
  // The long waits (retry policies, rbac-wait, a handler process) first, so they overlap the rest.
  const weight = ([row, kind]: [FaultCase, TargetKind]): number =>
    (/gone|throttled|error|rbac-wait/.test(row.id) ? 10 : 0) + (kind === 'https' ? 2 : 0)
  const order = cases.map((c, index) => ({ c, index })).sort((a, b) => weight(b.c) - weight(a.c))
  const ran = await inPool(
    MATRIX_CONCURRENCY,
    order.map(
      ({ c }) =>
        () =>
          runCase(c[0], c[1])
    )
  )
  const records: CaseRecord[] = new Array(cases.length)
  order.forEach(({ index }, position) => (records[index] = ran[position] as CaseRecord))
  const notApplicable: CaseRecord[] = []
  for (const row of FAULT_CASES) {
    for (const kind of TARGET_KINDS) {
      const expected = row.expected[kind]
      if (isApplicable(expected)) continue
      notApplicable.push({
        id: row.id,
        scenario: row.scenario,
        kind,
        settings: row.settings ?? {},
        inputs: {},
        expected,
        label: '',
        canary: '',
        emulatorRequests: 0
      })
    }
  }
  return {
    startedAt: new Date(started).toISOString(),
    wallMs: Date.now() - started,
    concurrency: MATRIX_CONCURRENCY,
    records: [...records, ...notApplicable]
  }
}

/** The matrix, run once per jest invocation and shared by the suites that assert on it. */
export function runMatrix(): Promise<MatrixResult> {
  let built = '0'
  try {
    built = String(statSync(ACTION_ENTRY).mtimeMs)
  } catch {
    // no build: every case will record the failure to start
  }
  return sharedOnce('fault-matrix', `${ACTION_ENTRY}-${built}`, runMatrixNow)
}

export const MATRIX_TIMEOUT_MS = 12 * 60_000
