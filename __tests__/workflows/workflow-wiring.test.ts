/**
 * actionlint knows the inputs of popular actions but not of this one when it is referenced as
 * `./` or `mi-smoke/mi-smoke@v1`, nor of the reusable workflow called from another repository. This
 * suite checks that wiring itself: every `with:` key a workflow passes to mi-smoke is an input of
 * action.yml, every `steps.<id>.outputs.<name>` read from it is an output, and the same for callers
 * of the reusable workflow .github/workflows/mi-smoke.yml.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'

const root = join(__dirname, '..', '..')

interface Step {
  id?: string
  uses?: string
  with?: Record<string, unknown>
  if?: string
  run?: string
  shell?: string
  env?: Record<string, string>
}
interface Job {
  uses?: string
  if?: string
  needs?: string | string[]
  strategy?: unknown
  with?: Record<string, unknown>
  steps?: Step[]
  permissions?: Record<string, string>
  environment?: unknown
  outputs?: Record<string, string>
}
interface Workflow {
  on?: {
    workflow_call?: {
      inputs?: Record<string, { type?: string; default?: unknown; required?: boolean }>
      secrets?: Record<string, { required?: boolean }>
      outputs?: Record<string, { value?: string }>
    }
  }
  permissions?: Record<string, string>
  jobs: Record<string, Job>
}

function readYaml<T>(path: string): T {
  return parse(readFileSync(join(root, path), 'utf8')) as T
}

const workflowPaths = ['.github/workflows', 'examples/workflows'].flatMap(dir =>
  readdirSync(join(root, dir))
    .filter(name => /\.ya?ml$/.test(name))
    .map(name => `${dir}/${name}`)
)
const workflows = workflowPaths.map(path => ({ path, workflow: readYaml<Workflow>(path) }))

const action = readYaml<{ inputs: Record<string, unknown>; outputs: Record<string, unknown> }>(
  'action.yml'
)
const actionInputs = Object.keys(action.inputs ?? {})
const actionOutputs = Object.keys(action.outputs ?? {})

const reusable = readYaml<Workflow>('.github/workflows/mi-smoke.yml')
const reusableCall = reusable.on?.workflow_call

/** `./` (this repository's checkout) or the published action, at any ref. */
function isMiSmokeAction(uses: string | undefined): boolean {
  return uses === './' || /^mi-smoke\/mi-smoke@[\w.-]+$/.test(uses ?? '')
}

function isMiSmokeReusableWorkflow(uses: string | undefined): boolean {
  return /(^\.\/|^mi-smoke\/mi-smoke\/)\.github\/workflows\/mi-smoke\.yml(@[\w.-]+)?$/.test(
    uses ?? ''
  )
}

/** All `<prefix>.<name>` references in a workflow's text, e.g. outputs read from one step. */
function referencedNames(text: string, prefix: string): string[] {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return [...text.matchAll(new RegExp(`${escaped}\\.([A-Za-z0-9_-]+)`, 'g'))].map(m => m[1] ?? '')
}

const actionSteps = workflows.flatMap(({ path, workflow }) =>
  Object.entries(workflow.jobs).flatMap(([jobName, job]) =>
    (job.steps ?? [])
      .filter(step => isMiSmokeAction(step.uses))
      .map(step => ({ path, jobName, step }))
  )
)

const reusableCallers = workflows.flatMap(({ path, workflow }) =>
  Object.entries(workflow.jobs)
    .filter(([, job]) => isMiSmokeReusableWorkflow(job.uses))
    .map(([jobName, job]) => ({ path, jobName, job }))
)

