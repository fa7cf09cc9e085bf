/**
 * The report as JUnit XML, the format Azure Pipelines' `PublishTestResults@2` (testResultsFormat
 * JUnit) and GitLab's `artifacts:reports:junit` read: `<testsuites>` with one `<testsuite>` per
 * target (named by its target line) and one `<testcase>` per step (an `api` step is named with its
 * check; the app SDK's cross-check of an `https://` target is a test case too). A failed step is a
 * `<failure>` whose `type` is the failure mode and whose text holds the evidence and the fix; a
 * skipped step is `<skipped/>`; a warning is a failure only under `fail-on: warning` (otherwise it
 * goes to the test case's `<system-out>`, visible but not failing the published run).
 */
import type { FailOn } from '../../../src/engine/inputs/action-inputs'
import { inCommandLineWords } from '../../../src/engine/inputs/setting-names'
import type {
  Report,
  ReportedClaims,
  SdkIdentityReport,
  StepReport,
  StepStatus,
  TargetReport
} from '../../../src/contracts/report'

/**
 * Characters XML 1.0 cannot hold at all (not even as references): C0 controls but tab, line feed
 * and carriage return, lone surrogates, U+FFFE and U+FFFF. They become U+FFFD, so the file still
 * parses and the reader sees that something was there.
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\n': '&#10;',
  '\r': '&#13;',
  '\t': '&#9;'
}

/** Text content: markup characters escaped (`]]>` cannot occur once `>` is). */
export function xmlText(value: string): string {
  return value.replace(NOT_XML, '\uFFFD').replace(/[&<>]/g, c => ENTITIES[c]!)
}

/** An attribute value: also quotes, and line breaks and tabs kept as references (not normalised away). */
export function xmlAttribute(value: string): string {
  return value.replace(NOT_XML, '\uFFFD').replace(/[&<>"'\n\r\t]/g, c => ENTITIES[c]!)
}

const seconds = (ms: number): string => (Math.max(0, ms) / 1000).toFixed(3)

interface Case {
  name: string
  status: StepStatus
  durationMs: number
  failureMode?: string
  detail: string
  evidence: string[]
  remediation?: string
}

function claimLines(claims: ReportedClaims | undefined): string[] {
  if (!claims) return []
  return Object.entries(claims)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `claim ${name}: ${String(value)}`)
}

function stepEvidence(step: StepReport): string[] {
  const lines: string[] = []
  const add = (label: string, value: unknown): void => {
    if (value !== undefined && value !== '') lines.push(`${label}: ${String(value)}`)
  }
  add('check', step.check)
  add('http status', step.httpStatus)
  add('attempts', step.attempts)
  add('audience', step.audience)
  add('expires on', step.expiresOn)
  add('rbac-wait (ms)', step.rbacWaitMs)
  add('ready-wait (ms)', step.readyWaitMs)
  add('retry-after (ms)', step.retryAfterMs)
  add('transient retries (ms)', step.retryWaitMs)
  if (step.rbac) {
    add('rbac service', step.rbac.service)
    add('rbac principal', step.rbac.principalId)
    add('rbac scope', step.rbac.scope)
    add('rbac action', step.rbac.action)
    add('rbac role that grants it', step.rbac.role)
    add('rbac model', step.rbac.model)
  }
  return [...lines, ...claimLines(step.claims)]
}

function stepCase(step: StepReport): Case {
  return {
    name: step.step === 'api' && step.check ? `api ${step.check}` : step.step,
    status: step.status,
    durationMs: step.durationMs,
    ...(step.failureMode !== undefined ? { failureMode: step.failureMode } : {}),
    detail: step.detail,
    evidence: stepEvidence(step),
    ...(step.remediation !== undefined ? { remediation: step.remediation } : {})
  }
}

function sdkCase(sdk: SdkIdentityReport): Case {
  return {
    name: `app SDK (${sdk.credential})`,
    status: sdk.status,
    durationMs: 0,
    // The same failure mode the report's causes give the app SDK's finding.
    ...(sdk.status === 'fail' || sdk.status === 'warn' ? { failureMode: 'wrong-identity' } : {}),
    detail: sdk.detail,
    evidence: [
      ...(sdk.clientIdSetting ? [`client ID setting: ${sdk.clientIdSetting}`] : []),
      ...claimLines(sdk.claims)
    ],
    ...(sdk.remediation !== undefined ? { remediation: sdk.remediation } : {})
  }
}

function casesOf(target: TargetReport): Case[] {
  return [...target.steps.map(stepCase), ...(target.sdk ?? []).map(sdkCase)]
}

function fails(status: StepStatus, failOn: FailOn): boolean {
  return status === 'fail' || (status === 'warn' && failOn === 'warning')
}

/** The failure's text: what happened, the evidence, and what to do. */
function body(target: TargetReport, c: Case): string {
  return [
    `${c.status.toUpperCase()} ${target.target} · ${c.name}`,
    `detail: ${inCommandLineWords(c.detail)}`,
    ...(target.environment !== 'unknown' ? [`identity source: ${target.environment}`] : []),
    ...(target.probe ? [`probe: ${target.probe}`] : []),
    ...c.evidence,
    ...(c.remediation ? [`fix: ${inCommandLineWords(c.remediation)}`] : [])
  ].join('\n')
}

function testCase(target: TargetReport, c: Case, failOn: FailOn): string {
  const open = `    <testcase classname="${xmlAttribute(target.target)}" name="${xmlAttribute(c.name)}" time="${seconds(c.durationMs)}"`
  if (c.status === 'skip') {
    return `${open}>\n      <skipped message="${xmlAttribute(c.detail)}"/>\n    </testcase>`
  }
  if (fails(c.status, failOn)) {
    const mode = c.failureMode ?? c.status
    return (
      `${open}>\n` +
      `      <failure message="${xmlAttribute(`${mode}: ${c.detail}`)}" type="${xmlAttribute(mode)}">${xmlText(body(target, c))}</failure>\n` +
      `    </testcase>`
    )
  }
  if (c.status === 'warn') {
    return `${open}>\n      <system-out>${xmlText(body(target, c))}</system-out>\n    </testcase>`
  }
  return `${open}/>`
}

export function junitXml(report: Report, failOn: FailOn): string {
  const suites: string[] = []
  let tests = 0
  let failures = 0
  let skipped = 0
  for (const target of report.targets) {
    const cases = casesOf(target)
    const failed = cases.filter(c => fails(c.status, failOn)).length
    const skips = cases.filter(c => c.status === 'skip').length
    tests += cases.length
    failures += failed
    skipped += skips
    suites.push(
      `  <testsuite name="${xmlAttribute(target.target)}" tests="${cases.length}" failures="${failed}" errors="0" skipped="${skips}" time="${seconds(target.durationMs)}">\n` +
        `    <properties>\n` +
        `      <property name="result" value="${target.result}"/>\n` +
        (target.failureMode
          ? `      <property name="failure-mode" value="${xmlAttribute(target.failureMode)}"/>\n`
          : '') +
        `      <property name="identity-source" value="${xmlAttribute(target.environment)}"/>\n` +
        `    </properties>\n` +
        cases.map(c => `${testCase(target, c, failOn)}\n`).join('') +
        `  </testsuite>`
    )
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="mi-smoke" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}" time="${seconds(report.durationMs)}">\n` +
    suites.map(s => `${s}\n`).join('') +
    `</testsuites>\n`
  )
}
