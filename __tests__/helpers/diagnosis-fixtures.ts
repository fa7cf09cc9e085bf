/** Synthetic observations and plans for the diagnosis tests, and the wire bodies of docs/azure-wire-facts.md. */
import type { DiagnosisPlan } from '../../src/engine/diagnosis/diagnose'
import type { Check } from '../../src/engine/inputs/action-inputs'
import type {
  ApiObservation,
  Observations,
  TokenObservation
} from '../../src/contracts/observations'
import { audienceAccepted, serviceForUrl } from '../../src/azure/services'

export const NOW_MS = Date.UTC(2026, 10, 26, 15, 20, 0) // 2026-11-26T15:20:00Z
export const NOW_S = NOW_MS / 1000

export const SUB = '0b1f6471-1bf0-4dda-aec3-111122223333'
export const TID = '72f988bf-86f1-41af-91ab-2d7cd011db47'
export const VM_ID = `/subscriptions/${SUB}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/web-1`
export const SYSTEM_OID = '11111111-aaaa-4bbb-8ccc-000000000001'
export const SYSTEM_APPID = '22222222-aaaa-4bbb-8ccc-000000000002'
export const UAI_ID = `/subscriptions/${SUB}/resourceGroups/rg-id/providers/Microsoft.ManagedIdentity/userAssignedIdentities/app-id`
export const UAI_OID = '33333333-aaaa-4bbb-8ccc-000000000003'
export const UAI_CLIENT = '44444444-aaaa-4bbb-8ccc-000000000004'

/** A token signature that must never show up anywhere (the tests search for it). */
export const CANARY = 'CANARYsig0123456789abcdefCANARY'

export const ARM = 'https://management.azure.com/'
export const KV = 'https://vault.azure.net'

export function encodeClaims(claims: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(claims)).toString('base64url')
}

export function systemClaims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    aud: ARM,
    iss: `https://sts.windows.net/${TID}/`,
    tid: TID,
    oid: SYSTEM_OID,
    appid: SYSTEM_APPID,
    idtyp: 'app',
    xms_mirid: VM_ID,
    iat: NOW_S - 60,
    nbf: NOW_S - 60,
    exp: NOW_S + 3600,
    ...overrides
  }
}

/** The pre-flight verdict the inputs side derives from the Azure audience table, as readInputs does. */
function withTableVerdict(check: Check): Check {
  const entry = serviceForUrl(check.url)
  return entry !== undefined && !audienceAccepted(check.resource, entry)
    ? { ...check, audienceMismatch: true }
    : check
}

export function armCheck(overrides: Partial<Check> = {}): Check {
  return withTableVerdict({
    line: 'https://management.azure.com/subscriptions/{subscriptionId}/resourcegroups?api-version=2021-04-01',
    url: 'https://management.azure.com/subscriptions/{subscriptionId}/resourcegroups?api-version=2021-04-01',
    resource: ARM,
    resourceFrom: 'host-table',
    expectedAudience: ARM,
    expect: [],
    ...overrides
  })
}

export function kvCheck(overrides: Partial<Check> = {}): Check {
  return withTableVerdict({
    line: 'https://kv-web.vault.azure.net/secrets?api-version=7.4',
    url: 'https://kv-web.vault.azure.net/secrets?api-version=7.4',
    resource: KV,
    resourceFrom: 'host-table',
    expectedAudience: KV,
    expect: [],
    ...overrides
  })
}

export function plan(overrides: Partial<DiagnosisPlan> = {}): DiagnosisPlan {
  return {
    target: 'local',
    identity: { kind: 'system' },
    checks: [armCheck()],
    nowMs: NOW_MS,
    ...overrides
  }
}

export function token(overrides: Partial<TokenObservation> = {}): TokenObservation {
  const resource = overrides.resource ?? ARM
  return {
    url: `http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=${encodeURIComponent(resource)}`,
    resource,
    status: 200,
    attempts: 1,
    ms: 40,
    fields: {
      client_id: SYSTEM_APPID,
      expires_in: '3599',
      expires_on: String(NOW_S + 3600),
      resource,
      token_type: 'Bearer'
    },
    shape: 'jwt',
    claims: encodeClaims(systemClaims({ aud: resource })),
    ...overrides
  }
}

export function api(overrides: Partial<ApiObservation> = {}): ApiObservation {
  return {
    url: `https://management.azure.com/subscriptions/${SUB}/resourcegroups?api-version=2021-04-01`,
    check: 0,
    status: 200,
    attempts: 1,
    ms: 95,
    ...overrides
  }
}

/** A healthy IMDS run with one ARM check. */
export function observations(overrides: Partial<Observations> = {}): Observations {
  return {
    v: 1,
    nonce: 'nonce-1',
    probe: 'local',
    source: 'imds',
    sourceDetail: 'no identity environment variables; IMDS answered',
    instance: {
      url: 'http://169.254.169.254/metadata/instance?api-version=2021-02-01',
      status: 200,
      attempts: 1,
      ms: 12
    },
    meta: {
      subscriptionId: SUB,
      resourceGroupName: 'rg-web',
      resourceId: VM_ID,
      azEnvironment: 'AzurePublicCloud',
      location: 'westeurope',
      osType: 'Linux'
    },
    tokens: [token()],
    apis: [api()],
    ...overrides
  }
}

