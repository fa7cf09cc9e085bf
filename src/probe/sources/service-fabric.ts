/**
 * Service Fabric: `IDENTITY_ENDPOINT` + `IDENTITY_HEADER` + `IDENTITY_SERVER_THUMBPRINT`, header
 * `Secret`, api-version 2019-07-01-preview. The endpoint's certificate is self-signed: it is
 * trusted by its thumbprint and nothing else. `expires_on` comes as a JSON number.
 */
import type { IdentitySelection } from '../../probe-request'
import { retriedIdentityRequest, withQuery } from './source'
import type { SourceContext, TokenAttempt, TokenSourceModule } from './source'

export const SERVICE_FABRIC_API_VERSION = '2019-07-01-preview'

function parameter(identity: IdentitySelection): [string, string] | undefined {
  switch (identity.kind) {
    case 'system':
      return undefined
    case 'client-id':
      return ['client_id', identity.value]
    case 'object-id':
      return ['object_id', identity.value]
    case 'resource-id':
      return ['mi_res_id', identity.value]
  }
}

export function serviceFabricSource(
  endpoint: string,
  thumbprint: string,
  detail: string
): TokenSourceModule {
  return {
    source: 'service-fabric',
    detail,
    async requestToken(
      resource: string,
      identity: IdentitySelection,
      context: SourceContext
    ): Promise<TokenAttempt> {
      const selection = parameter(identity)
      const url = withQuery(endpoint, [
        ['api-version', SERVICE_FABRIC_API_VERSION],
        ['resource', resource],
        ...(selection ? [selection] : [])
      ])
      const result = await retriedIdentityRequest(context, () => {
        const secret = context.env.IDENTITY_HEADER ?? ''
        if (secret !== '') context.registerSecret?.(secret)
        return { method: 'GET', url, headers: { Secret: secret }, serverThumbprint: thumbprint }
      })
      return { url, result }
    }
  }
}
