/**
 * Reads the body of an error answer: which kind of thing answered (an Azure service, an OAuth
 * endpoint, App Service's identity endpoint, Storage, or something else such as a proxy's page)
 * and the error code and message it gave.
 *
 * Bodies arrive cut to a few hundred characters (BODY_LIMIT), so a long Key Vault message is often
 * not valid JSON any more; the fields are then picked out of the text instead.
 */

export type BodyKind =
  /** `{"error":{"code","message","innererror"}}`: ARM, Key Vault, most Azure data planes. */
  | 'azure'
  /** `{"error":"...","error_description":"..."}` (or `error` alone): IMDS and Entra ID. */
  | 'oauth'
  /** `{"statusCode":400,"message":"..."}`: the App Service / Functions identity endpoint. */
  | 'app-service'
  /** `<Error><Code>...</Code><Message>...`: Azure Storage (and Service Bus's `<Error><Code><Detail>`). */
  | 'storage'
  /** JSON of another shape. */
  | 'json'
  /** An HTML page: not an Azure API; typically a proxy, a captive portal or a WAF. */
  | 'html'
  | 'text'
  | 'empty'

export interface ErrorBody {
  kind: BodyKind
  code?: string
  message?: string
  /** `error.innererror.code` (Key Vault: `ForbiddenByRbac`, `AccessDenied`, `ForbiddenByFirewall`). */
  innerCode?: string
  /**
   * The reason some services give beside the message: Storage's `AuthenticationErrorDetail`,
   * Service Bus's `<Detail>`.
   */
  detail?: string
}

/** Kinds that prove an Azure service (not a proxy in between) produced the answer. */
export function isAzureBody(body: ErrorBody): boolean {
  return (
    body.kind === 'azure' ||
    body.kind === 'oauth' ||
    body.kind === 'app-service' ||
    body.kind === 'storage'
  )
}

const PROXY_WORDS =
  /\b(proxy|squid|zscaler|bluecoat|blue coat|fortinet|fortigate|forcepoint|websense|palo alto|checkpoint|mcafee web gateway|netskope|access denied by policy|blocked by|web filter|url filtering|firewall)\b/i

/** True when the text of an answer names a proxy, filter or firewall product. */
export function mentionsProxy(text: string | undefined): boolean {
  return text !== undefined && PROXY_WORDS.test(text)
}

export function parseErrorBody(raw: string | undefined): ErrorBody {
  const text = (raw ?? '').trim()
  if (text === '') return { kind: 'empty' }
  if (text.startsWith('{')) return parseJson(text)
  if (text.startsWith('<')) return parseMarkup(text)
  return { kind: 'text', message: text }
}

function parseJson(text: string): ErrorBody {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return parseCutJson(text)
  }
  if (!isRecord(parsed)) return { kind: 'json' }
  const error = parsed['error']
  if (isRecord(error)) {
    const inner = error['innererror']
    // Data Explorer puts the specific reason in `@message` ("Principal ... is not authorized to
    // read database ...") beside a generic `message`.
    const specific = str(error['@message'])
    return {
      kind: 'azure',
      code: str(error['code']),
      message: str(error['message']),
      innerCode: isRecord(inner) ? str(inner['code']) : undefined,
      ...(specific !== undefined ? { detail: specific } : {})
    }
  }
  if (typeof error === 'string') {
    return { kind: 'oauth', code: error, message: str(parsed['error_description']) ?? error }
  }
  if (typeof parsed['statusCode'] === 'number' || typeof parsed['statusCode'] === 'string') {
    return { kind: 'app-service', message: str(parsed['message']) }
  }
  // Container Registry (the registry API's `{"errors":[{"code","message"}]}`) and Cosmos DB's
  // gateway (`{"Errors":["..."]}`).
  const errors = parsed['errors'] ?? parsed['Errors']
  if (Array.isArray(errors) && errors.length > 0) {
    const first: unknown = errors[0]
    if (typeof first === 'string') return { kind: 'json', message: first }
    if (isRecord(first))
      return { kind: 'json', code: str(first['code']), message: str(first['message']) }
  }
  const code = str(parsed['code']) ?? str(parsed['Code'])
  const message = str(parsed['message']) ?? str(parsed['Message'])
  return { kind: 'json', code, message }
}

/** A JSON body cut in the middle: pick the fields out of the text. */
function parseCutJson(text: string): ErrorBody {
  const code = /"code"\s*:\s*"([^"]*)"/.exec(text)?.[1]
  const message = unescapeJson(/"message"\s*:\s*"((?:[^"\\]|\\.)*)/.exec(text)?.[1])
  const innerCode = /"innererror"\s*:\s*\{\s*"code"\s*:\s*"([^"]*)"/.exec(text)?.[1]
  if (/^\{\s*"error"\s*:\s*\{/.test(text)) return { kind: 'azure', code, message, innerCode }
  const oauth = /^\{\s*"error"\s*:\s*"([^"]*)"/.exec(text)
  if (oauth) {
    const description = unescapeJson(/"error_description"\s*:\s*"((?:[^"\\]|\\.)*)/.exec(text)?.[1])
    return { kind: 'oauth', code: oauth[1], message: description ?? oauth[1] }
  }
  if (/"statusCode"\s*:/.test(text)) return { kind: 'app-service', message }
  return { kind: 'json', code, message }
}

function parseMarkup(text: string): ErrorBody {
  // Storage: <Code>, Service Bus / Event Hubs: <Code> or <ErrorCode> with a <Detail>.
  const code = /<(?:Error)?Code>([^<]*)<\/(?:Error)?Code>/i.exec(text)?.[1]
  if (code !== undefined && /<Error>/i.test(text)) {
    const message = /<Message>([^<]*)/i.exec(text)?.[1]?.trim()
    const detail = (
      /<AuthenticationErrorDetail>([^<]*)/i.exec(text)?.[1] ?? /<Detail>([^<]*)/i.exec(text)?.[1]
    )
      ?.replace(/\s+/g, ' ')
      .trim()
    return {
      kind: 'storage',
      code,
      message: message ?? detail,
      ...(detail !== undefined ? { detail } : {})
    }
  }
  const title = elementText(text, 'title')
  const h1 = elementText(text, 'h1')
  return { kind: 'html', message: title || h1 || undefined }
}

/**
 * The text of the first `<name ...>` element, found with indexOf: `/<title[^>]*>/` rescans to the
 * end of the body from every `<title` that has no `>`, quadratic on a page an API or proxy sent.
 */
function elementText(text: string, name: string): string | undefined {
  const lower = text.toLowerCase()
  const at = lower.length === text.length ? lower.indexOf(`<${name}`) : -1
  if (at === -1) return undefined
  const open = text.indexOf('>', at)
  if (open === -1) return undefined
  const close = text.indexOf('<', open + 1)
  return text.slice(open + 1, close === -1 ? undefined : close).trim()
}

function unescapeJson(s: string | undefined): string | undefined {
  if (s === undefined) return undefined
  try {
    return JSON.parse(`"${s.replace(/\\$/, '')}"`) as string
  } catch {
    return s.replace(/\\r\\n|\\n|\\r/g, ' ')
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined
}
