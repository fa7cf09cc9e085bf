/**
 * What an app gets from `require('mi-smoke/probe')`: the package's `exports` point at the built
 * bundle and its type declarations, and the bundle gives the documented handlers.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const ROOT = join(__dirname, '..', '..')
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  exports: Record<string, { types: string; default: string }>
}

test('package.json exports ./probe with a bundle and its type declarations, both built', () => {
  const entry = manifest.exports['./probe']
  expect(entry).toBeDefined()
  expect(existsSync(join(ROOT, entry!.default))).toBe(true)
  expect(existsSync(join(ROOT, entry!.types))).toBe(true)
  expect(readFileSync(join(ROOT, entry!.types), 'utf8')).toMatch(/export \{ createNodeHandler \}/)
})

test('the built entry gives the node:http, Express and Azure Functions handlers', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const probe = require(join(ROOT, manifest.exports['./probe']!.default)) as Record<string, unknown>
  for (const name of [
    'createNodeHandler',
    'createExpressMiddleware',
    'createAzureFunctionsHandler',
    'startStandaloneServer',
    'createSmokeHandler'
  ]) {
    expect(typeof probe[name]).toBe('function')
  }
  const handler = (probe['createNodeHandler'] as (options: object) => unknown)({ key: 'k' })
  expect(typeof handler).toBe('function')
})
