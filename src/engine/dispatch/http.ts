/**
 * `https://` targets: the runner's side of the smoke endpoint protocol
 * (docs/smoke-endpoint-protocol.md). POSTs the probe request to the endpoint the workload serves
 * and reads its observations back, refusing anything that does not keep the protocol.
 *
 * Credentials: `endpoint-key` as `x-mi-smoke-key` (the orchestrator has already masked it), or a
 * bearer token for `endpoint-audience` that the runner gets from `@azure/identity` (the Azure CLI
 * login `azure/login` left, or the runner's own managed identity), known to the redactor as soon
 * as it exists and never printed.
 * Either travels only to the target's own host, over https (http only to loopback, for tests):
 * a redirect is never followed, it is a dispatch failure that names where it pointed.
 */
import { isTlsKind } from '../../common/network-errors'
import type { ActionInputs, Target } from '../inputs/action-inputs'
import { isLoopbackHost } from '../../common/url/loopback'
import { parseAnswer } from '../observations-validator'
import type { ProbeRequest } from '../../contracts/probe-request'
import { httpRequest, isFailure, type HttpResponse } from '../../common/http/http-request'
import { cut } from '../../common/format'
import {
  KEY_HEADER,
  RESPONSE_BODY_LIMIT,
  RUNNER_WAIT_MS,
  type ProtocolErrorBody
} from '../../contracts/smoke-protocol'
import { registerSecretText, redactSecrets } from '../../common/redact'
import { frontEndAnswer } from './front-end'
import { DispatchError, type Workload, type WorkloadAnswer } from './workload'
import { setting } from '../inputs/setting-names'
import { scopeForResource } from '../../azure/services'

export type HttpsTarget = Extract<Target, { kind: 'https' }>

/** Gets a bearer token for an audience on the runner; replaceable in tests. */
export type RunnerTokenSource = (audience: string, signal: AbortSignal) => Promise<string>

export interface HttpWorkloadOptions {
  getRunnerToken?: RunnerTokenSource
  /** How long to wait for the endpoint's whole answer (default: the protocol's bound). */
  waitMs?: number
}

const EVIDENCE_LIMIT = 600

/** DefaultAzureCredential on the runner: azure/login's Azure CLI session or the runner's identity. */
const defaultRunnerToken: RunnerTokenSource = async (audience, signal) => {
  const { DefaultAzureCredential } = await import('@azure/identity')
  const token = await new DefaultAzureCredential().getToken(scopeForResource(audience), {
    abortSignal: signal
  })
  if (!token?.token) throw new Error('the credential returned no token')
  return token.token
}

export function httpWorkload(
  target: HttpsTarget,
  inputs: ActionInputs,
  options: HttpWorkloadOptions = {}
): Workload {
  const getRunnerToken = options.getRunnerToken ?? defaultRunnerToken
  const waitMs = options.waitMs ?? RUNNER_WAIT_MS
  return {
    label: target.line,
    async probe(request: ProbeRequest, signal: AbortSignal): Promise<WorkloadAnswer> {
      const url = endpointUrl(target.url)
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        accept: 'application/json',
        'user-agent': 'mi-smoke'
      }
      if (inputs.endpointKey) headers[KEY_HEADER] = inputs.endpointKey
      if (inputs.endpointAudience) {
        headers['authorization'] =
          `Bearer ${await runnerToken(getRunnerToken, inputs.endpointAudience, signal)}`
      }
      const outcome = await httpRequest({
        method: 'POST',
        url: url.toString(),
        headers,
        body: JSON.stringify(request),
        timeoutMs: waitMs,
        // The answer may take long (IMDS retries, a cold start); the connection may not, and
        // neither may its body: the handler sends its answer whole once it is ready, so a body
        // still trickling `timeout` after the status is not the handler's (docs/reliability.md).
        connectTimeoutMs: inputs.timeoutMs,
        bodyTimeoutMs: inputs.timeoutMs,
        signal,
        // A self-hosted runner's proxy applies to real endpoints; loopback (tests) goes direct.
        proxyEnv: url.protocol === 'https:' ? process.env : undefined,
        maxBodyBytes: RESPONSE_BODY_LIMIT
      })
      if (isFailure(outcome)) {
        if (outcome.during === 'body') throw bodyFailure(url, outcome.errorText)
        throw transportFailure(url, outcome.error, outcome.errorText, waitMs)
      }
      if (outcome.status !== 200) throw statusFailure(url, outcome, inputs)
      if (outcome.truncated) {
        throw new DispatchError(
          `the smoke endpoint ${url.host} answered more than ${RESPONSE_BODY_LIMIT} bytes`,
          'Serve the @mi-smoke/smoke-endpoint handler unchanged at this URL: its answers are a few kilobytes.'
        ).as('unreadable-answer')
      }
      const contentType = String(outcome.headers['content-type'] ?? '')
      if (!/^application\/json\b/i.test(contentType)) {
        throw new DispatchError(
          `the smoke endpoint ${url.host} answered 200 with ${contentType || 'no content type'}, not application/json: this URL does not serve the @mi-smoke/smoke-endpoint handler`,
          'Point the target at the path where the app mounts the @mi-smoke/smoke-endpoint handler (e.g. https://app.example.net/mi-smoke).',
          evidence(outcome.body)
        ).as(
          'unreadable-answer',
          `not a smoke endpoint's answer (${contentType.split(';')[0] || 'no content type'})`
        )
      }
      // Parsed only: the orchestrator passes every answer through the one observations validator.
      return parseAnswer(outcome.body, `the smoke endpoint ${url.host}`)
    }
  }
}

