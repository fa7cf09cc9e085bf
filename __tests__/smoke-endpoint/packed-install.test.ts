/**
 * The smoke endpoint package as an app developer gets it: `npm pack` of packages/smoke-endpoint,
 * installed from that tarball into a new app in a clean temporary directory whose package.json
 * names no dependency (@azure/identity and express come from the npm cache that `npm ci` filled:
 * --prefer-offline, and the tests run with no network but loopback). The app serves the handler
 * with Express, with node:http, and as the package's sidecar command, each with MI_SMOKE_REHEARSAL
 * pointing it at the emulator; the built action (dist/index.js) passes against each, and the
 * emulator's canary (every token's signature) is in nothing the app returned or printed.
 * Slow (npm runs twice), so it belongs to `npm run test:evidence`.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator, type Emulator } from '../../emulator/emulator'
import { installPacked, lockedPackages } from '../helpers/packed-install'

const ROOT = join(__dirname, '..', '..')
const PACKAGE = join(ROOT, 'packages', 'smoke-endpoint')
process.env['MI_SMOKE_ACTION_ENTRY'] = join(ROOT, 'dist', 'index.js')
const { runAction, everythingWritten } =
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('../helpers/run-action') as typeof import('../helpers/run-action')

jest.setTimeout(240_000)

const KEY = 'packed-install-key-0123456789'
const ARM = 'https://management.azure.com/'
const VAULT = 'https://vault.azure.net'

const EXPRESS_APP = `const express = require('express')
const { createExpressMiddleware } = require('@mi-smoke/smoke-endpoint')
const app = express()
app.post('/mi-smoke', createExpressMiddleware())
app.get('/', (_req, res) => res.send('hello'))
const server = app.listen(0, '127.0.0.1', () => console.log('LISTENING ' + server.address().port))
`
// The mistake the package README's "Limits" warns of: a body parser for every route, in front.
const EXPRESS_JSON_APP = `const express = require('express')
const { createExpressMiddleware } = require('@mi-smoke/smoke-endpoint')
const app = express()
app.use(express.json())
app.post('/mi-smoke', createExpressMiddleware())
const server = app.listen(0, '127.0.0.1', () => console.log('LISTENING ' + server.address().port))
`
const NODE_HTTP_APP = `const http = require('node:http')
const { createNodeHandler } = require('@mi-smoke/smoke-endpoint')
const smoke = createNodeHandler()
const server = http.createServer((req, res) => (req.url === '/mi-smoke' ? smoke(req, res) : res.end('hello')))
server.listen(0, '127.0.0.1', () => console.log('LISTENING ' + server.address().port))
`

let emulator: Emulator
let work: string
let app: string
let tarball: { name: string; path: string; size: number; files: number }
const children: ChildProcess[] = []

beforeAll(async () => {
  if (!existsSync(join(PACKAGE, 'dist', 'index.js')) || !existsSync(join(ROOT, 'dist', 'index.js')))
    throw new Error('build first: npm run build (the test packs the built package)')
  emulator = await startEmulator()
  work = mkdtempSync(join(tmpdir(), 'mi-smoke-packed-'))
  const installed = installPacked(PACKAGE, work, 'probe-app', {
    express: lockedPackages()['node_modules/express']!.version
  })
  app = installed.app
  tarball = installed.tarball
  writeFileSync(join(app, 'express-app.js'), EXPRESS_APP)
  writeFileSync(join(app, 'node-http-app.js'), NODE_HTTP_APP)
  writeFileSync(join(app, 'express-json-app.js'), EXPRESS_JSON_APP)
})

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM')
  await emulator?.close()
  if (work) rmSync(work, { recursive: true, force: true })
})

test('npm pack gives a small tarball: the bundle, the sidecar, the types, README and LICENSE', () => {
  expect(tarball.size).toBeLessThan(200_000)
  expect(tarball.files).toBeLessThan(60)
  const listing = execFileSync('tar', ['-tzf', join(work, tarball.name)], { encoding: 'utf8' })
  expect(listing).toMatch(/package\/dist\/index\.js/)
  expect(listing).toMatch(/package\/dist\/server\/index\.js/)
  // One self-contained declaration of the public API (package.json "types" points there), and no
  // declaration of the engine's internals.
  expect(listing).toMatch(/^package\/dist\/types\/smoke-endpoint\/index\.d\.ts$/m)
  expect(listing.match(/\.d\.ts$/gm)).toHaveLength(1)
  // No source: every .ts in the tarball is a declaration under dist/types.
  expect(listing).not.toMatch(
    /__tests__|^package\/(?!dist\/types\/).*\.ts$|\.(?<!d\.)ts$|\.map$|@actions/m
  )
})

test('the app names only the package and express; @azure/identity came with the package', () => {
  const manifest = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>
  }
  expect(Object.keys(manifest.dependencies).sort()).toEqual(['@mi-smoke/smoke-endpoint', 'express'])
  expect(existsSync(join(app, 'node_modules', '@azure', 'identity', 'package.json'))).toBe(true)
  expect(existsSync(join(app, 'node_modules', '@actions'))).toBe(false)
})

interface Served {
  url: string
  output: () => string
}

/** Starts one of the app's servers with the rehearsal setting the emulator's banner prints. */
async function serve(command: string[], env: Record<string, string> = {}): Promise<Served> {
  const child = spawn(process.execPath, command, {
    cwd: app,
    env: {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      HOME: work,
      MI_SMOKE_KEY: KEY,
      MI_SMOKE_REHEARSAL: `imds=${emulator.imdsUrl} api=${emulator.apiUrl}`,
      ...env
    },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  children.push(child)
  let output = ''
  child.stderr!.on('data', chunk => (output += String(chunk)))
  const port = await new Promise<number>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`the app did not start: ${output}`)), 30_000)
    child.stdout!.on('data', chunk => {
      output += String(chunk)
      const match = /LISTENING (\d+)|listening on [^:]+:(\d+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        done(Number(match[1] ?? match[2]))
      }
    })
    child.on('exit', code => fail(new Error(`the app exited ${code}: ${output}`)))
  })
  return { url: `http://127.0.0.1:${port}/mi-smoke`, output: () => output }
}

