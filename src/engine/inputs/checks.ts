/**
 * Input `checks`: one API call a line, `URL [resource=AUDIENCE] [expect=STATUS[,STATUS...]]`.
 *
 * `{subscriptionId}` and `{resourceGroup}` may appear in the path or query (they expand on the
 * workload from its instance metadata), never in the host: the host decides where the token goes,
 * so it must be fixed before anything runs. Without `resource=`, the audience comes from the table
 * of Azure services (src/azure/services.ts); a host outside the table needs an explicit one.
 */
import { audienceAccepted, serviceForHost } from '../../azure/services'
import { InputError, type Check } from './action-inputs'
import { audienceProblem } from './audience-value'
import { inputLines } from './input-lines'
import { quoteValue } from './quote-value'
import { canonicalUrl, parseSecureUrl, redactUserinfo } from './url-rules'
import { MAX_CHECKS } from '../../contracts/probe-request'

const INPUT = 'checks'

/** The contract's default: list the resource groups of the workload's subscription through ARM. */
export const DEFAULT_CHECK_LINE =
  'https://management.azure.com/subscriptions/{subscriptionId}/resourcegroups?api-version=2021-04-01'
const KEY_VAULT_EXAMPLE = 'https://my-vault.vault.azure.net/secrets?api-version=7.4'
const CUSTOM_EXAMPLE = 'https://api.example.com/health resource=api://my-api expect=200'

export const PLACEHOLDERS = ['{subscriptionId}', '{resourceGroup}'] as const

const STATUS = /^\d{3}$/
const HTTP_METHODS = new Set(['get', 'head', 'post', 'put', 'patch', 'delete', 'options'])

function fail(line: number, problem: string, example = DEFAULT_CHECK_LINE): never {
  throw new InputError(INPUT, `line ${line}: ${problem}`, example)
}

