/**
 * Service Fabric: `IDENTITY_ENDPOINT` + `IDENTITY_HEADER` + `IDENTITY_SERVER_THUMBPRINT`, header
 * `Secret`, api-version 2019-07-01-preview. The endpoint's certificate is self-signed: it is
 * trusted by its thumbprint and nothing else. `expires_on` comes as a JSON number.
 */
import {
  identityParameter,
  type IdentityParameterNames,
  type IdentitySelection
} from '../../contracts/probe-request'
import { retriedIdentityRequest, withQuery } from './source'
import type { SourceContext, TokenAttempt, TokenSourceModule } from './source'

export const SERVICE_FABRIC_API_VERSION = '2019-07-01-preview'

/** Service Fabric's names, as MSAL sends them. */
const SERVICE_FABRIC_IDENTITY_PARAMETERS: IdentityParameterNames = {
  clientId: 'client_id',
  objectId: 'object_id',
  resourceId: 'mi_res_id'
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
      const selection = identityParameter(identity, SERVICE_FABRIC_IDENTITY_PARAMETERS)
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
