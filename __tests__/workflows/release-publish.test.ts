/**
 * The release publishes every workspace package that is not private to npm with provenance
 * (.github/workflows/release.yml). Here: the workflow says so, the list of packages is the
 * workspace's, and `npm publish --dry-run` of each packs what a user needs and nothing else,
 * without contacting any registry (the registry named is a loopback listener that counts
 * connections: it must see none).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { join } from 'node:path'
import { parse } from 'yaml'

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { publishablePackages } = require('../../scripts/publishable-packages.cjs') as {
  publishablePackages: () => string[]
}

const root = join(__dirname, '..', '..')

interface Step {
  name?: string
  run?: string
  uses?: string
  with?: Record<string, unknown>
  env?: Record<string, string>
}

const release = parse(readFileSync(join(root, '.github', 'workflows', 'release.yml'), 'utf8')) as {
  permissions: Record<string, string>
  jobs: Record<string, { steps: Step[] }>
}
const steps = Object.values(release.jobs).flatMap(job => job.steps)

describe('release.yml publishes the packages to npm', () => {
  it('with provenance and public access, signed with the job\u2019s OIDC token', () => {
    expect(release.permissions['id-token']).toBe('write')
    const publish = steps.find(step => /npm publish/.test(step.run ?? ''))
    expect(publish?.run).toMatch(/node scripts\/publishable-packages\.cjs/)
    expect(publish?.run).toMatch(/npm publish "\.\/\$dir" --provenance --access public/)
    expect(publish?.env?.['NODE_AUTH_TOKEN']).toBe('${{ secrets.NPM_TOKEN }}')
    const setupNode = steps.find(step => step.uses?.startsWith('actions/setup-node@'))
    expect(setupNode?.with?.['registry-url']).toBe('https://registry.npmjs.org')
  })

  it('every package folder that is not private, as the workspace lists them', () => {
    const folders = readdirSync(join(root, 'packages'), { withFileTypes: true })
      .filter(
        entry =>
          entry.isDirectory() && existsSync(join(root, 'packages', entry.name, 'package.json'))
      )
      .map(entry => `packages/${entry.name}`)
      .filter(
        dir => JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')).private !== true
      )
    expect(publishablePackages().sort()).toEqual(folders.sort())
    expect(publishablePackages()).toContain('packages/smoke-endpoint')
  })
})

describe.each(publishablePackages())('npm publish --dry-run %s', dir => {
  let registry: Server
  let connections = 0
  let url = ''
  beforeAll(async () => {
    registry = createServer(socket => {
      connections++
      socket.destroy()
    })
    await new Promise<void>(done => registry.listen(0, '127.0.0.1', done))
    url = `http://127.0.0.1:${(registry.address() as { port: number }).port}/`
  })
  afterAll(async () => new Promise(done => registry.close(done)))

  it('packs the built package at the release version and contacts no registry', () => {
    const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as {
      name: string
      version: string
      main?: string
      types?: string
      bin?: Record<string, string>
    }
    const rootVersion = (
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
    ).version
    const run = spawnSync(
      'npm',
      [
        'publish',
        `./${dir}`,
        '--dry-run',
        '--json',
        '--access',
        'public',
        '--offline',
        '--ignore-scripts',
        '--registry',
        url
      ],
      { cwd: root, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'warn' } }
    )
    expect(run.status).toBe(0)
    interface Packed {
      name: string
      version: string
      files: Array<{ path: string }>
    }
    // npm 11 prints {"<name>": {...}}; older npm the object itself.
    const printed = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as
      Packed | Record<string, Packed>
    const packed = ('files' in printed ? printed : Object.values(printed)[0]) as Packed
    expect(packed.name).toBe(manifest.name)
    expect(manifest.name).toMatch(/^@mi-smoke\//)
    // The release checks the tag against every package's version: they move together.
    expect(packed.version).toBe(rootVersion)
    const files = packed.files.map(f => f.path)
    for (const needed of [
      'package.json',
      'README.md',
      'LICENSE',
      ...(manifest.main ? [manifest.main.replace(/^\.\//, '')] : []),
      ...(manifest.types ? [manifest.types.replace(/^\.\//, '')] : []),
      ...Object.values(manifest.bin ?? {}).map(bin => bin.replace(/^\.\//, ''))
    ]) {
      expect(files).toContain(needed)
    }
    expect(files.filter(f => f.endsWith('.map') || f.startsWith('src/'))).toEqual([])
    expect(connections).toBe(0)
  })
})
