import { CreateTagsCommand, DeleteTagsCommand, DescribeSubnetsCommand, DescribeVpcsCommand, EC2Client, Vpc } from '@aws-sdk/client-ec2';
import { Emulator } from '../../scripts/emulator/emulator';
import { clientConfig } from '../../lib/aws/clients';
import { onEvent } from '../../lib/handlers/default-vpc';
import { cfnEvent, emulator } from './support';

jest.setTimeout(60_000);

let emu: Emulator;
let ec2: EC2Client;
let defaultVpc: Vpc;
const props = { NameTag: 'Default-VPC', AvailabilityZone: 'us-east-1a' };

async function name(): Promise<string | undefined> {
  const vpc = (await ec2.send(new DescribeVpcsCommand({ VpcIds: [defaultVpc.VpcId!] }))).Vpcs![0];
  return vpc.Tags?.find((t) => t.Key === 'Name')?.Value;
}

beforeAll(async () => {
  emu = await emulator();
  ec2 = new EC2Client(clientConfig({ env: emu.env }));
  defaultVpc = (await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }))).Vpcs![0];
});
afterAll(() => emu?.stop());

test('finds the default VPC and its default subnet, names it, and Delete takes the Name away', async () => {
  expect(defaultVpc.CidrBlock).toBe('172.31.0.0/16');
  expect(await name()).toBeUndefined();
  const created = await onEvent(cfnEvent('Create', props), { ec2 });
  const subnet = (await ec2.send(new DescribeSubnetsCommand({ SubnetIds: [created.Data!.SubnetId] }))).Subnets![0];
  expect(created.Data).toEqual({ VpcId: defaultVpc.VpcId, SubnetId: subnet.SubnetId, CidrBlock: '172.31.0.0/16' });
  expect(subnet).toMatchObject({ VpcId: defaultVpc.VpcId, AvailabilityZone: 'us-east-1a', DefaultForAz: true });
  expect(created.PhysicalResourceId).toBe(`default-vpc:${defaultVpc.VpcId}`);
  expect(await name()).toBe('Default-VPC');

  // Update with another name and zone: same physical id, new tag and subnet.
  const updated = await onEvent(
    cfnEvent('Update', { NameTag: 'Workshop-VPC', AvailabilityZone: 'us-east-1b' }, { PhysicalResourceId: created.PhysicalResourceId, OldResourceProperties: props }),
    { ec2 },
  );
  expect(updated.PhysicalResourceId).toBe(created.PhysicalResourceId);
  expect(updated.Data!.SubnetId).not.toBe(created.Data!.SubnetId);
  expect(await name()).toBe('Workshop-VPC');

  await onEvent(cfnEvent('Delete', { NameTag: 'Workshop-VPC', AvailabilityZone: 'us-east-1b' }, { PhysicalResourceId: created.PhysicalResourceId }), { ec2 });
  expect(await name()).toBeUndefined();
});

test('restores a previous Name on Delete, even after an Update', async () => {
  await ec2.send(new CreateTagsCommand({ Resources: [defaultVpc.VpcId!], Tags: [{ Key: 'Name', Value: 'team: main vpc/ü' }] }));
  const created = await onEvent(cfnEvent('Create', props), { ec2 });
  expect(await name()).toBe('Default-VPC');
  const updated = await onEvent(cfnEvent('Update', props, { PhysicalResourceId: created.PhysicalResourceId, OldResourceProperties: props }), { ec2 });
  expect(updated.PhysicalResourceId).toBe(created.PhysicalResourceId);
  await onEvent(cfnEvent('Delete', props, { PhysicalResourceId: created.PhysicalResourceId }), { ec2 });
  expect(await name()).toBe('team: main vpc/ü');
});

test('leaves a Name someone changed after deployment', async () => {
  await ec2.send(new DeleteTagsCommand({ Resources: [defaultVpc.VpcId!], Tags: [{ Key: 'Name' }] }));
  const created = await onEvent(cfnEvent('Create', props), { ec2 });
  await ec2.send(new CreateTagsCommand({ Resources: [defaultVpc.VpcId!], Tags: [{ Key: 'Name', Value: 'renamed' }] }));
  await onEvent(cfnEvent('Delete', props, { PhysicalResourceId: created.PhysicalResourceId }), { ec2 });
  expect(await name()).toBe('renamed');
  await ec2.send(new DeleteTagsCommand({ Resources: [defaultVpc.VpcId!], Tags: [{ Key: 'Name' }] }));
});

test('a VPC that is gone, or a failed Create, counts as done on Delete', async () => {
  await expect(onEvent(cfnEvent('Delete', props, { PhysicalResourceId: 'default-vpc:vpc-0123456789abcdef0' }), { ec2 })).resolves.toEqual({
    PhysicalResourceId: 'default-vpc:vpc-0123456789abcdef0',
  });
  await expect(onEvent(cfnEvent('Delete', props, { PhysicalResourceId: 'Resource' }), { ec2 })).resolves.toEqual({ PhysicalResourceId: 'Resource' });
});

test('an Availability Zone without a default subnet fails clearly and changes nothing', async () => {
  await expect(onEvent(cfnEvent('Create', { ...props, AvailabilityZone: 'us-east-1z' }), { ec2 })).rejects.toThrow(
    `Default VPC ${defaultVpc.VpcId} has no default subnet in us-east-1z: create it with 'aws ec2 create-default-subnet --availability-zone us-east-1z --region us-east-1'`,
  );
  expect(await name()).toBeUndefined();
});

test('a region without a default VPC fails with the command that creates one', async () => {
  const west = new EC2Client(clientConfig({ env: { ...emu.env, AWS_REGION: 'eu-west-3' } }));
  const vpcs = (await west.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }))).Vpcs!;
  // moto creates a default VPC per region; the handler must fail once it is gone.
  const { DeleteSubnetCommand, DeleteVpcCommand, DescribeSubnetsCommand: Subnets } = await import('@aws-sdk/client-ec2');
  for (const vpc of vpcs) {
    const subnets = (await west.send(new Subnets({ Filters: [{ Name: 'vpc-id', Values: [vpc.VpcId!] }] }))).Subnets ?? [];
    for (const s of subnets) await west.send(new DeleteSubnetCommand({ SubnetId: s.SubnetId }));
    await west.send(new DeleteVpcCommand({ VpcId: vpc.VpcId }));
  }
  await expect(onEvent(cfnEvent('Create', { ...props, AvailabilityZone: 'eu-west-3a' }), { ec2: west })).rejects.toThrow(
    "No default VPC in eu-west-3: create it with 'aws ec2 create-default-vpc --region eu-west-3'",
  );
});
