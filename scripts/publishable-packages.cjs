#!/usr/bin/env node
/**
 * Prints the folders of the workspace packages the release publishes to npm: every folder that
 * package.json's `workspaces` names whose package.json is not `private`, one a line. The release
 * workflow publishes each; __tests__/workflows/release-publish.test.ts dry-runs each.
 */
'use strict'
const { existsSync, readFileSync, readdirSync } = require('node:fs')
const { join } = require('node:path')

const root = join(__dirname, '..')

/** The workspace folders (relative to the root), with `dir/*` patterns expanded. */
function workspaceFolders() {
  const { workspaces = [] } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  return workspaces.flatMap(pattern =>
    pattern.endsWith('/*')
      ? readdirSync(join(root, pattern.slice(0, -2)), { withFileTypes: true })
          .filter(entry => entry.isDirectory())
          .map(entry => `${pattern.slice(0, -2)}/${entry.name}`)
      : [pattern]
  )
}

function publishablePackages() {
  return workspaceFolders().filter(dir => {
    const manifest = join(root, dir, 'package.json')
    return existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).private !== true
  })
}

module.exports = { publishablePackages }

if (require.main === module)
  process.stdout.write(
    publishablePackages()
      .map(d => `${d}\n`)
      .join('')
  )
