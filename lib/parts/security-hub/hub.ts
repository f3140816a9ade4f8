import { Aws } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { SECURITY_HUB_STANDARDS } from '../../config/security-hub';
import { InlineCustomResource } from '../../constructs/inline-custom-resource';
import { serviceLinkedRole } from '../../constructs/service-linked-role';
import { LogSettings } from '../../constructs/workshop-key';

export interface HubProps {
  readonly logs: LogSettings;
}

/**
 * AWS Security Hub with the workshop's standards (day 2, "Introduction to AWS Security Hub").
 * A custom resource, not AWS::SecurityHub::Hub and AWS::SecurityHub::Standard: those fail where
 * the account already has a hub (one per region) and, on destroy, would disable a hub the account
 * had before and unsubscribe standards it had subscribed; they cannot adopt. The handler adopts an
 * existing hub and leaves it exactly as found; otherwise it enables one without the default
 * standards, subscribes AWS Foundational Security Best Practices and the newest CIS AWS
 * Foundations Benchmark the region offers, and on destroy undoes only that.
 */
export class Hub extends Construct {
  public readonly resource: InlineCustomResource<'security-hub'>;
  public readonly hubArn: string;
  /** 'true' when the hub existed before the stack (left as found on destroy). */
  public readonly adopted: string;

  constructor(scope: Construct, id: string, props: HubProps) {
    super(scope, id);
    const hub = `arn:${Aws.PARTITION}:securityhub:${Aws.REGION}:${Aws.ACCOUNT_ID}:hub/default`;
    this.resource = new InlineCustomResource(this, 'AdoptOrEnable', {
      handler: 'security-hub',
      properties: { Standards: [...SECURITY_HUB_STANDARDS] },
      logs: props.logs,
      statements: [
        new iam.PolicyStatement({
          actions: ['securityhub:DescribeHub', 'securityhub:EnableSecurityHub', 'securityhub:DisableSecurityHub'],
          resources: [hub],
        }),
        new iam.PolicyStatement({
          actions: [
            'securityhub:DescribeStandards',
            'securityhub:GetEnabledStandards',
            'securityhub:BatchEnableStandards',
            'securityhub:BatchDisableStandards',
          ],
          resources: ['*'],
        }),
        // Security Hub creates its service-linked role on EnableSecurityHub.
        serviceLinkedRole('securityhub.amazonaws.com'),
      ],
      wildcardReasons: {
        'Resource::*':
          'securityhub:DescribeStandards has no resource type; the standards calls get * rather than the hub ARN so that they pass whatever resource type IAM checks them on; they act only on this account\'s own subscriptions.',
        'Resource::arn:<AWS::Partition>:iam::<AWS::AccountId>:role/aws-service-role/securityhub.amazonaws.com/*':
          "Security Hub's own service-linked role path; the condition limits it to that service.",
      },
    });
    this.hubArn = this.resource.getAtt('HubArn');
    this.adopted = this.resource.getAtt('Adopted');
  }
}
