import {
  audienceAccepted,
  audienceMatchesRequest,
  azureServices,
  CLOUDS,
  cloudOfEnvironment,
  matchErrorRules,
  serviceByKey,
  serviceHost,
  serviceOfCheck,
  normaliseAudience,
  sameAudience,
  serviceForHost,
  serviceForUrl,
  type AzureCloud
} from '../../src/azure/services'

/** [host, service name fragment, cloud, audience to request, some accepted audiences, some refused] */
const TABLE: Array<[string, string, AzureCloud, string, string[], string[]]> = [
  [
    'management.azure.com',
    'Resource Manager',
    'public',
    'https://management.azure.com/',
    [
      'https://management.azure.com/',
      'https://management.azure.com',
      'https://management.core.windows.net/',
      'https://management.core.windows.net'
    ],
    [
      'https://vault.azure.net',
      'https://management.usgovcloudapi.net/',
      'https://graph.microsoft.com'
    ]
  ],
  [
    'management.usgovcloudapi.net',
    'Resource Manager',
    'usgov',
    'https://management.usgovcloudapi.net/',
    [
      'https://management.usgovcloudapi.net/',
      'https://management.usgovcloudapi.net',
      'https://management.core.usgovcloudapi.net/',
      'https://management.core.usgovcloudapi.net'
    ],
    ['https://management.azure.com/', 'https://management.core.windows.net/']
  ],
  [
    'management.chinacloudapi.cn',
    'Resource Manager',
    'china',
    'https://management.chinacloudapi.cn/',
    [
      'https://management.chinacloudapi.cn/',
      'https://management.chinacloudapi.cn',
      'https://management.core.chinacloudapi.cn/',
      'https://management.core.chinacloudapi.cn'
    ],
    ['https://management.azure.com/']
  ],
  [
    'my-vault.vault.azure.net',
    'Key Vault',
    'public',
    'https://vault.azure.net',
    ['https://vault.azure.net'],
    // AKV10022 for the trailing slash and for the vault's own URL.
    [
      'https://vault.azure.net/',
      'https://my-vault.vault.azure.net/',
      'https://management.azure.com/'
    ]
  ],
  [
    'kv1.vault.usgovcloudapi.net',
    'Key Vault',
    'usgov',
    'https://vault.usgovcloudapi.net',
    ['https://vault.usgovcloudapi.net'],
    ['https://vault.azure.net', 'https://vault.usgovcloudapi.net/']
  ],
  [
    'kv1.vault.azure.cn',
    'Key Vault',
    'china',
    'https://vault.azure.cn',
    ['https://vault.azure.cn'],
    ['https://vault.azure.net']
  ],
  [
    'hsm1.managedhsm.azure.net',
    'Managed HSM',
    'public',
    'https://managedhsm.azure.net',
    ['https://managedhsm.azure.net'],
    ['https://vault.azure.net']
  ],
  [
    'hsm1.managedhsm.usgovcloudapi.net',
    'Managed HSM',
    'usgov',
    'https://managedhsm.usgovcloudapi.net',
    ['https://managedhsm.usgovcloudapi.net'],
    ['https://managedhsm.azure.net']
  ],
  [
    'hsm1.managedhsm.azure.cn',
    'Managed HSM',
    'china',
    'https://managedhsm.azure.cn',
    ['https://managedhsm.azure.cn'],
    []
  ],
  [
    'acct.blob.core.windows.net',
    'Storage',
    'public',
    'https://storage.azure.com/',
    [
      'https://storage.azure.com/',
      'https://storage.azure.com',
      'https://acct.blob.core.windows.net',
      'https://acct.blob.core.windows.net/'
    ],
    ['https://other.blob.core.windows.net', 'https://management.azure.com/']
  ],
  ['acct.queue.core.windows.net', 'Storage', 'public', 'https://storage.azure.com/', [], []],
  ['acct.table.core.windows.net', 'Storage', 'public', 'https://storage.azure.com/', [], []],
  ['acct.file.core.windows.net', 'Storage', 'public', 'https://storage.azure.com/', [], []],
  ['acct.dfs.core.windows.net', 'Storage', 'public', 'https://storage.azure.com/', [], []],
  [
    'acct.blob.core.usgovcloudapi.net',
    'Storage',
    'usgov',
    'https://storage.azure.com/',
    ['https://acct.blob.core.usgovcloudapi.net'],
    []
  ],
  ['acct.dfs.core.chinacloudapi.cn', 'Storage', 'china', 'https://storage.azure.com/', [], []],
  [
    'graph.microsoft.com',
    'Graph',
    'public',
    'https://graph.microsoft.com',
    ['https://graph.microsoft.com', 'https://graph.microsoft.com/'],
    ['https://graph.windows.net', 'https://graph.microsoft.us']
  ],
  ['graph.microsoft.us', 'Graph', 'usgov', 'https://graph.microsoft.us', [], []],
  ['dod-graph.microsoft.us', 'Graph', 'usgov', 'https://dod-graph.microsoft.us', [], []],
  [
    'microsoftgraph.chinacloudapi.cn',
    'Graph',
    'china',
    'https://microsoftgraph.chinacloudapi.cn',
    [],
    ['https://graph.microsoft.com']
  ],
  [
    'srv1.database.windows.net',
    'SQL',
    'public',
    'https://database.windows.net/',
    ['https://database.windows.net/', 'https://database.windows.net'],
    ['https://srv1.database.windows.net/']
  ],
  [
    'srv1.database.usgovcloudapi.net',
    'SQL',
    'usgov',
    'https://database.usgovcloudapi.net/',
    [],
    []
  ],
  ['srv1.database.chinacloudapi.cn', 'SQL', 'china', 'https://database.chinacloudapi.cn/', [], []],
  [
    'ns1.servicebus.windows.net',
    'Service Bus',
    'public',
    'https://servicebus.azure.net',
    [
      'https://servicebus.azure.net',
      'https://servicebus.azure.net/',
      'https://eventhubs.azure.net',
      'https://eventhubs.azure.net/',
      'https://ns1.servicebus.windows.net/'
    ],
    ['https://storage.azure.com/']
  ],
  [
    'ns1.servicebus.usgovcloudapi.net',
    'Service Bus',
    'usgov',
    'https://servicebus.azure.net',
    [],
    []
  ],
  [
    'ns1.servicebus.chinacloudapi.cn',
    'Service Bus',
    'china',
    'https://servicebus.azure.net',
    [],
    []
  ],
  [
    'acct.documents.azure.com',
    'Cosmos DB',
    'public',
    'https://acct.documents.azure.com',
    ['https://acct.documents.azure.com', 'https://cosmos.azure.com'],
    // Cosmos DB RBAC wants no trailing slash.
    ['https://acct.documents.azure.com/', 'https://cosmos.azure.com/']
  ],
  ['acct.documents.azure.us', 'Cosmos DB', 'usgov', 'https://acct.documents.azure.us', [], []],
  ['acct.documents.azure.cn', 'Cosmos DB', 'china', 'https://acct.documents.azure.cn', [], []],
  [
    'store1.azconfig.io',
    'App Configuration',
    'public',
    'https://appconfig.azure.com',
    ['https://appconfig.azure.com', 'https://store1.azconfig.io'],
    ['https://azconfig.io', 'https://appconfig.azure.us']
  ],
  ['store1.azconfig.azure.us', 'App Configuration', 'usgov', 'https://appconfig.azure.us', [], []],
  ['store1.azconfig.azure.cn', 'App Configuration', 'china', 'https://appconfig.azure.cn', [], []],
  [
    'reg1.azurecr.io',
    'Container Registry',
    'public',
    'https://containerregistry.azure.net',
    ['https://containerregistry.azure.net', 'https://management.azure.com/'],
    ['https://vault.azure.net']
  ],
  [
    'reg1.azurecr.us',
    'Container Registry',
    'usgov',
    'https://management.usgovcloudapi.net',
    [],
    []
  ],
  ['reg1.azurecr.cn', 'Container Registry', 'china', 'https://management.chinacloudapi.cn', [], []],
  [
    'my-aoai.openai.azure.com',
    'OpenAI',
    'public',
    'https://cognitiveservices.azure.com',
    ['https://cognitiveservices.azure.com', 'https://cognitiveservices.azure.com/'],
    ['https://my-aoai.openai.azure.com', 'https://management.azure.com/']
  ],
  [
    'lang1.cognitiveservices.azure.com',
    'OpenAI',
    'public',
    'https://cognitiveservices.azure.com',
    [],
    []
  ],
  ['my-aoai.openai.azure.us', 'OpenAI', 'usgov', 'https://cognitiveservices.azure.us', [], []],
  [
    'lang1.cognitiveservices.azure.cn',
    'OpenAI',
    'china',
    'https://cognitiveservices.azure.cn',
    [],
    []
  ],
  [
    'api.loganalytics.io',
    'Log Analytics',
    'public',
    'https://api.loganalytics.io',
    ['https://api.loganalytics.io', 'https://api.loganalytics.io/'],
    []
  ],
  ['api.loganalytics.azure.com', 'Log Analytics', 'public', 'https://api.loganalytics.io', [], []],
  ['api.loganalytics.us', 'Log Analytics', 'usgov', 'https://api.loganalytics.us', [], []],
  [
    'api.loganalytics.azure.cn',
    'Log Analytics',
    'china',
    'https://api.loganalytics.azure.cn',
    [],
    []
  ],
  [
    'mycluster.westeurope.kusto.windows.net',
    'Data Explorer',
    'public',
    'https://mycluster.westeurope.kusto.windows.net',
    [
      'https://mycluster.westeurope.kusto.windows.net',
      'https://mycluster.westeurope.kusto.windows.net/',
      'https://kusto.kusto.windows.net'
    ],
    ['https://other.westeurope.kusto.windows.net']
  ],
  [
    'c1.usgovvirginia.kusto.usgovcloudapi.net',
    'Data Explorer',
    'usgov',
    'https://c1.usgovvirginia.kusto.usgovcloudapi.net',
    ['https://kusto.kusto.usgovcloudapi.net'],
    []
  ],
  [
    'c1.chinaeast2.kusto.chinacloudapi.cn',
    'Data Explorer',
    'china',
    'https://c1.chinaeast2.kusto.chinacloudapi.cn',
    [],
    []
  ]
]

