/**
 * The one table of network-error kinds: why an exchange got no HTTP answer, as every probe words
 * it. Node's error codes (the in-process probe and the smoke endpoint), curl's exit codes and the
 * error texts of curl, GNU wget, python3 and .NET / PowerShell (the VM probes) all land in the same
 * kinds, because each kind has its own fix and a fix written for another kind cannot work (no
 * clock advice for an untrusted chain, no CA bundle for a name the certificate does not cover).
 *
 * The probes classify what they can (node: by error code; sh: by curl's exit code; PowerShell: by
 * WebException status) and always send the error's own words; `networkKindOf` then refines a coarse
 * kind from those words with this same table, so a VM probe's `tls` with curl's "certificate has
 * expired" is judged exactly like node's CERT_HAS_EXPIRED.
 */
import { TRANSPORT_ERRORS, type TransportError } from '../contracts/observations'

interface NetworkKindRow {
  kind: TransportError
  /** Node's `error.code` values. */
  node: readonly string[]
  /** curl's exit codes that mean this kind and nothing else. */
  curl: readonly number[]
  /**
   * The kind's words in Node's, curl's, wget's, python's and .NET's error messages. Checked in
   * table order: the specific TLS and proxy kinds come before the generic ones.
   */
  text?: RegExp
}

/** In precedence order (first text match wins). */
export const NETWORK_KIND_TABLE: readonly NetworkKindRow[] = [
  {
    kind: 'proxy-auth',
    node: [],
    curl: [],
    // node (http-request): "proxy p:3128 answered 407 ..."; curl: "Received HTTP code 407 from
    // proxy after CONNECT" / "CONNECT tunnel failed, response 407"; .NET: "The proxy tunnel request
    // to proxy '...' failed with status code '407'."; PowerShell: "407 (Proxy Authentication Required)".
    text: /\b407\b|Proxy Authentication Required/i
  },
  {
    kind: 'proxy-denied',
    node: [],
    curl: [],
    text: /proxy\b[^.]*\b(403|451)\b|\b(403|451)\b[^.]*(CONNECT|proxy)|CONNECT\b[^.]*\b(403|451)\b|CONNECT tunnel failed, response 40[35]|RequestProhibitedByProxy/i
  },
  {
    kind: 'tls-expired',
    node: ['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'ERR_TLS_CERT_EXPIRED'],
    curl: [],
    // .NET: X509ChainStatus NotTimeValid, "A required certificate is not within its validity period".
    text: /certificate (has )?expired|certificate is not yet valid|NotTimeValid|not within its validity period|certificate verify failed: certificate (has expired|is not yet valid)/i
  },
  {
    kind: 'tls-name',
    node: ['ERR_TLS_CERT_ALTNAME_INVALID', 'HOSTNAME_MISMATCH'],
    curl: [51],
    // node: "Hostname/IP does not match certificate's altnames"; curl: "no alternative certificate
    // subject name matches target host name"; python: "Hostname mismatch, certificate is not valid
    // for"; .NET: RemoteCertificateNameMismatch.
    text: /does not match certificate's altnames|not in the cert's altnames|no alternative certificate subject name|subject name does not match|Hostname mismatch|RemoteCertificateNameMismatch|certificate is not valid for '?[\w.-]+|doesn't match (either of )?'?[*\w.-]+'?/i
  },
  {
    kind: 'tls-untrusted',
    node: [
      'SELF_SIGNED_CERT_IN_CHAIN',
      'DEPTH_ZERO_SELF_SIGNED_CERT',
      'UNABLE_TO_GET_ISSUER_CERT',
      'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'CERT_UNTRUSTED',
      'CERT_CHAIN_TOO_LONG',
      'CERT_SIGNATURE_FAILURE'
    ],
    curl: [77],
    // .NET: RemoteCertificateChainErrors / UntrustedRoot / PartialChain.
    text: /self[- ]signed certificate|unable to get (local )?issuer certificate|unable to verify the first certificate|unable to get local issuer|RemoteCertificateChainErrors|UntrustedRoot|PartialChain|root certificate which is not trusted|certificate verify failed|SSL certificate problem|certificate chain/i
  },
  {
    kind: 'tls',
    node: ['EPROTO'],
    curl: [35, 53, 54, 58, 59, 64, 66, 80, 82, 83, 90, 91],
    text: /\bSSL\b|\bTLS\b|handshake|secure channel|SecureChannelFailure|TrustFailure|certificate/i
  },
  {
    kind: 'proxy',
    node: [],
    curl: [5, 97],
    text: /\bproxy\b|\bCONNECT\b/i
  },
  {
    kind: 'dns',
    node: ['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA'],
    curl: [6],
    text: /getaddrinfo|Could not resolve host|Name or service not known|No such host is known|Temporary failure in name resolution|nodename nor servname|NameResolutionFailure|unable to resolve host|Name does not resolve|No address associated with hostname/i
  },
  {
    kind: 'refused',
    node: ['ECONNREFUSED'],
    curl: [],
    text: /refused/i
  },
  {
    kind: 'timeout',
    node: ['ETIMEDOUT'],
    curl: [28],
    text: /timed out|timeout/i
  },
  {
    kind: 'unreachable',
    node: ['EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN'],
    curl: [],
    text: /No route to host|unreachable/i
  },
  {
    kind: 'reset',
    node: ['ECONNRESET', 'EPIPE', 'ECONNABORTED'],
    curl: [52, 55, 56],
    text: /reset|Empty reply|Recv failure|socket hang up|forcibly closed|connection was closed/i
  },
  {
    kind: 'local-file',
    node: [],
    curl: [],
    text: /could not be read \((EACCES|EPERM|ENOENT|EISDIR)\)|key file|AZURE_FEDERATED_TOKEN_FILE/i
  }
]

/** Kinds that say which of the TLS failures it was: each has its own fix. */
export const TLS_KINDS = ['tls', 'tls-untrusted', 'tls-name', 'tls-expired'] as const

export function isTlsKind(kind: string | undefined): boolean {
  return (TLS_KINDS as readonly string[]).includes(kind ?? '')
}

/** A node error code's kind, or undefined when the table does not know the code. */
export function kindOfNodeCode(code: string): TransportError | undefined {
  const row = NETWORK_KIND_TABLE.find(r => r.node.includes(code))
  if (row !== undefined) return row.kind
  // OpenSSL's other verification and protocol errors, as node names them.
  if (/^(CERT_|ERR_TLS_|ERR_SSL_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/.test(code)) return 'tls'
  return undefined
}

/** curl's exit code's kind, or undefined when the code alone does not say (7, 60: read the text). */
export function kindOfCurlExit(code: number): TransportError | undefined {
  return NETWORK_KIND_TABLE.find(r => r.curl.includes(code))?.kind
}

/** The first kind whose words the text holds. */
export function kindOfText(text: string | undefined): TransportError | undefined {
  if (text === undefined || text === '') return undefined
  return NETWORK_KIND_TABLE.find(r => r.text?.test(text))?.kind
}

/** Which coarse kinds a text may refine, and into which. */
const REFINES: Partial<Record<TransportError, readonly TransportError[]>> = {
  tls: ['tls-expired', 'tls-name', 'tls-untrusted'],
  proxy: ['proxy-auth', 'proxy-denied', 'tls-expired', 'tls-name', 'tls-untrusted'],
  reset: ['proxy-auth', 'proxy-denied'],
  refused: ['proxy-auth', 'proxy-denied']
}

/**
 * The kind an exchange's failure is judged by: the probe's own kind, made specific by the error's
 * words where the probe could only say `tls`, `proxy` or `other` (VM probes, older probes, .NET).
 * A kind the validator does not know stays `other`.
 */
export function networkKindOf(error: string | undefined, errorText?: string): TransportError {
  const known = (TRANSPORT_ERRORS as readonly string[]).includes(error ?? '')
    ? (error as TransportError)
    : 'other'
  const said = kindOfText(errorText)
  if (said === undefined) return known
  if (known === 'other') return said
  return REFINES[known]?.includes(said) ? said : known
}
