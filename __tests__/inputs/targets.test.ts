import { parseTargets } from '../../src/engine/inputs/targets'
import { expectInputError } from '../helpers/expect-input-error'

const SUB = '00000000-1111-2222-3333-444444444444'
const RG = `/subscriptions/${SUB}/resourceGroups/rg-web`
const VM = `${RG}/providers/Microsoft.Compute/virtualMachines/web-1`
const VMSS = `${RG}/providers/Microsoft.Compute/virtualMachineScaleSets/web-ss`

describe('parseTargets: valid', () => {
  it('an empty value means local', () => {
    expect(parseTargets('')).toEqual([{ kind: 'local', line: 'local' }])
    expect(parseTargets('  \n ')).toEqual([{ kind: 'local', line: 'local' }])
  })

  it.each([
    ['local', { kind: 'local', line: 'local' }],
    ['LOCAL', { kind: 'local', line: 'LOCAL' }],
    [`vm:${VM}`, { kind: 'vm', line: `vm:${VM}`, resourceId: VM }],
    [`VM: ${VM}`, { kind: 'vm', line: `VM: ${VM}`, resourceId: VM }],
    [
      `vm:${VM.toLowerCase()}`,
      { kind: 'vm', line: `vm:${VM.toLowerCase()}`, resourceId: VM.toLowerCase() }
    ],
    [`vmss:${VMSS}`, { kind: 'vmss', line: `vmss:${VMSS}`, resourceId: VMSS }],
    [`vmss:${VMSS}#0`, { kind: 'vmss', line: `vmss:${VMSS}#0`, resourceId: VMSS, instanceId: '0' }],
    [
      `vmss:${VMSS}#12`,
      { kind: 'vmss', line: `vmss:${VMSS}#12`, resourceId: VMSS, instanceId: '12' }
    ],
    [
      `vmss:${VMSS}#007`,
      { kind: 'vmss', line: `vmss:${VMSS}#007`, resourceId: VMSS, instanceId: '7' }
    ],
    [
      'https://web-1.azurewebsites.net/.well-known/mi-smoke',
      {
        kind: 'https',
        line: 'https://web-1.azurewebsites.net/.well-known/mi-smoke',
        url: 'https://web-1.azurewebsites.net/.well-known/mi-smoke'
      }
    ],
    [
      'HTTPS://Web-1.AzureWebsites.net',
      {
        kind: 'https',
        line: 'HTTPS://Web-1.AzureWebsites.net',
        url: 'https://web-1.azurewebsites.net/'
      }
    ],
    [
      'http://127.0.0.1:8080/mi-smoke',
      {
        kind: 'https',
        line: 'http://127.0.0.1:8080/mi-smoke',
        url: 'http://127.0.0.1:8080/mi-smoke'
      }
    ],
    [
      'http://[::1]:8080/',
      { kind: 'https', line: 'http://[::1]:8080/', url: 'http://[::1]:8080/' }
    ],
    [
      'http://localhost:3000/p?x=1',
      { kind: 'https', line: 'http://localhost:3000/p?x=1', url: 'http://localhost:3000/p?x=1' }
    ]
  ])('%s', (line, target) => {
    expect(parseTargets(line)).toEqual([target])
  })

  it('reads one target a line, skipping blank lines and # comments, in order', () => {
    const value = [
      '# the runner itself',
      'local',
      '',
      '   # production web tier',
      `  vm:${VM}  `,
      `vmss:${VMSS}#3`,
      '\r',
      'https://app.example.com/mi-smoke'
    ].join('\r\n')
    expect(parseTargets(value).map(t => t.kind)).toEqual(['local', 'vm', 'vmss', 'https'])
  })

  it('accepts two different instances of one scale set', () => {
    expect(parseTargets(`vmss:${VMSS}#1\nvmss:${VMSS}#2`)).toHaveLength(2)
  })
})

