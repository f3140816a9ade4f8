import { DAY2 } from '../support/configurations';
import { templateOf } from '../support/synthesized';

const KEY_ID = 'Key9BCD29C7';
const KEY_ARN = { 'Fn::GetAtt': [KEY_ID, 'Arn'] };
const ARN = (service: string, rest: string, region: unknown = { Ref: 'AWS::Region' }) => ({
  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:${service}:`, region, ':', { Ref: 'AWS::AccountId' }, rest]],
});

function keyOf(context: Record<string, unknown>) {
  const resources = templateOf(context).toJSON().Resources as Record<string, any>;
  return { key: resources[KEY_ID], resources };
}

describe('the workshop key', () => {
  const { key, resources } = keyOf({});
  const statements: any[] = key.Properties.KeyPolicy.Statement;
  const bySid = (sid: string) => statements.find((s) => s.Sid === sid);

  test('one key: rotation on, deleted 7 days after destroy', () => {
    expect(Object.values(resources).filter((r) => r.Type === 'AWS::KMS::Key')).toHaveLength(1);
    expect(key.Properties.EnableKeyRotation).toBe(true);
    expect(key.Properties.PendingWindowInDays).toBe(7);
    expect(key.DeletionPolicy).toBe('Delete');
  });

  test('the key policy: the account through IAM, no grants but for AWS resources, and exactly the services that write', () => {
    expect(statements.map((s) => s.Sid ?? `${s.Effect} ${s.Action} to the account`)).toEqual([
      'Allow kms:* to the account',
      'DenyGrantsNotForAwsResources',
      'CloudWatchLogsOfTheWorkshopLogGroups',
      'LogDeliveryWritesFlowLogsToS3',
      'CloudTrailEncryptsTheTrailsLogFiles',
      'CloudTrailDescribesTheKey',
    ]);
    expect(bySid('DenyGrantsNotForAwsResources')).toEqual({
      Sid: 'DenyGrantsNotForAwsResources',
      Effect: 'Deny',
      Principal: '*',
      Action: 'kms:CreateGrant',
      Resource: '*',
      Condition: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
    });
  });

  test('CloudWatch Logs: only for the workshop log groups (encryption context: the flow-log group, the handler groups <stack>/<path>, the trail group)', () => {
    const s = bySid('CloudWatchLogsOfTheWorkshopLogGroups');
    expect(s.Principal).toEqual({ Service: { 'Fn::Join': ['', ['logs.', { Ref: 'AWS::Region' }, '.amazonaws.com']] } });
    expect(s.Action).toEqual(['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*']);
    expect(s.Condition).toEqual({
      ArnLike: {
        'kms:EncryptionContext:aws:logs:arn': [
          ARN('logs', ':log-group:Flow-logs-VPC-10-0-0-0'),
          { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':log-group:', { Ref: 'AWS::StackName' }, '/*']] },
          ARN('logs', ':log-group:SecurityWorkshop-CloudTrail'),
        ],
      },
    });
  });

  test('CloudTrail: only this trail (aws:SourceArn), as the CloudTrail user guide writes it', () => {
    const trail = ARN('cloudtrail', ':trail/SecurityWorkshop-Trail');
    expect(bySid('CloudTrailEncryptsTheTrailsLogFiles')).toEqual({
      Sid: 'CloudTrailEncryptsTheTrailsLogFiles',
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 'kms:GenerateDataKey*',
      Resource: '*',
      Condition: {
        StringEquals: { 'aws:SourceArn': trail },
        StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cloudtrail:*:', { Ref: 'AWS::AccountId' }, ':trail/*']] } },
      },
    });
    expect(bySid('CloudTrailDescribesTheKey').Condition).toEqual({ StringEquals: { 'aws:SourceArn': trail } });
  });

  test('log delivery (flow logs to S3): this account and its log deliveries only', () => {
    const s = bySid('LogDeliveryWritesFlowLogsToS3');
    expect(s.Principal).toEqual({ Service: 'delivery.logs.amazonaws.com' });
    expect(s.Action).toEqual(['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey']);
    expect(s.Condition).toEqual({ StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } }, ArnLike: { 'aws:SourceArn': ARN('logs', ':*') } });
  });

  test("the handlers' log groups are named <stack name>/<construct path>, inside the key's grant", () => {
    const names = Object.values(resources)
      .filter((r) => r.Type === 'AWS::Logs::LogGroup' && typeof r.Properties.LogGroupName !== 'string')
      .map((r) => r.Properties.LogGroupName['Fn::Join'][1]);
    expect(names).toContainEqual([{ Ref: 'AWS::StackName' }, '/Network/FlowLogs/Bucket/EmptyOnDelete']);
    expect(names.length).toBeGreaterThan(5);
    expect(names.every((n) => n.length === 2 && n[0].Ref === 'AWS::StackName' && /^\/[A-Za-z0-9/]+$/.test(n[1]))).toBe(true);
  });

  test('every log group: the workshop key and 365 days; every bucket: the key, versioned, with the lifecycle rule (but the load balancer\'s access logs: SSE-S3)', () => {
    for (const context of [{}, DAY2]) {
      const entries = Object.entries(keyOf(context).resources);
      const all = entries.map(([, r]) => r);
      const groups = all.filter((r) => r.Type === 'AWS::Logs::LogGroup');
      // Elastic Load Balancing writes access logs only to SSE-S3 buckets.
      const accessLogs = entries.filter(([id, r]) => r.Type === 'AWS::S3::Bucket' && id.startsWith('WebTierLoadBalancerAccessLogsBucket')).map(([, r]) => r);
      expect(accessLogs.map((b) => [b.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault, b.Properties.VersioningConfiguration])).toEqual(
        context === DAY2 ? [[{ SSEAlgorithm: 'AES256' }, { Status: 'Enabled' }]] : [],
      );
      const buckets = all.filter((r) => r.Type === 'AWS::S3::Bucket' && !accessLogs.includes(r));
      expect(groups.length).toBeGreaterThan(5);
      expect(groups.map((g) => [g.Properties.KmsKeyId, g.Properties.RetentionInDays])).toEqual(groups.map(() => [KEY_ARN, 365]));
      expect(buckets.map((b) => [b.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault, b.Properties.VersioningConfiguration])).toEqual(
        buckets.map(() => [{ SSEAlgorithm: 'aws:kms', KMSMasterKeyID: KEY_ARN }, { Status: 'Enabled' }]),
      );
    }
    const trail = Object.values(resources).find((r) => r.Type === 'AWS::CloudTrail::Trail');
    expect(trail.Properties.KMSKeyId).toEqual(KEY_ARN);
  });

  test('day 2: AWS Config may deliver into the bucket the key encrypts, from this account only', () => {
    const day2: any[] = keyOf(DAY2).key.Properties.KeyPolicy.Statement;
    expect(day2.find((s) => s.Sid === 'ConfigDeliversToTheBucket')).toEqual({
      Sid: 'ConfigDeliversToTheBucket',
      Effect: 'Allow',
      Principal: { Service: 'config.amazonaws.com' },
      Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
      Resource: '*',
      Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
    });
  });

  test('no key when only the identity part is deployed (nothing to encrypt)', () => {
    expect(Object.values(templateOf({ parts: 'identity' }).toJSON().Resources as Record<string, any>).filter((r) => r.Type === 'AWS::KMS::Key')).toEqual([]);
  });
});
