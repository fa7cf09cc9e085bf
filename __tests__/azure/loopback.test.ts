import { isLoopbackHost, isLoopbackUrl } from '../../src/common/url/loopback'

describe('isLoopbackHost', () => {
  it.each([
    'localhost',
    'LOCALHOST',
    'Localhost',
    '127.0.0.1',
    '127.0.0.2',
    '127.255.255.254',
    '127.1.2.3',
    '::1',
    '[::1]',
    '0:0:0:0:0:0:0:1',
    '[0000:0000:0000:0000:0000:0000:0000:0001]',
    '::ffff:127.0.0.1',
    '[::ffff:7f00:1]'
  ])('%s is loopback', host => {
    expect(isLoopbackHost(host)).toBe(true)
  })

  it.each([
    '0.0.0.0',
    '::',
    '[::]',
    '169.254.169.254',
    '128.0.0.1',
    '126.255.255.255',
    '10.0.0.1',
    '127.0.0.1.nip.io',
    'localhost.example.com',
    'mylocalhost',
    'localhost.',
    '127.0.0',
    '127.0.0.256',
    '127.0.0.01',
    '127.1',
    '0x7f.0.0.1',
    '::2',
    '[::1',
    '::1]',
    '::ffff:10.0.0.1',
    '1::1',
    'management.azure.com',
    ''
  ])('%s is not loopback', host => {
    expect(isLoopbackHost(host)).toBe(false)
  })

  it.each([
    ['http://127.0.0.1:8080/x', true],
    ['http://[::1]:8080/', true],
    ['http://localhost/', true],
    // WHATWG URL canonicalises shorthand IPv4 to the dotted quad the connection really uses.
    ['http://127.1/', true],
    ['http://0x7f000001/', true],
    ['http://127.0.0.1.nip.io/', false],
    ['http://localhost.example.com/', false],
    ['http://0.0.0.0/', false],
    ['http://169.254.169.254/', false]
  ])('isLoopbackUrl(%s) is %s', (url, expected) => {
    expect(isLoopbackUrl(new URL(url))).toBe(expected)
  })
})
