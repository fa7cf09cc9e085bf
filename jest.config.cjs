// ts-jest transpiles each file on its own (tsconfig isolatedModules); `npm run typecheck` type-checks the whole tree.
// `npm test` runs this: everything but the long suites of jest.evidence.config.cjs (`npm run test:evidence`),
// so that it ends within 5 minutes on a 2-core machine; .ci/run runs both.
const { EVIDENCE_IGNORE } = require('./jest.long-suites.cjs')
const esmPackages = require('./jest.esm-packages.cjs')

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', ...EVIDENCE_IGNORE],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }], ...esmPackages.transform },
  transformIgnorePatterns: esmPackages.transformIgnorePatterns,
  moduleNameMapper: esmPackages.moduleNameMapper,
  testTimeout: 60000,
  // Suites that need a system tool (busybox, shellcheck, ...) skip without it; the run ends with one
  // notice naming what was skipped and how to install it (see __tests__/helpers/system-tools.ts).
  globalSetup: '<rootDir>/__tests__/helpers/skip-log-setup.ts',
  globalTeardown: '<rootDir>/__tests__/helpers/skip-notice-teardown.ts',
  // A quiet, clean run: no workflow command on the test processes' stdout, skip figures that agree
  // with the notice (quiet-run-reporter.cjs), nothing left in the temp folder (the teardown).
  setupFiles: ['<rootDir>/__tests__/helpers/stray-commands.ts'],
  reporters: ['default', '<rootDir>/__tests__/helpers/quiet-run-reporter.cjs'],
  // Each test file gets its own module registry; @azure/identity's process-wide caches are isolated further
  // by running its tests in child processes (see __tests__/helpers).
  maxWorkers: 2
}
