import fc from 'fast-check'
import { BODY_LIMIT } from '../../src/contracts/observations'
import { redactSecrets } from '../../src/common/redact'
import { cutBody, reduceTokenResponse } from '../../src/node-probe/token-response'

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url')
const HEADER = b64url({ typ: 'JWT', alg: 'RS256', kid: 'k1' })
const PAYLOAD = b64url({ aud: 'https://management.azure.com/', oid: 'o', tid: 't', appid: 'a' })
const SIGNATURE = 'CANARYsig_' + 'Q'.repeat(330)
const TOKEN = `${HEADER}.${PAYLOAD}.${SIGNATURE}`

describe('reduceTokenResponse', () => {
  it('keeps every field but the token, the shape, and the payload segment as claims', () => {
    const reduced = reduceTokenResponse(
      JSON.stringify({
        access_token: TOKEN,
        refresh_token: 'r-secret',
        client_id: 'c',
        expires_in: '3599',
        expires_on: '1764171600',
        resource: 'https://management.azure.com/',
        token_type: 'Bearer'
      })
    )
    expect(reduced.accessToken).toBe(TOKEN)
    expect(reduced.observation).toEqual({
      fields: {
        client_id: 'c',
        expires_in: '3599',
        expires_on: '1764171600',
        resource: 'https://management.azure.com/',
        token_type: 'Bearer'
      },
      shape: 'jwt',
      claims: PAYLOAD
    })
    const text = JSON.stringify(reduced.observation)
    expect(text).not.toContain(SIGNATURE)
    expect(text).not.toContain(HEADER)
    expect(text).not.toContain('r-secret')
  })

  it('keeps expires_on as sent: a number stays a number, a date string stays a string', () => {
    expect(
      reduceTokenResponse(JSON.stringify({ access_token: TOKEN, expires_on: 1764171600 }))
        .observation.fields
    ).toEqual({
      expires_on: 1764171600
    })
    expect(
      reduceTokenResponse(
        JSON.stringify({ access_token: TOKEN, expires_on: '11/26/2026 04:20:00 PM +00:00' })
      ).observation.fields
    ).toEqual({ expires_on: '11/26/2026 04:20:00 PM +00:00' })
  })

  it('tells opaque and absent tokens apart', () => {
    const opaque = reduceTokenResponse(
      JSON.stringify({ access_token: 'not-a-jwt', expires_on: '1' })
    )
    expect(opaque.observation.shape).toBe('opaque')
    expect(opaque.observation.claims).toBeUndefined()
    expect(opaque.accessToken).toBe('not-a-jwt')
    expect(JSON.stringify(opaque.observation)).not.toContain('not-a-jwt')
    const absent = reduceTokenResponse(JSON.stringify({ expires_on: '1' }))
    expect(absent.observation).toEqual({ fields: { expires_on: '1' }, shape: 'absent' })
    expect(absent.accessToken).toBeUndefined()
  })

  it('keeps a cut body of malformed JSON without the token in it', () => {
    const body = `{"access_token":"${TOKEN}","expires_on":"17641`
    const reduced = reduceTokenResponse(body)
    expect(reduced.accessToken).toBeUndefined()
    // Not JSON: nothing says whether an access_token was there, so no shape.
    expect(reduced.observation.shape).toBeUndefined()
    expect(reduced.observation.body).toContain('expires_on')
    expect(reduced.observation.body).not.toContain(SIGNATURE.slice(0, 20))
    expect(reduced.observation.body).not.toContain(PAYLOAD)
    expect(reduced.observation.body!.length).toBeLessThanOrEqual(BODY_LIMIT + 1)
  })

  it('never lets a token or its signature through, whatever the body (property)', () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9_-]{20,400}$/)
    fc.assert(
      fc.property(
        segment,
        segment,
        fc.string(),
        fc.integer({ min: 0, max: 200 }),
        (payload, signature, noise, cut) => {
          const token = `eyJ0eXAiOiJKV1QifQ.eyJ${payload}.${signature}`
          const full = JSON.stringify({ noise, access_token: token, expires_on: '1' })
          for (const body of [full, full.slice(0, full.length - cut), `${noise}${token}${noise}`]) {
            const text = JSON.stringify(reduceTokenResponse(body).observation)
            expect(text).not.toContain(token)
            expect(text).not.toContain(`.${signature}`)
            if (signature.length >= 60) expect(text).not.toContain(signature)
          }
        }
      )
    )
  })
})

describe('redactSecrets / cutBody', () => {
  it('leaves ordinary error bodies readable', () => {
    const arm =
      '{"error":{"code":"AuthorizationFailed","message":"The client \'0f1e\' does not have authorization over scope \'/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/web-1\' on management.usgovcloudapi.net"}}'
    expect(redactSecrets(arm)).toBe(arm)
  })
  it('cuts after scrubbing', () => {
    expect(cutBody('ab '.repeat(BODY_LIMIT))).toHaveLength(BODY_LIMIT + 1)
    expect(cutBody(`a ${TOKEN} b`)).toBe('a [redacted] b')
  })
})
