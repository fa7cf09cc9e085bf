/**
 * The remediation lines: what a person should do, one line each, with this run's values in them
 * (principal, scope, identity, host). One function per situation; the step modules pick.
 */
import type { IdentitySource, WorkloadMeta } from '../observations'
import type { IdentitySelection } from '../probe-request'
import { formatDuration } from './text'

const IMDS_HOST = '169.254.169.254'

/** How to put an identity on this kind of workload. */
function assignIdentityCommand(
  environment: IdentitySource,
  meta: WorkloadMeta | undefined,
  userAssigned?: string
): string {
  const identities = userAssigned === undefined ? '' : ` --identities ${userAssigned}`
  const id = meta?.resourceId
  if (environment === 'app-service') {
    return id
      ? `az webapp identity assign --ids ${id}${identities}`
      : `az webapp identity assign --name <app> --resource-group <group>${identities}`
  }
  if (id !== undefined && /\/virtualMachineScaleSets\//i.test(id)) {
    return `az vmss identity assign --ids ${id}${identities}`
  }
  return `az vm identity assign --ids ${id ?? '<VM resource ID>'}${identities}`
}

export function noIdentityEndpoint(): string {
  return 'Run this target where a managed identity exists: on an Azure VM with outbound access to 169.254.169.254 (enable an identity: az vm identity assign --ids <VM resource ID>), or in App Service / Functions / Container Apps with an identity enabled (az webapp identity assign), which sets IDENTITY_ENDPOINT and IDENTITY_HEADER'
}

export function imdsUnreachable(endpoint: string): string {
  return `Let the workload reach ${endpoint} directly: allow outbound to ${IMDS_HOST}:80 in the NSG, host firewall and route table, call it without a proxy (NO_PROXY=${IMDS_HOST}), and make sure the job really runs on an Azure VM (IMDS exists nowhere else)`
}

export function imdsUnavailable(status: number): string {
  return status === 410
    ? 'IMDS answers 410 while it updates (back within 70 s): run again in a minute; if it persists, restart the VM agent or redeploy the VM'
    : `IMDS itself is failing (HTTP ${status}): run again in a few minutes; if it persists, restart the VM agent (waagent / WindowsAzureGuestAgent) or redeploy the VM`
}

export function proxyInFrontOfImds(): string {
  return `A proxy answered instead of IMDS: add ${IMDS_HOST} to NO_PROXY / no_proxy (and to the system proxy's bypass list); IMDS refuses proxied requests (X-Forwarded-For) and must be called directly`
}

export function identityEndpointUnreachable(environment: IdentitySource, endpoint: string): string {
  if (environment === 'imds') return imdsUnreachable(endpoint)
  return `The ${environment} identity endpoint (${endpoint}) did not answer: restart the app so the platform re-creates it, and make sure no proxy handles it (add its host to NO_PROXY)`
}

export function identityEndpointRefused(environment: IdentitySource): string {
  return environment === 'app-service'
    ? 'The identity endpoint refused the request: IDENTITY_HEADER must be read at each request (Container Apps rotates it); restart the app if the value is stale'
    : `The ${environment} identity endpoint refused the request: check that the probe runs as the workload's own process and user (Arc: member of the himds group)`
}

export function throttled(retryAfter: string | undefined): string {
  const after = retryAfter === undefined ? '' : ` (Retry-After: ${retryAfter})`
  return `The identity endpoint is rate-limiting this workload${after}: IMDS allows 20 identity requests per second and 5 at once per VM; cache tokens in the apps on this VM, lower the action's concurrency for this VM's scale set, and run again later`
}

export function noIdentity(environment: IdentitySource, meta: WorkloadMeta | undefined): string {
  return `Enable a system-assigned identity (${assignIdentityCommand(environment, meta)}), or assign a user-assigned identity and select it with the input identity: <its client ID>`
}

export function multipleIdentities(
  environment: IdentitySource,
  meta: WorkloadMeta | undefined
): string {
  const show =
    environment === 'app-service'
      ? 'az webapp identity show'
      : `az vm identity show --ids ${meta?.resourceId ?? '<VM resource ID>'}`
  return `The workload has several user-assigned identities and no usable default: set the input identity: to the client ID of the one to use (list them with ${show})`
}

export function identityNotAssigned(
  selection: IdentitySelection,
  environment: IdentitySource,
  meta: WorkloadMeta | undefined
): string {
  switch (selection.kind) {
    case 'client-id':
      return `No identity with client ID ${selection.value} is assigned to this workload: check the client ID (az identity show --ids <identity resource ID> --query clientId -o tsv) and assign the identity (${assignIdentityCommand(environment, meta, '<identity resource ID>')}); an object ID or a resource ID pasted where the client ID belongs is a common mistake`
    case 'object-id':
      return `No identity with object ID ${selection.value} is assigned to this workload: check the principal ID (az identity show --ids <identity resource ID> --query principalId -o tsv) and assign the identity (${assignIdentityCommand(environment, meta, '<identity resource ID>')})`
    case 'resource-id':
      return `Identity ${selection.value} is not assigned to this workload: assign it (${assignIdentityCommand(environment, meta, selection.value)}) and check the resource ID's spelling`
    case 'system':
      return noIdentity(environment, meta)
  }
}

