/**
 * Which Azure cloud a workload is in, from what it says about itself: IMDS
 * `compute.azEnvironment` (`AzurePublicCloud`, `AzureUSGovernmentCloud`, `AzureChinaCloud`, as
 * https://learn.microsoft.com/azure/virtual-machines/instance-metadata-service lists them), which
 * the App Service probe also fills from the app's host name (src/node-probe/sources/app-service.ts).
 */
import type { AzureCloud } from './audiences'

const ENVIRONMENTS: Record<string, AzureCloud> = {
  azurepubliccloud: 'public',
  azureusgovernmentcloud: 'usgov',
  azureusgovernment: 'usgov',
  azurechinacloud: 'china'
}

export function cloudOfEnvironment(name: string | undefined): AzureCloud | undefined {
  return name === undefined ? undefined : ENVIRONMENTS[name.toLowerCase()]
}
