/**
 * An audience a user writes (`resource=` of a check, input `endpoint-audience`): the resource a
 * token is requested for. An absolute `https://` URL (`https://vault.azure.net`) or an application
 * ID URI `api://...`. The usual mistakes (a scope with `/.default`, an application's GUID, plain
 * http) are named so the fix is obvious.
 */
import { GUID } from '../../azure/resource-id'
import { quoteValue } from './quote-value'
import { redactUserinfo } from './url-rules'

const MAX_AUDIENCE = 512

/** C0 controls and DEL (checked by code point: a regex of control characters reads badly). */
export function hasControlCharacter(text: string, allowTab = false): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if ((code < 0x20 && !(allowTab && code === 0x09)) || code === 0x7f) return true
  }
  return false
}

/** What is wrong with `text` as an audience, or undefined when it is fine. */
export function audienceProblem(text: string): string | undefined {
  const shown = quoteValue(redactUserinfo(text))
  if (text === '') return 'is empty; give the API audience'
  if (text.length > MAX_AUDIENCE) return `is longer than ${MAX_AUDIENCE} characters`
  if (/\s/.test(text) || hasControlCharacter(text))
    return `${shown} contains spaces or control characters`
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
