import { DEFAULT_CHECK_LINE, parseChecks } from '../../src/engine/inputs/checks'
import { MAX_CHECKS } from '../../src/contracts/probe-request'
import { expectInputError } from '../helpers/expect-input-error'

const ARM_RG =
  'https://management.azure.com/subscriptions/{subscriptionId}/resourcegroups?api-version=2021-04-01'

describe('parseChecks: valid', () => {
  it('an empty value means the ARM resource-group listing of the contract', () => {
    expect(DEFAULT_CHECK_LINE).toBe(ARM_RG)
    expect(parseChecks('')).toEqual([
      {
        line: ARM_RG,
        url: ARM_RG,
        resource: 'https://management.azure.com/',
        resourceFrom: 'host-table',
        expectedAudience: 'https://management.azure.com/',
        expect: [],
        // The default check adapts to the workload's cloud and subscription (orchestrate/default-check).
        followsWorkload: true
      }
    ])
  })

  it.each([
    [
      'https://my-vault.vault.azure.net/secrets?api-version=7.4',
      {
        resource: 'https://vault.azure.net',
        resourceFrom: 'host-table',
        expectedAudience: 'https://vault.azure.net',
        expect: []
      }
    ],
    [
      'https://acct.blob.core.windows.net/c?restype=container&comp=list expect=200',
      { resource: 'https://storage.azure.com/', resourceFrom: 'host-table', expect: [200] }
    ],
    [
      'https://graph.microsoft.us/v1.0/servicePrincipals expect=200,403',
      { resource: 'https://graph.microsoft.us', resourceFrom: 'host-table', expect: [200, 403] }
    ],
    [
      'https://management.chinacloudapi.cn/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}?api-version=2021-04-01',
      { resource: 'https://management.chinacloudapi.cn/', resourceFrom: 'host-table' }
    ],
    [
      // An explicit resource= is kept even when the host expects another: diagnosis reports the
      // mismatch as wrong-audience before the call.
      'https://my-vault.vault.azure.net/secrets?api-version=7.4 resource=https://management.azure.com/',
      {
        resource: 'https://management.azure.com/',
        resourceFrom: 'explicit',
        expectedAudience: 'https://vault.azure.net'
      }
    ],
    [
      'http://127.0.0.1:41235/subscriptions/{subscriptionId}/resourcegroups?api-version=2021-04-01 resource=https://management.azure.com/',
      {
        resource: 'https://management.azure.com/',
        resourceFrom: 'explicit',
        expectedAudience: undefined
      }
    ],
    [
      'http://[::1]:41235/secrets?api-version=7.4 resource=https://vault.azure.net',
      { resource: 'https://vault.azure.net', resourceFrom: 'explicit' }
    ],
    [
      'https://api.example.com/health resource=api://my-api expect=200',
      { resource: 'api://my-api', resourceFrom: 'explicit', expect: [200] }
    ],
    [
      'https://api.example.com/health   EXPECT=204,200,204   Resource=api://00000000-0000-0000-0000-000000000000',
      { resource: 'api://00000000-0000-0000-0000-000000000000', expect: [204, 200] }
    ],
    [
      'https://api.example.com/ resource=https://api.example.com/app/path',
      { resource: 'https://api.example.com/app/path' }
    ],
    [
      'https://api.example.com/ resource=https://api.example.com expect=100,599',
      { expect: [100, 599] }
    ]
  ])('%s', (line, fields) => {
    const [check] = parseChecks(line)
    const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined))
    expect(check).toMatchObject({ line, url: line.split(/\s+/)[0], ...defined })
    if ('expectedAudience' in fields && fields.expectedAudience === undefined) {
      expect(check).not.toHaveProperty('expectedAudience')
    }
  })

  it('reads one check a line, skipping blank lines and # comments', () => {
    const checks = parseChecks(
      [
        '# ARM',
        ARM_RG,
        '',
        '# Key Vault',
        'https://my-vault.vault.azure.net/secrets?api-version=7.4'
      ].join('\n')
    )
    expect(checks.map(c => c.resource)).toEqual([
      'https://management.azure.com/',
      'https://vault.azure.net'
    ])
  })

  it('keeps the URL as written, placeholders unexpanded', () => {
    const line =
      'https://management.azure.com/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}?api-version=2021-04-01'
    expect(parseChecks(line)[0]!.url).toBe(line)
  })

  it('accepts the same URL with two different audiences (an audience experiment)', () => {
    expect(
      parseChecks(`${ARM_RG}\n${ARM_RG} resource=https://management.core.windows.net/`)
    ).toHaveLength(2)
  })
})

