/**
 * Leftovers (`npm run leftovers`, `verify --leftovers`, the leftovers() export) against the
 * emulator: clean on a fresh account; finds what the test leaves behind (a tagged VPC, the named
 * IAM user, the default VPC still named Default-VPC, a stack of the app) and exits 1; terminated
 * instances and KMS keys pending deletion are not leftovers; GuardDuty is INFO, never a failure.
 */
import { CloudFormationClient, CreateStackCommand, DeleteStackCommand } from '@aws-sdk/client-cloudformation';
import { CreateDetectorCommand, DeleteDetectorCommand, GuardDutyClient } from '@aws-sdk/client-guardduty';
import { CreateUserCommand, DeleteUserCommand, IAMClient } from '@aws-sdk/client-iam';
import {
  CreateTagsCommand,
  CreateVpcCommand,
  DeleteTagsCommand,
  DeleteVpcCommand,
  DescribeImagesCommand,
  DescribeVpcsCommand,
  EC2Client,
  RunInstancesCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { CreateKeyCommand, ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';
import { WORKSHOP_DEFAULTS } from '../../lib/config/workshop-config';
import { Emulator, startEmulator } from '../../scripts/emulator/emulator';
import { findLeftovers, leftovers } from '../../scripts/leftovers/find';
import { awsClients, AwsClients } from '../../scripts/operator/clients';
import { emulatorConfig, runScript } from './support';

jest.setTimeout(60_000);

let emu: Emulator;
let clients: AwsClients;
let ec2: EC2Client;
let iam: IAMClient;

beforeAll(async () => {
  emu = await startEmulator();
  clients = awsClients('us-east-1', { env: { ...process.env, ...emu.env } });
  ec2 = new EC2Client(emulatorConfig(emu));
  iam = new IAMClient(emulatorConfig(emu));
});

afterAll(async () => {
  if (clients) clients.destroy();
  ec2?.destroy();
  iam?.destroy();
  await emu?.stop();
});

const WORKSHOP_TAGS = [
  { Key: 'workshop', Value: 'aws-security-logging-monitoring-ir' },
  { Key: 'workshop-participant', Value: 'workshop' },
];

test('a fresh account is clean', async () => {
  const scan = await findLeftovers(WORKSHOP_DEFAULTS, clients);
  expect(scan.items).toEqual([]);
  expect(scan.skipped).toEqual([]);
  // The export npm run local and the end-to-end suite call.
  expect(await leftovers({ env: emu.env })).toEqual({ items: [], skipped: [] });
});

test('finds a tagged VPC, the workshop IAM user and the Default-VPC name; exit 1; clean again once removed', async () => {
  const vpcId = (
    await ec2.send(
      new CreateVpcCommand({
        CidrBlock: '10.0.0.0/16',
        TagSpecifications: [{ ResourceType: 'vpc', Tags: WORKSHOP_TAGS }],
      }),
    )
  ).Vpc!.VpcId!;
  await iam.send(new CreateUserCommand({ UserName: 'workshop-RO' }));
  const defaultVpc = (await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }))).Vpcs![0].VpcId!;
  await ec2.send(new CreateTagsCommand({ Resources: [defaultVpc], Tags: [{ Key: 'Name', Value: 'Default-VPC' }] }));

  const bad = (await findLeftovers(WORKSHOP_DEFAULTS, clients)).items;
  expect(bad.map((l) => [l.kind, l.id]).sort()).toEqual(
    [
      ['IAM user', 'IAM user:workshop-RO'],
      ['default VPC Name tag', `${defaultVpc}#Name`],
      // The Tagging API finds it first; the EC2 describe with the tag filter finds it too (de-duplicated).
      ['tagged ec2 resource', vpcId],
    ].sort(),
  );
  expect(bad.find((l) => l.id === vpcId)!.detail).toBe(`arn:aws:ec2:us-east-1:123456789012:vpc/${vpcId} (participant workshop)`);
  // Another participant's resources are not this one's leftovers.
  const someoneElse = await findLeftovers(WORKSHOP_DEFAULTS, clients, { participant: 'someone-else' });
  expect([...someoneElse.items, ...someoneElse.info].map((l) => l.id)).not.toContain(vpcId);
  // The export looks at the configured participant's, with the same items.
  expect((await leftovers({ env: emu.env })).items.map((l) => l.id).sort()).toEqual(bad.map((l) => l.id).sort());

  const run = await runScript('leftovers.ts', [], emu.env);
  expect(run.code).toBe(1);
  expect(run.stdout).toContain(`LEFTOVER tagged ec2 resource: ${vpcId}`);
  expect(run.stdout).toContain('3 leftover(s) that the destroy should have removed.');

  await ec2.send(new DeleteVpcCommand({ VpcId: vpcId }));
  await iam.send(new DeleteUserCommand({ UserName: 'workshop-RO' }));
  await ec2.send(new DeleteTagsCommand({ Resources: [defaultVpc], Tags: [{ Key: 'Name' }] }));
  const clean = await runScript('leftovers.ts', [], emu.env);
  expect(clean.code).toBe(0);
  expect(clean.stdout).toContain('Clean: nothing of the workshop is left');
  const viaVerify = await runScript('verify.ts', ['--leftovers'], emu.env);
  expect(viaVerify.code).toBe(0);
  expect(viaVerify.stdout).toContain('Clean: nothing of the workshop is left');
});

