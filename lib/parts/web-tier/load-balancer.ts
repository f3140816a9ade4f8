import { Aws, CfnResource, Tags } from 'aws-cdk-lib';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { Construct } from 'constructs';
import { ACCESS_LOG_PREFIX, HEALTH_CHECK, TLS_POLICY } from '../../config/web-tier';
import { PARTICIPANT_TAG_KEY, WORKSHOP_TAG_KEY } from '../../config/workshop-config';
import { EmptiedBucket } from '../../constructs/emptied-bucket';
import { LogSettings } from '../../constructs/workshop-key';

export interface LoadBalancerProps {
  readonly loadBalancerName: string;
  readonly targetGroupName: string;
  readonly region: string;
  readonly vpcId: string;
  /** Public-Subnet-a/b/c. */
  readonly publicSubnetIds: string[];
  readonly securityGroupId: string;
  /** An internet-facing load balancer needs the VPC's internet gateway attached: the public route. */
  readonly internetRoute: CfnResource;
  /** HTTPS on 443 with this certificate, port 80 redirecting; undefined: HTTP on 80 only. */
  readonly certificateArn?: string;
  /** The access-log bucket's emptier log group: retention and the workshop key. */
  readonly logs: LogSettings;
}

/**
 * "ALB": an internet-facing Application Load Balancer in the three public subnets, its access logs
 * in a bucket that destroy empties, a target group that health-checks the instances on HTTP 80,
 * and its listeners (HTTP 80 forwarding, or HTTPS 443 with a TLS 1.3 policy and 80 redirecting).
 */
export class LoadBalancer extends Construct {
  public readonly loadBalancer: elbv2.CfnLoadBalancer;
  public readonly targetGroup: elbv2.CfnTargetGroup;
  public readonly listeners: elbv2.CfnListener[] = [];
  public readonly accessLogs: EmptiedBucket;
  public readonly dnsName: string;

  constructor(scope: Construct, id: string, props: LoadBalancerProps) {
    super(scope, id);
    // Elastic Load Balancing writes access logs only to SSE-S3 buckets (not SSE-KMS).
    this.accessLogs = new EmptiedBucket(this, 'AccessLogs', { purpose: 'the load balancer access logs', logs: props.logs, s3ManagedEncryption: true });
    const { bucket } = this.accessLogs;
    // ELB writes access logs as its regional account (regions before August 2022) or as the
    // logdelivery.elasticloadbalancing.amazonaws.com service (newer regions); SSE-S3 only.
    const elbAccount = RegionInfo.get(props.region).elbv2Account;
    bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        actions: ['s3:PutObject'],
        principals: [elbAccount ? new iam.AccountPrincipal(elbAccount) : new iam.ServicePrincipal('logdelivery.elasticloadbalancing.amazonaws.com')],
        resources: [bucket.arnForObjects(`${ACCESS_LOG_PREFIX}/AWSLogs/${Aws.ACCOUNT_ID}/*`)],
      }),
    );

    this.loadBalancer = new elbv2.CfnLoadBalancer(this, 'LoadBalancer', {
      name: props.loadBalancerName,
      type: 'application',
      scheme: 'internet-facing',
      ipAddressType: 'ipv4',
      subnets: props.publicSubnetIds,
      securityGroups: [props.securityGroupId],
      loadBalancerAttributes: [
        { key: 'access_logs.s3.enabled', value: 'true' },
        { key: 'access_logs.s3.bucket', value: bucket.bucketName },
        { key: 'access_logs.s3.prefix', value: ACCESS_LOG_PREFIX },
        { key: 'routing.http.drop_invalid_header_fields.enabled', value: 'true' },
        { key: 'deletion_protection.enabled', value: 'false' },
      ],
    });
    // ELB checks that it may write into the bucket when access logs are enabled; on destroy the
    // load balancer goes first, then the bucket is emptied.
    this.loadBalancer.node.addDependency(bucket.policy!);
    this.loadBalancer.node.addDependency(this.accessLogs.emptier);
    this.loadBalancer.node.addDependency(props.internetRoute);
    this.dnsName = this.loadBalancer.attrDnsName;

    this.targetGroup = new elbv2.CfnTargetGroup(this, 'TargetGroup', {
      name: props.targetGroupName,
      vpcId: props.vpcId,
      targetType: 'instance',
      protocol: 'HTTP',
      port: 80,
      healthCheckEnabled: true,
      healthCheckProtocol: 'HTTP',
      healthCheckPath: HEALTH_CHECK.path,
      healthCheckIntervalSeconds: HEALTH_CHECK.intervalSeconds,
      healthCheckTimeoutSeconds: HEALTH_CHECK.timeoutSeconds,
      healthyThresholdCount: HEALTH_CHECK.healthyThreshold,
      unhealthyThresholdCount: HEALTH_CHECK.unhealthyThreshold,
      matcher: { httpCode: HEALTH_CHECK.httpCode },
      // A workshop's instances finish requests in well under 30 s (the default 300 s slows scale-in and destroy).
      targetGroupAttributes: [{ key: 'deregistration_delay.timeout_seconds', value: '30' }],
    });

    const forward = [{ type: 'forward', targetGroupArn: this.targetGroup.ref }];
    if (props.certificateArn) {
      this.listeners.push(
        new elbv2.CfnListener(this, 'Https', {
          loadBalancerArn: this.loadBalancer.ref,
          protocol: 'HTTPS',
          port: 443,
          sslPolicy: TLS_POLICY,
          certificates: [{ certificateArn: props.certificateArn }],
          defaultActions: forward,
        }),
        new elbv2.CfnListener(this, 'Http', {
          loadBalancerArn: this.loadBalancer.ref,
          protocol: 'HTTP',
          port: 80,
          defaultActions: [{ type: 'redirect', redirectConfig: { protocol: 'HTTPS', port: '443', statusCode: 'HTTP_301' } }],
        }),
      );
    } else {
      this.listeners.push(new elbv2.CfnListener(this, 'Http', { loadBalancerArn: this.loadBalancer.ref, protocol: 'HTTP', port: 80, defaultActions: forward }));
    }
    // CloudFormation's schema of AWS::ElasticLoadBalancingV2::Listener has no Tags (cfn-lint E3002):
    // the stack's tags stay on the load balancer and the target group.
    for (const listener of this.listeners) for (const key of [WORKSHOP_TAG_KEY, PARTICIPANT_TAG_KEY]) Tags.of(listener).remove(key);
  }
}
