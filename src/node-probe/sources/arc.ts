/**
 * Azure Arc-enabled servers: `IDENTITY_ENDPOINT` + `IMDS_ENDPOINT`, api-version 2020-06-01.
 * The first request is answered 401 with `WWW-Authenticate: Basic realm=<key file>`; the client
 * proves it runs on the machine (as an admin) by sending that file's contents back. The file is
 * read only when it is a small regular file directly in the agent's token directory: the realm
 * comes from the network and must not make the probe read anything else.
 */
import { promises as fs } from 'node:fs'
import * as path from 'node:path'
import type { IdentitySelection } from '../../contracts/probe-request'
import { httpRequest, isFailure } from '../../common/http/http-request'
import type { HttpOutcome } from '../../common/http/http-request'
import { withRetries } from '../retry-policy'
import { notSent, retryDeadline, selectionWords, withQuery } from './source'
import type { SourceContext, TokenAttempt, TokenSourceModule } from './source'

export const ARC_API_VERSION = '2020-06-01'
/** Arc key files are a few dozen bytes; anything bigger is not one. */
const KEY_FILE_LIMIT = 4096

/** Where the agent writes its key files (override for tests: MI_SMOKE_ARC_KEY_DIR). */
export function arcKeyDirectory(env: NodeJS.ProcessEnv, platform = process.platform): string {
  if (env.MI_SMOKE_ARC_KEY_DIR) return env.MI_SMOKE_ARC_KEY_DIR
  if (platform === 'win32') {
    return path.win32.join(
      env.ProgramData ?? 'C:\\ProgramData',
      'AzureConnectedMachineAgent',
      'Tokens'
    )
  }
  return '/var/opt/azcmagent/tokens'
}

/** The realm of a `Basic realm=...` challenge, quotes removed. */
export function challengeRealm(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header.join(', ') : header
  const match = value ? /Basic\s+realm\s*=\s*("([^"]*)"|[^,\s]+)/i.exec(value) : null
  if (!match) return undefined
  return match[2] ?? match[1]
}

/** Reads the key file the challenge names, or says why it will not. */
export async function readArcKey(
  realm: string,
  env: NodeJS.ProcessEnv,
  platform = process.platform
): Promise<{ key: string } | { refused: string; unreadable?: boolean }> {
  const paths = platform === 'win32' ? path.win32 : path.posix
  const directory = paths.resolve(arcKeyDirectory(env, platform))
  const file = paths.resolve(realm)
  const same = (a: string, b: string): boolean =>
    platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b
  if (!same(paths.dirname(file), directory) || paths.extname(file).toLowerCase() !== '.key') {
    return { refused: `the challenge named a file outside ${directory} (or not a .key file)` }
  }
  try {
    const stat = await fs.lstat(file)
    if (!stat.isFile())
      return { refused: 'the challenge named something that is not a regular file' }
    if (stat.size > KEY_FILE_LIMIT)
      return { refused: `the challenged key file is over ${KEY_FILE_LIMIT} bytes` }
    return { key: (await fs.readFile(file, 'utf8')).trim() }
  } catch (error) {
    // A local permission (EACCES: not root nor in the himds group) or a missing file: not the network.
    return {
      refused: `the challenged key file ${file} could not be read (${(error as { code?: string }).code ?? 'error'})`,
      unreadable: true
    }
  }
}

export function arcSource(endpoint: string, detail: string): TokenSourceModule {
  return {
    source: 'arc',
    detail,
    async requestToken(
      resource: string,
      identity: IdentitySelection,
      context: SourceContext
    ): Promise<TokenAttempt> {
      const url = withQuery(endpoint, [
        ['api-version', ARC_API_VERSION],
        ['resource', resource]
      ])
      if (identity.kind !== 'system') {
        return notSent(
          url,
          `Azure Arc supports only the machine's system-assigned identity (selected by ${selectionWords(identity)})`
        )
      }
      const request = (headers: Record<string, string>): Promise<HttpOutcome> =>
        httpRequest({
          method: 'GET',
          url,
          headers: { Metadata: 'true', ...headers },
          timeoutMs: context.timeoutMs,
          signal: context.signal
        })
      // Each retry starts with a fresh challenge: the agent issues a new key file every time.
      const challengeAndAnswer = async (): Promise<HttpOutcome> => {
        const challenge = await request({})
        if (isFailure(challenge) || challenge.status !== 401) return challenge
        const realm = challengeRealm(challenge.headers['www-authenticate'])
        if (realm === undefined) return challenge
        const key = await readArcKey(realm, context.env)
        if ('refused' in key) {
          return {
            error: key.unreadable === true ? 'local-file' : 'other',
            errorText: `401 challenge not answered: ${key.refused}`
          }
        }
        context.registerSecret?.(key.key)
        return request({ Authorization: `Basic ${key.key}` })
      }
      const result = await withRetries(challengeAndAnswer, {
        deadline: retryDeadline(context),
        signal: context.signal,
        sleep: context.sleep,
        now: context.now
      })
      return { url, result }
    }
  }
}
