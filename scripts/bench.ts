/**
 * npm run bench [-- --runs N] [-- --skip-tests]
 *
 * Prints figures, never fails on them:
 * - median wall time of `cdk synth` (the CDK CLI running the app with our loader, tsx, transpile only)
 * - median wall time of the same app run the way `cdk init` apps do, through type-checking ts-node
 *   (goal: tsx at most half of it; type-checking has its own `tsc --noEmit` step in `npm test`)
 * - wall time of the unit tests (jest with @swc/jest)
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 3;

function time(cmd: string, argv: string[], env: Record<string, string> = {}): number {
  const started = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed (${r.status}):\n${r.stderr.slice(-2000)}`);
  return seconds;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function bench(label: string, fn: () => number): number {
  fn(); // warm-up: file-system cache, esbuild and swc binaries
  const samples = Array.from({ length: runs }, fn);
  const m = median(samples);
  console.log(`${label.padEnd(48)} median ${m.toFixed(2)} s  (runs: ${samples.map((s) => s.toFixed(2)).join(', ')})`);
  return m;
}

const cdkBin = require.resolve('aws-cdk/bin/cdk');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
try {
  console.log(`bench: ${runs} runs each after a warm-up, ${os.cpus().length} cores, node ${process.version}`);
  const synthTsx = bench('cdk synth (app through tsx, transpile only)', () =>
    time(process.execPath, [cdkBin, 'synth', '-q', '-o', path.join(out, 'tsx'), '--no-notices', '--no-version-reporting']),
  );
  const synthTsNode = bench('cdk synth (app through type-checking ts-node)', () =>
    time(process.execPath, [cdkBin, 'synth', '-q', '-o', path.join(out, 'ts-node'), '--no-notices', '--no-version-reporting', '--app', 'npx ts-node --prefer-ts-exts bin/workshop.ts']),
  );
  console.log(`tsx / ts-node synth time: ${(synthTsx / synthTsNode).toFixed(2)} (goal: at most 0.50)`);
  if (!args.includes('--skip-tests')) {
    const unit = time('npx', ['jest', '--ci', '--maxWorkers=2', '--silent']);
    console.log(`${'unit tests (jest --ci --maxWorkers=2, @swc/jest)'.padEnd(48)} ${unit.toFixed(2)} s`);
  }
} finally {
  fs.rmSync(out, { recursive: true, force: true });
}
