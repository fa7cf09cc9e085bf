/**
 * The vm:/vmss: path under test: the emulator with its compute endpoints over TLS on loopback (a
 * certificate made for the run), and the environment the built action needs to reach them: the
 * fake az first on PATH (it answers `az cloud show` with the emulator's URL and
 * `az account get-access-token` with a runner token the emulator issued), and the emulator's
 * certificate trusted through NODE_EXTRA_CA_CERTS (in the action's process only: tests only).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startEmulator, type Emulator, type EmulatorOptions } from '../../emulator/emulator'
import { createSelfSignedCertificate, type SelfSignedCertificate } from '../../emulator/tls'

export const FAKE_AZ_DIR = resolve(__dirname, '..', 'fixtures', 'az')

export interface ArmFleet {
  emulator: Emulator
  tls: SelfSignedCertificate
  /** Where the fake az logs its calls (one JSON line each). */
  azLog: string
  /** The environment of an action run: PATH, FAKE_AZ_*, NODE_EXTRA_CA_CERTS. */
  env(extra?: Record<string, string>): Record<string, string>
  /** A new runner token in the fake az's file (e.g. one about to expire). */
  writeToken(lifetimeS?: number): void
  close(): Promise<void>
}

export async function startArmFleet(options: EmulatorOptions = {}): Promise<ArmFleet> {
  const tls = createSelfSignedCertificate()
  const emulator = await startEmulator({ ...options, tls })
  const dir = mkdtempSync(join(tmpdir(), 'mi-smoke-arm-fleet-'))
  const tokenFile = join(dir, 'token.json')
  const azLog = join(dir, 'az.log')
  const writeToken = (lifetimeS = 3600): void =>
    writeFileSync(tokenFile, JSON.stringify(emulator.compute.cliToken(lifetimeS)), { mode: 0o600 })
  writeToken()
  return {
    emulator,
    tls,
    azLog,
    writeToken,
    env: (extra = {}) => ({
      PATH: `${FAKE_AZ_DIR}:${process.env['PATH'] ?? '/usr/bin:/bin'}`,
      FAKE_AZ_ARM_ENDPOINT: emulator.compute.url as string,
      FAKE_AZ_TOKEN_FILE: tokenFile,
      FAKE_AZ_LOG: azLog,
      NODE_EXTRA_CA_CERTS: tls.certPath,
      ...extra
    }),
    async close() {
      await emulator.close()
      rmSync(dir, { recursive: true, force: true })
      rmSync(tls.directory, { recursive: true, force: true })
    }
  }
}
