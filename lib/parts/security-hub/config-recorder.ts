import { Aws } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { CONFIG_SERVICE_LINKED_ROLE } from '../../config/security-hub';
import { EmptiedBucket } from '../../constructs/emptied-bucket';
import { InlineCustomResource } from '../../constructs/inline-custom-resource';
import { serviceLinkedRole } from '../../constructs/service-linked-role';
import { LogSettings } from '../../constructs/workshop-key';

export interface ConfigRecorderProps {
  readonly recorderName: string;
  readonly recordingFrequency: 'CONTINUOUS' | 'DAILY';
  readonly logs: LogSettings;
}

const CONFIG = 'config.amazonaws.com';

/**
 * AWS Config, which Security Hub's controls evaluate with: a recorder of every supported resource
 * type and a delivery channel to a bucket that destroy empties. An account has one recorder per
 * region, and AWS::Config::ConfigurationRecorder fails where one exists (and would delete the
 * account's own on destroy): a custom resource adopts an existing recorder and leaves it, or
 * creates recorder and channel (role: Config's service-linked role AWSServiceRoleForConfig) and
 * deletes them on destroy.
 */
export class ConfigRecorder extends Construct {
  public readonly storage: EmptiedBucket;
  public readonly recorderName: string;
  /** 'true' when a recorder existed before the stack (left as found on destroy). */
  public readonly adopted: string;

  constructor(scope: Construct, id: string, props: ConfigRecorderProps) {
    super(scope, id);
    this.storage = new EmptiedBucket(this, 'Storage', { purpose: 'AWS Config snapshots and history', logs: props.logs });
    const { bucket } = this.storage;
    // Config writes into a bucket whose default encryption is the workshop key.
    props.logs.key.allowConfigDelivery();
    // What AWS Config needs on the delivery bucket (Config developer guide, "Permissions for the Amazon S3 Bucket").
    const fromThisAccount = { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } };
    const principals = [new iam.ServicePrincipal(CONFIG)];
    bucket.addToResourcePolicy(new iam.PolicyStatement({ sid: 'AWSConfigBucketPermissionsCheck', principals, actions: ['s3:GetBucketAcl'], resources: [bucket.bucketArn], conditions: fromThisAccount }));
    bucket.addToResourcePolicy(new iam.PolicyStatement({ sid: 'AWSConfigBucketExistenceCheck', principals, actions: ['s3:ListBucket'], resources: [bucket.bucketArn], conditions: fromThisAccount }));
    bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AWSConfigBucketDelivery',
        principals,
        actions: ['s3:PutObject'],
        resources: [bucket.arnForObjects(`AWSLogs/${Aws.ACCOUNT_ID}/Config/*`)],
        conditions: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceAccount': Aws.ACCOUNT_ID } },
      }),
    );

    const roleArn = `arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:role/aws-service-role/${CONFIG}/${CONFIG_SERVICE_LINKED_ROLE}`;
    const recorder = new InlineCustomResource(this, 'AdoptOrCreate', {
      handler: 'config-recorder',
      properties: { RecorderName: props.recorderName, RoleArn: roleArn, BucketName: bucket.bucketName, RecordingFrequency: props.recordingFrequency },
      logs: props.logs,
      statements: [
        new iam.PolicyStatement({
          actions: [
            'config:DescribeConfigurationRecorders',
            'config:PutConfigurationRecorder',
            'config:PutDeliveryChannel',
            'config:StartConfigurationRecorder',
            'config:StopConfigurationRecorder',
            'config:DescribeDeliveryChannels',
            'config:DeleteDeliveryChannel',
            'config:DeleteConfigurationRecorder',
          ],
          resources: ['*'],
        }),
        serviceLinkedRole(CONFIG),
        // PutConfigurationRecorder hands Config its role.
        new iam.PolicyStatement({ actions: ['iam:PassRole'], resources: [roleArn], conditions: { StringEquals: { 'iam:PassedToService': CONFIG } } }),
      ],
      wildcardReasons: {
        'Resource::*': 'The config: recorder and delivery-channel calls act on the region\'s one recorder; the recorder name is only known once adopted or created.',
        'Resource::arn:<AWS::Partition>:iam::<AWS::AccountId>:role/aws-service-role/config.amazonaws.com/*':
          "AWS Config's own service-linked role path; the condition limits it to that service.",
      },
    });
    // Config checks the bucket policy on PutDeliveryChannel; on destroy the channel goes before the bucket is emptied.
    if (bucket.policy) recorder.resource.node.addDependency(bucket.policy);
    recorder.resource.node.addDependency(this.storage.emptier);
    this.recorderName = recorder.getAtt('RecorderName');
    this.adopted = recorder.getAtt('Adopted');
  }
}
