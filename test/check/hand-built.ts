/**
 * A participant's hand-built environment, made through the SDK the way the console makes it (no
 * CloudFormation, no workshop tags), following the text literally: all public subnets named
 * Public-Subnet-a-..., all private ones Private-Subnet-a-..., private route table a named
 * Public-Route-Table-a (b and c corrected), and a flow-log bucket the participant named
 * (the prefix, then their name). Options stop it half way or make one mistake.
 */
import * as ec2 from '@aws-sdk/client-ec2';
import * as iam from '@aws-sdk/client-iam';
import * as s3 from '@aws-sdk/client-s3';
import { CreateLogGroupCommand, PutRetentionPolicyCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateDetectorCommand } from '@aws-sdk/client-guardduty';
import { EnableCommand } from '@aws-sdk/client-inspector2';
import type { AwsClients } from '../../scripts/operator/clients';
import { buildInvestigation } from './hand-built-investigation';

export interface HandBuiltOptions {
  readonly participant: string;
  /** Private-Route-Table-b sends 0.0.0.0/0 to NGW-Public-subnet-10-0-1 (zone a's NAT gateway). */
  readonly wrongNat?: boolean;
  /** Stop after identity and the VPC with its subnets (half done). */
  readonly half?: boolean;
}

const name = (n: string): ec2.TagSpecification['Tags'] => [{ Key: 'Name', Value: n }];
const tagged = (ResourceType: ec2.ResourceType, n: string): ec2.TagSpecification[] => [{ ResourceType, Tags: name(n) }];
const trust = (principal: Record<string, string>) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }] });
const AZ = ['us-east-1a', 'us-east-1b', 'us-east-1c'];

/** Identity and the network side by side (as two browser tabs would), then the instances and the investigation toolkit that need both. */
export async function buildByHand(c: AwsClients, account: string, o: HandBuiltOptions): Promise<void> {
  const [, network] = await Promise.all([buildIdentity(c, account, o.participant), buildNetwork(c, account, o)]);
  if (!network) return;
  await buildInstances(c, account, network);
  await buildInvestigation(c, account, o.participant, network.flowLogBucket);
}

const SSM_ROLE = 'ROLE-AmazonEC2RoleforSSM';