export function wrongIdentityInToken(
  selection: IdentitySelection,
  expectedPrincipalId: string | undefined,
  claims: { oid?: string; appid?: string; xms_mirid?: string }
): string {
  const got = [
    claims.oid && `oid ${claims.oid}`,
    claims.appid && `appid ${claims.appid}`,
    claims.xms_mirid && `xms_mirid ${claims.xms_mirid}`
  ]
    .filter(Boolean)
    .join(', ')
  const fix =
    selection.kind === 'system'
      ? 'select the intended identity explicitly with identity: <client ID>'
      : 'check the identity input and which identities are assigned to the workload'
  const expected =
    expectedPrincipalId !== undefined
      ? `, or correct expected-principal-id if ${claims.oid ?? 'the token'} is the identity you meant`
      : ''
  return `The token came from another identity (${got || 'no identifying claims'}): ${fix}${expected}`
}

export function tokenUnusable(what: string): string {
  return `The identity endpoint answered without a usable token (${what}): run again; if it persists, restart the workload's identity agent (VM agent, or restart the app) and check the workload's clock`
}

export function tokenExpiry(): string {
  return "Check the workload's clock (timedatectl / w32tm /query /status) against the runner's; if the clock is right, restart the VM agent or the app so the identity endpoint drops its cached token"
}

export function unknownResource(resource: string): string {
  return `Entra ID knows no resource named ${resource} in this tenant: use the service's audience in resource= (ARM https://management.azure.com/, Key Vault https://vault.azure.net, Storage https://storage.azure.com/) or drop resource= to take it from the host`
}

export function tokenForOtherAudience(requested: string, aud: string): string {
  return `The identity endpoint issued a token for ${aud} although ${requested} was requested: check that nothing between the workload and its identity endpoint rewrites the request, and that resource= is the audience the API expects`
}

export function preflightAudience(resource: string, expected: string): string {
  return `Set resource=${expected} on this check, or drop resource= so the audience comes from the host (a ${resource} token is refused there)`
}

export function apiRejectedAudience(resource: string, accepted: string | undefined): string {
  const want = accepted ?? "the API's own audience"
  return `Request the token for ${want} (resource= on the check) instead of ${resource}; ARM accepts https://management.azure.com/ with or without the trailing slash, Key Vault https://vault.azure.net`
}

export function apiAudienceDisagrees(resource: string, hostPort: string): string {
  return `${hostPort} refused a token for ${resource}, the audience its host should accept: check that the check's URL points at the service resource= names (a private endpoint or custom domain of another service?) and set resource= to the audience the API's 401 asks for`
}

export function apiRejectedToken(code: string | undefined, tenant: string | undefined): string {
  return `The API refused the token${code ? ` (${code})` : ''}: check the workload's clock, and that the API's tenant is the token's${tenant ? ` (tid ${tenant})` : ''}; then run again`
}

export function egressBlocked(hostPort: string, cause: string | undefined): string {
  const host = hostPort.replace(/:\d+$/, '')
  switch (cause) {
    case 'dns':
      return `${host} does not resolve on the workload: check its DNS servers; with a private endpoint, link the private DNS zone (e.g. privatelink.vaultcore.azure.net) to the workload's VNet`
    case 'tls':
      return `TLS to ${hostPort} failed: a TLS-inspecting proxy or firewall is in the way (exempt ${host} or trust its CA), or the workload's clock is wrong`
    case 'proxy':
      return `The proxy refused to connect to ${hostPort}: allow ${host} on the proxy, or exempt it in NO_PROXY if the workload reaches it directly`
    default:
      return `Allow outbound HTTPS from the workload to ${hostPort} (NSG, Azure Firewall, route table / UDR, proxy allow-list, HTTPS_PROXY/NO_PROXY)${/^[\d.]+$|:/.test(host) ? '' : `; with a private endpoint, make ${host} resolve to its private IP`}`
  }
}

export function proxyAnswered(hostPort: string): string {
  return `A proxy or firewall answered, not the API: allow ${hostPort} through it (proxy allow-list, Azure Firewall application rule), or exempt the host in NO_PROXY if the workload should reach it directly`
}

export function keyVaultFirewall(vault: string | undefined): string {
  const name = vault ?? '<vault>'
  return `The vault's firewall refused the workload's address: add its subnet or IP (az keyvault network-rule add --name ${name} --subnet <subnet ID> / --ip-address <IP>) or reach the vault through a private endpoint`
}

export function apiError(status: number, code: string | undefined, expect: number[]): string {
  const expected = expect.length === 0 ? 'any 2xx' : expect.join(',')
  return `The API answered ${status}${code ? ` ${code}` : ''} where ${expected} was expected: check the check's URL (placeholders, api-version, resource names); if ${status} is the right answer here, add expect=${status} to the check`
}

