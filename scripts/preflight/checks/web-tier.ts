/**
 * Day 2, protect (only with day2): room for one more Application Load Balancer in the region (its
 * quota from ELB's DescribeAccountLimits, default 50) and for one more regional web ACL and IP set
 * (AWS WAF's defaults: 100 each per Region), no load balancer, target group or web ACL of
 * another owner under the names the web tier gives, and with domainName the hosted zone
 * hostedZoneId exists, is public and holds the domain (the certificate's DNS validation record and
 * the alias record go there).
 */
import { DescribeAccountLimitsCommand, DescribeLoadBalancersCommand, DescribeTagsCommand, DescribeTargetGroupsCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { GetHostedZoneCommand } from '@aws-sdk/client-route-53';
import { ListIPSetsCommand, ListTagsForResourceCommand, ListWebACLsCommand, WebACLSummary } from '@aws-sdk/client-wafv2';
import { ELB_NAME_MAX, webTierNames } from '../../../lib/config/web-tier';
import { WorkshopConfig } from '../../../lib/config/workshop-config';
import { errorName } from '../../operator/errors';
import { isOwn } from '../own';
import { another } from './existing-names';
import { callFailed, Finding, PreflightCheck, PreflightClients } from '../types';

const CHECK = 'Web tier';
/** stackPrefix's limit on day 2: the load balancer's name <prefix>-web fits Elastic Load Balancing's 32. */
const STACK_PREFIX_MAX_LENGTH = ELB_NAME_MAX - '-web'.length;
/** AWS's default "Application Load Balancers per Region". */
export const DEFAULT_ALB_QUOTA = 50;

async function loadBalancerRoom(config: WorkshopConfig, c: PreflightClients, out: Finding[]): Promise<void> {
  const name = webTierNames(config).loadBalancer;
  const limits = (await c.elbv2.send(new DescribeAccountLimitsCommand({}))).Limits ?? [];
  const max = Number(limits.find((l) => l.Name === 'application-load-balancers')?.Max ?? DEFAULT_ALB_QUOTA);
  const albs = [];
  let marker: string | undefined;
  do {
    const page = await c.elbv2.send(new DescribeLoadBalancersCommand({ Marker: marker }));
    albs.push(...(page.LoadBalancers ?? []).filter((lb) => lb.Type === 'application'));
    marker = page.NextMarker;
  } while (marker);
  const others = albs.filter((lb) => lb.LoadBalancerName !== name).length;
  if (others + 1 > max) {
    out.push({
      level: 'BLOCKER',
      check: CHECK,
      found: `${others} Application Load Balancers in ${config.region}; the quota is ${max}: no room for ${name}`,
      action: `delete one, or request an increase: aws service-quotas request-service-quota-increase --service-code elasticloadbalancing --quota-code L-53DA6B97 --desired-value ${others + 1} --region ${config.region}`,
    });
  } else out.push({ level: 'INFO', check: CHECK, found: `${others} of ${max} Application Load Balancers in use: room for ${name}`, action: '' });
}

/** AWS WAF's default quotas per Region (regional scope): web ACLs and IP sets. */
export const DEFAULT_WAF_QUOTAS = { webAcls: 100, ipSets: 100 } as const;

/** Every page of a WAF list call (WAF answers a NextMarker even on the last page: an empty page ends it). */
async function allPages<T>(list: (marker?: string) => Promise<{ items: T[]; next?: string }>): Promise<T[]> {
  const all: T[] = [];
  let marker: string | undefined;
  do {
    const page = await list(marker);
    all.push(...page.items);
    marker = page.next;
  } while (marker);
  return all;
}

/** The region's web ACLs, every page. */
const regionalWebAcls = (c: PreflightClients) =>
  allPages(async (m) => {
    const r = await c.wafv2.send(new ListWebACLsCommand({ Scope: 'REGIONAL', NextMarker: m, Limit: 100 }));
    return { items: r.WebACLs ?? [], next: r.NextMarker && r.WebACLs?.length ? r.NextMarker : undefined };
  });

/** Room for the web tier's web ACL and the blocked-hosts IP set (the app's own, already there, count as its own). */
async function wafRoom(config: WorkshopConfig, c: PreflightClients, webAcls: readonly WebACLSummary[], out: Finding[]): Promise<void> {
  const w = webTierNames(config);
  const acls = webAcls.map((a) => a.Name ?? '');
  const sets = await allPages(async (m) => {
    const r = await c.wafv2.send(new ListIPSetsCommand({ Scope: 'REGIONAL', NextMarker: m, Limit: 100 }));
    return { items: r.IPSets ?? [], next: r.NextMarker && r.IPSets?.length ? r.NextMarker : undefined };
  }).then((all) => all.map((x) => x.Name ?? ''));
  const room = [
    { what: 'web ACLs', others: acls.filter((n) => n !== w.webAcl).length, max: DEFAULT_WAF_QUOTAS.webAcls, ours: w.webAcl },
    { what: 'IP sets', others: sets.filter((n) => n !== w.blockedHosts).length, max: DEFAULT_WAF_QUOTAS.ipSets, ours: w.blockedHosts },
  ];
  for (const r of room) {
    if (r.others + 1 > r.max) {
      out.push({
        level: 'BLOCKER',
        check: CHECK,
        found: `${r.others} regional WAF ${r.what} in ${config.region}; AWS WAF's default quota is ${r.max}: no room for ${r.ours}`,
        action: `delete unused ones (aws wafv2 list-${r.what === 'web ACLs' ? 'web-acls' : 'ip-sets'} --scope REGIONAL --region ${config.region}), or request an increase under AWS WAF in Service Quotas`,
      });
    } else out.push({ level: 'INFO', check: CHECK, found: `${r.others} of ${r.max} regional WAF ${r.what} in use: room for ${r.ours}`, action: '' });
  }
}

/** The load balancer, target group and web ACL names: another owner's fails the deploy half-way. */
async function takenNames(config: WorkshopConfig, c: PreflightClients, webAcls: readonly WebACLSummary[], out: Finding[]): Promise<void> {
  const w = webTierNames(config);
  const elbNamed = async (what: string, arn: string | undefined, remove: string) => {
    if (!arn) return;
    const tags = (await c.elbv2.send(new DescribeTagsCommand({ ResourceArns: [arn] }))).TagDescriptions?.[0]?.Tags;
    if (isOwn(config, tags)) return;
    out.push({ level: 'BLOCKER', check: CHECK, found: `${what} already exists, outside the app's stack: the deploy would fail on it`, action: `if no one uses it: ${remove}; or deploy under another stack name: -c stackPrefix=${another(config.stackPrefix, STACK_PREFIX_MAX_LENGTH)}` });
  };
  const absent = async <T>(call: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await call();
    } catch (e) {
      if (/NotFound/.test(errorName(e))) return undefined;
      throw e;
    }
  };
  const lb = (await absent(() => c.elbv2.send(new DescribeLoadBalancersCommand({ Names: [w.loadBalancer] }))))?.LoadBalancers?.[0];
  await elbNamed(`Load balancer ${w.loadBalancer}`, lb?.LoadBalancerArn, `aws elbv2 delete-load-balancer --load-balancer-arn ${lb?.LoadBalancerArn} --region ${config.region}`);
  const tg = (await absent(() => c.elbv2.send(new DescribeTargetGroupsCommand({ Names: [w.targetGroup] }))))?.TargetGroups?.[0];
  await elbNamed(`Target group ${w.targetGroup}`, tg?.TargetGroupArn, `aws elbv2 delete-target-group --target-group-arn ${tg?.TargetGroupArn} --region ${config.region}`);
  const acl = webAcls.find((a) => a.Name === w.webAcl);
  if (acl && !isOwn(config, (await c.wafv2.send(new ListTagsForResourceCommand({ ResourceARN: acl.ARN }))).TagInfoForResource?.TagList)) {
    out.push({
      level: 'BLOCKER',
      check: CHECK,
      found: `Web ACL ${w.webAcl} already exists, outside the app's stack: the deploy would fail on it`,
      action: `if no one uses it: aws wafv2 delete-web-acl --name ${acl.Name} --id ${acl.Id} --scope REGIONAL --lock-token ${acl.LockToken} --region ${config.region}; or deploy under another stack name: -c stackPrefix=${another(config.stackPrefix, STACK_PREFIX_MAX_LENGTH)}`,
    });
  }
}

