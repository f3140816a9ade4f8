/**
 * AWS Control Tower's proactive controls, as the cfn-guard rules that @cdklabs/cdk-validator-cfnguard
 * ships (with the cfn-guard binary), over the template of every configuration the unit tests
 * synthesize (test/support/configurations.ts, day 2 included). A test step rather than a validation
 * plugin: cfn-guard takes about 3 s per run, as long as a synth, and runs here once for all templates.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import { CONTROL_TOWER_EXCEPTIONS } from '../lib/config/control-tower';
import { CONFIGURATIONS, DAY2 } from './support/configurations';
import { synthesized } from './support/synthesized';

jest.setTimeout(120_000);

interface Violation {
  readonly rule: string;
  /** Template file: logical id. */
  readonly resources: string[];
}

/** The controls a set of templates fails: rule name, resources (template file: logical id). */
function violationsOf(templatePaths: string[]): Violation[] {
  // The validator reads only templatePaths of its context (it runs cfn-guard over those files).
  const report = new CfnGuardValidator({}).validate({ templatePaths } as unknown as Parameters<CfnGuardValidator['validate']>[0]);
  return report.violations.map((v) => ({
    rule: v.ruleName,
    resources: v.violatingResources.map((r) => `${r.templatePath}: ${r.resourceLogicalId}`),
  }));
}

function templatePath(context: Record<string, unknown>): string {
  const s = synthesized(context);
  return path.join(s.directory, s.assembly.stacks[0].templateFile);
}

/** Whether an exception covers this violating resource ("template file: logical id"). */
const excepted = (rule: string, resource: string) =>
  CONTROL_TOWER_EXCEPTIONS.some((e) => e.rule === rule && (!e.resources || e.resources.some((prefix) => resource.split(': ')[1].startsWith(prefix))));

describe('AWS Control Tower proactive controls', () => {
  const templates = CONFIGURATIONS.map(templatePath);
  let violations: Violation[];
  beforeAll(() => {
    violations = violationsOf(templates);
  });

  test('every synthesized template passes every control but the listed exceptions (each only for its resources)', () => {
    const unexcepted = violations.map((v) => ({ ...v, resources: v.resources.filter((r) => !excepted(v.rule, r)) })).filter((v) => v.resources.length > 0);
    expect(unexcepted).toEqual([]);
  });

  test('each exception is still needed: the default template (day 2: the day-2 template) fails it', () => {
    const day2 = templatePath(DAY2);
    const failedIn = (template: string) => new Set(violations.filter((v) => v.resources.some((r) => r.startsWith(`${template}:`))).map((v) => v.rule));
    const [byDefault, onDay2] = [failedIn(templates[0]), failedIn(day2)];
    expect(CONTROL_TOWER_EXCEPTIONS.filter((e) => !(e.day2 ? onDay2 : byDefault).has(e.rule)).map((e) => e.rule)).toEqual([]);
    // A day-2 exception is not needed on day 1: the day-1 template passes it.
    expect(CONTROL_TOWER_EXCEPTIONS.filter((e) => e.day2 && byDefault.has(e.rule)).map((e) => e.rule)).toEqual([]);
  });

  test('the exceptions are the public webserver and subnets, the instance types, handlers outside a VPC, bucket extras, and day 2\'s load balancer, fleet and ACL', () => {
    expect(CONTROL_TOWER_EXCEPTIONS.map((e) => e.control)).toEqual([
      'CT.EC2.PR.8',
      'CT.EC2.PR.11',
      'CT.EC2.PR.19',
      'CT.LAMBDA.PR.3',
      'CT.S3.PR.2',
      'CT.S3.PR.4',
      'CT.S3.PR.9',
      'CT.EC2.PR.5',
      'CT.AUTOSCALING.PR.6',
      'CT.ELASTICLOADBALANCING.PR.1',
      'CT.ELASTICLOADBALANCING.PR.5',
      'CT.S3.PR.10',
    ]);
    // The day-2 ones hold for the day-2 resources only: every other bucket is SSE-KMS, every other ACL closed.
    expect(CONTROL_TOWER_EXCEPTIONS.filter((e) => e.day2).every((e) => (e.resources ?? []).length > 0)).toBe(true);
    // A public address only for the webserver and the public subnets: any other public instance or subnet fails.
    expect(Object.fromEntries(CONTROL_TOWER_EXCEPTIONS.filter((e) => e.resources && !e.day2).map((e) => [e.control, e.resources]))).toEqual({
      'CT.EC2.PR.8': ['ComputeWebserver'],
      'CT.EC2.PR.11': ['NetworkVpcPublicSubnet'],
    });
    expect(CONTROL_TOWER_EXCEPTIONS.every((e) => e.reason.length > 40)).toBe(true);
  });

  test('the README lists each exception with its reason', () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
    for (const e of CONTROL_TOWER_EXCEPTIONS) expect(readme).toContain(`| ${e.control} | \`${e.rule}\` | ${e.reason} |`);
  });

  test('the rules catch what they should: a log group without a key or retention, an unversioned SSE-S3 bucket', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'control-tower-'));
    const file = path.join(dir, 'template.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        Resources: {
          Logs: { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 7 } },
          Bucket: { Type: 'AWS::S3::Bucket', Properties: { BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] } } },
        },
      }),
    );
    const rules = violationsOf([file]).map((v) => v.rule);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(rules).toEqual(
      expect.arrayContaining([
        'cloudwatch_log_group_encrypted_check',
        'cloudwatch_log_group_retention_period_check',
        's3_bucket_default_encryption_kms_check',
        's3_bucket_versioning_enabled_check',
        's3_lifecycle_policy_check',
      ]),
    );
  });
});
