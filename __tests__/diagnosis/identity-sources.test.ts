/**
 * Each identity source fails its own way: an endpoint that does not answer gets that source's fix
 * by the network kind (never App Service's restart advice or IMDS's NSG rule for every source), and
 * a local permission is never called a network failure.
 */
import { diagnose } from '../../src/engine/diagnosis/diagnose'
import type { Observations, TransportError } from '../../src/contracts/observations'
import type { StepReport } from '../../src/contracts/report'
import { observations, plan, token } from '../helpers/diagnosis-fixtures'

function firstFailure(obs: Observations): StepReport {
  const report = diagnose(obs, plan())
  const step = report.steps.find(s => s.status === 'fail') as StepReport
  expect(step).toBeDefined()
  return step
}

function unanswered(
  source: Observations['source'],
  url: string,
  error: TransportError,
  errorText: string,
  more: Partial<Observations> = {}
): StepReport {
  return firstFailure(
    observations({
      source,
      instance: undefined,
      meta: undefined,
      tokens: [
        token({
          url,
          status: undefined,
          error,
          errorText,
          fields: undefined,
          claims: undefined,
          shape: undefined
        })
      ],
      ...more
    })
  )
}

describe('an identity endpoint that does not answer: the source’s own fix', () => {
  test.each([
    [
      'app-service',
      'http://localhost:42356/msi/token',
      'refused',
      { platform: { kind: 'container-apps', variable: 'CONTAINER_APP_NAME', name: 'orders' } },
      /az containerapp revision restart --name orders/,
      /NO_PROXY|NSG|az webapp/
    ],
    [
      'app-service',
      'http://127.0.0.1:41292/msi/token',
      'timeout',
      {
        platform: {
          kind: 'functions',
          variable: 'WEBSITE_SITE_NAME',
          name: 'fn',
          resourceGroup: 'rg'
        }
      },
      /az functionapp restart --name fn --resource-group rg/,
      /NO_PROXY|NSG/
    ],
    [
      'app-service',
      'http://localhost:50342/',
      'refused',
      {
        sourceDetail:
          'MSI_ENDPOINT and MSI_SECRET set (Azure Machine Learning or App Service 2017-09-01)'
      },
      /MSI_ENDPOINT.*az ml compute show/,
      /NO_PROXY|NSG/
    ],
    [
      'service-fabric',
      'https://10.0.0.4:2377/metadata/identity/oauth2/token',
      'refused',
      {},
      /ManagedIdentityTokenService/,
      /NO_PROXY|NSG|az webapp/
    ],
    [
      'service-fabric',
      'https://10.0.0.4:2377/metadata/identity/oauth2/token',
      'tls',
      {},
      /IDENTITY_SERVER_THUMBPRINT/,
      /clock|NODE_EXTRA_CA_CERTS/
    ],
    [
      'arc',
      'http://localhost:40342/metadata/identity/oauth2/token',
      'refused',
      {},
      /himds.*systemctl restart himds/,
      /NO_PROXY|NSG|az webapp/
    ],
    [
      'cloud-shell',
      'http://localhost:50342/oauth2/token',
      'refused',
      {},
      /restart Cloud Shell/,
      /NO_PROXY|NSG|az webapp/
    ],
    [
      'workload-identity',
      'https://login.microsoftonline.com/tenant/oauth2/v2.0/token',
      'dns',
      {},
      /login\.microsoftonline\.com.*CoreDNS/,
      /NO_PROXY=169|az webapp|clock/
    ],
    [
      'workload-identity',
      'https://login.microsoftonline.com/tenant/oauth2/v2.0/token',
      'timeout',
      {},
      /egress must allow HTTPS to login\.microsoftonline\.com/,
      /az webapp|clock/
    ],
    [
      'workload-identity',
      'https://login.microsoftonline.com/tenant/oauth2/v2.0/token',
      'proxy-denied',
      {},
      /allow rule for login\.microsoftonline\.com:443/,
      /clock|NODE_EXTRA_CA_CERTS/
    ]
  ] as const)('%s %s %s', (source, url, error, more, says, neverSays) => {
    const step = unanswered(source, url, error, `${error} at ${url}`, more as Partial<Observations>)
    expect(step.failureMode).toBe('platform-unreachable')
    expect(step.remediation).toMatch(says)
    expect(step.remediation).not.toMatch(neverSays)
  })

  test('an Arc key file the user may not read is a local permission, not the network', () => {
    const step = unanswered(
      'arc',
      'http://localhost:40342/metadata/identity/oauth2/token',
      'local-file',
      '401 challenge not answered: the challenged key file /var/opt/azcmagent/tokens/x.key could not be read (EACCES)'
    )
    expect(step.remediation).toMatch(/himds group/)
    expect(step.remediation).toMatch(/not the network/)
    expect(step.remediation).not.toMatch(/NSG|firewall|HTTPS_PROXY/)
  })

  test('an unreadable federated token file is the pod’s mount, not the egress', () => {
    const step = unanswered(
      'workload-identity',
      'https://login.microsoftonline.com/tenant/oauth2/v2.0/token',
      'local-file',
      'AZURE_FEDERATED_TOKEN_FILE could not be read (ENOENT)'
    )
    expect(step.remediation).toMatch(/azure\.workload\.identity\/use/)
    expect(step.remediation).not.toMatch(/firewall|HTTPS_PROXY/)
  })
})
