/**
 * The field corpus: error answers real Azure services gave (status, the headers that matter, body),
 * each with the public source it was copied from. They live as test fixtures in
 * __tests__/fixtures/field-corpus/*.json; the emulator serves them so that the action (and a person
 * rehearsing a failure with `npm run emulator`) meets the real wording, not the emulator's own:
 *
 *   - API answers on the api listener at `GET /recorded/<name>` (any path below it too);
 *   - identity-endpoint answers from every token endpoint (IMDS, App Service, Arc, the workload
 *     identity authority) while the scenario setting `recordedAnswer` names one;
 *   - dispatch answers: on the `https://` path what a front end said instead of the smoke endpoint
 *     (a proxy, App Service, a gateway...), served on the api listener at `/recorded/<name>` so
 *     that a target `http://127.0.0.1:<port>/recorded/<name>` meets it; on the `vm:` path what ARM
 *     or the run-command extension said, served by the compute endpoints while the fleet setting
 *     `recordedAnswer` names one (compute.ts).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Reply } from './http-util'

export const CORPUS_DIRECTORY = join(__dirname, '..', '__tests__', 'fixtures', 'field-corpus')

export const RECORDED_PATH_PREFIX = '/recorded/'

export interface RecordedAnswer {
  /** Unique, kebab-case; the URL segment and the scenario setting's value. */
  name: string
  /** Where it was copied from: a URL, or `owner/repo path`. */
  source: string
  /**
   * `api`: a data plane or ARM answered a check; `identity`: an identity endpoint or Entra ID did;
   * `dispatch`: something between the runner and the probe did (`dispatch` says where).
   */
  endpoint: 'api' | 'identity' | 'dispatch'
  /**
   * Dispatch answers: the `https://` path (a front end answered the runner's POST) or the `vm:`
   * path, and there where: the VM's read, the run-command POST, or the run-command operation's
   * final status (its body is the operation's `{"status":"Failed","error":{...}}`).
   */
  dispatch?: { path: 'https' | 'vm'; at?: 'read' | 'run-command' | 'operation' }
  /**
   * The identity source the answer belongs to (identity answers only); `legacy-msi` is the
   * MSI_ENDPOINT + MSI_SECRET protocol (2017-09-01), which the probe reports as app-service.
   */
  identitySource?: (typeof RECORDED_IDENTITY_SOURCES)[number]
  /** The answering service's key in the Azure service table (api answers). */
  service?: string
  /** The audience the check asks a token for (api answers). */
  resource?: string
  /**
   * The rest of the check's URL after `/recorded/<name>` (api answers), so that the report knows
   * what a real check's URL would tell (a subscription, a secret's name) and its fix must use it.
   */
  path?: string
  /** Input `identity` the run uses (identity answers: a client ID selects a user-assigned one). */
  identity?: string
  /** The HTTP answer, byte for byte (absent for a network failure). */
  answer?: { status: number; headers?: Record<string, string>; body: string }
  /**
   * A failure without an HTTP answer: its kind (the transport kinds of
   * src/contracts/observations.ts), the error's own words as the source shows them, and the URL the
   * workload called. The emulator replays the kind for real (emulator/network-faults.ts).
   */
  network?: { kind: RecordedNetworkKind; words: string; url: string }
  /** Platform variables of the workload (no secrets): WEBSITE_SITE_NAME, CONTAINER_APP_NAME... */
  env?: Record<string, string>
  /** Arc: the recording is himds's first answer (its challenge), not the one after the key. */
  arcChallenge?: boolean
  /** What the action must conclude: step, failure mode, what the remediation says and never says. */
  expect: {
    step: 'dispatch' | 'imds' | 'token' | 'api'
    failureMode: string
    /** Dispatch answers: the report's `dispatchKind` and words that its `cause` must hold. */
    dispatchKind?: string
    cause?: string
    says: string[]
    neverSays: string[]
  }
  /** Which class of issue #11 the answer stands for (1-3, 8), for the record. */
  classes: number[]
  /** Which principles of issue #18 (1-8) the answer tests, for the record. */
  principles?: number[]
  /** Why the answer is where it is, or how it was taken from its source. */
  note?: string
}