/** The authority (host and port) of an absolute URL as written, before any parsing. */
function writtenAuthority(text: string): string {
  const afterScheme = text.slice(text.indexOf('://') + 3)
  const end = afterScheme.search(/[/?#]/)
  return end === -1 ? afterScheme : afterScheme.slice(0, end)
}

/** Checks the placeholders of a URL as written; throws on the first problem. */
function checkPlaceholders(lineNo: number, url: string): void {
  const shown = quoteValue(redactUserinfo(url))
  if (url.includes('://') && /[{}$<>]/.test(writtenAuthority(url))) {
    fail(
      lineNo,
      `${shown} has a placeholder in its host; {subscriptionId} and {resourceGroup} are only allowed in the path or query, so that the host a token goes to is fixed`
    )
  }
  if (url.includes('${')) {
    fail(lineNo, `${shown} uses \${...}; write placeholders without the $, e.g. {subscriptionId}`)
  }
  const angle = /<[^<>]*>/.exec(url)
  if (angle !== null) {
    fail(
      lineNo,
      `${shown} holds ${quoteValue(angle[0])}; write {subscriptionId} or {resourceGroup}, or the actual value`
    )
  }
  let index = 0
  while (index < url.length) {
    const open = url.indexOf('{', index)
    const close = url.indexOf('}', index)
    if (open === -1 && close === -1) return
    if (open === -1 || (close !== -1 && close < open)) {
      fail(lineNo, `${shown} has a } without a matching {`)
    }
    const end = url.indexOf('}', open)
    const nextOpen = url.indexOf('{', open + 1)
    if (end === -1 || (nextOpen !== -1 && nextOpen < end)) {
      fail(lineNo, `${shown} has a { without a matching }`)
    }
    const placeholder = url.slice(open, end + 1)
    if (!(PLACEHOLDERS as readonly string[]).includes(placeholder)) {
      const near = PLACEHOLDERS.find(p => p.toLowerCase() === placeholder.toLowerCase())
      const hint =
        near === undefined
          ? 'the placeholders are {subscriptionId} and {resourceGroup}'
          : `did you mean ${near}?`
      fail(lineNo, `${shown} has an unknown placeholder ${quoteValue(placeholder)}; ${hint}`)
    }
    index = end + 1
  }
}

function parseExpect(lineNo: number, value: string): number[] {
  if (value === '')
    fail(lineNo, 'expect= is empty; give one or more HTTP statuses, e.g. expect=200,404')
  const statuses: number[] = []
  for (const part of value.split(',')) {
    const text = part.trim()
    if (/^[1-5]xx$/i.test(text)) {
      fail(
        lineNo,
        `expect=${value}: ${quoteValue(text)} is a class; list exact statuses (leave expect= out for any 2xx)`,
        `${DEFAULT_CHECK_LINE} expect=200,204`
      )
    }
    const status = STATUS.test(text) ? Number(text) : NaN
    if (!(status >= 100 && status <= 599)) {
      fail(
        lineNo,
        `expect=${value}: ${quoteValue(text)} is not an HTTP status from 100 to 599`,
        `${DEFAULT_CHECK_LINE} expect=200,204`
      )
    }
    if (!statuses.includes(status)) statuses.push(status)
  }
  return statuses
}

const RESOURCE_SYNONYMS = new Set(['audience', 'aud', 'scope', 'scopes', 'resource_id', 'res'])
const EXPECT_SYNONYMS = new Set(['status', 'statuses', 'expected', 'code', 'codes'])

function parseCheckLine(lineNo: number, text: string): Check {
  const [url = '', ...words] = text.split(/\s+/)
  if (HTTP_METHODS.has(url.toLowerCase())) {
    fail(
      lineNo,
      `${quoteValue(text)} starts with ${url}; write the URL alone (checks are GET requests)`
    )
  }
  if (/^[a-z_-]+=/i.test(url)) {
    fail(lineNo, `${quoteValue(text)} does not start with a URL; the URL comes first`)
  }
  checkPlaceholders(lineNo, url)
  const parsed = parseSecureUrl(url)
  if (!parsed.ok) fail(lineNo, parsed.problem)

  let resource: string | undefined
  let expect: number[] | undefined
  for (const word of words) {
    const eq = word.indexOf('=')
    const key = (eq === -1 ? word : word.slice(0, eq)).toLowerCase()
    const value = eq === -1 ? '' : word.slice(eq + 1)
    if (key === 'resource' && eq !== -1) {
      if (resource !== undefined)
        fail(lineNo, 'resource= appears twice; give one audience per check')
      const problem = audienceProblem(value)
      if (problem !== undefined) {
        fail(
          lineNo,
          `resource= ${problem}`,
          `${KEY_VAULT_EXAMPLE} resource=https://vault.azure.net`
        )
      }
      resource = value
    } else if (key === 'expect' && eq !== -1) {
      if (expect !== undefined)
        fail(lineNo, 'expect= appears twice; list all statuses in one, e.g. expect=200,404')
      expect = parseExpect(lineNo, value)
    } else if (RESOURCE_SYNONYMS.has(key)) {
      fail(
        lineNo,
        `${quoteValue(word)}: the audience is given as resource=AUDIENCE`,
        CUSTOM_EXAMPLE
      )
    } else if (EXPECT_SYNONYMS.has(key)) {
      fail(
        lineNo,
        `${quoteValue(word)}: expected statuses are given as expect=STATUS[,STATUS...]`,
        CUSTOM_EXAMPLE
      )
    } else {
      fail(
        lineNo,
        `${quoteValue(word)} is not understood; a check is URL [resource=AUDIENCE] [expect=STATUS[,STATUS...]] (encode spaces in the URL as %20)`,
        CUSTOM_EXAMPLE
      )
    }
  }

  const entry = serviceForHost(parsed.url.hostname)
  if (resource === undefined && entry === undefined) {
    fail(
      lineNo,
      `the host ${quoteValue(parsed.url.hostname)} is not an Azure service this action knows; add resource=<the API's audience>`,
      CUSTOM_EXAMPLE
    )
  }
  const check: Check = {
    line: text,
    // The parser's serialisation, not the text: what every client on the workload reads alike.
    url: canonicalUrl(parsed.url),
    resource: resource ?? entry!.audience,
    resourceFrom: resource === undefined ? 'host-table' : 'explicit',
    expect: expect ?? []
  }
  if (entry !== undefined) {
    check.expectedAudience = entry.audience
    if (!audienceAccepted(check.resource, entry)) check.audienceMismatch = true
  }
  return check
}

/** Parses the `checks` input. An empty value means the contract's default ARM check. */
export function parseChecks(value: string): Check[] {
  const source = value.trim() === '' ? DEFAULT_CHECK_LINE : value
  const lines = inputLines(source)
  if (lines.length === 0) {
    throw new InputError(
      INPUT,
      'has only comments and blank lines; give at least one check',
      DEFAULT_CHECK_LINE
    )
  }
  if (lines.length > MAX_CHECKS) {
    throw new InputError(
      INPUT,
      `has ${lines.length} checks; at most ${MAX_CHECKS} are allowed (one per API the workload depends on)`,
      DEFAULT_CHECK_LINE
    )
  }
  const checks: Check[] = []
  const seen = new Map<string, number>()
  for (const { number, text } of lines) {
    const check = parseCheckLine(number, text)
    if (text === DEFAULT_CHECK_LINE) check.followsWorkload = true
    const key = `${check.url} ${check.resource}`
    const earlier = seen.get(key)
    if (earlier !== undefined) {
      fail(
        number,
        `${quoteValue(check.url)} with the same audience repeats line ${earlier}; list each check once`
      )
    }
    seen.set(key, number)
    checks.push(check)
  }
  return checks
}
