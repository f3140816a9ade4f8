import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { wazuhVpcFlowWodle } from '../../lib/wazuh/wodle';
import { readAssembly, wazuhConfigFromAssembly, wazuhHandOff } from '../../scripts/wazuh-config';
import { idOf, synthesized, templateOf } from '../support/synthesized';
import { OPTIONAL_SETTINGS } from '../support/configurations';

const WAZUH_PRINCIPAL = 'arn:aws:iam::111122223333:role/wazuh-manager';

/** The workshop key (Key/Key), as the resources reference it. */
const KEY_ARN = { 'Fn::GetAtt': ['Key9BCD29C7', 'Arn'] };
/** Every bucket of the app: noncurrent versions expire after 30 days, incomplete uploads are aborted after 1. */
const LIFECYCLE = {
  Rules: [{ Id: 'ExpireNoncurrentVersionsAbortUploads', Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: 30 }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }],
};

describe('investigation part, workshop defaults', () => {
  const { template: t, assembly, directory } = synthesized();
  /** The construct tree as synth wrote it (tree.json of the cloud assembly). */
  const tree = JSON.parse(fs.readFileSync(path.join(directory, 'tree.json'), 'utf8')).tree;
  // The network part's flow-log group and bucket, referenced in the same template.
  const flowLogGroupId = idOf(t, 'AWS::Logs::LogGroup', { LogGroupName: 'Flow-logs-VPC-10-0-0-0' });
  const flowLogBucketId = Object.keys(t.findResources('AWS::S3::Bucket')).find((id) => id.startsWith('NetworkFlowLogsBucket'))!;

  test('is part of the one stack SecurityWorkshop, tagged, and reads the network part by reference', () => {
    expect(assembly.stacks.map((s) => s.stackName)).toEqual(['SecurityWorkshop']);
    // The part is a construct directly in the stack.
    expect(tree.children.SecurityWorkshop.children.Investigation.path).toBe('SecurityWorkshop/Investigation');
    expect(JSON.stringify(t.toJSON())).not.toContain('Fn::ImportValue');
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Tags: Match.arrayWith([{ Key: 'workshop', Value: 'aws-security-logging-monitoring-ir' }, { Key: 'workshop-participant', Value: { Ref: 'ParticipantName' } }]),
    });
    expect(t.toJSON().Parameters.ParticipantName.Default).toBe('workshop');
  });

  describe('flow logs in CloudWatch Logs', () => {
    const flowLogGroup = [{ Ref: flowLogGroupId }];
    test.each([
      ['SecurityWorkshop/VPC flow logs - rejected traffic', 'fields @timestamp, srcAddr, srcPort, dstAddr, dstPort, protocol, action\n| filter action != "ACCEPT"\n| sort @timestamp desc\n| limit 200'],
      ['SecurityWorkshop/VPC flow logs - records with an action', 'fields @timestamp, srcAddr, srcPort, dstAddr, dstPort, protocol, action\n| filter action != "-"\n| sort @timestamp desc\n| limit 200'],
      ['SecurityWorkshop/VPC flow logs - DNS', 'fields @timestamp, srcAddr, srcPort, dstAddr, dstPort, protocol, action\n| filter dstPort = 53\n| sort @timestamp desc\n| limit 200'],
      ['SecurityWorkshop/VPC flow logs - top talkers by bytes', 'stats sum(bytes) as bytesTransferred by srcAddr, dstAddr\n| sort bytesTransferred desc\n| limit 20'],
    ])('saved query %s over Flow-logs-VPC-10-0-0-0', (name, queryString) => {
      t.hasResourceProperties('AWS::Logs::QueryDefinition', { Name: name, QueryString: queryString, LogGroupNames: flowLogGroup });
    });
    test('four saved queries', () => t.resourceCountIs('AWS::Logs::QueryDefinition', 4));

    test('metric filter counts REJECT records of the 14 default fields', () => {
      t.hasResourceProperties('AWS::Logs::MetricFilter', {
        LogGroupName: flowLogGroup[0],
        FilterPattern: '[version, account_id, interface_id, srcaddr, dstaddr, srcport, dstport, protocol, packets, bytes, start, end, action = "REJECT", log_status]',
        MetricTransformations: [{ MetricNamespace: 'SecurityWorkshop/FlowLogs', MetricName: 'RejectedFlows', MetricValue: '1' }],
      });
    });

    test('alarm on 100 or more REJECT records in 5 minutes notifies the topic', () => {
      const topic = idOf(t, 'AWS::SNS::Topic', { TopicName: 'SecurityWorkshop-Alarms' });
      t.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: 'SecurityWorkshop-FlowLogs-Rejected-Spike',
        Namespace: 'SecurityWorkshop/FlowLogs',
        MetricName: 'RejectedFlows',
        Statistic: 'Sum',
        Period: 300,
        Threshold: 100,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        EvaluationPeriods: 1,
        TreatMissingData: 'notBreaching',
        AlarmActions: [{ Ref: topic }],
      });
      t.hasResourceProperties('AWS::SNS::TopicPolicy', {
        Topics: [{ Ref: topic }],
        PolicyDocument: {
          Statement: [Match.objectLike({ Effect: 'Deny', Action: 'sns:Publish', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })],
        },
      });
      // One subscription in the template, to the AlarmEmail parameter; it exists only when the
      // parameter is not empty, and its default (no alarmEmail setting) is empty.
      t.hasResource('AWS::SNS::Subscription', {
        Properties: { Protocol: 'email', Endpoint: { Ref: 'AlarmEmail' }, TopicArn: { Ref: topic } },
        Condition: 'HasAlarmEmail',
      });
      t.resourceCountIs('AWS::SNS::Subscription', 1);
      expect(t.toJSON().Conditions.HasAlarmEmail).toEqual({ 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'AlarmEmail' }, ''] }] });
      expect(t.toJSON().Parameters.AlarmEmail.Default).toBe('');
    });
  });

  describe('Athena', () => {
    const db = idOf(t, 'AWS::Glue::Database', { DatabaseInput: Match.objectLike({ Name: 'securityworkshop_logs' }) });
    const results = Object.keys(t.findResources('AWS::S3::Bucket')).find((id) => id.startsWith('InvestigationAthenaResults'))!;
    const workGroup = idOf(t, 'AWS::Athena::WorkGroup', { Name: 'SecurityWorkshop-Investigation' });
    const flowLogBucketName = { Ref: flowLogBucketId };

    test('workgroup: enforced, results encrypted in the app bucket, deletable with its queries', () => {
      t.hasResourceProperties('AWS::Athena::WorkGroup', {
        Name: 'SecurityWorkshop-Investigation',
        RecursiveDeleteOption: true,
        State: 'ENABLED',
        WorkGroupConfiguration: Match.objectLike({
          EnforceWorkGroupConfiguration: true,
          ResultConfiguration: {
            OutputLocation: { 'Fn::Join': ['', ['s3://', { Ref: results }, '/']] },
            EncryptionConfiguration: { EncryptionOption: 'SSE_KMS', KmsKey: KEY_ARN },
          },
        }),
      });
    });

    test('results bucket: SSE-KMS with the workshop key, versioned, lifecycle, TLS only, public access blocked, emptied and deleted on destroy, after the workgroup', () => {
      t.hasResource('AWS::S3::Bucket', {
        DeletionPolicy: 'Delete',
        Properties: {
          BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: KEY_ARN } }] },
          VersioningConfiguration: { Status: 'Enabled' },
          LifecycleConfiguration: LIFECYCLE,
          PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
          OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        },
      });
      t.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: results },
        PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
      });
      const emptier = idOf(t, 'Custom::EmptyBucket', { BucketName: { Ref: results } });
      expect(t.toJSON().Resources[workGroup].DependsOn).toContain(emptier);
    });

    test('flow-log table: the bucket as delivered, plain text, space-delimited, header skipped, projected days', () => {
      const location = ['s3://', flowLogBucketName, '/vpc/AWSLogs/', { Ref: 'AWS::AccountId' }, '/vpcflowlogs/', { Ref: 'AWS::Region' }];
      t.hasResourceProperties('AWS::Glue::Table', {
        DatabaseName: { Ref: db },
        TableInput: {
          Name: 'vpc_flow_logs',
          Description: Match.anyValue(),
          TableType: 'EXTERNAL_TABLE',
          PartitionKeys: [{ Name: 'day', Type: 'string', Comment: Match.anyValue() }],
          Parameters: {
            EXTERNAL: 'TRUE',
            'skip.header.line.count': '1',
            ...DAY_PROJECTION,
            'storage.location.template': { 'Fn::Join': ['', [...location, '/${day}/']] },
          },
          StorageDescriptor: {
            Location: { 'Fn::Join': ['', [...location, '/']] },
            InputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
            OutputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
            SerdeInfo: {
              SerializationLibrary: 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe',
              Parameters: { 'field.delim': ' ', 'serialization.format': ' ' },
            },
            Columns: [
              { Name: 'version', Type: 'int' },
              { Name: 'account_id', Type: 'string' },
              { Name: 'interface_id', Type: 'string' },
              { Name: 'srcaddr', Type: 'string' },
              { Name: 'dstaddr', Type: 'string' },
              { Name: 'srcport', Type: 'int' },
              { Name: 'dstport', Type: 'int' },
              { Name: 'protocol', Type: 'bigint' },
              { Name: 'packets', Type: 'bigint' },
              { Name: 'bytes', Type: 'bigint' },
              { Name: 'start', Type: 'bigint' },
              { Name: 'end', Type: 'bigint' },
              { Name: 'action', Type: 'string' },
              { Name: 'log_status', Type: 'string' },
            ],
          },
        },
      });
    });

    test('the table location is where the flow log delivers: <bucket>/vpc/ of the network part', () => {
      t.hasResourceProperties('AWS::EC2::FlowLog', {
        LogDestinationType: 's3',
        LogDestination: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [flowLogBucketId, 'Arn'] }, '/vpc/']] },
        DestinationOptions: { FileFormat: 'plain-text', HiveCompatiblePartitions: false, PerHourPartition: false },
      });
    });

    test.each([
      ['VPC flow logs - rejected flows', 'SELECT day, from_unixtime("start") AS start_time, interface_id, srcaddr, srcport, dstaddr, dstport, protocol, packets, bytes\nFROM vpc_flow_logs\nWHERE action = \'REJECT\'\nORDER BY "start" DESC\nLIMIT 100'],
      ['VPC flow logs - top talkers', 'SELECT srcaddr, dstaddr, sum(bytes) AS total_bytes, sum(packets) AS total_packets, count(*) AS flows\nFROM vpc_flow_logs\nGROUP BY srcaddr, dstaddr\nORDER BY total_bytes DESC\nLIMIT 20'],
      ['VPC flow logs - DNS', 'SELECT day, from_unixtime("start") AS start_time, srcaddr, dstaddr, dstport, protocol, action, packets, bytes\nFROM vpc_flow_logs\nWHERE dstport = 53\nORDER BY "start" DESC\nLIMIT 100'],
      ['CloudTrail - events per IAM user', "SELECT useridentity.username, eventname, count(*) AS event_count\nFROM cloudtrail_logs\nWHERE useridentity.type = 'IAMUser'\nGROUP BY useridentity.username, eventname\nORDER BY event_count DESC"],
    ])('named query %s', (name, queryString) => {
      t.hasResourceProperties('AWS::Athena::NamedQuery', { Name: name, QueryString: queryString, Database: { Ref: db }, WorkGroup: { Ref: workGroup } });
    });
    test('four named queries', () => t.resourceCountIs('AWS::Athena::NamedQuery', 4));
  });

  describe('CloudTrail', () => {
    const trailBucket = Object.keys(t.findResources('AWS::S3::Bucket')).find((id) => id.startsWith('InvestigationCloudTrailStorage'))!;
    const logGroup = idOf(t, 'AWS::Logs::LogGroup', { LogGroupName: 'SecurityWorkshop-CloudTrail' });
    const trailArn = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cloudtrail:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':trail/SecurityWorkshop-Trail']] };

    test('trail: all regions, log file validation, own bucket, to CloudWatch Logs', () => {
      t.hasResourceProperties('AWS::CloudTrail::Trail', {
        TrailName: 'SecurityWorkshop-Trail',
        IsLogging: true,
        IsMultiRegionTrail: true,
        IncludeGlobalServiceEvents: true,
        EnableLogFileValidation: true,
        S3BucketName: { Ref: trailBucket },
        CloudWatchLogsLogGroupArn: { 'Fn::GetAtt': [logGroup, 'Arn'] },
        CloudWatchLogsRoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^InvestigationCloudTrailDeliveryRole'), 'Arn'] },
      });
    });

    test('the delivery role trusts CloudTrail only for this account and this trail (aws:SourceAccount, aws:SourceArn)', () => {
      t.hasResourceProperties('AWS::IAM::Role', {
        Description: 'CloudTrail delivery of SecurityWorkshop-Trail to SecurityWorkshop-CloudTrail',
        AssumeRolePolicyDocument: {
          Statement: [
            {
              Action: 'sts:AssumeRole',
              Effect: 'Allow',
              Principal: { Service: 'cloudtrail.amazonaws.com' },
              Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' }, 'aws:SourceArn': trailArn } },
            },
          ],
        },
      });
    });

    test('log group deleted on destroy, with the configured retention (365 days), encrypted with the workshop key', () => {
      t.hasResource('AWS::Logs::LogGroup', { DeletionPolicy: 'Delete', Properties: { LogGroupName: 'SecurityWorkshop-CloudTrail', RetentionInDays: 365, KmsKeyId: KEY_ARN } });
    });

    test('bucket policy only lets this trail write, into AWSLogs/<account>/', () => {
      t.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: trailBucket },
        PolicyDocument: {
          Statement: Match.arrayWith([
            {
              Sid: 'AWSCloudTrailAclCheck',
              Effect: 'Allow',
              Principal: { Service: 'cloudtrail.amazonaws.com' },
              Action: 's3:GetBucketAcl',
              Resource: { 'Fn::GetAtt': [trailBucket, 'Arn'] },
              Condition: { StringEquals: { 'aws:SourceArn': trailArn } },
            },
            {
              Sid: 'AWSCloudTrailWrite',
              Effect: 'Allow',
              Principal: { Service: 'cloudtrail.amazonaws.com' },
              Action: 's3:PutObject',
              Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [trailBucket, 'Arn'] }, '/AWSLogs/', { Ref: 'AWS::AccountId' }, '/*']] },
              Condition: { StringEquals: { 'aws:SourceArn': trailArn, 's3:x-amz-acl': 'bucket-owner-full-control' } },
            },
          ]),
        },
      });
    });

    test('destroy order: trail, then emptier, then bucket; create order: policies before the trail', () => {
      const trail = idOf(t, 'AWS::CloudTrail::Trail');
      const emptier = idOf(t, 'Custom::EmptyBucket', { BucketName: { Ref: trailBucket } });
      const dependsOn = t.toJSON().Resources[trail].DependsOn as string[];
      expect(dependsOn).toEqual(expect.arrayContaining([emptier, idOf(t, 'AWS::S3::BucketPolicy', { Bucket: { Ref: trailBucket } })]));
      expect(dependsOn.some((id) => id.startsWith('InvestigationCloudTrailDeliveryRoleDefaultPolicy'))).toBe(true);
      t.hasResource('AWS::S3::Bucket', { DeletionPolicy: 'Delete' });
    });

    test('Glue table with CloudTrail JSON SerDe and projected days', () => {
      const location = ['s3://', { Ref: trailBucket }, '/AWSLogs/', { Ref: 'AWS::AccountId' }, '/CloudTrail/', { Ref: 'AWS::Region' }];
      t.hasResourceProperties('AWS::Glue::Table', {
        TableInput: Match.objectLike({
          Name: 'cloudtrail_logs',
          Parameters: {
            EXTERNAL: 'TRUE',
            ...DAY_PROJECTION,
            'storage.location.template': { 'Fn::Join': ['', [...location, '/${day}/']] },
          },
          StorageDescriptor: Match.objectLike({
            Location: { 'Fn::Join': ['', [...location, '/']] },
            InputFormat: 'com.amazon.emr.cloudtrail.CloudTrailInputFormat',
            SerdeInfo: { SerializationLibrary: 'org.apache.hive.hcatalog.data.JsonSerDe' },
            Columns: Match.arrayWith([
              { Name: 'useridentity', Type: Match.stringLikeRegexp('^struct<type:string,principalid:string,arn:string,accountid:string,invokedby:string,accesskeyid:string,username:string,') },
              { Name: 'eventname', Type: 'string' },
            ]),
          }),
        }),
      });
    });
  });

  describe('Wazuh hand-off', () => {
    test('managed policy: exactly ListBucket on the flow-log bucket, GetObject on its vpc/ files, Decrypt with the workshop key through S3, DescribeFlowLogs', () => {
      const bucketArn = { 'Fn::GetAtt': [flowLogBucketId, 'Arn'] };
      t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
        ManagedPolicyName: 'SecurityWorkshop-WazuhVpcFlowReader',
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            { Sid: 'ListFlowLogFiles', Effect: 'Allow', Action: 's3:ListBucket', Resource: bucketArn },
            { Sid: 'ReadFlowLogFiles', Effect: 'Allow', Action: 's3:GetObject', Resource: { 'Fn::Join': ['', [bucketArn, '/vpc/*']] } },
            {
              Sid: 'DecryptFlowLogFiles',
              Effect: 'Allow',
              Action: 'kms:Decrypt',
              Resource: KEY_ARN,
              Condition: { StringEquals: { 'kms:ViaService': { 'Fn::Join': ['', ['s3.', { Ref: 'AWS::Region' }, '.amazonaws.com']] } } },
            },
            { Sid: 'FindFlowLogs', Effect: 'Allow', Action: 'ec2:DescribeFlowLogs', Resource: '*' },
          ],
        },
      });
    });

    test('no role without wazuhPrincipalArn', () => {
      expect(t.findResources('AWS::IAM::Role', { Properties: { RoleName: 'SecurityWorkshop-WazuhVpcFlowReader' } })).toEqual({});
    });
  });

});

