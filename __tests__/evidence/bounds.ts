/**
 * The longest a run may take, computed from its inputs and its scenario by the rules the contract
 * and docs/azure-wire-facts.md set: every request ends within `timeout`; 404/408/429/5xx are retried three
 * times 1 s, 2 s, 4 s apart (Retry-After instead, when longer); 410 every 10 s for up to 70 s;
 * rbac-wait re-probes with a backoff capped at 5 s until its deadline; an API's 429/5xx is re-probed
 * three times (Retry-After, capped at 20 s, or 1 s, 2 s, 4 s); steps after a failed one
 * are skipped. Plus allowances, stated here, for what is not a request on the workload.
 */
import { resolveScenario, type ScenarioName } from '../../emulator/scenarios'
import { FAKE_AZ_DELAY_MS, type TargetKind } from './target-kinds'

/** Node start, bundle load, inputs, report, summary, outputs. */
export const STARTUP_ALLOWANCE_MS = 2500
/** Two az calls (the login), then ARM requests; run-command is held FAKE_AZ_DELAY_MS, polled each second, and runs a shell. */
export const AZ_ALLOWANCE_MS = 2500
/** The POST to the handler and back. */
export const HANDLER_ALLOWANCE_MS = 1000
/** The handler's SDK cross-check: two credentials, one after the other, each within `timeout`. */
export const SDK_CHECK_CREDENTIALS = 2
export const BACKOFF_MS = [1000, 2000, 4000]
export const GONE_INTERVAL_MS = 10_000
export const GONE_WINDOW_MS = 70_000
export const RBAC_BACKOFF_CAP_MS = 5000
export const TRANSIENT_RETRY_AFTER_CAP_MS = 20_000

export function parseDuration(text: string | undefined, fallbackMs: number): number {
  if (text === undefined || text.trim() === '') return fallbackMs
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m)?$/.exec(text.trim())
  if (!match) throw new Error(`not a duration: ${text}`)
  const n = Number(match[1])
  return match[2] === 'ms' ? n : match[2] === 'm' ? n * 60_000 : n * 1000
}

export interface BoundInput {
  scenario: string
  settings: Record<string, unknown>
  inputs: Record<string, string>
  kind: TargetKind
  /** The fake az's run-command delay for this run. */
  azDelayMs?: number
}

export interface Bound {
  ms: number
  /** How it was computed, for the evidence table. */
  formula: string
}

export function boundFor(run: BoundInput): Bound {
  const settings = resolveScenario({
    name: run.scenario as ScenarioName,
    ...(run.settings as object)
  })
  const T = parseDuration(run.inputs['timeout'], 10_000)
  const checks = (run.inputs['checks'] ?? '').split('\n').filter(l => l.trim())
  const audiences = new Set(checks.map(l => /resource=(\S+)/.exec(l)?.[1] ?? l)).size
  const requests = 1 + audiences + checks.length
  const parts: string[] = []

  // One probe: every request within T, plus the retry waits the scenario's faults call for.
  let probe = requests * T
  let probeText = `${requests} requests × ${T} ms`
  if (settings.identityListener === 'hang') {
    probe = 1.2 * T
    probeText = `hung endpoint: 1.2 × ${T} ms (later steps skipped)`
  } else if (settings.tokenFault === 'gone') {
    const retries = Math.min(
      Math.ceil(settings.goneForMs / GONE_INTERVAL_MS),
      GONE_WINDOW_MS / GONE_INTERVAL_MS
    )
    probe += retries * (GONE_INTERVAL_MS + T)
    probeText += ` + ${retries} × (410 wait ${GONE_INTERVAL_MS} ms + ${T} ms)`
  } else if (settings.tokenFault === 'throttled') {
    const waits = BACKOFF_MS.reduce(
      (sum, b) => sum + Math.max(b, settings.retryAfterSeconds * 1000),
      0
    )
    probe += audiences * (waits + 3 * T)
    probeText += ` + ${audiences} audiences × (429 waits ${waits} ms + 3 × ${T} ms)`
  } else if (settings.tokenFault === 'error') {
    const waits = BACKOFF_MS.reduce((a, b) => a + b, 0)
    probe += audiences * (waits + 3 * T)
    probeText += ` + ${audiences} audiences × (5xx waits ${waits} ms + 3 × ${T} ms)`
  }
  let dispatch = 0
  let dispatchText = ''
  if (run.kind === 'vm' || run.kind === 'vmss') {
    dispatch = AZ_ALLOWANCE_MS + (run.azDelayMs ?? FAKE_AZ_DELAY_MS)
    dispatchText = ` + az ${AZ_ALLOWANCE_MS} ms + run-command delay ${run.azDelayMs ?? FAKE_AZ_DELAY_MS} ms`
  } else if (run.kind === 'https') {
    dispatch = HANDLER_ALLOWANCE_MS + SDK_CHECK_CREDENTIALS * T
    dispatchText = ` + handler ${HANDLER_ALLOWANCE_MS} ms + SDK check ${SDK_CHECK_CREDENTIALS} × ${T} ms`
  }
  const oneProbe = probe + dispatch
  parts.push(`start-up ${STARTUP_ALLOWANCE_MS} ms`)
  parts.push(`probe (${probeText}${dispatchText})`)

  const rbacWait = parseDuration(run.inputs['rbac-wait'], 0)
  let total = STARTUP_ALLOWANCE_MS + oneProbe
  if (rbacWait > 0 && (settings.roles === 'delayed' || settings.roles === 'none')) {
    // Re-probes until the role is effective (roleDelayMs + one backoff) or rbac-wait runs out,
    // then the probe in flight finishes.
    const effective =
      settings.roles === 'delayed' ? settings.roleDelayMs + RBAC_BACKOFF_CAP_MS : Infinity
    const waited = Math.min(rbacWait, effective)
    total += waited + oneProbe
    parts.push(
      `rbac-wait min(${rbacWait}, role delay ${settings.roleDelayMs} + cap ${RBAC_BACKOFF_CAP_MS}) ms + one more probe`
    )
  }
  if (settings.apiFault !== 'none') {
    // The runner's transient retries: up to three re-probes, after Retry-After (capped at 20 s)
    // or 1 s, 2 s, 4 s (src/engine/orchestrate/transient-retry-loop.ts).
    const waits =
      settings.apiFault === 'throttled'
        ? 3 * Math.min(settings.retryAfterSeconds * 1000, TRANSIENT_RETRY_AFTER_CAP_MS)
        : BACKOFF_MS.reduce((a, b) => a + b, 0)
    total += waits + 3 * oneProbe
    parts.push(`transient retries ${waits} ms + 3 more probes`)
  }
  return { ms: Math.round(total), formula: parts.join(' + ') }
}
