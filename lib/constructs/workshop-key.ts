import { Aws, Duration, Lazy, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface WorkshopKeyProps {
  /** How many days KMS waits before deleting the key once destroy schedules its deletion. */
  readonly pendingWindowDays: number;
}

/** Where the app keeps logs: the retention of its log groups and the key that encrypts them and its buckets. */
export interface LogSettings {
  readonly retentionDays: number;
  readonly key: WorkshopKey;
}

/**
 * The workshop's one customer-managed KMS key (AWS Control Tower's controls ask for customer-managed
 * encryption of log groups, the trail, buckets and Athena results). Rotation on; destroy schedules
 * its deletion after the shortest waiting period.
 *
 * The key policy keeps the account's default statement (IAM policies decide for the account's own
 * principals: the Wazuh reader, the organiser) and grants the AWS services that write with the key,
 * each only for this account's resources, as the parts that use them ask:
 * CloudWatch Logs (`allowLogGroups`), CloudTrail (`allowTrail`), log delivery to S3 (`allowLogDeliveryToS3`),
 * AWS Config (`allowConfigDelivery`). Grants are limited to AWS services (CT.KMS.PR.3).
 */
export class WorkshopKey extends Construct {
  public readonly key: kms.Key;
  public readonly keyArn: string;
  private readonly logGroupArns: string[] = [];

  constructor(scope: Construct, id: string, props: WorkshopKeyProps) {
    super(scope, id);
    this.key = new kms.Key(this, 'Key', {
      description: `Workshop key of ${Aws.STACK_NAME}: log groups, trail, buckets, Athena results`,
      enableKeyRotation: true,
      pendingWindow: Duration.days(props.pendingWindowDays),
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.keyArn = this.key.keyArn;
    // CT.KMS.PR.3: kms:CreateGrant only for AWS resources or by AWS services.
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'DenyGrantsNotForAwsResources',
        effect: iam.Effect.DENY,
        principals: [new iam.StarPrincipal()],
        actions: ['kms:CreateGrant'],
        resources: ['*'],
        conditions: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
      }),
    );
  }

  /** ARN of a log group of this account and region, as CloudWatch Logs puts it in the encryption context. */
  public static logGroupArn(name: string): string {
    return `arn:${Aws.PARTITION}:logs:${Aws.REGION}:${Aws.ACCOUNT_ID}:log-group:${name}`;
  }

  /**
   * CloudWatch Logs may encrypt and decrypt the events of these log groups (CloudWatch Logs user
   * guide, "Encrypt log data in CloudWatch Logs using AWS KMS"): `names` may end in `*`.
   */
  public allowLogGroups(...names: string[]): void {
    const first = this.logGroupArns.length === 0;
    for (const arn of names.map((n) => WorkshopKey.logGroupArn(n))) if (!this.logGroupArns.includes(arn)) this.logGroupArns.push(arn);
    if (!first) return;
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchLogsOfTheWorkshopLogGroups',
        principals: [new iam.ServicePrincipal(`logs.${Aws.REGION}.amazonaws.com`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': Lazy.list({ produce: () => this.logGroupArns }) } },
      }),
    );
  }

  /** CloudTrail may encrypt this trail's log files (CloudTrail user guide, "Configure AWS KMS key policies for CloudTrail"). */
  public allowTrail(trailArn: string): void {
    const principals = [new iam.ServicePrincipal('cloudtrail.amazonaws.com')];
    const fromTheTrail = { 'aws:SourceArn': trailArn };
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudTrailEncryptsTheTrailsLogFiles',
        principals,
        actions: ['kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: {
          StringEquals: fromTheTrail,
          StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': `arn:${Aws.PARTITION}:cloudtrail:*:${Aws.ACCOUNT_ID}:trail/*` },
        },
      }),
    );
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({ sid: 'CloudTrailDescribesTheKey', principals, actions: ['kms:DescribeKey'], resources: ['*'], conditions: { StringEquals: fromTheTrail } }),
    );
  }

  /**
   * Log delivery (VPC flow logs to S3) may write SSE-KMS objects with the key (VPC user guide,
   * "Amazon S3 bucket permissions for flow logs", key policy for SSE-KMS), for this account's deliveries only.
   */
  public allowLogDeliveryToS3(): void {
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'LogDeliveryWritesFlowLogsToS3',
        principals: [new iam.ServicePrincipal('delivery.logs.amazonaws.com')],
        actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
        resources: ['*'],
        conditions: {
          StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
          ArnLike: { 'aws:SourceArn': `arn:${Aws.PARTITION}:logs:${Aws.REGION}:${Aws.ACCOUNT_ID}:*` },
        },
      }),
    );
  }

  /** AWS Config may write its snapshots and history into a bucket encrypted with the key (Config developer guide, "Permissions for the KMS Key"). */
  public allowConfigDelivery(): void {
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'ConfigDeliversToTheBucket',
        principals: [new iam.ServicePrincipal('config.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
      }),
    );
  }
}

/**
 * A named log group of the app: kept `logs.retentionDays`, encrypted with the workshop key (whose
 * policy then lets CloudWatch Logs use it for this group), deleted on destroy.
 */
export function encryptedLogGroup(scope: Construct, id: string, logGroupName: string, settings: LogSettings): logs.LogGroup {
  const group = new logs.LogGroup(scope, id, {
    logGroupName,
    retention: settings.retentionDays as logs.RetentionDays,
    encryptionKey: settings.key.key,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  settings.key.allowLogGroups(logGroupName);
  return group;
}
