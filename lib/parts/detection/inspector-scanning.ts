import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { serviceLinkedRole } from '../../constructs/service-linked-role';
import { InlineCustomResource } from '../../constructs/inline-custom-resource';
import { LogSettings } from '../../constructs/workshop-key';

export interface InspectorScanningProps {
  readonly logs: LogSettings;
}

/**
 * The workshop's CVE assessment (part 2, "Amazon Inspector"). Inspector Classic, with the
 * workshop's assessment target and template, is retired; Amazon Inspector (v2) scanning of EC2
 * does the same job continuously. A custom resource enables it (CloudFormation has no resource
 * for it), waiting for Inspector's asynchronous Enable/Disable to settle, and on destroy disables
 * only what it enabled.
 */
export class InspectorScanning extends Construct {
  /** 'true' when this stack enabled EC2 scanning (and will disable it on destroy). */
  public readonly enabledByStack: string;

  constructor(scope: Construct, id: string, props: InspectorScanningProps) {
    super(scope, id);
    const scanning = new InlineCustomResource(this, 'Ec2Scanning', {
      handler: 'inspector-ec2-scanning',
      // None: the handler reads none (it enables and disables EC2 scanning, nothing else).
      properties: {},
      logs: props.logs,
      statements: [
        new iam.PolicyStatement({
          actions: ['inspector2:BatchGetAccountStatus', 'inspector2:Enable', 'inspector2:Disable'],
          resources: ['*'],
        }),
        // Activating Inspector creates two service-linked roles (Inspector user guide, "Getting started"):
        // AWSServiceRoleForAmazonInspector2 (trusted by inspector2.amazonaws.com) and
        // AWSServiceRoleForAmazonInspector2Agentless (agentless.inspector2.amazonaws.com). Exactly those two.
        serviceLinkedRole('inspector2.amazonaws.com', 'AWSServiceRoleForAmazonInspector2'),
        serviceLinkedRole('agentless.inspector2.amazonaws.com', 'AWSServiceRoleForAmazonInspector2Agentless'),
      ],
      // Enable and Disable are asynchronous: the handler waits up to 4 minutes for a steady status.
      timeout: Duration.minutes(5),
      wildcardReasons: {
        'Resource::*': 'inspector2:Enable, Disable and BatchGetAccountStatus support no resource-level permissions.',
      },
    });
    this.enabledByStack = scanning.getAtt('EnabledByStack');
  }
}