function checks(): string {
  return [
    `${emulator.apiUrl}/subscriptions/{subscriptionId}/resourcegroups?api-version=2021-04-01 resource=${ARM}`,
    `${emulator.apiUrl}/secrets?api-version=7.4 resource=${VAULT}`
  ].join('\n')
}

/** What the app answers to a probe request sent directly, as the action would send it. */
async function askDirectly(url: string): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-mi-smoke-key': KEY },
    body: JSON.stringify({
      v: 1,
      nonce: 'nonce-packed-install-0001',
      identity: { kind: 'system' },
      checks: [{ url: `${emulator.apiUrl}/secrets?api-version=7.4`, resource: VAULT }],
      timeoutMs: 5000,
      imdsEndpoint: emulator.imdsUrl
    })
  })
  expect(response.status).toBe(200)
  return await response.text()
}

test.each([
  ['Express', ['express-app.js']],
  ['Express behind a global express.json()', ['express-json-app.js']],
  ['node:http', ['node-http-app.js']],
  ['the sidecar command', [join('node_modules', '.bin', 'mi-smoke-endpoint')]]
])(
  'served with %s: the built action passes, and no token leaves the app',
  async (_how, command) => {
    await emulator.setScenario('healthy')
    const served = await serve(command, { PORT: '0', HOST: '127.0.0.1' })
    const run = await runAction({
      inputs: {
        targets: served.url,
        'endpoint-key': KEY,
        'imds-endpoint': emulator.imdsUrl,
        checks: checks(),
        timeout: '5s'
      }
    })
    expect(run.outputs['result']).toBe('pass')
    expect(run.code).toBe(0)
    const answer = await askDirectly(served.url)
    expect(JSON.parse(answer)).toMatchObject({ v: 1, nonce: 'nonce-packed-install-0001' })
    for (const text of [answer, served.output(), everythingWritten(run), run.stdout, run.stderr]) {
      expect(text).not.toContain(emulator.canary)
    }
  }
)

test('behind a global express.json(): 401 without the key, and a parsed body that breaks the rules is refused naming the mount order', async () => {
  const served = await serve(['express-json-app.js'])
  const ask = (headers: Record<string, string>, body: string) =>
    fetch(served.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body
    })
  expect((await ask({}, '{"v":1}')).status).toBe(401)
  const refused = await ask({ 'x-mi-smoke-key': KEY }, '{"v":1,"nonce":"short"}')
  expect(refused.status).toBe(400)
  expect(((await refused.json()) as { message: string }).message).toMatch(
    /mount the smoke endpoint before any body parser/
  )
})
