/**
 * Pure unit layer (`npm run test:unit`): synth and assertions, no emulator, no network. The suites
 * that start the local AWS emulator or run tools as processes have their own config (jest.emulator.config.js,
 * listed in jest.layers.js), the end-to-end suite too (jest.e2e.config.js).
 */
const { EMULATOR_SUITES, CLI_SUITES, asPattern } = require('./jest.layers');

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/', ...[...EMULATOR_SUITES, ...CLI_SUITES].map(asPattern)],
  transform: { '^.+\\.tsx?$': ['@swc/jest'] },
  // Each configuration the tests use is synthesized once per run, before the workers start, and
  // read back by every test file (test/support/synthesized.ts).
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  snapshotSerializers: [],
};
