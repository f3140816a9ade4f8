/**
 * jest globalSetup of the unit layer: synthesizes each configuration the tests use once, into
 * cloud assemblies in a directory of this run (the default one through bin/workshop.ts, as the CDK
 * CLI runs it) (test/support/synthesized.ts reads them back in every
 * test file and worker). Removed by test/support/global-teardown.ts.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CONFIGURATIONS } from './configurations';
import { synthesizeToCache } from './synth';
import { CACHE_ENV, SHARED_ENV, synthesizeWithBin } from './synthesized';

export default async function globalSetup(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workshop-synth-'));
  process.env[CACHE_ENV] = dir; // inherited by the test workers, started after this
  process.env[SHARED_ENV] = '1';
  // The default configuration as the CDK CLI synthesizes it: bin/workshop.ts in a process of its own
  // (its run is what test/workshop-app.test.ts checks), on the second core while this one builds the rest.
  const [defaults, ...others] = CONFIGURATIONS;
  const bin = synthesizeWithBin(dir, defaults);
  for (const context of others) synthesizeToCache(dir, context);
  await bin;
}
