// Parses PowerShell source (stdin) with tree-sitter-powershell's WebAssembly grammar and prints
// {hasError, errors[]} as JSON. A separate process: web-tree-sitter loads its runtime with
// import(), which jest's CommonJS sandbox does not allow.
'use strict'
const { Parser, Language } = require('web-tree-sitter')

async function main() {
  const source = require('node:fs').readFileSync(0, 'utf8')
  await Parser.init()
  const language = await Language.load(
    require.resolve('tree-sitter-powershell/tree-sitter-powershell.wasm')
  )
  const parser = new Parser()
  parser.setLanguage(language)
  const tree = parser.parse(source)
  const errors = []
  const walk = node => {
    if (node.type === 'ERROR' || node.isMissing) {
      errors.push(
        `${node.startPosition.row + 1}:${node.startPosition.column + 1} ${node.text.slice(0, 60)}`
      )
    }
    for (const child of node.children) if (child) walk(child)
  }
  walk(tree.rootNode)
  process.stdout.write(
    JSON.stringify({ hasError: tree.rootNode.hasError, root: tree.rootNode.type, errors })
  )
}

main().catch(error => {
  process.stderr.write(String(error && error.stack ? error.stack : error))
  process.exit(1)
})
