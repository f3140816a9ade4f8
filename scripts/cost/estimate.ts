/**
 * Cost estimate from the synthesized templates (so it follows the code, not a hand list) and
 * the price table kept beside this file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CfnResource, CfnTemplate, Templates } from '../operator/template';

export type Prices = typeof import('./prices-us-east-1.json');

export const PRICES_FILE = path.join(__dirname, 'prices-us-east-1.json');

export function loadPrices(file = PRICES_FILE): Prices {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Prices;
}

// --- Counting ------------------------------------------------------------------------------

export interface InstanceCount {
  readonly stack: string;
  readonly logicalId: string;
  readonly name: string;
  readonly instanceType: string;
  readonly platform: 'linux' | 'windows';
  readonly rootGiB: number;
  readonly publicIp: boolean;
  /** Detailed (1-minute) monitoring: Monitoring true. */
  readonly detailedMonitoring: boolean;
}

export interface ResourceCounts {
  readonly natGateways: number;
  readonly eips: number;
  readonly instances: InstanceCount[];
  /** EIPs, instances with AssociatePublicIpAddress, and an internet-facing load balancer's address in each subnet. */
  readonly publicIpv4: number;
  readonly flowLogsToCloudWatch: number;
  readonly flowLogsToS3: number;
  readonly secrets: number;
  readonly alarms: number;
  readonly trails: number;
  /** Trails that also deliver to a CloudWatch Logs group. */
  readonly trailsToCloudWatch: number;
  /** Day 2: Security Hub hubs (adopt-or-enable custom resources). */
  readonly securityHubs: number;
  /** Day 2: Config recorders, by recording frequency. */
  readonly configRecorders: { readonly continuous: number; readonly daily: number };
  /** Day 2 with detective: Detective behavior graphs. */
  readonly detectiveGraphs: number;
  /** Day 2: Application Load Balancers. */
  readonly loadBalancers: number;
  /** Day 2: WAF web ACLs and the rules in them. */
  readonly webAcls: number;
  readonly wafRules: number;
  /** Customer-managed KMS keys (the workshop key). */
  readonly kmsKeys: number;
}

function resources(templates: Templates): [string, string, CfnResource][] {
  return Object.entries(templates).flatMap(([stack, t]) => Object.entries(t.Resources ?? {}).map(([id, r]) => [stack, id, r] as [string, string, CfnResource]));
}

/** Windows when the image comes from a parameter (SSM public AMI path) that names Windows. */
function platformOf(template: CfnTemplate, imageId: unknown): 'linux' | 'windows' {
  const ref = (imageId as { Ref?: string })?.Ref;
  // The workshop's images: a GetAtt of the pinned-images custom resource, named after the SSM parameter it reads.
  const [resource, attribute] = (imageId as { 'Fn::GetAtt'?: [string, string] })?.['Fn::GetAtt'] ?? [];
  const pinned = resource && attribute ? template.Resources?.[resource]?.Properties?.Parameters?.[attribute] : undefined;
  const source = ref ? String(template.Parameters?.[ref]?.Default ?? ref) : attribute ? `${pinned ?? ''} ${attribute}` : String(imageId ?? '');
  return /windows/i.test(source) ? 'windows' : 'linux';
}

/**
 * The instances an Auto Scaling group runs at its minimum capacity, from its launch template (in
 * the same template): what the group keeps running when nothing scales it out.
 */
function groupInstances(templates: Templates, all: [string, string, CfnResource][]): InstanceCount[] {
  return all
    .filter(([, , r]) => r.Type === 'AWS::AutoScaling::AutoScalingGroup')
    .flatMap(([stack, logicalId, r]) => {
      const p = r.Properties ?? {};
      const templateId = (p.LaunchTemplate?.LaunchTemplateId as { Ref?: string } | undefined)?.Ref;
      const data = templateId ? templates[stack].Resources?.[templateId]?.Properties?.LaunchTemplateData : undefined;
      if (!data) return [];
      const name = String(p.AutoScalingGroupName ?? logicalId);
      return Array.from({ length: Number(p.MinSize ?? 0) }, (_, i) => ({
        stack,
        logicalId,
        name: `${name} #${i + 1}`,
        instanceType: String(data.InstanceType ?? 'm1.small'),
        platform: platformOf(templates[stack], data.ImageId),
        rootGiB: Number((data.BlockDeviceMappings ?? [])[0]?.Ebs?.VolumeSize ?? 8),
        publicIp: (data.NetworkInterfaces ?? []).some((n: { AssociatePublicIpAddress?: unknown }) => n.AssociatePublicIpAddress === true || n.AssociatePublicIpAddress === 'true'),
        detailedMonitoring: data.Monitoring?.Enabled === true || data.Monitoring?.Enabled === 'true',
      }));
    });
}