function endpointUrl(text: string): URL {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new DispatchError(
      `the target '${text}' is not a URL`,
      'Write https targets as https://host/path.'
    ).as('bad-target')
  }
  if (url.username || url.password) {
    throw new DispatchError(
      'the target URL holds user info',
      'Remove user:password@ from the target; use endpoint-key.'
    ).as('bad-target')
  }
  if (url.protocol === 'https:') return url
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return url
  throw new DispatchError(
    `the target ${url.protocol}//${url.host} is not https: credentials are only sent over https (http only to loopback)`,
    'Serve the smoke endpoint over https and write the target as https://...'
  ).as('bad-target')
}

async function runnerToken(
  source: RunnerTokenSource,
  audience: string,
  signal: AbortSignal
): Promise<string> {
  let token: string
  try {
    token = await source(audience, signal)
  } catch (error) {
    const message = redactSecrets(
      String(error instanceof Error ? error.message : error).split('\n')[0] ?? ''
    )
    throw new DispatchError(
      `could not get a token for endpoint-audience ${audience} on the runner: ${cut(message, 300)}`,
      'Run azure/login before this step (or run on a runner with a managed identity), and check that endpoint-audience is the App ID URI or client ID of the app registration App Service authentication uses.'
    ).as('runner-not-logged-in', 'no token for endpoint-audience on the runner')
  }
  // Known to the redactor, so no text the action stores or prints can carry it. Not registered
  // with `::add-mask::`: that command would itself print the token on stdout (docs/security.md).
  registerSecretText(token)
  return token
}

function evidence(body: string): string | undefined {
  const text = cut(redactSecrets(body).trim(), EVIDENCE_LIMIT)
  return text === '' ? undefined : text
}

/** The handler's own error body, when the answer is one. */
function protocolError(body: string): ProtocolErrorBody | undefined {
  try {
    const parsed = JSON.parse(body) as Partial<ProtocolErrorBody>
    if (typeof parsed?.error === 'string' && typeof parsed.message === 'string')
      return parsed as ProtocolErrorBody
  } catch {
    // not ours: a front end's page
  }
  return undefined
}

/** The status came and the body did not end: the answer was cut or held back, whatever its status. */
function bodyFailure(url: URL, errorText: string): DispatchError {
  return new DispatchError(
    `the smoke endpoint ${url.host} started its answer but did not finish it (${errorText})`,
    'Serve the @mi-smoke/smoke-endpoint handler unchanged at this URL (it sends its answer whole); check for a proxy or front end in between that holds or cuts responses.'
  )
}

