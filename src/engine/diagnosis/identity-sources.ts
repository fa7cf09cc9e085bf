/**
 * Each identity source fails its own way: who answers at its endpoint, how it is reached, what its
 * error bodies say, and what the owner runs to fix it. The token and imds steps ask here for the
 * source's fix instead of applying App Service's (or IMDS's) advice to every source.
 *
 * Sources and the public documents their fixes follow:
 * - IMDS: https://learn.microsoft.com/entra/identity/managed-identities-azure-resources/how-to-use-vm-token
 * - App Service / Functions / Container Apps (`IDENTITY_ENDPOINT`, `{statusCode, message}` bodies):
 *   https://learn.microsoft.com/azure/app-service/overview-managed-identity,
 *   https://learn.microsoft.com/azure/container-apps/managed-identity
 * - the 2017-09-01 protocol (`MSI_ENDPOINT` + `MSI_SECRET`): older App Service and Azure Machine
 *   Learning compute (https://learn.microsoft.com/azure/machine-learning/how-to-identity-based-service-authentication)
 * - Service Fabric (`{"error":{"code","message","correlationId"}}`, codes SecretHeaderNotFound,
 *   ManagedIdentityNotFound, ArgumentNullOrEmpty, InvalidApiVersion, InternalServerError):
 *   https://learn.microsoft.com/azure/service-fabric/how-to-managed-identity-service-fabric-app-code#error-handling,
 *   https://learn.microsoft.com/azure/service-fabric/configure-existing-cluster-enable-managed-identity-token-service
 * - Azure Arc (himds on localhost:40342, the 401 key-file challenge, the `himds` group):
 *   https://learn.microsoft.com/azure/azure-arc/servers/managed-identity-authentication
 * - Cloud Shell (`MSI_ENDPOINT` alone, `AudienceNotSupported`): the signed-in user's token service of
 *   the session (AzureAD/microsoft-authentication-library-for-dotnet CloudShellTests, MockHelpers)
 * - workload identity (Entra's token endpoint through the cluster's egress):
 *   https://learn.microsoft.com/azure/aks/workload-identity-overview,
 *   https://learn.microsoft.com/azure/aks/outbound-rules-control-egress (login.microsoftonline.com:443)
 */
import type { Observations, TransportError } from '../../contracts/observations'
import { networkFixFor } from './network-fix'

/** The protocol actually spoken: `app-service` splits into today's and the 2017-09-01 one. */
export type IdentityProtocol = Exclude<Observations['source'], 'none'> | 'legacy-msi' | 'none'

export function protocolOf(observations: Observations): IdentityProtocol {
  if (
    observations.source === 'app-service' &&
    /^MSI_ENDPOINT\b/.test(observations.sourceDetail ?? '')
  )
    return 'legacy-msi'
  return observations.source
}

/** The name of the source in a sentence. */
export function sourceName(observations: Observations): string {
  switch (protocolOf(observations)) {
    case 'imds':
      return 'IMDS'
    case 'app-service':
      return appServiceFamily(observations).name
    case 'legacy-msi':
      return 'MSI_ENDPOINT (2017-09-01 protocol)'
    case 'service-fabric':
      return 'Service Fabric Managed Identity Token Service'
    case 'arc':
      return 'Azure Arc agent (himds)'
    case 'cloud-shell':
      return 'Cloud Shell token service'
    case 'workload-identity':
      return "Microsoft Entra ID's token endpoint (workload identity)"
    case 'none':
      return 'identity endpoint'
  }
}

interface AppServiceFamily {
  name: string
  /** `az webapp`, `az functionapp`, `az containerapp`. */
  cli: string
  appName: string
  group: string
}

function appServiceFamily(observations: Observations): AppServiceFamily {
  const platform = observations.platform
  const appName = platform?.name ?? '<app>'
  const group =
    platform?.resourceGroup ?? observations.meta?.resourceGroupName ?? '<resource group>'
  if (platform?.kind === 'functions')
    return { name: 'Azure Functions identity endpoint', cli: 'az functionapp', appName, group }
  if (platform?.kind === 'container-apps')
    return { name: 'Container Apps identity endpoint', cli: 'az containerapp', appName, group }
  return { name: 'App Service identity endpoint', cli: 'az webapp', appName, group }
}

