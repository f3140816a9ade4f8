/**
 * Which test files belong to which layer. The emulator layer (`npm run test:emulator`) holds every
 * suite that starts the local AWS emulator (moto): handlers against it, the emulator patches, the
 * operator commands against it; and the operator-command suites that run the CDK CLI as a process.
 * Everything else under test/ (but test/e2e) is the pure unit layer (`npm run test:unit`: synth and
 * assertions). test/layers.test.ts checks that every suite that starts the emulator is listed here.
 */
const EMULATOR_SUITES = [
  'test/check/check.test.ts',
  'test/check/fleet-check.test.ts',
  'test/emulator/change-set-no-changes.test.ts',
  'test/emulator/loopback-lambda-scope.test.ts',
  'test/emulator/moto-patches-auto-block.test.ts',
  'test/emulator/moto-patches-isolation.test.ts',
  'test/emulator/moto-patches-kms.test.ts',
  'test/emulator/moto-patches-security-hub.test.ts',
  'test/emulator/moto-patches-web-tier.test.ts',
  'test/emulator/moto-patches.test.ts',
  'test/emulator/stack-sets-workshop.test.ts',
  'test/emulator/stack-sets.test.ts',
  'test/handlers/auto-block.test.ts',
  'test/handlers/config-recorder.test.ts',
  'test/handlers/default-vpc.test.ts',
  'test/handlers/detective-graph.test.ts',
  'test/handlers/empty-bucket.test.ts',
  'test/handlers/guardduty-detector.test.ts',
  'test/handlers/guardduty-sample-findings.test.ts',
  'test/handlers/inspector-ec2-scanning.test.ts',
  'test/handlers/isolate-instance.test.ts',
  'test/handlers/pinned-images.test.ts',
  'test/handlers/security-hub.test.ts',
  // Mixed: its explainEvents tests are pure, but the file is the operator team's to split.
  'test/operator/destroy.test.ts',
  'test/operator/isolation-operations.test.ts',
  'test/operator/leftovers.test.ts',
  'test/operator/preflight.test.ts',
  'test/operator/security-hub-operations.test.ts',
  'test/operator/web-tier-operations.test.ts',
  'test/verify/verify-content.test.ts',
];

/** No emulator of their own (test/local/stop-local.test.ts runs npm run local, which starts one, as a process), but the CDK CLI itself (`cdk diff`, three runs; `npm run export`'s synth; every command's usage errors; cfn-lint on a broken template): tools run as processes, not synth and assertions. */
const CLI_SUITES = ['test/operator/diff.test.ts', 'test/export/export.test.ts', 'test/operator/command-usage.test.ts', 'test/cfn-lint.test.ts', 'test/local/stop-local.test.ts'];

/** A file path as a jest path pattern (a regular expression), anchored at <rootDir>. */
const asPattern = (file) => `<rootDir>/${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;

module.exports = { EMULATOR_SUITES, CLI_SUITES, asPattern };