function transportFailure(
  url: URL,
  error: string,
  errorText: string,
  waitMs: number
): DispatchError {
  const where = url.host
  // Every TLS kind (untrusted chain, name, dates) is the endpoint's certificate here.
  switch (isTlsKind(error) ? 'tls' : error) {
    case 'timeout':
      return new DispatchError(
        `the smoke endpoint ${where} did not answer within ${Math.round(waitMs / 1000)} s`,
        'Check that the app is running and the endpoint answers (a cold start can take long: warm the app up first).',
        errorText
      ).as('endpoint-timeout')
    case 'dns':
      return new DispatchError(
        `the smoke endpoint's host ${url.hostname} does not resolve`,
        'Check the target URL (slot hostnames are app-slot.azurewebsites.net).',
        errorText
      ).as('endpoint-unreachable', `endpoint host ${url.hostname} does not resolve`)
    // TLS by its kind: each has its own fix, and none of them is the others' (no clock advice for
    // an untrusted chain, no CA for a name the certificate does not cover).
    case 'tls-untrusted':
      return new DispatchError(
        `the runner does not trust the certificate chain of the smoke endpoint ${where}`,
        "If the runner's network inspects TLS, trust that proxy's CA for this job (NODE_EXTRA_CA_CERTS=<its CA file>); otherwise serve the endpoint with a certificate from a public CA.",
        errorText
      ).as('endpoint-unreachable', "the endpoint's certificate is not trusted")
    case 'tls-name':
      return new DispatchError(
        `the certificate of the smoke endpoint ${where} does not cover ${url.hostname}`,
        `Call the endpoint by a name its certificate covers (the app's default host name or a custom domain bound with its certificate), or bind a certificate for ${url.hostname}.`,
        errorText
      ).as('endpoint-unreachable', `the endpoint's certificate does not cover ${url.hostname}`)
    case 'tls-expired':
      return new DispatchError(
        `the certificate of the smoke endpoint ${where} is expired or not yet valid`,
        "Renew the endpoint's certificate; if it is valid, check the runner's clock.",
        errorText
      ).as('endpoint-unreachable', "the endpoint's certificate is out of date")
    case 'tls':
      return new DispatchError(
        `TLS with the smoke endpoint ${where} failed`,
        'Serve the endpoint with a certificate the runner trusts.',
        errorText
      ).as('endpoint-unreachable', 'TLS with the endpoint failed')
    case 'proxy':
    case 'proxy-auth':
    case 'proxy-denied':
      // The runner's proxy refused the tunnel (CONNECT): its 407 wants credentials, anything else
      // is its access control; the app was never reached.
      return error === 'proxy-auth' || /\b407\b/.test(errorText)
        ? new DispatchError(
            `the runner's proxy wants credentials to reach ${where} (407 Proxy Authentication Required)`,
            `Give the runner's proxy its credentials: set HTTPS_PROXY for this job to http://<proxy user>:<proxy password>@<proxy host>:<proxy port> (keep the password in a secret), or, if the runner reaches ${url.hostname} without the proxy, add ${url.hostname} to NO_PROXY`,
            errorText
          ).as('proxy-refused', "the runner's proxy wants credentials (407)")
        : new DispatchError(
            `the runner's proxy did not open a tunnel to ${where}: ${errorText}`,
            `Ask the proxy's administrators to allow CONNECT to ${url.hostname}:${url.port || 443} for the runner, or add ${url.hostname} to NO_PROXY if the runner reaches it directly`,
            errorText
          ).as('proxy-refused', `the runner's proxy refused ${url.hostname}`)
    default:
      return new DispatchError(
        `could not reach the smoke endpoint ${where} (${error})`,
        'Check that the app is running and reachable from the runner (access restrictions, private endpoints, firewall).',
        errorText,
        // A refused or reset connection is what an app restarting after a deploy looks like.
        error === 'refused' || error === 'reset'
      ).as('endpoint-unreachable')
  }
}

