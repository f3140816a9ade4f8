import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { ISOLATE_ACTION } from '../../config/security-hub';
import { InlineCustomResource } from '../../constructs/inline-custom-resource';
import { LogSettings } from '../../constructs/workshop-key';

export interface IsolateActionProps {
  /** The hub's custom resource: the action is created after it and deleted before it. */
  readonly hub: Construct;
  readonly logs: LogSettings;
}

/**
 * The Security Hub custom action "Isolate instance" (day 2, "Remediating Amazon GuardDuty and AWS
 * Security Hub Findings"). CloudFormation has no type for custom actions: a custom resource
 * creates it (CreateActionTarget), adopts one with the same Id, and deletes only one it created.
 * The isolation part's EventBridge rule matches its ARN (lib/config/security-hub.ts CUSTOM_ACTION_EVENT).
 */
export class IsolateAction extends Construct {
  /** arn:<partition>:securityhub:<region>:<account>:action/custom/IsolateInstance */
  public readonly customActionArn: string;

  constructor(scope: Construct, id: string, props: IsolateActionProps) {
    super(scope, id);
    const action = new InlineCustomResource(this, 'ActionTarget', {
      handler: 'security-hub-action-target',
      properties: { Id: ISOLATE_ACTION.id, Name: ISOLATE_ACTION.name, Description: ISOLATE_ACTION.description },
      logs: props.logs,
      statements: [
        new iam.PolicyStatement({
          actions: ['securityhub:DescribeActionTargets', 'securityhub:CreateActionTarget', 'securityhub:DeleteActionTarget'],
          resources: ['*'],
        }),
      ],
      wildcardReasons: {
        'Resource::*': "The action target's ARN is only known once created or adopted, and DescribeActionTargets lists the account's own: the calls act only on this account's hub.",
      },
    });
    action.resource.node.addDependency(props.hub);
    this.customActionArn = action.getAtt('ActionTargetArn');
  }
}
