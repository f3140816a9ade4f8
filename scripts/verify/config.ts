/**
 * The workshop configuration exactly as `cdk synth` would build it: cdk.json's (and
 * cdk.context.json's) context, overridden by `--context key=value` pairs, through the app's own
 * loadConfig (same defaults, same validation).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadConfig } from '../../lib/config/load-config';
import type { WorkshopConfig } from '../../lib/config/workshop-config';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

export interface ConfigOptions {
  /** Like `cdk -c key=value`: strings are converted by loadConfig as on the command line. */
  readonly context?: Record<string, unknown>;
  /** Default: <repo>/cdk.json. */
  readonly cdkJsonPath?: string;
}

function readContextFile(file: string, key?: string): Record<string, unknown> {
  if (!fs.existsSync(file)) return {};
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  return ((key ? json[key] : json) ?? {}) as Record<string, unknown>;
}

export function loadVerifyConfig(opts: ConfigOptions = {}): WorkshopConfig {
  const cdkJson = opts.cdkJsonPath ?? path.join(REPO_ROOT, 'cdk.json');
  const context = {
    ...readContextFile(path.join(path.dirname(cdkJson), 'cdk.context.json')),
    ...readContextFile(cdkJson, 'context'),
    ...(opts.context ?? {}),
  };
  return loadConfig((key) => context[key]);
}

/** ["--context", "a=b", "-c", "x=y", "--context=k=v"] -> {a: "b", x: "y", k: "v"}; other args are returned. */
export function parseContextArgs(args: readonly string[]): { context: Record<string, string>; rest: string[] } {
  const context: Record<string, string> = {};
  const rest: string[] = [];
  const put = (pair: string | undefined) => {
    const i = pair?.indexOf('=') ?? -1;
    if (!pair || i <= 0) throw new Error(`--context expects key=value, got ${JSON.stringify(pair ?? '')}`);
    context[pair.slice(0, i)] = pair.slice(i + 1);
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--context' || a === '-c') put(args[++i]);
    else if (a.startsWith('--context=')) put(a.slice('--context='.length));
    else rest.push(a);
  }
  return { context, rest };
}
