/**
 * Azure Cloud Shell: `MSI_ENDPOINT` alone; `POST` with a form body `resource=...` and
 * `Metadata: true`. It only has the signed-in user's identity: no user-assigned selection.
 */
import type { IdentitySelection } from '../../contracts/probe-request'
import { notSent, retriedIdentityRequest, selectionWords } from './source'
import type { SourceContext, TokenAttempt, TokenSourceModule } from './source'

export function cloudShellSource(endpoint: string, detail: string): TokenSourceModule {
  return {
    source: 'cloud-shell',
    detail,
    async requestToken(
      resource: string,
      identity: IdentitySelection,
      context: SourceContext
    ): Promise<TokenAttempt> {
      if (identity.kind !== 'system') {
        return notSent(
          endpoint,
          `Cloud Shell's identity endpoint takes no user-assigned identity (selected by ${selectionWords(identity)})`
        )
      }
      const body = new URLSearchParams({ resource }).toString()
      const result = await retriedIdentityRequest(context, () => ({
        method: 'POST',
        url: endpoint,
        body,
        headers: { Metadata: 'true', 'Content-Type': 'application/x-www-form-urlencoded' }
      }))
      return { url: endpoint, result }
    }
  }
}
