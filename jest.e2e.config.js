/**
 * End-to-end suite: deploys the whole app with the real CDK CLI to a local AWS emulator (moto,
 * started by the suite on a free port), verifies it, destroys it and checks for leftovers.
 * No fixed sleeps: every wait is on a condition with a bounded timeout.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.tsx?$': ['@swc/jest'] },
  maxWorkers: 1,
  testTimeout: 10 * 60_000,
};
