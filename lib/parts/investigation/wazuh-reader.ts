import { Aws, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { logicalIdOf } from '../../constructs/logical-id';
import { WorkshopKey } from '../../constructs/workshop-key';

export interface WazuhReaderProps {
  /** Name of the managed policy and of the role. */
  readonly name: string;
  /** The flow log's bucket. */
  readonly bucket: s3.IBucket;
  /** The flow log's S3 folder (<path> of the wodle): vpc */
  readonly s3Folder: string;
  /** The workshop key that encrypts the bucket's objects (SSE-KMS): reading them decrypts with it. */
  readonly key: WorkshopKey;
  /** Principal that may assume the role; undefined = no role (attach the policy yourself). */
  readonly principalArn?: string;
  /** External id the role requires of that principal (sts:ExternalId); undefined = none. */
  readonly externalId?: string;
}

/**
 * What Wazuh's aws-s3 module needs to read the VPC flow logs (bucket type vpcflow): it calls
 * ec2:DescribeFlowLogs to find the flow logs that deliver to the bucket, lists the keys under
 * <path>/AWSLogs/<account>/vpcflowlogs/<region>/ and gets the files, which S3 decrypts with the
 * workshop key (kms:Decrypt through S3 only). Nothing more: Wazuh does not
 * delete the files unless told to (remove_from_bucket), and this policy would not let it.
 */
export class WazuhReader extends Construct {
  public readonly policy: iam.ManagedPolicy;
  public readonly role?: iam.Role;

  constructor(scope: Construct, id: string, props: WazuhReaderProps) {
    super(scope, id);
    const bucketArn = props.bucket.bucketArn;
    // How cdk-nag names the bucket's ARN in a finding id.
    const nagName = `<${logicalIdOf(props.bucket)}.Arn>`;
    this.policy = new iam.ManagedPolicy(this, 'Policy', {
      managedPolicyName: props.name,
      description: "Wazuh aws-s3 module, type vpcflow: read the workshop's VPC flow logs from S3",
      statements: [
        new iam.PolicyStatement({ sid: 'ListFlowLogFiles', actions: ['s3:ListBucket'], resources: [bucketArn] }),
        new iam.PolicyStatement({ sid: 'ReadFlowLogFiles', actions: ['s3:GetObject'], resources: [`${bucketArn}/${props.s3Folder}/*`] }),
        // The files are SSE-KMS: S3 decrypts them with the workshop key on the reader's behalf, and only S3 may.
        new iam.PolicyStatement({
          sid: 'DecryptFlowLogFiles',
          actions: ['kms:Decrypt'],
          resources: [props.key.keyArn],
          conditions: { StringEquals: { 'kms:ViaService': `s3.${Aws.REGION}.amazonaws.com` } },
        }),
        // DescribeFlowLogs has no resource-level permissions: Resource must be *.
        new iam.PolicyStatement({ sid: 'FindFlowLogs', actions: ['ec2:DescribeFlowLogs'], resources: ['*'] }),
      ],
    });
    Validations.of(this.policy).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'ec2:DescribeFlowLogs supports no resource-level permissions (Service Authorization Reference), so its Resource must be *; it only reads flow log settings.',
    });
    Validations.of(this.policy).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${nagName}/${props.s3Folder}/*]`,
      reason: `s3:GetObject on the flow-log files only: every object under the flow log's folder ${props.s3Folder}/ of this one bucket, whose keys carry dates and flow-log ids that are not known in advance.`,
    });

    if (props.principalArn) {
      this.role = new iam.Role(this, 'Role', {
        roleName: props.name,
        description: 'Assumed by Wazuh (aws-s3 module, iam_role_arn) to read the VPC flow logs',
        assumedBy: new iam.ArnPrincipal(props.principalArn),
        externalIds: props.externalId ? [props.externalId] : undefined,
        managedPolicies: [this.policy],
      });
    }
  }
}
