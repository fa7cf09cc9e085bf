import {
  audienceAccepted,
  audienceMatchesRequest,
  normaliseAudience
} from '../../src/diagnosis/audiences'

describe('audiences', () => {
  const armVariants = [
    'https://management.azure.com/',
    'https://management.azure.com',
    'https://management.core.windows.net/',
    'https://management.core.windows.net'
  ]
  test.each(armVariants.flatMap(a => armVariants.map(b => [a, b])))(
    'ARM accepts %s where %s is expected',
    (a, b) => {
      expect(audienceAccepted(a, b)).toBe(true)
    }
  )

  test.each<[string, string, boolean]>([
    ['https://vault.azure.net', 'https://vault.azure.net/', true],
    ['https://VAULT.azure.net', 'https://vault.azure.net', true],
    ['https://management.azure.com/.default', 'https://management.azure.com/', true],
    ['https://vault.azure.net', 'https://management.azure.com/', false],
    ['https://management.azure.com/', 'https://vault.azure.net', false],
    ['https://storage.azure.com/', 'https://vault.azure.net', false],
    ['https://management.usgovcloudapi.net/', 'https://management.core.usgovcloudapi.net/', true],
    ['https://management.chinacloudapi.cn', 'https://management.core.chinacloudapi.cn/', true],
    ['https://management.usgovcloudapi.net/', 'https://management.azure.com/', false],
    ['797f4846-ba00-4fd7-ba43-dac1f8f63013', 'https://management.azure.com/', true],
    ['cfa8b339-82a2-471a-a3c9-0fc0be7a4093', 'https://vault.azure.net', true],
    ['cfa8b339-82a2-471a-a3c9-0fc0be7a4093', 'https://management.azure.com/', false]
  ])('%s accepted for %s: %s', (a, b, accepted) => {
    expect(audienceAccepted(a, b)).toBe(accepted)
  })

  test('an unknown application ID cannot be judged', () => {
    expect(audienceMatchesRequest('9b6f7a0e-0000-4000-8000-000000000000', 'api://my-api')).toBe(
      'unknown'
    )
    expect(audienceMatchesRequest('https://vault.azure.net', 'https://management.azure.com/')).toBe(
      'mismatch'
    )
    expect(
      audienceMatchesRequest('https://management.azure.com', 'https://management.azure.com/')
    ).toBe('match')
  })

  test('normalisation strips slashes and /.default and lower-cases', () => {
    expect(normaliseAudience(' HTTPS://Management.Azure.com//.default ')).toBe(
      'https://management.azure.com'
    )
    expect(normaliseAudience('api://app/')).toBe('api://app')
  })
})
