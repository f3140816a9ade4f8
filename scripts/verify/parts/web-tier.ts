/**
 * Day 2, protect (only with day2): the load balancer in the three public subnets with its
 * listeners, access logs and web ACL; the Auto Scaling group in the three private subnets from its
 * launch template; the security-group chain (world → load balancer → instances); the web ACL's
 * rules in order, its logging, and the blocked-hosts IP set.
 */
import { DescribeAutoScalingGroupsCommand, DescribePoliciesCommand } from '@aws-sdk/client-auto-scaling';
import { DescribeLaunchTemplateVersionsCommand, DescribeSecurityGroupsCommand } from '@aws-sdk/client-ec2';
import {
  DescribeListenersCommand,
  DescribeLoadBalancerAttributesCommand,
  DescribeLoadBalancersCommand,
  DescribeTargetGroupsCommand,
  Listener,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { GetIPSetCommand, GetLoggingConfigurationCommand, GetWebACLCommand, GetWebACLForResourceCommand, IPSetSummary, ListIPSetsCommand, WebACL } from '@aws-sdk/client-wafv2';
import { CPU_TARGET_PERCENT, HEALTH_CHECK, servesHttps, TLS_POLICY, WEB_ACL_RULES, webTierNames, WebTierNames } from '../../../lib/config/web-tier';
import type { WorkshopConfig } from '../../../lib/config/workshop-config';
import { errorName } from '../../operator/errors';
import { outputBucket, UNSET } from '../labels';
import { Observer } from '../observer';
import { resourceRows, Scope, VerifyPart } from '../part';
import { ExpectedRow } from '../types';
import { describeRules } from './compute';

export const ACCESS_LOG_BUCKET_OUTPUT = 'LoadBalancerLogBucketName';

const label = {
  loadBalancer: (n: string) => `Load balancer ${n}`,
  targetGroup: (n: string) => `Target group ${n}`,
  group: (n: string) => `Auto Scaling group ${n}`,
  launchTemplate: (n: string) => `Launch template ${n}`,
  securityGroup: (n: string) => `Security group ${n}`,
  webAcl: (n: string) => `Web ACL ${n}`,
  ipSet: (n: string) => `WAF IP set ${n}`,
};

/** The listeners as "HTTP 80 forward; HTTPS 443 forward (policy)", sorted by port. */
export function describeListeners(listeners: Listener[]): string {
  return [...listeners]
    .sort((a, b) => (a.Port ?? 0) - (b.Port ?? 0))
    .map((l) => {
      const action = l.DefaultActions?.[0];
      const what = action?.Type === 'redirect' ? `redirect to ${action.RedirectConfig?.Protocol} ${action.RedirectConfig?.Port}` : (action?.Type ?? 'none');
      return `${l.Protocol} ${l.Port} ${what}${l.SslPolicy ? ` (${l.SslPolicy})` : ''}`;
    })
    .join('; ');
}

function expectedListeners(config: WorkshopConfig): string {
  return servesHttps(config) ? `HTTP 80 redirect to HTTPS 443; HTTPS 443 forward (${TLS_POLICY})` : 'HTTP 80 forward';
}

function expectedRows({ config, names: n }: Scope): ExpectedRow[] {
  if (!config.day2) return [];
  const w = webTierNames(config);
  const subnets = (specs: { name: string }[]) => specs.map((s) => s.name).join(', ');
  const ports = servesHttps(config) ? [80, 443] : [80];
  return [
    ...resourceRows('loadBalancer', label.loadBalancer(w.loadBalancer), [
      ['scheme', 'internet-facing'],
      ['type', 'application'],
      ['subnets', subnets(n.publicSubnets)],
      ['security groups', w.loadBalancerSecurityGroup],
      ['listeners', expectedListeners(config)],
      ['access logs bucket', outputBucket(ACCESS_LOG_BUCKET_OUTPUT)],
      ['web ACL', w.webAcl],
    ]),
    ...resourceRows('targetGroup', label.targetGroup(w.targetGroup), [
      ['target', 'instance HTTP 80'],
      ['health check', `HTTP ${HEALTH_CHECK.path} ${HEALTH_CHECK.httpCode}`],
    ]),
    ...resourceRows('autoScalingGroup', label.group(w.autoScalingGroup), [
      ['subnets', subnets(n.privateSubnets)],
      ['min capacity', config.webTier.minCapacity],
      ['max capacity', config.webTier.maxCapacity],
      ['health check', 'ELB'],
      ['target groups', w.targetGroup],
      ['launch template', w.launchTemplate],
      ['scaling policy', `TargetTrackingScaling ASGAverageCPUUtilization ${CPU_TARGET_PERCENT}`],
    ]),
    ...resourceRows('launchTemplate', label.launchTemplate(w.launchTemplate), [
      ['instance type', config.webTier.instanceType],
      ['instance profile', n.ssmInstanceRole],
      ['IMDSv2 (HttpTokens)', 'required'],
      ['public IP', 'no'],
      ['root volume', 'gp3 encrypted'],
      ['security groups', w.instanceSecurityGroup],
    ]),
    ...resourceRows('securityGroup', label.securityGroup(w.loadBalancerSecurityGroup), [['inbound rules', ports.map((p) => `tcp ${p} from 0.0.0.0/0`).join('; ')]]),
    ...resourceRows('securityGroup', label.securityGroup(w.instanceSecurityGroup), [['inbound rules', `tcp 80 from ${w.loadBalancerSecurityGroup}`]]),
    ...resourceRows('webAcl', label.webAcl(w.webAcl), [
      ['rules in order', WEB_ACL_RULES.join(', ')],
      [`${WEB_ACL_RULES[0]} blocks`, `IP set ${w.blockedHosts}`],
      ['logging to', w.wafLogGroup],
    ]),
    ...resourceRows('ipSet', label.ipSet(w.blockedHosts), [['IP version', 'IPV4']]),
  ];
}

/** The security groups by name; their ids name them in the other rows. */
async function observeSecurityGroups(o: Observer, names: string[]): Promise<void> {
  const groups = (await o.c.ec2.send(new DescribeSecurityGroupsCommand({ Filters: [...o.inVpc(), { Name: 'group-name', Values: names }] }))).SecurityGroups ?? [];
  for (const g of groups) o.ids.set(g.GroupId!, g.GroupName!);
  for (const name of names) {
    await o.guard(label.securityGroup(name), async () => {
      const g = groups.find((x) => x.GroupName === name);
      o.exists(label.securityGroup(name), g, g?.GroupId);
      if (g) o.val(label.securityGroup(name), 'inbound rules', describeRules(g.IpPermissions ?? []).replace(/sg-[0-9a-f]+/g, (id) => o.ids.get(id) ?? id));
    });
  }
}

const subnetNames = (o: Observer, ids: (string | undefined)[]) => ids.map((id) => o.ids.get(id ?? '') ?? id).sort().join(', ');

/** Reads the load balancer; returns the web ACL on it (GetWebACLForResource), which observeWaf reads on. */
async function observeLoadBalancer(o: Observer, w: WebTierNames): Promise<WebACL | undefined> {
  const L = label.loadBalancer(w.loadBalancer);
  let webAcl: WebACL | undefined;
  await o.absentOn(L, /LoadBalancerNotFound/, async () => {
    const lb = (await o.c.elbv2.send(new DescribeLoadBalancersCommand({ Names: [w.loadBalancer] }))).LoadBalancers?.[0];
    o.exists(L, lb, lb?.DNSName);
    if (!lb) return;
    const arn = lb.LoadBalancerArn;
    o.val(L, 'scheme', lb.Scheme ?? UNSET);
    o.val(L, 'type', lb.Type ?? UNSET);
    o.val(L, 'subnets', subnetNames(o, (lb.AvailabilityZones ?? []).map((z) => z.SubnetId)));
    o.val(L, 'security groups', (lb.SecurityGroups ?? []).map((id) => o.ids.get(id) ?? id).join(', ') || UNSET);
    o.val(L, 'listeners', describeListeners((await o.c.elbv2.send(new DescribeListenersCommand({ LoadBalancerArn: arn }))).Listeners ?? []) || 'none');
    const attributes = (await o.c.elbv2.send(new DescribeLoadBalancerAttributesCommand({ LoadBalancerArn: arn }))).Attributes ?? [];
    const attr = (key: string) => attributes.find((a) => a.Key === key)?.Value;
    const bucket = attr('access_logs.s3.enabled') === 'true' ? attr('access_logs.s3.bucket') : undefined;
    const expectedBucket = (await o.stackOutputs())[ACCESS_LOG_BUCKET_OUTPUT];
    o.val(L, 'access logs bucket', bucket && bucket === expectedBucket ? outputBucket(ACCESS_LOG_BUCKET_OUTPUT) : (bucket ?? 'off'));
    webAcl = (await o.c.wafv2.send(new GetWebACLForResourceCommand({ ResourceArn: arn }))).WebACL;
    o.val(L, 'web ACL', webAcl?.Name ?? 'none');
  });
  return webAcl;
}

async function observeTargetGroup(o: Observer, name: string): Promise<void> {
  const L = label.targetGroup(name);
  await o.absentOn(L, /TargetGroupNotFound/, async () => {
    const tg = (await o.c.elbv2.send(new DescribeTargetGroupsCommand({ Names: [name] }))).TargetGroups?.[0];
    o.exists(L, tg);
    if (!tg) return;
    o.val(L, 'target', `${tg.TargetType} ${tg.Protocol} ${tg.Port}`);
    o.val(L, 'health check', `${tg.HealthCheckProtocol} ${tg.HealthCheckPath} ${tg.Matcher?.HttpCode ?? UNSET}`);
  });
}

async function observeGroup(o: Observer, w: WebTierNames): Promise<string | undefined> {
  const L = label.group(w.autoScalingGroup);
  let templateId: string | undefined;
  await o.guard(L, async () => {
    const g = (await o.c.autoscaling.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [w.autoScalingGroup] }))).AutoScalingGroups?.[0];
    o.exists(L, g, g ? `${g.Instances?.length ?? 0} instances` : undefined);
    if (!g) return;
    templateId = g.LaunchTemplate?.LaunchTemplateId;
    o.val(L, 'subnets', subnetNames(o, (g.VPCZoneIdentifier ?? '').split(',').filter(Boolean)));
    o.val(L, 'min capacity', g.MinSize ?? UNSET);
    o.val(L, 'max capacity', g.MaxSize ?? UNSET);
    o.val(L, 'health check', g.HealthCheckType ?? UNSET);
    o.val(L, 'target groups', (g.TargetGroupARNs ?? []).map((a) => a.split(':targetgroup/')[1]?.split('/')[0] ?? a).join(', ') || 'none');
    o.val(L, 'launch template', g.LaunchTemplate?.LaunchTemplateName ?? UNSET);
    const policies = (await o.c.autoscaling.send(new DescribePoliciesCommand({ AutoScalingGroupName: w.autoScalingGroup }))).ScalingPolicies ?? [];
    const t = (p: (typeof policies)[number]) => p.TargetTrackingConfiguration;
    o.val(L, 'scaling policy', policies.map((p) => `${p.PolicyType} ${t(p)?.PredefinedMetricSpecification?.PredefinedMetricType ?? ''} ${t(p)?.TargetValue ?? ''}`.trim()).join('; ') || 'none');
  });
  return templateId;
}

