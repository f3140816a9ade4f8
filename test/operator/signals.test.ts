/**
 * scripts/operator/signals.ts through runCommand, in a process of its own: SIGINT and SIGTERM stop
 * a command at once, after its cleanups (a child such as the emulator), with 128 + the signal.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

jest.setTimeout(30_000);

const ROOT = path.resolve(__dirname, '..', '..');

/** A command that registers a cleanup and then waits forever; resolves with its exit and output. */
function runWaitingCommand(signal: NodeJS.Signals, mode: 'exit' | 'abort'): Promise<{ code: number | null; out: string; ms: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'signals-test-'));
  const script = path.join(dir, 'waits.ts');
  fs.writeFileSync(
    script,
    [
      `import { runCommand } from ${JSON.stringify(path.join(ROOT, 'scripts/operator/command'))};`,
      `import { onStop, stopSignal } from ${JSON.stringify(path.join(ROOT, 'scripts/operator/signals'))};`,
      "onStop((s) => console.log('cleanup ran for ' + s));",
      "stopSignal.addEventListener('abort', () => console.log('aborted: ' + stopSignal.reason));",
      // 'ready' from main: runCommand has installed the handlers by then; the interval is the work under way.
      `runCommand(() => { console.log('ready'); setInterval(() => undefined, 1000); return new Promise<number>(() => undefined); }, { onSignal: '${mode}' });`,
    ].join('\n'),
  );
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let sentAt = 0;
    const onData = (b: Buffer) => {
      out += b.toString();
      if (!sentAt && out.includes('ready')) {
        sentAt = Date.now();
        child.kill(signal);
        // 'abort' mode: a second signal stops at once.
        if (mode === 'abort') setTimeout(() => child.kill(signal), 500);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('close', (code) => {
      fs.rmSync(dir, { recursive: true, force: true });
      resolve({ code, out, ms: Date.now() - sentAt });
    });
  });
}

test.each([
  ['SIGTERM', 143],
  ['SIGINT', 130],
] as const)('%s stops a command at once, after its cleanups, with exit %i', async (signal, code) => {
  const r = await runWaitingCommand(signal, 'exit');
  expect(r.code).toBe(code);
  expect(r.out).toContain(`cleanup ran for ${signal}`);
  expect(r.out).toContain(`Stopped by ${signal}.`);
  expect(r.ms).toBeLessThan(5_000);
});

test("'abort' mode: the first signal asks the command to wind down, a second stops it at once", async () => {
  const r = await runWaitingCommand('SIGTERM', 'abort');
  expect(r.out).toContain('SIGTERM: stopping (once more to stop at once)');
  expect(r.out).toContain('aborted: SIGTERM');
  expect(r.out).toContain('cleanup ran for SIGTERM');
  expect(r.code).toBe(143);
  expect(r.ms).toBeLessThan(5_000);
});
