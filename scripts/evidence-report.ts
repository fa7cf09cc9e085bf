/**
 * Runs the evidence suites (__tests__/evidence) against the built action and renders what they
 * tried and what held into docs/reliability.md. The suites write their results to the JSON file
 * named by MI_SMOKE_EVIDENCE_OUT; jest's own --json gives each suite's time and test counts.
 *
 *   npm run evidence                         # run the suites, write docs/reliability.md
 *   npm run evidence -- --from results.json  # re-render from a results file kept earlier
 *
 * MI_SMOKE_ACTION_ENTRY selects the build (default dist/index.js). Exits with jest's exit code.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const ROOT = resolve(__dirname, '..')
const DOC = join(ROOT, 'docs', 'reliability.md')
const COMMAND = 'npm run evidence'

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any

interface JestSuite {
  name: string
  status: string
  startTime: number
  endTime: number
  assertionResults: Array<{ status: string; fullName: string; failureMessages: string[] }>
}

function runSuites(dir: string): { evidence: Json; jest: Json; code: number } {
  const evidencePath = join(dir, 'evidence.json')
  const jestPath = join(dir, 'jest.json')
  const result = spawnSync(
    'npx',
    [
      'jest',
      '-c',
      'jest.evidence.config.cjs',
      '__tests__/evidence',
      '--json',
      `--outputFile=${jestPath}`
    ],
    {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, MI_SMOKE_EVIDENCE_OUT: evidencePath }
    }
  )
  const read = (path: string): Json =>
    existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined
  return { evidence: read(evidencePath), jest: read(jestPath), code: result.status ?? 1 }
}

const ms = (n: number | null | undefined): string =>
  n === null || n === undefined
    ? '—'
    : n < 1000
      ? `${Math.round(n)} ms`
      : `${(n / 1000).toFixed(1)} s`
const mark = (held: boolean): string => (held ? '✅' : '❌')
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
const verdict = (e: Json): string =>
  e ? [e.result, e.failedStep || '–', e.failureMode || '–'].join(' · ') : 'no run'

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map(r => `| ${r.map(cell).join(' | ')} |`)
  ].join('\n')
}

function suitesSection(jest: Json): string {
  if (!jest) return '_jest wrote no results._'
  const rows = (jest.testResults as JestSuite[]).map(s => {
    const tests = s.assertionResults
    const passed = tests.filter(t => t.status === 'passed').length
    return [
      s.name.replace(`${ROOT}/`, ''),
      `${mark(s.status === 'passed')} ${s.status}`,
      `${passed}/${tests.length}`,
      ms(s.endTime - s.startTime)
    ]
  })
  const failures = (jest.testResults as JestSuite[]).flatMap(s =>
    s.assertionResults.filter(t => t.status === 'failed').map(t => `- ${t.fullName}`)
  )
  return [
    table(['suite', 'status', 'tests passed', 'time'], rows),
    failures.length ? `\nFailing tests:\n\n${failures.join('\n')}` : ''
  ].join('\n')
}

function matrixSection(matrix: Json): string {
  if (!matrix) return '_not run_'
  const kinds: string[] = matrix.rows[0]?.cells.map((c: Json) => c.kind) ?? []
  const rows = matrix.rows.map((row: Json) => [
    row.id,
    ...row.cells.map((c: Json) => {
      if (c.notApplicable) return `n/a — ${c.notApplicable}`
      if (c.held) return `${mark(true)} ${verdict(c.expected)} (${ms(c.durationMs)})`
      return `${mark(false)} expected ${verdict(c.expected)}; observed ${verdict(c.observed)}${c.error ? ` (error: ${String(c.error).split('\n')[0]})` : ''}`
    }),
    row.basis
  ])
  const cells = matrix.rows.flatMap((r: Json) => r.cells).filter((c: Json) => !c.notApplicable)
  const held = cells.filter((c: Json) => c.held).length
  return [
    `${held} of ${cells.length} runs ended as expected (result · failed-step · failure-mode, exit code). ` +
      `Wall time of the matrix: ${ms(matrix.wallMs)} at ${matrix.concurrency} runs at once, each with its own emulator.`,
    '',
    table(['scenario', ...kinds, 'why (contract)'], rows)
  ].join('\n')
}

function leaksSection(leaks: Json): string {
  if (!leaks) return '_not run_'
  const sources = Object.keys(leaks.rows[0]?.bytes ?? {})
  const totals = sources.map(source => {
    const bytes = leaks.rows.reduce((n: number, r: Json) => n + (r.bytes[source] ?? 0), 0)
    const hits = leaks.rows.reduce((n: number, r: Json) => n + (r.hits[source] ?? 0), 0)
    return [source, String(bytes), `${mark(hits === 0)} ${hits}`]
  })
  const masked = leaks.rows.filter((r: Json) => r.maskedTokens > 0)
  const byKind = new Map<string, number>()
  for (const r of masked) byKind.set(r.kind, (byKind.get(r.kind) ?? 0) + 1)
  return [
    `${leaks.rows.length} runs scanned (every fault matrix run) for the emulator's canary (the signature of every token it issued), any 12-character piece of it, and any whole JWT.`,
    '',
    table(['where', 'bytes scanned', 'hits'], totals),
    '',
    `Tokens the runner registered with \`::add-mask::\` (consumed by the runner, never shown): ` +
      (masked.length ? [...byKind].map(([k, n]) => `${k}: ${n} runs`).join(', ') : 'none') +
      '. Only `local` may: there the runner is the workload; from VMs and endpoints the token never reaches the runner.'
  ].join('\n')
}

function badInputSection(bad: Json): string {
  if (!bad) return '_not run_'
  const rows = bad.rows.map((o: Json) => [
    o.input,
    `\`${o.value}\``,
    `${mark(o.held)} exit ${o.code}, ${o.failureMode || '(none)'}`,
    `${o.emulatorRequests} / ${o.azCalls} / ${o.endpointRequests}`,
    o.error.length > 160 ? `${o.error.slice(0, 157)}…` : o.error
  ])
  const held = bad.rows.filter((o: Json) => o.held).length
  const c = bad.control
  return [
    `${held} of ${bad.rows.length} invalid values rejected as the contract says. Every run listed a local, a vm: and an https:// target; ` +
      'dispatched = requests the emulator recorded / fake az calls / requests to the https endpoint.' +
      (c
        ? ` Control (all inputs valid, same targets): ${c.emulatorRequests} / ${c.azCalls} / ${c.endpointRequests}.`
        : ''),
    '',
    table(['input', 'value', 'outcome', 'dispatched', 'error shown'], rows)
  ].join('\n')
}

function deadlinesSection(d: Json): string {
  if (!d) return '_not run_'
  const parts: string[] = []
  if (d.matrix) {
    const held = d.matrix.filter((r: Json) => r.held).length
    parts.push(
      `### Every fault matrix run within its bound\n\n${held} of ${d.matrix.length} runs within the bound computed from their inputs and scenario.\n`
    )
    parts.push(
      table(
        ['scenario', 'kind', 'observed', 'bound', 'how the bound is made'],
        d.matrix.map((r: Json) => [
          r.id,
          r.kind,
          `${mark(r.held)} ${ms(r.observedMs)}`,
          ms(r.boundMs),
          r.formula
        ])
      )
    )
  }
  if (d.hang) {
    parts.push(
      '\n### A hung identity endpoint\n\nBound: 1.2 × timeout + the wall time of a healthy run of the same set-up (start-up and dispatch) + 750 ms jitter.\n'
    )
    parts.push(
      table(
        ['kind', 'timeout', 'healthy run', 'hung run', 'bound', 'verdict'],
        d.hang.map((r: Json) => [
          r.kind,
          ms(r.timeoutMs),
          ms(r.baselineMs),
          `${mark(r.held)} ${ms(r.observedMs)}`,
          ms(r.boundMs),
          r.result
        ])
      )
    )
  }
  if (d.slowTarget) {
    const s = d.slowTarget
    parts.push(
      `\n### One slow target among fast ones\n\nA VM whose run-command takes ${ms(s.slowMs)} and a smoke endpoint that answers after ${ms(s.slowMs)}, beside a fast VM and \`local\`, concurrency 8. Whole run: ${ms(s.wallMs)}.\n`
    )
    parts.push(
      table(
        ['target', 'slow?', 'result', 'its duration', 'its own bound'],
        s.rows.map((r: Json) => [
          r.target,
          r.slow ? 'slow' : 'fast',
          r.result,
          `${mark(r.held)} ${ms(r.observedMs)}`,
          ms(r.ownBoundMs)
        ])
      )
    )
  }
  return parts.join('\n')
}

function fanOutSection(f: Json): string {
  if (!f) return '_not run_'
  const rows: string[][] = []
  if (f.concurrency) {
    const c = f.concurrency
    rows.push([
      `${c.targets} vm: targets, run-command ${ms(c.runCommandMs)} each, concurrency ${c.concurrency}`,
      `${mark(c.held)} at most ${c.peakRunCommandsAtOnce} at once; ${ms(c.wallMs)} (serial: ${ms(c.serialWouldBeMs)})`
    ])
  }
  if (f.scaleSet) {
    const s = f.scaleSet
    rows.push([
      `one vmss: line, ${s.instances} instances`,
      `${mark(s.held)} ${s.reports} reports, ${s.peakRunCommandsAtOnce} probed at once, ${ms(s.wallMs)}`
    ])
  }
  if (f.aggregate) {
    const a = f.aggregate
    rows.push([
      `local + running VM + deallocated VM`,
      `${mark(a.outputs.result === 'fail' && a.worstFirstInSummary)} result ${a.outputs.result}, failed-step ${a.outputs['failed-step']}, failure-mode ${a.outputs['failure-mode']}, exit ${a.exitCode}; ` +
        `report: ${a.targets.map((t: Json) => `${t.target} ${t.result}`).join(', ')}; worst first in the summary: ${a.worstFirstInSummary}`
    ])
  }
  return table(['tried', 'what held'], rows)
}

function render(evidence: Json, jest: Json): string {
  const s = evidence?.sections ?? {}
  return [
    '# Reliability evidence',
    '',
    `> Generated by \`scripts/evidence-report.ts\` — do not edit by hand. Regenerate with \`${COMMAND}\`.`,
    `> Generated ${new Date().toISOString()} on Node ${evidence?.node ?? process.version} (${evidence?.platform ?? process.platform}), ` +
      `action build \`${String(evidence?.actionEntry ?? '').replace(`${ROOT}/`, '')}\`.`,
    '',
    'Every figure below comes from one run of the evidence suites (`__tests__/evidence`) against the built',
    'action, the emulator on loopback, the fake `az` (which runs the real Linux probe) and the smoke endpoint',
    'handler served from a child process. Expectations come from the contract and the scenario, never from',
    'what was observed.',
    '',
    '## Suites',
    '',
    suitesSection(jest),
    '',
    '## Fault matrix: every emulator scenario × every target kind',
    '',
    'Kinds: `local` (the runner probes the emulator IMDS itself); `vm` (`vm:` through the fake `az`, the Linux',
    'probe under sh); `vmss` (a scale set with one instance); `https` (the smoke endpoint handler with App',
    "Service's IDENTITY_ENDPOINT pointed at the emulator; its checks name the subscription, as App Service has no",
    'instance metadata). Each cell: result · failed-step · failure-mode.',
    '',
    matrixSection(s.matrix),
    '',
    '## Leak scan',
    '',
    leaksSection(s.leaks),
    '',
    '## Bad input: nothing dispatched',
    '',
    badInputSection(s.badInput),
    '',
    '## Deadlines',
    '',
    deadlinesSection(s.deadlines),
    '',
    '## Fan-out',
    '',
    fanOutSection(s.fanOut),
    ''
  ].join('\n')
}

function main(): void {
  const from = process.argv.indexOf('--from')
  let evidence: Json
  let jest: Json
  let code = 0
  if (from >= 0) {
    const saved = JSON.parse(readFileSync(process.argv[from + 1] as string, 'utf8'))
    evidence = saved.evidence
    jest = saved.jest
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'mi-smoke-evidence-report-'))
    ;({ evidence, jest, code } = runSuites(dir))
    writeFileSync(join(dir, 'results.json'), JSON.stringify({ evidence, jest }))
    console.log(`results kept in ${join(dir, 'results.json')} (re-render with --from)`)
    rmSync(join(dir, 'evidence.json'), { force: true })
  }
  if (!evidence) {
    console.error('the evidence suites wrote no results; docs/reliability.md left unchanged')
    process.exit(code || 1)
  }
  writeFileSync(DOC, render(evidence, jest))
  console.log(`wrote ${DOC}`)
  process.exit(code)
}

main()
