/**
 * Tests that need a system tool (busybox, dash, shellcheck, pwsh, chromium, openssl, python3, wget, ...)
 * declare it here instead of spawning it blindly. On a fresh machine with only Node and npm such a
 * suite is skipped (and recorded, so the run can end with one notice naming what was skipped and the
 * command that installs it); with MI_SMOKE_REQUIRE_TOOLS=1 (set by .ci/run) a missing tool fails the
 * suite instead, so CI can never pass by skipping.
 */
import { accessSync, appendFileSync, constants } from 'node:fs'
import { homedir } from 'node:os'
import { delimiter, join } from 'node:path'

/** How each optional tool is installed on Debian/Ubuntu (what the skip notice prints). */
export const TOOL_INSTALL: Record<string, string> = {
  busybox: 'apt-get install busybox',
  dash: 'apt-get install dash',
  shellcheck: 'apt-get install shellcheck',
  curl: 'apt-get install curl',
  wget: 'apt-get install wget',
  python3: 'apt-get install python3',
  openssl: 'apt-get install openssl',
  unshare: 'apt-get install util-linux',
  ip: 'apt-get install iproute2',
  chromium: 'apt-get install chromium',
  pwsh: 'dotnet tool install --global PowerShell --version 7.6.9 (then add ~/.dotnet/tools to PATH)'
}

/** Where a tool may live besides PATH (pwsh as a .NET global tool). */
const EXTRA_DIRS: Record<string, string[]> = {
  pwsh: [join(homedir(), '.dotnet', 'tools')]
}

/** The full path of `tool`, or undefined when it is not installed. */
export function findTool(tool: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), ...(EXTRA_DIRS[tool] ?? [])]
  for (const dir of dirs) {
    if (dir === '') continue
    const candidate = join(dir, tool)
    try {
      accessSync(candidate, constants.X_OK)
      return candidate
    } catch {
      // not in this directory
    }
  }
  return undefined
}

export function haveTool(tool: string): boolean {
  return findTool(tool) !== undefined
}

/** The tools of `tools` that are missing on this machine. */
export function missingTools(tools: readonly string[]): string[] {
  return tools.filter(tool => !haveTool(tool))
}

export function toolsRequired(): boolean {
  return process.env.MI_SMOKE_REQUIRE_TOOLS === '1'
}

/** File the skips are appended to (one JSON line each); the run's notice reads it. */
export function skipLogPath(): string | undefined {
  return process.env.MI_SMOKE_SKIP_LOG
}

function recordSkip(suite: string, missing: string[], tests: number): void {
  const log = skipLogPath()
  if (log === undefined) return
  appendFileSync(log, JSON.stringify({ suite, missing, tests }) + '\n')
}

type TestFn = ((...args: unknown[]) => unknown) & { each?: (table: unknown[]) => unknown }

/**
 * Runs a skipped describe's body with `test`/`it` counting the tests it declares (each row of a
 * `.each` table is one test, as jest counts them), so that the notice's figure is jest's
 * "skipped" figure for these groups.
 */
function countingTests(fn: () => void): number {
  let count = 0
  const globals = globalThis as unknown as Record<'test' | 'it', TestFn>
  const originals = { test: globals.test, it: globals.it }
  const counting = (original: TestFn): TestFn => {
    const wrapped = ((...args: unknown[]) => {
      count++
      return original(...args)
    }) as TestFn
    Object.assign(wrapped, original)
    if (original.each) {
      wrapped.each = (table: unknown[]) => {
        count += Array.isArray(table) ? table.length : 0
        return original.each?.(table)
      }
    }
    return wrapped
  }
  globals.test = counting(originals.test)
  globals.it = counting(originals.it)
  try {
    fn()
  } finally {
    globals.test = originals.test
    globals.it = originals.it
  }
  return count
}

/**
 * `describe` when every tool in `tools` is installed; otherwise the suite is skipped and recorded,
 * or (MI_SMOKE_REQUIRE_TOOLS=1) it fails with the install command.
 */
export function describeWithTools(tools: readonly string[], name: string, fn: () => void): void {
  const missing = missingTools(tools)
  if (missing.length === 0) {
    describe(name, fn)
    return
  }
  const how = missing.map(tool => `${tool}: ${TOOL_INSTALL[tool] ?? 'install it'}`).join('; ')
  if (toolsRequired()) {
    describe(name, () => {
      test(`needs ${missing.join(', ')}`, () => {
        throw new Error(`MI_SMOKE_REQUIRE_TOOLS=1 and missing: ${how}`)
      })
    })
    return
  }
  describe.skip(`${name} (skipped: ${missing.join(', ')} not installed)`, () =>
    recordSkip(name, missing, countingTests(fn)))
}
