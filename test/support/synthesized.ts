/**
 * Test support: the workshop app synthesized once per configuration and shared by every test file
 * of a run, read back from the file system; and normalising templates for snapshots.
 *
 * The unit layer's globalSetup (test/support/global-setup.ts) synthesizes the configurations the
 * tests use (test/support/configurations.ts) into cloud assemblies, one directory each, as cdk synth
 * writes cdk.out. `synthesized(context)` reads one back. A configuration not synthesized there (or a
 * test file run without that globalSetup) is synthesized on first use and stored the same way.
 *
 * This module does not load the app's code (lib/) unless it has to synthesize: reading a template
 * back costs a test file only aws-cdk-lib's assertions. Tests that need the construct tree (to add to
 * the app, or to read construct metadata) build the app with test/support/synth.ts.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { CloudAssembly, PATH_METADATA_ENABLE_CONTEXT } from 'aws-cdk-lib/cx-api';

const ROOT = path.resolve(__dirname, '..', '..');

/** The workshop's parts: the top-level constructs of the stack (and Key, the KMS key they share). */
export const PARTS = ['Identity', 'Network', 'Detection', 'Compute', 'Investigation', 'Key'] as const;
export type Part = (typeof PARTS)[number];

/** Where the unit layer's globalSetup keeps this run's assemblies (a directory it removes at the end). */
export const CACHE_ENV = 'WORKSHOP_SYNTH_CACHE';
/** Set by that globalSetup: the directory is shared by the run's test files. */
export const SHARED_ENV = 'WORKSHOP_SYNTH_SHARED';

export type Resources = Record<string, { Type: string; Properties?: any; Metadata?: Record<string, unknown>; [key: string]: any }>;
export type TemplateJson = { Resources: Resources; [key: string]: any };

/** One configuration's cloud assembly, read back. */
export interface Synthesis {
  /** The cloud assembly directory, as cdk synth writes cdk.out. */
  readonly directory: string;
  readonly assembly: CloudAssembly;
  /** The name of the app's one stack. */
  readonly stackName: string;
  /** The template as `Template.fromStack` gives it: without the aws:cdk:path metadata. */
  readonly template: Template;
  /** The template as written, its resources with their aws:cdk:path metadata. */
  readonly withPaths: TemplateJson;
}

/** A directory name for a configuration: its settings, sorted, and a hash of them. */
export function configurationKey(context: Record<string, unknown>): string {
  const entries = Object.keys(context)
    .sort()
    .map((k) => `${k}=${String(context[k])}`);
  const readable = entries.length === 0 ? 'default' : entries.join(',').replace(/[^A-Za-z0-9=,.@_-]/g, '_');
  let hash = 0;
  for (const ch of JSON.stringify(entries)) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return `${readable.slice(0, 80)}-${hash.toString(16)}`;
}

function cacheDir(): string {
  let dir = process.env[CACHE_ENV];
  if (!dir) {
    // No globalSetup (a test file run with another jest config): a directory for this process.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workshop-synth-'));
    process.env[CACHE_ENV] = dir;
  }
  return dir;
}

/** Resources without their aws:cdk:path metadata (and without a Metadata left empty). */
export function withoutPaths(resources: Resources): Resources {
  return Object.fromEntries(
    Object.entries(resources).map(([id, r]) => {
      if (!r.Metadata || !('aws:cdk:path' in r.Metadata)) return [id, r];
      const { 'aws:cdk:path': _path, ...metadata } = r.Metadata;
      const { Metadata: _metadata, ...rest } = r;
      return [id, Object.keys(metadata).length > 0 ? { ...rest, Metadata: metadata } : rest];
    }),
  );
}

const loaded = new Map<string, Synthesis>();

/**
 * The workshop app synthesized with this context (as given with -c key=value, or cdk.json's typed
 * values), read from this run's assemblies; throws what synth threw.
 */
export function synthesized(context: Record<string, unknown> = {}): Synthesis {
  const key = configurationKey(context);
  const known = loaded.get(key);
  if (known) return known;
  const dir = cacheDir();
  const directory = path.join(dir, key);
  if (!fs.existsSync(directory) && !fs.existsSync(`${directory}.error`)) {
    // Not synthesized by the globalSetup: do it now (loads the app's code).
    if (process.env[CACHE_ENV] && process.env[SHARED_ENV]) {
      console.warn(`${JSON.stringify(context)} is not in test/support/configurations.ts: synthesized in this test file, not shared`);
    }
    (require('./synth') as typeof import('./synth')).synthesizeToCache(dir, context);
  }
  if (fs.existsSync(`${directory}.error`)) throw new Error(fs.readFileSync(`${directory}.error`, 'utf8'));
  const assembly = new CloudAssembly(directory);
  if (assembly.stacks.length !== 1) throw new Error(`expected one stack in ${directory}, found ${assembly.stacks.length}`);
  const [stack] = assembly.stacks;
  const withPaths = stack.template as TemplateJson;
  const result: Synthesis = {
    directory,
    assembly,
    stackName: stack.stackName,
    withPaths,
    template: Template.fromJSON({ ...withPaths, Resources: withoutPaths(withPaths.Resources ?? {}) }),
  };
  loaded.set(key, result);
  return result;
}

