/**
 * What went wrong, in a few words a person reads in a table cell: what was denied and where, what
 * is missing, who answered. Written once here and stored on each failed or degraded step of the
 * report (`cause`), so the job summary, the annotations and the command line show the same words.
 * Never the start of a URL: hosts and resource names, not paths.
 */
import { serviceByKey } from '../../azure/services'
import type { StepReport } from '../../contracts/report'

/** `Microsoft.Resources/subscriptions/resourcegroups/read` → `resourcegroups/read`. */
function shortAction(action: string): string {
  const parts = action.split('/').filter(Boolean)
  return parts.slice(-2).join('/')
}

/** `/subscriptions/3f2a…/resourceGroups/rg/providers/X/vaults/kv` → `vaults kv`, etc. */
export function scopeInWords(scope: string): string {
  const parts = scope.split('/').filter(Boolean)
  if (parts.length === 0) return scope
  if (parts.length === 2 && /^subscriptions$/i.test(parts[0]!)) {
    return `subscription ${parts[1]!.slice(0, 8)}…`
  }
  if (parts.length === 4 && /^resourceGroups$/i.test(parts[2]!)) {
    return `resource group ${parts[3]}`
  }
  const name = parts[parts.length - 1]!
  const type = parts[parts.length - 2] ?? ''
  const singular: Record<string, string> = {
    vaults: 'vault',
    storageaccounts: 'storage account',
    registries: 'registry',
    configurationstores: 'store',
    accounts: 'account',
    namespaces: 'namespace',
    databaseaccounts: 'account',
    virtualmachines: 'VM',
    sites: 'app'
  }
  return `${singular[type.toLowerCase()] ?? type} ${name}`
}

/** The host of a URL, or the text itself. */
function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    return new URL(url).host
  } catch {
    return undefined
  }
}

/** The cause of one failed or degraded step, in words; its stored `cause` when it has one. */
export function causePhrase(step: StepReport): string {
  if (step.cause) return step.cause
  const host = hostOf(step.check)
  const at = host ? ` by ${host}` : ''
  switch (step.failureMode) {
    case 'rbac-denied': {
      const rbac = step.rbac
      if (rbac?.action && rbac.scope) {
        return `denied ${shortAction(rbac.action)} on ${scopeInWords(rbac.scope)}`
      }
      if (rbac?.scope)
        return `no ${serviceByKey(rbac.service).name} role on ${scopeInWords(rbac.scope)}`
      if (rbac) return `no ${serviceByKey(rbac.service).name} data role${at}`
      return `access denied${at}`
    }
    case 'no-identity':
      return 'no managed identity on the workload'
    case 'wrong-identity':
      return 'the identity used is not the one selected'
    case 'platform-unreachable':
      return step.step === 'imds'
        ? 'IMDS unreachable from the workload'
        : 'identity endpoint unreachable'
    case 'throttled':
      return `rate limited${at || ' by the identity endpoint'}`
    case 'wrong-audience':
      return `token audience not accepted${at}`
    case 'token-invalid':
      return step.status === 'warn' ? 'token about to expire or stale' : `token refused${at}`
    case 'egress-blocked':
      return host ? `cannot reach ${host} from the workload` : 'outbound network blocked'
    case 'api-error':
      return `${host ?? 'the API'} answered ${step.httpStatus ?? 'an error'}`
    case 'bad-input':
      return 'an input is not usable'
    case 'dispatch-failed':
      return step.step === 'dispatch' ? 'the probe could not be run' : 'the probe stopped early'
    default:
      return step.status === 'warn' ? `${step.step} degraded` : `${step.step} failed`
  }
}

/** The report's steps with `cause` set on every failed or degraded one. */
export function withCauses(steps: StepReport[]): StepReport[] {
  return steps.map(step =>
    (step.status === 'fail' || step.status === 'warn') && step.cause === undefined
      ? { ...step, cause: causePhrase(step) }
      : step
  )
}