async function buildIdentity(c: AwsClients, account: string, p: string): Promise<void> {
  await c.iam.send(new iam.CreateGroupCommand({ GroupName: `${p}-RO-GROUP` }));
  await c.iam.send(new iam.AttachGroupPolicyCommand({ GroupName: `${p}-RO-GROUP`, PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
  await c.iam.send(new iam.CreateUserCommand({ UserName: `${p}-RO` }));
  await c.iam.send(new iam.AddUserToGroupCommand({ GroupName: `${p}-RO-GROUP`, UserName: `${p}-RO` }));
  await c.iam.send(new iam.CreateLoginProfileCommand({ UserName: `${p}-RO`, Password: 'Initial-Passw0rd!', PasswordResetRequired: true }));
  await c.iam.send(new iam.CreateRoleCommand({ RoleName: `${p}-CROSS-ACCOUNT-ROLE`, AssumeRolePolicyDocument: trust({ AWS: `arn:aws:iam::${account}:root` }) }));
  await c.iam.send(new iam.AttachRolePolicyCommand({ RoleName: `${p}-CROSS-ACCOUNT-ROLE`, PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
  const ssmRole = SSM_ROLE;
  await c.iam.send(new iam.CreateRoleCommand({ RoleName: ssmRole, AssumeRolePolicyDocument: trust({ Service: 'ec2.amazonaws.com' }) }));
  await c.iam.send(new iam.AttachRolePolicyCommand({ RoleName: ssmRole, PolicyArn: 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore' }));
  await c.iam.send(new iam.CreateInstanceProfileCommand({ InstanceProfileName: ssmRole }));
  await c.iam.send(new iam.AddRoleToInstanceProfileCommand({ InstanceProfileName: ssmRole, RoleName: ssmRole }));
}

/** The VPC, subnets, gateways, route tables and flow logs; undefined when stopped half way. */
async function buildNetwork(c: AwsClients, account: string, o: HandBuiltOptions): Promise<{ vpcId: string; privateSubnetA: string; flowLogBucket: string } | undefined> {
  const p = o.participant;
  // The VPC and its subnets, named as the text reads.
  const vpcId = (await c.ec2.send(new ec2.CreateVpcCommand({ CidrBlock: '10.0.0.0/16', TagSpecifications: tagged('vpc', 'VPC-10-0-0-0') }))).Vpc!.VpcId!;
  await c.ec2.send(new ec2.ModifyVpcAttributeCommand({ VpcId: vpcId, EnableDnsHostnames: { Value: true } }));
  const subnet = async (third: number, i: number, kind: 'Public' | 'Private') => {
    const s = await c.ec2.send(new ec2.CreateSubnetCommand({ VpcId: vpcId, CidrBlock: `10.0.${third}.0/24`, AvailabilityZone: AZ[i], TagSpecifications: tagged('subnet', `${kind}-Subnet-a-10-0-${third}`) }));
    if (kind === 'Public') await c.ec2.send(new ec2.ModifySubnetAttributeCommand({ SubnetId: s.Subnet!.SubnetId!, MapPublicIpOnLaunch: { Value: true } }));
    return s.Subnet!.SubnetId!;
  };
  const pub = [await subnet(1, 0, 'Public'), await subnet(2, 1, 'Public'), await subnet(3, 2, 'Public')];
  const priv = [await subnet(4, 0, 'Private'), await subnet(5, 1, 'Private'), await subnet(6, 2, 'Private')];
  if (o.half) return undefined;

  // Internet gateway, public route table, NAT gateways, private route tables.
  const igw = (await c.ec2.send(new ec2.CreateInternetGatewayCommand({ TagSpecifications: tagged('internet-gateway', 'IGW-VPC-10-0-0-0') }))).InternetGateway!.InternetGatewayId!;
  await c.ec2.send(new ec2.AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: vpcId }));
  const routeTable = async (rtName: string, subnets: string[], target: { GatewayId?: string; NatGatewayId?: string }) => {
    const rt = (await c.ec2.send(new ec2.CreateRouteTableCommand({ VpcId: vpcId, TagSpecifications: tagged('route-table', rtName) }))).RouteTable!.RouteTableId!;
    await c.ec2.send(new ec2.CreateRouteCommand({ RouteTableId: rt, DestinationCidrBlock: '0.0.0.0/0', ...target }));
    for (const s of subnets) await c.ec2.send(new ec2.AssociateRouteTableCommand({ RouteTableId: rt, SubnetId: s }));
  };
  await routeTable('Public-Route-Table', pub, { GatewayId: igw });
  const nats: string[] = [];
  for (const [i, s] of pub.entries()) {
    const eip = (await c.ec2.send(new ec2.AllocateAddressCommand({ Domain: 'vpc' }))).AllocationId!;
    nats.push((await c.ec2.send(new ec2.CreateNatGatewayCommand({ SubnetId: s, AllocationId: eip, TagSpecifications: tagged('natgateway', `NGW-Public-subnet-10-0-${i + 1}`) }))).NatGateway!.NatGatewayId!);
  }
  await routeTable('Public-Route-Table-a', [priv[0]], { NatGatewayId: nats[0] });
  await routeTable('Private-Route-Table-b', [priv[1]], { NatGatewayId: o.wrongNat ? nats[0] : nats[1] });
  await routeTable('Private-Route-Table-c', [priv[2]], { NatGatewayId: nats[2] });

  // Flow logs: to CloudWatch Logs (through a delivery role) and to the participant's bucket.
  await c.logs.send(new CreateLogGroupCommand({ logGroupName: 'Flow-logs-VPC-10-0-0-0' }));
  await c.logs.send(new PutRetentionPolicyCommand({ logGroupName: 'Flow-logs-VPC-10-0-0-0', retentionInDays: 7 }));
  const delivery = (await c.iam.send(new iam.CreateRoleCommand({ RoleName: `${p}-flow-logs`, AssumeRolePolicyDocument: trust({ Service: 'vpc-flow-logs.amazonaws.com' }) }))).Role!.Arn!;
  await c.ec2.send(new ec2.CreateFlowLogsCommand({ ResourceIds: [vpcId], ResourceType: 'VPC', TrafficType: 'ALL', LogDestinationType: 'cloud-watch-logs', LogGroupName: 'Flow-logs-VPC-10-0-0-0', DeliverLogsPermissionArn: delivery }));
  const bucket = `s3-vpc-flow-logs-vpc-10-0-0-0-${p.toLowerCase()}`;
  const arn = `arn:aws:s3:::${bucket}`;
  await c.s3.send(new s3.CreateBucketCommand({ Bucket: bucket }));
  await c.s3.send(new s3.PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } }));
  await c.s3.send(new s3.PutBucketEncryptionCommand({ Bucket: bucket, ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] } }));
  const stmt = (Action: string, Resource: string) => ({ Effect: 'Allow', Principal: { Service: 'delivery.logs.amazonaws.com' }, Action, Resource });
  const policy = { Version: '2012-10-17', Statement: [stmt('s3:GetBucketAcl', arn), stmt('s3:PutObject', `${arn}/vpc/AWSLogs/${account}/*`)] };
  await c.s3.send(new s3.PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify(policy) }));
  await c.ec2.send(new ec2.CreateFlowLogsCommand({
    ResourceIds: [vpcId], ResourceType: 'VPC', TrafficType: 'ALL', LogDestinationType: 's3', LogDestination: `${arn}/vpc/`,
    DestinationOptions: { FileFormat: 'plain-text', HiveCompatiblePartitions: false, PerHourPartition: false },
  }));
  return { vpcId, privateSubnetA: priv[0], flowLogBucket: bucket };
}

