// `npm run test:evidence`: the long suites, kept out of `npm test` (jest.config.cjs) so that it stays
// within 5 minutes on a 2-core machine; .ci/run runs both. The evidence suites (fault matrix, leak
// scan, bad input, deadlines, fan-out; `npm run evidence` turns them into docs/reliability.md), the
// property test that runs the Linux probe under a shell for each of hundreds of generated parameter
// sets, and the installs of the packed smoke endpoint into a new app and of the packed command line into a
// new project.
const { EVIDENCE_SUITES } = require('./jest.long-suites.cjs')
const esmPackages = require('./jest.esm-packages.cjs')

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  rootDir: __dirname,
  roots: ['<rootDir>/__tests__'],
  testMatch: EVIDENCE_SUITES.map(
    suite => `<rootDir>/__tests__/${suite}${suite.endsWith('/') ? '**/*.test.ts' : ''}`
  ),
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }], ...esmPackages.transform },
  transformIgnorePatterns: esmPackages.transformIgnorePatterns,
  moduleNameMapper: esmPackages.moduleNameMapper,
  testTimeout: 60000,
  globalSetup: '<rootDir>/__tests__/helpers/skip-log-setup.ts',
  globalTeardown: '<rootDir>/__tests__/helpers/skip-notice-teardown.ts',
  // A quiet, clean run: no workflow command on the test processes' stdout, skip figures that agree
  // with the notice (quiet-run-reporter.cjs), nothing left in the temp folder (the teardown).
  setupFiles: ['<rootDir>/__tests__/helpers/stray-commands.ts'],
  reporters: ['default', '<rootDir>/__tests__/helpers/quiet-run-reporter.cjs'],
  // One suite at a time: the fault matrix closes emulator listeners to model refused connections,
  // and a port it has just let go of can be taken by a listener of a suite running beside it (seen
  // once: api-closed on a VM answered by another suite's server, api-error instead of egress-blocked).
  maxWorkers: 1
}