describe('parseTargets: invalid', () => {
  it.each([
    ['# only a comment', /only comments/],
    ['remote', /line 1: "remote" is not a target/],
    ['local\nlocal', /line 2: "local" repeats line 1/],
    [
      `vm:${VM}\nvm:${VM.toUpperCase().replace('/SUBSCRIPTIONS/', '/subscriptions/')}`,
      /line 2: .* repeats line 1/
    ],
    [`vmss:${VMSS}#1\nvmss:${VMSS}#01`, /repeats line 1/],
    [`vmss:${VMSS}\nvmss:${VMSS}#1`, /line 2: .* already covered by line 1/],
    [`vmss:${VMSS}#1\nvmss:${VMSS}`, /line 1: .* already covered by line 2/],
    ['https://a.example.com/x\nhttps://A.example.com/x', /repeats line 1/],
    [`vm:${VMSS}`, /is a scale set; write it as vmss:<ID>/],
    [
      `vm:${VMSS}/virtualMachines/3`,
      new RegExp(`scale set instance; write it as "vmss:${VMSS.replace(/[.()]/g, '\\$&')}#3`)
    ],
    [`vmss:${VMSS}/virtualMachines/3`, /instance's resource ID; write "vmss:.*#3"/],
    [`vmss:${VM}`, /is a virtual machine; write it as vm:<ID>/],
    [
      `vm:${RG}/providers/Microsoft.HybridCompute/machines/arc-1`,
      /Microsoft\.HybridCompute\/machines, not a virtual machine/
    ],
    [`vm:${RG}/providers/Microsoft.Web/sites/app`, /not a virtual machine/],
    [`vmss:${RG}/providers/Microsoft.Web/sites/app`, /not a scale set/],
    ['vm:web-1', /az vm show -g <resource group> -n <VM name> --query id -o tsv/],
    ['vm:', /not a VM resource ID/],
    [`vm:${VM.replace(SUB, 'sub')}`, /subscription ID is not a GUID/],
    [`vm:${VM}/`, /does not end with a slash/],
    [`vm:${VM.replace('web-1', 'web 1')}`, /resource name is not valid/],
    [`vm:${VM.replace('web-1', 'web-1;rm -rf /')}`, /not a VM resource ID/],
    [`vm:${VM.replace('web-1', 'web-1$(id)')}`, /resource name is not valid/],
    [`vmss:${VMSS}#`, /"" after # is not an instance ID/],
    [`vmss:${VMSS}#abc`, /"abc" after # is not an instance ID; instance IDs are numbers/],
    [`vmss:${VMSS}#-1`, /not an instance ID/],
    [`vmss:${VMSS}#1#2`, /not an instance ID/],
    [`vmss:${VMSS}#12345678901`, /not an instance ID/],
    [VM, /needs a prefix: write "vm:\/subscriptions/],
    [`${VMSS}#2`, /needs a prefix: write "vmss:\/subscriptions/],
    ['web-1.azurewebsites.net/mi-smoke', /no scheme; write "https:\/\/web-1/],
    ['http://web-1.azurewebsites.net/mi-smoke', /http:\/\/ off loopback/],
    ['http://0.0.0.0:8080/', /http:\/\/ off loopback/],
    ['http://127.0.0.1.nip.io/', /http:\/\/ off loopback/],
    ['http://localhost.example.com/', /http:\/\/ off loopback/],
    ['https://user:secret@web-1.example.com/', /credentials in it/],
    ['https://web-1.example.com/#frag', /fragment/],
    ['https://', /not an absolute URL/],
    ['ftp://web-1.example.com/', /not a target/],
    [Array.from({ length: 257 }, (_, i) => `https://h${i}.example.com/`).join('\n'), /at most 256/]
  ])('%j', (value, problem) => {
    const error = expectInputError(() => parseTargets(value), 'targets', problem)
    expect(() => parseTargets(error.example)).not.toThrow()
  })

  it('does not echo a password from a URL', () => {
    const error = expectInputError(
      () => parseTargets('https://user:hunter2@web-1.example.com/'),
      'targets',
      /credentials/
    )
    expect(error.message).not.toContain('hunter2')
  })
})
