/**
 * Workshop part 2's flow logs, built by the network part (lib/parts/network/flow-logs.ts): the
 * VPC's flow log to CloudWatch Logs and to S3, the log group's retention, the bucket's guard rails.
 */
import { DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeFlowLogsCommand, FlowLog } from '@aws-sdk/client-ec2';
import { GetBucketEncryptionCommand, GetBucketPolicyCommand, GetBucketVersioningCommand, GetPublicAccessBlockCommand, HeadBucketCommand } from '@aws-sdk/client-s3';
import { TEXT_LOG_RETENTION_DAYS } from '../../../lib/config/control-tower';
import { errorName } from '../../operator/errors';
import { ALL_PUBLIC_ACCESS_BLOCKED, DEFAULT_FLOW_LOG_FORMAT, statementSummary, UNSET } from '../labels';
import { list, Observer, policyStatements } from '../observer';
import { resourceRows, Scope, VerifyPart } from '../part';
import { ExpectedRow } from '../types';

function expectedRows({ config, target, labels: L, names: n }: Scope): ExpectedRow[] {
  const bucketArn = `arn:${target.partition}:s3:::${L.bucket}`;
  return [
    ...resourceRows('flowLog', L.cloudWatchFlowLog, [
      ['traffic type', 'ALL'],
      ['log format', DEFAULT_FLOW_LOG_FORMAT, [UNSET]],
      ['destination log group', n.flowLogGroup],
    ]),
    ...resourceRows('flowLog', L.s3FlowLog, [
      ['traffic type', 'ALL'],
      ['log format', DEFAULT_FLOW_LOG_FORMAT, [UNSET]],
      ['destination', `${bucketArn}/${n.flowLogS3Folder}/`],
      ['file format', 'plain-text'],
      ['Hive-compatible partitions', false],
    ]),
    // The app keeps a year (Control Tower); the text sets 7 days by hand.
    ...resourceRows('logGroup', L.logGroup, [['retention (days)', config.logRetentionDays, undefined, String(TEXT_LOG_RETENTION_DAYS)]]),
    ...resourceRows('bucket', L.bucketLabel, [
      ['public access block', ALL_PUBLIC_ACCESS_BLOCKED],
      // The app encrypts with its KMS key (Control Tower); the text keeps the default SSE-S3 and no versioning.
      ['default encryption', 'aws:kms', undefined, 'AES256'],
      ['versioning', 'Enabled', undefined, null],
      // The flow log's delivery (delivery.logs.amazonaws.com) may check the ACL and write under <folder>/AWSLogs/<account>/.
      ['delivery statements', statementSummary([['s3:GetBucketAcl', bucketArn], ['s3:PutObject', `${bucketArn}/${n.flowLogS3Folder}/AWSLogs/${target.account}/*`]])],
    ]),
  ];
}

async function observeFlowLogs(o: Observer): Promise<void> {
  const { labels: L, names: n } = o.scope;
  const flowLogs: FlowLog[] = o.vpcId
    ? ((await o.c.ec2.send(new DescribeFlowLogsCommand({ Filter: [{ Name: 'resource-id', Values: [o.vpcId] }] }))).FlowLogs ?? [])
    : [];
  const format = (f: FlowLog) => f.LogFormat || UNSET;
  await o.guard(L.cloudWatchFlowLog, async () => {
    const candidates = flowLogs.filter((f) => f.LogDestinationType === 'cloud-watch-logs');
    const groupOf = (f: FlowLog) => f.LogGroupName || f.LogDestination?.replace(/:\*$/, '').split(':log-group:')[1];
    const f = candidates.find((x) => groupOf(x) === n.flowLogGroup) ?? candidates[0];
    o.exists(L.cloudWatchFlowLog, f, f?.FlowLogId);
    if (!f) return;
    o.val(L.cloudWatchFlowLog, 'traffic type', f.TrafficType);
    o.val(L.cloudWatchFlowLog, 'log format', format(f));
    o.val(L.cloudWatchFlowLog, 'destination log group', groupOf(f) ?? UNSET);
  });
  await o.guard(L.s3FlowLog, async () => {
    const candidates = flowLogs.filter((x) => x.LogDestinationType === 's3');
    const f = candidates.find((x) => x.LogDestination?.includes(L.bucket)) ?? candidates[0];
    o.exists(L.s3FlowLog, f, f?.FlowLogId);
    if (!f) return;
    o.val(L.s3FlowLog, 'traffic type', f.TrafficType);
    o.val(L.s3FlowLog, 'log format', format(f));
    o.val(L.s3FlowLog, 'destination', f.LogDestination ?? UNSET);
    const d = f.DestinationOptions;
    const why = 'DescribeFlowLogs returned no DestinationOptions for this flow log';
    o.set(L.s3FlowLog, 'file format', d?.FileFormat ? { value: d.FileFormat } : { notRecorded: why });
    o.set(L.s3FlowLog, 'Hive-compatible partitions', d?.HiveCompatiblePartitions !== undefined ? { value: String(d.HiveCompatiblePartitions) } : { notRecorded: why });
  });
}

