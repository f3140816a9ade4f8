/**
 * jest globalSetup of the unit layer: synthesizes each configuration the tests use once, into
 * cloud assemblies in a directory of this run (test/support/synthesized.ts reads them back in every
 * test file and worker). Removed by test/support/global-teardown.ts.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CONFIGURATIONS } from './configurations';
import { synthesizeToCache } from './synth';
import { CACHE_ENV } from './synthesized';

export default function globalSetup(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workshop-synth-'));
  process.env[CACHE_ENV] = dir; // inherited by the test workers, started after this
  for (const context of CONFIGURATIONS) synthesizeToCache(dir, context);
}
