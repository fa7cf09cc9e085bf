/**
 * Property test through the built action (dist/index.js), as GitHub's runner reads its output:
 * generated hostile strings (both command syntaxes, line breaks of every kind, what .NET trims and
 * what ICU skips) are placed in every field a workload, a service, an input or a shard can fill,
 * over an `https://` target, a `vm:` target, bad input, and the shard merge. A parser that follows
 * the runner's rules for both syntaxes (helpers/runner-commands.ts) must find only the commands
 * the action meant: on stdout, core's own `::group`/`::endgroup`/`::error`/`::warning`/`::debug`/
 * `::add-mask` lines, with no property but `title`; on stderr, none; and Azure Pipelines' agent,
 * reading the same lines when a pipeline wraps the action, finds none of its `##vso[` commands.
 *
 * The merge's redaction (issue: shard texts reached the summary and outputs unredacted) is proved
 * here too: a token in a shard's report reaches nothing the merge writes.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { startArmFleet, type ArmFleet } from '../helpers/arm-fleet'
import { runAction, type ActionRun } from '../helpers/run-action'
import { COMMAND_PIECES, azurePipelinesCommands, runnerCommands } from '../helpers/runner-commands'
import { REPORT_SCHEMA } from '../../src/contracts/report'

jest.setTimeout(300_000)

const KEY = 'workflow-commands-test-key-0123456789'
const SUB = '0b1f6471-1bf0-4dda-aec3-cb9272f09590'
const VM = `/subscriptions/${SUB}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/web-1`
const VM2 = VM.replace('web-1', 'web-2')
const ARM_CHECK = 'https://management.azure.com/subscriptions?api-version=2022-12-01'
/** Each generated case is a run of the action: a few per kind keep the suite near a minute. */
const RUNS = Number(process.env['MI_SMOKE_PROPERTY_RUNS'] ?? '5')

/**
 * A hostile string that always holds forged commands of both syntaxes (one at its start, so that a
 * cut file name keeps it), plus generated pieces.
 */
const hostile = fc
  .array(fc.oneof(fc.constantFrom(...COMMAND_PIECES), fc.string({ maxLength: 6 })), {
    minLength: 1,
    maxLength: 16
  })
  .map(
    parts =>
      `##[warning]forged\n::error::x ${parts.join('')} ##[set-output name=result]pass\r::warning::y ##vso[task.setvariable variable=result]pass`
  )

/** The commands the action itself issues, all through @actions/core. */
const OWN = new Set(['group', 'endgroup', 'error', 'warning', 'debug', 'add-mask'])

function expectOnlyOwnCommands(
  run: ActionRun,
  options: { key?: string; groups?: number; printed?: boolean } = {}
): void {
  // Where the hostile text must reach the log (so what follows is not vacuous), made inert.
  if (options.printed) expect(run.stdout + run.stderr).toContain('forged')
  expect(runnerCommands(run.stderr)).toEqual([])
  // A pipeline that wraps the action reads the same lines: none is an Azure Pipelines command.
  expect(azurePipelinesCommands(run.stdout + '\n' + run.stderr)).toEqual([])
  const commands = runnerCommands(run.stdout)
  for (const command of commands) {
    const where = { line: command.line }
    expect({ ...where, syntax: command.syntax }).toEqual({ ...where, syntax: '::' })
    expect({ ...where, own: OWN.has(command.name) }).toEqual({ ...where, own: true })
    // core writes its commands at the start of a line, with `title` as the only property used.
    expect({ ...where, start: command.line.startsWith(`::${command.name}`) }).toEqual({
      ...where,
      start: true
    })
    for (const name of Object.keys(command.properties)) expect(name).toBe('title')
    if (command.name === 'add-mask') expect(command.data).toBe(options.key)
  }
  const count = (name: string): number => commands.filter(c => c.name === name).length
  expect(count('group')).toBe(count('endgroup'))
  // One group per target probed (a merge probes none).
  expect(count('group')).toBe(options.groups ?? (run.report ? run.report.targets.length : 0))
  // Annotations: at most 9 errors + the gate's and 10 warnings, and a few warnings of our own.
  expect(count('error') + count('warning')).toBeLessThanOrEqual(24)
}

