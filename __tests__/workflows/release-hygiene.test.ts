/**
 * What a release depends on, checked on every test run rather than discovered when a tag is pushed:
 * the CHANGELOG has the section the release workflow turns into release notes, the release workflow
 * is wired to move the major tag, and the CI script itself is valid shell.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { accessSync, constants, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { describeWithTools } from '../helpers/system-tools'

const root = join(__dirname, '..', '..')
const read = (path: string): string => readFileSync(join(root, path), 'utf8')
const packageJson = JSON.parse(read('package.json')) as { version: string; license: string }

describe('CHANGELOG.md', () => {
  const changelog = read('CHANGELOG.md')

  it('keeps an Unreleased section above the releases', () => {
    const headings = [...changelog.matchAll(/^## \[([^\]]+)\]/gm)].map(m => m[1])
    expect(headings[0]).toBe('Unreleased')
  })

  it("has a dated section for package.json's version, which the release workflow publishes as notes", () => {
    const version = packageJson.version
    expect(version).toMatch(/^\d+\.\d+\.\d+$/)
    const heading = new RegExp(
      `^## \\[${version.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`,
      'm'
    )
    expect(changelog).toMatch(heading)
    // The section has content, not just a heading.
    const section = changelog.split(heading)[1]?.split(/^## \[/m)[0] ?? ''
    expect(section).toMatch(/^- /m)
    expect(changelog).toMatch(new RegExp(`^\\[${version.replace(/\./g, '\\.')}\\]: https://`, 'm'))
  })
})

describe('the release workflow', () => {
  const release = parse(read('.github/workflows/release.yml')) as {
    on: { push: { tags: string[] } }
    permissions: Record<string, string>
    jobs: Record<string, { steps: Array<{ run?: string }> }>
  }
  const scripts = Object.values(release.jobs)
    .flatMap(job => job.steps.map(step => step.run ?? ''))
    .join('\n')

  it('runs for full semantic version tags only (not v1, not pre-releases)', () => {
    const [pattern] = release.on.push.tags
    // GitHub's filter syntax: [0-9]+ is one or more digits, as in a regular expression.
    const matches = (tag: string): boolean => new RegExp(`^${pattern}$`).test(tag)
    expect(matches('v1.2.3')).toBe(true)
    expect(matches('v10.0.12')).toBe(true)
    expect(matches('v1')).toBe(false)
    expect(matches('v1.2.3-rc.1')).toBe(false)
  })

  it('checks dist/, creates the release and moves the major tag', () => {
    // id-token: the npm provenance of the published packages (release-publish.test.ts).
    expect(release.permissions).toEqual({ contents: 'write', 'id-token': 'write' })
    expect(scripts).toContain('rm -rf dist')
    expect(scripts).toContain('git status --porcelain --untracked-files=all -- dist')
    expect(scripts).toContain('gh release create')
    expect(scripts).toMatch(/git tag --force .*"\$MAJOR"/)
    expect(scripts).toContain('git push --force origin "refs/tags/$MAJOR"')
  })
})

describe('licence', () => {
  it('is MIT in LICENSE and package.json', () => {
    expect(read('LICENSE')).toMatch(/^MIT License/)
    expect(packageJson.license).toBe('MIT')
  })
})

describe('.ci/run', () => {
  const script = join(root, '.ci', 'run')

  it('is executable and valid bash', () => {
    accessSync(script, constants.X_OK)
    execFileSync('bash', ['-n', script])
  })

  describeWithTools(['shellcheck'], 'shellcheck', () => {
    it('passes shellcheck', () => {
      const result = spawnSync('shellcheck', [script], { encoding: 'utf8' })
      expect(result.stdout + result.stderr).toBe('')
      expect(result.status).toBe(0)
    })
  })
})
