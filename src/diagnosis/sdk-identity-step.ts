/**
 * The app's own SDK view (smoke endpoint handler): which identity does the app's credential
 * resolve to, and is it the one the run selected and the one the raw probe got? Catches "the app
 * picks the wrong client ID" (AZURE_CLIENT_ID unset or stale) even when the probe's explicit
 * selection works. A difference is a warning: the platform works, the app's configuration would
 * still call with another identity. Each report names both identities and the setting that fixes it.
 */
import type { Observations, SdkObservation } from '../observations'
import { describeIdentity } from '../probe-request'
import type { ReportedClaims, SdkIdentityReport } from '../report/report-types'
import { decodeClaims } from './claims'
import { matchIdentity } from './identity-match'
import type { DiagnosisPlan } from './plan'
import { oneLine } from './text'

type SdkPlan = Pick<DiagnosisPlan, 'identity' | 'expectedPrincipalId'>

const USER_ASSIGNED = /\/providers\/microsoft\.managedidentity\/userassignedidentities\//i

function sameId(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase()
}

/** `client ID X, object ID Y, user-assigned /subscriptions/...` as far as the claims tell. */
function who(claims: ReportedClaims): string {
  const parts = [`client ID ${claims.appid ?? '?'}`, `object ID ${claims.oid ?? '?'}`]
  if (claims.xms_mirid) {
    parts.push(
      USER_ASSIGNED.test(claims.xms_mirid) ? `user-assigned ${claims.xms_mirid}` : 'system-assigned'
    )
  }
  return parts.join(', ')
}

/** The setting that makes the app's SDK pick the identity the run selected. */
function remediation(
  plan: SdkPlan,
  sdk: SdkObservation,
  probe: ReportedClaims | undefined
): string {
  const probeIsUserAssigned = probe?.xms_mirid !== undefined && USER_ASSIGNED.test(probe.xms_mirid)
  if (plan.identity.kind === 'system' && !probeIsUserAssigned) {
    return sdk.clientIdSetting
      ? `Remove the app setting AZURE_CLIENT_ID (${sdk.clientIdSetting}), or construct the credential without a client ID, so that the app uses its system-assigned identity.`
      : 'Construct the credential without a client ID (or managedIdentityClientId) so that the app uses its system-assigned identity.'
  }
  const clientId = plan.identity.kind === 'client-id' ? plan.identity.value : probe?.appid
  if (clientId) {
    return `Set the app setting AZURE_CLIENT_ID=${clientId} (DefaultAzureCredential and ManagedIdentityCredential read it), or pass managedIdentityClientId / clientId '${clientId}' to the credential in code.`
  }
  return 'Set the app setting AZURE_CLIENT_ID to the client ID of the identity the app should use (or pass managedIdentityClientId / clientId to the credential in code).'
}

/** One credential the handler asked, judged against the selection and the raw probe's token. */
export function sdkIdentity(
  sdk: SdkObservation,
  plan: SdkPlan,
  probeClaims: ReportedClaims | undefined
): SdkIdentityReport {
  const base = {
    credential: sdk.credential,
    ...(sdk.clientIdSetting !== undefined ? { clientIdSetting: sdk.clientIdSetting } : {})
  }
  const setting = sdk.clientIdSetting
    ? `AZURE_CLIENT_ID=${sdk.clientIdSetting}`
    : 'AZURE_CLIENT_ID unset'
  if (sdk.error !== undefined || sdk.claims === undefined) {
    return {
      ...base,
      status: 'warn',
      detail: `${sdk.credential} (${setting}) got no token in the app: ${oneLine(sdk.error ?? 'no error given', 300)}. The app's own calls would fail the same way. ${remediation(plan, sdk, probeClaims)}`
    }
  }
  const decoded = decodeClaims(sdk.claims)
  if (!decoded.ok) {
    return {
      ...base,
      status: 'warn',
      detail: `${sdk.credential} (${setting}) got a token whose claims cannot be read: ${decoded.problem}`
    }
  }
  const claims = decoded.claims
  const differences: string[] = []
  for (const mismatch of matchIdentity(plan.identity, plan.expectedPrincipalId, claims)) {
    // Only a claim that names another identity is a difference; a missing claim proves nothing.
    if (mismatch.actual !== undefined) {
      differences.push(`${describeIdentity(plan.identity)} was selected (${mismatch.text})`)
    }
  }
  const probeDiffers =
    probeClaims !== undefined &&
    ((probeClaims.oid !== undefined &&
      claims.oid !== undefined &&
      !sameId(probeClaims.oid, claims.oid)) ||
      (probeClaims.appid !== undefined &&
        claims.appid !== undefined &&
        !sameId(probeClaims.appid, claims.appid)))
  if (probeDiffers) differences.push(`the raw probe's token belongs to ${who(probeClaims)}`)
  if (differences.length > 0) {
    return {
      ...base,
      claims,
      status: 'warn',
      detail: `${sdk.credential} (${setting}) resolves to ${who(claims)}, another identity: ${differences.join('; ')}. ${remediation(plan, sdk, probeClaims)}`
    }
  }
  return {
    ...base,
    claims,
    status: 'pass',
    detail: `${sdk.credential} (${setting}) resolves to ${who(claims)}, the identity the run tested`
  }
}

/** Every credential the handler asked, against the raw probe's first readable token. */
export function judgeSdkIdentity(observations: Observations, plan: SdkPlan): SdkIdentityReport[] {
  let probeClaims: ReportedClaims | undefined
  for (const token of observations.tokens) {
    const decoded = decodeClaims(token.claims)
    if (decoded.ok) {
      probeClaims = decoded.claims
      break
    }
  }
  return (observations.sdk ?? []).map(sdk => sdkIdentity(sdk, plan, probeClaims))
}
