/**
 * Starts the emulator for the dogfood workflow (.github/workflows/dogfood.yml) and keeps it running
 * in the background of the job while later steps run the action against it.
 *
 * Usage: tsx .github/dogfood/start-emulator.ts <scenario> <info-file>
 *
 * It writes the emulator's addresses to <info-file> as JSON only once every listener is up, and
 * atomically (write, then rename), so the workflow can poll for the file and never reads half of it.
 * It uses the emulator's programmatic API (the same one the tests use) rather than its CLI, so the
 * workflow does not depend on what the CLI prints.
 */
import { renameSync, writeFileSync } from 'node:fs'
import { startEmulator } from '../../emulator/emulator'

type Scenario = NonNullable<NonNullable<Parameters<typeof startEmulator>[0]>['scenario']>

async function main(): Promise<void> {
  const [scenario, infoFile] = process.argv.slice(2)
  if (!scenario || !infoFile) {
    throw new Error('usage: start-emulator.ts <scenario> <info-file>')
  }
  const emulator = await startEmulator({ scenario: scenario as Scenario })
  const info = {
    scenario,
    imdsUrl: emulator.imdsUrl,
    apiUrl: emulator.apiUrl,
    controlUrl: emulator.controlUrl,
    subscriptionId: emulator.subscriptionId,
    systemPrincipalId: emulator.identities.system.objectId,
    // The canary lets the workflow prove that no token reached an output; it is the signature of
    // the emulator's fake tokens, worthless outside this job.
    canary: emulator.canary
  }
  writeFileSync(`${infoFile}.partial`, JSON.stringify(info, null, 2))
  renameSync(`${infoFile}.partial`, infoFile)
  console.log(`emulator (${scenario}) listening: IMDS ${emulator.imdsUrl}, API ${emulator.apiUrl}`)

  const stop = (): void => {
    void emulator.close().finally(() => process.exit(0))
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

main().catch(error => {
  console.error(error)
  process.exit(1)
})
