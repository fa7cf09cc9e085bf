/**
 * Writes docs/architecture.md from the tree: the hand-written head (the data flow, the rules the
 * code keeps) is kept as it is, and below its marker each folder of code is a section listing its
 * files, each with the first sentence of its opening comment. `npm run architecture` regenerates
 * the file; `npm run architecture -- --check` (run by .ci/run) fails when the committed one differs
 * from a fresh generation, or when a file has no opening comment.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import * as prettier from 'prettier'

const ROOT = join(__dirname, '..')
const DOC = join(ROOT, 'docs', 'architecture.md')
const MARKER =
  '<!-- Generated below by `npm run architecture` (scripts/architecture.ts) from the opening comment of each file: edit those comments, not this list. -->'

/** The folders of code, in the order of the data flow, then the tools around it. */
const ROOTS = [
  'src',
  'packages/smoke-endpoint/src',
  'packages/cli/src',
  'vm-probes',
  'emulator',
  'scripts',
  '__tests__/helpers'
]
const CODE = /\.(ts|mts|cts|mjs|cjs|js|sh|ps1)$/

/**
 * The files git would commit (tracked, or new and not ignored): a built file such as the assembled
 * vm-probes/linux/probe.sh is ignored, so the page is the same before and after a build. Undefined
 * outside a git checkout: then every file counts.
 */
function committable(): Set<string> | undefined {
  try {
    const listed = execFileSync(
      'git',
      [
        '-c',
        `safe.directory=${ROOT}`,
        'ls-files',
        '--cached',
        '--others',
        '--exclude-standard',
        '-z'
      ],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }
    )
    return new Set(listed.split('\0').filter(Boolean))
  } catch {
    return undefined
  }
}
const COMMITTABLE = committable()
const SKIPPED = new Set(['node_modules', 'dist', 'build', 'coverage'])

/** Every code file under `folder`, by folder, each folder's files sorted. */
function filesByFolder(folder: string, into: Map<string, string[]>): Map<string, string[]> {
  const absolute = join(ROOT, folder)
  let entries: string[]
  try {
    entries = readdirSync(absolute).sort()
  } catch {
    return into
  }
  const files = entries.filter(
    e =>
      CODE.test(e) &&
      statSync(join(absolute, e)).isFile() &&
      (COMMITTABLE === undefined || COMMITTABLE.has(`${folder}/${e}`))
  )
  if (files.length > 0) into.set(folder, files)
  for (const entry of entries) {
    if (SKIPPED.has(entry) || entry.startsWith('.')) continue
    if (statSync(join(absolute, entry)).isDirectory()) filesByFolder(`${folder}/${entry}`, into)
  }
  return into
}

