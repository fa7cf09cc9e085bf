/**
 * The remediation lines: what a person should do, one line each, with this run's values in them
 * (principal, scope, identity, host). One function per situation; the step modules pick.
 */
import {
  actionNeeded,
  dataRoleFor,
  serviceByKey,
  type AzureService,
  type ServiceKey
} from '../../azure/services'
import type {
  IdentitySource,
  Observations,
  TransportError,
  WorkloadMeta
} from '../../contracts/observations'
import type { IdentitySelection } from '../../contracts/probe-request'
import { assignIdentityFix } from './identity-sources'
import { apiNetworkFix } from './network-fix'
import { formatDuration, quote } from './text'
import { setting } from '../inputs/setting-names'

const IMDS_HOST = '169.254.169.254'

/** How to put an identity on this kind of workload. */
function assignIdentityCommand(
  environment: IdentitySource,
  meta: WorkloadMeta | undefined,
  userAssigned?: string,
  observations?: Observations
): string {
  // Every source but IMDS has its own command (az functionapp, az containerapp, Service Fabric's
  // manifest...), from what the probe saw of the platform.
  if (observations !== undefined && environment !== 'imds') {
    const own = assignIdentityFix(observations, userAssigned)
    if (own !== undefined) return own
  }
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

/** IMDS refused the request (401/403): other sources have their own (identity-sources.ts). */
export function identityEndpointRefused(environment: IdentitySource): string {
  return `The ${environment === 'imds' ? 'IMDS' : environment} identity endpoint refused the request: check that the probe runs as the workload's own process and user, and that nothing between it and ${IMDS_HOST} rewrites the request`
}

/** Workload identity: no federated credential of the identity matches the service account token. */
export function federatedCredentialMismatch(details: {
  code: string
  which: string
  issuer?: string
  subject?: string
  audience?: string
  clientId?: string
}): string {
  const issuer = details.issuer ?? '<cluster OIDC issuer URL>'
  const subject = details.subject ?? 'system:serviceaccount:<namespace>:<service account>'
  const audience = details.audience ?? 'api://AzureADTokenExchange'
  const identity = details.clientId ? ` (client ID ${details.clientId})` : ''
  return `Add a federated identity credential to the user-assigned identity${identity} that matches the service account token exactly (${details.code}: its ${details.which} matched none): az identity federated-credential create --name <credential name> --identity-name <identity name> --resource-group <identity resource group> --issuer ${issuer} --subject ${subject} --audience ${audience}; the issuer must be the cluster's current OIDC issuer (az aks show --name <cluster> --resource-group <resource group> --query oidcIssuerProfile.issuerUrl -o tsv) and the subject the pod's service account; a new credential takes effect within a few minutes`
}

/** Workload identity: the client ID the pod presents is no application of the tenant. */
export function workloadClientIdUnknown(clientId: string | undefined): string {
  return `Entra ID knows no application with client ID ${clientId ?? '<client ID>'} in the tenant the pod asks (AADSTS700016): set the service account annotation azure.workload.identity/client-id (which becomes the pod's AZURE_CLIENT_ID) to the user-assigned identity's client ID (az identity show --name <identity> --resource-group <resource group> --query clientId -o tsv), and AZURE_TENANT_ID to the identity's tenant; restart the pod so the webhook injects the new values`
}

/** Workload identity: the tenant in AZURE_TENANT_ID is none Entra ID knows. */
export function workloadTenantUnknown(code: string): string {
  return `Entra ID knows no tenant with the ID the pod asks (${code}): AZURE_TENANT_ID (set by the workload identity webhook from the service account annotation azure.workload.identity/tenant-id, or the cluster's tenant) must be the tenant of the user-assigned identity (az identity show --name <identity> --resource-group <resource group> --query tenantId -o tsv); restart the pod after fixing the annotation`
}

/** Workload identity: the projected service account token was out of its validity. */
export function federatedTokenStale(): string {
  return "Entra ID refused the service account token as outside its validity (AADSTS700024): the projected token in AZURE_FEDERATED_TOKEN_FILE must be read again at each exchange (the kubelet renews it; a process that cached it at start presents an expired one); if it is fresh, check the node's clock (timedatectl) against NTP"
}

export function federatedExchangeRefused(code: string): string {
  return `Entra ID refused the workload identity exchange (${code}): look the code up (https://login.microsoftonline.com/error?code=${code.replace('AADSTS', '')}) and check AZURE_CLIENT_ID, AZURE_TENANT_ID and the identity's federated credentials (az identity federated-credential list --identity-name <identity> --resource-group <resource group>)`
}

export function throttled(retryAfter: string | undefined): string {
  const after = retryAfter === undefined ? '' : ` (Retry-After: ${retryAfter})`
  return `The identity endpoint is rate-limiting this workload${after}: IMDS allows 20 identity requests per second and 5 at once per VM; cache tokens in the apps on this VM, lower the action's concurrency for this VM's scale set, and run again later`
}

export function noIdentity(
  environment: IdentitySource,
  meta: WorkloadMeta | undefined,
  observations?: Observations
): string {
  return `Enable a system-assigned identity (${assignIdentityCommand(environment, meta, undefined, observations)}), or assign a user-assigned identity and select it with the input identity: <its client ID>`
}

export function multipleIdentities(
  environment: IdentitySource,
  meta: WorkloadMeta | undefined,
  observations?: Observations
): string {
  const family = observations?.platform?.kind
  const show =
    environment === 'app-service'
      ? `${family === 'functions' ? 'az functionapp' : family === 'container-apps' ? 'az containerapp' : 'az webapp'} identity show`
      : `az vm identity show --ids ${meta?.resourceId ?? '<VM resource ID>'}`
  return `The workload has several user-assigned identities and no usable default: set the input identity: to the client ID of the one to use (list them with ${show})`
}

export function identityNotAssigned(
  selection: IdentitySelection,
  environment: IdentitySource,
  meta: WorkloadMeta | undefined,
  observations?: Observations
): string {
  switch (selection.kind) {
    case 'client-id':
      return `No identity with client ID ${selection.value} is assigned to this workload: check the client ID (az identity show --ids <identity resource ID> --query clientId -o tsv) and assign the identity (${assignIdentityCommand(environment, meta, '<identity resource ID>', observations)}); an object ID or a resource ID pasted where the client ID belongs is a common mistake`
    case 'object-id':
      return `No identity with object ID ${selection.value} is assigned to this workload: check the principal ID (az identity show --ids <identity resource ID> --query principalId -o tsv) and assign the identity (${assignIdentityCommand(environment, meta, '<identity resource ID>', observations)})`
    case 'resource-id':
      return `Identity ${selection.value} is not assigned to this workload: assign it (${assignIdentityCommand(environment, meta, selection.value, observations)}) and check the resource ID's spelling`
    case 'system':
      return noIdentity(environment, meta, observations)
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

/** A source that issues tokens only for a fixed list of audiences (Cloud Shell) was asked for another. */
export function audienceNotSupported(resource: string, source: string): string {
  return `The ${source} issues tokens only for the audiences it lists in its answer, and ${resource} is not one: set resource= on the check to the audience of the API called (its own, from the list), or run the probe where the managed identity lives (Cloud Shell holds the signed-in user, not a managed identity)`
}

export function tokenForOtherAudience(requested: string, aud: string): string {
  return `The identity endpoint issued a token for ${aud} although ${requested} was requested: check that nothing between the workload and its identity endpoint rewrites the request, and that resource= is the audience the API expects`
}

export function preflightAudience(resource: string, expected: string): string {
  return `Set resource=${expected} on this check, or drop resource= so the audience comes from the host (a ${resource} token is refused there)`
}

/** The audience named is the one of the host called (the service table's, or the API's own words). */
export function apiRejectedAudience(resource: string, accepted: string | undefined): string {
  const want = accepted ?? "the API's own audience"
  return `Request the token for ${want} (resource=${want} on the check, or drop resource= so the host's audience is used) instead of ${resource}`
}

export function apiAudienceDisagrees(resource: string, hostPort: string): string {
  return `${hostPort} refused a token for ${resource}, the audience its host should accept: check that the check's URL points at the service resource= names (a private endpoint or custom domain of another service?) and set resource= to the audience the API's 401 asks for`
}

/**
 * The service refused the token itself. The clock is named only when the service's words are
 * about time: otherwise it sends people after the wrong cause.
 */
export function apiRejectedToken(
  code: string | undefined,
  tenant: string | undefined,
  aboutTime: boolean
): string {
  const what = `The API refused the token${code ? ` (${code})` : ''}`
  if (aboutTime) {
    return `${what} as outside its lifetime: check the workload's clock (timedatectl / w32tm /query /status) against an NTP source, and that nothing replays a cached token; then run again`
  }
  return `${what}: check that the API's tenant is the token's${tenant ? ` (tid ${tenant})` : ''} and that the token reaches the API unchanged (no proxy rewriting the Authorization header); then run again`
}

/**
 * A token from another tenant than the resource's. A managed identity exists in one tenant only:
 * the fix is an identity of the resource's tenant (or a multi-tenant app trusting this identity).
 */
export function wrongTenant(
  service: string,
  tokenTenant: string | undefined,
  resourceTenant: string | undefined
): string {
  const from = tokenTenant ?? '<token tenant>'
  if (resourceTenant === undefined) {
    return `The token comes from tenant ${from}, which is not the tenant the ${service} resource belongs to: a managed identity only gets tokens from its own tenant, so use an identity that lives in the resource's tenant (az identity create in a subscription of that tenant, assigned to the workload), or an app registration of that tenant that trusts this identity through a federated credential (token from https://login.microsoftonline.com/<resource tenant ID>); find the tenant with az account show --subscription <resource subscription> --query tenantId -o tsv`
  }
  const to = resourceTenant
  return `The token comes from tenant ${from} but the ${service} resource belongs to tenant ${to}: a managed identity only gets tokens from its own tenant, so use an identity that lives in tenant ${to} (az identity create in a subscription of that tenant, assigned to the workload), or an app registration of tenant ${to} that trusts this identity through a federated credential (token from https://login.microsoftonline.com/${to}); if the subscription was just moved to tenant ${to}, wait up to an hour and run again`
}

export interface NetworkRefusal {
  service: AzureService
  host: string
  /** The resource's name (vault, account, registry...) where known. */
  name?: string
  /** The workload's address as the service saw it, where its answer names it. */
  address?: string
  zones: string[]
  /** The answer says public network access is off (only a private endpoint helps). */
  publicAccessOff: boolean
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole)
}

/**
 * The service refused the caller's network address itself (its firewall, network rules or private
 * link). No role can change that: the fix opens the network or goes through a private endpoint.
 */
export function serviceRefusedNetwork(refusal: NetworkRefusal): string {
  const { service, host } = refusal
  const network = service.network
  const word = network?.resourceWord ?? 'resource'
  const values = {
    name: refusal.name ?? `<${word}>`,
    group: '<resource group>',
    ip: refusal.address ?? "<workload's outbound IP>",
    subnet: "<workload's subnet ID>"
  }
  const rules = [network?.subnet, network?.ip]
    .filter((t): t is string => t !== undefined)
    .map(t => fill(t, values))
  const zone = refusal.zones[0] ?? `the privatelink zone of ${host}`
  const privateEndpoint = `a private endpoint (az network private-endpoint create --name <pe name> --resource-group <resource group> --vnet-name <workload VNet> --subnet <subnet> --private-connection-resource-id <${word} resource ID> --group-id ${network?.privateEndpointGroup ?? '<group>'} --connection-name <name>) with the private DNS zone ${zone} linked to the workload's VNet, so that ${host} resolves to the private IP from the workload`
  const open =
    refusal.publicAccessOff || rules.length === 0
      ? `reach the ${word} through ${privateEndpoint}${network?.publicAccess ? `, or turn public network access back on (${fill(network.publicAccess, values)}) and allow the workload's address` : ''}`
      : `allow the workload's subnet or outbound address in the ${word}'s network rules (${rules.join(' / ')}), or reach it through ${privateEndpoint}`
  return `${service.name} itself refused the workload's network address (no role assignment can fix this): ${open}`
}

/**
 * A bare refusal that is a missing data role or an excluded network, and the answer does not say
 * which (App Configuration's empty 403, a registry's bare DENIED): both fixes, the role first.
 */
export function roleOrNetwork(refusal: {
  service: AzureService
  principalId?: string
  name?: string
  host: string
  zones: string[]
}): string {
  const oid = refusal.principalId ?? '<principal object ID>'
  const word = refusal.service.network?.resourceWord ?? 'resource'
  const role = dataRoleFor(refusal.service, '')
  const scope = scopeFor({ service: refusal.service.key, name: refusal.name })
  return `${refusal.service.name} refused the call without saying why. It is one of two things: the principal lacks the data role (az role assignment create --assignee-object-id ${oid} --assignee-principal-type ServicePrincipal --role "${role}" --scope "${scope}"; Contributor or Owner is not enough), or the ${word}'s network settings exclude the workload (public access disabled, a firewall rule, or a private endpoint that is not the ${word}'s: check that ${refusal.host} resolves to the ${word}'s private endpoint through ${refusal.zones[0] ?? 'its privatelink zone'})`
}

/** An API host the workload could not reach, by the network kind (src/diagnosis/network-fix.ts). */
export function egressBlocked(hostPort: string, kind: TransportError): string {
  return apiNetworkFix(hostPort, kind)
}

export function proxyAnswered(hostPort: string): string {
  return `A proxy or firewall answered, not the API: allow ${hostPort} through it (proxy allow-list, Azure Firewall application rule), or exempt the host in NO_PROXY if the workload should reach it directly`
}

/** Statuses that can stand for an access, network or token problem: never answered with `expect=`. */
const NEVER_EXPECTED = new Set([401, 403, 407])

/**
 * An answer nothing recognises. It is reported with the service's own code and message (redacted
 * and cut, src/redact.ts) and a fix that says what to check. `expect=` is offered only when the
 * answer cannot be an access, network or token problem: never for 401, 403 or 407, never when the
 * service states a cause of its own (a code or a message).
 */
export function apiError(answer: {
  status: number
  code?: string
  message?: string
  expect: number[]
  service?: string
}): string {
  const { status, code, message, expect } = answer
  const expected = expect.length === 0 ? 'any 2xx' : expect.join(',')
  const who = answer.service ?? 'The API'
  const said =
    code !== undefined || message !== undefined
      ? ` and says ${quote(`${code ?? ''}${code && message ? ': ' : ''}${message ?? ''}`, 240)}`
      : ''
  const head = `${who} answered ${status}${said} where ${expected} was expected`
  if (NEVER_EXPECTED.has(status)) {
    const what =
      status === 401
        ? "the token (the audience the service wants, the tenant, the token's lifetime)"
        : status === 403
          ? "the principal's access to this resource in the service's own access model, and the resource's network settings (firewall, private endpoint)"
          : 'the proxy between the workload and the API (its credentials and allow-list)'
    return `${head}; mi-smoke does not recognise this answer: read the service's words above and check ${what}`
  }
  if (said !== '') {
    return `${head}; mi-smoke does not recognise this answer: read the service's words above and check what they name in the check's URL (resource names, api-version, the object's state)`
  }
  return `${head}: check the check's URL (placeholders, api-version, resource names); if ${status} is the right answer here, add expect=${status} to the check`
}

/** A cause the service states in its own words, with the fix its table row gives. */
export function statedCause(template: string, values: Record<string, string | undefined>): string {
  const placeholders: Record<string, string> = {
    name: '<resource name>',
    object: '<object name>',
    subscription: '<subscription ID>',
    namespace: '<provider namespace>',
    kind: 'secret',
    principal: '<principal object ID>'
  }
  return template.replace(
    /\{(\w+)\}/g,
    (_whole, key: string) => values[key] ?? placeholders[key] ?? `<${key}>`
  )
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
  service: ServiceKey
  /** Key Vault: which permission model refused (innererror), `unknown` when the body was cut. */
  model?: 'rbac' | 'access-policy' | 'unknown'
  principalId?: string
  scope?: string
  /** The data action (or, for Service Bus, the claim) the service says is missing. */
  action?: string
  /** The resource's name from its host (vault, storage account, registry...). */
  name?: string
  /** Storage: which service of the account (blob, queue, table, file, dfs). */
  kind?: string
  /** Data Explorer: the database and the principal as it names them (`aadapp=<app>;<tenant>`). */
  database?: string
  kustoPrincipal?: string
  /** `appid` and `tid` of the token used (Data Explorer grants to application IDs). */
  appId?: string
  tenantId?: string
}

function waitAdvice(rbacWaitMs: number | undefined): string {
  return rbacWaitMs !== undefined && rbacWaitMs > 0
    ? `role assignments can take minutes to propagate (${setting('rbac-wait')} is ${formatDuration(rbacWaitMs)}; raise it if the role was just granted)`
    : `role assignments can take minutes to propagate; set ${setting('rbac-wait', '5m')} to poll until the role is effective`
}

/** The role that grants what the check does, as narrow as fits: the service table's data roles. */
export function roleFor(denial: RbacDenial): string {
  const context = denial.service === 'storage' ? (denial.kind ?? '') : (denial.action ?? '')
  return dataRoleFor(serviceByKey(denial.service), context)
}

/** The data action the refused call needs (the table's words for what the service said). */
export function actionFor(denial: RbacDenial): string {
  const context = denial.service === 'storage' ? (denial.kind ?? '') : (denial.action ?? '')
  return actionNeeded(serviceByKey(denial.service), context)
}

function keyVaultPolicyPermissions(action: string | undefined): string {
  const a = action?.toLowerCase() ?? ''
  if (a.includes('/keys/')) return '--key-permissions get list'
  if (a.includes('/certificates/')) return '--certificate-permissions get list'
  return '--secret-permissions get list'
}

function scopeFor(denial: RbacDenial): string {
  if (denial.scope !== undefined) return denial.scope
  const name = denial.name
  const show: Partial<Record<ServiceKey, string>> = {
    keyvault: 'az keyvault show --name',
    storage: 'az storage account show --name',
    acr: 'az acr show --name',
    appconfig: 'az appconfig show --name',
    cognitive: 'az cognitiveservices account show --resource-group <resource group> --name',
    servicebus: 'az servicebus namespace show --resource-group <resource group> --name',
    loganalytics:
      'az monitor log-analytics workspace show --resource-group <resource group> --workspace-name'
  }
  const command = show[denial.service]
  if (command === undefined) return '<scope>'
  // The resource's ID from its name: the name where the answer or the host gave it.
  const word = serviceByKey(denial.service).network?.resourceWord ?? 'workspace'
  return `$(${command} ${name ?? `<${word}>`} --query id -o tsv)`
}

export function rbacDenied(denial: RbacDenial, rbacWaitMs: number | undefined): string {
  const oid = denial.principalId ?? '<principal object ID>'
  const service = serviceByKey(denial.service)
  if (service.grants === 'graph-app-roles') {
    return `Microsoft Graph permissions are app roles, not Azure roles: grant principal ${oid} ${roleFor(denial)} (its API page lists them), e.g. az rest --method POST --uri https://graph.microsoft.com/v1.0/servicePrincipals/${oid}/appRoleAssignments --body '{"principalId":"${oid}","resourceId":"<Microsoft Graph service principal ID: az ad sp show --id 00000003-0000-0000-c000-000000000000 --query id -o tsv>","appRoleId":"<the permission's app role ID>"}' (an admin of the tenant runs it: the assignment is the admin-consent of that permission), and admin-consent any permission granted in the portal instead; ${waitAdvice(rbacWaitMs)}`
  }
  if (service.grants === 'kusto-database-roles') {
    // Data Explorer's own model: database roles, granted to the application (client) ID.
    // The principal as the cluster named it when it is an application; else the token's own.
    const principal =
      denial.kustoPrincipal !== undefined && /^aadapp=[^;<]+;/i.test(denial.kustoPrincipal)
        ? denial.kustoPrincipal
        : `aadapp=${denial.appId ?? '<identity client ID>'};${denial.tenantId ?? '<tenant ID>'}`
    const database = denial.database ?? '<database>'
    const appId = /^aadapp=([^;]+)/.exec(principal)?.[1] ?? denial.appId ?? '<identity client ID>'
    return `Data Explorer grants data access through its own database roles, not Azure roles (an Azure Reader or Contributor on the cluster reads no data): run .add database ['${database}'] viewers ('${principal}') 'mi-smoke' in the cluster, or az kusto database-principal-assignment create --cluster-name <cluster> --resource-group <resource group> --database-name ${database} --principal-assignment-name mi-smoke-viewer --principal-id ${appId} --principal-type App --role Viewer${denial.tenantId ? ` --tenant-id ${denial.tenantId}` : ''}; database roles apply within minutes`
  }
  if (service.grants === 'sql-users') {
    return `Azure SQL grants data access to database users, not Azure roles: connect to the database as its Microsoft Entra admin and run CREATE USER [<identity name>] FROM EXTERNAL PROVIDER; ALTER ROLE db_datareader ADD MEMBER [<identity name>]; (the identity's name as Entra ID shows it, principal ${oid})`
  }
  if (service.grants === 'managedhsm-local-rbac') {
    const role = roleFor(denial)
    return `Managed HSM grants data access through its own local role assignments, not Azure roles on the resource: az keyvault role assignment create --hsm-name ${denial.name ?? '<hsm name>'} --role "${role}" --assignee-object-id ${oid} --assignee-principal-type ServicePrincipal --scope ${denial.scope ?? '/keys'}; ${waitAdvice(rbacWaitMs)}`
  }
  if (denial.service === 'keyvault' && denial.model === 'access-policy') {
    const vault = denial.name ?? '<vault>'
    return `The vault uses the access policy permission model (innererror AccessDenied), so Azure role assignments do not apply to it: az keyvault set-policy --name ${vault} --object-id ${oid} ${keyVaultPolicyPermissions(denial.action)}, or switch it to Azure RBAC (az keyvault update --name ${vault} --enable-rbac-authorization true) and assign a role; access policies apply within a minute or two`
  }
  if (service.grants === 'cosmos-data-plane') {
    // Cosmos DB's data plane has its own role definitions and assignments, outside Azure RBAC.
    const role = roleFor(denial)
    const id = /\(([0-9a-f-]{36})\)/.exec(role)?.[1] ?? '00000000-0000-0000-0000-000000000001'
    return `Cosmos DB data-plane roles are not Azure roles: az cosmosdb sql role assignment create --account-name ${denial.name ?? '<account>'} --resource-group <resource group> --role-definition-id ${id} --principal-id ${oid} --scope "/" (${role}); Azure roles such as Contributor do not grant data access; ${waitAdvice(rbacWaitMs)}`
  }
  const scope = scopeFor(denial)
  const role = roleFor(denial)
  const command = `az role assignment create --assignee-object-id ${oid} --assignee-principal-type ServicePrincipal --role "${role}" --scope "${scope}"`
  const unknownModel =
    denial.service === 'keyvault' && denial.model === 'unknown'
      ? ` (if the vault uses access policies instead of Azure RBAC: az keyvault set-policy --name ${denial.name ?? '<vault>'} --object-id ${oid} ${keyVaultPolicyPermissions(denial.action)})`
      : ''
  // The prose names the role and the scope: a person reads what is granted where before the command.
  const where = scope.startsWith('$(') ? `the ${denial.name ?? service.name} resource` : scope
  return `Grant principal ${oid} the role "${role}" on ${where}: ${command}${unknownModel}; ${waitAdvice(rbacWaitMs)}`
}

export function dispatchDefault(): string {
  return 'Check that the target exists and is running and that the runner may reach it, then run again'
}
