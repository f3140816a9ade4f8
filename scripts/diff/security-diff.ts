/**
 * Offline `cdk diff` of a synthesized app against a baseline synth, failing on changes that
 * broaden IAM or security-group access unless acknowledged in .diff-acknowledged.json.
 *
 * Two views of the same question: the CDK CLI's own (`cdk diff --template <baseline>
 * --fail-on broadening`, printed for the reviewer and authoritative on *whether* something
 * broadens) and a structural one here that names the stack and resource of each added IAM
 * statement, managed policy, trust, permission or SG rule, which is what acknowledgements match.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readStackArtifacts } from '../operator/assembly';
import { runCdkOffline } from '../operator/context';
import { CfnResource, CfnTemplate, readTemplates, Templates } from '../operator/template';
import { findReplacements, formatReplacements, Replacement } from './replacements';

export interface Broadening {
  readonly stack: string;
  readonly resource: string;
  readonly type: string;
  /** "IAM statement", "SG ingress rule", ... and the added item as JSON. */
  readonly change: string;
}

export interface Acknowledgement {
  readonly stack: string;
  /** Logical id, or '*' for every resource of the stack. */
  readonly resource: string;
  readonly reason: string;
}

export const ACK_FILE = '.diff-acknowledged.json';

export function readAcknowledgements(file: string): Acknowledgement[] {
  if (!fs.existsSync(file)) return [];
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  const list: unknown[] = Array.isArray(parsed) ? parsed : parsed.acknowledged ?? [];
  return list.map((a, i) => {
    const ack = a as Partial<Acknowledgement>;
    if (!ack.stack || !ack.resource || !ack.reason?.trim()) throw new Error(`${file}: entry ${i} needs stack, resource and a reason`);
    return ack as Acknowledgement;
  });
}

// --- Structural detection ------------------------------------------------------------------

/** JSON with object keys sorted: equal for equal values whatever the key order (undefined reads as null). */
export const stable = (v: unknown): string =>
  JSON.stringify(v ?? null, (_k, val) =>
    val && typeof val === 'object' && !Array.isArray(val) ? Object.fromEntries(Object.entries(val).sort(([a], [b]) => a.localeCompare(b))) : val,
  );

const asList = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The access-granting items of a resource, each as [kind, stable JSON]. */
export function accessItems(r: CfnResource): [string, string][] {
  const p = r.Properties ?? {};
  const statements = (kind: string, doc: any): [string, string][] =>
    asList(doc?.Statement).flatMap((s: any) => {
      if (s?.Effect === 'Deny') return [];
      // One item per action so that an action added to an existing statement shows.
      const actions = asList(s?.Action ?? s?.NotAction);
      const { Action: _a, NotAction: _n, Sid: _s, ...rest } = s ?? {};
      return (actions.length ? actions : [undefined]).map((a) => [kind, stable({ ...rest, Action: a, Not: s?.NotAction !== undefined })] as [string, string]);
    });
  const policies = (kind: string) => asList(p.Policies).flatMap((pol: any) => statements(kind, pol?.PolicyDocument));
  const managed = () => asList(p.ManagedPolicyArns).map((a) => ['managed policy', stable(a)] as [string, string]);
  switch (r.Type) {
    case 'AWS::IAM::Policy':
    case 'AWS::IAM::ManagedPolicy':
    case 'AWS::IAM::RolePolicy':
    case 'AWS::IAM::UserPolicy':
    case 'AWS::IAM::GroupPolicy':
      return [
        ...statements('IAM statement', p.PolicyDocument),
        ...['Roles', 'Users', 'Groups'].flatMap((k) => asList(p[k]).map((x) => [`policy attached to ${k.toLowerCase()}`, stable(x)] as [string, string])),
      ];
    case 'AWS::IAM::Role':
      return [...statements('trust statement', p.AssumeRolePolicyDocument), ...policies('IAM statement'), ...managed()];
    case 'AWS::IAM::User':
      return [...policies('IAM statement'), ...managed(), ...asList(p.Groups).map((g) => ['group membership', stable(g)] as [string, string])];
    case 'AWS::IAM::Group':
      return [...policies('IAM statement'), ...managed()];
    case 'AWS::IAM::UserToGroupAddition':
      return asList(p.Users).map((u) => ['group membership', stable({ group: p.GroupName, user: u })] as [string, string]);
    case 'AWS::S3::BucketPolicy':
    case 'AWS::SQS::QueuePolicy':
    case 'AWS::SNS::TopicPolicy':
      return statements('resource policy statement', p.PolicyDocument);
    case 'AWS::KMS::Key':
      return statements('key policy statement', p.KeyPolicy);
    case 'AWS::Lambda::Permission':
      return [['Lambda permission', stable(p)]];
    case 'AWS::EC2::SecurityGroup':
      return [
        ...asList(p.SecurityGroupIngress).map((x) => ['SG ingress rule', stable(x)] as [string, string]),
        ...asList(p.SecurityGroupEgress).map((x) => ['SG egress rule', stable(x)] as [string, string]),
      ];
    case 'AWS::EC2::SecurityGroupIngress':
      return [['SG ingress rule', stable(p)]];
    case 'AWS::EC2::SecurityGroupEgress':
      return [['SG egress rule', stable(p)]];
    default:
      return [];
  }
}

