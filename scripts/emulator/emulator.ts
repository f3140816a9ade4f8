/**
 * Starts the local AWS emulator (moto_server through our launcher) on a free port,
 * waits until it answers, and stops it again. No process outlives stop().
 */
import { spawn, ChildProcess } from 'node:child_process';
import * as net from 'node:net';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { onStop } from '../operator/signals';

export interface Emulator {
  readonly endpoint: string;
  readonly port: number;
  /** Environment for a child process (CDK CLI, SDK) to reach the emulator. */
  readonly env: Record<string, string>;
  stop(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '..', '..');

export function pythonForTools(): string {
  const venv = path.join(ROOT, '.venv', 'bin', 'python');
  if (fs.existsSync(venv)) return venv;
  throw new Error(`No ${venv}: run 'npm install' (it runs scripts/setup-python.sh) to install moto and cfn-lint.`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface EmulatorOptions {
  timeoutMs?: number;
  log?: (line: string) => void;
  /**
   * Several accounts (a StackSet's fleet): MOTO_ACCOUNT_ID is never passed on, even when set in this
   * process's environment, so the test credentials are the admin account 123456789012 and any other
   * account is reached by sts:AssumeRole. Default: the environment is passed on as it is.
   */
  multiAccount?: boolean;
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const port = await freePort();
  // Bound to 127.0.0.1 only (the loopback interface; the launcher refuses any other address), but
  // called as localhost: moto parses S3 template URLs (TemplateURL) by that host name.
  const endpoint = `http://localhost:${port}`;
  const inherited: NodeJS.ProcessEnv = { ...process.env };
  if (opts.multiAccount) delete inherited.MOTO_ACCOUNT_ID;
  const child: ChildProcess = spawn(pythonForTools(), [path.join(__dirname, 'moto_launcher.py'), '--port', String(port), '--host', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // MOTO_IAM_LOAD_MANAGED_POLICIES: AWS managed policies exist, as in every AWS account (the launcher sets it too).
    env: { ...inherited, MOTO_PORT: String(port), MOTO_IAM_LOAD_MANAGED_POLICIES: 'true' },
  });
  let output = '';
  const collect = (b: Buffer) => {
    output = (output + b.toString()).slice(-20_000);
    opts.log?.(b.toString());
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let exited = false;
  child.on('exit', () => { exited = true; });
  const killOnExit = () => { if (!exited) child.kill('SIGKILL'); };
  process.on('exit', killOnExit);
  // A signal that stops the command stops the emulator too (and with it all it holds: moto keeps it in memory).
  const unregister = onStop(() => stop());

  const stop = async () => {
    process.off('exit', killOnExit);
    unregister();
    if (exited) return;
    const gone = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await gone;
    clearTimeout(timer);
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`moto emulator exited before answering on ${endpoint}:\n${output}`);
    try {
      const res = await fetch(`${endpoint}/moto-api/data.json`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  if (Date.now() >= deadline) {
    await stop();
    throw new Error(`moto emulator did not answer on ${endpoint} within ${timeoutMs} ms:\n${output}`);
  }
  const env = {
    AWS_ENDPOINT_URL: endpoint,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_SESSION_TOKEN: 'testing',
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
  };
  return { endpoint, port, env, stop };
}
