/**
 * Docs true to the code: what the documentation names must exist. It reads README.md, docs/*.md,
 * packages/*\/README.md, emulator/README.md, action.yml's descriptions and examples/, and fails on
 * - a backticked path (`src/...`, `docs/x.md`, `packages/.../dist/server`) that is not in the
 *   repository (relative to the root or to the document; `dist/` paths are built, so they are
 *   checked only when the build is there);
 * - `npm run X` where X is no script of the root or of a package;
 * - an `MI_SMOKE_*` environment variable the code never reads;
 * - a `with:` key of a step that uses this action (examples/workflows, the docs' yaml blocks) that
 *   is not one of action.yml's inputs.
 * Paths are checked against the tree as it is at test time, so files moving are caught wherever
 * the docs still name the old place.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { parse, parseAllDocuments } from 'yaml'

const root = join(__dirname, '..', '..')
const read = (path: string): string => readFileSync(join(root, path), 'utf8')
const list = (dir: string, ext: RegExp): string[] =>
  existsSync(join(root, dir))
    ? readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
        .filter(f => ext.test(f))
        .map(f => join(dir, f))
    : []

const action = parse(read('action.yml')) as {
  inputs: Record<string, { description: string }>
  outputs: Record<string, { description: string }>
}

/** Every document and its text. */
const DOCS: Array<[string, string]> = [
  'README.md',
  'emulator/README.md',
  ...list('docs', /\.md$/),
  ...readdirSync(join(root, 'packages'))
    .map(p => `packages/${p}/README.md`)
    .filter(p => existsSync(join(root, p))),
  ...list('examples', /\.(ya?ml|js|ts|md)$/)
].map(path => [path, read(path)])
DOCS.push([
  'action.yml (descriptions)',
  [...Object.values(action.inputs), ...Object.values(action.outputs)]
    .map(i => i.description)
    .join('\n')
])

const FILE_EXT = /\.(ts|js|cjs|mjs|md|ya?ml|json|sh|ps1|txt)$/
/** A backticked token that reads as a repository path, not a URL, placeholder, glob or command. */
function pathsIn(text: string): string[] {
  const found = new Set<string>()
  for (const match of text.matchAll(/`([^`\s]+)`/g)) {
    let token = (match[1] as string).replace(/[.,:;)]+$/, '').replace(/#.*$/, '')
    token = token.replace(/^\.\//, '')
    if (!/^[\w.@-][\w./@-]*$/.test(token)) continue // placeholders, globs, URLs, options
    if (token.startsWith('@') || token.includes('..') || /^\d/.test(token)) continue
    const first = token.split('/')[0] as string
    const rooted =
      /^(src|docs|packages|emulator|scripts|__tests__|examples|vm-probes|dist|\.github)$/.test(
        first
      )
    if (!rooted && !(token.includes('/') === false && FILE_EXT.test(token) && /^[A-Z]/.test(token)))
      continue
    found.add(token)
  }
  return [...found]
}

function exists(doc: string, path: string): boolean {
  if (existsSync(join(root, path))) return true
  const docDir = dirname(join(root, doc.replace(/ \(.*\)$/, '')))
  return existsSync(join(docDir, path))
}

const builtThere = existsSync(join(root, 'dist', 'index.js'))

describe.each(DOCS)('%s', (doc, text) => {
  it('names only paths that exist', () => {
    const missing = pathsIn(text)
      .filter(p => builtThere || !/(^|\/)dist(\/|$)/.test(p))
      .filter(p => !exists(doc, p))
    expect(missing).toEqual([])
  })

  it('names only npm scripts that exist', () => {
    const scripts = new Set<string>(Object.keys(JSON.parse(read('package.json')).scripts ?? {}))
    for (const p of readdirSync(join(root, 'packages'))) {
      const manifest = join(root, 'packages', p, 'package.json')
      if (existsSync(manifest))
        for (const s of Object.keys(JSON.parse(readFileSync(manifest, 'utf8')).scripts ?? {}))
          scripts.add(s)
    }
    const named = [...text.matchAll(/npm run ([\w:-]+)/g)].map(m => m[1] as string)
    expect(named.filter(s => !scripts.has(s))).toEqual([])
  })

  it('names only MI_SMOKE_* variables the code reads', () => {
    // A repository secret (`secrets.MI_SMOKE_KEY`, "secret MI_SMOKE_KEY") is the user's name, not ours.
    const prose = text.replace(/\bsecrets?[. ]MI_SMOKE_[A-Z0-9_]+/g, '')
    const named = [...new Set([...prose.matchAll(/\bMI_SMOKE_[A-Z0-9_]+\b/g)].map(m => m[0]))]
    expect(named.filter(name => !CODE.includes(name))).toEqual([])
  })

  it('passes this action only inputs it has', () => {
    const yamlBlocks =
      doc.endsWith('.yml') || doc.endsWith('.yaml')
        ? [text]
        : [...text.matchAll(/```ya?ml\n([\s\S]*?)```/g)].map(m => m[1] as string)
    const unknown: string[] = []
    for (const block of yamlBlocks) {
      let docs: unknown[]
      try {
        docs = parseAllDocuments(block).map(d => d.toJS() as unknown)
      } catch {
        continue
      }
      for (const step of stepsOf(docs)) {
        if (!/(^|\/)mi-smoke@|^\.\/?$/.test(step.uses ?? '')) continue
        for (const key of Object.keys(step.with ?? {}))
          if (!(key in action.inputs)) unknown.push(`${step.uses}: ${key}`)
      }
    }
    expect(unknown).toEqual([])
  })
})

/** The source text the variables must appear in (not the docs themselves). */
const CODE = [
  'src',
  'packages',
  'emulator',
  'scripts',
  '__tests__/helpers',
  '.github',
  'action.yml'
]
  .flatMap(p => (statSync(join(root, p)).isDirectory() ? list(p, /\.(ts|cjs|js|yml)$/) : [p]))
  .filter(p => !/(^|\/)(dist|node_modules)\//.test(p))
  .map(read)
  .join('\n')

interface Step {
  uses?: string
  with?: Record<string, unknown>
}

/** Every step (an object with `uses`) anywhere in parsed YAML. */
function stepsOf(value: unknown): Step[] {
  if (Array.isArray(value)) return value.flatMap(stepsOf)
  if (value === null || typeof value !== 'object') return []
  const object = value as Record<string, unknown>
  const own = typeof object['uses'] === 'string' ? [object as Step] : []
  return [...own, ...Object.values(object).flatMap(stepsOf)]
}

describe('the checks themselves', () => {
  it('see a path that is not there, and leave prose and placeholders alone', () => {
    const text = 'see `src/no-such-folder/file.ts`, `docs/vm-targets.md`, `<id>`, `az vm show`'
    expect(pathsIn(text)).toEqual(['src/no-such-folder/file.ts', 'docs/vm-targets.md'])
    expect(pathsIn(text).filter(p => !exists('README.md', p))).toEqual([
      'src/no-such-folder/file.ts'
    ])
  })
})
