import { decodeClaims } from '../../src/engine/diagnosis/claims'
import {
  CANARY,
  encodeClaims,
  systemClaims,
  SYSTEM_APPID,
  SYSTEM_OID,
  TID,
  VM_ID,
  NOW_S
} from '../helpers/diagnosis-fixtures'

describe('decodeClaims', () => {
  test('reads the reported claims of a v1 managed identity token', () => {
    const result = decodeClaims(encodeClaims(systemClaims({ xms_az_rid: '/x', extra: 'ignored' })))
    expect(result).toEqual({
      ok: true,
      claims: {
        aud: 'https://management.azure.com/',
        iss: `https://sts.windows.net/${TID}/`,
        tid: TID,
        oid: SYSTEM_OID,
        appid: SYSTEM_APPID,
        idtyp: 'app',
        xms_mirid: VM_ID,
        xms_az_rid: '/x',
        iat: NOW_S - 60,
        nbf: NOW_S - 60,
        exp: NOW_S + 3600
      }
    })
  })

  test('v2 tokens: azp stands in for appid, an aud array gives its first entry', () => {
    const result = decodeClaims(
      encodeClaims({ aud: ['api://x', 'y'], azp: 'client-1', exp: '1764171600' })
    )
    expect(result).toEqual({
      ok: true,
      claims: { aud: 'api://x', appid: 'client-1', exp: 1764171600 }
    })
  })

  test('base64url with padding and url-safe characters decodes', () => {
    const segment = Buffer.from(JSON.stringify({ oid: '??>>~~' })).toString('base64url')
    expect(segment).toMatch(/[-_]/)
    expect(decodeClaims(`${segment}==`.replace(/=+$/, '='))).toMatchObject({ ok: true })
  })

  test.each<[string, string | undefined, RegExp]>([
    ['missing', undefined, /no claims/],
    ['empty', '', /no claims/],
    [
      'a whole token instead of the payload',
      `eyJhbGciOiJub25lIn0.${encodeClaims({ a: 1 })}.${CANARY}`,
      /not base64url/
    ],
    ['standard base64 with + and /', 'ab+/cd', /not base64url/],
    ['not JSON', Buffer.from('not json').toString('base64url'), /not JSON/],
    ['a JSON array', Buffer.from('[1,2]').toString('base64url'), /not a JSON object/],
    ['JSON null', Buffer.from('null').toString('base64url'), /not a JSON object/]
  ])('%s → problem', (_name, segment, problem) => {
    const result = decodeClaims(segment)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.problem).toMatch(problem)
      expect(result.problem).not.toContain(CANARY)
    }
  })
})