async function observeLaunchTemplate(o: Observer, name: string, id: string | undefined): Promise<void> {
  const L = label.launchTemplate(name);
  await o.absentOn(L, /NotFound/, async () => {
    const v = (await o.c.ec2.send(new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateName: name, Versions: ['$Latest'] }))).LaunchTemplateVersions?.[0];
    o.exists(L, v, id);
    const d = v?.LaunchTemplateData;
    if (!d) return;
    const nic = d.NetworkInterfaces?.[0];
    const ebs = d.BlockDeviceMappings?.[0]?.Ebs;
    o.val(L, 'instance type', d.InstanceType ?? UNSET);
    o.val(L, 'instance profile', d.IamInstanceProfile?.Name ?? d.IamInstanceProfile?.Arn?.split('/').pop() ?? UNSET);
    o.val(L, 'IMDSv2 (HttpTokens)', d.MetadataOptions?.HttpTokens ?? UNSET);
    o.val(L, 'public IP', nic?.AssociatePublicIpAddress ? 'yes' : 'no');
    o.val(L, 'root volume', ebs ? `${ebs.VolumeType} ${ebs.Encrypted ? 'encrypted' : 'unencrypted'}` : UNSET);
    o.val(L, 'security groups', (nic?.Groups ?? d.SecurityGroupIds ?? []).map((g) => o.ids.get(g) ?? g).join(', ') || UNSET);
  });
}

