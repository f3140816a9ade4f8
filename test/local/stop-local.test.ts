/**
 * `npm run local` stopped by SIGTERM in the middle of its deploy, as a process (emulator suite,
 * jest.layers.js): it exits promptly with 143, says so, and leaves nothing: the CDK CLI it ran is
 * gone, the emulator (and all the deploy had created in it) is stopped, its cloud assembly removed.
 * And `npm run bench` (synchronous children before): its child killed, its output removed.
 */
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

jest.setTimeout(300_000);

const ROOT = path.resolve(__dirname, '..', '..');

const running = (pattern: string): string[] => {
  try {
    return execFileSync('pgrep', ['-f', pattern], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
};

test('SIGTERM mid-deploy: exits promptly, emulator stopped, nothing left', async () => {
  const cdkHome = fs.mkdtempSync(path.join(os.tmpdir(), 'stop-local-cdk-home-'));
  const env: NodeJS.ProcessEnv = { ...process.env, CDK_HOME: cdkHome };
  for (const k of Object.keys(env)) if (k.startsWith('AWS_')) delete env[k];
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/local.ts', '-c', 'natGateways=1'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let sentAt = 0;
  const result = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const onData = (b: Buffer) => {
    out += b.toString();
    // Mid-deploy: CloudFormation has begun creating resources.
    if (!sentAt && /=== deploy: cdk deploy/.test(out) && /CREATE_IN_PROGRESS/.test(out.slice(out.indexOf('=== deploy:')))) {
      sentAt = Date.now();
      child.kill('SIGTERM');
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const code = await result;
  const stoppedInMs = Date.now() - sentAt;
  fs.rmSync(cdkHome, { recursive: true, force: true });

  if (!sentAt) throw new Error(`npm run local ended (exit ${code}) before its deploy:\n${out.slice(-3000)}`);
  expect(code).toBe(143);
  expect(stoppedInMs).toBeLessThan(20_000);
  expect(out).toContain('SIGTERM: stopping');
  expect(out).toContain('Stopped by SIGTERM: the emulator is stopped, and with it everything this run created in it');
  expect(out).toContain('=== Emulator stopped');
  expect(out).not.toContain('=== destroy:');

  const port = /=== Emulator answering on http:\/\/localhost:(\d+)/.exec(out)![1];
  const assembly = /=== deploy: cdk deploy --app (\S+)/.exec(out)![1];
  await expect(fetch(`http://localhost:${port}/moto-api/data.json`)).rejects.toThrow();
  expect(running(`moto_launcher.py --port ${port}`)).toEqual([]);
  expect(running(assembly)).toEqual([]); // no CDK CLI left deploying
  expect(fs.existsSync(assembly)).toBe(false);
});

test('npm run bench stopped by SIGTERM during a synth: exits 143, its cdk synth killed, its output directory removed', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench.ts', '--skip-tests'], { cwd: ROOT, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (out += b.toString()));
  const result = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  // Wait for its first cdk synth (into a bench-* directory of its own), then stop it.
  let synth: string | undefined;
  for (let i = 0; i < 200 && !synth; i++) {
    await new Promise((r) => setTimeout(r, 100));
    synth = running('aws-cdk/bin/cdk synth -q -o .*bench-')
      .map((pid) => fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0'))
      .find((argv) => argv.some((a) => /bench-/.test(a)))
      ?.find((a) => /bench-/.test(a));
  }
  if (!synth) throw new Error(`npm run bench started no synth:\n${out}`);
  const sentAt = Date.now();
  child.kill('SIGTERM');
  expect(await result).toBe(143);
  expect(Date.now() - sentAt).toBeLessThan(15_000);
  expect(out).toContain('Stopped by SIGTERM.');
  expect(out).not.toContain('bench failed');
  expect(running(path.dirname(synth))).toEqual([]);
  expect(fs.existsSync(path.dirname(synth))).toBe(false);
});
