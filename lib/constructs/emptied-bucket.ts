import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { InlineCustomResource } from './inline-custom-resource';
import { logicalIdOf } from './logical-id';

export interface EmptiedBucketProps {
  /** What the bucket holds, for the S1 acknowledgement: e.g. 'Athena query results'. */
  readonly purpose: string;
  readonly logRetentionDays: number;
}

/**
 * A private bucket of the app (SSE-S3, TLS only, public access blocked, ACLs off) that
 * `cdk destroy` empties and deletes: the `empty-bucket` custom resource with inline code instead
 * of autoDeleteObjects, whose handler would be an asset.
 *
 * Whatever writes into the bucket (a trail, a workgroup) should depend on `emptier`, so that on
 * destroy the writer goes first, then the bucket is emptied, then deleted.
 */
export class EmptiedBucket extends Construct {
  public readonly bucket: s3.Bucket;
  public readonly emptier: InlineCustomResource;

  constructor(scope: Construct, id: string, props: EmptiedBucketProps) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: `Holds ${props.purpose} for the workshop session and is emptied and deleted on destroy; server access logs would need a second bucket that outlives it.`,
    });
    this.emptier = new InlineCustomResource(this, 'EmptyOnDelete', {
      handler: 'empty-bucket',
      properties: { BucketName: this.bucket.bucketName },
      logRetentionDays: props.logRetentionDays,
      statements: [
        new iam.PolicyStatement({ actions: ['s3:ListBucket', 's3:ListBucketVersions'], resources: [this.bucket.bucketArn] }),
        new iam.PolicyStatement({ actions: ['s3:DeleteObject', 's3:DeleteObjectVersion'], resources: [this.bucket.arnForObjects('*')] }),
      ],
      wildcardReasons: {
        [`Resource::<${logicalIdOf(this.bucket)}.Arn>/*`]: 'Emptying the bucket on destroy deletes every object in this one bucket.',
      },
    });
  }
}
