import { Annotations, CfnResource } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { LogSettings, WorkshopKey } from '../../constructs/workshop-key';
import { servesHttps, webTierNames } from '../../config/web-tier';
import { WorkshopConfig } from '../../config/workshop-config';
import { BlockedHosts } from './blocked-hosts';
import { WebTierHttps } from './https';
import { LoadBalancer } from './load-balancer';
import { WebTierSecurityGroups } from './security-groups';
import { WebAcl } from './web-acl';
import { WebFleet } from './web-fleet';

export interface WebTierProps {
  readonly config: WorkshopConfig;
  /** VPC-10-0-0-0 and its subnets (the network part). */
  readonly vpcId: string;
  readonly publicSubnetIds: string[];
  readonly privateSubnetIds: string[];
  /** The public route to the internet gateway: the internet-facing load balancer waits for it. */
  readonly internetRoute: CfnResource;
  /** The private default routes (NAT): the instances wait for them. */
  readonly privateSubnetRoutes: CfnResource[];
  /** ROLE-AmazonEC2RoleforSSM's instance profile (the identity part). */
  readonly instanceProfileName: string;
  /** The WAF IP set the web ACL's first rule blocks. */
  readonly blockedHosts: BlockedHosts;
  /** The workshop key: the WAF log group and the access-log bucket's emptier. */
  readonly key: WorkshopKey;
}

/**
 * Day 2, protect: "a multi-layer secure and high available webserver app architecture" in the
 * workshop VPC. Internet → web ACL → load balancer (public subnets) → Auto Scaling instances
 * (private subnets), each layer's security group open only to the one before it; HTTPS with an
 * ACM certificate when the organiser has a domain.
 */
export class WebTier extends Construct {
  public readonly securityGroups: WebTierSecurityGroups;
  public readonly https?: WebTierHttps;
  public readonly loadBalancer: LoadBalancer;
  public readonly fleet: WebFleet;
  public readonly webAcl: WebAcl;
  /** https://<domainName>, or http://<load balancer DNS name>. */
  public readonly url: string;

  constructor(scope: Construct, id: string, props: WebTierProps) {
    super(scope, id);
    const { config } = props;
    const logs: LogSettings = { retentionDays: config.logRetentionDays, key: props.key };
    const names = webTierNames(config);
    const https = servesHttps(config);
    this.securityGroups = new WebTierSecurityGroups(this, 'SecurityGroups', {
      vpcId: props.vpcId,
      loadBalancerGroupName: names.loadBalancerSecurityGroup,
      instanceGroupName: names.instanceSecurityGroup,
      https,
    });
    if (https) {
      this.https = new WebTierHttps(this, 'Https', { domainName: config.domainName!, hostedZoneId: config.hostedZoneId! });
    } else {
      Annotations.of(this).addWarningV2(
        'workshop:web-tier-http-only',
        'domainName and hostedZoneId are not set: the web tier listens on HTTP (port 80) only, without a certificate. ' +
          'Set both (-c domainName=web.example.com -c hostedZoneId=Z...) for HTTPS with an ACM certificate, as the workshop text does.',
      );
    }
    this.loadBalancer = new LoadBalancer(this, 'LoadBalancer', {
      loadBalancerName: names.loadBalancer,
      targetGroupName: names.targetGroup,
      region: config.region,
      vpcId: props.vpcId,
      publicSubnetIds: props.publicSubnetIds,
      securityGroupId: this.securityGroups.loadBalancer.attrGroupId,
      internetRoute: props.internetRoute,
      certificateArn: this.https?.certificateArn,
      logs,
    });
    this.https?.aliasTo(this.loadBalancer.loadBalancer);
    this.fleet = new WebFleet(this, 'Fleet', {
      launchTemplateName: names.launchTemplate,
      autoScalingGroupName: names.autoScalingGroup,
      instanceName: names.instance,
      instanceType: config.webTier.instanceType,
      minCapacity: config.webTier.minCapacity,
      maxCapacity: config.webTier.maxCapacity,
      privateSubnetIds: props.privateSubnetIds,
      availabilityZones: config.availabilityZones,
      privateSubnetRoutes: props.privateSubnetRoutes,
      securityGroupId: this.securityGroups.instances.attrGroupId,
      instanceProfileName: props.instanceProfileName,
      targetGroupArn: this.loadBalancer.targetGroup.ref,
      imageSet: config.imageSet,
      logs,
    });
    // The target group is in use once a listener forwards to it: the group registers its first
    // instances then, and the load balancer health-checks them at once.
    for (const listener of this.loadBalancer.listeners) this.fleet.group.node.addDependency(listener);
    this.webAcl = new WebAcl(this, 'WebAcl', {
      webAclName: names.webAcl,
      logGroupName: names.wafLogGroup,
      logs,
      loadBalancerArn: this.loadBalancer.loadBalancer.ref,
      blockedHostsArn: props.blockedHosts.arn,
    });
    this.url = this.https?.url ?? `http://${this.loadBalancer.dnsName}`;
  }
}
