/**
 * Azure Cloud Shell's token endpoint: `MSI_ENDPOINT` alone, `POST` with a form body
 * `resource=<audience>` and header `Metadata: true`. No user-assigned identities.
 */
import type { IncomingMessage } from 'node:http'
import { header, readBody, type Reply } from '../http-util'
import type { EmulatorState } from '../state'
import { mint, selectIdentity, tokenFault, tokenReply, unknownResource } from '../token-service'

export const CLOUD_SHELL_PATH = '/cloudshell/oauth2/token'

const bad = (description: string): Reply => ({
  status: 400,
  body: { error: 'invalid_request', error_description: description }
})

export async function handleCloudShellToken(
  req: IncomingMessage,
  _url: URL,
  state: EmulatorState
): Promise<Reply> {
  if (req.method !== 'POST')
    return {
      status: 405,
      body: { error: 'invalid_request', error_description: 'Use POST with a form body' }
    }
  if ((header(req, 'metadata') ?? '').toLowerCase() !== 'true')
    return bad('Required metadata header not specified')
  const form = new URLSearchParams(await readBody(req))
  const resource = form.get('resource')
  if (!resource) return bad('Required audience parameter not specified')
  if (form.has('client_id') || form.has('object_id') || form.has('msi_res_id')) {
    return bad('Cloud Shell does not support user-assigned identities')
  }
  const fault = tokenFault(state)
  if (fault) return fault
  const selection = selectIdentity(state, { kind: 'system' })
  if (!selection.ok) return bad('Identity not found')
  const unknown = unknownResource(state, resource)
  if (unknown) return unknown
  const minted = mint(state, selection, resource)
  const fields: Record<string, unknown> = { access_token: minted.issued.accessToken }
  if (minted.expiresIn !== undefined) {
    fields['expires_in'] = String(minted.expiresIn)
    fields['expires_on'] = String(minted.expiresOn)
  }
  fields['not_before'] = String(minted.notBefore)
  fields['resource'] = resource
  fields['token_type'] = 'Bearer'
  return tokenReply(fields, minted.malformed)
}