/** How to give the workload its identity (or the one selected), per source. */
export function assignIdentityFix(
  observations: Observations,
  userAssigned: string | undefined
): string | undefined {
  switch (protocolOf(observations)) {
    case 'app-service': {
      const f = appServiceFamily(observations)
      const id = observations.meta?.resourceId
      const target =
        id !== undefined && f.cli === 'az webapp'
          ? `--ids ${id}`
          : `--name ${f.appName} --resource-group ${f.group}`
      if (f.cli === 'az containerapp') {
        return `${f.cli} identity assign ${target} ${userAssigned === undefined ? '--system-assigned' : `--user-assigned ${userAssigned}`}`
      }
      return `${f.cli} identity assign ${target}${userAssigned === undefined ? '' : ` --identities ${userAssigned}`}`
    }
    case 'legacy-msi':
      return `on App Service: az webapp identity assign --name <app> --resource-group <resource group>${userAssigned === undefined ? '' : ` --identities ${userAssigned}`}; on Azure Machine Learning compute: az ml compute update --name <compute> --resource-group <resource group> --workspace-name <workspace> --identity-type ${userAssigned === undefined ? 'system_assigned' : `user_assigned --user-assigned-identities ${userAssigned}`}`
    case 'service-fabric':
      return `declare the identity on the application resource (Microsoft.ServiceFabric/.../applications: "identity": {"type": "${userAssigned === undefined ? 'SystemAssigned' : 'UserAssigned'}"${userAssigned === undefined ? '' : `, "userAssignedIdentities": {"${userAssigned}": {}}`}} and managedIdentities in its properties), bind it to the service in ApplicationManifest.xml (<ManagedIdentities> and the service's <IdentityBindingPolicy>) and redeploy the application`
    case 'arc':
      return 'Azure Arc-enabled servers have only their system-assigned identity: drop the identity input (or set it to system), and check the machine is connected (azcmagent show)'
    case 'cloud-shell':
      return 'Cloud Shell only has the signed-in user: drop the identity input, or run the probe where the managed identity lives'
    case 'workload-identity':
      return undefined
    default:
      return undefined
  }
}

/**
 * The fix when the source's endpoint gave no HTTP answer, by the network kind of the failure.
 * IMDS keeps its own (imdsUnreachable) in remediation.ts.
 */
export function identityNetworkFix(
  observations: Observations,
  kind: TransportError,
  endpoint: string
): string {
  const protocol = protocolOf(observations)
  if (protocol === 'workload-identity') return workloadIdentityEgressFix(kind, endpoint)
  if (kind === 'local-file') return localFileFix(protocol)
  switch (protocol) {
    case 'app-service': {
      const f = appServiceFamily(observations)
      const restart =
        f.cli === 'az containerapp'
          ? `az containerapp revision restart --name ${f.appName} --resource-group ${f.group} --revision <active revision> (an app created before the identity was enabled needs a new revision)`
          : `${f.cli} restart --name ${f.appName} --resource-group ${f.group}`
      return `The platform's local token service at ${endpoint} did not answer (${kind}): IDENTITY_ENDPOINT and IDENTITY_HEADER are set by the platform when an identity is enabled; remove any app setting that overrides them (${f.cli} config appsettings list), check the identity is still enabled (${f.cli} identity show --name ${f.appName} --resource-group ${f.group}) and restart the app (${restart}); nothing outside the app can block this loopback endpoint`
    }
    case 'legacy-msi':
      return `The MSI_ENDPOINT token service at ${endpoint} did not answer (${kind}): on App Service this 2017-09-01 endpoint is superseded by IDENTITY_ENDPOINT/IDENTITY_HEADER: remove app settings that pin MSI_ENDPOINT or MSI_SECRET and restart the app (az webapp restart --name <app> --resource-group <resource group>); on Azure Machine Learning compute, check the compute has an identity (az ml compute show --name <compute> --resource-group <resource group> --workspace-name <workspace> --query identity) and restart it (az ml compute restart ...)`
    case 'service-fabric':
      return isTls(kind)
        ? `The Service Fabric token service's certificate at ${endpoint} did not match IDENTITY_SERVER_THUMBPRINT (${kind}): the runtime sets IDENTITY_ENDPOINT, IDENTITY_HEADER and IDENTITY_SERVER_THUMBPRINT together for the process; do not set or copy them yourself, and restart the service's code package so it gets the current values`
        : `The Service Fabric Managed Identity Token Service at ${endpoint} did not answer (${kind}): enable it on the cluster (fabricSettings section ManagedIdentityTokenService, parameter IsEnabled = true; on a managed cluster it is on), check the node's ManagedIdentityTokenService is running (Service Fabric Explorer, node health), and that the application has a managed identity bound to this service (ApplicationManifest.xml <ManagedIdentities>), which is what makes the runtime set IDENTITY_ENDPOINT`
    case 'arc':
      return `The Azure Arc agent's identity endpoint ${endpoint} did not answer (${kind}): the himds service must run on this machine: check it (azcmagent show; Linux: sudo systemctl status himds; Windows: Get-Service himds) and restart it (sudo systemctl restart himds / Restart-Service himds); if the agent shows Disconnected, run azcmagent check for its own outbound requirements`
    case 'cloud-shell':
      return `Cloud Shell's token service at ${endpoint} did not answer (${kind}): it exists only inside a live Cloud Shell session: restart Cloud Shell (its Restart button, or exit and reopen it) and sign in again; outside Cloud Shell unset MSI_ENDPOINT, which makes SDKs look for Cloud Shell`
    case 'imds':
    case 'none':
      return `The identity endpoint ${endpoint} did not answer (${kind})`
  }
}

