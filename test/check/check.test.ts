/**
 * npm run check against the emulator: a participant's environment built by hand through the SDK
 * (test/check/hand-built.ts: the text's literal names, a bucket they named, one mistake) is graded
 * step by step: every step ✓ but the private route tables, ✗ with the hint; the text's literal
 * names are accepted and said; extras are warnings; a fresh account is "not started" throughout.
 */
import { AuthorizeSecurityGroupIngressCommand, CreateSecurityGroupCommand, CreateVpcCommand, DescribeImagesCommand, DescribeVpcsCommand, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { WORKSHOP_DEFAULTS } from '../../lib/config/workshop-config';
import { checkEnvironment, StepResult } from '../../scripts/check/index';
import { Emulator, startEmulator } from '../../scripts/emulator/emulator';
import { awsClients, AwsClients } from '../../scripts/operator/clients';
import { runScript } from '../operator/support';
import { buildByHand } from './hand-built';

jest.setTimeout(60_000);

let emu: Emulator;
let c: AwsClients;

beforeAll(async () => {
  emu = await startEmulator();
  c = awsClients('us-east-1', { env: { ...process.env, ...emu.env } });
});

afterAll(async () => {
  c?.destroy();
  await emu?.stop();
});

const byId = (steps: StepResult[]) => Object.fromEntries(steps.map((s) => [s.step.id, s.status]));

test('a fresh account: every step not started, nothing wrong', async () => {
  const result = await checkEnvironment(c, WORKSHOP_DEFAULTS);
  expect(result.steps.filter((s) => s.status !== 'not started')).toEqual([]);
  expect(new Set(result.steps.map((s) => s.status))).toEqual(new Set(['not started']));
  expect(result.steps).toHaveLength(19);
  expect(result.ok).toBe(true);
  expect(result.warnings).toEqual([]);
});

describe('built by hand, as the text reads, with one mistake', () => {
  const streamed: string[] = [];
  let steps: StepResult[];

  beforeAll(async () => {
    await buildByHand(c, '123456789012', { participant: 'workshop', wrongNat: true });
    const result = await checkEnvironment(c, WORKSHOP_DEFAULTS, { onStep: (s) => streamed.push(s.step.id) });
    steps = result.steps;
  });

  test('every step done but the private route tables, the investigation toolkit under the participant\'s own names too', () => {
    expect(byId(steps)).toEqual({
      'ro-user': 'done', 'x-account': 'done', 'ssm-role': 'done',
      vpc: 'done', subnets: 'done', igw: 'done', 'public-rt': 'done', nat: 'done', 'private-rt': 'wrong', 'flow-cw': 'done', 'flow-s3': 'done',
      'default-vpc': 'done', webserver: 'done', 'private-ec2': 'done',
      guardduty: 'done', inspector: 'done',
      alarm: 'done', athena: 'done', trail: 'done',
    });
    // Streamed in the workshop's order, each as it was graded.
    expect(streamed).toEqual(steps.map((s) => s.step.id));
  });

  test('the mistake: expected, found and the hint', () => {
    const rt = steps.find((s) => s.step.id === 'private-rt')!;
    expect(rt.wrong).toEqual([
      expect.objectContaining({
        check: 'Route table Private-Route-Table-b: route 0.0.0.0/0',
        expected: 'NGW-Public-subnet-10-0-2',
        found: 'NGW-Public-subnet-10-0-1',
        hint: 'Private-Route-Table-b sends 0.0.0.0/0 to NGW-Public-subnet-10-0-1; the workshop uses the NAT gateway of the same zone, NGW-Public-subnet-10-0-2',
      }),
    ]);
  });

  test("the text's literal names are accepted and said", () => {
    const subnets = steps.find((s) => s.step.id === 'subnets')!;
    expect(subnets.notes).toEqual([
      "Public-Subnet-b-10-0-2 found as Public-Subnet-a-10-0-2, the text's literal name (accepted)",
      "Public-Subnet-c-10-0-3 found as Public-Subnet-a-10-0-3, the text's literal name (accepted)",
      "Private-Subnet-b-10-0-5 found as Private-Subnet-a-10-0-5, the text's literal name (accepted)",
      "Private-Subnet-c-10-0-6 found as Private-Subnet-a-10-0-6, the text's literal name (accepted)",
    ]);
    expect(steps.find((s) => s.step.id === 'private-rt')!.notes).toEqual(["Private-Route-Table-a found as Public-Route-Table-a, the text's literal name (accepted)"]);
  });

  test('npm run check prints the checklist part by part and exits 1 for the mistake', async () => {
    const run = await runScript('check.ts', ['--part', 'network'], emu.env);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('\nNetwork\n  ✓ VPC\n  ✓ Subnets\n');
    expect(run.stdout).toContain(
      '  ✗ Private route tables\n      Route table Private-Route-Table-b: route 0.0.0.0/0: expected NGW-Public-subnet-10-0-2, found NGW-Public-subnet-10-0-1\n' +
        '      hint: Private-Route-Table-b sends 0.0.0.0/0 to NGW-Public-subnet-10-0-1; the workshop uses the NAT gateway of the same zone, NGW-Public-subnet-10-0-2\n',
    );
    expect(run.stdout).not.toContain('Identity');
    expect(run.stdout).toMatch(/7 done, 1 wrong, 0 in progress, 0 not started\./);
  });

  test('extras are warnings with the reason: a second VPC, SSH open to the world in the default VPC', async () => {
    await c.ec2.send(new CreateVpcCommand({ CidrBlock: '172.16.0.0/16', TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'Name', Value: 'my-test-vpc' }] }] }));
    const defaultVpc = (await c.ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }))).Vpcs![0].VpcId!;
    const sg = (await c.ec2.send(new CreateSecurityGroupCommand({ GroupName: 'ssh-anywhere', Description: 'ssh', VpcId: defaultVpc }))).GroupId!;
    await c.ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: sg, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }));
    const image = (await c.ec2.send(new DescribeImagesCommand({}))).Images![0].ImageId!;
    await c.ec2.send(new RunInstancesCommand({ ImageId: image, MinCount: 1, MaxCount: 1, SecurityGroupIds: [sg], TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'my-ssh-box' }] }] }));
    const result = await checkEnvironment(c, WORKSHOP_DEFAULTS, { parts: ['identity'] });
    expect(result.warnings).toEqual([
      expect.stringMatching(/^another VPC my-test-vpc \(vpc-[0-9a-f]+, 172\.16\.0\.0\/16\): the workshop builds one, VPC-10-0-0-0;/),
      expect.stringMatching(/^instance my-ssh-box in the default VPC accepts SSH \(port 22\) from anywhere through ssh-anywhere: .*remove the rule$/),
    ]);
    expect(result.ok).toBe(true);
  });
});
