import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { webTierNames } from '../../config/web-tier';
import { WorkshopConfig } from '../../config/workshop-config';

export interface BlockedHostsProps {
  readonly config: WorkshopConfig;
}

/**
 * The WAF IP set of blocked hosts (day 2, "GuardDuty automatically blocks suspicious hosts"):
 * empty at deploy; the web ACL's first rule blocks what is in it, and the auto-block handler adds
 * and lifts addresses. Regional, like the web ACL on the load balancer. It meets both parts in
 * workshop-stack, through props.
 */
export class BlockedHosts extends Construct {
  public readonly ipSet: wafv2.CfnIPSet;
  /** The IP set's name, id and ARN, for the web ACL's rule and the auto-block handler's calls. */
  public readonly name: string;
  public readonly id: string;
  public readonly arn: string;

  constructor(scope: Construct, id: string, props: BlockedHostsProps) {
    super(scope, id);
    this.name = webTierNames(props.config).blockedHosts;
    this.ipSet = new wafv2.CfnIPSet(this, 'IpSet', {
      name: this.name,
      description: 'Hosts that GuardDuty findings blocked, added and lifted by the auto-block handler',
      scope: 'REGIONAL',
      ipAddressVersion: 'IPV4',
      addresses: [],
    });
    this.id = this.ipSet.attrId;
    this.arn = this.ipSet.attrArn;
  }
}
