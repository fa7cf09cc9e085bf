/**
 * The older App Service protocol, still what Azure Machine Learning speaks: `MSI_ENDPOINT` +
 * `MSI_SECRET`, api-version 2017-09-01, header `secret`, user-assigned by `clientid` only.
 * Its `expires_on` is a date string, kept as sent.
 */
import type { IdentitySelection } from '../../contracts/probe-request'
import { notSent, retriedIdentityRequest, selectionWords, withQuery } from './source'
import type { SourceContext, TokenAttempt, TokenSourceModule } from './source'

export const LEGACY_MSI_API_VERSION = '2017-09-01'

export function legacyMsiSource(endpoint: string, detail: string): TokenSourceModule {
  return {
    source: 'app-service',
    detail,
    async requestToken(
      resource: string,
      identity: IdentitySelection,
      context: SourceContext
    ): Promise<TokenAttempt> {
      const url = withQuery(endpoint, [
        ['resource', resource],
        ['api-version', LEGACY_MSI_API_VERSION],
        ...(identity.kind === 'client-id' ? [['clientid', identity.value] as [string, string]] : [])
      ])
      if (identity.kind === 'object-id' || identity.kind === 'resource-id') {
        return notSent(
          url,
          `the MSI_ENDPOINT/MSI_SECRET protocol (2017-09-01) selects a user-assigned identity by client ID only, not by ${selectionWords(identity)}`
        )
      }
      const result = await retriedIdentityRequest(context, () => {
        const secret = context.env.MSI_SECRET ?? ''
        if (secret !== '') context.registerSecret?.(secret)
        return { method: 'GET', url, headers: { secret } }
      })
      return { url, result }
    }
  }
}