async function observeWaf(o: Observer, w: WebTierNames, found: WebACL | undefined): Promise<void> {
  const S = label.ipSet(w.blockedHosts);
  let ipSets: IPSetSummary[] = [];
  await o.guard(S, async () => {
    ipSets = (await o.c.wafv2.send(new ListIPSetsCommand({ Scope: 'REGIONAL' }))).IPSets ?? [];
    const summary = ipSets.find((s) => s.Name === w.blockedHosts);
    const ipSet = summary ? (await o.c.wafv2.send(new GetIPSetCommand({ Name: summary.Name, Id: summary.Id, Scope: 'REGIONAL' }))).IPSet : undefined;
    o.exists(S, ipSet, ipSet?.ARN);
    if (ipSet) o.val(S, 'IP version', ipSet.IPAddressVersion ?? UNSET);
  });
  const L = label.webAcl(w.webAcl);
  await o.guard(L, async () => {
    const acl = found && found.Name === w.webAcl ? (await o.c.wafv2.send(new GetWebACLCommand({ Name: found.Name, Id: found.Id, Scope: 'REGIONAL' }))).WebACL : undefined;
    o.exists(L, acl, acl?.ARN ?? (found ? `the load balancer has ${found.Name}` : 'none on the load balancer'));
    if (!acl) return;
    const rules = [...(acl.Rules ?? [])].sort((a, b) => (a.Priority ?? 0) - (b.Priority ?? 0));
    o.val(L, 'rules in order', rules.map((r) => r.Name).join(', ') || 'none');
    const first = rules[0];
    const blocked = first?.Action?.Block ? first.Statement?.IPSetReferenceStatement?.ARN : undefined;
    o.val(L, `${WEB_ACL_RULES[0]} blocks`, blocked ? `IP set ${ipSets.find((s) => s.ARN === blocked)?.Name ?? blocked}` : 'nothing');
    let destinations: string[] = [];
    try {
      destinations = (await o.c.wafv2.send(new GetLoggingConfigurationCommand({ ResourceArn: acl.ARN }))).LoggingConfiguration?.LogDestinationConfigs ?? [];
    } catch (e) {
      if (!/WAFNonexistentItem/.test(errorName(e))) throw e; // no logging configuration: 'none'
    }
    o.val(L, 'logging to', destinations.map((d) => d.split(':log-group:')[1] ?? d).join(', ') || 'none');
  });
}

export const webTierPart: VerifyPart = {
  part: 'web-tier',
  expectedRows,
  async observe(o) {
    if (!o.config.day2) return;
    const w = webTierNames(o.config);
    await o.guard(label.securityGroup(w.loadBalancerSecurityGroup), () => observeSecurityGroups(o, [w.loadBalancerSecurityGroup, w.instanceSecurityGroup]));
    const webAclOnLoadBalancer = await observeLoadBalancer(o, w);
    await observeTargetGroup(o, w.targetGroup);
    const templateId = await observeGroup(o, w);
    await observeLaunchTemplate(o, w.launchTemplate, templateId);
    await observeWaf(o, w, webAclOnLoadBalancer);
  },
};