/** The error bodies docs/azure-wire-facts.md describes, in full as the services send them. */
export const BODIES = {
  imdsIdentityNotFound: '{"error":"invalid_request","error_description":"Identity not found"}',
  imdsNoMetadataHeader:
    '{"error":"invalid_request","error_description":"Required metadata header not specified"}',
  imdsInvalidResource:
    '{"error":"invalid_resource","error_description":"AADSTS500011: The resource principal named https://nothing.example was not found in the tenant named T. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant."}',
  imdsBadApiVersion:
    '{"error":"Bad request. api-version is invalid or was not specified in the request. For more information refer to aka.ms/azureimds","newest-versions":["2021-02-01"]}',
  imdsTooMany: '{"error":"too_many_requests","error_description":"Too many requests"}',
  imdsUnknown:
    '{"error":"unknown","error_description":"Failed to retrieve token from the Active directory"}',
  imdsMultiple:
    '{"error":"invalid_request","error_description":"Multiple user assigned identities exist, please specify the clientId / resourceId of the identity in the token request"}',
  appServiceUnableToLoad:
    '{"statusCode":400,"message":"Unable to load the proper Managed Identity.","correlationId":"bf68136a-73f7-4ca4-9903-9ee8af3ab2ee"}',
  armWrongAudience:
    '{"error":{"code":"InvalidAuthenticationTokenAudience","message":"The access token has been obtained for wrong audience or resource \'https://vault.azure.net\'. It should exactly match with one of the allowed audiences \'https://management.core.windows.net/\',\'https://management.core.windows.net\',\'https://management.azure.com/\',\'https://management.azure.com\'."}}',
  armExpired:
    '{"error":{"code":"ExpiredAuthenticationToken","message":"The access token expiry UTC time \'11/26/2026 14:00:00\' is earlier than current UTC time \'11/26/2026 15:20:00\'."}}',
  armInvalid:
    '{"error":{"code":"InvalidAuthenticationToken","message":"The access token is invalid."}}',
  armForbidden: `{"error":{"code":"AuthorizationFailed","message":"The client '${SYSTEM_OID}' with object id '${SYSTEM_OID}' does not have authorization to perform action 'Microsoft.Resources/subscriptions/resourcegroups/read' over scope '/subscriptions/${SUB}' or the scope is invalid. If access was recently granted, please refresh your credentials."}}`,
  kvForbiddenRbac: `{"error":{"code":"Forbidden","message":"Caller is not authorized to perform action on resource.\\r\\nIf role assignments, deny assignments or role definitions were changed recently, please observe propagation time.\\r\\nCaller: appid=${SYSTEM_APPID};oid=${SYSTEM_OID};iss=https://sts.windows.net/${TID}/\\r\\nAction: 'Microsoft.KeyVault/vaults/secrets/readMetadata/action'\\r\\nResource: '/subscriptions/${SUB}/resourcegroups/rg-web/providers/microsoft.keyvault/vaults/kv-web/secrets'\\r\\nAssignment: (not found)\\r\\n","innererror":{"code":"ForbiddenByRbac"}}}`,
  kvForbiddenPolicy: `{"error":{"code":"Forbidden","message":"The user, group or application 'appid=${SYSTEM_APPID};oid=${SYSTEM_OID};iss=https://sts.windows.net/${TID}/' does not have secrets list permission on key vault 'kv-web;location=westeurope'. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125287","innererror":{"code":"AccessDenied"}}}`,
  kvFirewall:
    '{"error":{"code":"Forbidden","message":"Client address is not authorized and caller is not a trusted service.\\r\\nClient address: 10.0.0.4\\r\\nCaller: appid=x;oid=y\\r\\nVault: kv-web;location=westeurope","innererror":{"code":"ForbiddenByFirewall"}}}',
  kvWrongAudience:
    '{"error":{"code":"Unauthorized","message":"AKV10022: Invalid audience. Expected https://vault.azure.net, found: https://management.azure.com/."}}',
  armNotFound:
    '{"error":{"code":"SubscriptionNotFound","message":"The subscription \'0000\' could not be found."}}',
  storageMismatch:
    '<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthorizationPermissionMismatch</Code><Message>This request is not authorized to perform this operation using this permission.\nRequestId:abc\nTime:2026-11-26T15:20:00.0000000Z</Message></Error>',
  proxyHtml403:
    '<html><head><title>Access Denied</title></head><body><h1>Access Denied</h1><p>Your request was blocked by the corporate web proxy (Squid/5.7).</p></body></html>',
  proxy407:
    '<html><head><title>407 Proxy Authentication Required</title></head><body>Proxy Authentication Required</body></html>',
  proxy502:
    '<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>',
  proxyText503: 'Service Unavailable: upstream connect error via zscaler',
  runCommandConflict:
    '{"error":{"code":"Conflict","message":"Run command extension execution is in progress. Please wait for completion before invoking a run command."}}'
}
