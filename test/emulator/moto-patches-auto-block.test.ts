/**
 * The emulator patches of the day-2 auto-block part (scripts/emulator/patches/cfn_ec2_network_acl.py,
 * cfn_wafv2_ip_set.py): moto 5.2.1's CloudFormation creates and deletes network ACLs, their entries and
 * subnet associations, and WAFv2 IP sets, as AWS documents.
 */
import { CloudFormationClient, CreateStackCommand, DeleteStackCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DescribeNetworkAclsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetIPSetCommand, ListIPSetsCommand, UpdateIPSetCommand, WAFV2Client } from '@aws-sdk/client-wafv2';
import { Emulator, startEmulator } from '../../scripts/emulator/emulator';
import { emulatorConfig } from '../operator/support';

jest.setTimeout(60_000);

let emu: Emulator;
let cfn: CloudFormationClient;
let ec2: EC2Client;
let wafv2: WAFV2Client;

beforeAll(async () => {
  emu = await startEmulator();
  const c = emulatorConfig(emu);
  cfn = new CloudFormationClient(c);
  ec2 = new EC2Client(c);
  wafv2 = new WAFV2Client(c);
});
afterAll(async () => {
  for (const client of [cfn, ec2, wafv2]) client?.destroy();
  await emu?.stop();
});