/** The text of a file's opening comment (`/** *\/`, `//`, `#` or `<# #>`), or undefined. */
function openingComment(source: string): string | undefined {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/)
  let i = 0
  while (i < lines.length && (lines[i]!.startsWith('#!') || lines[i]!.trim() === '')) i++
  // shellcheck's directive is not a comment about the file.
  while (i < lines.length && /^#\s*shellcheck\s/.test(lines[i]!)) i++
  const first = lines[i]?.trim() ?? ''
  const collect = (end: (line: string) => boolean, strip: (line: string) => string): string => {
    const taken: string[] = []
    for (; i < lines.length; i++) {
      const line = lines[i]!
      taken.push(strip(line))
      if (end(line)) break
    }
    return firstParagraph(taken)
  }
  let text: string
  if (first.startsWith('/*')) {
    text = collect(
      line => line.includes('*/'),
      line =>
        line
          .replace(/^\s*\/\*\*?/, '')
          .replace(/\*\/.*$/, '')
          .replace(/^\s*\*( |$)/, '')
    )
  } else if (first.startsWith('<#')) {
    text = collect(
      line => line.includes('#>'),
      line =>
        line
          .replace(/^\s*<#/, '')
          .replace(/^ {2}/, '')
          .replace(/#>.*$/, '')
    )
  } else if (first.startsWith('//') || first.startsWith('#')) {
    const prefix = first.startsWith('//') ? /^\s*\/\/ ?/ : /^\s*# ?/
    const taken: string[] = []
    for (; i < lines.length && prefix.test(lines[i]!) && lines[i]!.trim() !== ''; i++) {
      taken.push(lines[i]!.replace(prefix, ''))
    }
    text = firstParagraph(taken)
  } else {
    return undefined
  }
  const clean = text.replace(/\s+/g, ' ').trim()
  return clean === '' ? undefined : clean
}

/**
 * The comment's opening paragraph: its lines up to the first blank one, list item or indented
 * (code) line, joined.
 */
function firstParagraph(all: string[]): string {
  const start = all.findIndex(line => line.trim() !== '')
  const lines = start < 0 ? [] : all.slice(start)
  const end = lines.findIndex(
    (line, i) => i > 0 && (line.trim() === '' || /^(\s*[-*] |\s*\d+\. | {2,}\S)/.test(line))
  )
  return (end < 0 ? lines : lines.slice(0, end)).join(' ')
}

/**
 * The first sentence: up to a `.`, `!` or `?` followed by a space and a capital letter, a backtick
 * or an opening bracket (so `e.g. a`, `1.2` and `file.ts` do not end it), or the whole text.
 */
function firstSentence(text: string): string {
  const end = /(?<!\b\d)[.!?](?=\s+[A-Z`(["]|$)/.exec(text)
  return end ? text.slice(0, end.index + 1) : text
}

/** Text for Markdown: `<` and `*` outside code spans escaped, so `<base64>` is not taken for HTML. */
function markdownText(text: string): string {
  return text
    .split('`')
    .map((part, i) => (i % 2 === 0 ? part.replace(/[<*]/g, c => `\\${c}`) : part))
    .join('`')
}

/** The generated part: one section per folder, one line per file. */
function generatedSections(): { markdown: string; missing: string[] } {
  const folders = new Map<string, string[]>()
  for (const root of ROOTS) filesByFolder(root, folders)
  const missing: string[] = []
  const sections: string[] = []
  for (const [folder, files] of folders) {
    const lines = files.map(file => {
      const path = `${folder}/${file}`
      const comment = openingComment(readFileSync(join(ROOT, path), 'utf8'))
      if (comment === undefined) missing.push(path)
      return `- [\`${file}\`](../${path}): ${comment === undefined ? '(no opening comment)' : markdownText(firstSentence(comment))}`
    })
    sections.push(`### ${folder}/\n\n${lines.join('\n')}\n`)
  }
  return { markdown: `## Files\n\n${sections.join('\n')}`, missing }
}

async function render(current: string): Promise<{ text: string; missing: string[] }> {
  const at = current.indexOf(MARKER)
  if (at < 0) throw new Error(`docs/architecture.md has no marker line; add:\n${MARKER}`)
  const head = current.slice(0, at + MARKER.length)
  const { markdown, missing } = generatedSections()
  const options = (await prettier.resolveConfig(DOC)) ?? {}
  const text = await prettier.format(`${head}\n\n${markdown}`, { ...options, filepath: DOC })
  return { text, missing }
}

async function main(argv: string[]): Promise<number> {
  const current = readFileSync(DOC, 'utf8')
  const { text, missing } = await render(current)
  for (const path of missing) console.error(`${path}: no opening comment saying what it is for`)
  if (argv.includes('--check')) {
    if (text !== current) {
      console.error(
        `${relative(ROOT, DOC)} differs from the tree: run "npm run architecture" and commit it.`
      )
      return 1
    }
    if (missing.length > 0) return 1
    console.log(`${relative(ROOT, DOC)} matches the tree`)
    return 0
  }
  writeFileSync(DOC, text)
  console.log(`wrote ${relative(ROOT, DOC)}`)
  return missing.length > 0 ? 1 : 0
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    code => (process.exitCode = code),
    (error: Error) => {
      console.error(error.message)
      process.exitCode = 2
    }
  )
}
