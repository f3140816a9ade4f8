import { Aws, CfnOutput, Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { WorkshopConfig, workshopNames } from '../config/workshop-config';
import { FlowLogs } from '../constructs/flow-logs';
import { WorkshopVpc } from '../constructs/workshop-vpc';
import { wazuhVpcFlowWodle } from '../wazuh/wodle';

export interface NetworkStackProps extends StackProps {
  readonly config: WorkshopConfig;
}

/** Workshop part 1, "Create a VPC", and part 2, "VPC Flow Logs". */
export class NetworkStack extends Stack {
  public readonly workshopVpc: WorkshopVpc;
  public readonly flowLogs: FlowLogs;

  constructor(scope: Construct, id: string, props: NetworkStackProps) {
    super(scope, id, props);
    const names = workshopNames(props.config);
    this.workshopVpc = new WorkshopVpc(this, 'Vpc', { config: props.config });
    this.flowLogs = new FlowLogs(this, 'FlowLogs', {
      vpcId: this.workshopVpc.vpcId,
      logGroupName: names.flowLogGroup,
      bucketNamePrefix: names.flowLogBucketPrefix,
      s3Folder: names.flowLogS3Folder,
      logRetentionDays: props.config.logRetentionDays,
    });

    new CfnOutput(this, 'VpcId', { value: this.workshopVpc.vpcId });
    new CfnOutput(this, 'FlowLogGroupName', { value: this.flowLogs.logGroup.logGroupName });
    new CfnOutput(this, 'FlowLogBucketName', { value: this.flowLogs.bucket.bucketName });
    new CfnOutput(this, 'WazuhOssecConfig', {
      description: "Paste into Wazuh's ossec.conf to read the VPC flow logs from S3",
      value: wazuhVpcFlowWodle({ bucketName: this.flowLogs.bucket.bucketName, path: names.flowLogS3Folder, region: Aws.REGION }),
    });
  }
}
