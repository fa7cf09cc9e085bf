// ts-jest transpiles each file on its own (tsconfig isolatedModules); `npm run typecheck` type-checks the whole tree.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 60000,
  // Each test file gets its own module registry; @azure/identity's process-wide caches are isolated further
  // by running its tests in child processes (see __tests__/helpers).
  maxWorkers: 2
}
