/**
 * The eslint rule that keeps the layout's import boundaries (docs/architecture.md): for each zone, a
 * file under `from` may import only from the folders in `allow` (when given), never from those in
 * `deny`, and never a package in `denyPackages`. Relative imports are resolved to the file they name,
 * so a boundary holds however many `../` it takes to cross it; `import`, `export ... from`,
 * `import()` and `require()` are all checked. The zones themselves live in eslint.config.mjs.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root: zones are written relative to it. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

const toPosix = p => p.split(path.sep).join('/')
const under = (file, folder) => file === folder || file.startsWith(`${folder}/`)

/** Repository-relative path of what a relative specifier names; undefined for a package. */
function resolveSpecifier(fromFile, specifier) {
  if (!specifier.startsWith('.')) return undefined
  return toPosix(path.relative(ROOT, path.resolve(path.dirname(fromFile), specifier)))
}

/** Why `specifier`, imported by `file` (repository-relative), breaks `zone`; undefined if it does not. */
function violation(zone, file, specifier, fromFile) {
  if (!under(file, zone.from)) return undefined
  const target = resolveSpecifier(fromFile, specifier)
  if (target === undefined) {
    const denied = (zone.denyPackages ?? []).find(
      prefix =>
        specifier === prefix || specifier.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`)
    )
    return denied === undefined
      ? undefined
      : `${zone.from} must not import ${specifier}: ${zone.because}`
  }
  if (target.startsWith('..')) return undefined
  const denied = (zone.deny ?? []).find(folder => under(target, folder))
  if (denied !== undefined) return `${zone.from} must not import from ${denied}: ${zone.because}`
  if (
    zone.allow &&
    !under(target, zone.from) &&
    !zone.allow.some(folder => under(target, folder))
  ) {
    return `${zone.from} may import only from ${zone.allow.join(', ')} (not ${target}): ${zone.because}`
  }
  return undefined
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep the import boundaries between the layout’s folders' },
    schema: [
      {
        type: 'object',
        properties: {
          zones: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                from: { type: 'string' },
                allow: { type: 'array', items: { type: 'string' } },
                deny: { type: 'array', items: { type: 'string' } },
                denyPackages: { type: 'array', items: { type: 'string' } },
                because: { type: 'string' }
              },
              required: ['from', 'because'],
              additionalProperties: false
            }
          }
        },
        additionalProperties: false
      }
    ]
  },
  create(context) {
    const zones = context.options[0]?.zones ?? []
    const fromFile = context.filename
    const file = toPosix(path.relative(ROOT, fromFile))
    const applicable = zones.filter(zone => under(file, zone.from))
    if (applicable.length === 0) return {}
    const check = source => {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return
      for (const zone of applicable) {
        const message = violation(zone, file, source.value, fromFile)
        if (message) context.report({ node: source, message })
      }
    }
    return {
      ImportDeclaration: node => check(node.source),
      ExportNamedDeclaration: node => check(node.source),
      ExportAllDeclaration: node => check(node.source),
      ImportExpression: node => check(node.source),
      TSImportEqualsDeclaration: node => check(node.moduleReference?.expression),
      CallExpression: node => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require')
          check(node.arguments[0])
      }
    }
  }
}

export default { rules: { 'import-boundaries': rule } }
