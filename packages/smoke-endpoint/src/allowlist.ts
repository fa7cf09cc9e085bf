/**
 * Where the smoke endpoint handler may send a token: the rule that stops a caller (even one holding
 * the key) from making the workload hand its token to a host of the caller's choosing.
 *
 * A check passes only when its URL is https to a host in the allowlist and the token it asks for
 * is for an audience that host accepts. By default the allowlist is the Azure service hosts table
 * (`src/azure/services.ts`): a token for Key Vault may go to `*.vault.azure.net` and nowhere else.
 * Extra rules name exact hosts (with port, if any) and the audiences they accept; only an extra rule
 * may allow plain http, and only to a loopback address (tests and emulators).
 */
import { audienceAccepted, serviceForHost } from '../../../src/azure/services'
import { isLoopbackHost } from '../../../src/common/url/loopback'
import type { ProbeCheck } from '../../../src/contracts/probe-request'
import { hostRewrite, urlAmbiguity } from '../../../src/common/url/url-ambiguity'
import type { AllowlistOptions } from './public'

export type AllowDecision = { allowed: true } | { allowed: false; reason: string }

/** Decides one check. Pure: no request, no DNS. */
export type Allowlist = (check: ProbeCheck) => AllowDecision

function refuse(reason: string): AllowDecision {
  return { allowed: false, reason }
}

export function createAllowlist(options: AllowlistOptions = {}): Allowlist {
  const rules = (options.extraRules ?? []).map(rule => {
    const host = rule.host.toLowerCase()
    const hostname = new URL(`http://${host}`).hostname
    if (rule.allowHttp && !isLoopbackHost(hostname)) {
      throw new Error(
        `allowlist rule for ${rule.host}: plain http is only allowed to a loopback address`
      )
    }
    return { ...rule, host }
  })
  const useAzureTable = options.azureHosts !== false

  return check => {
    // Placeholders are expanded on the workload after this decision: none may sit in the authority,
    // or the host that is checked here would not be the host that is called.
    const authority = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(check.url)?.[1]
    if (authority === undefined) return refuse(`'${check.url}' is not an absolute URL`)
    if (/[{}@%\\]/.test(authority)) {
      return refuse(
        `the host part of '${check.url}' may not hold placeholders, user info or escapes`
      )
    }
    // The runner refused these already; a request from elsewhere is refused the same way, so the
    // host checked here is the host every client would connect to.
    const ambiguity = urlAmbiguity(check.url)
    if (ambiguity !== undefined) return refuse(`the check URL ${ambiguity}`)
    let url: URL
    try {
      url = new URL(check.url)
    } catch {
      return refuse(`'${check.url}' is not a valid URL`)
    }
    const rewritten = hostRewrite(check.url, url)
    if (rewritten !== undefined) return refuse(`the check URL ${rewritten}`)
    const host = url.host.toLowerCase()
    const rule = rules.find(r => r.host === host)
    if (rule) {
      if (url.protocol !== 'https:' && !(url.protocol === 'http:' && rule.allowHttp)) {
        return refuse(`${url.protocol}// to ${host} is not allowed; only https`)
      }
      if (!rule.audiences.includes(check.resource)) {
        return refuse(
          `host ${host} accepts tokens for ${rule.audiences.join(', ')}, not for ${check.resource}`
        )
      }
      return { allowed: true }
    }
    if (url.protocol !== 'https:') {
      return refuse(`${url.protocol}// to ${host} is not allowed; a token only travels over https`)
    }
    if (!useAzureTable || url.port !== '') {
      return refuse(`host ${host} is not in this endpoint's allowlist`)
    }
    const service = serviceForHost(url.hostname)
    if (service === undefined) {
      return refuse(
        `host ${url.hostname} is not an Azure service host of this endpoint's allowlist`
      )
    }
    if (!audienceAccepted(check.resource, service)) {
      return refuse(
        `host ${url.hostname} (${service.service}) accepts tokens for ${service.accepted.join(', ')}, not for ${check.resource}`
      )
    }
    return { allowed: true }
  }
}
