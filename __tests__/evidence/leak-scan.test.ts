/**
 * Leak scan: for every cell of the fault matrix (shared runs), the emulator's canary — the
 * signature of every token it issued — and any whole JWT appear in none of the bytes the action
 * wrote (stdout with its `::add-mask::` lines, stderr, GITHUB_OUTPUT, the job summary, annotations, the report file, every file
 * under RUNNER_TEMP), nor in what left the workload: what the VM probe printed (fake az log), the
 * smoke endpoint's HTTP answers and the handler process's output.
 */
import { ACTION_ENTRY } from '../helpers/run-action'
import { recordEvidence } from './evidence-out'
import { findLeaks, type LeakHit } from './leak-search'
import { MATRIX_TIMEOUT_MS, runMatrix, type CaseRecord, type MatrixResult } from './run-matrix'
import { startEvidenceEmulator } from './target-kinds'
import { describeWithTools } from '../helpers/system-tools'

describeWithTools(
  ['curl', 'openssl'],
  'evidence: leak-scan (the Linux probe runs with curl on the fake VM)',
  () => {
    jest.setTimeout(MATRIX_TIMEOUT_MS)

    let matrix: MatrixResult
    beforeAll(async () => {
      matrix = await runMatrix()
    }, MATRIX_TIMEOUT_MS)

    /** Every place a token could end up, by name. */
    function sources(record: CaseRecord): Record<string, string> {
      const run = record.run!
      const workload = record.workload!
      return {
        // `::add-mask::` lines count like any other: such a line prints its value.
        stdout: run.stdout,
        stderr: run.stderr,
        GITHUB_OUTPUT: run.outputFile,
        GITHUB_STEP_SUMMARY: run.summary,
        annotations: run.annotations.map(a => `${a.title ?? ''}\n${a.message}`).join('\n'),
        'report file': run.reportFile,
        'RUNNER_TEMP files': run.runnerTempFiles,
        'VM probe output': workload.azCalls
          .map(call => `${call.probe?.stdout ?? ''}\n${call.probe?.stderr ?? ''}`)
          .join('\n'),
        'az calls (what went to the VM)': workload.azCalls
          .map(call => `${call.argv.join(' ')}\n${call.stderr ?? ''}`)
          .join('\n'),
        'smoke endpoint answers': workload.httpAnswers
          .map(a => `${a.status} ${JSON.stringify(a.headers)}\n${a.body}`)
          .join('\n'),
        'handler output': workload.handlerOutput
      }
    }

    interface ScanRow {
      id: string
      kind: string
      bytes: Record<string, number>
      hits: Record<string, LeakHit[]>
      maskedTokens: number
    }
    const scanned: ScanRow[] = []

    afterAll(() => {
      if (scanned.length === 0) return
      recordEvidence(
        'leaks',
        {
          rows: scanned.map(row => ({
            id: row.id,
            kind: row.kind,
            bytes: row.bytes,
            hits: Object.fromEntries(Object.entries(row.hits).map(([k, v]) => [k, v.length])),
            maskedTokens: row.maskedTokens
          }))
        },
        ACTION_ENTRY
      )
    })

    test('the detector finds a real emulator token, its signature, a piece of it, and nothing in clean text', async () => {
      const emulator = await startEvidenceEmulator()
      try {
        const response = await fetch(
          `${emulator.imdsUrl}/metadata/identity/oauth2/token?api-version=2018-02-01&resource=${encodeURIComponent('https://management.azure.com/')}`,
          { headers: { Metadata: 'true' } }
        )
        const token = ((await response.json()) as { access_token: string }).access_token
        expect(token.endsWith(`.${emulator.canary}`)).toBe(true)
        expect(findLeaks(`log line ${token} end`, emulator.canary).map(h => h.kind)).toEqual([
          'canary',
          'jwt'
        ])
        expect(findLeaks(`sig=${emulator.canary.slice(5, 22)}`, emulator.canary)[0]?.kind).toBe(
          'canary-piece'
        )
        // The claims (payload segment) alone are allowed.
        const payload = token.split('.')[1] as string
        expect(findLeaks(`claims ${payload}`, emulator.canary)).toEqual([])
      } finally {
        await emulator.close()
      }
    })

    describe('every matrix run', () => {
      test('no token, signature or piece of it anywhere the action or the workload side wrote', () => {
        const runs = matrix.records.filter(r => !('notApplicable' in r.expected))
        expect(runs.length).toBeGreaterThan(50)
        const failures: string[] = []
        for (const record of runs) {
          if (!record.run || !record.workload) {
            failures.push(`${record.id} × ${record.kind}: did not run: ${record.error ?? ''}`)
            continue
          }
          const row: ScanRow = {
            id: record.id,
            kind: record.kind,
            bytes: {},
            hits: {},
            maskedTokens: 0
          }
          for (const [name, text] of Object.entries(sources(record))) {
            row.bytes[name] = Buffer.byteLength(text)
            row.hits[name] = findLeaks(text, record.canary)
            for (const hit of row.hits[name] ?? []) {
              failures.push(
                `${record.id} × ${record.kind}: ${hit.kind} in ${name}: …${hit.excerpt}…`
              )
            }
          }
          // No kind registers a token as a secret: an `::add-mask::` line would print it on stdout.
          const masks = record.run.stdout.split('\n').filter(l => l.startsWith('::add-mask::'))
          row.maskedTokens = masks.filter(l => findLeaks(l, record.canary).length > 0).length
          if (row.maskedTokens > 0) {
            failures.push(`${record.id} × ${record.kind}: a token in an ::add-mask:: line`)
          }
          scanned.push(row)
        }
        expect(failures).toEqual([])
      })

      test('the scan looked at real material: every run wrote outputs, a summary and a report file', () => {
        for (const record of matrix.records.filter(r => r.run)) {
          const s = sources(record)
          expect({ cell: `${record.id} × ${record.kind}`, empty: emptyOf(s, record) }).toEqual({
            cell: `${record.id} × ${record.kind}`,
            empty: []
          })
        }
      })
    })

    /** Sources that must hold something for this run's kind and outcome. */
    function emptyOf(s: Record<string, string>, record: CaseRecord): string[] {
      const required = ['stdout', 'GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY', 'report file']
      const dispatched = record.run?.outputs['failed-step'] !== 'dispatch'
      if ((record.kind === 'vm' || record.kind === 'vmss') && dispatched) {
        // The probe really ran on the "VM" and printed its observations line.
        required.push('VM probe output')
        if (!s['VM probe output']?.includes('MI-SMOKE-OBS/1'))
          return ['VM probe output (no OBS line)']
      }
      if (record.kind === 'https') {
        required.push('smoke endpoint answers')
        if (dispatched && !record.workload?.httpAnswers.some(a => a.status === 200)) {
          return ['smoke endpoint answers (no 200)']
        }
      }
      return required.filter(name => !s[name])
    }
  }
)
