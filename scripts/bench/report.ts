/** The deploy-time lines of `npm run bench`: this assembly beside the five-stack fixture. */
import { AssemblyEstimate, estimateAssembly, PathStep, STACK_OVERHEAD_SECONDS, StackGraph } from './deploy-time';

/** A CDK logical id without its 8-hex-digit hash suffix, for reading. */
const short = (id: string) => id.replace(/(?<=.)[0-9A-F]{8}$/, '');

export function formatPath(path: PathStep[]): string {
  return path.map((p) => `${short(p.id)} (${p.type.replace(/^AWS::/, '')}, ${p.seconds} s)`).join(' → ');
}

const s = (x: number | undefined) => (x === undefined ? '—' : `${Math.round(x)} s`);

export function deployTimeReport(current: StackGraph[], fixture: { graphs: StackGraph[]; label: string }, concurrency = 3): string[] {
  const now = estimateAssembly(current, concurrency);
  const before = estimateAssembly(fixture.graphs, concurrency);
  const cols = ['this assembly', fixture.label];
  const w = Math.max(44, ...[...now.stacks, ...before.stacks].map((x) => x.name.length + 4));
  const row = (label: string, a: string, b: string, tail = '') => `  ${label.padEnd(w)}${a.padEnd(16)}${b.padEnd(24)}${tail}`.trimEnd();
  // Without AWS::CDK::Metadata: bench synthesizes with --no-version-reporting, the fixture without it.
  const resources = (graphs: StackGraph[]) =>
    graphs.reduce((n, g) => n + Object.values(g.resources).filter((r) => r.type !== 'AWS::CDK::Metadata').length, 0);
  const count = (e: AssemblyEstimate, graphs: StackGraph[]) => `${e.stacks.length} / ${resources(graphs)}`;
  const names = [...new Set([...now.stacks, ...before.stacks].map((x) => x.name))];
  const lines = [
    'deploy time, estimated from the dependency graphs (typical create times per resource type, scripts/bench/create-times.ts:',
    `estimates, not measurements; ${STACK_OVERHEAD_SECONDS} s overhead per stack; a stack's time is its slowest chain)`,
    row('', cols[0], cols[1], 'slowest chain in this assembly'),
    row('stacks / resources (without CDK::Metadata)', count(now, current), count(before, fixture.graphs)),
    ...names.map((name) => {
      const a = now.stacks.find((x) => x.name === name);
      const b = before.stacks.find((x) => x.name === name);
      return row(name, s(a?.seconds), s(b?.seconds), a ? a.criticalPath.map((p) => `${p.type.replace(/^AWS::/, '')} ${p.seconds}`).join(' → ') : '');
    }),
    row('in series (cdk deploy --all)', s(now.series.seconds), s(before.series.seconds)),
    row(`--concurrency ${concurrency}`, s(now.concurrent.seconds), s(before.concurrent.seconds)),
    row('as one template (slowest chain + overhead)', s(now.oneTemplate.seconds), s(before.oneTemplate.seconds)),
    `critical path of this assembly as one template: ${formatPath(now.oneTemplate.criticalPath)} + ${STACK_OVERHEAD_SECONDS} s stack overhead`,
  ];
  const chain = now.oneTemplate.seconds - STACK_OVERHEAD_SECONDS;
  const met = now.series.seconds <= now.oneTemplate.seconds;
  const today = now.stacks.length === 1 ? '' : ` (these ${resources(current)} resources as one stack; today ${now.stacks.length} stacks: ${s(now.series.seconds)} in series)`;
  lines.push(`one template: ${s(now.oneTemplate.seconds)}${today}; goal: no longer than its slowest chain, ${s(chain)} + ${STACK_OVERHEAD_SECONDS} s overhead: ${met ? 'met' : 'not met'}`);
  return lines;
}
