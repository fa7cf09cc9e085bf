/**
 * An audience a user writes (`resource=` of a check, input `endpoint-audience`): the resource a
 * token is requested for. An absolute `https://` URL (`https://vault.azure.net`) or an application
 * ID URI `api://...`. The usual mistakes (a scope with `/.default`, an application's GUID, plain
 * http) are named so the fix is obvious.
 */
import { GUID } from '../../common/guid'
import { sharedServiceOfAudience } from '../../azure/services'
import { hasControlCharacter } from '../../common/control-characters'
import { quoteValue } from './quote-value'
import { redactUserinfo } from './url-rules'

const MAX_AUDIENCE = 512

/** What is wrong with `text` as an audience, or undefined when it is fine. */
export function audienceProblem(text: string): string | undefined {
  const shown = quoteValue(redactUserinfo(text))
  if (text === '') return 'is empty; give the API audience'
  if (text.length > MAX_AUDIENCE) return `is longer than ${MAX_AUDIENCE} characters`
  if (/\s/.test(text) || hasControlCharacter(text))
    return `${shown} contains spaces, control or invisible characters`
  if (/\/\.default$/i.test(text)) {
    return `${shown} is a scope, not an audience; drop /.default (write ${quoteValue(text.slice(0, -'/.default'.length))})`
  }
  if (GUID.test(text)) {
    return `${shown} is an application ID; give the API's application ID URI instead (https://... or api://...)`
  }
  const lower = text.toLowerCase()
  if (lower.startsWith('api://')) {
    return text.length > 'api://'.length ? undefined : `${shown} has nothing after api://`
  }
  if (lower.startsWith('http://'))
    return `${shown} uses http://; audiences are https:// URLs or api://`
  if (!lower.startsWith('https://')) return `${shown} is not an https:// URL or an api:// URI`
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return `${shown} is not a valid URL`
  }
  if (url.hostname === '') return `${shown} has no host`
  if (url.username !== '' || url.password !== '') return `${shown} has credentials in it`
  if (url.search !== '' || url.hash !== '' || text.includes('?') || text.includes('#')) {
    return `${shown} has a query or fragment; an audience is a plain URL such as https://vault.azure.net`
  }
  return undefined
}

/**
 * What is wrong with `text` as `endpoint-audience`, or undefined when it is fine. The runner sends
 * this token to the target, which the workload controls: it must be good for the app registration
 * in front of the app only, so an audience of a shared Azure service (any row of the service
 * table, any cloud, any spelling) is refused. An app registration's client ID is accepted.
 */
export function endpointAudienceProblem(text: string): string | undefined {
  const shared = sharedServiceOfAudience(text)
  if (shared !== undefined) {
    return `${quoteValue(redactUserinfo(text))} is an audience of ${shared.name}, a shared Azure service: a token for it works against everything the CI principal may touch, and the runner sends it to the target, which the workload controls. Give the App ID URI (api://<app-id>) or client ID of the app registration App Service authentication uses`
  }
  if (GUID.test(text)) return undefined
  return audienceProblem(text)
}
