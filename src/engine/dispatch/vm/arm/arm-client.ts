/**
 * Requests to Azure Resource Manager from the action's own process: the runner's CLI token
 * (cli-session.ts), one keep-alive connection pool for the run, the project's proxy rules
 * (HTTPS_PROXY/NO_PROXY, src/common/http/http-request.ts; through a proxy each request has its own
 * tunnel), and ARM's retry contract:
 *  - 429 (subscription or resource-provider throttling) and 500/502/503/504 are retried after the
 *    `Retry-After` the answer names (seconds, or an HTTP date), else after 1, 2, 4... s; at most
 *    RETRY_POLICIES.armRequest.retries times and never past the caller's signal
 *    (learn.microsoft.com/azure/azure-resource-manager/management/request-limits-and-throttling);
 *  - 401 once more with a token asked anew (it may have expired between reads);
 *  - a connection reset once more (a pooled connection ARM closed while idle).
 * The token goes only to the cloud's own Resource Manager origin: an absolute URL ARM hands back
 * (nextLink, an operation to poll) on any other origin is refused, never followed.
 */
import type { Agent } from 'node:https'
import {
  httpRequest,
  isFailure,
  type HttpResponse,
  type HttpOutcome
} from '../../../../common/http/http-request'
import { DispatchError } from '../../workload'
import type { AzureCallContext } from '../azure-errors'
import { maskedTail } from '../mask'
import { armCallError } from './arm-errors'
import { MAX_CONCURRENCY } from '../../../inputs/read-inputs'
import type { ArmCredentials } from './cli-session'
import { sleep, type Sleep } from '../../../../common/clock'
import {
  backoffMs,
  parseRetryAfter,
  RETRY_POLICIES,
  withRetryAfter
} from '../../../../common/retry'

/** ARM's retry contract: policy armRequest of the one retry model. */
const RETRY = RETRY_POLICIES.armRequest
/** One request's bound (the workload's deadline, through the signal, is usually shorter). */
export const REQUEST_TIMEOUT_MS = 60_000
/** A listing of 1,000 scale-set instances with instance views is about 1 MB. */
const MAX_BODY_BYTES = 32 * 1024 * 1024

const RETRIED_STATUSES = new Set([429, 500, 502, 503, 504])

export interface ArmRequest {
  method: 'GET' | 'POST'
  /** A path below the Resource Manager URL (`/subscriptions/...?api-version=...`) or an absolute URL on it. */
  url: string
  body?: unknown
  context: AzureCallContext
  signal?: AbortSignal
  /** Statuses handed back to the caller rather than thrown (e.g. 409 while another run is in progress). */
  accept?: number[]
}

export interface ArmClientOptions {
  env?: NodeJS.ProcessEnv
  sleep?: Sleep
  now?: () => number
  /** Extra trust for https (tests of the client itself; the action uses NODE_EXTRA_CA_CERTS). */
  ca?: string
}

function loadHttps(): typeof import('node:https') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('node:https') as typeof import('node:https')
}

function deadlineError(context: AzureCallContext): DispatchError {
  return new DispatchError(
    `the workload's deadline passed while waiting for Azure Resource Manager to ${context.doing}`,
    'Raise the timeout, or check the VM agent (run-command can take minutes on a busy VM)'
  )
}

export class ArmClient {
  private agent: Agent | undefined
  private readonly sleep: Sleep
  private readonly now: () => number

  constructor(
    readonly credentials: ArmCredentials,
    private readonly options: ArmClientOptions = {}
  ) {
    this.sleep = options.sleep ?? sleep
    this.now = options.now ?? Date.now
  }