/** How bin/workshop.ts ran (exit code, stderr) when it wrote a configuration's assembly. */
export interface BinRun {
  readonly status: number | null;
  readonly stderr: string;
}

/** The app command of cdk.json (`node ... bin/workshop.ts`), with this node binary. */
function appCommand(): { cmd: string; args: string[] } {
  const [cmd, ...args] = (JSON.parse(fs.readFileSync(path.join(ROOT, 'cdk.json'), 'utf8')).app as string).split(/\s+/);
  return { cmd: cmd === 'node' ? process.execPath : cmd, args };
}

/**
 * bin/workshop.ts as the CDK CLI runs it (cdk.json's app command, with CDK_OUTDIR and
 * CDK_CONTEXT_JSON), writing the configuration's assembly into `<dir>/<key>` (path metadata on, as
 * the CLI turns it on). Records the run in `<key>.run.json`; a failed run leaves its stderr in `<key>.error`.
 */
export function synthesizeWithBin(dir: string, context: Record<string, unknown>, sync: true): void;
export function synthesizeWithBin(dir: string, context: Record<string, unknown>, sync?: false): Promise<void>;
export function synthesizeWithBin(dir: string, context: Record<string, unknown>, sync = false): void | Promise<void> {
  const final = path.join(dir, configurationKey(context));
  const tmp = fs.mkdtempSync(`${final}.tmp-`);
  const { cmd, args } = appCommand();
  const env = { ...process.env, CDK_OUTDIR: tmp, CDK_CONTEXT_JSON: JSON.stringify({ ...context, [PATH_METADATA_ENABLE_CONTEXT]: true }) };
  const record = (run: BinRun) => {
    fs.writeFileSync(`${final}.run.json`, JSON.stringify(run));
    if (run.status === 0) fs.renameSync(tmp, final);
    else {
      fs.rmSync(tmp, { recursive: true, force: true });
      fs.writeFileSync(`${final}.error`, `bin/workshop.ts exited with ${run.status}:\n${run.stderr}`);
    }
  };
  if (sync) {
    const r = spawnSync(cmd, args, { cwd: ROOT, env, encoding: 'utf8' });
    return record({ status: r.status, stderr: r.stderr });
  }
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b) => (stderr += b));
    child.on('error', reject);
    child.on('close', (status) => resolve(record({ status, stderr })));
  });
}

/**
 * The run of bin/workshop.ts that wrote this configuration's shared assembly (the unit layer's
 * globalSetup writes the default configuration that way); run now if there was none.
 */
export function binRunOf(context: Record<string, unknown> = {}): BinRun {
  const final = path.join(cacheDir(), configurationKey(context));
  if (!fs.existsSync(`${final}.run.json`)) {
    fs.rmSync(final, { recursive: true, force: true });
    fs.rmSync(`${final}.error`, { force: true });
    synthesizeWithBin(cacheDir(), context, true);
  }
  return JSON.parse(fs.readFileSync(`${final}.run.json`, 'utf8')) as BinRun;
}

/** The Template of the app's one stack for this context (shared: see `synthesized`). */
export function templateOf(context: Record<string, unknown> = {}): Template {
  return synthesized(context).template;
}

/**
 * The template's resources of one part, by logical id: those whose construct path
 * (aws:cdk:path, `<stack>/<part>/...`) runs through the part; without their path metadata.
 */
export function resourcesOfPart(synthesis: Synthesis, part: Part): Resources {
  const resources = synthesis.withPaths.Resources ?? {};
  return withoutPaths(Object.fromEntries(Object.entries(resources).filter(([, r]) => String(r.Metadata?.['aws:cdk:path'] ?? '').split('/')[1] === part)));
}

/**
 * A template as JSON with what changes without a change of ours masked: asset hashes
 * (64 hex chars) and the CDK version in metadata. Inline handler code stays: a change to a
 * handler is a change to the template and shows in the snapshot.
 */
export function normaliseTemplate(template: Template | Record<string, unknown>): unknown {
  const json = JSON.stringify(template instanceof Template ? template.toJSON() : template);
  return JSON.parse(json.replace(/[0-9a-f]{64}/g, '<asset-hash>'));
}

/** The logical id of the one resource of a type whose properties match (throws unless exactly one). */
export function idOf(t: Template, type: string, props: Record<string, unknown> = {}): string {
  const ids = Object.keys(t.findResources(type, { Properties: Match.objectLike(props) }));
  if (ids.length !== 1) throw new Error(`expected one ${type} like ${JSON.stringify(props)}, found ${ids.length}`);
  return ids[0];
}