describe('parseChecks: invalid', () => {
  it.each([
    ['# nothing', /only comments/],
    ['https://{subscriptionId}.example.com/x resource=api://x', /placeholder in its host/],
    ['https://management.azure.com:{port}/x', /placeholder in its host/],
    ['https://mgmt-{resourceGroup}.azure.com/x resource=api://x', /placeholder in its host/],
    [
      `${ARM_RG.replace('{subscriptionId}', '{subscriptionID}')}`,
      /unknown placeholder "\{subscriptionID\}"; did you mean \{subscriptionId\}\?/
    ],
    [`${ARM_RG.replace('{subscriptionId}', '{resourcegroup}')}`, /did you mean \{resourceGroup\}/],
    [
      `${ARM_RG.replace('{subscriptionId}', '{tenantId}')}`,
      /unknown placeholder "\{tenantId\}"; the placeholders are/
    ],
    [`${ARM_RG.replace('{subscriptionId}', '{}')}`, /unknown placeholder "\{\}"/],
    [`${ARM_RG.replace('{subscriptionId}', '{subscriptionId')}`, /\{ without a matching \}/],
    [`${ARM_RG.replace('{subscriptionId}', 'subscriptionId}')}`, /\} without a matching \{/],
    [`${ARM_RG.replace('{subscriptionId}', '{{subscriptionId}}')}`, /without a matching/],
    [`${ARM_RG.replace('{subscriptionId}', '${subscriptionId}')}`, /without the \$/],
    [
      `${ARM_RG.replace('{subscriptionId}', '<subscription-id>')}`,
      /"<subscription-id>"; write \{subscriptionId\}/
    ],
    ['http://management.azure.com/subscriptions?api-version=2022-12-01', /http:\/\/ off loopback/],
    [
      'http://169.254.169.254/metadata/instance?api-version=2021-02-01 resource=api://x',
      /http:\/\/ off loopback/
    ],
    ['ftp://files.example.com/ resource=api://x', /not an https:\/\/ URL/],
    ['management.azure.com/subscriptions', /not an absolute URL/],
    ['https://user:pw@management.azure.com/subscriptions', /credentials/],
    ['https://management.azure.com/subscriptions#x', /fragment/],
    [
      'https://api.example.com/health',
      /host "api\.example\.com" is not an Azure service this action knows; add resource=/
    ],
    [
      'http://127.0.0.1:41235/secrets?api-version=7.4',
      /host "127\.0\.0\.1" is not an Azure service .* add resource=/
    ],
    [`${ARM_RG} resource=`, /resource= is empty/],
    [
      `${ARM_RG} resource=https://management.azure.com/.default`,
      /scope, not an audience; drop \/\.default/
    ],
    [
      `${ARM_RG} resource=00000000-0000-0000-0000-000000000000`,
      /application ID; give the API's application ID URI/
    ],
    [
      `${ARM_RG} resource=http://management.azure.com/`,
      /uses http:\/\/; audiences are https:\/\/ URLs or api:\/\//
    ],
    [`${ARM_RG} resource=management.azure.com`, /not an https:\/\/ URL or an api:\/\/ URI/],
    [`${ARM_RG} resource=api://`, /nothing after api:\/\//],
    [`${ARM_RG} resource=https://management.azure.com/?x=1`, /query or fragment/],
    [`${ARM_RG} resource=https://a@management.azure.com/`, /credentials/],
    [
      `${ARM_RG} resource=https://management.azure.com/ resource=https://management.azure.com`,
      /resource= appears twice/
    ],
    [`${ARM_RG} audience=https://management.azure.com/`, /given as resource=AUDIENCE/],
    [`${ARM_RG} scope=https://management.azure.com/.default`, /given as resource=AUDIENCE/],
    [`${ARM_RG} status=200`, /given as expect=STATUS/],
    [`${ARM_RG} expect=`, /expect= is empty/],
    [`${ARM_RG} expect=2xx`, /"2xx" is a class; list exact statuses/],
    [`${ARM_RG} expect=200,abc`, /"abc" is not an HTTP status from 100 to 599/],
    [`${ARM_RG} expect=600`, /"600" is not an HTTP status/],
    [`${ARM_RG} expect=99`, /"99" is not an HTTP status/],
    [`${ARM_RG} expect=099`, /"099" is not an HTTP status/],
    [`${ARM_RG} expect=200,,204`, /"" is not an HTTP status/],
    [`${ARM_RG} expect=200 expect=204`, /expect= appears twice/],
    [`${ARM_RG} method=POST`, /"method=POST" is not understood/],
    [`${ARM_RG} verbose`, /"verbose" is not understood/],
    [`${ARM_RG} # list resource groups`, /"#" is not understood/],
    [`GET ${ARM_RG}`, /starts with GET; write the URL alone/],
    [`resource=api://x ${ARM_RG}`, /does not start with a URL/],
    [`${ARM_RG}\n${ARM_RG}`, /line 2: .* repeats line 1/],
    [Array.from({ length: MAX_CHECKS + 1 }, (_, i) => `${ARM_RG}&n=${i}`).join('\n'), /at most 10/]
  ])('%j', (value, problem) => {
    const error = expectInputError(() => parseChecks(value), 'checks', problem)
    // Every example offered is itself a valid check.
    expect(() => parseChecks(error.example)).not.toThrow()
  })

  it('names the line of the bad check', () => {
    expectInputError(
      () => parseChecks(`# first\n${ARM_RG}\n\nhttps://api.example.com/x`),
      'checks',
      /^line 4: /
    )
  })
})