export function countResources(templates: Templates): ResourceCounts {
  const all = resources(templates);
  const ofType = (type: string) => all.filter(([, , r]) => r.Type === type);
  const instances: InstanceCount[] = ofType('AWS::EC2::Instance').map(([stack, logicalId, r]) => {
    const p = r.Properties ?? {};
    const root = (p.BlockDeviceMappings ?? [])[0]?.Ebs;
    // An instance without a mapping gets the AMI's root size; all of ours set it.
    return {
      stack,
      logicalId,
      name: (p.Tags ?? []).find((t: { Key: string }) => t.Key === 'Name')?.Value ?? logicalId,
      instanceType: String(p.InstanceType ?? 'm1.small'),
      platform: platformOf(templates[stack], p.ImageId),
      rootGiB: Number(root?.VolumeSize ?? 8),
      publicIp: (p.NetworkInterfaces ?? []).some((n: { AssociatePublicIpAddress?: unknown }) => n.AssociatePublicIpAddress === true || n.AssociatePublicIpAddress === 'true'),
      detailedMonitoring: p.Monitoring === true || p.Monitoring === 'true',
    };
  });
  instances.push(...groupInstances(templates, all));
  const eips = ofType('AWS::EC2::EIP').length;
  const loadBalancers = ofType('AWS::ElasticLoadBalancingV2::LoadBalancer').filter(([, , r]) => (r.Properties?.Type ?? 'application') === 'application');
  const loadBalancerAddresses = loadBalancers.filter(([, , r]) => r.Properties?.Scheme !== 'internal').reduce((n, [, , r]) => n + (r.Properties?.Subnets ?? []).length, 0);
  const webAcls = ofType('AWS::WAFv2::WebACL');
  const flowLogs = ofType('AWS::EC2::FlowLog').map(([, , r]) => r.Properties?.LogDestinationType ?? 'cloud-watch-logs');
  return {
    natGateways: ofType('AWS::EC2::NatGateway').length,
    eips,
    instances,
    publicIpv4: eips + instances.filter((i) => i.publicIp).length + loadBalancerAddresses,
    flowLogsToCloudWatch: flowLogs.filter((d) => d === 'cloud-watch-logs').length,
    flowLogsToS3: flowLogs.filter((d) => d === 's3').length,
    secrets: ofType('AWS::SecretsManager::Secret').length,
    alarms: ofType('AWS::CloudWatch::Alarm').length,
    trails: ofType('AWS::CloudTrail::Trail').length,
    trailsToCloudWatch: ofType('AWS::CloudTrail::Trail').filter(([, , r]) => r.Properties?.CloudWatchLogsLogGroupArn !== undefined).length,
    securityHubs: ofType('Custom::SecurityHub').length,
    configRecorders: {
      continuous: ofType('Custom::ConfigRecorder').filter(([, , r]) => r.Properties?.RecordingFrequency !== 'DAILY').length,
      daily: ofType('Custom::ConfigRecorder').filter(([, , r]) => r.Properties?.RecordingFrequency === 'DAILY').length,
    },
    detectiveGraphs: ofType('Custom::DetectiveGraph').length,
    loadBalancers: loadBalancers.length,
    webAcls: webAcls.length,
    wafRules: webAcls.reduce((n, [, , r]) => n + (r.Properties?.Rules ?? []).length, 0),
    kmsKeys: ofType('AWS::KMS::Key').length,
  };
}

// --- Pricing -------------------------------------------------------------------------------

