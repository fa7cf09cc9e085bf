/**
 * The control listener: change the scenario of a running emulator (`POST /scenario`), read it
 * (`GET /scenario`), read or clear the request log (`GET`/`DELETE /requests`), add a role
 * assignment (`POST /role-assignments`), and see the fixtures and URLs (`GET /`).
 */
import type { IncomingMessage } from 'node:http'
import { readBody, type Reply } from './http-util'
import type { RoleAssignment } from './rbac'
import { ROLE_DEFINITIONS } from './rbac'
import type { ScenarioInput, ScenarioSettings } from './scenarios'

export interface RecordedRequest {
  port: 'identity' | 'api' | 'control' | 'authority' | 'compute'
  method: string
  /** Path and query as sent (tokens are never sent in a query). */
  path: string
  /** Headers as sent, secrets (Authorization, X-IDENTITY-HEADER, secret) replaced by `[redacted]`. */
  headers: Record<string, string | string[] | undefined>
  /** Date.now() when it arrived. */
  at: number
}

export interface ControlTarget {
  readonly scenario: ScenarioSettings
  setScenario(input: ScenarioInput): Promise<unknown>
  readonly requests: RecordedRequest[]
  clearRequests(): void
  addRoleAssignment(assignment: RoleAssignment): void
  describe(): Record<string, unknown>
}

function error(status: number, message: string): Reply {
  return { status, body: { error: message } }
}

export async function handleControl(
  req: IncomingMessage,
  url: URL,
  target: ControlTarget
): Promise<Reply> {
  const route = `${req.method} ${url.pathname.replace(/\/+$/, '') || '/'}`
  switch (route) {
    case 'GET /':
      return { status: 200, body: target.describe() }
    case 'GET /scenario':
      return { status: 200, body: target.scenario }
    case 'POST /scenario':
    case 'PUT /scenario': {
      let input: unknown
      try {
        input = JSON.parse(await readBody(req))
      } catch {
        return error(
          400,
          'body must be JSON: a scenario name ("imds-gone") or settings ({"name":"imds-gone","goneForMs":500})'
        )
      }
      if (
        typeof input !== 'string' &&
        (typeof input !== 'object' || input === null || Array.isArray(input))
      ) {
        return error(400, 'body must be a scenario name or an object of settings')
      }
      try {
        await target.setScenario(input as ScenarioInput)
      } catch (e) {
        return error(400, (e as Error).message)
      }
      return { status: 200, body: target.scenario }
    }
    case 'GET /requests': {
      const port = url.searchParams.get('port')
      const since = Number(url.searchParams.get('since') ?? 0)
      const list = target.requests.filter(r => (!port || r.port === port) && r.at >= since)
      return { status: 200, body: list }
    }
    case 'DELETE /requests':
      target.clearRequests()
      return { status: 204 }
    case 'POST /role-assignments': {
      let input: Partial<RoleAssignment>
      try {
        input = JSON.parse(await readBody(req)) as Partial<RoleAssignment>
      } catch {
        return error(
          400,
          'body must be JSON: {"principalId":"...","role":"Reader","scope":"/subscriptions/..."}'
        )
      }
      if (
        typeof input.principalId !== 'string' ||
        typeof input.scope !== 'string' ||
        typeof input.role !== 'string'
      ) {
        return error(400, 'principalId, role and scope are required strings')
      }
      if (!ROLE_DEFINITIONS[input.role]) {
        return error(
          400,
          `unknown role '${input.role}'; known: ${Object.keys(ROLE_DEFINITIONS).join(', ')}`
        )
      }
      const assignment: RoleAssignment = {
        principalId: input.principalId,
        role: input.role,
        scope: input.scope,
        effectiveAfterMs: typeof input.effectiveAfterMs === 'number' ? input.effectiveAfterMs : 0
      }
      target.addRoleAssignment(assignment)
      return { status: 201, body: assignment }
    }
    default:
      return error(
        404,
        `no route ${route}; try GET /, GET|POST /scenario, GET|DELETE /requests, POST /role-assignments`
      )
  }
}
