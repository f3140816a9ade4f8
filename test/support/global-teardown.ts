/** jest globalTeardown of the unit layer: removes this run's assemblies (test/support/global-setup.ts). */
import * as fs from 'node:fs';
import { CACHE_ENV } from './synthesized';

export default function globalTeardown(): void {
  const dir = process.env[CACHE_ENV];
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
