/**
 * How to rehearse one recorded answer of the field corpus against a running emulator: the scenario
 * to set, the workload's environment (its identity source's variables, platform variables, a
 * proxy or CA bundle for a network failure) and the check to run. The end-to-end corpus test and a
 * person at `npm run emulator -- --rehearse <name>` use the same recipe.
 */
import type { Emulator } from './emulator'
import { PROXY_FAULT_KINDS, type ProxyFaultKind } from './network-faults'
import type { RecordedAnswer } from './recorded'
import type { ScenarioInput } from './scenarios'

export interface Rehearsal {
  scenario: ScenarioInput
  /** The workload's environment for a `local` run. */
  env: Record<string, string>
  /** The `checks` input (one line). */
  check: string
  /** The `identity` input, when the answer is about a selected identity. */
  identity?: string
}

const ARM_CHECK = (emulator: Emulator): string =>
  `${emulator.apiUrl}/subscriptions/{subscriptionId}/resourcegroups?api-version=2021-04-01 resource=https://management.azure.com/`

/** Replaces a URL's origin, keeping its path and query. */
function onOrigin(url: string, origin: string): string {
  const parsed = new URL(url)
  return `${origin}${parsed.pathname}${parsed.search}`
}

/** The identity source's variables, pointing at the emulator (or at `endpoint` when given). */
function sourceEnv(
  entry: RecordedAnswer,
  emulator: Emulator,
  endpointOrigin?: string
): Record<string, string> {
  const at = (url: string): string =>
    endpointOrigin === undefined ? url : onOrigin(url, endpointOrigin)
  const faults = emulator.networkFaults
  switch (entry.identitySource) {
    case 'app-service':
      return {
        IDENTITY_ENDPOINT: at(emulator.appService.endpoint),
        IDENTITY_HEADER: emulator.appService.header
      }
    case 'legacy-msi':
      return { ...emulator.legacyMsi.env, MSI_ENDPOINT: at(emulator.legacyMsi.env.MSI_ENDPOINT) }
    case 'service-fabric':
      return {
        ...emulator.serviceFabric.env,
        IDENTITY_ENDPOINT: at(emulator.serviceFabric.env.IDENTITY_ENDPOINT)
      }
    case 'cloud-shell':
      return { MSI_ENDPOINT: at(emulator.cloudShell.env.MSI_ENDPOINT) }
    case 'arc':
      return {
        ...emulator.arc.env,
        IDENTITY_ENDPOINT: at(emulator.arc.env.IDENTITY_ENDPOINT),
        MI_SMOKE_ARC_KEY_DIR: emulator.arc.keyDirectory
      }
    case 'workload-identity': {
      const wi = emulator.workloadIdentity
      if (wi === undefined) throw new Error('workload identity needs the emulator started with tls')
      return { ...wi.env, ...(faults ? { NODE_EXTRA_CA_CERTS: faults.trustPath } : {}) }
    }
    case 'imds':
    case undefined:
      return {}
  }
}

export function rehearsalOf(entry: RecordedAnswer, emulator: Emulator): Rehearsal {
  const identity =
    entry.identity === 'WI_CLIENT' ? emulator.workloadIdentity?.env.AZURE_CLIENT_ID : entry.identity
  const withIdentity = identity !== undefined ? { identity } : {}
  const network = entry.network
  if (network === undefined) {
    if (entry.endpoint === 'api') {
      return {
        scenario: 'healthy',
        env: { ...(entry.env ?? {}) },
        check: `${emulator.apiUrl}/recorded/${entry.name} resource=${entry.resource}`,
        ...withIdentity
      }
    }
    return {
      scenario: { recordedAnswer: entry.name },
      env: { ...sourceEnv(entry, emulator), ...(entry.env ?? {}) },
      check: ARM_CHECK(emulator),
      ...withIdentity
    }
  }

  const faults = emulator.networkFaults
  if (faults === undefined) throw new Error('network failures need the emulator started with tls')
  const proxyKind = (PROXY_FAULT_KINDS as readonly string[]).includes(network.kind)
    ? (network.kind as ProxyFaultKind)
    : undefined
  const proxyEnv: Record<string, string> =
    proxyKind !== undefined
      ? { HTTPS_PROXY: faults.proxyUrl(proxyKind), NODE_EXTRA_CA_CERTS: faults.trustPath }
      : {}
  // The host as the workload called it, or (no such name) under `.invalid`, which never resolves
  // (RFC 6761): a rehearsal outside a sandbox must not reach the real host.
  const target = (url: string): string => {
    switch (network.kind) {
      case 'refused':
        return onOrigin(url, faults.closedUrl)
      case 'timeout':
        return onOrigin(url, faults.hangUrl)
      case 'dns': {
        const parsed = new URL(url)
        parsed.hostname = `${parsed.hostname}.invalid`
        return parsed.toString()
      }
      default:
        return url
    }
  }
  if (entry.endpoint === 'api') {
    return {
      scenario: 'healthy',
      env: { ...proxyEnv, ...(entry.env ?? {}) },
      check: `${target(network.url)} resource=${entry.resource}`,
      ...withIdentity
    }
  }
  if (entry.identitySource === 'workload-identity') {
    return {
      scenario: 'healthy',
      env: {
        ...sourceEnv(entry, emulator),
        AZURE_AUTHORITY_HOST: target(network.url),
        ...proxyEnv,
        ...(entry.env ?? {})
      },
      check: ARM_CHECK(emulator),
      ...withIdentity
    }
  }
  // The other sources are local endpoints, called directly: refused or silent.
  const origin = network.kind === 'timeout' ? faults.hangUrl : faults.closedUrl
  return {
    scenario: 'healthy',
    env: { ...sourceEnv(entry, emulator, origin), ...(entry.env ?? {}) },
    check: ARM_CHECK(emulator),
    ...withIdentity
  }
}
