/**
 * Throwaway self-signed certificates, made with the openssl CLI at run time: nothing secret is
 * committed. The emulator's own (the HTTPS authority for workload identity, ARM's compute
 * endpoints) covers 127.0.0.1 and localhost; the network-fault certificates stand for what a
 * workload meets in the field: one for names other than the one called (a privatelink alias), one
 * whose dates are long past, one nobody trusts (an inspecting proxy's). Clients trust them through
 * NODE_EXTRA_CA_CERTS (a child process) or the `ca` option of node:https.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
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

export interface FaultCertificateOptions {
  /** The DNS names the certificate covers (subjectAltName). */
  names: string[]
  /** Valid only in 2020 (expired long ago), made with `openssl ca`, which takes explicit dates. */
  expired?: boolean
}

/** A self-signed certificate for the network-fault listeners (emulator/network-faults.ts). */
export function createFaultCertificate(options: FaultCertificateOptions): SelfSignedCertificate {
  const directory = mkdtempSync(join(tmpdir(), 'mi-smoke-fault-tls-'))
  const keyPath = join(directory, 'key.pem')
  const certPath = join(directory, 'cert.pem')
  const san = options.names.map(name => `DNS:${name}`).join(',')
  const subject = `/CN=${options.names[0] ?? 'mi-smoke-fault'}`
  if (options.expired !== true) {
    execFileSync(
      'openssl',
      [
        'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-sha256', '-days', '2',
        '-subj', subject, '-addext', `subjectAltName=${san}`, '-addext', 'basicConstraints=critical,CA:TRUE',
        '-keyout', keyPath, '-out', certPath
      ], // prettier-ignore
      { stdio: 'pipe' }
    )
  } else {
    // openssl 3.0's req has no dates of its own choosing; `ca -selfsign` does.
    const csrPath = join(directory, 'req.csr')
    const configPath = join(directory, 'ca.cnf')
    writeFileSync(join(directory, 'index.txt'), '')
    writeFileSync(join(directory, 'serial'), '01\n')
    writeFileSync(
      configPath,
      [
        '[ca]', 'default_ca = fault', '[fault]', `dir = ${directory}`, 'database = $dir/index.txt',
        'serial = $dir/serial', 'new_certs_dir = $dir', 'default_md = sha256', 'policy = any',
        'unique_subject = no', 'copy_extensions = copy', 'x509_extensions = ext', '[any]',
        'commonName = supplied', '[ext]', 'basicConstraints = critical,CA:TRUE', `subjectAltName = ${san}`
      ].join('\n') // prettier-ignore
    )
    execFileSync(
      'openssl',
      [
        'req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
        '-subj', subject, '-keyout', keyPath, '-out', csrPath
      ], // prettier-ignore
      { stdio: 'pipe' }
    )
    execFileSync(
      'openssl',
      [
        'ca', '-batch', '-selfsign', '-config', configPath, '-keyfile', keyPath, '-in', csrPath,
        '-startdate', '20200101000000Z', '-enddate', '20200102000000Z', '-out', certPath, '-notext'
      ], // prettier-ignore
      { stdio: 'pipe' }
    )
  }
  return {
    key: readFileSync(keyPath, 'utf8'),
    cert: readFileSync(certPath, 'utf8'),
    certPath,
    directory
  }
}
