/**
 * `npm run diff`: the CDK CLI's offline diff against a baseline assembly, failing on broadened
 * IAM / security-group access unless acknowledged. Fixture: two small synthesized apps beside a
 * baseline, one that opens SSH to the world (broadening), one that only narrows and renames.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { diffAssemblies, findBroadening, formatResult } from '../../scripts/diff/security-diff';
import { readTemplates as readAssembly } from '../../scripts/operator/template';
import { ROOT } from './support';

jest.setTimeout(60_000);

type Variant = 'base' | 'broad' | 'narrow';

/** A stack with a security group and a role, synthesized into its own cloud assembly. */
function synthFixture(dir: string, variant: Variant): string {
  const outdir = path.join(dir, variant);
  const app = new App({ outdir });
  const stack = new Stack(app, 'Fixture', { env: { region: 'us-east-1' } });
  const sg = new ec2.CfnSecurityGroup(stack, 'Web', {
    groupDescription: variant === 'narrow' ? 'web server (renamed)' : 'web server',
    vpcId: 'vpc-12345678',
    securityGroupIngress: [
      { ipProtocol: 'tcp', fromPort: 80, toPort: 80, cidrIp: '0.0.0.0/0' },
      ...(variant === 'base' ? [{ ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: '10.0.0.0/8' }] : []),
      ...(variant === 'broad' ? [{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp: '0.0.0.0/0' }] : []),
    ],
  });
  const role = new iam.Role(stack, 'Reader', { assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com') });
  role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::fixture-bucket/*'] }));
  // The fixture opens SSH to the world on purpose; keep synth's own warning out of the test output.
  Validations.of(sg).acknowledge({ id: 'CloudFormation-Validate::W2508', reason: 'fixture: the broadening under test' });
  app.synth();
  return outdir;
}

let dir: string;
let base: string;
let broad: string;
let narrow: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diff-fixture-'));
  base = synthFixture(dir, 'base');
  broad = synthFixture(dir, 'broad');
  narrow = synthFixture(dir, 'narrow');
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('structural check: the added SG ingress rule is named by stack and resource; narrowing is not', () => {
  expect(findBroadening(readAssembly(base), readAssembly(broad))).toEqual([
    {
      stack: 'Fixture',
      resource: 'Web',
      type: 'AWS::EC2::SecurityGroup',
      change: 'SG ingress rule {"CidrIp":"0.0.0.0/0","FromPort":22,"IpProtocol":"tcp","ToPort":22}',
    },
  ]);
  expect(findBroadening(readAssembly(base), readAssembly(narrow))).toEqual([]);
});

test('broadening SG ingress: the CDK CLI flags it, the diff fails and says what to acknowledge', async () => {
  const r = await diffAssemblies(base, broad, [], ROOT);
  expect(r.cli.map((c) => [c.stack, c.broadening])).toEqual([['Fixture', true]]);
  expect(r.cli[0].output).toContain('Security Group Changes');
  expect(r.cli[0].output).toMatch(/\+ .*\$\{Web\.GroupId\}.*In.*TCP 22.*Everyone \(IPv4\)/);
  expect(r.ok).toBe(false);
  expect(r.unacknowledged.map((b) => b.resource)).toEqual(['Web']);
  const text = formatResult(r, '.diff-acknowledged.json');
  expect(text).toContain('NEW  Fixture Web (AWS::EC2::SecurityGroup)');
  expect(text).toContain('"resource": "Web"');
});

test('the same change acknowledged in the committed file passes', async () => {
  const r = await diffAssemblies(base, broad, [{ stack: 'Fixture', resource: 'Web', reason: 'SSH for the fixture' }], ROOT);
  expect(r.ok).toBe(true);
  expect(formatResult(r, '.diff-acknowledged.json')).toContain('ACK  Fixture Web');
});

test('a change that only narrows access (rule removed, description changed) passes', async () => {
  const r = await diffAssemblies(base, narrow, [], ROOT);
  expect(r.cli.map((c) => [c.stack, c.broadening])).toEqual([['Fixture', false]]);
  expect(r.cli[0].output).toContain('Number of stacks with differences: 1');
  expect(r.ok).toBe(true);
  expect(r.broadening).toEqual([]);
});
