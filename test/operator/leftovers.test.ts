/**
 * `npm run leftovers` against the emulator: clean on a fresh account; finds what the test leaves
 * behind (a tagged VPC, the named IAM user, the default VPC still named Default-VPC) and exits 1.
 */
import { CreateUserCommand, DeleteUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateTagsCommand, CreateVpcCommand, DeleteTagsCommand, DeleteVpcCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { WORKSHOP_DEFAULTS } from '../../lib/config/workshop-config';
import { Emulator, startEmulator } from '../../scripts/emulator/emulator';
import { destroyLeftoverClients, findLeftovers, LeftoverClients, leftoverClients } from '../../scripts/leftovers/find';
import { emulatorConfig, runScript } from './support';

jest.setTimeout(60_000);

let emu: Emulator;
let clients: LeftoverClients;
let ec2: EC2Client;
let iam: IAMClient;

beforeAll(async () => {
  emu = await startEmulator();
  clients = leftoverClients('us-east-1', { ...process.env, ...emu.env });
  ec2 = new EC2Client(emulatorConfig(emu));
  iam = new IAMClient(emulatorConfig(emu));
});

afterAll(async () => {
  if (clients) destroyLeftoverClients(clients);
  ec2?.destroy();
  iam?.destroy();
  await emu?.stop();
});

test('a fresh account is clean', async () => {
  const list = await findLeftovers(WORKSHOP_DEFAULTS, clients);
  expect(list.filter((l) => l.shouldBeGone)).toEqual([]);
});

test('finds a tagged VPC, the workshop IAM user and the Default-VPC name; exit 1; clean again once removed', async () => {
  const vpcId = (
    await ec2.send(
      new CreateVpcCommand({
        CidrBlock: '10.0.0.0/16',
        TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'workshop', Value: 'aws-security-logging-monitoring-ir' }, { Key: 'workshop-participant', Value: 'workshop' }] }],
      }),
    )
  ).Vpc!.VpcId!;
  await iam.send(new CreateUserCommand({ UserName: 'workshop-RO' }));
  const defaultVpc = (await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }))).Vpcs![0].VpcId!;
  await ec2.send(new CreateTagsCommand({ Resources: [defaultVpc], Tags: [{ Key: 'Name', Value: 'Default-VPC' }] }));

  const list = await findLeftovers(WORKSHOP_DEFAULTS, clients);
  const bad = list.filter((l) => l.shouldBeGone);
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
  expect((await findLeftovers(WORKSHOP_DEFAULTS, clients, { participant: 'someone-else' })).map((l) => l.id)).not.toContain(vpcId);

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
});
