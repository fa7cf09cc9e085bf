import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import boundaries from './scripts/lint/import-boundaries.mjs'

/**
 * The layout's import boundaries (docs/architecture.md), resolved from each import's path: the
 * contracts and shared helpers sit below everything, the engine below its front ends, and the smoke
 * endpoint package ships only what a workload needs. The front ends are the action (src/action) and
 * the CLI (packages/cli/src).
 */
const FRONT_ENDS = ['src/action', 'src/index.ts', 'packages/cli/src']
const BOUNDARIES = [
  {
    from: 'src/contracts',
    allow: ['src/contracts', 'src/common', 'src/azure'],
    denyPackages: ['@actions'],
    because: 'the contracts are the shapes every layer shares, so they depend on no layer'
  },
  {
    from: 'src/common',
    allow: ['src/contracts', 'src/common', 'src/azure'],
    denyPackages: ['@actions'],
    because: 'shared helpers serve every layer, so they depend on no layer'
  },
  {
    from: 'src/azure',
    allow: ['src/contracts', 'src/common', 'src/azure'],
    denyPackages: ['@actions'],
    because: 'the service table is data every layer reads, including the smoke endpoint'
  },
  {
    from: 'src/node-probe',
    allow: ['src/contracts', 'src/common', 'src/azure', 'src/node-probe'],
    denyPackages: ['@actions'],
    because: 'the node probe runs inside the workload (the smoke endpoint package ships it)'
  },
  {
    from: 'src/engine',
    deny: [...FRONT_ENDS, 'packages'],
    // @actions/core is the runner adapter (src/action/runner.ts). @actions/exec and @actions/io are
    // plain process helpers the az runners still load (until the VM path runs az itself).
    denyPackages: ['@actions/core', '@actions/github', '@actions/artifact', '@actions/cache'],
    because:
      'the engine serves every front end, so it never depends on one (nor on the runner adapter)'
  },
  {
    from: 'src/engine/diagnosis',
    deny: ['src/engine/dispatch', 'src/engine/orchestrate'],
    because: 'diagnosis reads what dispatch observed (the contracts), never how it was dispatched'
  },
  {
    from: 'packages/smoke-endpoint/src',
    allow: ['src/contracts', 'src/common', 'src/azure', 'src/node-probe'],
    denyPackages: ['@actions'],
    because:
      'the smoke endpoint ships to workloads with only the contracts, shared helpers, the service table and the node probe'
  },
  {
    from: 'src/action',
    deny: ['packages'],
    because: 'a front end sits on the engine, not on another front end'
  },
  {
    from: 'packages/cli/src',
    deny: ['src/action', 'src/index.ts', 'packages/smoke-endpoint'],
    denyPackages: ['@actions'],
    because: 'the CLI is a second front end on the engine, without the action or @actions/*'
  }
]

export default tseslint.config(
  { ignores: ['dist/**', 'packages/*/dist/**', 'node_modules/**', 'coverage/**', 'build/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
      ],
      eqeqeq: ['error', 'always']
    }
  },
  {
    files: ['src/**/*.ts', 'packages/*/src/**/*.ts'],
    plugins: { 'mi-smoke': boundaries },
    rules: { 'mi-smoke/import-boundaries': ['error', { zones: BOUNDARIES }] }
  },
  {
    files: ['**/*.cjs', '**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' }
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  }
)
