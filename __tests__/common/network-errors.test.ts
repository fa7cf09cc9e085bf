/**
 * The one table of network-error kinds: node's codes, curl's exit codes and the words of curl,
 * python, .NET and PowerShell land in the same kind, and each kind's fix cannot be another kind's
 * (no clock for an untrusted chain, no CA bundle for a name mismatch, no role grant for any).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { TRANSPORT_ERRORS } from '../../src/contracts/observations'
import { kindOfCurlExit, kindOfNodeCode, networkKindOf } from '../../src/common/network-errors'
import { apiNetworkFix, publicNameOf } from '../../src/engine/diagnosis/network-fix'
import { classifyError } from '../../src/common/http/http-request'

describe('one kind whatever the client', () => {
  test.each([
    // [node code, curl exit + stderr, python / .NET / PowerShell words, kind]
    [
      'ENOTFOUND',
      [6, 'curl: (6) Could not resolve host: kv.vault.azure.net'],
      'No such host is known. (kv.vault.azure.net:443)',
      'dns'
    ],
    [
      'EAI_AGAIN',
      [6, 'curl: (6) Could not resolve host: login.microsoftonline.com'],
      '[Errno -3] Temporary failure in name resolution',
      'dns'
    ],
    [
      'ECONNREFUSED',
      [7, 'curl: (7) Failed to connect to 10.0.0.4 port 443: Connection refused'],
      'No connection could be made because the target machine actively refused it.',
      'refused'
    ],
    [
      'ETIMEDOUT',
      [28, 'curl: (28) Connection timed out after 10001 milliseconds'],
      'The operation has timed out.',
      'timeout'
    ],
    [
      'SELF_SIGNED_CERT_IN_CHAIN',
      [60, 'curl: (60) SSL certificate problem: self-signed certificate in certificate chain'],
      'The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot',
      'tls-untrusted'
    ],
    [
      'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
      [60, 'curl: (60) SSL certificate problem: unable to get local issuer certificate'],
      '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)',
      'tls-untrusted'
    ],
    [
      'ERR_TLS_CERT_ALTNAME_INVALID',
      [
        60,
        "curl: (60) SSL: no alternative certificate subject name matches target host name 'kv.privatelink.vaultcore.azure.net'"
      ],
      'The remote certificate is invalid according to the validation procedure: RemoteCertificateNameMismatch',
      'tls-name'
    ],
    [
      'CERT_HAS_EXPIRED',
      [60, 'curl: (60) SSL certificate problem: certificate has expired'],
      'NotTimeValid: A required certificate is not within its validity period',
      'tls-expired'
    ]
  ] as const)('%s', (code, [exit, stderr], words, kind) => {
    expect(classifyError(Object.assign(new Error('x'), { code }))).toBe(kind)
    expect(kindOfNodeCode(code)).toBe(kind)
    // curl: the exit code alone, or the exit code the sh probe maps and its stderr.
    const coarse = kindOfCurlExit(exit) ?? (exit === 60 ? 'tls' : exit === 7 ? 'refused' : 'other')
    expect(networkKindOf(coarse, stderr)).toBe(kind)
    // PowerShell's WebException status is often missing (HttpRequestException): 'other' + words.
    expect(networkKindOf('other', words)).toBe(kind)
  })

  test.each([
    ['proxy', 'proxy 10.0.0.9:3128 answered 407 Proxy Authentication Required', 'proxy-auth'],
    ['reset', 'curl: (56) CONNECT tunnel failed, response 407', 'proxy-auth'],
    [
      'other',
      "The proxy tunnel request to proxy 'http://10.0.0.9:3128/' failed with status code '407'.",
      'proxy-auth'
    ],
    [
      'proxy',
      'proxy 10.0.0.9:3128 answered 403 Forbidden to CONNECT kv.vault.azure.net:443',
      'proxy-denied'
    ],
    ['reset', 'curl: (56) CONNECT tunnel failed, response 403', 'proxy-denied'],
    [
      'other',
      '401 challenge not answered: the challenged key file could not be read (EACCES)',
      'local-file'
    ]
  ] as const)('%s + %j → %s', (coarse, words, kind) => {
    expect(networkKindOf(coarse, words)).toBe(kind)
  })

  test('a specific kind is never coarsened by words, and unknown kinds are other', () => {
    expect(networkKindOf('tls-name', 'certificate has expired')).toBe('tls-name')
    expect(networkKindOf('dns', 'connection refused')).toBe('dns')
    expect(networkKindOf('bogus', undefined)).toBe('other')
  })

  test('every kind the VM probes emit is a kind of the table', () => {
    const root = join(__dirname, '..', '..', 'vm-probes')
    const sh = readFileSync(join(root, 'linux', 'src', 'http.sh'), 'utf8')
    const ps = readFileSync(join(root, 'windows', 'probe.ps1'), 'utf8')
    const emitted = [
      ...[...sh.matchAll(/R_ERR=([a-z-]+)/g)].map(m => m[1]),
      ...[...ps.matchAll(/\$kind = '([a-z-]+)'/g)].map(m => m[1])
    ]
    expect(emitted.length).toBeGreaterThan(10)
    for (const kind of emitted) expect(TRANSPORT_ERRORS).toContain(kind)
  })
})

describe('each kind has a fix only for what can cause it', () => {
  const fixOf = (kind: (typeof TRANSPORT_ERRORS)[number]): string =>
    apiNetworkFix('kv-prod.privatelink.vaultcore.azure.net:443', kind)

  test('untrusted chain: the proxy CA, never the clock', () => {
    expect(fixOf('tls-untrusted')).toMatch(/CA certificate/)
    expect(fixOf('tls-untrusted')).not.toMatch(/clock|timedatectl/)
  })
  test('name not covered: the public name, never a CA bundle or the clock', () => {
    expect(fixOf('tls-name')).toMatch(/call kv-prod\.vault\.azure\.net/)
    expect(fixOf('tls-name')).not.toMatch(/CA certificate|NODE_EXTRA_CA_CERTS|clock/)
  })
  test('expired: the clock, never a CA bundle', () => {
    expect(fixOf('tls-expired')).toMatch(/clock/)
    expect(fixOf('tls-expired')).not.toMatch(/NODE_EXTRA_CA_CERTS/)
  })
  test('the proxy: 407 its credentials, 403 its allow rule', () => {
    expect(fixOf('proxy-auth')).toMatch(/credentials into HTTPS_PROXY/)
    expect(fixOf('proxy-denied')).toMatch(
      /allow kv-prod\.privatelink\.vaultcore\.azure\.net on the proxy/
    )
  })
  test('no network kind is ever told to grant a role or add expect=', () => {
    for (const kind of TRANSPORT_ERRORS) {
      expect([kind, fixOf(kind)]).not.toEqual([
        kind,
        expect.stringMatching(/az role assignment|expect=/)
      ])
    }
  })
  test('privatelink names map to the public names the certificates cover', () => {
    expect(publicNameOf('acct.privatelink.blob.core.windows.net')).toBe(
      'acct.blob.core.windows.net'
    )
    expect(publicNameOf('acct.privatelink.dfs.core.windows.net')).toBe('acct.dfs.core.windows.net')
    expect(publicNameOf('kv.privatelink.vaultcore.azure.net')).toBe('kv.vault.azure.net')
    expect(publicNameOf('db.privatelink.documents.azure.com')).toBe('db.documents.azure.com')
    expect(publicNameOf('kv.vault.azure.net')).toBeUndefined()
  })
})
