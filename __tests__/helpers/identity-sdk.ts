/** Runs fixtures/get-token.cjs (a real @azure/identity credential) in a child process. */
import { execFile } from 'node:child_process'
import { join, resolve } from 'node:path'

const ROOT = resolve(__dirname, '..', '..')

export interface SdkResult {
  ok: boolean
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  claims?: any
  signatureIsCanary?: boolean
  expiresOnTimestamp?: number
  checkStatus?: number
  name?: string
  message?: string
  /** Everything the child wrote, for the canary check. */
  output: string
}

export function getTokenWithSdk(env: Record<string, string>): Promise<SdkResult> {
  return new Promise((done, fail) => {
    execFile(
      process.execPath,
      [
        '--require',
        join(__dirname, '..', 'emulator', 'fixtures', 'loopback-only.cjs'),
        join(__dirname, '..', 'emulator', 'fixtures', 'get-token.cjs')
      ],
      // A clean environment: no proxy, no identity variable of the host leaks in.
      {
        cwd: ROOT,
        env: {
          PATH: process.env['PATH'] ?? '/usr/bin:/bin',
          HOME: process.env['HOME'] ?? '/tmp',
          ...env
        },
        timeout: 45_000
      },
      (error, stdout, stderr) => {
        const output = `${stdout}\n${stderr}`
        const line = stdout.trim().split('\n').pop() ?? ''
        try {
          done({ ...(JSON.parse(line) as Omit<SdkResult, 'output'>), output })
        } catch {
          fail(
            new Error(
              `child printed no result (${error?.message ?? 'exit 0'}): ${output.slice(0, 2000)}`
            )
          )
        }
      }
    )
  })
}
