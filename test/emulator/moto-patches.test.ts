/**
 * Each patch in scripts/emulator/patches makes moto 5.2.1 behave like AWS for our templates.
 * One emulator for the file; each test deploys a small template through CloudFormation
 * and checks the AWS behaviour with the service APIs.
 */
import {
  CloudFormationClient,
  CreateChangeSetCommand,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeChangeSetCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  ListChangeSetsCommand,
  ListExportsCommand,
  ListStackResourcesCommand,
  Stack,
} from '@aws-sdk/client-cloudformation';
import {
  DescribeAddressesCommand,
  DescribeFlowLogsCommand,
  DescribeInstancesCommand,
  DescribeInternetGatewaysCommand,
  DescribeNatGatewaysCommand,
  DescribeRouteTablesCommand,
  DescribeSubnetsCommand,
  DescribeVpcAttributeCommand,
  DescribeVpcsCommand,
  EC2Client,
  Instance,
} from '@aws-sdk/client-ec2';
import {
  DeleteObjectCommand,
  GetBucketEncryptionCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketVersioningCommand,
  GetObjectCommand,
  GetPublicAccessBlockCommand,
  HeadBucketCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import {
  GetGroupCommand,
  GetLoginProfileCommand,
  GetUserCommand,
  IAMClient,
  ListAttachedGroupPoliciesCommand,
  ListAttachedRolePoliciesCommand,
  ListPoliciesCommand,
  ListUserTagsCommand,
} from '@aws-sdk/client-iam';
import { DescribeSecretCommand, GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { AthenaClient, GetNamedQueryCommand, GetWorkGroupCommand, ListNamedQueriesCommand } from '@aws-sdk/client-athena';
import { CloudTrailClient, GetTrailCommand, GetTrailStatusCommand } from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, DescribeMetricFiltersCommand } from '@aws-sdk/client-cloudwatch-logs';
import { GetDatabaseCommand, GetTableCommand, GlueClient } from '@aws-sdk/client-glue';
import { GetResourcesCommand, ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import { GetTopicAttributesCommand, SNSClient } from '@aws-sdk/client-sns';
import { Emulator, startEmulator } from '../../scripts/emulator/emulator';
import { emulatorConfig } from '../operator/support';

jest.setTimeout(60_000);

let emu: Emulator;
let cfn: CloudFormationClient;
let ec2: EC2Client;
let s3: S3Client;
let ssm: SSMClient;
let iam: IAMClient;
let secrets: SecretsManagerClient;
let glue: GlueClient;
let athena: AthenaClient;
let cloudtrail: CloudTrailClient;
let cloudwatch: CloudWatchClient;
let logs: CloudWatchLogsClient;
let sns: SNSClient;
let tagging: ResourceGroupsTaggingAPIClient;

beforeAll(async () => {
  emu = await startEmulator();
  const config = emulatorConfig(emu);
  cfn = new CloudFormationClient(config);
  ec2 = new EC2Client(config);
  s3 = new S3Client({ ...config, forcePathStyle: true });
  ssm = new SSMClient(config);
  iam = new IAMClient(config);
  secrets = new SecretsManagerClient(config);
  glue = new GlueClient(config);
  athena = new AthenaClient(config);
  cloudtrail = new CloudTrailClient(config);
  cloudwatch = new CloudWatchClient(config);
  logs = new CloudWatchLogsClient(config);
  sns = new SNSClient(config);
  tagging = new ResourceGroupsTaggingAPIClient(config);
});

afterAll(async () => {
  for (const c of [cfn, ec2, s3, ssm, iam, secrets, glue, athena, cloudtrail, cloudwatch, logs, sns, tagging]) c?.destroy();
  await emu?.stop();
});

/** Polls DescribeStacks until the stack leaves *_IN_PROGRESS (or is gone); bounded. */
async function settle(stackName: string, timeoutMs = 20_000): Promise<Stack | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let stack: Stack | undefined;
    try {
      stack = (await cfn.send(new DescribeStacksCommand({ StackName: stackName }))).Stacks?.[0];
    } catch (e) {
      if (/does not exist/.test(String((e as Error).message))) return undefined;
      throw e;
    }
    if (!stack?.StackStatus?.endsWith('_IN_PROGRESS')) return stack;
    if (Date.now() > deadline) throw new Error(`${stackName} still ${stack.StackStatus} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function deploy(stackName: string, template: object): Promise<Stack | undefined> {
  await cfn.send(new CreateStackCommand({ StackName: stackName, TemplateBody: JSON.stringify(template) }));
  return settle(stackName);
}

async function destroy(stackName: string): Promise<Stack | undefined> {
  await cfn.send(new DeleteStackCommand({ StackName: stackName }));
  return settle(stackName);
}

async function physicalIds(stackName: string): Promise<Record<string, string>> {
  const res = await cfn.send(new ListStackResourcesCommand({ StackName: stackName }));
  return Object.fromEntries((res.StackResourceSummaries ?? []).map((r) => [r.LogicalResourceId!, r.PhysicalResourceId!]));
}

async function events(stackName: string): Promise<string[]> {
  const res = await cfn.send(new DescribeStackEventsCommand({ StackName: stackName }));
  return (res.StackEvents ?? []).map((e) => `${e.LogicalResourceId} ${e.ResourceStatus} ${e.ResourceStatusReason ?? ''}`.trim());
}

const ssmAmi = (name: string) => ({ Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>', Default: name });
const UBUNTU = '/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id';
const WINDOWS = '/aws/service/ami-windows-latest/Windows_Server-2025-English-Full-Base';
const AL2023 = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';

const nameTag = (value: unknown) => [{ Key: 'Name', Value: value }, { Key: 'team', Value: 'blue' }];

const NETWORK_TEMPLATE = {
  Parameters: { UbuntuAmi: ssmAmi(UBUNTU), WindowsAmi: ssmAmi(WINDOWS) },
  Resources: {
    Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.20.0.0/16', EnableDnsHostnames: true, EnableDnsSupport: true } },
    Igw: { Type: 'AWS::EC2::InternetGateway', Properties: { Tags: nameTag('igw') } },
    IgwAttachment: { Type: 'AWS::EC2::VPCGatewayAttachment', Properties: { VpcId: { Ref: 'Vpc' }, InternetGatewayId: { Ref: 'Igw' } } },
    Public: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.20.0.0/24', MapPublicIpOnLaunch: true } },
    Private: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.20.1.0/24' } },
    PublicRt: { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: { Ref: 'Vpc' }, Tags: nameTag({ 'Fn::Sub': 'public-${AWS::Region}' }) } },
    PublicAssoc: { Type: 'AWS::EC2::SubnetRouteTableAssociation', Properties: { SubnetId: { Ref: 'Public' }, RouteTableId: { Ref: 'PublicRt' } } },
    PublicDefault: {
      Type: 'AWS::EC2::Route',
      DependsOn: 'IgwAttachment',
      Properties: { RouteTableId: { Ref: 'PublicRt' }, DestinationCidrBlock: '0.0.0.0/0', GatewayId: { Ref: 'Igw' } },
    },
    NatEip: { Type: 'AWS::EC2::EIP', Properties: { Domain: 'vpc', Tags: nameTag('nat-eip') } },
    Nat: {
      Type: 'AWS::EC2::NatGateway',
      Properties: { SubnetId: { Ref: 'Public' }, AllocationId: { 'Fn::GetAtt': ['NatEip', 'AllocationId'] }, Tags: nameTag('nat') },
    },
    PrivateRt: { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: { Ref: 'Vpc' } } },
    PrivateAssoc: { Type: 'AWS::EC2::SubnetRouteTableAssociation', Properties: { SubnetId: { Ref: 'Private' }, RouteTableId: { Ref: 'PrivateRt' } } },
    PrivateDefault: { Type: 'AWS::EC2::Route', Properties: { RouteTableId: { Ref: 'PrivateRt' }, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: { Ref: 'Nat' } } },
    LogBucket: {
      Type: 'AWS::S3::Bucket',
      Properties: {
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        VersioningConfiguration: { Status: 'Enabled' },
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      },
    },
    FlowLog: {
      Type: 'AWS::EC2::FlowLog',
      Properties: {
        ResourceId: { Ref: 'Vpc' },
        ResourceType: 'VPC',
        TrafficType: 'ALL',
        LogDestinationType: 's3',
        LogDestination: { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['LogBucket', 'Arn'] }, '/vpc/']] },
        MaxAggregationInterval: 60,
        DestinationOptions: { FileFormat: 'parquet', HiveCompatiblePartitions: true, PerHourPartition: false },
      },
    },
    Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'web', VpcId: { Ref: 'Vpc' } } },
    Role: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
        },
        ManagedPolicyArns: [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/AmazonSSMManagedInstanceCore' }],
      },
    },
    Profile: { Type: 'AWS::IAM::InstanceProfile', Properties: { Roles: [{ Ref: 'Role' }] } },
    Web: {
      Type: 'AWS::EC2::Instance',
      Properties: {
        ImageId: { Ref: 'UbuntuAmi' },
        InstanceType: 't3.micro',
        SubnetId: { Ref: 'Public' },
        SecurityGroupIds: [{ 'Fn::GetAtt': ['Sg', 'GroupId'] }],
        IamInstanceProfile: { Ref: 'Profile' },
        MetadataOptions: { HttpTokens: 'required', HttpPutResponseHopLimit: 2 },
      },
    },
    Win: {
      Type: 'AWS::EC2::Instance',
      Properties: {
        ImageId: { Ref: 'WindowsAmi' },
        InstanceType: 't3.micro',
        NetworkInterfaces: [{ DeviceIndex: '0', SubnetId: { Ref: 'Private' }, GroupSet: [{ Ref: 'Sg' }] }],
      },
    },
  },
};

describe('EC2 through CloudFormation', () => {
  test('VPC with NAT, flow log to an S3 folder, instances: created as on AWS and fully deleted', async () => {
    const created = await deploy('net', NETWORK_TEMPLATE);
    expect(created?.StackStatus).toBe('CREATE_COMPLETE');
    const ids = await physicalIds('net');

    // ec2_flow_logs_s3_folder: the folder in the destination ARN is accepted and kept.
    const flowLogs = (await ec2.send(new DescribeFlowLogsCommand({ FlowLogIds: [ids.FlowLog] }))).FlowLogs ?? [];
    expect(flowLogs.map((f) => f.LogDestination)).toEqual([`arn:aws:s3:::${ids.LogBucket}/vpc/`]);
    // ec2_flow_logs_destination_options: DestinationOptions kept and returned; MaxAggregationInterval as given.
    expect(flowLogs[0].DestinationOptions).toEqual({ FileFormat: 'parquet', HiveCompatiblePartitions: true, PerHourPartition: false });
    expect(flowLogs[0].MaxAggregationInterval).toBe(60);

    // cfn_ec2_resource_tags: the resources' own Tags (Name) next to the stack tags; EIP tags on the allocation.
    const tagsOf = (tags: { Key?: string; Value?: string }[] | undefined) => Object.fromEntries((tags ?? []).map((t) => [t.Key, t.Value]));
    const own = (name: string, logicalId: string) => ({ Name: name, team: 'blue', 'aws:cloudformation:stack-name': 'net', 'aws:cloudformation:logical-id': logicalId });
    const [igw] = (await ec2.send(new DescribeInternetGatewaysCommand({ InternetGatewayIds: [ids.Igw] }))).InternetGateways ?? [];
    expect(tagsOf(igw.Tags)).toMatchObject(own('igw', 'Igw'));
    const [nat] = (await ec2.send(new DescribeNatGatewaysCommand({ NatGatewayIds: [ids.Nat] }))).NatGateways ?? [];
    expect(tagsOf(nat.Tags)).toMatchObject(own('nat', 'Nat'));
    const [eip] = (await ec2.send(new DescribeAddressesCommand({ PublicIps: [ids.NatEip] }))).Addresses ?? [];
    expect(tagsOf(eip.Tags)).toMatchObject(own('nat-eip', 'NatEip'));

    // cfn_ec2_vpc_dns_attributes: EnableDnsHostnames / EnableDnsSupport as in the template.
    const hostnames = await ec2.send(new DescribeVpcAttributeCommand({ VpcId: ids.Vpc, Attribute: 'enableDnsHostnames' }));
    const support = await ec2.send(new DescribeVpcAttributeCommand({ VpcId: ids.Vpc, Attribute: 'enableDnsSupport' }));
    expect([hostnames.EnableDnsHostnames?.Value, support.EnableDnsSupport?.Value]).toEqual([true, true]);

    // cfn_s3_bucket_configuration: public access block, ownership controls, versioning (encryption is moto's own).
    const pab = await s3.send(new GetPublicAccessBlockCommand({ Bucket: ids.LogBucket }));
    expect(pab.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true });
    const ownership = await s3.send(new GetBucketOwnershipControlsCommand({ Bucket: ids.LogBucket }));
    expect(ownership.OwnershipControls?.Rules).toEqual([{ ObjectOwnership: 'BucketOwnerEnforced' }]);
    expect((await s3.send(new GetBucketVersioningCommand({ Bucket: ids.LogBucket }))).Status).toBe('Enabled');
    const encryption = await s3.send(new GetBucketEncryptionCommand({ Bucket: ids.LogBucket }));
    expect(encryption.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm).toBe('AES256');

    // cfn_iam_role_managed_policy_arns (+ MOTO_IAM_LOAD_MANAGED_POLICIES): the AWS managed policy is attached.
    const rolePolicies = (await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: ids.Role }))).AttachedPolicies ?? [];
    expect(rolePolicies.map((p) => p.PolicyArn)).toEqual(['arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore']);

    // cfn_ec2_subnet_route_table_association: the route tables list their subnet associations.
    expect(ids.PublicAssoc).toMatch(/^rtbassoc-/);
    const tables = (await ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [ids.PublicRt, ids.PrivateRt] }))).RouteTables ?? [];
    const assoc = Object.fromEntries(tables.map((t) => [t.RouteTableId, (t.Associations ?? []).map((a) => [a.SubnetId, a.RouteTableAssociationId])]));
    // cfn_ec2_resource_tags: Tags with an intrinsic function, resolved.
    expect(tagsOf(tables.find((t) => t.RouteTableId === ids.PublicRt)?.Tags)).toMatchObject(own('public-us-east-1', 'PublicRt'));
    expect(assoc[ids.PublicRt]).toEqual([[ids.Public, ids.PublicAssoc]]);
    expect(assoc[ids.PrivateRt]).toEqual([[ids.Private, ids.PrivateAssoc]]);

    // cfn_ec2_subnet_instance_properties: MapPublicIpOnLaunch as in the template.
    const subnets = (await ec2.send(new DescribeSubnetsCommand({ SubnetIds: [ids.Public, ids.Private] }))).Subnets ?? [];
    expect(Object.fromEntries(subnets.map((s) => [s.SubnetId, s.MapPublicIpOnLaunch]))).toEqual({ [ids.Public]: true, [ids.Private]: false });

    // ssm_public_ami_parameters: the AMI parameters resolve to images moto's EC2 has.
    const ubuntuAmi = (await ssm.send(new GetParameterCommand({ Name: UBUNTU }))).Parameter?.Value;
    const windowsAmi = (await ssm.send(new GetParameterCommand({ Name: WINDOWS }))).Parameter?.Value;
    const al2023Ami = (await ssm.send(new GetParameterCommand({ Name: AL2023 }))).Parameter?.Value;
    expect([ubuntuAmi, windowsAmi, al2023Ami]).toEqual([expect.stringMatching(/^ami-/), expect.stringMatching(/^ami-/), expect.stringMatching(/^ami-/)]);

    // cfn_ec2_subnet_instance_properties: SecurityGroupIds / GroupSet, profile, metadata options, public IP.
    const reservations = (await ec2.send(new DescribeInstancesCommand({ InstanceIds: [ids.Web, ids.Win] }))).Reservations ?? [];
    const byId: Record<string, Instance> = Object.fromEntries(reservations.flatMap((r) => r.Instances ?? []).map((i) => [i.InstanceId, i]));
    const web = byId[ids.Web];
    const win = byId[ids.Win];
    expect(web.ImageId).toBe(ubuntuAmi);
    expect(win.ImageId).toBe(windowsAmi);
    expect(win.Platform).toBe('windows');
    expect(web.SecurityGroups?.map((g) => g.GroupId)).toEqual([ids.Sg]);
    expect(win.SecurityGroups?.map((g) => g.GroupId)).toEqual([ids.Sg]);
    expect(win.SubnetId).toBe(ids.Private);
    expect(web.IamInstanceProfile?.Arn).toMatch(new RegExp(`instance-profile/${ids.Profile}$`));
    expect(web.MetadataOptions).toMatchObject({ HttpTokens: 'required', HttpPutResponseHopLimit: 2 });
    expect(web.PublicIpAddress).toBeDefined();

    // cfn_ec2_resource_deletes: DeleteStack leaves nothing behind.
    const deleted = await destroy('net');
    expect(deleted).toBeUndefined();
    const nats = (await ec2.send(new DescribeNatGatewaysCommand({ NatGatewayIds: [ids.Nat] }))).NatGateways ?? [];
    expect(nats.map((n) => n.State)).toEqual(['deleted']);
    const addresses = (await ec2.send(new DescribeAddressesCommand({}))).Addresses ?? [];
    expect(addresses.filter((a) => a.PublicIp === ids.NatEip)).toEqual([]);
    const vpcs = (await ec2.send(new DescribeVpcsCommand({}))).Vpcs ?? [];
    expect(vpcs.map((v) => v.VpcId)).not.toContain(ids.Vpc);
    const igws = (await ec2.send(new DescribeInternetGatewaysCommand({}))).InternetGateways ?? [];
    expect(igws.map((i) => i.InternetGatewayId)).not.toContain(ids.Igw);
    const remainingTables = (await ec2.send(new DescribeRouteTablesCommand({}))).RouteTables ?? [];
    expect(remainingTables.map((t) => t.RouteTableId)).not.toEqual(expect.arrayContaining([ids.PublicRt]));
    expect(remainingTables.map((t) => t.RouteTableId)).not.toEqual(expect.arrayContaining([ids.PrivateRt]));
    const remainingFlowLogs = (await ec2.send(new DescribeFlowLogsCommand({}))).FlowLogs ?? [];
    expect(remainingFlowLogs.map((f) => f.FlowLogId)).not.toContain(ids.FlowLog);
  });
});

/** Inline CommonJS handler: answers with global fetch; behaviour chosen by ResourceProperties. */
const RESPONDER = `
exports.handler = async (event, context) => {
  const p = event.ResourceProperties;
  if (event.RequestType === 'Create' && p.Silent === 'yes') return new Promise((r) => setTimeout(r, 9000));
  if (event.RequestType === 'Delete' && p.SlowDelete === 'yes') await new Promise((r) => setTimeout(r, 1500));
  const failed = (event.RequestType === 'Create' && p.FailCreate === 'yes') || (event.RequestType === 'Delete' && p.FailDelete === 'yes');
  const body = {
    Status: failed ? 'FAILED' : 'SUCCESS',
    Reason: failed ? 'refused ' + event.RequestType + ' by test' : 'ok',
    PhysicalResourceId: event.PhysicalResourceId || 'greeter-' + context.awsRequestId,
    StackId: event.StackId, RequestId: event.RequestId, LogicalResourceId: event.LogicalResourceId,
    Data: { Greeting: 'hello ' + p.Name, Remaining: String(context.getRemainingTimeInMillis() > 0) },
  };
  await fetch(event.ResponseURL, { method: 'PUT', body: JSON.stringify(body) });
};`;

/** Inline handler using AWS SDK v3 from the "runtime": empties the bucket on Delete. */
const EMPTIER = `
const { S3Client, ListObjectsV2Command, DeleteObjectsCommand } = require('@aws-sdk/client-s3');
exports.handler = async (event) => {
  let status = 'SUCCESS', reason = 'ok';
  try {
    if (event.RequestType === 'Delete') {
      const s3 = new S3Client({});
      const bucket = event.ResourceProperties.BucketName;
      const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
      const keys = (listed.Contents || []).map((o) => ({ Key: o.Key }));
      if (keys.length) await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys } }));
    }
  } catch (e) { status = 'FAILED'; reason = String(e); }
  await fetch(event.ResponseURL, { method: 'PUT', body: JSON.stringify({ Status: status, Reason: reason,
    PhysicalResourceId: 'emptier', StackId: event.StackId, RequestId: event.RequestId, LogicalResourceId: event.LogicalResourceId }) });
};`;

function customResourceTemplate(props: Record<string, string>, extra: Record<string, unknown> = {}) {
  const fn = (code: string) => ({
    Type: 'AWS::Lambda::Function',
    Properties: { Runtime: 'nodejs20.x', Handler: 'index.handler', Timeout: 10, Role: { 'Fn::GetAtt': ['FnRole', 'Arn'] }, Code: { ZipFile: code } },
  });
  return {
    Resources: {
      FnRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
          },
        },
      },
      Responder: fn(RESPONDER),
      Emptier: fn(EMPTIER),
      Greeter: { Type: 'Custom::Greeter', Properties: { ServiceToken: { 'Fn::GetAtt': ['Responder', 'Arn'] }, Name: 'world', ...props } },
      ...extra,
    },
    Outputs: {
      Greeting: { Value: { 'Fn::GetAtt': ['Greeter', 'Greeting'] } },
      Remaining: { Value: { 'Fn::GetAtt': ['Greeter', 'Remaining'] } },
      GreeterId: { Value: { Ref: 'Greeter' } },
    },
  };
}

describe('change sets (how cdk deploy deploys)', () => {
  test('ExecuteChangeSet gives the stack its Outputs and registers its Exports', async () => {
    const template = {
      Resources: { Param: { Type: 'AWS::SSM::Parameter', Properties: { Name: '/test/cs', Type: 'String', Value: 'v' } } },
      Outputs: { ParamName: { Value: { Ref: 'Param' }, Export: { Name: 'cs-param-name' } } },
    };
    await cfn.send(new CreateChangeSetCommand({ StackName: 'cs', ChangeSetName: 'c1', ChangeSetType: 'CREATE', TemplateBody: JSON.stringify(template) }));
    await cfn.send(new ExecuteChangeSetCommand({ StackName: 'cs', ChangeSetName: 'c1' }));
    const stack = await settle('cs');
    expect(stack?.StackStatus).toBe('CREATE_COMPLETE');
    expect(stack?.Outputs).toEqual([expect.objectContaining({ OutputKey: 'ParamName', OutputValue: '/test/cs', ExportName: 'cs-param-name' })]);
    const exports = (await cfn.send(new ListExportsCommand({}))).Exports ?? [];
    expect(exports).toEqual(expect.arrayContaining([expect.objectContaining({ Name: 'cs-param-name', Value: '/test/cs' })]));
    expect(await destroy('cs')).toBeUndefined();
  });

  // cdk deploy names every stack's change set 'cdk-deploy-change-set'; --concurrency runs several at once.
  test('change set names are per stack: Describe/Execute/List act on the change set of StackName', async () => {
    const CS = 'cdk-deploy-change-set';
    const paramStack = (name: string) => ({
      Resources: { Param: { Type: 'AWS::SSM::Parameter', Properties: { Name: `/test/${name}`, Type: 'String', Value: name } } },
      Outputs: { Name: { Value: { Ref: 'Param' } } },
    });
    for (const name of ['scope-a', 'scope-b']) {
      await cfn.send(new CreateChangeSetCommand({ StackName: name, ChangeSetName: CS, ChangeSetType: 'CREATE', TemplateBody: JSON.stringify(paramStack(name)) }));
    }
    const described = await cfn.send(new DescribeChangeSetCommand({ StackName: 'scope-a', ChangeSetName: CS }));
    expect(described.StackName).toBe('scope-a');
    const listed = (await cfn.send(new ListChangeSetsCommand({ StackName: 'scope-b' }))).Summaries ?? [];
    expect(listed.map((c) => [c.StackName, c.ChangeSetName])).toEqual([['scope-b', CS]]);
    await expect(cfn.send(new DescribeChangeSetCommand({ StackName: 'scope-a', ChangeSetName: 'other' }))).rejects.toMatchObject({ name: 'ChangeSetNotFoundException' });

    // a first, then b: each executes its own change set (moto ran b's twice and left a REVIEW_IN_PROGRESS).
    await cfn.send(new ExecuteChangeSetCommand({ StackName: 'scope-a', ChangeSetName: CS }));
    await cfn.send(new ExecuteChangeSetCommand({ StackName: 'scope-b', ChangeSetName: CS }));
    for (const name of ['scope-a', 'scope-b']) {
      const stack = await settle(name);
      expect([stack?.StackStatus, stack?.Outputs?.[0]?.OutputValue]).toEqual(['CREATE_COMPLETE', `/test/${name}`]);
      expect(await destroy(name)).toBeUndefined();
    }
  });

  test('Fn::ImportValue in a change set resolves an export of another stack; DescribeStacks answers after the delete', async () => {
    const exporter = {
      Resources: {
        Role: {
          Type: 'AWS::IAM::Role',
          Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] } },
        },
        Profile: { Type: 'AWS::IAM::InstanceProfile', Properties: { InstanceProfileName: 'imp-profile', Roles: [{ Ref: 'Role' }] } },
      },
      Outputs: { ProfileName: { Value: { Ref: 'Profile' }, Export: { Name: 'imp-exporter:ProfileName' } } },
    };
    const importer = {
      Resources: { Param: { Type: 'AWS::SSM::Parameter', Properties: { Name: '/test/imported', Type: 'String', Value: { 'Fn::ImportValue': 'imp-exporter:ProfileName' } } } },
      Outputs: { Imported: { Value: { 'Fn::GetAtt': ['Param', 'Value'] } } },
    };
    for (const [name, template] of [['imp-exporter', exporter], ['imp-importer', importer]] as const) {
      await cfn.send(new CreateChangeSetCommand({ StackName: name, ChangeSetName: 'c', ChangeSetType: 'CREATE', TemplateBody: JSON.stringify(template) }));
      await cfn.send(new ExecuteChangeSetCommand({ StackName: name, ChangeSetName: 'c' }));
      expect((await settle(name))?.StackStatus).toBe('CREATE_COMPLETE');
    }
    expect((await ssm.send(new GetParameterCommand({ Name: '/test/imported' }))).Parameter?.Value).toBe('imp-profile');
    expect(await destroy('imp-importer')).toBeUndefined();

    // cfn_stack_delete: the deleted stack (by id) still shows its last Outputs; moto answered HTTP 500 (KeyError).
    const stackId = (await settle('imp-exporter'))!.StackId!;
    expect(await destroy('imp-exporter')).toBeUndefined();
    const gone = (await cfn.send(new DescribeStacksCommand({ StackName: stackId }))).Stacks?.[0];
    expect(gone?.StackStatus).toBe('DELETE_COMPLETE');
    expect(gone?.Outputs).toEqual([expect.objectContaining({ OutputKey: 'ProfileName', OutputValue: 'imp-profile', ExportName: 'imp-exporter:ProfileName' })]);
    const exports = (await cfn.send(new ListExportsCommand({}))).Exports ?? [];
    expect(exports.map((e) => e.Name)).not.toContain('imp-exporter:ProfileName');
  });
});

describe('IAM groups, users, managed policies and secrets through CloudFormation', () => {
  test('group (with member and policy) and generated secret are created as on AWS and deleted with the stack', async () => {
    const template = {
      Resources: {
        Policy: {
          Type: 'AWS::IAM::ManagedPolicy',
          Properties: { ManagedPolicyName: 'iam-test-policy', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }] } },
        },
        Group: {
          Type: 'AWS::IAM::Group',
          Properties: { GroupName: 'iam-test-group', ManagedPolicyArns: [{ Ref: 'Policy' }, 'arn:aws:iam::aws:policy/ReadOnlyAccess'] },
        },
        Password: {
          Type: 'AWS::SecretsManager::Secret',
          Properties: { Name: 'iam-test-password', GenerateSecretString: { PasswordLength: 20, ExcludeCharacters: '"@/\\ ', RequireEachIncludedType: true } },
        },
        User: {
          Type: 'AWS::IAM::User',
          Properties: {
            UserName: 'iam-test-user',
            Groups: [{ Ref: 'Group' }],
            // How CDK writes SecretValue.secretsManager(): a dynamic reference built with Fn::Join.
            LoginProfile: { Password: { 'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: 'Password' }, ':SecretString:::}}']] }, PasswordResetRequired: true },
            Tags: [{ Key: 'team', Value: 'blue' }],
          },
        },
        // cfn_dynamic_reference_secretsmanager: the reference resolves, also with a JSON key, anywhere in a string.
        Config: {
          Type: 'AWS::SecretsManager::Secret',
          Properties: { Name: 'iam-test-config', SecretString: '{"user":"alice","port":"8080"}' },
        },
        Resolved: {
          Type: 'AWS::SSM::Parameter',
          Properties: {
            Name: '/test/resolved',
            Type: 'String',
            Value: { 'Fn::Sub': 'user={{resolve:secretsmanager:${Config}:SecretString:user}} port={{resolve:secretsmanager:iam-test-config:SecretString:port::}}' },
          },
        },
      },
      Outputs: { GroupRef: { Value: { Ref: 'Group' } }, GroupArn: { Value: { 'Fn::GetAtt': ['Group', 'Arn'] } }, SecretRef: { Value: { Ref: 'Password' } } },
    };
    const stack = await deploy('iam', template);
    expect(stack?.StackStatus).toBe('CREATE_COMPLETE');
    const outputs = Object.fromEntries((stack?.Outputs ?? []).map((o) => [o.OutputKey, o.OutputValue]));
    expect(outputs.GroupRef).toBe('iam-test-group');
    expect(outputs.GroupArn).toBe('arn:aws:iam::123456789012:group/iam-test-group');
    expect(outputs.SecretRef).toMatch(/^arn:aws:secretsmanager:us-east-1:123456789012:secret:iam-test-password-/);
    const group = await iam.send(new GetGroupCommand({ GroupName: 'iam-test-group' }));
    expect(group.Users?.map((u) => u.UserName)).toEqual(['iam-test-user']);
    const attached = (await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: 'iam-test-group' }))).AttachedPolicies ?? [];
    // MOTO_IAM_LOAD_MANAGED_POLICIES: the AWS managed policy exists and is attached.
    expect(attached.map((a) => a.PolicyName).sort()).toEqual(['ReadOnlyAccess', 'iam-test-policy']);
    const password = (await secrets.send(new GetSecretValueCommand({ SecretId: 'iam-test-password' }))).SecretString ?? '';
    expect(password).toHaveLength(20);
    expect(password).not.toMatch(/["@/\\ ]/);

    // cfn_iam_user_login_profile: console password (the resolved secret) with reset required; user tags.
    const profile = await iam.send(new GetLoginProfileCommand({ UserName: 'iam-test-user' }));
    expect(profile.LoginProfile).toMatchObject({ UserName: 'iam-test-user', PasswordResetRequired: true });
    expect((await iam.send(new ListUserTagsCommand({ UserName: 'iam-test-user' }))).Tags).toEqual([{ Key: 'team', Value: 'blue' }]);
    // cfn_dynamic_reference_secretsmanager: no literal reference reaches the resource.
    expect((await ssm.send(new GetParameterCommand({ Name: '/test/resolved' }))).Parameter?.Value).toBe('user=alice port=8080');

    expect(await destroy('iam')).toBeUndefined();
    await expect(iam.send(new GetGroupCommand({ GroupName: 'iam-test-group' }))).rejects.toThrow();
    await expect(iam.send(new GetUserCommand({ UserName: 'iam-test-user' }))).rejects.toThrow();
    const local = (await iam.send(new ListPoliciesCommand({ Scope: 'Local' }))).Policies ?? [];
    expect(local.map((p) => p.PolicyName)).not.toContain('iam-test-policy');
    await expect(secrets.send(new DescribeSecretCommand({ SecretId: 'iam-test-password' }))).rejects.toThrow();
  });
});

describe('S3 bucket delete through CloudFormation', () => {
  test('a non-empty bucket makes DeleteStack end DELETE_FAILED; once emptied, the stack deletes', async () => {
    expect((await deploy('full-bucket', { Resources: { Bucket: { Type: 'AWS::S3::Bucket' } } }))?.StackStatus).toBe('CREATE_COMPLETE');
    const bucket = (await physicalIds('full-bucket')).Bucket;
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'k', Body: 'x' }));
    const failed = await destroy('full-bucket');
    expect(failed?.StackStatus).toBe('DELETE_FAILED');
    expect(await events('full-bucket')).toEqual(expect.arrayContaining([expect.stringMatching(/^Bucket DELETE_FAILED The bucket you tried to delete is not empty/)]));
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'k' }));
    expect(await destroy('full-bucket')).toBeUndefined();
    await expect(s3.send(new HeadBucketCommand({ Bucket: bucket }))).rejects.toThrow();
  });
});

describe('custom resources (Node.js inline Lambda run by the emulator)', () => {
  test('Create waits for SUCCESS: GetAtt reads Data; Delete runs before the bucket it empties', async () => {
    const template = customResourceTemplate(
      {},
      {
        Bucket: { Type: 'AWS::S3::Bucket' },
        EmptyBucket: {
          Type: 'Custom::EmptyBucket',
          Properties: { ServiceToken: { 'Fn::GetAtt': ['Emptier', 'Arn'] }, BucketName: { Ref: 'Bucket' } },
        },
        // Created after the custom resource and reading its Data, like a CDK consumer.
        Consumer: { Type: 'AWS::SSM::Parameter', Properties: { Name: '/test/greeting', Type: 'String', Value: { 'Fn::GetAtt': ['Greeter', 'Greeting'] } } },
      },
    );
    const stack = await deploy('cr-ok', template);
    expect(stack?.StackStatus).toBe('CREATE_COMPLETE');
    const outputs = Object.fromEntries((stack?.Outputs ?? []).map((o) => [o.OutputKey, o.OutputValue]));
    expect(outputs.Greeting).toBe('hello world');
    expect(outputs.Remaining).toBe('true');
    expect(outputs.GreeterId).toMatch(/^greeter-/);
    expect((await ssm.send(new GetParameterCommand({ Name: '/test/greeting' }))).Parameter?.Value).toBe('hello world');

    const bucket = (await physicalIds('cr-ok')).Bucket;
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'flow/log.gz', Body: 'x' }));
    const deleted = await destroy('cr-ok');
    expect(deleted).toBeUndefined();
    await expect(s3.send(new HeadBucketCommand({ Bucket: bucket }))).rejects.toThrow();
  });

  test('a FAILED answer on Create fails the resource with its Reason and rolls the stack back', async () => {
    const stack = await deploy('cr-fail', customResourceTemplate({ FailCreate: 'yes' }));
    expect(stack?.StackStatus).toBe('ROLLBACK_COMPLETE');
    expect(await events('cr-fail')).toEqual(
      expect.arrayContaining([
        'Greeter CREATE_FAILED Received response status [FAILED] from custom resource. Message returned: refused Create by test',
        'cr-fail ROLLBACK_COMPLETE',
      ]),
    );
    expect(await destroy('cr-fail')).toBeUndefined();
  });

  test('no answer: the resource fails after its ServiceTimeout, not after the function timeout', async () => {
    const started = Date.now();
    const stack = await deploy('cr-silent', customResourceTemplate({ Silent: 'yes', ServiceTimeout: '2' }));
    expect(Date.now() - started).toBeLessThan(8_000); // the function's Timeout is 10 s
    expect(stack?.StackStatus).toBe('ROLLBACK_COMPLETE');
    expect(await events('cr-silent')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Greeter CREATE_FAILED .*CloudFormation did not receive a response from your Custom Resource/)]),
    );
    expect(await destroy('cr-silent')).toBeUndefined();
  });

  test('while a stack deletes, it is found by its id: DescribeStackEvents answers throughout (cdk destroy polls it)', async () => {
    const created = await deploy('cr-slow', customResourceTemplate({ SlowDelete: 'yes' }));
    expect(created?.StackStatus).toBe('CREATE_COMPLETE');
    const deleting = cfn.send(new DeleteStackCommand({ StackName: 'cr-slow' }));
    const answers: string[] = [];
    let done = false;
    void deleting.finally(() => (done = true));
    while (!done) {
      const r = await cfn.send(new DescribeStackEventsCommand({ StackName: created!.StackId })).then(
        (x) => x.StackEvents?.[0]?.ResourceStatus ?? 'none',
        (e: Error) => `error: ${e.message}`,
      );
      answers.push(r);
      await new Promise((r) => setTimeout(r, 100));
    }
    await deleting;
    expect(answers.length).toBeGreaterThan(3);
    expect(answers.filter((a) => a.startsWith('error'))).toEqual([]);
    expect((await cfn.send(new DescribeStackEventsCommand({ StackName: created!.StackId }))).StackEvents?.[0]?.ResourceStatus).toBe('DELETE_COMPLETE');
  });

  test('a FAILED answer on Delete leaves the resource DELETE_FAILED and the stack DELETE_FAILED', async () => {
    expect((await deploy('cr-keep', customResourceTemplate({ FailDelete: 'yes' })))?.StackStatus).toBe('CREATE_COMPLETE');
    const stack = await destroy('cr-keep');
    expect(stack?.StackStatus).toBe('DELETE_FAILED');
    expect(await events('cr-keep')).toEqual(
      expect.arrayContaining(['Greeter DELETE_FAILED Received response status [FAILED] from custom resource. Message returned: refused Delete by test']),
    );
  });
});

/** The investigation stack's types, in small: Glue, Athena, CloudTrail, metric filter + alarm, bucket and topic policies. */
const INVESTIGATION_TEMPLATE = {
  Resources: {
    Logs: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: 'inv-flow-logs' } },
    Filter: {
      Type: 'AWS::Logs::MetricFilter',
      Properties: {
        FilterName: 'inv-rejected',
        LogGroupName: { Ref: 'Logs' },
        FilterPattern: '[version, account_id, action = "REJECT", log_status]',
        MetricTransformations: [{ MetricName: 'Rejected', MetricNamespace: 'Inv/FlowLogs', MetricValue: '1' }],
      },
    },
    Topic: { Type: 'AWS::SNS::Topic', Properties: { TopicName: 'inv-alarms' } },
    TopicPolicy: {
      Type: 'AWS::SNS::TopicPolicy',
      Properties: {
        Topics: [{ Ref: 'Topic' }],
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [{ Sid: 'TlsOnly', Effect: 'Deny', Principal: '*', Action: 'sns:Publish', Resource: { Ref: 'Topic' }, Condition: { Bool: { 'aws:SecureTransport': 'false' } } }],
        },
      },
    },
    Alarm: {
      Type: 'AWS::CloudWatch::Alarm',
      Properties: {
        AlarmName: 'inv-rejected-spike',
        Namespace: 'Inv/FlowLogs',
        MetricName: 'Rejected',
        Statistic: 'Sum',
        Period: 300,
        EvaluationPeriods: 1,
        Threshold: 42,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
        AlarmActions: [{ Ref: 'Topic' }],
      },
    },
    Bucket: { Type: 'AWS::S3::Bucket' },
    BucketPolicy: {
      Type: 'AWS::S3::BucketPolicy',
      Properties: {
        Bucket: { Ref: 'Bucket' },
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Deny',
              Principal: { AWS: '*' },
              Action: 's3:*',
              Resource: [{ 'Fn::GetAtt': ['Bucket', 'Arn'] }, { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['Bucket', 'Arn'] }, '/*']] }],
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            },
            { Effect: 'Deny', Principal: { AWS: '*' }, Action: 's3:PutObject', Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['Bucket', 'Arn'] }, '/locked/*']] } },
            {
              Sid: 'AWSCloudTrailWrite',
              Effect: 'Allow',
              Principal: { Service: 'cloudtrail.amazonaws.com' },
              Action: 's3:PutObject',
              Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['Bucket', 'Arn'] }, '/AWSLogs/*']] },
            },
          ],
        },
      },
    },
    Database: { Type: 'AWS::Glue::Database', Properties: { CatalogId: { Ref: 'AWS::AccountId' }, DatabaseInput: { Name: 'inv_logs', Description: 'logs' } } },
    Table: {
      Type: 'AWS::Glue::Table',
      Properties: {
        CatalogId: { Ref: 'AWS::AccountId' },
        DatabaseName: { Ref: 'Database' },
        TableInput: {
          Name: 'flows',
          TableType: 'EXTERNAL_TABLE',
          Parameters: { 'projection.enabled': 'true' },
          PartitionKeys: [{ Name: 'day', Type: 'string' }],
          StorageDescriptor: {
            Columns: [{ Name: 'action', Type: 'string' }],
            Location: { 'Fn::Sub': 's3://${Bucket}/vpc/AWSLogs/${AWS::AccountId}/' },
            SerdeInfo: { SerializationLibrary: 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe', Parameters: { 'field.delim': ' ' } },
          },
        },
      },
    },
    WorkGroup: {
      Type: 'AWS::Athena::WorkGroup',
      Properties: {
        Name: 'inv-workgroup',
        Description: 'investigation',
        State: 'ENABLED',
        RecursiveDeleteOption: true,
        WorkGroupConfiguration: {
          EnforceWorkGroupConfiguration: true,
          BytesScannedCutoffPerQuery: 10737418240,
          EngineVersion: { SelectedEngineVersion: 'Athena engine version 3' },
          ResultConfiguration: { OutputLocation: { 'Fn::Sub': 's3://${Bucket}/results/' }, EncryptionConfiguration: { EncryptionOption: 'SSE_S3' } },
        },
      },
    },
    Query: {
      Type: 'AWS::Athena::NamedQuery',
      Properties: { Name: 'rejected', Database: { Ref: 'Database' }, WorkGroup: { Ref: 'WorkGroup' }, QueryString: { 'Fn::Sub': 'SELECT * FROM ${Table}' } },
    },
    Trail: {
      Type: 'AWS::CloudTrail::Trail',
      DependsOn: 'BucketPolicy',
      Properties: {
        TrailName: 'inv-trail',
        S3BucketName: { Ref: 'Bucket' },
        IsLogging: true,
        IsMultiRegionTrail: true,
        EnableLogFileValidation: true,
        CloudWatchLogsLogGroupArn: { 'Fn::GetAtt': ['Logs', 'Arn'] },
      },
    },
  },
  Outputs: {
    DatabaseRef: { Value: { Ref: 'Database' } },
    TableRef: { Value: { Ref: 'Table' } },
    WorkGroupRef: { Value: { Ref: 'WorkGroup' } },
    QueryRef: { Value: { Ref: 'Query' } },
    QueryId: { Value: { 'Fn::GetAtt': ['Query', 'NamedQueryId'] } },
    TrailRef: { Value: { Ref: 'Trail' } },
    TrailArn: { Value: { 'Fn::GetAtt': ['Trail', 'Arn'] } },
    FilterRef: { Value: { Ref: 'Filter' } },
    AlarmRef: { Value: { Ref: 'Alarm' } },
    AlarmArn: { Value: { 'Fn::GetAtt': ['Alarm', 'Arn'] } },
    BucketPolicyRef: { Value: { Ref: 'BucketPolicy' } },
  },
};

describe('investigation resources through CloudFormation', () => {
  test('Glue, Athena, CloudTrail, metric filter, alarm, bucket and topic policies: created as on AWS and deleted with the stack', async () => {
    const stack = await deploy('inv', INVESTIGATION_TEMPLATE);
    expect(stack?.StackStatus).toBe('CREATE_COMPLETE');
    const ids = await physicalIds('inv');
    const out = Object.fromEntries((stack?.Outputs ?? []).map((o) => [o.OutputKey, o.OutputValue]));
    expect(out).toMatchObject({
      DatabaseRef: 'inv_logs',
      TableRef: 'flows',
      WorkGroupRef: 'inv-workgroup',
      TrailRef: 'inv-trail',
      TrailArn: 'arn:aws:cloudtrail:us-east-1:123456789012:trail/inv-trail',
      FilterRef: 'inv-rejected',
      AlarmRef: 'inv-rejected-spike',
      AlarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:inv-rejected-spike',
      BucketPolicyRef: ids.Bucket,
    });
    expect(out.QueryRef).toMatch(/^[0-9a-f-]{36}$/);
    expect(out.QueryId).toBe(out.QueryRef);

    // cfn_glue_database_table
    expect((await glue.send(new GetDatabaseCommand({ Name: 'inv_logs' }))).Database?.Description).toBe('logs');
    const table = (await glue.send(new GetTableCommand({ DatabaseName: 'inv_logs', Name: 'flows' }))).Table;
    expect(table?.StorageDescriptor?.Location).toBe(`s3://${ids.Bucket}/vpc/AWSLogs/123456789012/`);
    expect(table?.Parameters).toEqual({ 'projection.enabled': 'true' });

    // cfn_athena_workgroup_named_query
    const wg = (await athena.send(new GetWorkGroupCommand({ WorkGroup: 'inv-workgroup' }))).WorkGroup;
    expect(wg?.State).toBe('ENABLED');
    expect(wg?.Configuration).toMatchObject({
      EnforceWorkGroupConfiguration: true,
      BytesScannedCutoffPerQuery: 10737418240,
      EngineVersion: { SelectedEngineVersion: 'Athena engine version 3', EffectiveEngineVersion: 'Athena engine version 3' },
      ResultConfiguration: { OutputLocation: `s3://${ids.Bucket}/results/`, EncryptionConfiguration: { EncryptionOption: 'SSE_S3' } },
    });
    expect((await athena.send(new ListNamedQueriesCommand({ WorkGroup: 'inv-workgroup' }))).NamedQueryIds).toEqual([out.QueryRef]);
    const query = (await athena.send(new GetNamedQueryCommand({ NamedQueryId: out.QueryRef }))).NamedQuery;
    expect(query).toMatchObject({ Name: 'rejected', Database: 'inv_logs', WorkGroup: 'inv-workgroup', QueryString: 'SELECT * FROM flows' });

    // cfn_cloudtrail_trail
    const trail = (await cloudtrail.send(new GetTrailCommand({ Name: 'inv-trail' }))).Trail;
    expect(trail).toMatchObject({ S3BucketName: ids.Bucket, IsMultiRegionTrail: true, LogFileValidationEnabled: true, IncludeGlobalServiceEvents: true });
    expect(trail?.CloudWatchLogsLogGroupArn).toMatch(/:log-group:inv-flow-logs/);
    expect((await cloudtrail.send(new GetTrailStatusCommand({ Name: 'inv-trail' }))).IsLogging).toBe(true);

    // cfn_logs_metric_filter, cfn_cloudwatch_alarm
    const filters = (await logs.send(new DescribeMetricFiltersCommand({ logGroupName: 'inv-flow-logs' }))).metricFilters ?? [];
    expect(filters.map((f) => [f.filterName, f.filterPattern, f.metricTransformations])).toEqual([
      ['inv-rejected', '[version, account_id, action = "REJECT", log_status]', [{ metricName: 'Rejected', metricNamespace: 'Inv/FlowLogs', metricValue: '1' }]],
    ]);
    const [alarm] = (await cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: ['inv-rejected-spike'] }))).MetricAlarms ?? [];
    expect(alarm).toMatchObject({ Namespace: 'Inv/FlowLogs', MetricName: 'Rejected', Threshold: 42, Period: 300, EvaluationPeriods: 1, Statistic: 'Sum' });
    expect(alarm.AlarmActions).toEqual([ids.Topic]);

    // cfn_sns_topic_policy
    const topicPolicy = JSON.parse((await sns.send(new GetTopicAttributesCommand({ TopicArn: ids.Topic }))).Attributes?.Policy ?? '{}');
    expect(topicPolicy.Statement.map((st: { Sid: string }) => st.Sid)).toEqual(['TlsOnly']);

    // cfn_s3_bucket_policy: the policy is there; the TLS-only Deny does not deny SDK calls, an unconditional Deny still does.
    const bucketPolicy = JSON.parse((await s3.send(new GetBucketPolicyCommand({ Bucket: ids.Bucket }))).Policy ?? '{}');
    expect(bucketPolicy.Statement.map((st: { Sid?: string; Effect: string }) => st.Sid ?? st.Effect)).toEqual(['Deny', 'Deny', 'AWSCloudTrailWrite']);
    await s3.send(new PutObjectCommand({ Bucket: ids.Bucket, Key: 'results/a.csv', Body: 'x' }));
    expect(await (await s3.send(new GetObjectCommand({ Bucket: ids.Bucket, Key: 'results/a.csv' }))).Body?.transformToString()).toBe('x');
    await s3.send(new DeleteObjectCommand({ Bucket: ids.Bucket, Key: 'results/a.csv' }));
    await expect(s3.send(new PutObjectCommand({ Bucket: ids.Bucket, Key: 'locked/a', Body: 'x' }))).rejects.toThrow();

    // Everything is deleted with the stack.
    expect(await destroy('inv')).toBeUndefined();
    await expect(glue.send(new GetDatabaseCommand({ Name: 'inv_logs' }))).rejects.toMatchObject({ name: 'EntityNotFoundException' });
    const glueArns = ((await tagging.send(new GetResourcesCommand({ ResourceTypeFilters: ['glue'] }))).ResourceTagMappingList ?? []).map((r) => r.ResourceARN);
    expect(glueArns).not.toContain('arn:aws:glue:us-east-1:123456789012:database/inv_logs');
    expect((await athena.send(new GetWorkGroupCommand({ WorkGroup: 'inv-workgroup' }))).WorkGroup).toBeUndefined();
    expect((await athena.send(new GetNamedQueryCommand({ NamedQueryId: out.QueryRef })).catch(() => undefined))?.NamedQuery?.Name).toBeUndefined();
    await expect(cloudtrail.send(new GetTrailCommand({ Name: 'inv-trail' }))).rejects.toMatchObject({ name: 'TrailNotFoundException' });
    expect((await logs.send(new DescribeMetricFiltersCommand({ filterNamePrefix: 'inv-' }))).metricFilters).toEqual([]);
    expect((await cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: ['inv-rejected-spike'] }))).MetricAlarms).toEqual([]);
    await expect(s3.send(new HeadBucketCommand({ Bucket: ids.Bucket }))).rejects.toThrow();
  });
});

