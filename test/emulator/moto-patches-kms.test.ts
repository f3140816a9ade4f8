/**
 * scripts/emulator/patches/cfn_kms_key_log_group_encryption.py: the workshop key and what it
 * encrypts, through CloudFormation, as AWS answers for them (moto 5.2.1 fails a tagged key, drops a
 * log group's KmsKeyId and deletes a stack's key at once instead of scheduling its deletion); and
 * cfn_s3_bucket_configuration.py's lifecycle rules of a versioned bucket.
 */
import { CloudFormationClient, CreateStackCommand, DeleteStackCommand, DescribeStacksCommand, ListStackResourcesCommand, UpdateStackCommand } from '@aws-sdk/client-cloudformation';
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeKeyCommand, GetKeyPolicyCommand, GetKeyRotationStatusCommand, KMSClient, ListResourceTagsCommand } from '@aws-sdk/client-kms';
import { GetBucketEncryptionCommand, GetBucketLifecycleConfigurationCommand, GetBucketVersioningCommand, S3Client } from '@aws-sdk/client-s3';
import { Emulator, startEmulator } from '../../scripts/emulator/emulator';
import { emulatorConfig } from '../operator/support';

jest.setTimeout(60_000);

let emu: Emulator;
let cfn: CloudFormationClient;
let kms: KMSClient;
let logs: CloudWatchLogsClient;
let s3: S3Client;

beforeAll(async () => {
  emu = await startEmulator();
  const config = emulatorConfig(emu);
  cfn = new CloudFormationClient(config);
  kms = new KMSClient(config);
  logs = new CloudWatchLogsClient(config);
  s3 = new S3Client({ ...config, forcePathStyle: true });
});

afterAll(async () => {
  for (const c of [cfn, kms, logs, s3]) c?.destroy();
  await emu?.stop();
});