async function hostedZone(config: WorkshopConfig, c: PreflightClients, out: Finding[]): Promise<void> {
  const { domainName, hostedZoneId } = config;
  if (!domainName || !hostedZoneId) return;
  try {
    const zone = (await c.route53.send(new GetHostedZoneCommand({ Id: hostedZoneId }))).HostedZone;
    const zoneName = (zone?.Name ?? '').replace(/\.$/, '');
    const holds = domainName === zoneName || domainName.endsWith(`.${zoneName}`);
    if (zone?.Config?.PrivateZone) {
      out.push({ level: 'BLOCKER', check: CHECK, found: `hosted zone ${hostedZoneId} (${zoneName}) is private: ACM validates and browsers resolve only public records`, action: 'set hostedZoneId to the id of the public hosted zone of the domain' });
    } else if (!holds) {
      out.push({ level: 'BLOCKER', check: CHECK, found: `hosted zone ${hostedZoneId} is ${zoneName}: it cannot hold ${domainName}`, action: `give a domain in ${zoneName} (-c domainName=web.${zoneName}) or the zone of ${domainName}` });
    } else {
      out.push({ level: 'INFO', check: CHECK, found: `public hosted zone ${hostedZoneId} (${zoneName}) holds ${domainName}: the certificate is validated there and the alias record written`, action: '' });
    }
  } catch (e) {
    if (errorName(e) === 'NoSuchHostedZone') {
      out.push({ level: 'BLOCKER', check: CHECK, found: `hosted zone ${hostedZoneId} does not exist in this account`, action: 'give the id of the public hosted zone of domainName (aws route53 list-hosted-zones-by-name), or leave both unset for HTTP only' });
    } else out.push(callFailed('WARN', CHECK, 'route53:GetHostedZone', e, `the HTTPS web tier needs hosted zone ${hostedZoneId}`));
  }
}

export const webTier: PreflightCheck = {
  check: CHECK,
  async run({ config, c }, out) {
    if (!config.day2) return;
    await loadBalancerRoom(config, c, out);
    const webAcls = await regionalWebAcls(c);
    await wafRoom(config, c, webAcls, out);
    await takenNames(config, c, webAcls, out);
    await hostedZone(config, c, out);
  },
};
