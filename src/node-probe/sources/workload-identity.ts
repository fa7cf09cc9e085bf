/**
 * AKS workload identity: the pod's projected service account token (AZURE_FEDERATED_TOKEN_FILE,
 * re-read at every request because it rotates) is exchanged at Microsoft Entra ID for an access
 * token, `client_credentials` with a `client_assertion`. The authority is an internet host, so this
 * exchange honours the proxy settings like an API call; it is https only (http on loopback for
 * tests). No instance metadata.
 */
import { promises as fs } from 'node:fs'
import type { IdentitySelection } from '../../contracts/probe-request'
import { httpRequest } from '../../common/http/http-request'
import { mayCarryBearer } from '../../common/url/loopback'
import { withRetries } from '../retry-policy'
import { notSent, retryDeadline, selectionWords } from './source'
import type { SourceContext, TokenAttempt, TokenSourceModule } from './source'
import { scopeForResource } from '../../azure/services'

export const DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com/'
/** Service account tokens are ~1 KB; a bigger file is not one. */
const ASSERTION_LIMIT = 64 * 1024

export function tokenEndpoint(authorityHost: string, tenantId: string): string {
  return `${authorityHost.replace(/\/+$/, '')}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`
}

export function workloadIdentitySource(detail: string): TokenSourceModule {
  return {
    source: 'workload-identity',
    detail,
    async requestToken(
      resource: string,
      identity: IdentitySelection,
      context: SourceContext
    ): Promise<TokenAttempt> {
      const env = context.env
      const url = tokenEndpoint(
        env.AZURE_AUTHORITY_HOST || DEFAULT_AUTHORITY_HOST,
        env.AZURE_TENANT_ID ?? ''
      )
      let parsed: URL | undefined
      try {
        parsed = new URL(url)
      } catch {
        parsed = undefined
      }
      if (parsed === undefined || !mayCarryBearer(parsed)) {
        return notSent(url, 'AZURE_AUTHORITY_HOST must be an https URL (http only on loopback)')
      }
      if (identity.kind === 'object-id' || identity.kind === 'resource-id') {
        return notSent(
          url,
          `workload identity federation selects the identity by client ID, not by ${selectionWords(identity)}`
        )
      }
      const clientId = identity.kind === 'client-id' ? identity.value : env.AZURE_CLIENT_ID
      if (!clientId) return notSent(url, 'AZURE_CLIENT_ID is not set and no client ID was selected')
      const file = env.AZURE_FEDERATED_TOKEN_FILE ?? ''
      const readAssertion = async (): Promise<string | { refused: string }> => {
        try {
          const stat = await fs.stat(file)
          if (!stat.isFile() || stat.size > ASSERTION_LIMIT) {
            return { refused: 'AZURE_FEDERATED_TOKEN_FILE is not a small regular file' }
          }
          return (await fs.readFile(file, 'utf8')).trim()
        } catch (error) {
          const code = (error as { code?: string }).code ?? 'error'
          return { refused: `AZURE_FEDERATED_TOKEN_FILE could not be read (${code})` }
        }
      }
      const result = await withRetries(
        async () => {
          const assertion = await readAssertion()
          if (typeof assertion !== 'string')
            return { error: 'other', errorText: assertion.refused, unsent: true }
          context.registerSecret?.(assertion)
          return httpRequest({
            method: 'POST',
            url,
            headers: {
              'Content-Type': 'application/x-www-form-urlencoded',
              Accept: 'application/json'
            },
            body: new URLSearchParams({
              grant_type: 'client_credentials',
              client_id: clientId,
              scope: scopeForResource(resource),
              client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
              client_assertion: assertion
            }).toString(),
            timeoutMs: context.timeoutMs,
            signal: context.signal,
            proxyEnv: env
          })
        },
        {
          deadline: retryDeadline(context),
          signal: context.signal,
          sleep: context.sleep,
          now: context.now
        }
      )
      return { url, result }
    }
  }
}
