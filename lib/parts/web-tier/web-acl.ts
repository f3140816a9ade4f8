import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { encryptedLogGroup, LogSettings, WorkshopKey } from '../../constructs/workshop-key';
import { BLOCKED_HOSTS_RULE, MANAGED_RULE_GROUPS } from '../../config/web-tier';

export interface WebAclProps {
  readonly webAclName: string;
  /** aws-waf-logs-...: WAF logs only into a group whose name starts so. */
  readonly logGroupName: string;
  /** The WAF log group: retention and the workshop key. */
  readonly logs: LogSettings;
  /** The load balancer the web ACL protects. */
  readonly loadBalancerArn: string;
  /** The blocked-hosts IP set: the first rule blocks what it holds. */
  readonly blockedHostsArn: string;
}

const visibility = (metricName: string) => ({ cloudWatchMetricsEnabled: true, metricName, sampledRequestsEnabled: true });

/**
 * "WAF": a regional web ACL on the load balancer. First it blocks the hosts the auto-block handler
 * put into the IP set; then the AWS managed rule groups (core rule set, known bad inputs, Amazon IP
 * reputation list); everything else is allowed. Its logs go to CloudWatch Logs.
 */
export class WebAcl extends Construct {
  public readonly webAcl: wafv2.CfnWebACL;
  public readonly association: wafv2.CfnWebACLAssociation;
  public readonly logGroup: logs.LogGroup;
  public readonly logging: wafv2.CfnLoggingConfiguration;
  public readonly webAclArn: string;

  constructor(scope: Construct, id: string, props: WebAclProps) {
    super(scope, id);
    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      name: props.webAclName,
      description: 'Web tier: blocked hosts, then the AWS managed core, known-bad-inputs and IP reputation rules',
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(props.webAclName),
      rules: [
        {
          name: BLOCKED_HOSTS_RULE,
          priority: 0,
          action: { block: {} },
          statement: { ipSetReferenceStatement: { arn: props.blockedHostsArn } },
          visibilityConfig: visibility(BLOCKED_HOSTS_RULE),
        },
        ...MANAGED_RULE_GROUPS.map((name, i) => ({
          name,
          priority: i + 1,
          overrideAction: { none: {} },
          statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
          visibilityConfig: visibility(name),
        })),
      ],
    });
    this.webAclArn = this.webAcl.attrArn;
    this.association = new wafv2.CfnWebACLAssociation(this, 'Association', { resourceArn: props.loadBalancerArn, webAclArn: this.webAclArn });

    this.logGroup = encryptedLogGroup(this, 'LogGroup', props.logGroupName, props.logs);
    // WAF takes the log group's ARN without the ':*' that its Arn attribute ends with.
    const logGroupArn = WorkshopKey.logGroupArn(props.logGroupName);
    this.logging = new wafv2.CfnLoggingConfiguration(this, 'Logging', { resourceArn: this.webAclArn, logDestinationConfigs: [logGroupArn] });
    this.logging.node.addDependency(this.logGroup);
  }
}
