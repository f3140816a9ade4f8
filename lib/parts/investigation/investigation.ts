import { CfnCondition } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { WorkshopConfig, workshopNames } from '../../config/workshop-config';
import { AthenaWorkgroup } from './athena-workgroup';
import { CloudTrailTrail } from './cloudtrail-trail';
import { FlowLogAthena } from './flow-log-athena';
import { FlowLogInsights } from './flow-log-insights';
import { WazuhReader } from './wazuh-reader';
import { LogSettings, WorkshopKey } from '../../constructs/workshop-key';

export interface InvestigationProps {
  readonly config: WorkshopConfig;
  /** The workshop key: the trail, its log group and bucket, the Athena results; the Wazuh reader decrypts with it. */
  readonly key: WorkshopKey;
  /** From the network part: the flow log's CloudWatch Logs group. */
  readonly flowLogGroup: logs.ILogGroup;
  /** From the network part: the flow log's bucket (read here, never changed). */
  readonly flowLogBucket: s3.IBucket;
  /**
   * Subscribed to the alarm topic: in the template the AlarmEmail parameter (a token) with the
   * condition that it is not empty. Default: the alarmEmail setting, unconditional.
   */
  readonly alarmEmail?: { readonly address: string; readonly condition?: CfnCondition };
}

/**
 * Workshop part 2, the investigation: flow logs in CloudWatch Logs (saved queries, an alarm on
 * rejected traffic), flow logs and CloudTrail in S3 with Athena, and the hand-off to Wazuh.
 */
export class Investigation extends Construct {
  public readonly insights: FlowLogInsights;
  public readonly workgroup: AthenaWorkgroup;
  public readonly flowLogAthena: FlowLogAthena;
  public readonly trail: CloudTrailTrail;
  public readonly wazuhReader: WazuhReader;

  constructor(scope: Construct, id: string, props: InvestigationProps) {
    super(scope, id);
    const { config } = props;
    const names = workshopNames(config);
    const n = names.investigation;
    const logs: LogSettings = { retentionDays: config.logRetentionDays, key: props.key };

    this.insights = new FlowLogInsights(this, 'FlowLogInsights', {
      logGroup: props.flowLogGroup,
      queryFolder: n.queryFolder,
      metricNamespace: n.metricNamespace,
      metricName: n.rejectedFlowsMetric,
      alarmName: n.rejectedFlowsAlarm,
      topicName: n.alarmTopic,
      threshold: config.rejectedFlowsAlarmThreshold,
      alarmEmail: props.alarmEmail?.address ?? config.alarmEmail,
      alarmEmailCondition: props.alarmEmail?.condition,
    });
    this.workgroup = new AthenaWorkgroup(this, 'Athena', {
      databaseName: n.glueDatabase,
      workGroupName: n.athenaWorkGroup,
      logs,
    });
    this.flowLogAthena = new FlowLogAthena(this, 'FlowLogAthena', {
      workgroup: this.workgroup,
      bucketName: props.flowLogBucket.bucketName,
      s3Folder: names.flowLogS3Folder,
      tableName: n.flowLogTable,
    });
    this.trail = new CloudTrailTrail(this, 'CloudTrail', {
      trailName: n.trail,
      logGroupName: n.trailLogGroup,
      logs,
      workgroup: this.workgroup,
      tableName: n.cloudTrailTable,
    });
    this.wazuhReader = new WazuhReader(this, 'WazuhReader', {
      name: n.wazuhReader,
      bucket: props.flowLogBucket,
      s3Folder: names.flowLogS3Folder,
      principalArn: config.wazuhPrincipalArn,
      externalId: config.wazuhExternalId,
      key: props.key,
    });
  }
}
