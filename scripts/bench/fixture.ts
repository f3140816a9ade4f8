/**
 * A compact, committed record of a synthesized assembly's dependency graphs (per stack: its name,
 * the stacks it waits for, per resource its type and dependencies), enough for deploy-time.ts to
 * estimate a layout that the app no longer synthesizes. Re-make one from any assembly directory:
 *
 *   npx cdk synth -q -o /tmp/five && node --import tsx scripts/bench/fixture.ts /tmp/five scripts/bench/fixtures/five-stacks.json
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readStackArtifacts } from '../operator/assembly';
import { StackGraph, templateGraphs } from './deploy-time';

export interface DeployFixture {
  readonly source: { readonly commit: string; readonly command: string; readonly note: string };
  readonly stacks: StackGraph[];
}

/** The graphs of every stack of a cloud assembly directory (cdk.out-style). */
export function assemblyGraphs(dir: string): StackGraph[] {
  return templateGraphs(readStackArtifacts(dir).map((s) => ({ name: s.name, template: s.template, dependencies: s.dependencies })));
}

export function fixtureFromAssembly(dir: string, source: DeployFixture['source']): DeployFixture {
  return { source, stacks: assemblyGraphs(dir) };
}

/** JSON with one line per resource, so that a re-made fixture diffs by resource. */
export function formatFixture(f: DeployFixture): string {
  const stacks = f.stacks.map((s) => {
    const resources = Object.entries(s.resources).map(([id, r]) => `    ${JSON.stringify(id)}: ${JSON.stringify(r)}`);
    return `  {"name": ${JSON.stringify(s.name)}, "dependencies": ${JSON.stringify(s.dependencies)}, "resources": {\n${resources.join(',\n')}\n  }}`;
  });
  return `{\n "source": ${JSON.stringify(f.source, null, 1).replace(/\n/g, '\n ')},\n "stacks": [\n${stacks.join(',\n')}\n ]\n}\n`;
}

export function readFixture(file: string): DeployFixture {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as DeployFixture;
}

/** The committed five-stack layout (before the app became one stack). */
export const FIVE_STACKS_FIXTURE = path.join(__dirname, 'fixtures', 'five-stacks.json');

if (require.main === module) {
  const [dir, out] = process.argv.slice(2);
  if (!dir || !out) {
    console.error('usage: node --import tsx scripts/bench/fixture.ts <assembly dir> <out.json>');
    process.exit(2);
  }
  const commit = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  const dirty = execFileSync('git', ['status', '--porcelain', '--', 'bin', 'lib', 'cdk.json'], { encoding: 'utf8' }).trim();
  const fixture = fixtureFromAssembly(dir, {
    commit: dirty ? `${commit} (with uncommitted changes to bin/, lib/ or cdk.json)` : commit,
    command: `npx cdk synth -q -o ${dir} && node --import tsx scripts/bench/fixture.ts ${dir} ${out}`,
    note: 'per stack: the stacks it waits for; per resource: its type, same-stack dependencies and imported resources (Stack/LogicalId)',
  });
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, formatFixture(fixture));
  const resources = fixture.stacks.reduce((n, s) => n + Object.keys(s.resources).length, 0);
  console.log(`${out}: ${fixture.stacks.length} stacks, ${resources} resources, from ${fixture.source.commit}`);
}
