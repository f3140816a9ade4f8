import { Aws, CfnOutput, Stack, StackProps } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { WorkshopConfig, workshopNames } from '../config/workshop-config';
import { AthenaWorkgroup } from '../constructs/athena-workgroup';
import { CloudTrailTrail } from '../constructs/cloudtrail-trail';
import { FlowLogAthena } from '../constructs/flow-log-athena';
import { FlowLogInsights } from '../constructs/flow-log-insights';
import { WazuhReader } from '../constructs/wazuh-reader';
import { WAZUH_ROLE_OUTPUT } from '../wazuh/from-template';
import { wazuhVpcFlowWodle } from '../wazuh/wodle';

export interface InvestigationStackProps extends StackProps {
  readonly config: WorkshopConfig;
  /** From the network stack: the flow log's CloudWatch Logs group. */
  readonly flowLogGroup: logs.ILogGroup;
  /** From the network stack: the flow log's bucket. Only read here, never changed (references stay one-way). */
  readonly flowLogBucket: s3.IBucket;
  /**
   * The same bucket's name as the network stack builds it (s3-vpc-flow-logs-...-<account>-<region>,
   * pseudo parameters only): for the outputs, where cfn-lint (W6001) rejects an imported value.
   */
  readonly flowLogBucketName: string;
}

/**
 * Workshop part 2, the investigation: flow logs in CloudWatch Logs (saved queries, an alarm on
 * rejected traffic), flow logs and CloudTrail in S3 with Athena, and the hand-off to Wazuh.
 */
export class InvestigationStack extends Stack {
  public readonly insights: FlowLogInsights;
  public readonly workgroup: AthenaWorkgroup;
  public readonly flowLogAthena: FlowLogAthena;
  public readonly trail: CloudTrailTrail;
  public readonly wazuhReader: WazuhReader;

  constructor(scope: Construct, id: string, props: InvestigationStackProps) {
    super(scope, id, props);
    const { config } = props;
    const names = workshopNames(config);
    const n = names.investigation;

    this.insights = new FlowLogInsights(this, 'FlowLogInsights', {
      logGroup: props.flowLogGroup,
      queryFolder: n.queryFolder,
      metricNamespace: n.metricNamespace,
      metricName: n.rejectedFlowsMetric,
      alarmName: n.rejectedFlowsAlarm,
      topicName: n.alarmTopic,
      threshold: config.rejectedFlowsAlarmThreshold,
      alarmEmail: config.alarmEmail,
    });
    this.workgroup = new AthenaWorkgroup(this, 'Athena', {
      databaseName: n.glueDatabase,
      workGroupName: n.athenaWorkGroup,
      logRetentionDays: config.logRetentionDays,
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
      logRetentionDays: config.logRetentionDays,
      workgroup: this.workgroup,
      tableName: n.cloudTrailTable,
    });
    this.wazuhReader = new WazuhReader(this, 'WazuhReader', {
      name: n.wazuhReader,
      bucket: props.flowLogBucket,
      s3Folder: names.flowLogS3Folder,
      principalArn: config.wazuhPrincipalArn,
    });

    new CfnOutput(this, 'AlarmTopicArn', { value: this.insights.topic.topicArn });
    new CfnOutput(this, 'AthenaWorkGroup', { value: this.workgroup.workGroupName });
    new CfnOutput(this, 'GlueDatabase', { value: this.workgroup.databaseName });
    new CfnOutput(this, 'AthenaResultsBucket', { value: this.workgroup.results.bucket.bucketName });
    new CfnOutput(this, 'TrailName', { value: this.trail.trail.ref });
    new CfnOutput(this, 'TrailBucketName', { value: this.trail.storage.bucket.bucketName });
    new CfnOutput(this, 'WazuhPolicyArn', { value: this.wazuhReader.policy.managedPolicyArn });
    if (this.wazuhReader.role) new CfnOutput(this, WAZUH_ROLE_OUTPUT, { value: this.wazuhReader.role.roleArn });
    new CfnOutput(this, 'WazuhOssecConfig', {
      description: "Paste into Wazuh's ossec.conf (or run npm run wazuh-config) to read the VPC flow logs from S3",
      value: wazuhVpcFlowWodle({
        bucketName: props.flowLogBucketName,
        path: names.flowLogS3Folder,
        region: Aws.REGION,
        iamRoleArn: this.wazuhReader.role?.roleArn,
      }),
    });
  }
}
