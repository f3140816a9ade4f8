import { Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { BLOCK_ACL } from '../../config/auto-block';

export interface BlockAclProps {
  readonly vpcId: string;
  /** Public-Subnet-a/b/c: they leave the VPC's default ACL for this one (and return to it on destroy). */
  readonly publicSubnetIds: readonly string[];
}

/**
 * The network ACL of the public subnets that the auto-block handler writes DENY entries into: an
 * allow-all baseline in each direction at BLOCK_ACL.baselineRuleNumber (so the subnets pass what
 * they passed with the default ACL, and the handler's lower rule numbers are evaluated first), and
 * the reserved inbound range firstBlockRule..lastBlockRule, empty at deploy. The handler records
 * each block as a `blocked:<ip>` tag on the ACL (CloudFormation leaves tags it did not set).
 */
export class BlockAcl extends Construct {
  public readonly acl: ec2.CfnNetworkAcl;
  public readonly networkAclId: string;
  public readonly associations: ec2.CfnSubnetNetworkAclAssociation[];

  constructor(scope: Construct, id: string, props: BlockAclProps) {
    super(scope, id);
    this.acl = new ec2.CfnNetworkAcl(this, 'Acl', { vpcId: props.vpcId });
    this.networkAclId = this.acl.ref;
    for (const [name, egress] of [['AllowAllIn', false], ['AllowAllOut', true]] as const) {
      new ec2.CfnNetworkAclEntry(this, name, {
        networkAclId: this.networkAclId,
        ruleNumber: BLOCK_ACL.baselineRuleNumber,
        protocol: -1,
        ruleAction: 'allow',
        egress,
        cidrBlock: '0.0.0.0/0',
      });
    }
    // Applies to the ACL and its entries (children of this construct).
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-VPC3',
      reason: 'The workshop\'s "GuardDuty automatically blocks suspicious hosts" is this ACL: allow-all baseline as the default ACL, plus DENY entries for blocked hosts.',
    });
    this.associations = props.publicSubnetIds.map(
      (subnetId, i) => new ec2.CfnSubnetNetworkAclAssociation(this, `Public${'abc'[i]}`, { networkAclId: this.networkAclId, subnetId }),
    );
  }
}
