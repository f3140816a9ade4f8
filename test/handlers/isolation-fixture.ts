/** Test support for the isolation handlers and patches: an instance with two interfaces, and a finding about it. */
import {
  AttachNetworkInterfaceCommand,
  CreateNetworkInterfaceCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  EC2Client,
  Instance,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { BatchImportFindingsCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { ACCOUNT } from './support';

export interface Fixture {
  vpcId: string;
  subnetId: string;
  instanceId: string;
  /** The launch group (primary interface) and the second interface's group. */
  groups: [string, string];
  imageId: string;
}

let n = 0;

export async function imageId(ec2: EC2Client): Promise<string> {
  return (await ec2.send(new DescribeImagesCommand({ Owners: ['amazon'] }))).Images![0].ImageId!;
}

/** A VPC with an instance: primary interface in group A, a second interface in group B. */
export async function instanceWithTwoInterfaces(ec2: EC2Client): Promise<Fixture> {
  n += 1;
  const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: `10.${n}.0.0/16` }))).Vpc!.VpcId!;
  const subnetId = (await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: `10.${n}.1.0/24` }))).Subnet!.SubnetId!;
  const group = async (name: string) => (await ec2.send(new CreateSecurityGroupCommand({ GroupName: name, Description: name, VpcId: vpcId }))).GroupId!;
  const groups: [string, string] = [await group(`web-${n}`), await group(`admin-${n}`)];
  const image = await imageId(ec2);
  const instanceId = (await ec2.send(new RunInstancesCommand({ ImageId: image, MinCount: 1, MaxCount: 1, SubnetId: subnetId, SecurityGroupIds: [groups[0]] })))
    .Instances![0].InstanceId!;
  const eni = (await ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: subnetId, Groups: [groups[1]] }))).NetworkInterface!.NetworkInterfaceId!;
  await ec2.send(new AttachNetworkInterfaceCommand({ NetworkInterfaceId: eni, InstanceId: instanceId, DeviceIndex: 1 }));
  return { vpcId, subnetId, instanceId, groups, imageId: image };
}

export async function readInstance(ec2: EC2Client, instanceId: string): Promise<Instance> {
  return (await ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }))).Reservations![0].Instances![0];
}

/** Interface id -> its group ids (sorted), as DescribeInstances shows them. */
export async function groupsByInterface(ec2: EC2Client, instanceId: string): Promise<Record<string, string[]>> {
  const i = await readInstance(ec2, instanceId);
  return Object.fromEntries((i.NetworkInterfaces ?? []).map((x) => [x.NetworkInterfaceId!, (x.Groups ?? []).map((g) => g.GroupId!).sort()]));
}

export const PRODUCT_ARN = `arn:aws:securityhub:us-east-1:${ACCOUNT}:product/${ACCOUNT}/default`;

/** Imports a finding about the instance into Security Hub (the hub must be on) and returns it as Security Hub sends it. */
export async function findingAbout(securityhub: SecurityHubClient, id: string, instanceIds: string[]) {
  const now = new Date().toISOString();
  const finding = {
    SchemaVersion: '2018-10-08',
    Id: id,
    ProductArn: PRODUCT_ARN,
    GeneratorId: 'workshop-test',
    AwsAccountId: ACCOUNT,
    Types: ['TTPs/Command and Control'],
    CreatedAt: now,
    UpdatedAt: now,
    Severity: { Label: 'HIGH' as const },
    Title: 'Instance talks to a known command-and-control host',
    Description: 'test',
    Resources: instanceIds.map((i) => ({ Type: 'AwsEc2Instance', Id: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/${i}` })),
  };
  const out = await securityhub.send(new BatchImportFindingsCommand({ Findings: [finding] }));
  if (out.FailedCount) throw new Error(JSON.stringify(out.FailedFindings));
  return finding;
}
