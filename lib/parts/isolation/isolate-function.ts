import { Aws, Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { LogSettings } from '../../constructs/workshop-key';
import type { IsolationSettingsValues } from '../../config/isolation';
import { CUSTOM_ACTION_EVENT } from '../../config/security-hub';
import { inlineFunction } from '../../constructs/inline-function';

export interface IsolateFunctionProps {
  /** The Security Hub custom action "Isolate instance" (the security-hub part's customActionArn). */
  readonly customActionArn: string;
  readonly settings: IsolationSettingsValues;
  /** The function's log group: retention and the workshop key. */
  readonly logs: LogSettings;
}

/**
 * The function behind the custom action "Isolate instance" (lib/handlers/isolate-instance.ts) and
 * the EventBridge rule that invokes it on "Security Hub Findings - Custom Action" for that action.
 * Its role allows exactly the handler's calls.
 */
export class IsolateFunction extends Construct {
  public readonly function: lambda.Function;
  public readonly role: iam.Role;
  public readonly rule: events.Rule;

  constructor(scope: Construct, id: string, props: IsolateFunctionProps) {
    super(scope, id);
    const ec2InAccount = `arn:${Aws.PARTITION}:ec2:${Aws.REGION}:${Aws.ACCOUNT_ID}:*`;
    const snapshots = `arn:${Aws.PARTITION}:ec2:${Aws.REGION}::snapshot/*`;
    const groups = `arn:${Aws.PARTITION}:autoscaling:${Aws.REGION}:${Aws.ACCOUNT_ID}:autoScalingGroup:*:autoScalingGroupName/*`;
    const parts = inlineFunction(this, {
      handler: 'isolate-instance',
      logs: props.logs,
      roleDescription: `Security Hub custom action "Isolate instance" of ${Stack.of(this).stackName}`,
      functionDescription: 'Security Hub custom action "Isolate instance": lib/handlers/isolate-instance.ts',
      environment: { ISOLATION_SETTINGS: JSON.stringify(props.settings) },
      statements: [
        { actions: ['ec2:DescribeInstances', 'ec2:DescribeSecurityGroups', 'ec2:DescribeSnapshots', 'autoscaling:DescribeAutoScalingInstances'], resources: ['*'] },
        {
          actions: ['ec2:CreateSecurityGroup', 'ec2:RevokeSecurityGroupEgress', 'ec2:ModifyNetworkInterfaceAttribute', 'ec2:CreateTags', 'ec2:DeleteTags', 'ec2:CreateSnapshot'],
          resources: [ec2InAccount, snapshots],
        },
        { actions: ['autoscaling:DetachInstances'], resources: [groups] },
        { actions: ['securityhub:BatchUpdateFindings'], resources: [`arn:${Aws.PARTITION}:securityhub:${Aws.REGION}:${Aws.ACCOUNT_ID}:hub/default`] },
      ].map((s) => new iam.PolicyStatement(s)),
      wildcardReasons: {
        'Resource::*': 'EC2 Describe* and autoscaling:DescribeAutoScalingInstances support no resource-level permissions.',
        'Resource::arn:<AWS::Partition>:ec2:<AWS::Region>:<AWS::AccountId>:*':
          'The instance a participant isolates is any instance of the account (named by the finding), with its interfaces, volumes and VPC: limited to this account and region.',
        'Resource::arn:<AWS::Partition>:ec2:<AWS::Region>::snapshot/*': 'Snapshot ARNs carry no account; the snapshot id is only known once created.',
        'Resource::arn:<AWS::Partition>:autoscaling:<AWS::Region>:<AWS::AccountId>:autoScalingGroup:*:autoScalingGroupName/*':
          "The isolated instance's Auto Scaling group is only known at run time: limited to this account and region.",
      },
    });
    this.function = parts.function;
    this.role = parts.role;

    this.rule = new events.Rule(this, 'Rule', {
      description: 'Security Hub custom action "Isolate instance" -> the isolate-instance function',
      eventPattern: { source: [CUSTOM_ACTION_EVENT.source], detailType: [CUSTOM_ACTION_EVENT.detailType], resources: [props.customActionArn] },
      targets: [new targets.LambdaFunction(this.function, { retryAttempts: 2 })],
    });
  }
}