describe('serviceForHost: the audience table in every cloud', () => {
  it.each(TABLE)('%s → %s (%s)', (host, service, cloud, audience, accepted, refused) => {
    const entry = serviceForHost(host)
    expect(entry).toBeDefined()
    expect(entry!.service).toContain(service)
    expect(entry!.cloud).toBe(cloud)
    expect(entry!.audience).toBe(audience)
    // The audience to request is always one the service accepts.
    expect(audienceAccepted(entry!.audience, entry!)).toBe(true)
    expect(entry!.accepted).toContain(entry!.audience)
    for (const a of accepted) expect([a, audienceAccepted(a, entry!)]).toEqual([a, true])
    for (const r of refused) expect([r, audienceAccepted(r, entry!)]).toEqual([r, false])
  })

  it('covers the three clouds for every service family', () => {
    const byService = new Map<string, Set<AzureCloud>>()
    for (const [host] of TABLE) {
      const entry = serviceForHost(host)!
      const family = entry.service
      if (!byService.has(family)) byService.set(family, new Set())
      byService.get(family)!.add(entry.cloud)
    }
    for (const [service, clouds] of byService) {
      if (service === 'Azure Synapse SQL') continue
      expect([service, [...clouds].sort()]).toEqual([service, ['china', 'public', 'usgov']])
    }
  })

  it.each([
    ['MY-VAULT.Vault.Azure.NET', 'Key Vault'],
    ['management.azure.com.', 'Azure Resource Manager'],
    ['ws1.sql.azuresynapse.net', 'Azure Synapse SQL']
  ])('normalises host %s', (host, service) => {
    expect(serviceForHost(host)?.service).toBe(service)
  })

  it.each([
    'vault.azure.net', // the suffix itself is no vault
    'blob.core.windows.net',
    'evil-vault.azure.net', // not a subdomain of vault.azure.net
    'myvault.vault.azure.net.evil.com',
    'management.azure.com.evil.com',
    'xmanagement.azure.com',
    'core.windows.net',
    'example.com',
    '127.0.0.1',
    'localhost',
    '[::1]',
    ''
  ])('%s is not in the table', host => {
    expect(serviceForHost(host)).toBeUndefined()
  })

  it('serviceForUrl reads the host of a check URL with placeholders in its path', () => {
    expect(
      serviceForUrl(
        'https://management.azure.com/subscriptions/{subscriptionId}/resourcegroups?api-version=2021-04-01'
      )?.audience
    ).toBe('https://management.azure.com/')
    expect(serviceForUrl('http://127.0.0.1:4000/secrets')).toBeUndefined()
    expect(serviceForUrl('not a url')).toBeUndefined()
  })
})