async function settled(StackName: string): Promise<string | undefined> {
  for (let i = 0; i < 200; i++) {
    const stack = (await cfn.send(new DescribeStacksCommand({ StackName })).catch(() => undefined))?.Stacks?.[0];
    if (!stack?.StackStatus?.endsWith('_IN_PROGRESS')) return stack?.StackStatus;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${StackName} did not settle`);
}

const KEY_ARN = { 'Fn::GetAtt': ['Key', 'Arn'] };
const TEMPLATE = {
  Resources: {
    Key: {
      Type: 'AWS::KMS::Key',
      Properties: {
        EnableKeyRotation: true,
        PendingWindowInDays: 7,
        Tags: [{ Key: 'workshop', Value: 'aws-security-logging-monitoring-ir' }],
        KeyPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'kms:*', Resource: '*' }] },
      },
    },
    Logs: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: 'kms-encrypted', RetentionInDays: 365, KmsKeyId: KEY_ARN } },
    Bucket: {
      Type: 'AWS::S3::Bucket',
      Properties: {
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: KEY_ARN } }] },
        VersioningConfiguration: { Status: 'Enabled' },
        LifecycleConfiguration: {
          Rules: [{ Id: 'Expire', Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: 30 }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }],
        },
      },
    },
  },
};

test('a tagged key with rotation, a log group and a versioned bucket encrypted with it; the stack delete schedules the key for deletion after its pending window', async () => {
  await cfn.send(new CreateStackCommand({ StackName: 'kms', TemplateBody: JSON.stringify(TEMPLATE) }));
  expect(await settled('kms')).toBe('CREATE_COMPLETE');
  const ids = Object.fromEntries(((await cfn.send(new ListStackResourcesCommand({ StackName: 'kms' }))).StackResourceSummaries ?? []).map((r) => [r.LogicalResourceId, r.PhysicalResourceId]));
  const key = (await kms.send(new DescribeKeyCommand({ KeyId: ids.Key! }))).KeyMetadata!;
  expect(key.KeyState).toBe('Enabled');
  expect((await kms.send(new GetKeyRotationStatusCommand({ KeyId: key.KeyId! }))).KeyRotationEnabled).toBe(true);
  expect((await kms.send(new ListResourceTagsCommand({ KeyId: key.KeyId! }))).Tags).toEqual([{ TagKey: 'workshop', TagValue: 'aws-security-logging-monitoring-ir' }]);
  expect(JSON.parse((await kms.send(new GetKeyPolicyCommand({ KeyId: key.KeyId!, PolicyName: 'default' }))).Policy!)).toEqual(TEMPLATE.Resources.Key.Properties.KeyPolicy);

  const [group] = (await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: 'kms-encrypted' }))).logGroups ?? [];
  expect([group.retentionInDays, group.kmsKeyId]).toEqual([365, key.Arn]);

  const rule = (await s3.send(new GetBucketEncryptionCommand({ Bucket: ids.Bucket! }))).ServerSideEncryptionConfiguration?.Rules?.[0];
  expect(rule?.ApplyServerSideEncryptionByDefault).toEqual({ SSEAlgorithm: 'aws:kms', KMSMasterKeyID: key.Arn });
  expect((await s3.send(new GetBucketVersioningCommand({ Bucket: ids.Bucket! }))).Status).toBe('Enabled');
  // cfn_s3_bucket_configuration: the lifecycle rule.
  expect((await s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: ids.Bucket! }))).Rules).toEqual([
    { ID: 'Expire', Status: 'Enabled', Filter: { Prefix: '' }, NoncurrentVersionExpiration: { NoncurrentDays: 30 }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } },
  ]);

  const before = Date.now();
  await cfn.send(new DeleteStackCommand({ StackName: 'kms' }));
  expect(await settled('kms')).toBeUndefined();
  const gone = (await kms.send(new DescribeKeyCommand({ KeyId: key.KeyId! }))).KeyMetadata!;
  expect(gone.KeyState).toBe('PendingDeletion');
  const days = (gone.DeletionDate!.getTime() - before) / 86_400_000;
  expect(days).toBeGreaterThan(6.9);
  expect(days).toBeLessThan(7.1);
});

test('a stack update that changes the key policy updates the same key, and the delete still schedules its deletion', async () => {
  const key = { ...TEMPLATE.Resources.Key, Properties: { ...TEMPLATE.Resources.Key.Properties, Tags: [] as unknown[] } };
  await cfn.send(new CreateStackCommand({ StackName: 'kms-update', TemplateBody: JSON.stringify({ Resources: { Key: key } }) }));
  expect(await settled('kms-update')).toBe('CREATE_COMPLETE');
  const idOf = async () => ((await cfn.send(new ListStackResourcesCommand({ StackName: 'kms-update' }))).StackResourceSummaries ?? []).find((r) => r.LogicalResourceId === 'Key')?.PhysicalResourceId;
  const keyId = (await idOf())!;
  const statement = { Sid: 'Config', Effect: 'Allow', Principal: { Service: 'config.amazonaws.com' }, Action: ['kms:GenerateDataKey', 'kms:Decrypt'], Resource: '*' };
  const policy = { ...key.Properties.KeyPolicy, Statement: [...key.Properties.KeyPolicy.Statement, statement] };
  await cfn.send(new UpdateStackCommand({ StackName: 'kms-update', TemplateBody: JSON.stringify({ Resources: { Key: { ...key, Properties: { ...key.Properties, KeyPolicy: policy } } } }) }));
  expect(await settled('kms-update')).toBe('UPDATE_COMPLETE');
  expect(await idOf()).toBe(keyId);
  expect(JSON.parse((await kms.send(new GetKeyPolicyCommand({ KeyId: keyId, PolicyName: 'default' }))).Policy!)).toEqual(policy);
  await cfn.send(new DeleteStackCommand({ StackName: 'kms-update' }));
  expect(await settled('kms-update')).toBeUndefined();
  expect((await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata!.KeyState).toBe('PendingDeletion');
});
