import * as iam from 'aws-cdk-lib/aws-iam';
import { Aws } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { InlineCustomResource } from '../../constructs/inline-custom-resource';
import { LogSettings } from '../../constructs/workshop-key';

export interface DefaultVpcProps {
  /** Name tag the workshop gives the default VPC: Default-VPC. */
  readonly nameTag: string;
  /** AZ whose default subnet the webserver uses. */
  readonly availabilityZone: string;
  readonly logs: LogSettings;
}

/**
 * The account's default VPC, found at deploy time (synth needs no credentials, and a StackSet
 * deploys into accounts whose VPC ids nobody knows in advance). It gets the Name tag
 * Default-VPC and nothing else of it changes; destroy takes the tag away again.
 */
export class DefaultVpc extends Construct {
  public readonly vpcId: string;
  /** The default subnet in the requested AZ. */
  public readonly subnetId: string;

  constructor(scope: Construct, id: string, props: DefaultVpcProps) {
    super(scope, id);
    const lookup = new InlineCustomResource(this, 'Lookup', {
      handler: 'default-vpc',
      properties: { NameTag: props.nameTag, AvailabilityZone: props.availabilityZone },
      logs: props.logs,
      statements: [
        new iam.PolicyStatement({ actions: ['ec2:DescribeVpcs', 'ec2:DescribeSubnets', 'ec2:DescribeTags'], resources: ['*'] }),
        new iam.PolicyStatement({
          actions: ['ec2:CreateTags', 'ec2:DeleteTags'],
          resources: [`arn:${Aws.PARTITION}:ec2:${Aws.REGION}:${Aws.ACCOUNT_ID}:vpc/*`],
          // Only the Name tag, nothing else of any VPC.
          conditions: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['Name'] } },
        }),
      ],
      wildcardReasons: {
        'Resource::*': 'ec2:DescribeVpcs, DescribeSubnets and DescribeTags support no resource-level permissions.',
        'Resource::arn:<AWS::Partition>:ec2:<AWS::Region>:<AWS::AccountId>:vpc/*':
          'The default VPC id is only known at deploy time; the condition limits the change to the Name tag.',
      },
    });
    this.vpcId = lookup.getAtt('VpcId');
    this.subnetId = lookup.getAtt('SubnetId');
  }
}
