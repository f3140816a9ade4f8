/**
 * Emulator layer (`npm run test:emulator`): the suites that start the local AWS emulator (moto, one
 * per test file on a free port), and those that run tools as processes (cdk diff, npm run export, the
 * commands' usage errors, cfn-lint); both listed in
 * jest.layers.js. The pure unit layer is jest.config.js; the end-to-end suite is jest.e2e.config.js.
 */
const { EMULATOR_SUITES, CLI_SUITES } = require('./jest.layers');

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: [...EMULATOR_SUITES, ...CLI_SUITES].map((file) => `<rootDir>/${file}`),
  transform: { '^.+\\.tsx?$': ['@swc/jest'] },
};
