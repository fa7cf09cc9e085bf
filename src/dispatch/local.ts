/**
 * The `local` target: the probe runs in this process, in the runner's own environment (a
 * self-hosted runner on an Azure VM, or a job running inside Azure). The token it receives is
 * registered as a secret before anything else happens to it.
 */
import * as runner from '../runner'
import { runProbe } from '../node-probe/run-probe'
import type { Workload } from './workload'

export function localWorkload(label = 'local'): Workload {
  return {
    label,
    probe: (request, signal) =>
      runProbe(request, {
        env: process.env,
        signal,
        probe: 'local',
        registerSecret: runner.setSecret
      })
  }
}
