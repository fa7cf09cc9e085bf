/**
 * classifyApiAnswer against the Azure service table: who answered decides first (a service's own
 * words beat the proxy heuristics, a bare code in a proxy's JSON does not), then what the words
 * mean. The real answers are the field corpus (__tests__/action/field-corpus.test.ts); these are
 * the edges between them.
 */
import { serviceByKey } from '../../src/azure/services'
import { classifyApiAnswer } from '../../src/engine/diagnosis/api-errors'
import { armCheck } from '../helpers/diagnosis-fixtures'

const vaultContext = {
  check: armCheck({
    url: 'https://kv-web.vault.azure.net/secrets?api-version=7.4',
    line: 'https://kv-web.vault.azure.net/secrets?api-version=7.4',
    resource: 'https://vault.azure.net',
    expectedAudience: 'https://vault.azure.net'
  }),
  url: 'https://kv-web.vault.azure.net/secrets?api-version=7.4',
  service: serviceByKey('keyvault'),
  principalId: '11111111-aaaa-4bbb-8ccc-000000000001'
}

test("a proxy's JSON with a bare Forbidden code is the proxy's, not the vault's", () => {
  const verdict = classifyApiAnswer(
    403,
    '{"code":"Forbidden","message":"Blocked by Zscaler web filter policy"}',
    vaultContext
  )
  expect(verdict.failureMode).toBe('egress-blocked')
  expect(verdict.detail).toMatch(/a proxy answered 403/)
})

test("the vault's own firewall words are the vault's, though they name a firewall", () => {
  const verdict = classifyApiAnswer(
    403,
    '{"error":{"code":"Forbidden","message":"Client address is not authorized and caller is not a trusted service.\\r\\nClient address: 203.0.113.7","innererror":{"code":"ForbiddenByFirewall"}}}',
    vaultContext
  )
  expect(verdict.failureMode).toBe('egress-blocked')
  expect(verdict.remediation).toContain(
    'az keyvault network-rule add --name kv-web --ip-address 203.0.113.7'
  )
  expect(verdict.remediation).toContain('privatelink.vaultcore.azure.net')
  expect(verdict.remediation).not.toContain('az role assignment create')
})

test('a network refusal of another service is told by its words when the check names no service', () => {
  const verdict = classifyApiAnswer(
    403,
    '{"code":"Forbidden","message":"Request originated from IP 198.51.100.4 through public internet. This is blocked by your Cosmos DB account firewall settings."}',
    { ...vaultContext, service: undefined, url: 'https://api.example.com/x' }
  )
  expect(verdict.failureMode).toBe('egress-blocked')
  expect(verdict.remediation).toContain('198.51.100.4')
  expect(verdict.remediation).toContain('Azure Cosmos DB')
})

test('a US Government vault gets its own cloud’s private DNS zone', () => {
  const url = 'https://kv-gov.vault.usgovcloudapi.net/secrets?api-version=7.4'
  const verdict = classifyApiAnswer(
    403,
    '{"error":{"code":"Forbidden","message":"Public network access is disabled and request is not from a trusted service nor via an approved private link.","innererror":{"code":"ForbiddenByConnection"}}}',
    { ...vaultContext, url }
  )
  expect(verdict.remediation).toContain('privatelink.vaultcore.usgovcloudapi.net')
  expect(verdict.remediation).toContain('--name kv-gov')
})

test('a 401 that is not about time does not send people to the clock', () => {
  const verdict = classifyApiAnswer(
    401,
    '{"error":{"code":"InvalidAuthenticationToken","message":"The access token is invalid."}}',
    {
      ...vaultContext,
      service: serviceByKey('arm'),
      url: 'https://management.azure.com/subscriptions'
    }
  )
  expect(verdict.failureMode).toBe('token-invalid')
  expect(verdict.remediation).not.toMatch(/clock/)
})
