/**
 * npm run diff [-- --base <git ref> | --baseline-dir <cloud assembly>] [--ack <file>] [-c key=value ...]
 *
 * Synthesizes the current app and a baseline (the base ref checked out in a temporary
 * `git worktree`, default origin/main, else HEAD~1; or a committed cloud assembly directory),
 * runs the CDK CLI's offline `cdk diff --template` per stack and fails (exit 1) on changes that
 * broaden IAM or security-group access unless .diff-acknowledged.json lists them. No AWS access.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ACK_FILE, diffAssemblies, formatResult, readAcknowledgements } from './diff/security-diff';
import { parseCommandLine, textFlag } from './operator/args';
import { ROOT } from './operator/context';
import { synthAssembly } from './operator/template';
import { runCommand } from './operator/command';

const DIFF_SPEC = {
  usage: 'usage: npm run diff -- [--base <git ref> | --baseline-dir <cloud assembly>] [--ack <file>] [-c key=value ...]',
  flags: { base: 'text', 'baseline-dir': 'text', ack: 'text' },
} as const;

const git = (args: string[], cwd = ROOT) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

function defaultBase(): string {
  for (const ref of ['origin/main', 'HEAD~1']) {
    try {
      git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
      return ref;
    } catch {
      // try the next
    }
  }
  throw new Error('no base ref: pass --base <ref> or --baseline-dir <dir>');
}

/** Synthesizes `ref` in a temporary worktree (sharing node_modules) into `outdir`. */
async function synthRef(ref: string, outdir: string, contextArgs: string[]): Promise<void> {
  const commit = git(['rev-parse', `${ref}^{commit}`]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workshop-diff-base-'));
  git(['worktree', 'add', '--detach', dir, commit]);
  try {
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    console.error(`baseline: ${ref} (${commit.slice(0, 12)}) synthesized in ${dir}`);
    await synthAssembly(outdir, contextArgs, dir);
  } finally {
    git(['worktree', 'remove', '--force', dir]);
  }
}

async function main(): Promise<number> {
  const args = parseCommandLine(DIFF_SPEC);
  const ackFile = path.resolve(ROOT, textFlag(args, 'ack') ?? ACK_FILE);
  const acks = readAcknowledgements(ackFile);
  const work = path.join(ROOT, 'cdk.out.diff');
  fs.rmSync(work, { recursive: true, force: true });
  const currentDir = path.join(work, 'current');
  let baselineDir: string;
  const synths: Promise<void>[] = [synthAssembly(currentDir, args.cdkContextArgs)];
  const given = textFlag(args, 'baseline-dir');
  if (given) {
    baselineDir = path.resolve(given);
  } else {
    baselineDir = path.join(work, 'baseline');
    const base = textFlag(args, 'base') ?? defaultBase();
    synths.push(synthRef(base, baselineDir, args.cdkContextArgs));
  }
  await Promise.all(synths);
  const result = await diffAssemblies(baselineDir, currentDir, acks, ROOT);
  console.log(formatResult(result, path.relative(ROOT, ackFile)));
  return result.ok ? 0 : 1;
}

runCommand(main);