function isTls(kind: TransportError): boolean {
  return kind === 'tls' || kind === 'tls-untrusted' || kind === 'tls-name' || kind === 'tls-expired'
}

/** A file the source needs on the workload could not be read: a local permission, not the network. */
function localFileFix(protocol: IdentityProtocol): string {
  if (protocol === 'arc') {
    return "The Azure Arc agent's challenge key file could not be read by this user (a local permission, not the network): only root/Administrators and members of the himds group (Windows: 'Hybrid agent extension applications') may read /var/opt/azcmagent/tokens (C:\\ProgramData\\AzureConnectedMachineAgent\\Tokens): run the probe as such a user or add it to the group (sudo usermod -a -G himds <user>, then log in again; Windows: Add-LocalGroupMember -Group 'Hybrid agent extension applications' -Member <user>)"
  }
  return 'A file the identity source needs on the workload could not be read: check that it exists and that the probe runs as a user allowed to read it'
}

/**
 * Workload identity: the pod reaches Entra's login host through the cluster's egress (firewall,
 * NSG, route table, HTTP proxy), and only there. Each network kind gets its own fix.
 */
function workloadIdentityEgressFix(kind: TransportError, endpoint: string): string {
  let host = 'login.microsoftonline.com'
  try {
    host = new URL(endpoint).host
  } catch {
    // keep the public cloud's host
  }
  if (kind === 'local-file') {
    return 'AZURE_FEDERATED_TOKEN_FILE could not be read in the pod (a local file, not the network): the workload identity webhook mounts the projected service account token only into pods labelled azure.workload.identity/use: "true" whose service account is annotated with azure.workload.identity/client-id; check the label and annotation, that the volume is mounted, and that the container user may read it (pod securityContext fsGroup), then restart the pod'
  }
  const egress = `the cluster's egress must allow HTTPS to ${host} (an AKS required outbound FQDN: Azure Firewall application rule, NSG and route table / UDR of the node subnet)`
  switch (kind) {
    case 'dns':
      return `${host} (Microsoft Entra ID) does not resolve in the pod: check the cluster's DNS (CoreDNS, the VNet's custom DNS servers forwarding to Azure DNS 168.63.129.16 or the internet), and that AZURE_AUTHORITY_HOST, if set, names Entra's host for the cloud`
    case 'proxy-auth':
      return `The cluster's HTTP proxy answered 407 for ${host}: put the proxy credentials into HTTPS_PROXY for the pod (http://user:password@proxy:port, URL-encoded; AKS: az aks update --http-proxy-config <file with httpsProxy>), or exempt ${host} from authentication on the proxy`
    case 'proxy-denied':
      return `The cluster's HTTP proxy refused ${host}: add an allow rule for ${host}:443 on the proxy (workload identity exchanges the service account token there)`
    case 'proxy':
      return `The cluster's HTTP proxy failed for ${host}: check HTTPS_PROXY / NO_PROXY in the pod (AKS httpProxyConfig) point at a reachable proxy; ${egress}`
    default: {
      const network = networkFixFor(kind, host, `${host}:443`)
      return network !== undefined
        ? `${network} (workload identity exchanges the service account token at ${host})`
        : `The pod got no answer from ${host} (${kind}): ${egress}; if the pod uses a proxy, set HTTPS_PROXY/NO_PROXY for it (AKS: az aks update --http-proxy-config)`
    }
  }
}

/**
 * The source refused the request itself (401/403, or Service Fabric's SecretHeaderNotFound): the
 * credential the platform hands the process, per source.
 */