export interface CostLine {
  readonly item: string;
  readonly quantity: number;
  readonly unit: string;
  /** The price as AWS states it: "$0.08 / GB-month". */
  readonly priceText: string;
  /** Price of one unit for one hour (already divided by the hours in a month where billed monthly). */
  readonly unitPerHour: number;
  readonly perHour: number;
  readonly usage: boolean;
  readonly assumption?: string;
}

export interface Estimate {
  readonly lines: CostLine[];
  /** Per participant, per hour. */
  readonly perHour: number;
  /** Instance types with no price in the table: left out of the total. */
  readonly unpriced: string[];
}

export const round = (n: number, digits = 6) => Math.round(n * 10 ** digits) / 10 ** digits;
const money = (n: number) => `$${Number(n.toPrecision(5))}`;

export function estimate(counts: ResourceCounts, prices: Prices): Estimate {
  const month = prices.hoursPerMonth;
  const lines: CostLine[] = [];
  const unpriced: string[] = [];
  const add = (item: string, quantity: number, unit: string, unitPerHour: number, usage = false, assumption?: string, priceText?: string) =>
    lines.push({ item, quantity, unit, unitPerHour, perHour: round(quantity * unitPerHour), usage, assumption, priceText: priceText ?? `${money(unitPerHour)} / ${unit}` });

  add('NAT gateway', counts.natGateways, 'gateway-hour', prices.natGateway.perHour);
  add('Public IPv4 address', counts.publicIpv4, 'address-hour', prices.publicIpv4.perHour);
  const table = prices.ec2 as unknown as Record<'linux' | 'windows', Record<string, number>>;
  const groups = new Map<string, InstanceCount[]>();
  for (const i of counts.instances) {
    const key = `${i.platform} ${i.instanceType}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  }
  for (const [key, list] of groups) {
    const [platform, type] = key.split(' ') as ['linux' | 'windows', string];
    const price = table[platform][type];
    const label = `EC2 ${type} ${platform === 'windows' ? 'Windows' : 'Linux'} (${list.map((i) => i.name).join(', ')})`;
    if (price === undefined) {
      unpriced.push(`${type} ${platform}`);
      lines.push({ item: `${label}: UNPRICED`, quantity: list.length, unit: 'instance-hour', unitPerHour: NaN, perHour: 0, usage: false, priceText: 'unpriced' });
    } else {
      add(label, list.length, 'instance-hour', price);
    }
  }
  const gib = counts.instances.reduce((s, i) => s + i.rootGiB, 0);
  add('EBS gp3 root volumes', gib, 'GB', prices.ebs.gp3PerGbMonth / month, false, undefined, `${money(prices.ebs.gp3PerGbMonth)} / GB-month`);
  add('CloudWatch alarm', counts.alarms, 'alarm', prices.cloudWatch.alarmPerMonth / month, false, undefined, `${money(prices.cloudWatch.alarmPerMonth)} / alarm-month`);
  const monitored = counts.instances.filter((i) => i.detailedMonitoring).length;
  const cw = prices.cloudWatch;
  add('EC2 detailed monitoring', monitored, 'instance', (cw.detailedMonitoringMetricsPerInstance * cw.metricPerMonth) / month, false, undefined,
    `${cw.detailedMonitoringMetricsPerInstance} metrics x ${money(cw.metricPerMonth)} / metric-month`);
  add('KMS customer-managed key', counts.kmsKeys, 'key', prices.kms.perKeyMonth / month, false, undefined, `${money(prices.kms.perKeyMonth)} / key-month`);
  add('Secrets Manager secret', counts.secrets, 'secret', prices.secretsManager.perSecretMonth / month, false, undefined, `${money(prices.secretsManager.perSecretMonth)} / secret-month`);

  const u = prices.usage;
  if (counts.natGateways > 0) {
    add('NAT data processing', u.natGbProcessedPerHour.value, 'GB', prices.natGateway.perGbProcessed, true, u.natGbProcessedPerHour.assumption);
  }
  add('Flow logs to CloudWatch Logs (ingestion)', counts.flowLogsToCloudWatch * u.flowLogGbPerHour.value, 'GB', u.cloudWatchLogsVendedIngestPerGb, true, u.flowLogGbPerHour.assumption);
  add('Flow logs to S3 (delivery)', counts.flowLogsToS3 * u.flowLogGbPerHour.value, 'GB', u.s3VendedDeliveryPerGb, true, u.flowLogGbPerHour.assumption);
  const gd = u.guardDuty;
  add('GuardDuty analysis', 1, 'account-hour', gd.gbAnalysedPerHour * gd.perGbVpcFlowAndDnsLogs + (gd.managementEventsPerHour / 1e6) * gd.perMillionCloudTrailManagementEvents, true, gd.assumption,
    `${money(gd.perGbVpcFlowAndDnsLogs)} / GB + ${money(gd.perMillionCloudTrailManagementEvents)} / M events`);
  add('Inspector EC2 scanning', counts.instances.length, 'instance', u.inspectorEc2.perInstanceMonth / month, true, u.inspectorEc2.assumption, `${money(u.inspectorEc2.perInstanceMonth)} / instance-month`);
  const ct = u.cloudTrail;
  add(`CloudTrail management events (${counts.trails} trail(s) in the app)`, counts.trails * ct.managementEventsPerHour / 1e5, '100k events', ct.firstTrailManagementEventsPer100k, true, ct.assumption, 'first copy free');
  add('CloudTrail to CloudWatch Logs (ingestion)', counts.trailsToCloudWatch * ct.gbDeliveredPerHour, 'GB', u.cloudWatchLogsVendedIngestPerGb, true, ct.assumption);
  addDay2Respond(counts, u, add);
  addDay2Protect(counts, prices, add);

  return { lines, perHour: round(lines.reduce((s, l) => s + l.perHour, 0)), unpriced };
}

type Add = (item: string, quantity: number, unit: string, unitPerHour: number, usage?: boolean, assumption?: string, priceText?: string) => void;

/** Day 2, protect: the load balancer (hours, LCUs) and the WAF (web ACL, rules, requests); its instances are EC2 lines above. */
function addDay2Protect(counts: ResourceCounts, prices: Prices, add: Add): void {
  const { applicationLoadBalancer: alb, waf, usage: u, hoursPerMonth: month } = prices;
  if (counts.loadBalancers > 0) {
    add('Application Load Balancer', counts.loadBalancers, 'load balancer-hour', alb.perHour);
    add('Load balancer capacity units', counts.loadBalancers * u.loadBalancerLcuPerHour.value, 'LCU-hour', alb.perLcuHour, true, u.loadBalancerLcuPerHour.assumption);
  }
  if (counts.webAcls > 0) {
    add('WAF web ACL', counts.webAcls, 'web ACL', waf.perWebAclMonth / month, false, undefined, `${money(waf.perWebAclMonth)} / web ACL-month`);
    add('WAF rules', counts.wafRules, 'rule', waf.perRuleMonth / month, false, undefined, `${money(waf.perRuleMonth)} / rule-month`);
    add('WAF requests', counts.webAcls * u.wafRequestsPerHour.value / 1e6, 'million requests', waf.perMillionRequests, true, u.wafRequestsPerHour.assumption);
  }
}

/** Day 2, respond: Security Hub checks, Config items (continuous or daily), Detective ingestion; nothing on day 1. */
function addDay2Respond(counts: ResourceCounts, u: Prices['usage'], add: Add): void {
  if (counts.securityHubs > 0) {
    add('Security Hub security checks', counts.securityHubs * u.securityHub.checksPerHour, 'check', u.securityHub.perCheck, true, u.securityHub.assumption);
  }
  const { continuous, daily } = counts.configRecorders;
  if (continuous > 0) {
    add('AWS Config items (continuous recording)', continuous * u.config.continuousItemsPerHour, 'configuration item', u.config.perContinuousItem, true, u.config.assumption);
  }
  if (daily > 0) add('AWS Config items (daily recording)', daily * u.config.dailyItemsPerHour, 'configuration item', u.config.perDailyItem, true, u.config.assumption);
  if (counts.detectiveGraphs > 0) {
    add('Detective data ingested', counts.detectiveGraphs * u.detective.gbIngestedPerHour, 'GB', u.detective.perGbIngested, true, u.detective.assumption);
  }
}
