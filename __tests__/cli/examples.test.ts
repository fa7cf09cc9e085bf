/**
 * The CI examples for the command line (examples/azure-pipelines.yml, examples/gitlab-ci.yml): each
 * logs in before it runs `npx @mi-smoke/cli`, gives only options the command knows (its argument
 * parser reads them, after a POSIX shell's word splitting by Python's shlex), and publishes the very
 * file it passes to `--junit`, also when the smoke test failed.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { parseCliArguments } from '../../packages/cli/src/args'
import { describeWithTools } from '../helpers/system-tools'

const EXAMPLES = join(__dirname, '..', '..', 'examples')

/** The words a POSIX shell gives the command (line continuations joined). */
function shellWords(command: string): string[] {
  return JSON.parse(
    execFileSync(
      'python3',
      ['-c', 'import json, shlex, sys; print(json.dumps(shlex.split(sys.stdin.read())))'],
      { input: command.replace(/\\\n/g, ' '), encoding: 'utf8' }
    )
  ) as string[]
}

/** The arguments after `npx --yes @mi-smoke/cli`, parsed as the command would. */
function cliArguments(script: string) {
  const words = shellWords(script)
  const at = words.indexOf('@mi-smoke/cli')
  expect(words.slice(at - 2, at)).toEqual(['npx', '--yes'])
  return parseCliArguments(words.slice(at + 1))
}

describeWithTools(['python3'], 'the CI examples', () => {
  test('Azure Pipelines: AzureCLI@2 runs it, PublishTestResults@2 publishes its JUnit file even on failure', () => {
    const pipeline = parse(readFileSync(join(EXAMPLES, 'azure-pipelines.yml'), 'utf8')) as {
      steps: Array<{ task?: string; condition?: string; inputs?: Record<string, string> }>
    }
    const tasks = pipeline.steps.map(step => step.task)
    const cli = pipeline.steps.find(step => step.task === 'AzureCLI@2')!
    const publish = pipeline.steps.find(step => step.task === 'PublishTestResults@2')!
    expect(tasks.indexOf('AzureCLI@2')).toBeLessThan(tasks.indexOf('PublishTestResults@2'))
    expect(cli.inputs).toMatchObject({ scriptType: 'bash', scriptLocation: 'inlineScript' })
    const args = cliArguments(cli.inputs!['inlineScript']!)
    expect(args.targets.every(target => target.startsWith('vm:'))).toBe(true)
    expect(publish.condition).toBe('succeededOrFailed()')
    expect(publish.inputs).toMatchObject({
      testResultsFormat: 'JUnit',
      testResultsFiles: args.junit
    })
  })

  test('GitLab CI: logs in with az, runs it, and reports its JUnit file on failure too', () => {
    const pipeline = parse(readFileSync(join(EXAMPLES, 'gitlab-ci.yml'), 'utf8')) as Record<
      string,
      {
        before_script: string[]
        script: string[]
        artifacts: { when: string; reports: { junit: string } }
      }
    >
    const job = pipeline['mi-smoke']!
    expect(job.before_script.some(line => /^az login /.test(line))).toBe(true)
    const args = cliArguments(job.script.join('\n'))
    expect(args.junit).toBe('mi-smoke-junit.xml')
    expect(job.artifacts).toMatchObject({ when: 'always', reports: { junit: args.junit } })
  })
})
