/**
 * Shared by the operator commands (preflight, cost, diff, destroy, leftovers, verify): the workshop
 * configuration as `cdk` would see it (cdk.json and cdk.context.json context overlaid with
 * `-c key=value`, parsed by ./args), the CDK CLI binary, and SDK client settings for the configured
 * region (AWS_ENDPOINT_URL = emulator).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { clientConfig, ClientConfig, Env } from '../../lib/aws/clients';
import { loadConfig, unknownContextKeys, unknownSettingProblem, WorkshopConfigError } from '../../lib/config/load-config';
import { WorkshopConfig } from '../../lib/config/workshop-config';
import { onStop } from './signals';

export const ROOT = path.resolve(__dirname, '..', '..');
export const CDK_BIN = path.join(ROOT, 'node_modules', '.bin', 'cdk');

/**
 * The project's CDK CLI for a command that needs no AWS access (synth, diff --template): no AWS
 * settings or credentials reach it (the template stays account-agnostic, whatever the shell points
 * at), no instance-metadata probing, no version check, and a CDK_HOME of its own (the CLI caches
 * "which account these credentials belong to" there). Resolves with the exit code and
 * stdout+stderr; rejects only when the CLI cannot be started.
 */
export function runCdkOffline(args: string[], cwd = ROOT): Promise<{ code: number | null; output: string }> {
  const cdkHome = fs.mkdtempSync(path.join(os.tmpdir(), 'workshop-cdk-home-'));
  const env: Record<string, string | undefined> = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('AWS_')) delete env[key];
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(CDK_BIN, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...env, AWS_EC2_METADATA_DISABLED: 'true', CDK_DISABLE_VERSION_CHECK: '1', CDK_HOME: cdkHome },
    });
    let output = '';
    child.stdout.on('data', (b) => (output += b));
    child.stderr.on('data', (b) => (output += b));
    const unregister = onStop(() => void child.kill('SIGTERM'));
    child.on('error', reject);
    child.on('close', (code) => {
      unregister();
      resolve({ code, output });
    });
  }).finally(() => fs.rmSync(cdkHome, { recursive: true, force: true }));
}

function readContextFile(file: string, key?: string): Record<string, unknown> {
  if (!fs.existsSync(file)) return {};
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  return ((key ? json[key] : json) ?? {}) as Record<string, unknown>;
}

/**
 * The workshop configuration exactly as `cdk synth` would build it: cdk.context.json under
 * cdk.json's context under the command line's (`-c key=value`, strings converted as on the command
 * line), through the app's own loadConfig (same defaults, same validation).
 */
export function operatorConfig(context: Record<string, unknown> = {}, cdkJson = path.join(ROOT, 'cdk.json')): WorkshopConfig {
  // As bin/workshop.ts does: a setting the command line or cdk.json names but the app does not know is an error.
  const unknown = unknownContextKeys([...Object.keys(readContextFile(cdkJson, 'context')), ...Object.keys(context)]);
  if (unknown.length > 0) throw new WorkshopConfigError(unknown.map(unknownSettingProblem));
  const merged: Record<string, unknown> = {
    ...readContextFile(path.join(path.dirname(cdkJson), 'cdk.context.json')),
    ...readContextFile(cdkJson, 'context'),
    ...context,
  };
  return loadConfig((k) => merged[k]);
}

export type SdkConfig = ClientConfig & { credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } };

/**
 * SDK client settings for a region, for every script (operator commands, verify, leftovers):
 * lib/aws/clients' clientConfig (AWS_ENDPOINT_URL = the emulator, path-style S3, retries,
 * timeouts) plus credentials, which the handlers' clientConfig leaves out to stay small. With an
 * explicit `env` (an emulator's, a test's) its keys are the credentials; otherwise the SDK's
 * default chain (environment, profile, SSO, ...) finds them. `endpoint` overrides AWS_ENDPOINT_URL.
 */
export function sdkConfig(region: string, opts: { s3?: boolean; env?: Env; endpoint?: string } = {}): SdkConfig {
  const env = { ...(opts.env ?? process.env), AWS_REGION: region, ...(opts.endpoint ? { AWS_ENDPOINT_URL: opts.endpoint } : {}) };
  const config: SdkConfig = clientConfig({ s3: opts.s3, env });
  if (opts.env?.AWS_ACCESS_KEY_ID && opts.env.AWS_SECRET_ACCESS_KEY) {
    config.credentials = { accessKeyId: opts.env.AWS_ACCESS_KEY_ID, secretAccessKey: opts.env.AWS_SECRET_ACCESS_KEY, sessionToken: opts.env.AWS_SESSION_TOKEN };
  }
  return config;
}
