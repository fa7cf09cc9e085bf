/**
 * App Service, Functions and Container Apps: `IDENTITY_ENDPOINT` + `IDENTITY_HEADER`, api-version
 * 2019-08-01. The header is read from the environment at every request because Container Apps
 * rotates it. No instance metadata here: what is known comes from the site's settings.
 */
import type { WorkloadMeta } from '../../contracts/observations'
import {
  identityParameter,
  type IdentityParameterNames,
  type IdentitySelection
} from '../../contracts/probe-request'
import { retriedIdentityRequest, withQuery } from './source'
import type { SourceContext, TokenAttempt, TokenSourceModule } from './source'

export const APP_SERVICE_API_VERSION = '2019-08-01'

/** App Service 2019-08-01 names the object ID `principal_id` and the resource ID `mi_res_id`. */
const APP_SERVICE_IDENTITY_PARAMETERS: IdentityParameterNames = {
  clientId: 'client_id',
  objectId: 'principal_id',
  resourceId: 'mi_res_id'
}

/**
 * WEBSITE_OWNER_NAME is `SUBSCRIPTION+RESOURCEGROUP-REGIONwebspace` (a `-Linux` suffix on Linux
 * plans); WEBSITE_RESOURCE_GROUP, when set, names the group without guessing.
 */
export function appServiceMeta(env: NodeJS.ProcessEnv): WorkloadMeta | undefined {
  const owner = env.WEBSITE_OWNER_NAME ?? ''
  const plus = owner.indexOf('+')
  const subscriptionId = plus > 0 ? owner.slice(0, plus) : undefined
  const fromOwner =
    plus > 0 ? owner.slice(plus + 1).replace(/-[^-]*webspace(-Linux)?$/i, '') : undefined
  const resourceGroupName = env.WEBSITE_RESOURCE_GROUP || fromOwner || undefined
  const site = env.WEBSITE_SITE_NAME || undefined
  const meta: WorkloadMeta = {}
  if (subscriptionId) meta.subscriptionId = subscriptionId
  if (resourceGroupName) meta.resourceGroupName = resourceGroupName
  if (subscriptionId && resourceGroupName && site) {
    meta.resourceId = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupName}/providers/Microsoft.Web/sites/${site}`
  }
  if (env.REGION_NAME) meta.location = env.REGION_NAME
  const environment = environmentOfHost(env.WEBSITE_HOSTNAME)
  if (environment) meta.azEnvironment = environment
  return Object.keys(meta).length > 0 ? meta : undefined
}

export function appServiceSource(
  endpoint: string,
  detail: string,
  env: NodeJS.ProcessEnv
): TokenSourceModule {
  const meta = appServiceMeta(env)
  return {
    source: 'app-service',
    detail,
    ...(meta ? { meta } : {}),
    async requestToken(
      resource: string,
      identity: IdentitySelection,
      context: SourceContext
    ): Promise<TokenAttempt> {
      const selection = identityParameter(identity, APP_SERVICE_IDENTITY_PARAMETERS)
      const url = withQuery(endpoint, [
        ['resource', resource],
        ['api-version', APP_SERVICE_API_VERSION],
        ...(selection ? [selection] : [])
      ])
      const result = await retriedIdentityRequest(context, () => {
        const header = context.env.IDENTITY_HEADER ?? ''
        if (header !== '') context.registerSecret?.(header)
        return { method: 'GET', url, headers: { 'X-IDENTITY-HEADER': header } }
      })
      return { url, result }
    }
  }
}

/**
 * The cloud, from the app's default host name (WEBSITE_HOSTNAME): `*.azurewebsites.net` in Azure,
 * `*.azurewebsites.us` in Azure Government, `*.chinacloudsites.cn` in Azure China
 * (https://learn.microsoft.com/azure/azure-government/compare-azure-government-global-azure,
 * https://learn.microsoft.com/azure/china/resources-developer-guide), named as IMDS names clouds.
 */
function environmentOfHost(host: string | undefined): string | undefined {
  const name = (host ?? '').toLowerCase()
  if (name.endsWith('.azurewebsites.us')) return 'AzureUSGovernmentCloud'
  if (name.endsWith('.chinacloudsites.cn')) return 'AzureChinaCloud'
  if (name.endsWith('.azurewebsites.net')) return 'AzurePublicCloud'
  return undefined
}
