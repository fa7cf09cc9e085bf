import { matchIdentity } from '../../src/engine/diagnosis/identity-match'
import type { IdentitySelection } from '../../src/contracts/probe-request'
import {
  SYSTEM_APPID,
  SYSTEM_OID,
  UAI_CLIENT,
  UAI_ID,
  UAI_OID,
  VM_ID
} from '../helpers/diagnosis-fixtures'

const systemToken = { oid: SYSTEM_OID, appid: SYSTEM_APPID, xms_mirid: VM_ID }
const uaiToken = { oid: UAI_OID, appid: UAI_CLIENT, xms_mirid: UAI_ID }

describe('matchIdentity', () => {
  test.each<
    [string, IdentitySelection, string | undefined, Record<string, string>, Array<[string, string]>]
  >([
    ['system + system token', { kind: 'system' }, undefined, systemToken, []],
    ['client ID matches appid', { kind: 'client-id', value: UAI_CLIENT }, undefined, uaiToken, []],
    [
      'client ID matches appid case-insensitively',
      { kind: 'client-id', value: UAI_CLIENT.toUpperCase() },
      undefined,
      uaiToken,
      []
    ],
    ['object ID matches oid', { kind: 'object-id', value: UAI_OID }, undefined, uaiToken, []],
    [
      'resource ID matches xms_mirid case-insensitively',
      { kind: 'resource-id', value: UAI_ID.toLowerCase() },
      undefined,
      uaiToken,
      []
    ],
    ['expected principal matches', { kind: 'system' }, SYSTEM_OID, systemToken, []],
    [
      'client ID differs',
      { kind: 'client-id', value: UAI_CLIENT },
      undefined,
      systemToken,
      [['fail', 'appid']]
    ],
    [
      'object ID differs',
      { kind: 'object-id', value: UAI_OID },
      undefined,
      systemToken,
      [['fail', 'oid']]
    ],
    [
      'resource ID differs',
      { kind: 'resource-id', value: UAI_ID },
      undefined,
      systemToken,
      [['fail', 'xms_mirid']]
    ],
    ['expected principal differs', { kind: 'system' }, UAI_OID, systemToken, [['fail', 'oid']]],
    [
      'both selection and principal differ',
      { kind: 'client-id', value: UAI_CLIENT },
      UAI_OID,
      systemToken,
      [
        ['fail', 'appid'],
        ['fail', 'oid']
      ]
    ],
    [
      'object ID and same expected principal are compared once',
      { kind: 'object-id', value: UAI_OID },
      UAI_OID,
      systemToken,
      [['fail', 'oid']]
    ],
    [
      'system asked, user-assigned token',
      { kind: 'system' },
      undefined,
      uaiToken,
      [['warn', 'xms_mirid']]
    ],
    [
      'client ID given, token without appid',
      { kind: 'client-id', value: UAI_CLIENT },
      undefined,
      { oid: UAI_OID },
      [['warn', 'appid']]
    ]
  ])('%s', (_name, selection, expected, claims, problems) => {
    const result = matchIdentity(selection, expected, claims)
    expect(result.map(p => [p.status, p.claim])).toEqual(problems)
    for (const p of result.filter(p => p.status === 'fail')) {
      // Both values are named, so a person can see the difference.
      expect(p.text).toContain(p.expected as string)
      expect(p.text).toContain(p.actual as string)
    }
  })
})
