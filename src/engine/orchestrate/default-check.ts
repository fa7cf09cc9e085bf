/**
 * The default check follows the workload. It is written for public-cloud ARM and the workload's
 * subscription; after the first probe the workload has said where it is, and when that is
 * another cloud (IMDS `azEnvironment`, App Service's host name) or its subscription is unknown
 * (Container Apps, AKS and App Service without WEBSITE_OWNER_NAME report none), the check becomes:
 * - the same call on that cloud's ARM host, with that cloud's ARM audience;
 * - without a subscription: list the subscriptions the identity can see
 *   (`GET /subscriptions?api-version=2022-12-01`), which ARM answers 200 to any token it accepts
 *   (an empty list when the identity holds no role), so the check still proves the token works
 *   against ARM and never ends in `bad-input` after the probe ran.
 * The runner then probes once more with the adapted check (one mechanism for every probe: the sh
 * and PowerShell probes need not know the clouds), and the api step says what was adapted.
 */
import { cloudOfEnvironment, serviceHost } from '../../azure/services'
import type { Check } from '../inputs/action-inputs'
import { parseChecks } from '../inputs/checks'
import type { Observations } from '../../contracts/observations'
import { GUID } from '../../common/guid'

export const LIST_SUBSCRIPTIONS_PATH = '/subscriptions?api-version=2022-12-01'
export const LIST_RESOURCE_GROUPS_PATH =
  '/subscriptions/{subscriptionId}/resourcegroups?api-version=2021-04-01'

/** The checks with the default one adapted to the workload, or undefined when it fits already. */
export function adaptDefaultCheck(
  checks: Check[],
  observations: Observations
): Check[] | undefined {
  const index = checks.findIndex(check => check.followsWorkload)
  if (index < 0) return undefined
  const current = checks[index] as Check
  const environment = observations.meta?.azEnvironment
  const cloud = cloudOfEnvironment(environment)
  const host = serviceHost('arm', cloud ?? 'public')
  if (host === undefined) return undefined
  const subscription = observations.meta?.subscriptionId
  const knownSubscription = subscription !== undefined && GUID.test(subscription)
  // Only what the workload said is followed: a probe that got no token (IMDS silent...) or
  // called the check as it was in the right cloud is judged as it is.
  const otherCloud = cloud !== undefined && cloud !== 'public'
  const notCalled = observations.apis.find(api => api.check === index)?.notCalled ?? ''
  if (!otherCloud && !notCalled.includes('{subscriptionId}')) return undefined
  const url = `https://${host}${knownSubscription ? LIST_RESOURCE_GROUPS_PATH : LIST_SUBSCRIPTIONS_PATH}`
  if (url === current.url) return undefined
  const [adapted] = parseChecks(url)
  if (adapted === undefined) return undefined
  const why = [
    otherCloud ? `the workload's cloud ${environment}` : undefined,
    knownSubscription
      ? undefined
      : 'no subscription known to the workload: lists the subscriptions its identity can see'
  ].filter(Boolean)
  const note = `default check adapted to the workload (${why.join('; ')})`
  const { followsWorkload: _done, ...rest } = adapted
  return checks.map((check, i) => (i === index ? { ...rest, note } : check))
}