describe('investigation part, optional settings', () => {
  const t = templateOf(OPTIONAL_SETTINGS);

  test('email subscription and threshold from config', () => {
    t.hasResource('AWS::SNS::Subscription', { Properties: { Protocol: 'email', Endpoint: { Ref: 'AlarmEmail' } }, Condition: 'HasAlarmEmail' });
    expect(t.toJSON().Parameters.AlarmEmail.Default).toBe('alice@example.com');
    t.hasResourceProperties('AWS::CloudWatch::Alarm', { Threshold: 250 });
  });

  test('Wazuh role assumable by the given principal, with the reader policy only', () => {
    t.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'SecurityWorkshop-WazuhVpcFlowReader',
      AssumeRolePolicyDocument: { Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { AWS: WAZUH_PRINCIPAL } }] },
      ManagedPolicyArns: [{ Ref: idOf(t, 'AWS::IAM::ManagedPolicy') }],
    });
    expect(t.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: Match.stringLikeRegexp('^InvestigationWazuhReader') }] } })).toEqual({});
  });
});

/** Parses XML with Python's expat (a real parser): throws if not well-formed; returns the bucket's fields. */
function parseWodle(xml: string): Record<string, string> {
  const python = fs.existsSync(path.join(__dirname, '..', '..', '.venv', 'bin', 'python')) ? path.join(__dirname, '..', '..', '.venv', 'bin', 'python') : 'python3';
  const script = [
    'import json, sys, xml.etree.ElementTree as ET',
    'root = ET.fromstring(sys.stdin.read())',
    'bucket = root.find("bucket")',
    'out = {"root": root.tag, "name_attr": root.get("name"), "type": bucket.get("type")}',
    'out.update({child.tag: child.text for child in bucket})',
    'print(json.dumps(out))',
  ].join('\n');
  const run = spawnSync(python, ['-c', script], { input: xml, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`not well-formed XML: ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, string>;
}

/** Partition projection by day, as both tables have it (no crawler, no MSCK REPAIR). */
const DAY_PROJECTION = {
  'projection.enabled': 'true',
  'projection.day.type': 'date',
  'projection.day.format': 'yyyy/MM/dd',
  'projection.day.range': 'NOW-1YEARS,NOW',
  'projection.day.interval': '1',
  'projection.day.interval.unit': 'DAYS',
};

describe('npm run wazuh-config: the wodle block from the synthesized app', () => {
  const ACCOUNT = '123456789012';

  /** The app synthesized to a cloud assembly, as cdk synth writes cdk.out. */
  const assembly = (context: Record<string, unknown> = {}) => synthesized(context).directory;

  test('well-formed, and bucket and path are those of the flow log S3 destination in the same template', () => {
    const stacks = readAssembly(assembly());
    const xml = wazuhConfigFromAssembly(stacks, ACCOUNT);
    const wodle = parseWodle(xml);

    // The flow log's destination, read from the very template the command read.
    const template = stacks.find((s) => s.name === 'SecurityWorkshop')!.template;
    const flowLog = Object.values(template.Resources!).find((r) => r.Type === 'AWS::EC2::FlowLog' && r.Properties?.LogDestinationType === 's3')!;
    const [, [arn, folder]] = (flowLog.Properties!.LogDestination as { 'Fn::Join': [string, [{ 'Fn::GetAtt': [string, string] }, string]] })['Fn::Join'];
    const bucket = template.Resources![arn['Fn::GetAtt'][0]];
    const [separator, parts] = (bucket.Properties!.BucketName as { 'Fn::Join': [string, unknown[]] })['Fn::Join'];
    expect(parts).toEqual(['s3-vpc-flow-logs-vpc-10-0-0-0-', { Ref: 'AWS::AccountId' }, '-', { Ref: 'AWS::Region' }]);
    expect(folder).toBe('/vpc/');
    const pseudo: Record<string, string> = { 'AWS::AccountId': ACCOUNT, 'AWS::Region': 'us-east-1' };
    const name = parts.map((p) => (typeof p === 'string' ? p : pseudo[(p as { Ref: string }).Ref])).join(separator);

    expect(wodle).toEqual({
      root: 'wodle',
      name_attr: 'aws-s3',
      type: 'vpcflow',
      name,
      path: folder.replace(/^\/|\/$/g, ''),
      regions: 'us-east-1',
    });
    expect(wodle.name).toBe('s3-vpc-flow-logs-vpc-10-0-0-0-123456789012-us-east-1');
    expect(wodle.path).toBe('vpc');
  });

  test('with wazuhPrincipalArn: the role ARN of the investigation template', () => {
    const wodle = parseWodle(wazuhConfigFromAssembly(readAssembly(assembly(OPTIONAL_SETTINGS)), ACCOUNT));
    expect(wodle.iam_role_arn).toBe('arn:aws:iam::123456789012:role/SecurityWorkshop-WazuhVpcFlowReader');
    expect(wodle.name).toBe('s3-vpc-flow-logs-vpc-10-0-0-0-123456789012-us-east-1');
  });

  test('with wazuhExternalId: the role requires it; the block names an AWS config profile that gives it', () => {
    const context = { wazuhPrincipalArn: WAZUH_PRINCIPAL, wazuhExternalId: 'workshop-2026:wazuh' };
    templateOf(context).hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'SecurityWorkshop-WazuhVpcFlowReader',
      AssumeRolePolicyDocument: {
        Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { AWS: WAZUH_PRINCIPAL }, Condition: { StringEquals: { 'sts:ExternalId': 'workshop-2026:wazuh' } } }],
      },
    });
    const { wodle, profile } = wazuhHandOff(readAssembly(assembly(context)), ACCOUNT);
    const fields = parseWodle(wodle);
    expect(fields.aws_profile).toBe('SecurityWorkshop-WazuhVpcFlowReader');
    expect(fields.iam_role_arn).toBeUndefined();
    expect(profile).toBe(
      [
        '[profile SecurityWorkshop-WazuhVpcFlowReader]',
        'role_arn = arn:aws:iam::123456789012:role/SecurityWorkshop-WazuhVpcFlowReader',
        'external_id = workshop-2026:wazuh',
        'source_profile = default',
        '# On an EC2 instance with a role, instead of source_profile: credential_source = Ec2InstanceMetadata',
      ].join('\n'),
    );
    // The stack's own output holds the same block.
    const outputs = templateOf(context).toJSON().Outputs;
    expect(outputs.WazuhExternalId.Value).toBe('workshop-2026:wazuh');
    expect(JSON.stringify(outputs.WazuhOssecConfig.Value)).toContain('<aws_profile>SecurityWorkshop-WazuhVpcFlowReader</aws_profile>');
  });

  test('without wazuhExternalId: no profile, no external-id output', () => {
    expect(wazuhHandOff(readAssembly(assembly(OPTIONAL_SETTINGS)), ACCOUNT).profile).toBeUndefined();
    expect(templateOf(OPTIONAL_SETTINGS).toJSON().Outputs.WazuhExternalId).toBeUndefined();
  });

  test('values are escaped: the block stays well-formed and reads back the same', () => {
    const odd = { bucketName: 'a&b<c>"d', path: 'vpc', region: 'us-east-1', iamRoleArn: "arn:aws:iam::123456789012:role/x'y" };
    const wodle = parseWodle(wazuhVpcFlowWodle(odd));
    expect([wodle.name, wodle.path, wodle.regions, wodle.iam_role_arn]).toEqual([odd.bucketName, odd.path, odd.region, odd.iamRoleArn]);
  });
});
