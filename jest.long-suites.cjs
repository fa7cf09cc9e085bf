// The suites `npm test` leaves to `npm run test:evidence` (jest.config.cjs ignores them,
// jest.evidence.config.cjs runs only them): one list for both.
/** Under __tests__/: a folder (every *.test.ts in it) or one test file. */
const EVIDENCE_SUITES = [
  'evidence/',
  'dispatch/vm/probe-parameters.property.test.ts',
  'smoke-endpoint/packed-install.test.ts',
  'cli/packed-cli.test.ts'
]

const escape = text => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** For jest.config.cjs's testPathIgnorePatterns (regular expressions). */
const EVIDENCE_IGNORE = EVIDENCE_SUITES.map(suite => `<rootDir>/__tests__/${escape(suite)}`)

module.exports = { EVIDENCE_SUITES, EVIDENCE_IGNORE }