export function notCalled(reason: string): string {
  if (/placeholder|\{subscriptionId\}|\{resourceGroup\}/i.test(reason)) {
    return 'Write the subscription and resource group into the check URL: this workload has no instance metadata to expand {subscriptionId} / {resourceGroup} from'
  }
  if (/https|loopback|plain http|unsafe/i.test(reason)) {
    return 'Use an https:// URL for the check: a token is only sent over https, or over http to a loopback address'
  }
  return 'Check the check line; the probe did not call it'
}

export function incompleteObservations(): string {
  return 'The probe stopped early: look at the probe output for the target (timeouts, the 4 KB run-command output limit) and run again'
}

// ---- rbac-denied ---------------------------------------------------------------------------

export interface RbacDenial {
  service: 'arm' | 'keyvault' | 'storage' | 'graph' | 'other'
  /** Key Vault: which permission model refused (innererror), `unknown` when the body was cut. */
  model?: 'rbac' | 'access-policy' | 'unknown'
  principalId?: string
  scope?: string
  action?: string
  vaultName?: string
  storage?: { account: string; kind: string }
}

function waitAdvice(rbacWaitMs: number | undefined): string {
  return rbacWaitMs !== undefined && rbacWaitMs > 0
    ? `role assignments can take minutes to propagate (rbac-wait is ${formatDuration(rbacWaitMs)}; raise it if the role was just granted)`
    : 'role assignments can take minutes to propagate; set rbac-wait (e.g. 5m) to poll until the role is effective'
}

/** The role that grants what the check does, as narrow as fits. */
export function roleFor(denial: RbacDenial): string {
  const action = denial.action?.toLowerCase() ?? ''
  switch (denial.service) {
    case 'keyvault':
      // Listing and metadata are covered by the read role; only secret values need more.
      if (action.endsWith('/read') || action.includes('readmetadata')) return 'Key Vault Reader'
      if (action.includes('/secrets/')) return 'Key Vault Secrets User'
      if (action.includes('/keys/')) return 'Key Vault Crypto User'
      if (action.includes('/certificates/')) return 'Key Vault Certificate User'
      return 'Key Vault Secrets User'
    case 'storage':
      if (denial.storage?.kind === 'queue') return 'Storage Queue Data Reader'
      if (denial.storage?.kind === 'table') return 'Storage Table Data Reader'
      if (denial.storage?.kind === 'file') return 'Storage File Data Privileged Reader'
      return 'Storage Blob Data Reader'
    default:
      return 'Reader'
  }
}

function keyVaultPolicyPermissions(action: string | undefined): string {
  const a = action?.toLowerCase() ?? ''
  if (a.includes('/keys/')) return '--key-permissions get list'
  if (a.includes('/certificates/')) return '--certificate-permissions get list'
  return '--secret-permissions get list'
}

function scopeFor(denial: RbacDenial): string {
  if (denial.scope !== undefined) return denial.scope
  if (denial.service === 'keyvault' && denial.vaultName !== undefined) {
    return `$(az keyvault show --name ${denial.vaultName} --query id -o tsv)`
  }
  if (denial.service === 'storage' && denial.storage !== undefined) {
    return `$(az storage account show --name ${denial.storage.account} --query id -o tsv)`
  }
  return denial.service === 'keyvault' ? '<vault resource ID>' : '<scope>'
}

export function rbacDenied(denial: RbacDenial, rbacWaitMs: number | undefined): string {
  const oid = denial.principalId ?? '<principal object ID>'
  if (denial.service === 'graph') {
    return `Microsoft Graph permissions are app roles, not Azure roles: grant principal ${oid} the application permission the call needs (appRoleAssignments on the Microsoft Graph service principal) and admin-consent it; ${waitAdvice(rbacWaitMs)}`
  }
  if (denial.service === 'keyvault' && denial.model === 'access-policy') {
    const vault = denial.vaultName ?? '<vault>'
    return `The vault uses the access policy permission model (innererror AccessDenied), so Azure role assignments do not apply to it: az keyvault set-policy --name ${vault} --object-id ${oid} ${keyVaultPolicyPermissions(denial.action)}, or switch it to Azure RBAC (az keyvault update --name ${vault} --enable-rbac-authorization true) and assign a role; access policies apply within a minute or two`
  }
  const scope = scopeFor(denial)
  const command = `az role assignment create --assignee-object-id ${oid} --assignee-principal-type ServicePrincipal --role "${roleFor(denial)}" --scope "${scope}"`
  const unknownModel =
    denial.service === 'keyvault' && denial.model === 'unknown'
      ? ` (if the vault uses access policies instead of Azure RBAC: az keyvault set-policy --name ${denial.vaultName ?? '<vault>'} --object-id ${oid} ${keyVaultPolicyPermissions(denial.action)})`
      : ''
  return `Grant principal ${oid} a role on ${scope}: ${command}${unknownModel}; ${waitAdvice(rbacWaitMs)}`
}

export function dispatchDefault(): string {
  return 'Check that the target exists and is running and that the runner may reach it, then run again'
}
