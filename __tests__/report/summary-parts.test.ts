/** The pieces the summary and annotations are built from: short names and commands in prose. */
import { splitRemediation } from '../../src/engine/report/remediation-commands'
import { shortTargetName, shortTargetNames } from '../../src/engine/report/target-name'
import * as fix from '../../src/engine/diagnosis/remediation'
import { passingTarget } from '../helpers/report-fixtures'

const SUB = '00000000-0000-0000-0000-000000000000'
const VM = `/subscriptions/${SUB}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/web-1`
const SS = `/subscriptions/${SUB}/resourceGroups/rg-batch/providers/Microsoft.Compute/virtualMachineScaleSets/batch`

describe('short target names', () => {
  test.each([
    [`vm:${VM}`, 'web-1 (rg-web)'],
    [`vmss:${SS}#3`, 'batch #3 (rg-batch)'],
    [`vmss:${SS}`, 'batch (rg-batch)'],
    ['https://shop.azurewebsites.net/.well-known/mi-smoke', 'shop.azurewebsites.net'],
    ['http://127.0.0.1:8080/mi-smoke', '127.0.0.1:8080'],
    ['local', 'local']
  ])('%s → %s', (line, name) => {
    expect(shortTargetName(line)).toBe(name)
  })

  test('two targets with the same short name keep their full lines', () => {
    const names = shortTargetNames([
      passingTarget('https://a.example.net/one'),
      passingTarget('https://a.example.net/two'),
      passingTarget(`vm:${VM}`)
    ])
    expect([...names.values()]).toEqual([
      'https://a.example.net/one',
      'https://a.example.net/two',
      'web-1 (rg-web)'
    ])
  })
})

describe('commands in a remediation', () => {
  test('an rbac fix: the command between the prose, quoted values kept', () => {
    const text = fix.rbacDenied(
      { service: 'arm', principalId: 'p-1', scope: `/subscriptions/${SUB}`, action: 'x/read' },
      undefined
    )
    const parts = splitRemediation(text)
    expect(parts.map(p => p.kind)).toEqual(['text', 'command', 'text'])
    expect(parts[1]!.text).toMatch(
      /^az role assignment create --assignee-object-id p-1 --assignee-principal-type ServicePrincipal --role "[^"]+" --scope "\/subscriptions\/0{8}-0{4}-0{4}-0{4}-0{12}"$/
    )
    expect(parts[0]!.text).toBe(`Grant principal p-1 a role on /subscriptions/${SUB}:`)
    expect(parts[2]!.text).toMatch(/^role assignments can take minutes/)
  })

  test('commands in parentheses, with <placeholders> and a comma after', () => {
    const parts = splitRemediation(fix.noIdentity('imds', { resourceId: VM }))
    expect(parts).toEqual([
      { kind: 'text', text: 'Enable a system-assigned identity' },
      { kind: 'command', text: `az vm identity assign --ids ${VM}` },
      {
        kind: 'text',
        text: 'or assign a user-assigned identity and select it with the input identity: <its client ID>'
      }
    ])
    const two = splitRemediation(
      'check it (az identity show --ids <identity resource ID> --query clientId -o tsv) and assign it (az vm identity assign --ids X --identities <identity resource ID>); done'
    )
    expect(two.filter(p => p.kind === 'command').map(p => p.text)).toEqual([
      'az identity show --ids <identity resource ID> --query clientId -o tsv',
      'az vm identity assign --ids X --identities <identity resource ID>'
    ])
  })

  test('prose without a command is one text part; "az" inside a word is not a command', () => {
    expect(splitRemediation('Run on an Azure VM (the hazard is gone)')).toEqual([
      { kind: 'text', text: 'Run on an Azure VM (the hazard is gone)' }
    ])
  })
})