describe('workflows that use the action', () => {
  it('exist: the dogfood workflow, the reusable workflow and the examples', () => {
    const paths = new Set(actionSteps.map(s => s.path))
    expect(paths).toContain('.github/workflows/dogfood.yml')
    expect(paths).toContain('.github/workflows/mi-smoke.yml')
    expect(paths).toContain('examples/workflows/post-deploy-gate.yml')
    expect(paths).toContain('examples/workflows/matrix-regions.yml')
    expect(reusableCallers.map(c => c.path)).toContain(
      'examples/workflows/promotion-dev-staging-prod.yml'
    )
    // A fleet split over a matrix (input `shards`).
    expect(
      reusableCallers.find(c => c.path === 'examples/workflows/fleet-sharded.yml')?.job.with?.[
        'shards'
      ]
    ).toBeGreaterThan(1)
  })

  it.each(actionSteps.map(s => [`${s.path} job ${s.jobName} step ${s.step.id ?? '?'}`, s]))(
    '%s passes only inputs action.yml declares and reads only its outputs',
    (_name, { path, step }) => {
      const unknownInputs = Object.keys(step.with ?? {}).filter(k => !actionInputs.includes(k))
      expect(unknownInputs).toEqual([])
      // A step whose outputs are read must have an id; every output read must exist.
      const text = readFileSync(join(root, path), 'utf8')
      if (step.id) {
        const read = referencedNames(text, `steps.${step.id}.outputs`)
        expect(read.filter(name => !actionOutputs.includes(name))).toEqual([])
      }
    }
  )

  it('the dogfood workflow runs this checkout (uses: ./) against the emulator', () => {
    const dogfood = actionSteps.filter(s => s.path === '.github/workflows/dogfood.yml')
    expect(dogfood.length).toBeGreaterThanOrEqual(2)
    for (const { step } of dogfood) {
      expect(step.uses).toBe('./')
      // Only ever the emulator on loopback, started by an earlier step.
      expect(String(step.with?.['imds-endpoint'])).toMatch(/^\$\{\{ steps\.emulator\.outputs\./)
    }
  })

  it('no example points at a test-only endpoint', () => {
    for (const { path, step } of actionSteps.filter(s => s.path.startsWith('examples/'))) {
      expect([path, step.with?.['imds-endpoint']]).toEqual([path, undefined])
    }
  })
})

describe('the reusable workflow .github/workflows/mi-smoke.yml', () => {
  it('is callable with the inputs, secret and permissions the docs promise', () => {
    expect(reusableCall).toBeDefined()
    expect(Object.keys(reusableCall?.inputs ?? {})).toEqual(
      expect.arrayContaining([
        'targets',
        'identity',
        'checks',
        'rbac-wait',
        'timeout',
        'fail-on',
        'environment',
        'runs-on',
        'client-id',
        'tenant-id',
        'subscription-id'
      ])
    )
    expect(reusableCall?.secrets?.['endpoint-key']?.required).toBe(false)
    // Nothing is required: a bare `uses:` runs the local smoke test like the action does.
    for (const [name, input] of Object.entries(reusableCall?.inputs ?? {})) {
      expect([name, input.required ?? false]).toEqual([name, false])
    }
    expect(reusable.permissions).toEqual({ 'id-token': 'write', contents: 'read' })
  })

  /** The action's step in one job of the reusable workflow. */
  function stepOf(jobName: string): Step | undefined {
    return reusable.jobs[jobName]?.steps?.find(step => isMiSmokeAction(step.uses))
  }
  /** Inputs a user may set: all but the test-only imds-endpoint and the sharding plumbing. */
  const userInputs = actionInputs.filter(
    name => !['imds-endpoint', 'plan-shards', 'merge-reports'].includes(name)
  )
  const passedThrough = (name: string): string =>
    `\${{ ${name === 'endpoint-key' ? `secrets.${name}` : `inputs.${name}`} }}`

  it('gives the action every input a user may set (all but the test-only imds-endpoint)', () => {
    const step = stepOf('smoke')
    expect(step?.uses).toMatch(/^mi-smoke\/mi-smoke@v\d+$/)
    expect(Object.keys(step?.with ?? {}).sort()).toEqual([...userInputs].sort())
    for (const [name, value] of Object.entries(step?.with ?? {})) {
      expect([name, value]).toEqual([name, passedThrough(name)])
    }
  })

  it('runs one job without a matrix for shards: 1, and plan, shard matrix and merge above', () => {
    expect(reusableCall?.inputs?.['shards']).toEqual(
      expect.objectContaining({ type: 'number', default: 1 })
    )
    expect(reusable.jobs['smoke']?.if).toBe('${{ inputs.shards <= 1 }}')
    expect(reusable.jobs['plan']?.if).toBe('${{ inputs.shards > 1 }}')
    expect(reusable.jobs['shard']).toMatchObject({
      needs: 'plan',
      if: '${{ inputs.shards > 1 }}',
      strategy: {
        'fail-fast': false,
        matrix: { include: '${{ fromJSON(needs.plan.outputs.shards) }}' }
      }
    })
    // After failed shards too (they are reported as not probed), never after a cancel.
    expect(reusable.jobs['merge']).toMatchObject({
      needs: ['plan', 'shard'],
      if: '${{ !cancelled() && inputs.shards > 1 }}'
    })
  })

  it('a shard job probes its lines as the one job would, with no verdict and no summary of its own', () => {
    const shard = stepOf('shard')
    const smoke = stepOf('smoke')
    expect(shard?.uses).toBe(smoke?.uses)
    expect(shard?.with).toEqual({
      ...smoke?.with,
      targets: '${{ matrix.targets }}',
      'fail-on': 'never',
      summary: false
    })
    // The same login.
    const login = (job: string): Step | undefined =>
      reusable.jobs[job]?.steps?.find(s => s.uses?.startsWith('azure/login@'))
    expect(login('shard')).toEqual(login('smoke'))
    expect(reusable.jobs['shard']?.environment).toBe('${{ inputs.environment }}')
  })

  it('plan and merge validate the same inputs as a probe, without the secret or the environment', () => {
    const common = Object.fromEntries(
      userInputs.filter(name => name !== 'endpoint-key').map(name => [name, passedThrough(name)])
    )
    expect(stepOf('plan')?.with).toEqual({
      ...common,
      summary: false,
      'plan-shards': '${{ inputs.shards }}'
    })
    const download = reusable.jobs['merge']?.steps?.find(s =>
      s.uses?.startsWith('actions/download-artifact@')
    )
    expect(stepOf('merge')?.with).toEqual({
      ...common,
      'plan-shards': '${{ inputs.shards }}',
      'merge-reports': download?.with?.['path']
    })
    expect(download?.with).toMatchObject({ 'merge-multiple': true })
    for (const job of ['plan', 'merge']) {
      expect([job, reusable.jobs[job]?.environment]).toEqual([job, undefined])
      expect([job, reusable.jobs[job]?.permissions]).toEqual([job, { contents: 'read' }])
    }
  })

  it('passes the action outputs through as its own (from the one job, or from the merge)', () => {
    const outputs = reusableCall?.outputs ?? {}
    expect(Object.keys(outputs)).toEqual(
      expect.arrayContaining(['result', 'failure-mode', 'failed-step', 'principal-id', 'report'])
    )
    for (const [name, output] of Object.entries(outputs)) {
      expect(actionOutputs).toContain(name)
      expect([name, output.value]).toEqual([
        name,
        `\${{ jobs.merge.outputs.${name} || jobs.smoke.outputs.${name} }}`
      ])
      // `report` may be replaced by a stub when it is too large for a job output (below).
      for (const [jobName, step] of [
        ['smoke', 'smoke'],
        ['merge', 'merge']
      ] as const) {
        const value =
          name === 'report'
            ? `\${{ steps.fit.outputs.fits == 'false' && steps.fit.outputs.stub || steps.${step}.outputs.report }}`
            : `\${{ steps.${step}.outputs.${name} }}`
        expect([jobName, name, reusable.jobs[jobName]?.outputs?.[name]]).toEqual([
          jobName,
          name,
          value
        ])
      }
    }
  })

  it('logs in with OIDC only when a client ID is given', () => {
    const login = reusable.jobs['smoke']?.steps?.find(s => s.uses?.startsWith('azure/login@'))
    expect(login).toMatchObject({
      if: "${{ inputs.client-id != '' }}",
      with: expect.objectContaining({ 'client-id': '${{ inputs.client-id }}' })
    })
  })

  it.each(reusableCallers.map(c => [`${c.path} job ${c.jobName}`, c]))(
    '%s passes only inputs the reusable workflow declares and reads only its outputs',
    (_name, { path, jobName, job }) => {
      const declared = Object.keys(reusableCall?.inputs ?? {})
      expect(Object.keys(job.with ?? {}).filter(k => !declared.includes(k))).toEqual([])
      // The OIDC login inside needs the caller to grant id-token: write.
      expect(job.permissions?.['id-token']).toBe('write')
      const text = readFileSync(join(root, path), 'utf8')
      const read = referencedNames(text, `needs.${jobName}.outputs`)
      const outputs = Object.keys(reusableCall?.outputs ?? {})
      expect(read.filter(name => !outputs.includes(name))).toEqual([])
    }
  )
})

describe('the reusable workflow keeps its job outputs under GitHub’s 1 MB', () => {
  const job = reusable.jobs['smoke']
  const fit = job?.steps?.find(step => step.id === 'fit')

  /** Runs the `fit` step's script as the runner would; returns what it wrote to GITHUB_OUTPUT. */
  function runFit(
    reportBytes: number,
    artifact = 'mi-smoke-report-staging-1'
  ): { written: string; log: string } {
    const dir = mkdtempSync(join(tmpdir(), 'mi-smoke-fit-'))
    const report = join(dir, 'report.json')
    writeFileSync(report, `{"schema":"mi-smoke/v1","targets":[${' '.repeat(reportBytes - 38)}]}\n`)
    const output = join(dir, 'output')
    writeFileSync(output, '')
    const run = spawnSync('bash', ['-e', '-c', fit?.run ?? 'exit 1'], {
      env: {
        PATH: process.env['PATH'] ?? '/usr/bin:/bin',
        GITHUB_OUTPUT: output,
        REPORT_PATH: report,
        RESULT: 'fail',
        MI_SMOKE_ARTIFACT: artifact
      },
      encoding: 'utf8'
    })
    expect(run.status).toBe(0)
    return { written: readFileSync(output, 'utf8'), log: run.stdout }
  }

  it('the merge job sizes its report with the same script', () => {
    const mergeFit = reusable.jobs['merge']?.steps?.find(step => step.id === 'fit')
    expect(mergeFit?.run).toBe(fit?.run)
    expect(mergeFit).toMatchObject({
      if: "${{ always() && steps.merge.outputs.report-path != '' }}",
      shell: 'bash',
      env: { REPORT_PATH: '${{ steps.merge.outputs.report-path }}' }
    })
  })

  it('sizes the report after every run that left one, in bash', () => {
    expect(fit).toMatchObject({
      if: "${{ always() && steps.smoke.outputs.report-path != '' }}",
      shell: 'bash',
      env: { REPORT_PATH: '${{ steps.smoke.outputs.report-path }}' }
    })
    expect(
      job?.steps?.find(step => step.uses?.startsWith('actions/upload-artifact@'))?.with
    ).toMatchObject({
      name: '${{ env.MI_SMOKE_ARTIFACT }}'
    })
  })

  it('a report that fits: the job output is the report itself', () => {
    for (const size of [1000, 400_000]) {
      expect(runFit(size)).toEqual({ written: 'fits=true\n', log: '' })
    }
  })

  it('a report too large: a stub that is JSON and names the artifact, and a notice', () => {
    const { written, log } = runFit(400_001)
    expect(written.split('\n')[0]).toBe('fits=false')
    expect(log).toMatch(/^::notice title=mi-smoke report::The report \(400001 bytes\) is too large/)
    const stub = JSON.parse(/^stub=(.*)$/m.exec(written)?.[1] ?? 'null') as Record<string, unknown>
    expect(stub).toEqual({
      schema: 'mi-smoke/v1',
      result: 'fail',
      truncated: true,
      reportBytes: 400_001,
      artifact: 'mi-smoke-report-staging-1',
      targets: []
    })
  })

  it('an environment name with quotes cannot break the stub out of its JSON string', () => {
    const { written, log } = runFit(
      500_000,
      'mi-smoke-report-x","targets":[{"evil":1}],"y":"::warning::z-1'
    )
    expect(log).not.toContain('::warning::')
    const stub = JSON.parse(/^stub=(.*)$/m.exec(written)?.[1] ?? 'null') as Record<string, unknown>
    expect(stub['targets']).toEqual([])
    expect(stub['artifact']).toBe('mi-smoke-report-xtargetsevil1ywarningz-1')
  })
})
