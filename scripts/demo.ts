/**
 * `npm run demo`: the main job on the built-in emulator, no Azure needed.
 *
 * Starts the emulator on loopback, runs the built action (dist/index.js) the way the GitHub runner
 * does for a healthy workload and for one whose identity lacks its role, and prints each verdict and
 * job summary. Exits 0 when both runs ended as intended (pass, then fail with rbac-denied) and the
 * emulator's canary token appeared nowhere in what the action wrote.
 */
import { existsSync } from 'node:fs'
import { startEmulator } from '../emulator/emulator'
import { exitOnceFlushed } from '../src/common/exit-once-flushed'
import {
  ACTION_ENTRY,
  everythingWritten,
  runAction,
  type ActionRun
} from '../__tests__/helpers/run-action'

interface DemoCase {
  scenario: 'healthy' | 'role-missing'
  title: string
  expect: { result: string; failureMode: string }
}

const cases: DemoCase[] = [
  {
    scenario: 'healthy',
    title: 'A healthy workload',
    expect: { result: 'pass', failureMode: '' }
  },
  {
    scenario: 'role-missing',
    title: 'The identity has no role on the subscription',
    expect: { result: 'fail', failureMode: 'rbac-denied' }
  }
]

async function main(): Promise<number> {
  if (!existsSync(ACTION_ENTRY)) {
    console.error(`No built action at ${ACTION_ENTRY}: run 'npm run build' first.`)
    return 2
  }
  const emulator = await startEmulator({ scenario: 'healthy' })
  let failures = 0
  try {
    for (const demo of cases) {
      emulator.setScenario(demo.scenario)
      const run = await runAction({
        inputs: {
          targets: 'local',
          'imds-endpoint': emulator.imdsUrl,
          checks: [
            `${emulator.apiUrl}/subscriptions/{subscriptionId}/resourcegroups?api-version=2021-04-01 resource=https://management.azure.com/`,
            `${emulator.apiUrl}/secrets?api-version=7.4 resource=https://vault.azure.net`
          ].join('\n'),
          timeout: '5s'
        }
      })
      failures += show(demo, run, emulator.canary)
    }
  } finally {
    await emulator.close()
  }
  console.log(
    failures === 0
      ? '\nDemo ran as intended: one pass, one diagnosed failure, no token in any output.'
      : `\nDemo did NOT run as intended (${failures} problem(s) above).`
  )
  return failures === 0 ? 0 : 1
}

/** Prints one run the way a person reads it in the Actions UI; returns the number of surprises. */
function show(demo: DemoCase, run: ActionRun, canary: string): number {
  const bar = '─'.repeat(78)
  console.log(`\n${bar}\n${demo.title}  (emulator scenario: ${demo.scenario})\n${bar}`)
  console.log(
    `verdict: ${run.outputs['result'] ?? '(none)'}   failed-step: ${run.outputs['failed-step'] || '-'}   ` +
      `failure-mode: ${run.outputs['failure-mode'] || '-'}   exit code: ${run.code}   time: ${run.durationMs} ms`
  )
  for (const annotation of run.annotations) {
    console.log(
      `${annotation.level.toUpperCase()}${annotation.title ? ` [${annotation.title}]` : ''} ${annotation.message}`
    )
  }
  console.log('\njob summary:\n')
  console.log(run.summary.trim())

  let surprises = 0
  const expectedCode = demo.expect.result === 'fail' ? 1 : 0
  if (run.outputs['result'] !== demo.expect.result || run.code !== expectedCode) {
    console.error(`!! expected result ${demo.expect.result} (exit ${expectedCode})`)
    surprises++
  }
  if ((run.outputs['failure-mode'] ?? '') !== demo.expect.failureMode) {
    console.error(`!! expected failure-mode '${demo.expect.failureMode}'`)
    surprises++
  }
  if (everythingWritten(run).includes(canary)) {
    console.error('!! the emulator canary token appeared in the action output')
    surprises++
  }
  if (run.stderr.trim()) console.error(`stderr:\n${run.stderr}`)
  return surprises
}

// Exit as the action does, once stdout and stderr are flushed: to a pipe (CI's tee) they are written
// asynchronously, and an exit right away could cut the end of what the demo printed.
main().then(
  code => exitOnceFlushed(() => process.exit(code)),
  error => {
    console.error(error)
    process.exit(1)
  }
)
