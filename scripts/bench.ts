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
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { assemblyGraphs, FIVE_STACKS_FIXTURE, readFixture } from './bench/fixture';
import { deployTimeReport } from './bench/report';
import { oneTemplateSeconds, roomDeployTime, roomTimeLine } from './bench/room-time';
import { DEFAULT_MAX_CONCURRENT_PERCENT } from './fleet/cli';
import { numberFlag, parseCommandLine } from './operator/args';
import { runCommand } from './operator/command';
import { onStop } from './operator/signals';

const ROOT = path.resolve(__dirname, '..');
const BENCH_SPEC = {
  usage: 'usage: npm run bench -- [--runs N] [--skip-tests] [--deploy-only]',
  flags: { runs: 'count', 'skip-tests': 'switch', 'deploy-only': 'switch' },
  context: false,
} as const;

/** The child process running now, until it has closed: a stop waits for it before removing its output. */
let running: Promise<void> = Promise.resolve();

/** Wall time of one run of a child process; a stop signal kills it (runCommand's handlers). */
function time(cmd: string, argv: string[]): Promise<number> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd: ROOT, env: process.env, stdio: ['ignore', 'ignore', 'pipe'] });
    running = new Promise((closed) => child.once('close', () => closed()));
    let stderr = '';
    child.stderr.on('data', (b) => (stderr = (stderr + b).slice(-2000)));
    let stopped = false;
    const unregister = onStop(() => {
      stopped = true;
      child.kill('SIGTERM');
    });
    child.on('error', reject);
    child.on('close', (code) => {
      unregister();
      if (stopped) return; // the stop exits the process (130/143): no failure to report
      if (code !== 0) reject(new Error(`${cmd} ${argv.join(' ')} failed (${code}):\n${stderr}`));
      else resolve(Number(process.hrtime.bigint() - started) / 1e9);
    });
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function bench(label: string, runs: number, fn: () => Promise<number>): Promise<number> {
  await fn(); // warm-up: file-system cache, esbuild and swc binaries
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await fn());
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

async function main(): Promise<number> {
  const args = parseCommandLine(BENCH_SPEC);
  const runs = numberFlag(args, 'runs') ?? 3;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  onStop(async () => {
    await running;
    fs.rmSync(out, { recursive: true, force: true });
  });
  try {
    if (args.flags['deploy-only']) {
      const synth = await time(process.execPath, synthArgs(path.join(out, 'tsx')));
      printDeployTime(path.join(out, 'tsx'));
      printRoomTime(path.join(out, 'tsx'), synth);
      return 0;
    }
    console.log(`bench: ${runs} runs each after a warm-up, ${os.cpus().length} cores, node ${process.version}`);
    const synthTsx = await bench('cdk synth (cdk.json app: bin/ts-loader.cjs, transpile only)', runs, () => time(process.execPath, synthArgs(path.join(out, 'tsx'))));
    const synthTsNode = await bench('cdk synth (app through type-checking ts-node)', runs, () =>
      time(process.execPath, [...synthArgs(path.join(out, 'ts-node')), '--app', 'npx ts-node --prefer-ts-exts bin/workshop.ts']),
    );
    console.log(`cdk.json app / ts-node synth time: ${(synthTsx / synthTsNode).toFixed(2)} (goal: at most 0.40)`);
    if (!args.flags['skip-tests']) {
      // The pure unit layer only (synth and assertions); the emulator layer is npm run test:emulator.
      const unit = await time('npm', ['run', '--silent', 'test:unit', '--', '--silent']);
      console.log(`${'unit layer (npm run test:unit, jest + @swc/jest)'.padEnd(48)} ${unit.toFixed(2)} s`);
      console.log(`unit-layer ratio, npm run test:unit / one cdk synth (cdk.json app): ${(unit / synthTsx).toFixed(2)} (goal: at most 4)`);
    }
    console.log('');
    printDeployTime(path.join(out, 'tsx'));
    printRoomTime(path.join(out, 'tsx'), synthTsx);
    return 0;
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

runCommand(main, { describe: (e) => `bench failed: ${(e as Error)?.message ?? e}` });
