/**
 * Dead-code check (`npm run lint:unused`, run by .ci/run): fails on an export of the shipped code
 * (`src/`, `packages/*\/src/`) that is used nowhere: no other file imports it and its own file does
 * not use it either. (An export used only in its own file, such as the type of an exported
 * function's parameter, is part of that function's signature, not dead code.) Every file of the TypeScript project
 * (tests, scripts and the emulator included) counts as a user; the entry points (the action's and
 * each package's `index.ts`, the sidecar's `server.ts`) are a package's public API, used by
 * definition. Imports are resolved by the compiler, re-exports followed to what they name; a
 * namespace import, `import()` or `require()` of a module uses all of its exports.
 *
 * `tsx scripts/unused-exports.ts [--root DIR]`: DIR (default: this repository) holds the
 * tsconfig.json whose files are read.
 */
import { existsSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import ts from 'typescript'

/** Folders whose exports must be used, relative to the root (`*` is one folder name). */
const CHECKED = [/^src\//, /^packages\/[^/]+\/src\//]
/** A package's public API: its exports are used by whoever installs it. */
const ENTRY_POINTS = [/^src\/index\.ts$/, /^packages\/[^/]+\/src\/(index|server|main)\.ts$/]

export interface UnusedExport {
  file: string
  name: string
  line: number
}

export function findUnusedExports(root: string): UnusedExport[] {
  const configPath = join(root, 'tsconfig.json')
  const read = ts.readConfigFile(configPath, ts.sys.readFile)
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'))
  const config = ts.parseJsonConfigFileContent(read.config, ts.sys, root)
  const program = ts.createProgram(config.fileNames, { ...config.options, noEmit: true })
  const checker = program.getTypeChecker()
  const projectFiles = program
    .getSourceFiles()
    .filter(file => !file.isDeclarationFile && !file.fileName.includes('/node_modules/'))

  const used = new Set<ts.Symbol>()
  const wholeModules = new Set<ts.SourceFile>()
  const resolveAlias = (symbol: ts.Symbol): ts.Symbol =>
    symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol
  const moduleFile = (specifier: ts.Node): ts.SourceFile | undefined => {
    const declaration = checker.getSymbolAtLocation(specifier)?.valueDeclaration
    return declaration && ts.isSourceFile(declaration) ? declaration : undefined
  }
  const useWhole = (specifier: ts.Node): void => {
    const file = moduleFile(specifier)
    if (file) wholeModules.add(file)
  }
  const useName = (name: ts.Identifier | ts.StringLiteral | undefined): void => {
    const symbol = name && checker.getSymbolAtLocation(name)
    if (symbol) used.add(resolveAlias(symbol))
  }

  for (const file of projectFiles) {
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node)) {
        const clause = node.importClause
        if (clause?.name) useName(clause.name)
        const bindings = clause?.namedBindings
        if (bindings && ts.isNamespaceImport(bindings)) useWhole(node.moduleSpecifier)
        if (bindings && ts.isNamedImports(bindings))
          for (const e of bindings.elements) useName(e.name)
      } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
        if (!node.exportClause || ts.isNamespaceExport(node.exportClause)) {
          useWhole(node.moduleSpecifier)
        } else {
          for (const e of node.exportClause.elements) {
            const symbol = checker.getExportSpecifierLocalTargetSymbol(e)
            if (symbol) used.add(resolveAlias(symbol))
          }
        }
      } else if (ts.isImportEqualsDeclaration(node)) {
        if (ts.isExternalModuleReference(node.moduleReference)) {
          useWhole(node.moduleReference.expression)
        }
      } else if (ts.isImportTypeNode(node)) {
        const argument = node.argument
        if (ts.isLiteralTypeNode(argument)) useWhole(argument.literal)
      } else if (
        ts.isCallExpression(node) &&
        (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
          (ts.isIdentifier(node.expression) && node.expression.text === 'require')) &&
        node.arguments[0]
      ) {
        useWhole(node.arguments[0])
      }
      ts.forEachChild(node, visit)
    }
    visit(file)
  }

  const unused: UnusedExport[] = []
  for (const file of projectFiles) {
    const path = relative(root, file.fileName).split('\\').join('/')
    if (!CHECKED.some(folder => folder.test(path))) continue
    if (ENTRY_POINTS.some(entry => entry.test(path)) || wholeModules.has(file)) continue
    const moduleSymbol = checker.getSymbolAtLocation(file)
    if (!moduleSymbol) continue
    const usedHere = symbolsUsedIn(file, checker)
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      if (used.has(resolveAlias(exported)) || used.has(exported) || usedHere.has(exported)) continue
      const declaration = exported.declarations?.[0]
      if (!declaration || declaration.getSourceFile() !== file) continue
      const line = file.getLineAndCharacterOfPosition(declaration.getStart()).line + 1
      unused.push({ file: path, name: exported.getName(), line })
    }
  }
  return unused.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)
}

/** The symbols a file refers to other than by declaring them. */
function symbolsUsedIn(file: ts.SourceFile, checker: ts.TypeChecker): Set<ts.Symbol> {
  const symbols = new Set<ts.Symbol>()
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) {
      const parent = node.parent
      const declares =
        parent &&
        (ts.isFunctionDeclaration(parent) ||
          ts.isClassDeclaration(parent) ||
          ts.isInterfaceDeclaration(parent) ||
          ts.isTypeAliasDeclaration(parent) ||
          ts.isEnumDeclaration(parent) ||
          ts.isVariableDeclaration(parent)) &&
        (parent as ts.NamedDeclaration).name === node
      // `export { name }` exports a local; it does not use it.
      const exports = parent !== undefined && ts.isExportSpecifier(parent)
      const symbol = declares || exports ? undefined : checker.getSymbolAtLocation(node)
      if (symbol) symbols.add(symbol)
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return symbols
}

function main(argv: string[]): number {
  const at = argv.indexOf('--root')
  const root = resolve(at >= 0 && argv[at + 1] ? argv[at + 1]! : join(__dirname, '..'))
  if (!existsSync(join(root, 'tsconfig.json'))) {
    console.error(`unused-exports: no tsconfig.json in ${root}`)
    return 2
  }
  const unused = findUnusedExports(root)
  for (const u of unused) {
    console.error(`${u.file}:${u.line}: ${u.name} is exported and imported nowhere`)
  }
  if (unused.length > 0) {
    console.error(
      `unused-exports: ${unused.length} unused export(s): delete them, or stop exporting them`
    )
    return 1
  }
  console.log('unused-exports: every export of src/ and packages/*/src/ is imported somewhere')
  return 0
}

if (require.main === module) process.exitCode = main(process.argv.slice(2))