describe('audienceAccepted', () => {
  const arm = serviceForHost('management.azure.com')!
  const vault = serviceForHost('v.vault.azure.net')!

  it('compares scheme and host without case, as token audiences are compared', () => {
    expect(audienceAccepted('HTTPS://Management.Azure.com/', arm)).toBe(true)
    expect(audienceAccepted('https://VAULT.azure.net', vault)).toBe(true)
  })

  it('ignores surrounding whitespace', () => {
    expect(audienceAccepted('  https://vault.azure.net ', vault)).toBe(true)
  })

  it.each([
    'https://management.azure.com//',
    'https://management.azure.com/subscriptions',
    'http://management.azure.com/',
    'api://management.azure.com',
    'https://management.azure.com/.default',
    ''
  ])('ARM refuses %s', resource => {
    expect(audienceAccepted(resource, arm)).toBe(false)
  })
})

describe('sameAudience: two audiences for the same resource (token aud against the request)', () => {
  const armVariants = [
    'https://management.azure.com/',
    'https://management.azure.com',
    'https://management.core.windows.net/',
    'https://management.core.windows.net'
  ]
  test.each(armVariants.flatMap(a => armVariants.map(b => [a, b])))(
    'ARM accepts %s where %s is expected',
    (a, b) => {
      expect(sameAudience(a, b)).toBe(true)
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
    ['cfa8b339-82a2-471a-a3c9-0fc0be7a4093', 'https://management.azure.com/', false],
    ['https://eventhubs.azure.net', 'https://servicebus.azure.net/', true]
  ])('%s accepted for %s: %s', (a, b, accepted) => {
    expect(sameAudience(a, b)).toBe(accepted)
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

describe('the service table, read row by row', () => {
  const rows = azureServices()
  const clouds = Object.keys(CLOUDS) as AzureCloud[]

  test.each(rows.map(row => [row.key, row] as const))(
    '%s: every host of every cloud resolves to its own row, audience accepted',
    (_key, row) => {
      expect(row.clouds.public).toBeDefined()
      for (const cloud of clouds) {
        const endpoints = row.clouds[cloud]
        if (endpoints === undefined) continue
        const hosts = [
          ...(endpoints.hosts ?? []),
          ...(endpoints.suffixes ?? []).map(suffix => `example1.${suffix}`)
        ]
        expect(hosts.length).toBeGreaterThan(0)
        for (const host of hosts) {
          const entry = serviceForHost(host)
          expect([host, entry?.key, entry?.cloud]).toEqual([host, row.key, cloud])
          expect(audienceAccepted(entry!.audience, entry!)).toBe(true)
          expect(serviceOfCheck(`https://${host}/x`, undefined)?.key).toBe(row.key)
        }
      }
    }
  )

  test.each(rows.filter(row => row.network !== undefined).map(row => [row.key, row] as const))(
    '%s: a service with a network fix names its private DNS zone in every cloud it has',
    (_key, row) => {
      for (const endpoints of Object.values(row.clouds)) {
        expect(endpoints.privateDnsZones?.length ?? 0).toBeGreaterThan(0)
        for (const zone of endpoints.privateDnsZones ?? []) expect(zone).toMatch(/^privatelink\./)
      }
      expect(row.network!.ip ?? row.network!.subnet ?? row.network!.publicAccess).toBeDefined()
    }
  )

  test('every row names at least one data role, and its application IDs resolve to its audience', () => {
    for (const row of rows) {
      expect([row.key, row.roles.length > 0]).toEqual([row.key, true])
      for (const appId of row.appIds ?? []) {
        expect(audienceMatchesRequest(appId, row.clouds.public!.audience)).toBe('match')
      }
    }
  })

  test('error rules: a network refusal never reads as a role problem and vice versa', () => {
    const storage = serviceByKey('storage')
    expect(matchErrorRules(storage, 403, 'AuthorizationFailure', undefined, '')?.meaning).toBe(
      'network'
    )
    expect(
      matchErrorRules(storage, 403, 'AuthorizationPermissionMismatch', undefined, '')?.meaning
    ).toBe('role')
    const vault = serviceByKey('keyvault')
    expect(matchErrorRules(vault, 403, 'Forbidden', 'ForbiddenByConnection', '')?.meaning).toBe(
      'network'
    )
    expect(
      matchErrorRules(vault, 403, 'Forbidden', 'ForbiddenByRbac', 'Caller is not')?.meaning
    ).toBe('role')
    const bus = serviceByKey('servicebus')
    expect(
      matchErrorRules(
        bus,
        401,
        '401',
        undefined,
        'Ip has been prevented to connect to the endpoint.'
      )?.meaning
    ).toBe('network')
  })

  test('cloud names as IMDS and App Service give them', () => {
    expect(cloudOfEnvironment('AzurePublicCloud')).toBe('public')
    expect(cloudOfEnvironment('azureusgovernmentcloud')).toBe('usgov')
    expect(cloudOfEnvironment('AzureChinaCloud')).toBe('china')
    expect(cloudOfEnvironment('AzureGermanCloud')).toBeUndefined()
    expect(serviceHost('arm', 'usgov')).toBe('management.usgovcloudapi.net')
  })
})
