/**
 * Custom resource: the account's default VPC, looked up at deploy time (synth has no
 * credentials), with its default subnet in one Availability Zone. The only change made to
 * the VPC is its Name tag, which Delete takes back (restoring a previous Name, if any)
 * unless someone renamed the VPC meanwhile (a VPC gone counts as done).
 *
 * Properties: { NameTag: string, AvailabilityZone: string }
 * PhysicalResourceId: 'default-vpc:<vpcId>' or 'default-vpc:<vpcId>:<base64url(previous Name)>'
 * Data: { VpcId, SubnetId, CidrBlock }
 */
import {
  CreateTagsCommand,
  DeleteTagsCommand,
  DescribeSubnetsCommand,
  DescribeTagsCommand,
  DescribeVpcsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { clientConfig } from '../aws/clients';
import { call, CustomResourceEvent, lambdaHandler, OnEventResult } from './custom-resource';

export interface DefaultVpcProps {
  NameTag: string;
  AvailabilityZone: string;
}

export interface DefaultVpcClients {
  ec2: EC2Client;
}

const PREFIX = 'default-vpc:';

function encodePhysicalId(vpcId: string, previousName?: string): string {
  return PREFIX + vpcId + (previousName === undefined ? '' : ':' + Buffer.from(previousName).toString('base64url'));
}

function decodePhysicalId(id: string | undefined): { vpcId: string; previousName?: string } | undefined {
  if (!id?.startsWith(PREFIX)) return undefined;
  const [vpcId, name] = id.slice(PREFIX.length).split(':');
  return { vpcId, previousName: name === undefined ? undefined : Buffer.from(name, 'base64url').toString() };
}

const nameOf = (tags?: { Key?: string; Value?: string }[]) => tags?.find((t) => t.Key === 'Name')?.Value;

export async function onEvent(
  event: CustomResourceEvent<DefaultVpcProps>,
  clients: DefaultVpcClients = { ec2: new EC2Client(clientConfig()) },
): Promise<OnEventResult> {
  const { ec2 } = clients;
  const { NameTag, AvailabilityZone } = event.ResourceProperties;
  const id = event.PhysicalResourceId ?? event.LogicalResourceId;
  const old = decodePhysicalId(event.PhysicalResourceId);
  const tag = (vpcId: string, Value: string) =>
    call('EC2 CreateTags', ec2.send(new CreateTagsCommand({ Resources: [vpcId], Tags: [{ Key: 'Name', Value }] })));

  if (event.RequestType === 'Delete') {
    if (!old) return { PhysicalResourceId: id };
    // Only take back our own Name: if someone renamed the VPC since, leave it. A VPC gone has no tags.
    const tags = await call(
      'EC2 DescribeTags',
      ec2.send(new DescribeTagsCommand({ Filters: [{ Name: 'resource-id', Values: [old.vpcId] }, { Name: 'key', Values: ['Name'] }] })),
    );
    if (nameOf(tags.Tags) === NameTag) {
      await (old.previousName === undefined
        ? call('EC2 DeleteTags', ec2.send(new DeleteTagsCommand({ Resources: [old.vpcId], Tags: [{ Key: 'Name', Value: NameTag }] })))
        : tag(old.vpcId, old.previousName));
    }
    return { PhysicalResourceId: id };
  }

  // Create and Update: look everything up first, so a failure changes nothing.
  if (!NameTag || !AvailabilityZone) throw new Error('NameTag and AvailabilityZone are required');
  const region = await ec2.config.region();
  const vpcs = await call(
    'EC2 DescribeVpcs',
    ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] })),
  );
  const vpc = vpcs.Vpcs?.[0];
  if (!vpc?.VpcId) {
    throw new Error(`No default VPC in ${region}: create it with 'aws ec2 create-default-vpc --region ${region}'`);
  }
  const subnets = await call(
    'EC2 DescribeSubnets',
    ec2.send(new DescribeSubnetsCommand({
      Filters: [
        { Name: 'vpc-id', Values: [vpc.VpcId] },
        { Name: 'availability-zone', Values: [AvailabilityZone] },
        { Name: 'default-for-az', Values: ['true'] },
      ],
    })),
  );
  const subnet = subnets.Subnets?.[0];
  if (!subnet?.SubnetId) {
    throw new Error(
      `Default VPC ${vpc.VpcId} has no default subnet in ${AvailabilityZone}: ` +
        `create it with 'aws ec2 create-default-subnet --availability-zone ${AvailabilityZone} --region ${region}'`,
    );
  }
  // On Update of the same VPC, the Name to restore stays the one recorded at Create.
  const physicalId = old?.vpcId === vpc.VpcId ? id : encodePhysicalId(vpc.VpcId, nameOf(vpc.Tags));
  await tag(vpc.VpcId, NameTag);
  return {
    PhysicalResourceId: physicalId,
    Data: { VpcId: vpc.VpcId, SubnetId: subnet.SubnetId, CidrBlock: vpc.CidrBlock ?? '' },
  };
}

export const handler = lambdaHandler(onEvent);
