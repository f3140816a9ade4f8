import { Aws, CustomResource } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { LogSettings } from '../../constructs/workshop-key';
import type { IsolationSettingsValues } from '../../config/isolation';
import { InlineCustomResource } from '../../constructs/inline-custom-resource';

export interface IsolationCleanupProps {
  readonly settings: IsolationSettingsValues;
  /** The function's log group: retention and the workshop key. */
  readonly logs: LogSettings;
}

/**
 * Destroy never fails on an isolated instance (lib/handlers/isolation-cleanup.ts): on delete, the
 * instances detached from the app's Auto Scaling groups are terminated, the instances in the app's
 * isolation groups are released, those groups deleted, and the forensic
 * snapshots the app took deleted. workshop-stack makes it depend on the VPCs and instances, so
 * CloudFormation deletes it first.
 */
export class IsolationCleanup extends Construct {
  /** The custom resource (what the VPCs and instances must outlive). */
  public readonly resource: CustomResource;

  constructor(scope: Construct, id: string, props: IsolationCleanupProps) {
    super(scope, id);
    const { settings } = props;
    const ownedByApp = { StringEquals: { [`aws:ResourceTag/${settings.createdByTag}`]: settings.createdBy } };
    const cleanup = new InlineCustomResource(this, 'Cleanup', {
      handler: 'isolation-cleanup',
      properties: { Settings: settings },
      logs: props.logs,
      statements: [
        new iam.PolicyStatement({
          actions: ['ec2:DescribeSecurityGroups', 'ec2:DescribeNetworkInterfaces', 'ec2:DescribeInstances', 'ec2:DescribeSnapshots'],
          resources: ['*'],
        }),
        new iam.PolicyStatement({
          actions: ['ec2:ModifyNetworkInterfaceAttribute', 'ec2:DeleteTags'],
          resources: [`arn:${Aws.PARTITION}:ec2:${Aws.REGION}:${Aws.ACCOUNT_ID}:*`],
        }),
        new iam.PolicyStatement({
          actions: ['ec2:DeleteSecurityGroup'],
          resources: [`arn:${Aws.PARTITION}:ec2:${Aws.REGION}:${Aws.ACCOUNT_ID}:security-group/*`],
          conditions: ownedByApp,
        }),
        new iam.PolicyStatement({
          actions: ['ec2:TerminateInstances'],
          resources: [`arn:${Aws.PARTITION}:ec2:${Aws.REGION}:${Aws.ACCOUNT_ID}:instance/*`],
          conditions: ownedByApp,
        }),
        new iam.PolicyStatement({ actions: ['ec2:DeleteSnapshot'], resources: [`arn:${Aws.PARTITION}:ec2:${Aws.REGION}::snapshot/*`], conditions: ownedByApp }),
      ],
      wildcardReasons: {
        'Resource::*': 'EC2 Describe* support no resource-level permissions.',
        'Resource::arn:<AWS::Partition>:ec2:<AWS::Region>:<AWS::AccountId>:*':
          'An isolated instance can be any instance of the account, with its interfaces: limited to this account and region.',
        'Resource::arn:<AWS::Partition>:ec2:<AWS::Region>:<AWS::AccountId>:security-group/*': 'Only groups tagged as created by the app (condition aws:ResourceTag).',
        'Resource::arn:<AWS::Partition>:ec2:<AWS::Region>:<AWS::AccountId>:instance/*':
          'Only instances the isolate handler detached from an Auto Scaling group and tagged as the app\'s (condition aws:ResourceTag).',
        'Resource::arn:<AWS::Partition>:ec2:<AWS::Region>::snapshot/*': 'Only snapshots tagged as created by the app (condition aws:ResourceTag); snapshot ARNs carry no account.',
      },
    });
    this.resource = cleanup.resource;
  }
}