export const RECORDED_IDENTITY_SOURCES = [
  'imds',
  'app-service',
  'legacy-msi',
  'service-fabric',
  'arc',
  'cloud-shell',
  'workload-identity'
] as const

/** The network kinds the emulator can replay. */
export const RECORDED_NETWORK_KINDS = [
  'dns',
  'refused',
  'timeout',
  'proxy-auth',
  'proxy-denied',
  'tls-untrusted',
  'tls-name',
  'tls-expired'
] as const
export type RecordedNetworkKind = (typeof RECORDED_NETWORK_KINDS)[number]

let cache: RecordedAnswer[] | undefined

/** Every recorded answer, in file order. Throws on a malformed or duplicated entry. */
export function recordedAnswers(): RecordedAnswer[] {
  if (cache !== undefined) return cache
  const all: RecordedAnswer[] = []
  for (const file of readdirSync(CORPUS_DIRECTORY)
    .filter(f => f.endsWith('.json'))
    .sort()) {
    const entries = JSON.parse(readFileSync(join(CORPUS_DIRECTORY, file), 'utf8')) as unknown
    if (!Array.isArray(entries)) throw new Error(`${file}: expected an array of recorded answers`)
    for (const entry of entries as RecordedAnswer[]) {
      const http = typeof entry.answer?.status === 'number' && typeof entry.answer.body === 'string'
      const network =
        entry.network !== undefined &&
        (RECORDED_NETWORK_KINDS as readonly string[]).includes(entry.network.kind) &&
        typeof entry.network.words === 'string' &&
        typeof entry.network.url === 'string'
      if (typeof entry.name !== 'string' || typeof entry.source !== 'string' || http === network) {
        throw new Error(`${file}: entry ${JSON.stringify(entry.name)} lacks name, source or answer`)
      }
      if (all.some(other => other.name === entry.name))
        throw new Error(`${file}: duplicate recorded answer ${entry.name}`)
      all.push(entry)
    }
  }
  cache = all
  return all
}

export function recordedAnswer(name: string): RecordedAnswer | undefined {
  return recordedAnswers().find(entry => entry.name === name)
}

/**
 * The reply that replays a recorded answer byte for byte, with its own headers except the framing
 * ones (Content-Length, Transfer-Encoding), which describe the bytes actually sent here.
 */
export function replay(entry: RecordedAnswer): Reply {
  if (entry.answer === undefined) {
    // A network failure has no HTTP answer: the emulator replays it with its fault listeners.
    return {
      status: 500,
      body: { error: 'RecordedAnswerIsNetwork', message: `${entry.name} is a network failure` }
    }
  }
  const headers = Object.fromEntries(
    Object.entries(entry.answer.headers ?? {}).filter(
      ([name]) => !/^(content-length|transfer-encoding|connection)$/i.test(name)
    )
  )
  return {
    status: entry.answer.status,
    headers,
    body: entry.answer.body,
    raw: true
  }
}

/** `GET /recorded/<name>[/...]` on the api listener; undefined for other paths. */
export function handleRecordedApi(url: URL): Reply | undefined {
  if (!url.pathname.startsWith(RECORDED_PATH_PREFIX)) return undefined
  const name = decodeURIComponent(
    url.pathname.slice(RECORDED_PATH_PREFIX.length).split('/')[0] ?? ''
  )
  const entry = recordedAnswer(name)
  const served =
    entry !== undefined &&
    entry.answer !== undefined &&
    (entry.endpoint === 'api' ||
      (entry.endpoint === 'dispatch' && entry.dispatch?.path === 'https'))
  if (!served) {
    return {
      status: 404,
      body: {
        error: { code: 'RecordedAnswerNotFound', message: `no recorded api answer '${name}'` }
      }
    }
  }
  return replay(entry!)
}

/** A `vm:`-path dispatch answer by name, or undefined. */
export function recordedVmAnswer(name: string | undefined): RecordedAnswer | undefined {
  if (name === undefined) return undefined
  const entry = recordedAnswer(name)
  return entry?.endpoint === 'dispatch' &&
    entry.dispatch?.path === 'vm' &&
    entry.answer !== undefined
    ? entry
    : undefined
}
