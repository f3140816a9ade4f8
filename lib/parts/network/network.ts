import { Aws } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { flowLogBucketName, WorkshopConfig, workshopNames } from '../../config/workshop-config';
import { FlowLogs } from './flow-logs';
import { WorkshopVpc } from './workshop-vpc';
import { WorkshopKey } from '../../constructs/workshop-key';

export interface NetworkProps {
  readonly config: WorkshopConfig;
  /** The workshop key: the flow-log group and bucket. */
  readonly key: WorkshopKey;
}

/** Workshop part 1, "Create a VPC", and part 2, "VPC Flow Logs". */
export class Network extends Construct {
  public readonly workshopVpc: WorkshopVpc;
  public readonly flowLogs: FlowLogs;

  constructor(scope: Construct, id: string, props: NetworkProps) {
    super(scope, id);
    const names = workshopNames(props.config);
    this.workshopVpc = new WorkshopVpc(this, 'Vpc', { config: props.config });
    this.flowLogs = new FlowLogs(this, 'FlowLogs', {
      vpcId: this.workshopVpc.vpcId,
      logGroupName: names.flowLogGroup,
      bucketName: flowLogBucketName(props.config, Aws.ACCOUNT_ID, Aws.REGION),
      s3Folder: names.flowLogS3Folder,
      logs: { retentionDays: props.config.logRetentionDays, key: props.key },
    });
  }
}
