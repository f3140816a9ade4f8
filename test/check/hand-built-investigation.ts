/**
 * A participant's investigation toolkit built by hand through the SDK, under names of their own (the
 * text leaves them open): an SNS topic, a metric filter counting REJECT records on the flow-log
 * group and an alarm on it, a Glue database with tables over the flow logs and the trail, and a
 * multi-region trail with log file validation, logging to a bucket of theirs.
 */
import { CreateTrailCommand, StartLoggingCommand } from '@aws-sdk/client-cloudtrail';
import { PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import { PutMetricFilterCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateDatabaseCommand, CreateTableCommand } from '@aws-sdk/client-glue';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { CreateTopicCommand } from '@aws-sdk/client-sns';
import type { AwsClients } from '../../scripts/operator/clients';

const FLOW_LOG_GROUP = 'Flow-logs-VPC-10-0-0-0';

export async function buildInvestigation(c: AwsClients, account: string, p: string, flowLogBucket: string): Promise<void> {
  const topic = (await c.sns.send(new CreateTopicCommand({ Name: `${p}-alerts` }))).TopicArn!;
  await c.logs.send(new PutMetricFilterCommand({
    logGroupName: FLOW_LOG_GROUP, filterName: 'RejectedTraffic',
    filterPattern: '[version, account, eni, source, destination, srcport, destport, protocol, packets, bytes, windowstart, windowend, action="REJECT", flowlogstatus]',
    metricTransformations: [{ metricName: 'Rejects', metricNamespace: 'VPCFlowLogs', metricValue: '1' }],
  }));
  await c.cloudwatch.send(new PutMetricAlarmCommand({
    AlarmName: 'rejected-traffic', MetricName: 'Rejects', Namespace: 'VPCFlowLogs', Statistic: 'Sum', Period: 60,
    EvaluationPeriods: 1, Threshold: 10, ComparisonOperator: 'GreaterThanThreshold', AlarmActions: [topic],
  }));

  const trailBucket = `${p}-cloudtrail-${account}`;
  await c.s3.send(new CreateBucketCommand({ Bucket: trailBucket }));
  await c.cloudtrail.send(new CreateTrailCommand({ Name: `${p}-trail`, S3BucketName: trailBucket, IsMultiRegionTrail: true, EnableLogFileValidation: true }));
  await c.cloudtrail.send(new StartLoggingCommand({ Name: `${p}-trail` }));

  const table = (Name: string, Location: string) => ({ Name, TableType: 'EXTERNAL_TABLE', StorageDescriptor: { Location, Columns: [{ Name: 'action', Type: 'string' }] } });
  await c.glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'flowlogs_db' } }));
  await c.glue.send(new CreateTableCommand({ DatabaseName: 'flowlogs_db', TableInput: table('flow_logs', `s3://${flowLogBucket}/vpc/AWSLogs/${account}/vpcflowlogs/us-east-1/`) }));
  await c.glue.send(new CreateTableCommand({ DatabaseName: 'flowlogs_db', TableInput: table('trail_logs', `s3://${trailBucket}/AWSLogs/${account}/CloudTrail/us-east-1/`) }));
}