async function settled(name: string) {
  for (let i = 0; i < 200; i++) {
    const stack = await cfn.send(new DescribeStacksCommand({ StackName: name })).then((r) => r.Stacks?.[0], () => undefined);
    if (!stack?.StackStatus?.endsWith('_IN_PROGRESS')) return stack;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${name} still in progress`);
}

const aclOf = async (subnetId: string) =>
  (await ec2.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: 'association.subnet-id', Values: [subnetId] }] }))).NetworkAcls?.[0];

test('network ACL, entries and subnet association: created as on AWS; on delete the subnet returns to the default ACL', async () => {
  const template = {
    Resources: {
      Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.9.0.0/16' } },
      Subnet: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.9.1.0/24', AvailabilityZone: 'us-east-1a' } },
      Acl: { Type: 'AWS::EC2::NetworkAcl', Properties: { VpcId: { Ref: 'Vpc' }, Tags: [{ Key: 'workshop', Value: 'test' }] } },
      In: { Type: 'AWS::EC2::NetworkAclEntry', Properties: { NetworkAclId: { Ref: 'Acl' }, RuleNumber: 32000, Protocol: -1, RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0' } },
      Out: { Type: 'AWS::EC2::NetworkAclEntry', Properties: { NetworkAclId: { Ref: 'Acl' }, RuleNumber: 32000, Protocol: -1, RuleAction: 'allow', Egress: true, CidrBlock: '0.0.0.0/0' } },
      Assoc: { Type: 'AWS::EC2::SubnetNetworkAclAssociation', Properties: { NetworkAclId: { Ref: 'Acl' }, SubnetId: { Ref: 'Subnet' } } },
    },
    Outputs: { Acl: { Value: { Ref: 'Acl' } }, Assoc: { Value: { Ref: 'Assoc' } }, Subnet: { Value: { Ref: 'Subnet' } } },
  };
  await cfn.send(new CreateStackCommand({ StackName: 'acl', TemplateBody: JSON.stringify(template) }));
  const stack = await settled('acl');
  expect(stack?.StackStatus).toBe('CREATE_COMPLETE');
  const out = Object.fromEntries((stack?.Outputs ?? []).map((o) => [o.OutputKey, o.OutputValue]));
  expect(out.Acl).toMatch(/^acl-/);
  expect(out.Assoc).toMatch(/^aclassoc-/);
  const acl = await aclOf(out.Subnet!);
  expect(acl?.NetworkAclId).toBe(out.Acl);
  expect(acl?.IsDefault).toBe(false);
  expect(acl?.Associations?.map((a) => [a.SubnetId, a.NetworkAclAssociationId])).toEqual([[out.Subnet, out.Assoc]]);
  expect(acl?.Tags).toEqual(expect.arrayContaining([{ Key: 'workshop', Value: 'test' }]));
  expect(acl?.Entries?.map((e) => [e.RuleNumber, e.Egress, e.Protocol, e.RuleAction, e.CidrBlock])).toEqual([
    [32000, false, '-1', 'allow', '0.0.0.0/0'],
    [32000, true, '-1', 'allow', '0.0.0.0/0'],
  ]);

  await cfn.send(new DeleteStackCommand({ StackName: 'acl' }));
  await settled('acl');
  const all = (await ec2.send(new DescribeNetworkAclsCommand({}))).NetworkAcls ?? [];
  expect(all.map((a) => a.NetworkAclId)).not.toContain(out.Acl);
});

test('a network ACL association deleted on its own returns the subnet to the VPC default ACL', async () => {
  const base = {
    Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.8.0.0/16' } },
    Subnet: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.8.1.0/24', AvailabilityZone: 'us-east-1a' } },
  };
  await cfn.send(new CreateStackCommand({ StackName: 'net', TemplateBody: JSON.stringify({ Resources: base, Outputs: { Subnet: { Value: { Ref: 'Subnet' } }, Vpc: { Value: { Ref: 'Vpc' } } } }) }));
  const net = Object.fromEntries(((await settled('net'))?.Outputs ?? []).map((o) => [o.OutputKey, o.OutputValue]));
  const defaultAcl = (await aclOf(net.Subnet!))?.NetworkAclId;
  const acl = {
    Resources: {
      Acl: { Type: 'AWS::EC2::NetworkAcl', Properties: { VpcId: net.Vpc } },
      Assoc: { Type: 'AWS::EC2::SubnetNetworkAclAssociation', Properties: { NetworkAclId: { Ref: 'Acl' }, SubnetId: net.Subnet } },
    },
  };
  await cfn.send(new CreateStackCommand({ StackName: 'assoc', TemplateBody: JSON.stringify(acl) }));
  await settled('assoc');
  expect((await aclOf(net.Subnet!))?.NetworkAclId).not.toBe(defaultAcl);
  await cfn.send(new DeleteStackCommand({ StackName: 'assoc' }));
  await settled('assoc');
  const back = await aclOf(net.Subnet!);
  expect(back?.NetworkAclId).toBe(defaultAcl);
  expect(back?.IsDefault).toBe(true);
  await cfn.send(new DeleteStackCommand({ StackName: 'net' }));
  await settled('net');
});

test('WAFv2 IP set: Ref name|id|scope, GetAtt Arn and Id; updated with its lock token; deleted with the stack', async () => {
  const template = {
    Resources: { Set: { Type: 'AWS::WAFv2::IPSet', Properties: { Name: 'blocked', Scope: 'REGIONAL', IPAddressVersion: 'IPV4', Addresses: [], Description: 'test' } } },
    Outputs: { Ref: { Value: { Ref: 'Set' } }, Arn: { Value: { 'Fn::GetAtt': ['Set', 'Arn'] } }, Id: { Value: { 'Fn::GetAtt': ['Set', 'Id'] } } },
  };
  await cfn.send(new CreateStackCommand({ StackName: 'ipset', TemplateBody: JSON.stringify(template) }));
  const stack = await settled('ipset');
  expect(stack?.StackStatus).toBe('CREATE_COMPLETE');
  const out = Object.fromEntries((stack?.Outputs ?? []).map((o) => [o.OutputKey, o.OutputValue]));
  expect(out.Ref).toBe(`blocked|${out.Id}|REGIONAL`);
  expect(out.Arn).toBe(`arn:aws:wafv2:us-east-1:123456789012:regional/ipset/blocked/${out.Id}`);
  const ref = { Name: 'blocked', Id: out.Id, Scope: 'REGIONAL' as const };
  const got = await wafv2.send(new GetIPSetCommand(ref));
  expect(got.IPSet).toMatchObject({ Name: 'blocked', Addresses: [], IPAddressVersion: 'IPV4', Description: 'test' });
  await wafv2.send(new UpdateIPSetCommand({ ...ref, Addresses: ['198.51.100.7/32'], LockToken: got.LockToken }));
  // The old token is stale now.
  await expect(wafv2.send(new UpdateIPSetCommand({ ...ref, Addresses: [], LockToken: got.LockToken }))).rejects.toMatchObject({ name: 'WAFOptimisticLockException' });

  await cfn.send(new DeleteStackCommand({ StackName: 'ipset' }));
  await settled('ipset');
  expect((await wafv2.send(new ListIPSetsCommand({ Scope: 'REGIONAL' }))).IPSets).toEqual([]);
});