  /** The absolute URL of `url` on ARM's origin, or a DispatchError for any other origin. */
  async resolve(url: string): Promise<URL> {
    const base = (await this.credentials.cloud()).resourceManager
    const resolved = new URL(url, base)
    if (resolved.origin !== base.origin) {
      throw new DispatchError(
        `Azure Resource Manager pointed to ${resolved.origin}, which is not ${base.origin}; mi-smoke sends the runner's token to neither`,
        'Check az cloud show: endpoints.resourceManager must be the cloud whose Resource Manager answers'
      )
    }
    return resolved
  }

  private pool(): Agent {
    // Sockets stay open between the reads, the run-commands and the polls of every target; at most
    // one per target probed at once (the `concurrency` cap), so no target waits for a socket.
    this.agent ??= new (loadHttps().Agent)({
      keepAlive: true,
      maxSockets: MAX_CONCURRENCY,
      ca: this.options.ca
    })
    return this.agent
  }

  private async once(request: ArmRequest, url: URL, token: string): Promise<HttpOutcome> {
    const body = request.body === undefined ? undefined : JSON.stringify(request.body)
    return httpRequest({
      method: request.method,
      url: url.href,
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        'user-agent': 'mi-smoke',
        ...(body === undefined ? {} : { 'content-type': 'application/json' })
      },
      body,
      timeoutMs: REQUEST_TIMEOUT_MS,
      signal: request.signal,
      proxyEnv: this.options.env ?? process.env,
      agent: this.pool(),
      ca: this.options.ca,
      maxBodyBytes: MAX_BODY_BYTES
    })
  }

  /** Sends the request, retrying as ARM asks; resolves with a 2xx (or accepted) answer. */
  async request(request: ArmRequest): Promise<HttpResponse> {
    const url = await this.resolve(request.url)
    let retries = 0
    let refreshed = false
    let reset = false
    for (;;) {
      if (request.signal?.aborted) throw deadlineError(request.context)
      const outcome = await this.once(request, url, await this.credentials.token())
      if (isFailure(outcome)) {
        if (request.signal?.aborted) throw deadlineError(request.context)
        if (outcome.error === 'reset' && !reset) {
          reset = true
          continue
        }
        throw new DispatchError(
          `could not reach Azure Resource Manager (${url.host}) to ${request.context.doing}: ${outcome.errorText}`,
          `Check that the runner reaches https://${url.host}/ (through HTTPS_PROXY when the runner needs a proxy; NO_PROXY must not list it then)`,
          `${outcome.error}: ${outcome.errorText}`
        )
      }
      if (outcome.truncated) {
        throw new DispatchError(
          `Azure Resource Manager's answer to ${request.context.doing} was larger than ${MAX_BODY_BYTES} bytes`,
          'Probe fewer instances at once (vmss:<id>#<instance>)'
        )
      }
      const status = outcome.status
      if ((status >= 200 && status < 300) || request.accept?.includes(status)) return outcome
      if (status === 401 && !refreshed) {
        refreshed = true
        this.credentials.invalidate()
        continue
      }
      const planned = RETRIED_STATUSES.has(status) ? backoffMs(RETRY, retries) : undefined
      if (planned !== undefined) {
        const asked = parseRetryAfter(outcome.headers['retry-after'], this.now())
        const wait = withRetryAfter(RETRY, planned, asked)
        retries++
        await this.sleep(wait, request.signal)
        continue
      }
      throw armCallError(outcome, request.context)
    }
  }

  /** `request` and its JSON body. */
  async json<T>(request: ArmRequest): Promise<{ response: HttpResponse; body: T }> {
    const response = await this.request(request)
    try {
      return { response, body: (response.body === '' ? {} : JSON.parse(response.body)) as T }
    } catch {
      throw new DispatchError(
        `Azure Resource Manager answered something that is not JSON while trying to ${request.context.doing}`,
        'Check that az cloud show names a Resource Manager endpoint (a proxy or captive portal may be answering instead)',
        maskedTail(response.body, 300)
      )
    }
  }

  /** Ends the pool's idle connections so that the process can exit at once. */
  close(): void {
    this.agent?.destroy()
    this.agent = undefined
  }
}
