/**
 * Runs the project's own CDK CLI (node_modules/aws-cdk) as a child process, streaming its output
 * line by line, and keeps the tail so a failure can be explained.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { onStop } from '../operator/signals';

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

export interface CdkRun {
  readonly code: number;
  readonly seconds: number;
  /** The last lines of output (stdout and stderr). */
  readonly tail: string;
}

export interface CdkOptions {
  readonly env: Record<string, string | undefined>;
  readonly log: (line: string) => void;
  /** Kills the CLI after this long (it then counts as failed). */
  readonly timeoutMs?: number;
  /** Kills the CLI when aborted (a stop signal: the run winds down). */
  readonly signal?: AbortSignal;
}

/** No notices, telemetry or version checks: they reach for the internet, which an emulator run must not need. */
const QUIET = ['--no-notices', '--no-version-reporting'];

export function cdk(args: string[], opts: CdkOptions): Promise<CdkRun> {
  const bin = require.resolve('aws-cdk/bin/cdk');
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args, ...QUIET], {
      cwd: PROJECT_ROOT,
      env: { ...opts.env, CDK_DISABLE_CLI_TELEMETRY: 'true', CDK_DISABLE_VERSION_CHECK: 'true', FORCE_COLOR: '0', CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    let partial = '';
    const onData = (b: Buffer) => {
      const text = partial + b.toString();
      const parts = text.split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (lines.length > 60) lines.shift();
        opts.log(line);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = opts.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs) : undefined;
    // Stopped: SIGTERM, then SIGKILL if the CLI has not gone after 5 s.
    const kill = () => {
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
    };
    const unregister = onStop(kill);
    opts.signal?.addEventListener('abort', kill, { once: true });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      unregister();
      opts.signal?.removeEventListener('abort', kill);
      if (partial) {
        lines.push(partial);
        opts.log(partial);
      }
      if (signal) lines.push(`(cdk ${args[0]} was stopped by ${signal}${opts.timeoutMs ? ` after ${opts.timeoutMs / 1000} s` : ''})`);
      resolve({ code: code ?? 1, seconds: (Date.now() - started) / 1000, tail: lines.slice(-25).join('\n') });
    });
  });
}
