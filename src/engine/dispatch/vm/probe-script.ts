/**
 * Where the probe scripts are at run time. ncc bundles code only, so the build copies `vm-probes/`
 * next to the bundle (`dist/vm-probes/...`, beside `dist/index.js`); from the sources (tests, tsx) the
 * repository's own `vm-probes/` is four levels up from this file. The Linux probe is written as
 * pieces (`vm-probes/linux/src/`) that scripts/linux-probe.cjs assembles into `probe.sh` in both
 * places (the build and the tests write it), so both hold the one script run-command needs.
 */
import { existsSync } from 'node:fs'
import * as path from 'node:path'
import { DispatchError } from '../workload'

export type ProbeOs = 'linux' | 'windows'

const PROBE_FILES: Record<ProbeOs, string[]> = {
  linux: ['linux', 'probe.sh'],
  windows: ['windows', 'probe.ps1']
}

/** Candidate locations, most specific first: beside the bundle, then the repository's. */
export function probeScriptCandidates(os: ProbeOs, baseDir: string = __dirname): string[] {
  const file = PROBE_FILES[os]
  return [
    path.resolve(baseDir, 'vm-probes', ...file),
    path.resolve(baseDir, '..', 'vm-probes', ...file),
    path.resolve(baseDir, '..', '..', '..', '..', 'vm-probes', ...file)
  ]
}

export function probeScriptPath(os: ProbeOs, baseDir: string = __dirname): string {
  const candidates = probeScriptCandidates(os, baseDir)
  const found = candidates.find(candidate => existsSync(candidate))
  if (!found) {
    throw new DispatchError(
      `the ${os} probe script is missing from the action`,
      'Use a released version of the action (its dist/vm-probes/ holds the probe scripts), or run npm run build',
      `looked in: ${candidates.join(', ')}`
    )
  }
  return found
}
