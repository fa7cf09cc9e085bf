/**
 * Azure Instance Metadata Service (VMs, scale sets, AKS nodes): instance metadata and tokens.
 * `Metadata: true` on every request; never through a proxy (a proxy in the way answers for IMDS).
 */
import { WORKLOAD_META_FIELDS, type WorkloadMeta } from '../../contracts/observations'
import { IMDS_IDENTITY_PARAMETERS, identityParameter } from '../../contracts/probe-request'
import type { IdentitySelection } from '../../contracts/probe-request'
import { isFailure } from '../../common/http/http-request'
import { retriedIdentityRequest, withQuery } from './source'
import type { InstanceAttempt, SourceContext, TokenAttempt, TokenSourceModule } from './source'

export const INSTANCE_API_VERSION = '2021-02-01'
export const TOKEN_API_VERSION = '2018-02-01'

/** `compute` of an instance metadata answer → the fields the report uses (strings only). */
export function metaFromInstance(body: string): WorkloadMeta | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return undefined
  }
  const compute = (parsed as { compute?: unknown } | null)?.compute
  if (compute === null || typeof compute !== 'object') return undefined
  const meta: WorkloadMeta = {}
  for (const field of WORKLOAD_META_FIELDS) {
    const value = (compute as Record<string, unknown>)[field]
    if (typeof value === 'string' && value !== '') meta[field] = value
  }
  return meta
}

export function imdsSource(endpoint: string, detail: string): TokenSourceModule {
  const base = endpoint.replace(/\/+$/, '')
  return {
    source: 'imds',
    detail,
    async readInstance(context: SourceContext): Promise<InstanceAttempt> {
      const url = `${base}/metadata/instance?api-version=${INSTANCE_API_VERSION}`
      const result = await retriedIdentityRequest(context, () => ({
        method: 'GET',
        url,
        headers: { Metadata: 'true' }
      }))
      const outcome = result.outcome
      const meta =
        !isFailure(outcome) && outcome.status >= 200 && outcome.status < 300
          ? metaFromInstance(outcome.body)
          : undefined
      return { url, result, ...(meta ? { meta } : {}) }
    },
    async requestToken(
      resource: string,
      identity: IdentitySelection,
      context: SourceContext
    ): Promise<TokenAttempt> {
      const selection = identityParameter(identity, IMDS_IDENTITY_PARAMETERS)
      const url = withQuery(`${base}/metadata/identity/oauth2/token`, [
        ['api-version', TOKEN_API_VERSION],
        ['resource', resource],
        ...(selection ? [selection] : [])
      ])
      const result = await retriedIdentityRequest(context, () => ({
        method: 'GET',
        url,
        headers: { Metadata: 'true' }
      }))
      return { url, result }
    }
  }
}
