/**
 * A broken Azure CLI on the runner (its Python crashed: "The command failed with an unexpected
 * error. Here is the traceback:") is told apart from every Azure error: the report says the runner's
 * CLI is broken, with its version and the fix. Texts as reported in Azure/azure-cli#26165 (Linux,
 * while loading the vm module) and Azure/azure-cli#23455 (Windows, az vm run-command show); the
 * runner's login (`az cloud show`, `az account get-access-token`) meets them through azJson.
 */
import type { AzResult, AzRunner } from '../../../src/engine/dispatch/vm/az-cli'
import { azCliVersion, azFailure, azJson } from '../../../src/engine/dispatch/vm/az-cli'
import { azCallError, isAzCliCrash } from '../../../src/engine/dispatch/vm/az-errors'
import { DispatchError } from '../../../src/engine/dispatch/workload'

const LINUX_CRASH = [
  'The command failed with an unexpected error. Here is the traceback:',
  "'NoneType' object has no attribute '__dict__'",
  'Traceback (most recent call last):',
  '  File "/usr/local/lib/python3.8/dist-packages/knack/cli.py", line 231, in invoke',
  '    cmd_result = self.invocation.execute(args)',
  '  File "/usr/local/lib/python3.8/dist-packages/azure/cli/command_modules/vm/_params.py", line 36, in load_arguments',
  "AttributeError: 'NoneType' object has no attribute '__dict__'",
  'To check existing issues, please visit: https://github.com/Azure/azure-cli/issues',
  ''
].join('\n')

const WINDOWS_CRASH = [
  'The command failed with an unexpected error. Here is the traceback:',
  'No value for given attribute',
  'Traceback (most recent call last):',
  '  File "D:\\a\\1\\s\\build_scripts\\windows\\artifacts\\cli\\Lib\\site-packages\\knack/cli.py", line 231, in invoke',
  '  File "D:\\a\\1\\s\\build_scripts\\windows\\artifacts\\cli\\Lib\\site-packages\\azure/cli/core/commands/arm.py", line 429, in show_exception_handler',
  'azure.core.exceptions.ResourceNotFoundError: No value for given attribute',
  ''
].join('\n')

const context = { doing: 'read the power state of the VM', resourceId: '/subscriptions/s/vm' }

function fakeAz(answers: Record<string, AzResult>): { az: AzRunner; calls: string[][] } {
  const calls: string[][] = []
  const az: AzRunner = async args => {
    calls.push(args)
    return answers[args[0]!] ?? answers['*']!
  }
  return { az, calls }
}

const crashed = (stderr: string): AzResult => ({ exitCode: 1, stdout: '', stderr })
const VERSION: AzResult = {
  exitCode: 0,
  stdout: JSON.stringify({ 'azure-cli': '2.67.0', 'azure-cli-core': '2.67.0', extensions: {} }),
  stderr: ''
}

test.each([
  ['Linux', LINUX_CRASH, "AttributeError: 'NoneType' object has no attribute '__dict__'"],
  ['Windows', WINDOWS_CRASH, 'azure.core.exceptions.ResourceNotFoundError: No value']
])(
  'a %s traceback: the CLI is broken, its version, the exception and the fix',
  async (_os, stderr, exception) => {
    expect(isAzCliCrash(stderr)).toBe(true)
    const { az, calls } = fakeAz({ version: VERSION, '*': crashed(stderr) })
    const error = await azFailure(az, crashed(stderr), context)
    expect(calls).toEqual([['version', '-o', 'json']])
    expect(error).toBeInstanceOf(DispatchError)
    expect(error.message).toContain("the runner's Azure CLI is broken (azure-cli 2.67.0)")
    expect(error.message).toContain('while trying to read the power state of the VM')
    expect(error.message).toContain(exception)
    expect(error.remediation).toMatch(/az upgrade/)
    expect(error.remediation).toMatch(/reinstall/)
  }
)

test('az version failing too: the message says the version is unknown', async () => {
  const { az } = fakeAz({ '*': crashed(LINUX_CRASH) })
  expect(await azCliVersion(az)).toBeUndefined()
  const error = await azFailure(az, crashed(LINUX_CRASH), context)
  expect(error.message).toContain(
    "the runner's Azure CLI is broken (version unknown: az version failed too)"
  )
})

test('a version that is not a version is not reported', async () => {
  const { az } = fakeAz({
    version: { exitCode: 0, stdout: '{"azure-cli":"$(reboot)"}', stderr: '' }
  })
  expect(await azCliVersion(az)).toBeUndefined()
})

test('ordinary az errors are not taken for a crash, and cost no az version call', async () => {
  for (const stderr of [
    "ERROR: Please run 'az login' to setup account.\n",
    "ERROR: (ResourceNotFound) The Resource 'Microsoft.Compute/virtualMachines/web-1' was not found.\nCode: ResourceNotFound\n"
  ]) {
    expect(isAzCliCrash(stderr)).toBe(false)
    const { az, calls } = fakeAz({ version: VERSION })
    const error = await azFailure(az, crashed(stderr), context)
    expect(calls).toEqual([])
    expect(error.message).toBe(azCallError(1, stderr, context).message)
  }
})

test('azJson reports the broken CLI (the runner login reads `az cloud show` and its token through it)', async () => {
  const { az } = fakeAz({ version: VERSION, '*': crashed(LINUX_CRASH) })
  await expect(
    azJson(az, ['account', 'get-access-token'], {
      doing: 'read the runner login',
      resourceId: 'the active cloud'
    })
  ).rejects.toThrow(/Azure CLI is broken \(azure-cli 2\.67\.0\).*read the runner login/)
})
