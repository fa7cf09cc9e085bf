/**
 * The app's own SDK view (smoke endpoint handler): which identity does the app's credential
 * resolve to, and is it the one the run selected and the one the raw probe got? Catches "the app
 * picks the wrong client ID" (AZURE_CLIENT_ID unset or stale) even when the probe's explicit
 * selection works. A difference fails by default (input `sdk-identity`: `fail`, `warn` or `off`):
 * the platform works, but the app would call with an identity the smoke test never checked. Each
 * report names both identities, and its two-line fix the app setting to set or the `identity` input
 * that matches the app. An SDK that gets no token at all is a warning.
 */
import type { Observations, SdkObservation } from '../../contracts/observations'
import { describeIdentity } from '../../contracts/probe-request'
import type { ReportedClaims, SdkIdentityReport } from '../../contracts/report'
import { decodeClaims } from './claims'
import { matchIdentity } from './identity-match'
import type { DiagnosisPlan } from './plan'
import { excerpt } from './text'

type SdkPlan = Pick<DiagnosisPlan, 'identity' | 'expectedPrincipalId' | 'sdkIdentity'>

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

/** The client ID the run tested, when it is a user-assigned identity's. */
function testedClientId(plan: SdkPlan, probe: ReportedClaims | undefined): string | undefined {
  if (plan.identity.kind === 'client-id') return plan.identity.value
  const probeIsUserAssigned = probe?.xms_mirid !== undefined && USER_ASSIGNED.test(probe.xms_mirid)
  return probeIsUserAssigned ? probe?.appid : undefined
}

/** Whether the raw probe's token shows the run tested the workload's system-assigned identity. */
function testedSystemAssigned(plan: SdkPlan, probe: ReportedClaims | undefined): boolean {
  if (plan.identity.kind !== 'system' || probe === undefined) return false
  return !(probe.xms_mirid !== undefined && USER_ASSIGNED.test(probe.xms_mirid))
}

/**
 * The first line of a fix: the app setting that makes the app's SDK pick the identity the run
 * tested. Only an identity the raw probe showed exists is ever advised: with no token in the raw
 * probe either, the workload may have no identity at all, and the target's own failure says how to
 * give it one.
 */
function appSettingFix(
  plan: SdkPlan,
  sdk: SdkObservation,
  probe: ReportedClaims | undefined
): string {
  if (probe === undefined) {
    return "The raw probe got no token either: give the workload the identity first (the target's imds/token step says how), then run again"
  }
  if (testedSystemAssigned(plan, probe)) {
    return sdk.clientIdSetting
      ? `Make the app use the system-assigned identity the run tested: remove the app setting AZURE_CLIENT_ID (now ${sdk.clientIdSetting}), or construct the credential without a client ID, and restart the app`
      : 'Make the app use the system-assigned identity the run tested: construct the credential without a client ID (or managedIdentityClientId) and restart the app'
  }
  const clientId = testedClientId(plan, probe)
  return clientId
    ? `Make the app use the identity the run tested: set the app setting AZURE_CLIENT_ID=${clientId} (the SDK's credentials read it) and restart the app`
    : 'Make the app use the identity the run tested: set the app setting AZURE_CLIENT_ID to its client ID (or pass managedIdentityClientId in code) and restart the app'
}

/** The second line: if the app's identity is the one meant, test that one instead. */
function identityInputFix(claims: ReportedClaims): string {
  const userAssigned = claims.xms_mirid !== undefined && USER_ASSIGNED.test(claims.xms_mirid)
  const value = userAssigned || claims.xms_mirid === undefined ? claims.appid : 'system'
  return value
    ? `Or, if the app's identity is the one meant, test that one: set the input identity: ${value}`
    : "Or, if the app's identity is the one meant, set the input identity to its client ID"
}

/** One credential the handler asked, judged against the selection and the raw probe's token. */
export function sdkIdentity(
  sdk: SdkObservation,
  plan: SdkPlan,
  probeClaims: ReportedClaims | undefined
): SdkIdentityReport {
  const policy = plan.sdkIdentity ?? 'fail'
  const base = {
    credential: sdk.credential,
    ...(sdk.clientIdSetting !== undefined ? { clientIdSetting: sdk.clientIdSetting } : {})
  }
  const setting = sdk.clientIdSetting
    ? `AZURE_CLIENT_ID=${sdk.clientIdSetting}`
    : 'AZURE_CLIENT_ID unset'
  // `off`: reported for the record, never judged.
  const degraded = policy === 'off' ? 'skip' : 'warn'
  if (sdk.error !== undefined || sdk.claims === undefined) {
    return {
      ...base,
      status: degraded,
      detail: `${sdk.credential} (${setting}) got no token in the app: ${excerpt(sdk.error ?? 'no error given', 300)}. The app's own calls would fail the same way`,
      remediation: appSettingFix(plan, sdk, probeClaims)
    }
  }
  const decoded = decodeClaims(sdk.claims)
  if (!decoded.ok) {
    return {
      ...base,
      status: degraded,
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
      status: policy === 'off' ? 'skip' : policy,
      detail: `${sdk.credential} (${setting}) resolves to ${who(claims)}, another identity than the one tested: ${differences.join('; ')}`,
      remediation: `${appSettingFix(plan, sdk, probeClaims)}\n${identityInputFix(claims)}`
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