/** The webserver in the default VPC, Ubuntu and Windows in Private-Subnet-a; GuardDuty and Inspector on. */
async function buildInstances(c: AwsClients, account: string, { vpcId, privateSubnetA }: { vpcId: string; privateSubnetA: string }): Promise<void> {
  const ssmRole = SSM_ROLE;
  const defaultVpc = (await c.ec2.send(new ec2.DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }))).Vpcs![0].VpcId!;
  await c.ec2.send(new ec2.CreateTagsCommand({ Resources: [defaultVpc], Tags: name('Default-VPC') }));
  const defaultSubnet = (await c.ec2.send(new ec2.DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [defaultVpc] }, { Name: 'availability-zone', Values: [AZ[0]] }] }))).Subnets![0].SubnetId!;
  const sg = (await c.ec2.send(new ec2.CreateSecurityGroupCommand({ GroupName: 'http-world', Description: 'HTTP from the world', VpcId: defaultVpc }))).GroupId!;
  await c.ec2.send(new ec2.AuthorizeSecurityGroupIngressCommand({ GroupId: sg, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }));
  const image = (await c.ec2.send(new ec2.DescribeImagesCommand({}))).Images![0].ImageId!;
  const vpcDefaultSg = (await c.ec2.send(new ec2.DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }, { Name: 'group-name', Values: ['default'] }] }))).SecurityGroups![0].GroupId!;
  const launch = (instance: string, type: ec2._InstanceType, SubnetId: string, groups: string[]) =>
    c.ec2.send(new ec2.RunInstancesCommand({
      ImageId: image, InstanceType: type, MinCount: 1, MaxCount: 1, SubnetId, SecurityGroupIds: groups,
      IamInstanceProfile: { Name: ssmRole }, MetadataOptions: { HttpTokens: 'required' }, TagSpecifications: tagged('instance', instance),
    }));
  await launch('webserver-001-default-vpc', 't3.micro', defaultSubnet, [sg]);
  await launch('Ubuntu-instance-001-no-updates', 't3.micro', privateSubnetA, [vpcDefaultSg]);
  await launch('Windows-instance-001', 't3.small', privateSubnetA, [vpcDefaultSg]);

  // Detection: GuardDuty on, Inspector scanning EC2.
  await c.guardduty.send(new CreateDetectorCommand({ Enable: true }));
  await c.inspector2.send(new EnableCommand({ accountIds: [account], resourceTypes: ['EC2'] }));
}
