/**
 * A throwaway self-signed certificate for the HTTPS authority listener (workload identity), made
 * with the openssl CLI at run time: nothing secret is committed. Clients trust it through
 * NODE_EXTRA_CA_CERTS (a child process) or the `ca` option of node:https.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface SelfSignedCertificate {
  key: string
  cert: string
  /** PEM file of the certificate, for NODE_EXTRA_CA_CERTS. */
  certPath: string
  directory: string
}

export function createSelfSignedCertificate(): SelfSignedCertificate {
  const directory = mkdtempSync(join(tmpdir(), 'mi-smoke-tls-'))
  const keyPath = join(directory, 'key.pem')
  const certPath = join(directory, 'cert.pem')
  execFileSync(
    'openssl',
    [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-sha256', '-days', '2',
      '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '-addext', 'basicConstraints=critical,CA:TRUE',
      '-keyout', keyPath, '-out', certPath
    ], // prettier-ignore
    { stdio: 'pipe' }
  )
  return {
    key: readFileSync(keyPath, 'utf8'),
    cert: readFileSync(certPath, 'utf8'),
    certPath,
    directory
  }
}