// The one stack, and the five stacks of the earlier layout (an account deployed before the change).
test.each(['SecurityWorkshop', 'SecurityWorkshop-Identity', 'SecurityWorkshop-Investigation'])(
  'the stack %s counts, listed once though also tagged; clean once deleted',
  async (stackName) => {
    const cfn = new CloudFormationClient(emulatorConfig(emu));
    try {
      await cfn.send(
        new CreateStackCommand({
          StackName: stackName,
          TemplateBody: JSON.stringify({ Resources: { Handle: { Type: 'AWS::CloudFormation::WaitConditionHandle' } } }),
          Tags: WORKSHOP_TAGS,
        }),
      );
      const stacks = (await leftovers({ env: emu.env })).items.filter((l) => l.id === stackName);
      expect(stacks.map((l) => [l.kind, l.via])).toEqual([['CloudFormation stack', 'DescribeStacks']]);
      await cfn.send(new DeleteStackCommand({ StackName: stackName }));
      expect(await leftovers({ env: emu.env })).toEqual({ items: [], skipped: [] });
    } finally {
      cfn.destroy();
    }
  },
);

test('a terminated instance still carrying the workshop tags is not a leftover', async () => {
  const imageId = (await ec2.send(new DescribeImagesCommand({}))).Images![0].ImageId!;
  const instanceId = (
    await ec2.send(new RunInstancesCommand({ ImageId: imageId, MinCount: 1, MaxCount: 1, TagSpecifications: [{ ResourceType: 'instance', Tags: WORKSHOP_TAGS }] }))
  ).Instances![0].InstanceId!;
  expect((await findLeftovers(WORKSHOP_DEFAULTS, clients)).items.map((l) => l.id)).toContain(instanceId);
  await ec2.send(new TerminateInstancesCommand({ InstanceIds: [instanceId] }));
  const scan = await findLeftovers(WORKSHOP_DEFAULTS, clients);
  expect([...scan.items, ...scan.info].map((l) => l.id)).not.toContain(instanceId);
});

test("a tagged KMS key is a leftover until it is scheduled for deletion (destroy's workshop key, KMS waits 7 days)", async () => {
  const keyId = (await clients.kms.send(new CreateKeyCommand({ Tags: WORKSHOP_TAGS.map((t) => ({ TagKey: t.Key, TagValue: t.Value })) }))).KeyMetadata!.KeyId!;
  expect((await findLeftovers(WORKSHOP_DEFAULTS, clients)).items.map((l) => l.id)).toContain(keyId);
  await clients.kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }));
  const scan = await findLeftovers(WORKSHOP_DEFAULTS, clients);
  expect([...scan.items, ...scan.info].map((l) => l.id)).not.toContain(keyId);
});

test('a GuardDuty detector is INFO for a human, not a leftover: exit 0', async () => {
  const guardduty = new GuardDutyClient(emulatorConfig(emu));
  try {
    const detectorId = (await guardduty.send(new CreateDetectorCommand({ Enable: true }))).DetectorId!;
    const scan = await findLeftovers(WORKSHOP_DEFAULTS, clients);
    expect(scan.items).toEqual([]);
    expect(scan.info.map((l) => [l.kind, l.id])).toEqual([['GuardDuty detector', `guardduty:${detectorId}`]]);
    const run = await runScript('leftovers.ts', ['--participant', 'workshop'], emu.env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`INFO     GuardDuty detector: ${detectorId} is ENABLED`);
    await guardduty.send(new DeleteDetectorCommand({ DetectorId: detectorId }));
  } finally {
    guardduty.destroy();
  }
});