/** Access items in `current` that `baseline` does not have, per stack and logical id. */
export function findBroadening(baseline: Templates, current: Templates): Broadening[] {
  const out: Broadening[] = [];
  for (const [stack, template] of Object.entries(current)) {
    const before: CfnTemplate = baseline[stack] ?? {};
    for (const [id, r] of Object.entries(template.Resources ?? {})) {
      const old = before.Resources?.[id];
      const had = new Set((old && old.Type === r.Type ? accessItems(old) : []).map(([k, v]) => `${k}\u0000${v}`));
      for (const [kind, value] of accessItems(r)) {
        if (!had.has(`${kind}\u0000${value}`)) out.push({ stack, resource: id, type: r.Type, change: `${kind} ${value}` });
      }
    }
  }
  return out;
}

export function isAcknowledged(b: Broadening, acks: readonly Acknowledgement[]): Acknowledgement | undefined {
  return acks.find((a) => a.stack === b.stack && (a.resource === '*' || a.resource === b.resource));
}

// --- The CDK CLI's view ----------------------------------------------------------------------

export interface CliDiff {
  readonly stack: string;
  /** The CLI's exit code with --fail-on broadening: 1 = broadening (or an error; see output). */
  readonly code: number;
  readonly broadening: boolean;
  readonly output: string;
}

/** `cdk diff --app <assembly> --template <baseline> --fail-on broadening -e <stack>`; offline. */
export async function cliDiff(assemblyDir: string, stack: string, baselineTemplate: string, cwd: string): Promise<CliDiff> {
  const { code, output } = await runCdkOffline(['diff', '--app', assemblyDir, '--template', baselineTemplate, '--fail-on', 'broadening', '--exclusively', stack], cwd);
  if (!/Number of stacks with differences/.test(output)) throw new Error(`cdk diff ${stack} did not complete (exit ${code}):\n${output}`);
  return { stack, code: code ?? 1, broadening: code === 1, output };
}

export interface DiffResult {
  readonly cli: CliDiff[];
  readonly broadening: Broadening[];
  readonly unacknowledged: Broadening[];
  /** Stacks where the CLI reports broadening that the structural check could not attribute. */
  readonly unattributed: string[];
  /** Instances the deploy would replace: said, not failed (a replacement can be intended). */
  readonly replacements: Replacement[];
  readonly ok: boolean;
}

/** Compares two cloud assemblies. */
export async function diffAssemblies(baselineDir: string, currentDir: string, acks: readonly Acknowledgement[], cwd: string): Promise<DiffResult> {
  const baseline = readTemplates(baselineDir);
  const current = readTemplates(currentDir);
  const baselineFiles = new Map(readStackArtifacts(baselineDir).map((s) => [s.name, s.templateFile]));
  const emptyTemplate = path.join(currentDir, 'empty-baseline.template.json');
  fs.writeFileSync(emptyTemplate, '{}');
  const cli: CliDiff[] = [];
  for (const stack of Object.keys(current)) {
    const baseFile = baselineFiles.has(stack) ? path.join(baselineDir, baselineFiles.get(stack)!) : emptyTemplate;
    cli.push(await cliDiff(currentDir, stack, baseFile, cwd));
  }
  const broadening = findBroadening(baseline, current);
  const unacknowledged = broadening.filter((b) => !isAcknowledged(b, acks));
  const unattributed = cli.filter((c) => c.broadening && !broadening.some((b) => b.stack === c.stack) && !acks.some((a) => a.stack === c.stack && a.resource === '*')).map((c) => c.stack);
  const replacements = findReplacements(baseline, current);
  return { cli, broadening, unacknowledged, unattributed, replacements, ok: unacknowledged.length === 0 && unattributed.length === 0 };
}

export function formatResult(r: DiffResult, ackFile: string): string {
  const lines: string[] = [];
  for (const c of r.cli) lines.push(c.output.trim(), '');
  lines.push('Security-broadening changes (IAM statements, policies, trust, SG rules added):');
  if (r.broadening.length === 0) lines.push('  none');
  for (const b of r.broadening) {
    const ack = r.unacknowledged.includes(b) ? undefined : 'acknowledged';
    lines.push(`  ${ack ? 'ACK ' : 'NEW '} ${b.stack} ${b.resource} (${b.type}): ${b.change}`);
  }
  for (const s of r.unattributed) lines.push(`  NEW  ${s}: the CDK CLI reports a broadening change this check could not attribute to a resource (see its output above)`);
  lines.push('', ...formatReplacements(r.replacements ?? []), '');
  if (r.ok) {
    lines.push('OK: no unacknowledged broadening of IAM or security-group access.');
  } else {
    lines.push(
      `FAIL: ${r.unacknowledged.length + r.unattributed.length} unacknowledged broadening change(s). If intended, add to ${ackFile}:`,
      JSON.stringify(
        [
          ...[...new Map(r.unacknowledged.map((b) => [`${b.stack}/${b.resource}`, b])).values()].map((b) => ({ stack: b.stack, resource: b.resource, reason: '<why this access is needed>' })),
          ...r.unattributed.map((s) => ({ stack: s, resource: '*', reason: '<why>' })),
        ],
        null,
        2,
      ),
    );
  }
  return lines.join('\n');
}
