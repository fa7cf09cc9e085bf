/**
 * When is a token's `aud` (or a requested `resource=`) right for a service?
 *
 * Azure compares audiences as strings, but each service accepts a small set of them: ARM takes its
 * host with or without the trailing slash and its legacy `management.core.*` name (PROTOCOLS.md,
 * the list in its 401 body); v2 tokens carry the resource's application ID (a GUID) instead of a URL.
 * This module knows just that; which host expects which audience is the input side's table
 * (`Check.expectedAudience`).
 */

/** Application IDs of first-party resources, as they appear in `aud` of v2 tokens. */
const APP_ID_AUDIENCES: Record<string, string> = {
  '797f4846-ba00-4fd7-ba43-dac1f8f63013': 'https://management.azure.com',
  'cfa8b339-82a2-471a-a3c9-0fc0be7a4093': 'https://vault.azure.net',
  'e406a681-f3d4-42a8-90b6-c2b029497af1': 'https://storage.azure.com',
  '00000003-0000-0000-c000-000000000000': 'https://graph.microsoft.com',
  '022907d3-0f1b-48f7-badc-1ba6abab6d66': 'https://database.windows.net',
  '80369ed6-5f11-4dd9-bef3-692475845e77': 'https://servicebus.azure.net'
}

/** Audiences one service treats as the same (after normalisation). */
const EQUIVALENT: string[][] = [
  ['https://management.azure.com', 'https://management.core.windows.net'],
  ['https://management.usgovcloudapi.net', 'https://management.core.usgovcloudapi.net'],
  ['https://management.chinacloudapi.cn', 'https://management.core.chinacloudapi.cn'],
  ['https://servicebus.azure.net', 'https://eventhubs.azure.net']
]

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Lower-cased, without `/.default` (a v2 scope written as a resource) and without trailing slashes:
 * the form two audiences are compared in.
 */
export function normaliseAudience(audience: string): string {
  let a = audience.trim().toLowerCase()
  if (a.endsWith('/.default')) a = a.slice(0, -'/.default'.length)
  while (a.endsWith('/')) a = a.slice(0, -1)
  return APP_ID_AUDIENCES[a] ?? a
}

/** True when a token for `audience` is accepted where `expected` is required. */
export function audienceAccepted(audience: string, expected: string): boolean {
  const a = normaliseAudience(audience)
  const e = normaliseAudience(expected)
  if (a === e) return true
  return EQUIVALENT.some(group => group.includes(a) && group.includes(e))
}

/**
 * Judges a token's `aud` claim against the resource it was requested for. `unknown` when `aud` is
 * an application ID this module does not know: it may well be the resource's, so no verdict.
 */
export function audienceMatchesRequest(
  aud: string,
  requested: string
): 'match' | 'mismatch' | 'unknown' {
  if (audienceAccepted(aud, requested)) return 'match'
  const normalised = normaliseAudience(aud)
  if (GUID.test(normalised)) return 'unknown'
  return 'mismatch'
}
