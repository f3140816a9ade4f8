import { Aws, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { EmptiedBucket } from '../../constructs/emptied-bucket';
import { logicalIdOf } from '../../constructs/logical-id';
import { encryptedLogGroup, LogSettings } from '../../constructs/workshop-key';

export interface FlowLogsProps {
  readonly vpcId: string;
  /** CloudWatch Logs group name: Flow-logs-VPC-10-0-0-0. */
  readonly logGroupName: string;
  /** s3-vpc-flow-logs-vpc-10-0-0-0-<account>-<region> (flowLogBucketName of the config). */
  readonly bucketName: string;
  /** Key prefix in the bucket: 'vpc' (what Wazuh's aws-s3 vpcflow reader takes as <path>). */
  readonly s3Folder: string;
  readonly logs: LogSettings;
}

/**
 * The workshop's two flow logs of the VPC (part 2, "VPC Flow Logs"): filter ALL, AWS default
 * format (version 2, 14 fields; LogFormat left unset), to CloudWatch Logs and to S3.
 *
 * The S3 layout is what Wazuh's aws-s3 module with type vpcflow reads: plain text (gzip), not
 * Hive-partitioned, no per-hour partition, keys vpc/AWSLogs/<account>/vpcflowlogs/<region>/YYYY/MM/DD/.
 */
export class FlowLogs extends Construct {
  public readonly logGroup: logs.LogGroup;
  public readonly bucket: s3.Bucket;
  public readonly bucketName: string;
  public readonly cloudWatchFlowLog: ec2.CfnFlowLog;
  public readonly s3FlowLog: ec2.CfnFlowLog;

  constructor(scope: Construct, id: string, props: FlowLogsProps) {
    super(scope, id);

    // --- To CloudWatch Logs, through a delivery role ------------------------------------------
    this.logGroup = encryptedLogGroup(this, 'LogGroup', props.logGroupName, props.logs);
    const deliveryRole = new iam.Role(this, 'DeliveryRole', {
      description: `VPC flow logs delivery to ${props.logGroupName}`,
      assumedBy: new iam.ServicePrincipal('vpc-flow-logs.amazonaws.com', {
        // Confused-deputy protection (VPC flow logs user guide, "IAM role for publishing flow logs").
        conditions: {
          StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
          ArnLike: { 'aws:SourceArn': `arn:${Aws.PARTITION}:ec2:${Aws.REGION}:${Aws.ACCOUNT_ID}:vpc-flow-log/*` },
        },
      }),
    });
    deliveryRole.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
        resources: [this.logGroup.logGroupArn],
      }),
    );
    Validations.of(deliveryRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${logicalIdOf(this.logGroup)}.Arn>]`,
      reason: 'The log group ARN ends in :* so the role can write the log streams that flow logs create in this one log group.',
    });
    this.cloudWatchFlowLog = new ec2.CfnFlowLog(this, 'ToCloudWatchLogs', {
      resourceId: props.vpcId,
      resourceType: 'VPC',
      trafficType: 'ALL',
      logDestinationType: 'cloud-watch-logs',
      logDestination: this.logGroup.logGroupArn,
      deliverLogsPermissionArn: deliveryRole.roleArn,
      maxAggregationInterval: 600,
      tags: [{ key: 'Name', value: props.logGroupName }],
    });
    // The role's policy must exist before delivery starts, and outlive the flow log on delete.
    this.cloudWatchFlowLog.node.addDependency(deliveryRole.node.findChild('DefaultPolicy'));

    // --- To S3 ---------------------------------------------------------------------------------
    this.bucketName = props.bucketName;
    const storage = new EmptiedBucket(this, 'Bucket', {
      purpose: 'the VPC flow logs',
      bucketName: this.bucketName,
      logs: props.logs,
    });
    // The bucket's default encryption is SSE-KMS with the workshop key: log delivery encrypts with it.
    props.logs.key.allowLogDeliveryToS3();
    this.bucket = storage.bucket;
    // The statements AWS would otherwise add itself on first delivery ("Permissions for flow logs
    // to S3"), written here so that the stack owns the whole policy and a later update keeps them.
    const deliveryPrincipal = new iam.ServicePrincipal('delivery.logs.amazonaws.com');
    const fromThisAccountsLogs = {
      StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
      ArnLike: { 'aws:SourceArn': `arn:${Aws.PARTITION}:logs:${Aws.REGION}:${Aws.ACCOUNT_ID}:*` },
    };
    this.bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AWSLogDeliveryWrite',
        principals: [deliveryPrincipal],
        actions: ['s3:PutObject'],
        resources: [this.bucket.arnForObjects(`${props.s3Folder}/AWSLogs/${Aws.ACCOUNT_ID}/*`)],
        conditions: fromThisAccountsLogs,
      }),
    );
    this.bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AWSLogDeliveryAclCheck',
        principals: [deliveryPrincipal],
        actions: ['s3:GetBucketAcl'],
        resources: [this.bucket.bucketArn],
        conditions: fromThisAccountsLogs,
      }),
    );

    this.s3FlowLog = new ec2.CfnFlowLog(this, 'ToS3', {
      resourceId: props.vpcId,
      resourceType: 'VPC',
      trafficType: 'ALL',
      logDestinationType: 's3',
      // The folder goes in the ARN: arn:aws:s3:::<bucket>/vpc/
      logDestination: `${this.bucket.bucketArn}/${props.s3Folder}/`,
      destinationOptions: { FileFormat: 'plain-text', HiveCompatiblePartitions: false, PerHourPartition: false },
      maxAggregationInterval: 600,
      tags: [{ key: 'Name', value: `${props.logGroupName}-to-s3` }],
    });
    // Destroy order: this flow log first (no new objects), then the emptier runs, then the bucket goes.
    this.s3FlowLog.node.addDependency(storage.emptier, this.bucket.policy!);
  }
}
