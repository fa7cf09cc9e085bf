/**
 * What an app gets from `require('@mi-smoke/smoke-endpoint')` (packages/smoke-endpoint, an npm
 * workspace): the package's `exports` point at the built bundle and its type declarations, the
 * bundle gives the documented handlers, `@azure/identity` is its only dependency, and the root
 * package (the action) stays private.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const ROOT = join(__dirname, '..', '..')
const PACKAGE = join(ROOT, 'packages', 'smoke-endpoint')

interface Manifest {
  name: string
  private?: boolean
  workspaces?: string[]
  main: string
  exports: Record<string, { types: string; default: string } | string>
  bin: Record<string, string>
  files: string[]
  dependencies: Record<string, string>
}
const manifest = JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8')) as Manifest
const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest

test('the root package is private and holds the probe package as a workspace', () => {
  expect(root.private).toBe(true)
  expect(root.workspaces).toContain('packages/smoke-endpoint')
  expect(manifest.name).toBe('@mi-smoke/smoke-endpoint')
  expect(manifest.private).toBeUndefined()
  expect(manifest.dependencies).toEqual({
    '@azure/identity': root.dependencies['@azure/identity']
  })
})

test('exports "." with a bundle and its type declarations, both built', () => {
  const entry = manifest.exports['.'] as { types: string; default: string }
  expect(existsSync(join(PACKAGE, entry.default))).toBe(true)
  expect(existsSync(join(PACKAGE, entry.types))).toBe(true)
  expect(readFileSync(join(PACKAGE, entry.types), 'utf8')).toMatch(/export \{ createNodeHandler \}/)
  expect(readFileSync(join(PACKAGE, entry.types), 'utf8')).toMatch(/RehearsalOptions/)
})

test('the sidecar command is the built server, an executable node script', () => {
  const server = join(PACKAGE, manifest.bin['mi-smoke-endpoint']!)
  expect(readFileSync(server, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true)
})

test('the built entry gives the node:http, Express and Azure Functions handlers', () => {
  const entry = manifest.exports['.'] as { types: string; default: string }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const probe = require(join(PACKAGE, entry.default)) as Record<string, unknown>
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
