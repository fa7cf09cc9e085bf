/**
 * The smoke endpoint package publishes its API from one self-contained declaration
 * (packages/smoke-endpoint/src/public/index.ts → dist/types/smoke-endpoint/index.d.ts): the entry
 * the bundle is built from exports exactly what it declares, with the same signatures (checked by
 * the compiler: `npm run typecheck` fails on a difference), and the declaration imports nothing but
 * node's own types, so no file of the action's engine, contracts or probe is published.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import * as entry from '../../packages/smoke-endpoint/src/index'
import type * as Published from '../../packages/smoke-endpoint/src/public'

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
// The entry's values and the published declaration's, name for name and signature for signature.
const sameExports: Same<typeof entry, typeof Published> = true

const PUBLIC = join(
  __dirname,
  '..',
  '..',
  'packages',
  'smoke-endpoint',
  'src',
  'public',
  'index.ts'
)

test('the entry exports exactly the functions and constants the published types declare', () => {
  expect(sameExports).toBe(true)
  const source = ts.createSourceFile(PUBLIC, readFileSync(PUBLIC, 'utf8'), ts.ScriptTarget.ES2022)
  const declaredValues = source.statements
    .filter(ts.isExportDeclaration)
    .flatMap(statement =>
      statement.exportClause && ts.isNamedExports(statement.exportClause)
        ? statement.exportClause.elements.map(element => element.name.text)
        : []
    )
  expect(Object.keys(entry).sort()).toEqual(declaredValues.sort())
})

test('the published declaration imports nothing but node types', () => {
  const source = ts.createSourceFile(PUBLIC, readFileSync(PUBLIC, 'utf8'), ts.ScriptTarget.ES2022)
  const imports = source.statements
    .filter(ts.isImportDeclaration)
    .map(statement => (statement.moduleSpecifier as ts.StringLiteral).text)
  expect(imports.every(specifier => specifier.startsWith('node:'))).toBe(true)
})
