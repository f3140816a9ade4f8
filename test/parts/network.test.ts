import { Match, Template } from 'aws-cdk-lib/assertions';
import { synthesized, templateOf } from '../support/synthesized';

/** Finds the logical id of the one resource of a type with a given Name tag. */
function idByName(t: Template, type: string, name: string): string {
  const found = t.findResources(type, { Properties: { Tags: Match.arrayWith([{ Key: 'Name', Value: name }]) } });
  const ids = Object.keys(found);
  if (ids.length !== 1) throw new Error(`expected one ${type} named ${name}, found ${ids.length}`);
  return ids[0];
}

describe('network part: the workshop table, literally', () => {
  const t = templateOf();

  test('VPC-10-0-0-0 with DNS hostnames and support', () => {
    t.resourceCountIs('AWS::EC2::VPC', 1);
    t.hasResourceProperties('AWS::EC2::VPC', {
      CidrBlock: '10.0.0.0/16',
      EnableDnsHostnames: true,
      EnableDnsSupport: true,
      Tags: Match.arrayWith([{ Key: 'Name', Value: 'VPC-10-0-0-0' }]),
    });
  });

  const subnets: [string, string, string, boolean][] = [
    ['Public-Subnet-a-10-0-1', '10.0.1.0/24', 'us-east-1a', true],
    ['Public-Subnet-b-10-0-2', '10.0.2.0/24', 'us-east-1b', true],
    ['Public-Subnet-c-10-0-3', '10.0.3.0/24', 'us-east-1c', true],
    ['Private-Subnet-a-10-0-4', '10.0.4.0/24', 'us-east-1a', false],
    ['Private-Subnet-b-10-0-5', '10.0.5.0/24', 'us-east-1b', false],
    ['Private-Subnet-c-10-0-6', '10.0.6.0/24', 'us-east-1c', false],
  ];
  test('exactly six subnets', () => t.resourceCountIs('AWS::EC2::Subnet', 6));
  test.each(subnets)('%s: %s in %s, public IP on launch %s', (name, cidr, az, mapPublicIp) => {
    t.hasResourceProperties('AWS::EC2::Subnet', {
      CidrBlock: cidr,
      AvailabilityZone: az,
      MapPublicIpOnLaunch: mapPublicIp,
      Tags: Match.arrayWith([{ Key: 'Name', Value: name }]),
    });
  });

  test('IGW-VPC-10-0-0-0, attached', () => {
    const igw = idByName(t, 'AWS::EC2::InternetGateway', 'IGW-VPC-10-0-0-0');
    t.hasResourceProperties('AWS::EC2::VPCGatewayAttachment', { InternetGatewayId: { Ref: igw } });
  });

  test('ONE Public-Route-Table for the three public subnets, 0.0.0.0/0 to the IGW', () => {
    const table = idByName(t, 'AWS::EC2::RouteTable', 'Public-Route-Table');
    const igw = idByName(t, 'AWS::EC2::InternetGateway', 'IGW-VPC-10-0-0-0');
    t.hasResourceProperties('AWS::EC2::Route', { RouteTableId: { Ref: table }, DestinationCidrBlock: '0.0.0.0/0', GatewayId: { Ref: igw } });
    for (const name of ['Public-Subnet-a-10-0-1', 'Public-Subnet-b-10-0-2', 'Public-Subnet-c-10-0-3']) {
      const subnet = idByName(t, 'AWS::EC2::Subnet', name);
      t.hasResourceProperties('AWS::EC2::SubnetRouteTableAssociation', { SubnetId: { Ref: subnet }, RouteTableId: { Ref: table } });
    }
    t.resourceCountIs('AWS::EC2::RouteTable', 4);
    t.resourceCountIs('AWS::EC2::SubnetRouteTableAssociation', 6);
  });

  const nats: [string, string][] = [
    ['NGW-Public-subnet-10-0-1', 'Public-Subnet-a-10-0-1'],
    ['NGW-Public-subnet-10-0-2', 'Public-Subnet-b-10-0-2'],
    ['NGW-Public-subnet-10-0-3', 'Public-Subnet-c-10-0-3'],
  ];
  test.each(nats)('%s in %s with its own Elastic IP', (natName, subnetName) => {
    const nat = idByName(t, 'AWS::EC2::NatGateway', natName);
    const props = t.toJSON().Resources[nat].Properties;
    expect(props.SubnetId).toEqual({ Ref: idByName(t, 'AWS::EC2::Subnet', subnetName) });
    expect(props.AllocationId['Fn::GetAtt'][1]).toBe('AllocationId');
  });
  test('three NAT gateways, three distinct EIPs', () => {
    t.resourceCountIs('AWS::EC2::NatGateway', 3);
    t.resourceCountIs('AWS::EC2::EIP', 3);
    const eips = Object.values(t.findResources('AWS::EC2::NatGateway')).map((r) => r.Properties.AllocationId['Fn::GetAtt'][0]);
    expect(new Set(eips).size).toBe(3);
  });

  const privateRoutes: [string, string, string][] = [
    ['Private-Route-Table-a', 'Private-Subnet-a-10-0-4', 'NGW-Public-subnet-10-0-1'],
    ['Private-Route-Table-b', 'Private-Subnet-b-10-0-5', 'NGW-Public-subnet-10-0-2'],
    ['Private-Route-Table-c', 'Private-Subnet-c-10-0-6', 'NGW-Public-subnet-10-0-3'],
  ];
  test.each(privateRoutes)('%s: %s, 0.0.0.0/0 to %s (same AZ)', (tableName, subnetName, natName) => {
    const table = idByName(t, 'AWS::EC2::RouteTable', tableName);
    t.hasResourceProperties('AWS::EC2::SubnetRouteTableAssociation', {
      SubnetId: { Ref: idByName(t, 'AWS::EC2::Subnet', subnetName) },
      RouteTableId: { Ref: table },
    });
    t.hasResourceProperties('AWS::EC2::Route', {
      RouteTableId: { Ref: table },
      DestinationCidrBlock: '0.0.0.0/0',
      NatGatewayId: { Ref: idByName(t, 'AWS::EC2::NatGateway', natName) },
    });
  });

  test('flow log to CloudWatch Logs: ALL, default format, group Flow-logs-VPC-10-0-0-0 (365 days, workshop key) deleted on destroy', () => {
    t.hasResource('AWS::Logs::LogGroup', {
      Properties: { LogGroupName: 'Flow-logs-VPC-10-0-0-0', RetentionInDays: 365, KmsKeyId: { 'Fn::GetAtt': ['Key9BCD29C7', 'Arn'] } },
      DeletionPolicy: 'Delete',
      UpdateReplacePolicy: 'Delete',
    });
    const flowLog = t.findResources('AWS::EC2::FlowLog', { Properties: { LogDestinationType: 'cloud-watch-logs' } });
    const [props] = Object.values(flowLog).map((r) => r.Properties);
    expect(props.TrafficType).toBe('ALL');
    expect(props.ResourceType).toBe('VPC');
    expect(props.LogFormat).toBeUndefined(); // AWS default format: version 2, 14 fields
    expect(props.DeliverLogsPermissionArn).toBeDefined();
    t.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [Match.objectLike({ Principal: { Service: 'vpc-flow-logs.amazonaws.com' } })],
      },
    });
  });

  test('flow log to S3: ALL, default format, plain text, not Hive, under vpc/ (the Wazuh vpcflow layout)', () => {
    const flowLog = t.findResources('AWS::EC2::FlowLog', { Properties: { LogDestinationType: 's3' } });
    const [props] = Object.values(flowLog).map((r) => r.Properties);
    expect(props.TrafficType).toBe('ALL');
    expect(props.LogFormat).toBeUndefined();
    expect(props.DestinationOptions).toEqual({ FileFormat: 'plain-text', HiveCompatiblePartitions: false, PerHourPartition: false });
    const dest = JSON.stringify(props.LogDestination);
    expect(dest).toMatch(/\/vpc\/"\]\]\}$/);
  });

  test('flow-log bucket: s3-vpc-flow-logs-vpc-10-0-0-0-<account>-<region>, blocked, SSL only, SSE-KMS with the workshop key, versioned, deleted', () => {
    t.hasResource('AWS::S3::Bucket', {
      Properties: {
        BucketName: { 'Fn::Join': ['', ['s3-vpc-flow-logs-vpc-10-0-0-0-', { Ref: 'AWS::AccountId' }, '-', { Ref: 'AWS::Region' }]] },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': ['Key9BCD29C7', 'Arn'] } } }] },
        VersioningConfiguration: { Status: 'Enabled' },
      },
      DeletionPolicy: 'Delete',
    });
    t.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({ Sid: 'AWSLogDeliveryWrite', Principal: { Service: 'delivery.logs.amazonaws.com' }, Action: 's3:PutObject' }),
        ]),
      },
    });
  });

  test('destroy order: S3 flow log goes before the bucket is emptied, the emptier before the bucket', () => {
    const json = t.toJSON().Resources;
    const [flowLogId] = Object.keys(t.findResources('AWS::EC2::FlowLog', { Properties: { LogDestinationType: 's3' } }));
    const [emptierId] = Object.keys(t.findResources('Custom::EmptyBucket'));
    expect(json[flowLogId].DependsOn).toContain(emptierId);
    expect(json[emptierId].Properties.BucketName).toEqual({ Ref: Object.keys(t.findResources('AWS::S3::Bucket'))[0] });
  });

  test('outputs: VPC, log group, bucket and the Wazuh wodle', () => {
    const outputs = t.toJSON().Outputs;
    expect(Object.keys(outputs)).toEqual(expect.arrayContaining(['VpcId', 'FlowLogGroupName', 'FlowLogBucketName', 'WazuhOssecConfig']));
    const wodle = JSON.stringify(outputs.WazuhOssecConfig.Value);
    expect(wodle).toContain('<bucket type=\\"vpcflow\\">');
    expect(wodle).toContain('<path>vpc</path>');
  });
});

describe('cheaper mode: natGateways=1', () => {
  const { template: t, assembly, stackName } = synthesized({ natGateways: '1' });

  test('one NAT gateway and EIP; all private route tables use it', () => {
    t.resourceCountIs('AWS::EC2::NatGateway', 1);
    t.resourceCountIs('AWS::EC2::EIP', 1);
    const nat = idByName(t, 'AWS::EC2::NatGateway', 'NGW-Public-subnet-10-0-1');
    for (const table of ['Private-Route-Table-a', 'Private-Route-Table-b', 'Private-Route-Table-c']) {
      t.hasResourceProperties('AWS::EC2::Route', {
        RouteTableId: { Ref: idByName(t, 'AWS::EC2::RouteTable', table) },
        NatGatewayId: { Ref: nat },
      });
    }
  });

  test('warns that it departs from the workshop text', () => {
    // Construct metadata as synth writes it into the cloud assembly (what cdk synth prints).
    const warnings = assembly.getStackByName(stackName).findMetadataByType('aws:cdk:warning');
    expect(warnings.map((w) => String(w.data))).toEqual(
      expect.arrayContaining([expect.stringMatching(/natGateways=1: .* departs from the workshop text/)]),
    );
  });
});
