/**
 * Knowing where it runs: when the probe fell back to IMDS (no identity endpoint variables) but the
 * platform's own variables say where it is (observations.platform), the failure of the identity
 * step is that platform's missing identity, and the fix is that platform's command, not an NSG
 * rule or NO_PROXY. Commands as Microsoft documents them:
 * - App Service / Functions: `az webapp identity assign`, `az functionapp identity assign`
 *   (https://learn.microsoft.com/azure/app-service/overview-managed-identity); the platform then
 *   sets IDENTITY_ENDPOINT and IDENTITY_HEADER;
 * - Container Apps: `az containerapp identity assign --system-assigned`
 *   (https://learn.microsoft.com/azure/container-apps/managed-identity);
 * - AKS: workload identity, `az aks update --enable-oidc-issuer --enable-workload-identity`, a
 *   federated credential for the service account, the `azure.workload.identity/client-id`
 *   annotation and the `azure.workload.identity/use: "true"` pod label
 *   (https://learn.microsoft.com/azure/aks/workload-identity-deploy-cluster);
 * - a GitHub-hosted runner: no identity of the user's exists there; `local` cannot work.
 */
import type { Observations, PlatformHint } from '../../contracts/observations'
import type { StepReport } from '../../contracts/report'

const IDENTITY_FAILURES = new Set(['platform-unreachable', 'no-identity', 'wrong-identity'])

/** The steps with the first failed imds/token step's remediation made the platform's. */
export function withPlatformFix(steps: StepReport[], observations: Observations): StepReport[] {
  const platform = observations.platform
  // Only when the platform's own endpoint was not found: with it, the source's steps judge.
  if (platform === undefined || (observations.source !== 'imds' && observations.source !== 'none'))
    return steps
  const index = steps.findIndex(
    step =>
      (step.step === 'imds' || step.step === 'token') &&
      step.status === 'fail' &&
      step.failureMode !== undefined &&
      IDENTITY_FAILURES.has(step.failureMode)
  )
  if (index < 0) return steps
  const step = steps[index] as StepReport
  const fixed: StepReport = {
    ...step,
    detail: `${step.detail}; ${whereItRuns(platform)}`,
    remediation: platformRemediation(platform)
  }
  return steps.map((s, i) => (i === index ? fixed : s))
}

export function whereItRuns(platform: PlatformHint): string {
  switch (platform.kind) {
    case 'app-service':
    case 'functions':
      return `${platform.variable} is set: this runs in ${platform.kind === 'functions' ? 'Azure Functions' : 'App Service'}, whose identity endpoint is IDENTITY_ENDPOINT (not IMDS), and IDENTITY_ENDPOINT is missing: the app has no managed identity enabled`
    case 'container-apps':
      return `${platform.variable} is set: this runs in Container Apps, whose identity endpoint is IDENTITY_ENDPOINT (not IMDS), and IDENTITY_ENDPOINT is missing: the app has no managed identity enabled`
    case 'kubernetes':
      return `${platform.variable} is set: this runs in a Kubernetes pod without workload identity (no AZURE_FEDERATED_TOKEN_FILE); IMDS seen from a pod is the node's, never the pod's identity`
    case 'github-hosted':
      return `${platform.variable}=github-hosted: this runs on a GitHub-hosted runner, which holds no managed identity of yours`
  }
}

export function platformRemediation(platform: PlatformHint): string {
  const name = platform.name ?? '<app name>'
  const group = platform.resourceGroup ?? '<resource group>'
  switch (platform.kind) {
    case 'app-service':
      return `Enable the app's managed identity: az webapp identity assign --name ${name} --resource-group ${group} (add --identities <user-assigned identity resource ID> for a user-assigned one); App Service then sets IDENTITY_ENDPOINT and IDENTITY_HEADER for the app (restart it if they do not appear); there is no IMDS in App Service, so network rules for it do not help`
    case 'functions':
      return `Enable the function app's managed identity: az functionapp identity assign --name ${name} --resource-group ${group} (add --identities <user-assigned identity resource ID> for a user-assigned one); the platform then sets IDENTITY_ENDPOINT and IDENTITY_HEADER (restart the app if they do not appear). There is no IMDS in Azure Functions`
    case 'container-apps':
      return `Enable the container app's managed identity: az containerapp identity assign --name ${name} --resource-group <resource group> --system-assigned (or --user-assigned <identity resource ID>); Container Apps then sets IDENTITY_ENDPOINT and IDENTITY_HEADER (an app deployed before April 2022 needs a new revision). There is no IMDS in Container Apps`
    case 'kubernetes':
      return 'Use AKS workload identity for the pod: az aks update --resource-group <resource group> --name <cluster> --enable-oidc-issuer --enable-workload-identity; az identity federated-credential create --name <name> --identity-name <identity> --resource-group <resource group> --issuer "$(az aks show --resource-group <resource group> --name <cluster> --query oidcIssuerProfile.issuerUrl -o tsv)" --subject system:serviceaccount:<namespace>:<service account>; annotate the service account with azure.workload.identity/client-id: <identity client ID>, label the pod azure.workload.identity/use: "true" and restart it, so the pod gets AZURE_FEDERATED_TOKEN_FILE'
    case 'github-hosted':
      return 'The local target cannot work on a GitHub-hosted runner: it is not your Azure workload and has no managed identity of yours. Probe the workload itself instead: targets: vm:<VM resource ID> (or vmss:<scale set resource ID>) after azure/login, or https://<your app>/mi-smoke (the smoke endpoint the app serves); or run this job on a self-hosted runner on an Azure VM that has the identity'
  }
}
