/**
 * The `local` target: the probe runs in this process, in the runner's own environment (a
 * self-hosted runner on an Azure VM, or a job running inside Azure). The token it receives is
 * known to the redactor before anything else happens to it, so no text the action writes can
 * carry it. It is not registered with `::add-mask::`: nothing prints it, and that command would be
 * the one place it reached stdout (docs/security.md).
 */
import { runProbe } from '../../node-probe/run-probe'
import { registerSecretText } from '../../common/redact'
import type { Workload } from './workload'

export function localWorkload(label = 'local'): Workload {
  return {
    label,
    probe: (request, signal) =>
      runProbe(request, {
        env: process.env,
        signal,
        probe: 'local',
        registerSecret: registerSecretText
      })
  }
}
