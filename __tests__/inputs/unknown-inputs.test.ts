import { INPUT_DEFAULTS } from '../../src/engine/inputs/read-inputs'
import { closestInput, unknownInputWarnings } from '../../src/engine/inputs/unknown-inputs'
import { resourceIdFromPortalUrl } from '../../src/engine/inputs/portal-url'

const DECLARED = Object.keys(INPUT_DEFAULTS)

describe('input names action.yml does not declare', () => {
  test.each([
    ['target', 'targets'],
    ['identiy', 'identity'],
    ['fail_on', 'fail-on'],
    ['failon', 'fail-on'],
    ['check', 'checks'],
    ['rbac_wait', 'rbac-wait'],
    ['timout', 'timeout'],
    ['expected-principal', 'expected-principal-id'],
    ['colour', undefined]
  ])('%s → %s', (name, near) => {
    expect(closestInput(name, DECLARED)).toBe(near)
  })

  test('only INPUT_* variables that are not declared are warned about, each naming the input', () => {
    const warnings = unknownInputWarnings(
      {
        INPUT_TARGETS: 'local',
        'INPUT_FAIL-ON': 'error',
        INPUT_TARGET: 'local',
        PATH: '/bin',
        GITHUB_INPUT_X: '1'
      },
      DECLARED
    )
    expect(warnings).toEqual([
      `Input "target" is not an input of this action: did you mean targets? Rename it in the step's with: (its value is ignored until then)`
    ])
  })
})

describe('portal URLs', () => {
  const SUB = '00000000-0000-0000-0000-000000000000'
  const VM = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/web-1`
  test.each([
    [`https://portal.azure.com/#@contoso.onmicrosoft.com/resource${VM}/overview`, VM],
    [`https://portal.azure.com/#@contoso/resource${VM}`, VM],
    [`https://ms.portal.azure.com/#resource${VM}/identity?x=1`, VM],
    [
      `https://portal.azure.us/#@gov/resource/subscriptions/${SUB}/resourceGroups/rg/overview`,
      `/subscriptions/${SUB}/resourceGroups/rg`
    ],
    ['https://portal.azure.com/#home', undefined],
    [`https://example.com/resource${VM}`, undefined]
  ])('%s → %s', (url, id) => {
    expect(resourceIdFromPortalUrl(url)).toBe(id)
  })
})