let fleet: ArmFleet
let endpoint: Server
let endpointUrl: string
interface Answer {
  status: number
  headers: Record<string, string>
  body: string
}
let answer: (nonce: string) => Answer

beforeAll(async () => {
  fleet = await startArmFleet()
  endpoint = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
    req.on('end', () => {
      let nonce = ''
      try {
        nonce = (JSON.parse(body) as { nonce: string }).nonce
      } catch {
        // answered anyway
      }
      const a = answer(nonce)
      res.writeHead(a.status, a.headers)
      res.end(a.body)
    })
  })
  await new Promise<void>(done => endpoint.listen(0, '127.0.0.1', done))
  endpointUrl = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/mi-smoke`
})
afterAll(async () => {
  await new Promise(done => endpoint.close(done))
  await fleet.close()
})

/** A header value Node will send: one line of Latin-1. */
function headerValue(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?')
}

/** Observations a compromised workload might send: every free text field hostile. */
function observations(nonce: string, h: string): Record<string, unknown> {
  return {
    v: 1,
    nonce,
    probe: 'handler',
    source: 'app-service',
    sourceDetail: h,
    tokens: [
      {
        url: 'http://127.0.0.1:41741/msi/token?api-version=2019-08-01',
        status: 400,
        attempts: 1,
        ms: 3,
        resource: 'https://management.azure.com/',
        body: JSON.stringify({ error: h, error_description: h })
      }
    ],
    apis: [{ check: 0, url: ARM_CHECK, notCalled: h, attempts: 0, ms: 0 }],
    sdk: [{ credential: 'DefaultAzureCredential', error: h, ms: 1 }]
  }
}

describe('only the action issues workflow commands, in either syntax', () => {
  test('https:// target: error bodies, headers, observations', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, fc.constantFrom('error', 'observations'), async (h, kind) => {
        answer = (nonce): Answer =>
          kind === 'error'
            ? {
                status: 403,
                headers: { 'content-type': 'application/json', 'x-ms-request-id': headerValue(h) },
                body: JSON.stringify({ error: { code: h, message: h } })
              }
            : {
                status: 200,
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify(observations(nonce, h))
              }
        const run = await runAction({
          inputs: { targets: endpointUrl, checks: ARM_CHECK, 'endpoint-key': KEY, timeout: '5s' },
          timeoutMs: 100_000
        })
        expect(run.outputs['result']).toBe('fail')
        expectOnlyOwnCommands(run, { key: KEY, printed: kind === 'error' })
      }),
      { numRuns: RUNS }
    )
  })

  test('vm: target: the run-command output and the observations it carries', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async h => {
        fleet.emulator.compute.reset()
        fleet.emulator.compute.configure({
          vmOutput: `${h}\nMI-SMOKE-OBS/1 ${JSON.stringify({ ...observations('{nonce}', h), probe: 'sh/curl', source: 'imds' })}\n${h}`
        })
        const run = await runAction({
          inputs: {
            targets: `vm:${VM}`,
            checks: ARM_CHECK,
            timeout: '3s',
            'imds-endpoint': fleet.emulator.imdsUrl
          },
          env: fleet.env(),
          timeoutMs: 100_000
        })
        expect(run.outputs['result']).toBe('fail')
        expectOnlyOwnCommands(run)
      }),
      { numRuns: RUNS }
    )
    fleet.emulator.compute.reset()
  })

  test('inputs: a value and an unknown input name', async () => {
    await fc.assert(
      fc.asyncProperty(
        hostile,
        fc.constantFrom('targets', 'checks', 'timeout'),
        async (h, name) => {
          const unknown = `INPUT_${headerValue(h).replace(/[=\s]/g, '_')}`
          const run = await runAction({
            // An environment variable cannot hold NUL (nor can the runner pass one).
            inputs: { targets: 'local', [name]: h.replace(/\0/g, '') },
            env: { [unknown]: h.replace(/\0/g, '') },
            timeoutMs: 100_000
          })
          expect(run.outputs['result']).toBe('fail')
          expectOnlyOwnCommands(run)
        }
      ),
      { numRuns: RUNS }
    )
  })

  test('shard merge: report texts, artifact and file names, unreadable reports', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async h => {
        const dir = mkdtempSync(join(tmpdir(), 'mi-smoke-merge-commands-'))
        try {
          // A file name holds neither `/` nor NUL, and at most 255 bytes.
          const name = h.replace(/[/\0]/g, '_').slice(0, 40)
          mkdirSync(join(dir, `${name}-shard-1`))
          writeFileSync(
            join(dir, `${name}-shard-1`, `${name}.json`),
            JSON.stringify(shardReport(`vm:${VM}`, h))
          )
          mkdirSync(join(dir, 'shard-2'))
          writeFileSync(join(dir, 'shard-2', `${name}.json`), `{"schema": ${JSON.stringify(h)}`)
          const run = await runAction({
            inputs: {
              targets: `vm:${VM}\nvm:${VM2}`,
              'plan-shards': '2',
              'merge-reports': dir
            },
            timeoutMs: 100_000
          })
          expect(run.outputs['result']).toBe('fail')
          expect(run.report.targets).toHaveLength(2)
          expectOnlyOwnCommands(run, { groups: 0, printed: true })
        } finally {
          rmSync(dir, { recursive: true, force: true })
        }
      }),
      { numRuns: RUNS }
    )
  })
})

/** A valid shard report of one target whose every text is `h`. */
function shardReport(target: string, h: string): Record<string, unknown> {
  return {
    schema: REPORT_SCHEMA,
    result: 'fail',
    durationMs: 1200,
    targets: [
      {
        target,
        environment: 'imds',
        result: 'fail',
        failedStep: 'api',
        failureMode: 'api-error',
        durationMs: 1200,
        steps: [
          { step: 'dispatch', status: 'pass', durationMs: 5, detail: h },
          { step: 'imds', status: 'pass', durationMs: 5, detail: h },
          { step: 'token', status: 'pass', durationMs: 5, detail: h, remediation: h },
          {
            step: 'api',
            status: 'fail',
            durationMs: 5,
            failureMode: 'api-error',
            detail: h,
            remediation: h,
            check: h
          }
        ]
      }
    ]
  }
}

describe('the shard merge redacts like a single run', () => {
  // Token-shaped, never a real token: a JOSE header, claims and a signature of base64url.
  const header = Buffer.from('{"alg":"RS256","typ":"JWT"}').toString('base64url')
  const claims = Buffer.from('{"aud":"https://management.azure.com/","oid":"x"}').toString(
    'base64url'
  )
  const TOKEN = `${header}.${claims}.${'c2lnbmF0dXJl'.repeat(8)}`

  test('a token in a shard report reaches no log line, annotation, output, summary or report file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mi-smoke-merge-redact-'))
    try {
      mkdirSync(join(dir, 'shard-1'))
      const leaky = `the API said: token ${TOKEN} was refused`
      writeFileSync(join(dir, 'shard-1', 'r.json'), JSON.stringify(shardReport(`vm:${VM}`, leaky)))
      mkdirSync(join(dir, 'shard-2'))
      writeFileSync(join(dir, 'shard-2', 'r.json'), `{"schema": "${TOKEN}"`)
      const run = await runAction({
        inputs: { targets: `vm:${VM}\nvm:${VM2}`, 'plan-shards': '2', 'merge-reports': dir },
        timeoutMs: 100_000
      })
      expect(run.outputs['result']).toBe('fail')
      const reportFile = run.outputs['report-path']
        ? readFileSync(run.outputs['report-path'], 'utf8')
        : ''
      expect(reportFile).toContain('[redacted]')
      for (const [what, text] of Object.entries({
        stdout: run.stdout,
        stderr: run.stderr,
        outputs: run.outputFile,
        summary: run.summary,
        reportFile,
        runnerTemp: run.runnerTempFiles
      })) {
        expect({ what, leaks: text.includes(claims) || text.includes(header) }).toEqual({
          what,
          leaks: false
        })
      }
      // The shard's own words stay readable around the redaction.
      expect(run.report.targets[0].steps[3].detail).toBe(
        'the API said: token [redacted] was refused'
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
