/**
 * `npm run test:fresh-machine [-- jest args]`, or `tsx scripts/without-optional-tools.ts CMD ARGS...`:
 * runs a command as on a fresh machine with only Node and npm. PATH becomes one temporary directory
 * holding links to every program of the basic system directories and to node, except the optional
 * tools the tests declare (TOOL_INSTALL in __tests__/helpers/system-tools.ts: busybox, dash,
 * shellcheck, curl, wget, python3, openssl, ...), and HOME a new empty directory (pwsh may sit in
 * ~/.dotnet/tools). `jest` as the command runs this repository's jest. Exits with the command's code.
 * Nothing here touches the network; run it inside `unshare --net` like every test.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { TOOL_INSTALL } from '../__tests__/helpers/system-tools'

const ROOT = resolve(__dirname, '..')
const SYSTEM_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin']

/** Optional tools, under every name they go by (python3.11, busybox's own name, ...). */
function isOptional(name: string): boolean {
  return Object.keys(TOOL_INSTALL).some(tool => name === tool || name.startsWith(`${tool}.`))
}

/** A directory of links: the basic system programs minus the optional tools, plus node. */
export function minimalBin(): { bin: string; home: string; cleanup: () => void } {
  const top = mkdtempSync(join(tmpdir(), 'mi-smoke-fresh-'))
  const bin = join(top, 'bin')
  const home = join(top, 'home')
  mkdirSync(bin)
  mkdirSync(home)
  const linked = new Set<string>()
  const link = (name: string, target: string): void => {
    if (linked.has(name)) return
    linked.add(name)
    symlinkSync(target, join(bin, name))
  }
  link('node', process.execPath)
  // npm and npx sit beside node in a Node.js install; Debian's live in /usr/bin (linked below).
  for (const name of ['npm', 'npx']) {
    const beside = join(dirname(process.execPath), name)
    try {
      if (statSync(beside).isFile()) link(name, beside)
    } catch {
      // not beside node
    }
  }
  for (const dir of SYSTEM_DIRS) {
    let names: string[]
    try {
      names = readdirSync(dir)
    } catch {
      continue
    }
    for (const name of names) if (!isOptional(name)) link(name, join(dir, name))
  }
  return { bin, home, cleanup: () => rmSync(top, { recursive: true, force: true }) }
}

function main(): void {
  const [command, ...args] = process.argv.slice(2)
  if (!command) {
    process.stderr.write('usage: tsx scripts/without-optional-tools.ts COMMAND [ARGS...]\n')
    process.exit(2)
  }
  const { bin, home, cleanup } = minimalBin()
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: bin, HOME: home }
  // Not a CI run: suites that need a missing tool are skipped and listed, not failed.
  delete env['MI_SMOKE_REQUIRE_TOOLS']
  const argv =
    command === 'jest'
      ? [process.execPath, join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), ...args]
      : [command, ...args]
  process.stdout.write(`PATH=${bin} (basic system programs and node, no optional tools)\n`)
  const run = spawnSync(argv[0]!, argv.slice(1), { cwd: ROOT, env, stdio: 'inherit' })
  cleanup()
  process.exit(run.status ?? 1)
}

if (require.main === module) main()
