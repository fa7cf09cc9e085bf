/**
 * Which identity source this environment offers, in the order the Azure SDKs check them
 * (docs/azure-wire-facts.md, "The other identity sources"). With none of their variables set it is IMDS: the probe cannot
 * know whether it runs on a VM, and the instance metadata call will tell. The `detail` says what
 * was seen in words without secrets (variable names, never values of secrets).
 */
import { appServiceSource } from './app-service'
import { arcSource } from './arc'
import { cloudShellSource } from './cloud-shell'
import { imdsSource } from './imds'
import { legacyMsiSource } from './legacy-msi'
import { serviceFabricSource } from './service-fabric'
import { endpointUrl } from './source'
import type { TokenSourceModule } from './source'
import { workloadIdentitySource } from './workload-identity'

const set = (value: string | undefined): value is string => value !== undefined && value !== ''

/** A source whose variables are there but whose endpoint is not a URL: every token request says so. */
function brokenEndpoint(
  source: TokenSourceModule['source'],
  variable: string,
  detail: string
): TokenSourceModule {
  return {
    source,
    detail,
    async requestToken() {
      return {
        url: `$${variable}`,
        result: {
          outcome: { error: 'other', errorText: `${variable} is not an http(s) URL` },
          attempts: 0,
          ms: 0
        }
      }
    }
  }
}

export function detectSource(env: NodeJS.ProcessEnv, imdsEndpoint: string): TokenSourceModule {
  if (set(env.AZURE_FEDERATED_TOKEN_FILE) && set(env.AZURE_TENANT_ID)) {
    const names = ['AZURE_FEDERATED_TOKEN_FILE', 'AZURE_TENANT_ID']
    if (set(env.AZURE_CLIENT_ID)) names.push('AZURE_CLIENT_ID')
    if (set(env.AZURE_AUTHORITY_HOST)) names.push('AZURE_AUTHORITY_HOST')
    return workloadIdentitySource(`${names.join(', ')} set (AKS workload identity)`)
  }

  const identityEndpoint = env.IDENTITY_ENDPOINT
  if (set(identityEndpoint) && set(env.IDENTITY_HEADER) && set(env.IDENTITY_SERVER_THUMBPRINT)) {
    const detail =
      'IDENTITY_ENDPOINT, IDENTITY_HEADER and IDENTITY_SERVER_THUMBPRINT set (Service Fabric)'
    const endpoint = endpointUrl(identityEndpoint)
    return endpoint
      ? serviceFabricSource(endpoint, env.IDENTITY_SERVER_THUMBPRINT, detail)
      : brokenEndpoint('service-fabric', 'IDENTITY_ENDPOINT', detail)
  }
  if (set(identityEndpoint) && set(env.IDENTITY_HEADER)) {
    const detail =
      'IDENTITY_ENDPOINT and IDENTITY_HEADER set (App Service, Functions or Container Apps)'
    const endpoint = endpointUrl(identityEndpoint)
    return endpoint
      ? appServiceSource(endpoint, detail, env)
      : brokenEndpoint('app-service', 'IDENTITY_ENDPOINT', detail)
  }

  const msiEndpoint = env.MSI_ENDPOINT
  if (set(msiEndpoint) && set(env.MSI_SECRET)) {
    const detail =
      'MSI_ENDPOINT and MSI_SECRET set (Azure Machine Learning or App Service 2017-09-01)'
    const endpoint = endpointUrl(msiEndpoint)
    return endpoint
      ? legacyMsiSource(endpoint, detail)
      : brokenEndpoint('app-service', 'MSI_ENDPOINT', detail)
  }
  if (set(msiEndpoint)) {
    const detail = 'MSI_ENDPOINT set without MSI_SECRET (Cloud Shell)'
    const endpoint = endpointUrl(msiEndpoint)
    return endpoint
      ? cloudShellSource(endpoint, detail)
      : brokenEndpoint('cloud-shell', 'MSI_ENDPOINT', detail)
  }

  if (set(identityEndpoint) && set(env.IMDS_ENDPOINT)) {
    const detail = 'IDENTITY_ENDPOINT and IMDS_ENDPOINT set (Azure Arc)'
    const endpoint = endpointUrl(identityEndpoint)
    return endpoint
      ? arcSource(endpoint, detail)
      : brokenEndpoint('arc', 'IDENTITY_ENDPOINT', detail)
  }

  const partial = [
    'IDENTITY_ENDPOINT',
    'IDENTITY_HEADER',
    'AZURE_FEDERATED_TOKEN_FILE',
    'IMDS_ENDPOINT'
  ].filter(name => set(env[name]))
  // Half a source (e.g. IDENTITY_ENDPOINT without its header) is worth saying: it is a broken
  // platform setting more often than a VM.
  const seen =
    partial.length > 0
      ? `${partial.join(', ')} set without the rest of a source's variables`
      : 'no identity endpoint variables set (IDENTITY_ENDPOINT, MSI_ENDPOINT, AZURE_FEDERATED_TOKEN_FILE)'
  return imdsSource(imdsEndpoint, `${seen}: IMDS at ${imdsEndpoint}`)
}
