import { Aws, Duration, Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { BLOCK_ACL, EXPIRY_SCHEDULE_MINUTES, GUARDDUTY_FINDING_EVENT } from '../../config/auto-block';
import { WorkshopConfig } from '../../config/workshop-config';
import { inlineFunction } from '../../constructs/inline-function';
import { LogSettings } from '../../constructs/workshop-key';
import { BlockAcl } from './block-acl';

export interface AutoBlockProps {
  readonly config: WorkshopConfig;
  readonly vpcId: string;
  readonly publicSubnetIds: readonly string[];
  /** The WAF IP set of blocked hosts (web-tier's BlockedHosts). */
  readonly blockedHosts: { readonly name: string; readonly id: string; readonly arn: string };
  /** The day-1 alarm topic, told of each new block; none (investigation left out): only logged. */
  readonly alarmTopicArn?: string;
  /** The function's log group: retention and the workshop key. */
  readonly logs: LogSettings;
  /** The workshop's own public addresses (the NAT gateways' Elastic IPs): never blocked. */
  readonly ownPublicIps: readonly string[];
}

/**
 * Day 2, "GuardDuty automatically blocks suspicious hosts": GuardDuty findings at or above
 * blockSeverity invoke lib/handlers/auto-block.ts, which blocks their remote addresses in the WAF
 * IP set and in the public subnets' network ACL; a scheduled rule lifts blocks after blockHours;
 * `npm run demo -- block|unblock <ipv4>` invokes the function directly.
 */
export class AutoBlock extends Construct {
  public readonly blockAcl: BlockAcl;
  public readonly function: lambda.Function;
  public readonly role: iam.Role;
  public readonly findingRule: events.Rule;
  public readonly expiryRule: events.Rule;
  public readonly functionName: string;
  public readonly networkAclId: string;

  constructor(scope: Construct, id: string, props: AutoBlockProps) {
    super(scope, id);
    const { config, blockedHosts } = props;
    this.blockAcl = new BlockAcl(this, 'Acl', { vpcId: props.vpcId, publicSubnetIds: props.publicSubnetIds });
    this.networkAclId = this.blockAcl.networkAclId;
    const aclArn = `arn:${Aws.PARTITION}:ec2:${Aws.REGION}:${Aws.ACCOUNT_ID}:network-acl/${this.networkAclId}`;

    const statement = (actions: string[], resources: string[], conditions?: Record<string, unknown>) => new iam.PolicyStatement({ actions, resources, conditions });
    const fn = inlineFunction(this, {
      handler: 'auto-block',
      logs: props.logs,
      roleDescription: `GuardDuty auto-block handler of ${Stack.of(this).stackName}`,
      functionDescription: 'GuardDuty auto-block: lib/handlers/auto-block.ts',
      timeout: Duration.minutes(1),
      environment: {
        IP_SET_NAME: blockedHosts.name,
        IP_SET_ID: blockedHosts.id,
        NETWORK_ACL_ID: this.networkAclId,
        TOPIC_ARN: props.alarmTopicArn ?? '',
        BLOCK_HOURS: String(config.blockHours),
        BLOCK_SAMPLE_FINDINGS: String(config.blockSampleFindings),
        // The VPC's own addresses are private anyway; listed so a public vpcCidr is never blocked either.
        // The NAT gateways' addresses are the workshop's own: a finding may name them (outbound traffic).
        EXEMPT_CIDRS: [config.vpcCidr, ...props.ownPublicIps.map((ip) => `${ip}/32`), ...config.blockExemptCidrs].join(','),
        FIRST_BLOCK_RULE: String(BLOCK_ACL.firstBlockRule),
        LAST_BLOCK_RULE: String(BLOCK_ACL.lastBlockRule),
      },
      statements: [
        statement(['wafv2:GetIPSet', 'wafv2:UpdateIPSet'], [blockedHosts.arn]),
        statement(['ec2:DescribeNetworkAcls'], ['*']),
        statement(['ec2:CreateNetworkAclEntry', 'ec2:DeleteNetworkAclEntry'], [aclArn]),
        // Only the block records: tags whose keys start with blocked:.
        statement(['ec2:CreateTags', 'ec2:DeleteTags'], [aclArn], { 'ForAllValues:StringLike': { 'aws:TagKeys': ['blocked:*'] } }),
        ...(props.alarmTopicArn ? [statement(['sns:Publish'], [props.alarmTopicArn])] : []),
      ],
      wildcardReasons: { 'Resource::*': 'ec2:DescribeNetworkAcls supports no resource-level permissions; the handler reads only its own ACL by id.' },
    });
    this.function = fn.function;
    this.role = fn.role;

    this.functionName = this.function.functionName;

    const target = new targets.LambdaFunction(this.function, { retryAttempts: 2, maxEventAge: Duration.hours(1) });
    this.findingRule = new events.Rule(this, 'Findings', {
      description: `GuardDuty findings of severity ${config.blockSeverity} or more: block their remote addresses`,
      eventPattern: {
        source: [GUARDDUTY_FINDING_EVENT.source],
        detailType: [GUARDDUTY_FINDING_EVENT.detailType],
        detail: { severity: events.Match.greaterThanOrEqual(config.blockSeverity) },
      },
      targets: [target],
    });
    this.expiryRule = new events.Rule(this, 'Expiry', {
      description: `Every ${EXPIRY_SCHEDULE_MINUTES} minutes: lift blocks older than ${config.blockHours} hours`,
      schedule: events.Schedule.rate(Duration.minutes(EXPIRY_SCHEDULE_MINUTES)),
      targets: [target],
    });
  }
}