describe('GuardDuty GetAdministratorAccount (guardduty_get_administrator_account.py)', () => {
  test('answers in the API shape: no administrator, then the administrator account', async () => {
    const { CreateDetectorCommand, DeleteDetectorCommand, EnableOrganizationAdminAccountCommand, GetAdministratorAccountCommand, GuardDutyClient } =
      await import('@aws-sdk/client-guardduty');
    const guardduty = new GuardDutyClient(emulatorConfig(emu));
    try {
      const { DetectorId } = await guardduty.send(new CreateDetectorCommand({ Enable: true }));
      expect((await guardduty.send(new GetAdministratorAccountCommand({ DetectorId }))).Administrator).toBeUndefined();
      await guardduty.send(new EnableOrganizationAdminAccountCommand({ AdminAccountId: '210987654321' }));
      expect((await guardduty.send(new GetAdministratorAccountCommand({ DetectorId }))).Administrator).toEqual({
        AccountId: '210987654321',
        RelationshipStatus: 'ENABLED',
      });
      await guardduty.send(new DeleteDetectorCommand({ DetectorId }));
    } finally {
      guardduty.destroy();
    }
  });
});

describe('IAM CreateLoginProfile (iam_create_login_profile_reset.py)', () => {
  test('keeps PasswordResetRequired, as the console sets it for "must create a new password"', async () => {
    const { CreateLoginProfileCommand, CreateUserCommand, DeleteLoginProfileCommand, DeleteUserCommand, GetLoginProfileCommand, IAMClient } = await import('@aws-sdk/client-iam');
    const iam = new IAMClient(emulatorConfig(emu));
    try {
      for (const [UserName, PasswordResetRequired] of [['reset-user', true], ['plain-user', false]] as const) {
        await iam.send(new CreateUserCommand({ UserName }));
        const created = await iam.send(new CreateLoginProfileCommand({ UserName, Password: 'Initial-Passw0rd!', PasswordResetRequired }));
        expect(created.LoginProfile?.PasswordResetRequired).toBe(PasswordResetRequired);
        expect((await iam.send(new GetLoginProfileCommand({ UserName }))).LoginProfile?.PasswordResetRequired).toBe(PasswordResetRequired);
        await iam.send(new DeleteLoginProfileCommand({ UserName }));
        await iam.send(new DeleteUserCommand({ UserName }));
      }
    } finally {
      iam.destroy();
    }
  });
});