/** One bucket setting: `read` gives the shown value; the error `absent` means the setting is off (`none`). */
async function bucketSetting(o: Observer, attribute: string, absent: string, none: string, read: () => Promise<string>): Promise<void> {
  try {
    o.val(o.scope.labels.bucketLabel, attribute, await read());
  } catch (e) {
    if (errorName(e) !== absent) throw e;
    o.val(o.scope.labels.bucketLabel, attribute, none);
  }
}

async function observeBucket(o: Observer): Promise<void> {
  const { labels: L } = o.scope;
  const Bucket = L.bucket;
  await o.guard(L.bucketLabel, async () => {
    try {
      await o.c.s3.send(new HeadBucketCommand({ Bucket }));
    } catch (e) {
      if (['NotFound', 'NoSuchBucket'].includes(errorName(e))) {
        o.exists(L.bucketLabel, false);
        return;
      }
      throw e;
    }
    o.exists(L.bucketLabel, true);
    await bucketSetting(o, 'public access block', 'NoSuchPublicAccessBlockConfiguration', 'none', async () => {
      const p = (await o.c.s3.send(new GetPublicAccessBlockCommand({ Bucket }))).PublicAccessBlockConfiguration ?? {};
      const on = (['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'] as const).filter((k) => p[k]);
      return on.length === 4 ? ALL_PUBLIC_ACCESS_BLOCKED : on.join(', ') || 'none';
    });
    await bucketSetting(o, 'default encryption', 'ServerSideEncryptionConfigurationNotFoundError', 'none', async () => {
      const enc = await o.c.s3.send(new GetBucketEncryptionCommand({ Bucket }));
      return enc.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm ?? 'none';
    });
    await bucketSetting(o, 'versioning', 'NoSuchBucket', 'none', async () => (await o.c.s3.send(new GetBucketVersioningCommand({ Bucket }))).Status ?? 'never enabled');
    await bucketSetting(o, 'delivery statements', 'NoSuchBucketPolicy', 'no bucket policy', async () => {
      const policy = (await o.c.s3.send(new GetBucketPolicyCommand({ Bucket }))).Policy;
      const delivery = policyStatements(policy).filter(
        (st) => st.Effect === 'Allow' && typeof st.Principal === 'object' && list(st.Principal.Service).includes('delivery.logs.amazonaws.com'),
      );
      return statementSummary(delivery.flatMap((st) => list(st.Action).flatMap((a) => list(st.Resource).map((r): [string, string] => [a, r]))));
    });
  });
}

export const flowLogsPart: VerifyPart = {
  part: 'network (flow logs)',
  expectedRows,
  async observe(o) {
    await observeFlowLogs(o);
    await o.guard(o.scope.labels.logGroup, async () => {
      const { labels: L, names: n } = o.scope;
      const groups = (await o.c.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: n.flowLogGroup }))).logGroups ?? [];
      const g = groups.find((x) => x.logGroupName === n.flowLogGroup);
      o.exists(L.logGroup, g);
      if (g) o.val(L.logGroup, 'retention (days)', g.retentionInDays ?? 'never expire');
    });
    await observeBucket(o);
  },
};
