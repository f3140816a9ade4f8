/**
 * npm run bench [-- --runs N] [-- --skip-tests] [-- --deploy-only]
 *
 * Prints figures, never fails on them:
 * - median wall time of `cdk synth` (the CDK CLI running the app as cdk.json says: bin/ts-loader.cjs, esbuild, transpile only)
 * - median wall time of the same app run the way `cdk init` apps do, through type-checking ts-node
 *   (goal: at most 0.40 of it; type-checking has its own `tsc --noEmit` step in `npm test`)
 * - wall time of the pure unit layer (`npm run test:unit`: jest with @swc/jest, no emulator) and the
 *   unit-layer ratio, unit layer / one `cdk synth` (goal: at most 4); not with --skip-tests
 * - the CloudFormation deploy time estimated from the synthesized dependency graphs (scripts/bench/
 *   deploy-time.ts) beside the same estimate for the five-stack layout (scripts/bench/fixtures);
 *   --deploy-only synthesizes once and prints only that
 * - a room's deploy time through `npm run fleet` for 10 and 50 participants at the fleet's default
 *   concurrency (scripts/bench/room-time.ts, as `fleet deploy --dry-run` estimates it), and the
 *   synth time of the one template (the same for any number of participants)
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { assemblyGraphs, FIVE_STACKS_FIXTURE, readFixture } from './bench/fixture';
import { deployTimeReport } from './bench/report';
import { oneTemplateSeconds, roomDeployTime, roomTimeLine } from './bench/room-time';
import { DEFAULT_MAX_CONCURRENT_PERCENT } from './fleet/cli';

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

function printDeployTime(assemblyDir: string): void {
  const fixture = readFixture(FIVE_STACKS_FIXTURE);
  const label = `five stacks (${fixture.source.commit.slice(0, 7)})`;
  console.log(deployTimeReport(assemblyGraphs(assemblyDir), { graphs: fixture.stacks, label }).join('\n'));
}

/** A room through `npm run fleet` (one StackSet instance per participant) at the fleet's default concurrency. */
function printRoomTime(assemblyDir: string, synthSeconds: number): void {
  const perInstance = oneTemplateSeconds(assemblyGraphs(assemblyDir));
  console.log(`estimated room deploy time for 10 and 50 participants at the default concurrency (--max-concurrent-percent ${DEFAULT_MAX_CONCURRENT_PERCENT}):`);
  for (const n of [10, 50]) console.log(`  ${roomTimeLine(n, roomDeployTime(perInstance, n, DEFAULT_MAX_CONCURRENT_PERCENT))}`);
  console.log(`synth time for one template (independent of the number of participants): ${synthSeconds.toFixed(2)} s`);
}

const cdkBin = require.resolve('aws-cdk/bin/cdk');
const synthArgs = (dir: string) => [cdkBin, 'synth', '-q', '-o', dir, '--no-notices', '--no-version-reporting'];
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
try {
  if (args.includes('--deploy-only')) {
    const synth = time(process.execPath, synthArgs(path.join(out, 'tsx')));
    printDeployTime(path.join(out, 'tsx'));
    printRoomTime(path.join(out, 'tsx'), synth);
  } else {
    console.log(`bench: ${runs} runs each after a warm-up, ${os.cpus().length} cores, node ${process.version}`);
    const synthTsx = bench('cdk synth (cdk.json app: bin/ts-loader.cjs, transpile only)', () => time(process.execPath, synthArgs(path.join(out, 'tsx'))));
    const synthTsNode = bench('cdk synth (app through type-checking ts-node)', () =>
      time(process.execPath, [...synthArgs(path.join(out, 'ts-node')), '--app', 'npx ts-node --prefer-ts-exts bin/workshop.ts']),
    );
    console.log(`cdk.json app / ts-node synth time: ${(synthTsx / synthTsNode).toFixed(2)} (goal: at most 0.40)`);
    if (!args.includes('--skip-tests')) {
      // The pure unit layer only (synth and assertions); the emulator layer is npm run test:emulator.
      const unit = time('npm', ['run', '--silent', 'test:unit', '--', '--silent']);
      console.log(`${'unit layer (npm run test:unit, jest + @swc/jest)'.padEnd(48)} ${unit.toFixed(2)} s`);
      console.log(`unit-layer ratio, npm run test:unit / one cdk synth (cdk.json app): ${(unit / synthTsx).toFixed(2)} (goal: at most 4)`);
    }
    console.log('');
    printDeployTime(path.join(out, 'tsx'));
    printRoomTime(path.join(out, 'tsx'), synthTsx);
  }
} finally {
  fs.rmSync(out, { recursive: true, force: true });
}
