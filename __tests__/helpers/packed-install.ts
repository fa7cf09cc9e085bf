/**
 * A package of packages/ as its users get it: `npm pack` into a temporary directory, then installed
 * from that tarball into a new project whose package.json names only it (and what the caller adds).
 * The project's package-lock.json holds the exact versions and integrities this repository's lock
 * has for every dependency, so npm installs from the cache `npm ci` filled without asking the
 * registry for any package's metadata, which a test without network could not do. `resolved` is
 * the registry's usual tarball address under the registry npm is configured with.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const ROOT = join(__dirname, '..', '..')

/** npm's own environment (npm_config_*, npm_package_*) of an `npm test` run must not steer the app's npm. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(name) && !name.startsWith('MI_SMOKE_') && !name.startsWith('AZURE_'))
      env[name] = value
  }
  return { ...env, npm_config_audit: 'false', npm_config_fund: 'false', ...extra }
}

export function npm(args: string[], cwd: string): string {
  return execFileSync('npm', args, { cwd, env: cleanEnv(), encoding: 'utf8', stdio: 'pipe' })
}

interface LockEntry {
  version: string
  resolved?: string
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
  [field: string]: unknown
}

export function lockedPackages(): Record<string, LockEntry> {
  return (
    JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, LockEntry>
    }
  ).packages
}

/** The project's lock: the tarball, and every registry package the roots need, as locked here. */
function projectLock(
  appName: string,
  packageName: string,
  manifest: LockEntry,
  dependencies: Record<string, string>
): object {
  const locked = lockedPackages()
  const registry = npm(['config', 'get', 'registry'], ROOT).trim().replace(/\/+$/, '')
  // Node's lookup: node_modules of the package itself, then of each parent, then the top.
  const find = (from: string, name: string): string | undefined => {
    for (let base = from; ;) {
      const candidate = `${base ? `${base}/` : ''}node_modules/${name}`
      if (locked[candidate]) return candidate
      if (!base) return undefined
      const parent = base.lastIndexOf('/node_modules/')
      base = parent < 0 ? '' : base.slice(0, parent)
    }
  }
  const packages: Record<string, LockEntry> = {}
  const roots = [
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(dependencies).filter(name => name !== packageName)
  ]
  const todo: Array<[string, string]> = roots.map(name => ['', name])
  while (todo.length > 0) {
    const [from, name] = todo.pop()!
    const at = find(from, name)
    if (at === undefined)
      throw new Error(`${name} (needed by ${from || 'the app'}) is not in package-lock.json`)
    if (packages[at]) continue
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { dev, devOptional, peer, ...entry } = locked[at]!
    const own = at.slice(at.lastIndexOf('node_modules/') + 'node_modules/'.length)
    entry.resolved = `${registry}/${own}/-/${own.split('/').pop()}-${entry.version}.tgz`
    packages[at] = entry
    for (const dependency of Object.keys(entry.dependencies ?? {})) todo.push([at, dependency])
    for (const dependency of Object.keys(entry.optionalDependencies ?? {}))
      if (find(at, dependency)) todo.push([at, dependency])
  }
  return {
    name: appName,
    version: '1.0.0',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: appName, version: '1.0.0', dependencies },
      [`node_modules/${packageName}`]: {
        version: manifest.version,
        resolved: dependencies[packageName],
        dependencies: manifest.dependencies,
        bin: manifest['bin']
      },
      ...packages
    }
  }
}

export interface PackedInstall {
  /** The new project's directory (its node_modules holds the installed package). */
  app: string
  tarball: { name: string; path: string; size: number; files: number }
}

/**
 * Packs `packageDir` into `work` and installs the tarball into `work/<appName>`, a project that
 * names the package and `extraDependencies` (name → version, each in this repository's lock).
 */
export function installPacked(
  packageDir: string,
  work: string,
  appName: string,
  extraDependencies: Record<string, string> = {}
): PackedInstall {
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as LockEntry
  const packageName = manifest['name'] as string
  const [packed] = JSON.parse(
    npm(['pack', packageDir, '--json', '--pack-destination', work], ROOT)
  ) as Array<{ filename: string; size: number; entryCount: number }>
  const tarball = {
    name: packed!.filename,
    path: join(work, packed!.filename),
    size: packed!.size,
    files: packed!.entryCount
  }
  const app = join(work, appName)
  mkdirSync(app)
  const dependencies = { [packageName]: `file:../${tarball.name}`, ...extraDependencies }
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: appName, version: '1.0.0', private: true, dependencies }, null, 2)
  )
  writeFileSync(
    join(app, 'package-lock.json'),
    JSON.stringify(projectLock(appName, packageName, manifest, dependencies), null, 2)
  )
  npm(['install', '--prefer-offline', '--no-audit', '--no-fund'], app)
  return { app, tarball }
}
