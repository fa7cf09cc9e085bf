/**
 * The repository stands alone: no file refers to a document outside it. The public contract is
 * docs/contract.md and the Azure facts are docs/azure-wire-facts.md; notes kept beside a working copy
 * (a sibling `shared` folder, its contract and protocol pages) are nobody else's to read.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

const ROOT = join(__dirname, '..', '..')
/** Built or installed, not written here: dist/ is generated from these sources. */
const SKIP = new Set(['node_modules', 'dist', '.git', 'coverage', 'build', 'bench-results'])
// Spelled in pieces so that this file does not name them itself.
const OUTSIDE = [
  ['CONTRACT', '.md'],
  ['PROTOCOLS', '.md'],
  ['..', '/shared']
].map(p => p.join(''))

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* files(path)
    else if (entry.isFile() && statSync(path).size < 5_000_000) yield path
  }
}

test('no file refers to the contract or protocol pages outside the repository, or to a sibling shared folder', () => {
  const found: string[] = []
  for (const path of files(ROOT)) {
    const text = readFileSync(path, 'latin1')
    for (const name of OUTSIDE)
      if (text.includes(name)) found.push(`${relative(ROOT, path)}: ${name}`)
  }
  expect(found).toEqual([])
})

test('the pages every reference points to exist', () => {
  for (const page of ['docs/contract.md', 'docs/azure-wire-facts.md']) {
    expect(readFileSync(join(ROOT, page), 'utf8')).toMatch(/^# /)
  }
})
