/**
 * The probe request as run-command parameters: data the probe decodes, never code it runs.
 *
 * Every value travels as base64 with the `=` padding removed, so each parameter is made of
 * `[A-Za-z0-9+/]` only. That matters because nothing guarantees how the parameters are quoted on
 * their way to the VM: `az` reads a parameter holding `=` as `name=value`, argparse reads one
 * starting with `-` as an option, and the run-command extension hands them to a shell. A value in
 * this alphabet means the same thing to all of them.
 */
import type { ProbeRequest } from '../../../contracts/probe-request'

/** Version of the Linux parameter list (the probe's `$1`). */
export const LINUX_PARAMETERS_VERSION = '1'

/** Base64 of the UTF-8 bytes, standard alphabet, no padding. */
export function unpaddedBase64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64').replace(/=+$/, '')
}

/**
 * One Linux probe parameter: `v` + unpadded base64. The letter keeps an empty value a non-empty
 * word, which no shell or command line can drop.
 */
export function linuxParameter(value: string): string {
  return `v${unpaddedBase64(value)}`
}

export function decodeUnpaddedBase64(text: string): string {
  return Buffer.from(text, 'base64').toString('utf8')
}

function identityParts(request: ProbeRequest): [kind: string, value: string] {
  const identity = request.identity
  return identity.kind === 'system' ? ['system', ''] : [identity.kind, identity.value]
}

/**
 * `vm-probes/linux/probe.sh` positional parameters: `1`, nonce, timeout (ms), IMDS base URL,
 * identity kind, identity value, then URL and audience of each check.
 */
export function linuxProbeParameters(request: ProbeRequest): string[] {
  const [kind, value] = identityParts(request)
  const values = [
    request.nonce,
    String(request.timeoutMs),
    request.imdsEndpoint,
    kind,
    value,
    ...request.checks.flatMap(check => [check.url, check.resource])
  ]
  return [LINUX_PARAMETERS_VERSION, ...values.map(linuxParameter)]
}

/** `vm-probes/windows/probe.ps1` takes one named parameter: the request as base64 JSON. */
export function windowsProbeParameters(request: ProbeRequest): string[] {
  const [kind, value] = identityParts(request)
  const wire = {
    v: 1,
    nonce: request.nonce,
    timeoutMs: request.timeoutMs,
    imdsEndpoint: request.imdsEndpoint,
    identityKind: kind,
    identityValue: value,
    checks: request.checks.map(check => ({ url: check.url, resource: check.resource }))
  }
  return [`request=${unpaddedBase64(JSON.stringify(wire))}`]
}