export function identityRefusedFix(observations: Observations): string {
  switch (protocolOf(observations)) {
    case 'app-service': {
      const f = appServiceFamily(observations)
      return `The ${f.name} refused the request: the X-IDENTITY-HEADER must be IDENTITY_HEADER's current value, read at each request (Container Apps rotates it); remove any app setting that sets IDENTITY_HEADER or IDENTITY_ENDPOINT and restart the app (${f.cli === 'az containerapp' ? `az containerapp revision restart --name ${f.appName} --resource-group ${f.group} --revision <active revision>` : `${f.cli} restart --name ${f.appName} --resource-group ${f.group}`})`
    }
    case 'legacy-msi':
      return "The MSI_ENDPOINT token service refused the request: the secret header must be MSI_SECRET's current value; remove app settings that pin MSI_ENDPOINT or MSI_SECRET and restart the app or compute so the platform sets them again"
    case 'service-fabric':
      return 'The Service Fabric token service refused the request (the Secret header must carry IDENTITY_HEADER, which the runtime sets per code package): do not copy IDENTITY_HEADER between processes or nodes; restart the code package if it is stale'
    case 'arc':
      return "The Azure Arc agent (himds) refused the request: the caller must answer the 401 challenge with the key file it names, which only root/Administrators and members of the himds group (Windows: 'Hybrid agent extension applications') may read (sudo usermod -a -G himds <user>); check that the agent is connected (azcmagent show; az connectedmachine show --name <machine> --resource-group <resource group> --query status) and restart it (systemctl restart himds) if it is"
    case 'cloud-shell':
      return "Cloud Shell's token service refused the request: its session may have expired: restart Cloud Shell and sign in again"
    case 'workload-identity':
      return "Microsoft Entra ID refused the workload identity exchange: check AZURE_CLIENT_ID, AZURE_TENANT_ID and the identity's federated credentials (az identity federated-credential list --identity-name <identity> --resource-group <resource group>)"
    case 'imds':
    case 'none':
      return "The identity endpoint refused the request: check that the probe runs as the workload's own process and user"
  }
}

/**
 * The source's own 5xx (or 404/410) after the retries the retry policy allows: named with what it
 * is, and the source's fix. IMDS keeps its own (imdsUnavailable).
 */
export function identityUnavailableFix(observations: Observations, status: number): string {
  switch (protocolOf(observations)) {
    case 'app-service': {
      const f = appServiceFamily(observations)
      if (status === 404)
        return `The ${f.name} answered 404: IDENTITY_ENDPOINT does not point at the platform's token service; remove any app setting that overrides IDENTITY_ENDPOINT and restart the app (${f.cli} restart --name ${f.appName} --resource-group ${f.group})`
      return `The ${f.name} kept failing (HTTP ${status}, retried): it fetches the token from Microsoft Entra ID on the app's behalf; check the identity still exists and is enabled (${f.cli} identity show --name ${f.appName} --resource-group ${f.group}; a user-assigned identity that was deleted must be removed and assigned again), restart the app, and open a support request with the correlationId if it persists`
    }
    case 'legacy-msi':
      return `The MSI_ENDPOINT token service kept failing (HTTP ${status}, retried): check the App Service app or Azure Machine Learning compute still has its identity, restart it, and open a support request if it persists`
    case 'service-fabric':
      return `The Service Fabric Managed Identity Token Service kept failing (HTTP ${status}, retried): Service Fabric says its InternalServerError is most often an incorrect resource (audience; check a trailing '/'); check resource= on the check, then the cluster's health, and open a support request if it persists`
    case 'arc':
      return `The Azure Arc agent (himds) kept failing (HTTP ${status}, retried): check the agent (azcmagent show; azcmagent check for its connectivity to Azure), restart it (sudo systemctl restart himds / Restart-Service himds), and look at its log (/var/opt/azcmagent/log/himds.log)`
    case 'cloud-shell':
      return `Cloud Shell's token service kept failing (HTTP ${status}, retried): restart Cloud Shell and sign in again`
    case 'workload-identity':
      return `Microsoft Entra ID kept failing (HTTP ${status}, retried): check the Microsoft Entra service health (https://status.azure.com), then run again later`
    case 'imds':
    case 'none':
      return `The identity endpoint kept failing (HTTP ${status}, retried): run again later`
  }
}

/**
 * An answer of the source that nothing here recognises: its own code and message are in the
 * detail; the fix says what to check rather than guess a cause.
 */
export function unrecognisedAnswerFix(
  observations: Observations,
  status: number,
  code: string | undefined,
  endpoint: string
): string {
  const what = code !== undefined ? `${code} (HTTP ${status})` : `HTTP ${status}`
  return `The ${sourceName(observations)} answered ${what}, which mi-smoke does not recognise: read its message in the detail; check the identity input (a client ID of an identity assigned to this workload), resource= of the check (the audience), and that ${endpoint} is the platform's own identity endpoint (no app setting or proxy replaces it)`
}
