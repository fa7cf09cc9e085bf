/**
 * Fault matrix: every emulator scenario (and the remote kinds' dispatch faults) × every target kind,
 * through the built action. Each applicable cell must end with the table's result, failed step and
 * failure mode, in the outputs and the report alike, with a remediation on the failing step.
 */
import { SCENARIO_NAMES } from '../../emulator/scenarios'
import { ACTION_ENTRY } from '../helpers/run-action'
import { recordEvidence } from './evidence-out'
import { FAULT_CASES, isApplicable, type Expected } from './fault-cases'
import { MATRIX_TIMEOUT_MS, runMatrix, type CaseRecord, type MatrixResult } from './run-matrix'
import { KIND_ENVIRONMENT, TARGET_KINDS, type TargetKind } from './target-kinds'
import { describeWithTools } from '../helpers/system-tools'

describeWithTools(
  ['curl'],
  'evidence: fault-matrix (the Linux probe runs with curl on the fake VM)',
  () => {
    jest.setTimeout(MATRIX_TIMEOUT_MS)

    let matrix: MatrixResult
    beforeAll(async () => {
      matrix = await runMatrix()
    }, MATRIX_TIMEOUT_MS)

    function recordFor(id: string, kind: TargetKind): CaseRecord {
      const record = matrix.records.find(r => r.id === id && r.kind === kind)
      if (!record) throw new Error(`no run recorded for ${id} × ${kind}`)
      return record
    }

    function observedOf(record: CaseRecord): Expected | undefined {
      if (!record.run) return undefined
      return {
        result: record.run.outputs['result'] as Expected['result'],
        failedStep: (record.run.outputs['failed-step'] ?? '') as Expected['failedStep'],
        failureMode: record.run.outputs['failure-mode'] ?? ''
      }
    }

    const CELLS = FAULT_CASES.flatMap(row =>
      TARGET_KINDS.filter(kind => isApplicable(row.expected[kind])).map(
        kind => [row.id, kind, row.expected[kind] as Expected] as const
      )
    )

    afterAll(() => {
      if (!matrix) return
      recordEvidence(
        'matrix',
        {
          wallMs: matrix.wallMs,
          concurrency: matrix.concurrency,
          rows: FAULT_CASES.map(row => ({
            id: row.id,
            basis: row.basis,
            settings: row.settings ?? {},
            inputs: row.inputs ?? {},
            cells: TARGET_KINDS.map(kind => {
              const expected = row.expected[kind]
              if (!isApplicable(expected)) return { kind, notApplicable: expected.notApplicable }
              const record = recordFor(row.id, kind)
              const observed = observedOf(record)
              return {
                kind,
                expected,
                observed: observed ?? null,
                exitCode: record.run?.code ?? null,
                durationMs: record.run?.durationMs ?? null,
                held: cellHolds(record, expected),
                error: record.error ?? null
              }
            })
          }))
        },
        ACTION_ENTRY
      )
    })

    /** The same judgement the tests make, as a value for the evidence file. */
    function cellHolds(record: CaseRecord, expected: Expected): boolean {
      const observed = observedOf(record)
      return (
        observed !== undefined &&
        observed.result === expected.result &&
        observed.failedStep === expected.failedStep &&
        observed.failureMode === expected.failureMode &&
        record.run?.code === (expected.result === 'fail' ? 1 : 0)
      )
    }

    describe('the table itself', () => {
      test('every emulator scenario × every target kind has a row: an expectation or a reason it cannot apply', () => {
        for (const scenario of SCENARIO_NAMES) {
          const rows = FAULT_CASES.filter(row => row.scenario === scenario)
          expect(rows.length).toBeGreaterThan(0)
          for (const kind of TARGET_KINDS) {
            for (const row of rows) {
              const expected = row.expected[kind]
              if (!isApplicable(expected)) expect(expected.notApplicable.length).toBeGreaterThan(10)
            }
            // Each scenario is actually run on each kind at least once.
            expect(rows.some(row => isApplicable(row.expected[kind]))).toBe(true)
          }
        }
      })
    })

    describe.each(CELLS)('%s × %s', (id, kind, expected) => {
      test(`→ ${expected.result} ${expected.failedStep || '-'} ${expected.failureMode || '-'}`, () => {
        const record = recordFor(id, kind)
        expect(record.error).toBeUndefined()
        const run = record.run!
        expect(observedOf(record)).toEqual(expected)
        // fail-on defaults to error: only a fail fails the job.
        expect(run.code).toBe(expected.result === 'fail' ? 1 : 0)

        // The report says the same, about the one workload behind the target line.
        const report = run.report
        expect(report).toMatchObject({ schema: 'mi-smoke/v1', result: expected.result })
        expect(report.targets).toHaveLength(1)
        const target = report.targets[0]
        if (expected.failedStep === 'dispatch') {
          // A scale set whose instances could not be listed is reported under its line as given.
          expect([record.label, record.inputs['targets']]).toContain(target.target)
        } else {
          expect(target.target).toBe(record.label)
        }
        expect(target.result).toBe(expected.result)
        if (expected.result === 'pass') {
          expect(target.failedStep).toBeUndefined()
          expect(target.steps.map((s: { status: string }) => s.status)).not.toContain('fail')
          return
        }
        expect(target.failedStep).toBe(expected.failedStep)
        expect(target.failureMode).toBe(expected.failureMode)
        if (expected.failedStep !== 'dispatch')
          expect(target.environment).toBe(KIND_ENVIRONMENT[kind])
        // The failing step carries the mode and a remediation a person can act on.
        const failing = target.steps.find(
          (s: { step: string; status: string }) =>
            s.step === expected.failedStep && s.status === 'fail'
        )
        expect(failing).toBeDefined()
        expect(failing.failureMode).toBe(expected.failureMode)
        expect(String(failing.remediation ?? '').length).toBeGreaterThan(10)
        // And an error annotation names the target and the step.
        expect(
          run.annotations.some(
            a => a.level === 'error' && (a.title ?? '').includes(expected.failedStep)
          )
        ).toBe(true)
      })
    })
  }
)