function statusFailure(url: URL, response: HttpResponse, inputs: ActionInputs): DispatchError {
  const status = response.status
  const ours = protocolError(response.body)
  const said = ours ? `: ${cut(redactSecrets(ours.message), 300)}` : ''
  const proof = evidence(response.body)
  const where = url.host
  // Someone other than the handler answered: its own words, its own fix.
  const front = ours ? undefined : frontEndAnswer(response, where)
  if (front) {
    return new DispatchError(front.message, front.remediation, proof, front.notReady).as(
      front.kind,
      front.phrase
    )
  }
  if (status >= 300 && status < 400) {
    const location = String(response.headers['location'] ?? '')
    let to = 'no Location'
    try {
      to = location ? new URL(location, url).host : to
    } catch {
      to = 'an unreadable Location'
    }
    return new DispatchError(
      `the smoke endpoint ${where} answered ${status} redirecting to ${to}; mi-smoke never follows a redirect with credentials`,
      'Put the final URL in targets (https, the exact path of the handler); if App Service authentication redirects to a login page, call it with endpoint-audience (a bearer token) instead.'
    ).as('endpoint-redirected', `endpoint redirected to ${to}`)
  }
  switch (status) {
    case 401:
      return new DispatchError(
        `the smoke endpoint ${where} refused the credentials (401)${said}`,
        inputs.endpointAudience
          ? `Check that App Service authentication accepts tokens for ${inputs.endpointAudience} and that the handler's appServiceAuth.audiences lists it.`
          : inputs.endpointKey
            ? "Set endpoint-key to the same secret as the app's MI_SMOKE_KEY setting."
            : "Set endpoint-key (the app's MI_SMOKE_KEY) or endpoint-audience.",
        proof
      ).as(
        inputs.endpointAudience ? 'endpoint-refused-token' : 'endpoint-refused-key',
        inputs.endpointAudience || inputs.endpointKey
          ? undefined
          : 'endpoint wants a key (none set)'
      )
    case 403:
      return new DispatchError(
        ours
          ? `the smoke endpoint ${where} refused the request (403)${said}`
          : `the smoke endpoint ${where} answered 403 before the handler (access restrictions or authentication in front of the app?)`,
        ours
          ? "The endpoint only sends a token to https hosts of its allowlist, for that host's own audience: fix the check's URL or resource=, or add the host to the handler's allowlist option."
          : "Allow the runner through the app's access restrictions, or authenticate with endpoint-audience.",
        proof
      ).as(
        'endpoint-refused-request',
        ours ? "endpoint refused the check's host or audience" : 'refused before the app (403)'
      )
    case 404:
      return new DispatchError(
        `there is no smoke endpoint at ${url.toString()} (404)`,
        'Mount the @mi-smoke/smoke-endpoint handler at this path, or fix the path in targets.',
        proof
      ).as('endpoint-not-found')
    case 405:
    case 415:
    case 400:
      return new DispatchError(
        `the smoke endpoint ${where} rejected the request (${status})${said}`,
        'Use the same mi-smoke release for the app (@mi-smoke/smoke-endpoint) and the workflow.',
        proof
      ).as('endpoint-refused-request', `endpoint rejected the request (${status})`)
    case 413:
      return new DispatchError(
        `the smoke endpoint ${where} found the request too large (413)${said}`,
        'Use fewer checks per run (at most 20), or a front end that accepts 64 KB bodies.',
        proof
      ).as('endpoint-refused-request', 'request too large (413)')
    case 429: {
      const retryAfter = String(response.headers['retry-after'] ?? '')
      return new DispatchError(
        `the smoke endpoint ${where} is rate limited (429)${retryAfter ? `; retry after ${retryAfter} s` : ''}`,
        "Run the smoke test less often (the handler allows 6 runs a minute by default), or raise the handler's rateLimit option.",
        proof
      ).as('endpoint-rate-limited')
    }
  }
  if (status >= 500) {
    return new DispatchError(
      ours
        ? `the smoke endpoint ${where} failed (${status})${said}`
        : `the app behind ${where} answered ${status} (${status === 502 || status === 503 ? 'not running or starting' : 'front-end error'})`,
      ours
        ? "Look at the app's log for the handler's error."
        : `Check that the app is running (a slot just deployed may still be starting: raise ${setting('ready-wait')}, or warm it up first).`,
      proof,
      // The front end's 502/503/504 while the app starts; the handler's own 5xx is an answer.
      !ours && (status === 502 || status === 503 || status === 504)
    ).as(
      ours ? 'endpoint-failed' : 'front-end-answered',
      ours ? undefined : `the app's front end answered ${status}`
    )
  }
  return new DispatchError(
    `the smoke endpoint ${where} answered ${status}, not 200`,
    'Point the target at the path where the app serves the @mi-smoke/smoke-endpoint handler.',
    proof
  ).as('front-end-answered', `answered ${status}, not the smoke endpoint`)
}
