/**
 * Preflight: what `cdk deploy` needs from the target account and region, checked before
 * the deploy rather than discovered half-way through it. Every check returns findings with a
 * level, what was found and what to do; only a BLOCKER makes the command fail.
 */
import {
  DescribeAddressesCommand,
  DescribeAvailabilityZonesCommand,
  DescribeInstanceTypeOfferingsCommand,
  DescribeNatGatewaysCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { GuardDutyClient, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import { BatchGetAccountStatusCommand, Inspector2Client } from '@aws-sdk/client-inspector2';
import { GetServiceQuotaCommand, ServiceQuotasClient } from '@aws-sdk/client-service-quotas';
import { GetParametersCommand, SSMClient } from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { WorkshopConfig } from '../../lib/config/workshop-config';
import { AMI_PARAMETERS } from '../../lib/parts/compute/workshop-instance';
import { sdkConfig } from '../operator/context';
import { errorMessage, errorName } from '../operator/errors';

export type Level = 'BLOCKER' | 'WARN' | 'INFO';

export interface Finding {
  readonly level: Level;
  /** Short name of the check: "Elastic IPs", "AMI parameters", ... */
  readonly check: string;
  readonly found: string;
  /** What to do; '' when nothing. */
  readonly action: string;
}

export interface PreflightClients {
  readonly ec2: EC2Client;
  readonly quotas: ServiceQuotasClient;
  readonly ssm: SSMClient;
  readonly guardduty: GuardDutyClient;
  readonly inspector2: Inspector2Client;
  readonly sts: STSClient;
}

export function preflightClients(region: string, env?: NodeJS.ProcessEnv): PreflightClients {
  const c = sdkConfig(region, { env });
  return {
    ec2: new EC2Client(c),
    quotas: new ServiceQuotasClient(c),
    ssm: new SSMClient(c),
    guardduty: new GuardDutyClient(c),
    inspector2: new Inspector2Client(c),
    sts: new STSClient(c),
  };
}

export function destroyClients(clients: PreflightClients): void {
  for (const c of Object.values(clients)) (c as { destroy(): void }).destroy();
}

/** AWS's default quotas, used when Service Quotas cannot be read. */
export const DEFAULT_QUOTAS = {
  elasticIps: { serviceCode: 'ec2', quotaCode: 'L-0263D0A3', name: 'EC2-VPC Elastic IPs', value: 5 },
  vpcs: { serviceCode: 'vpc', quotaCode: 'L-F678F1CE', name: 'VPCs per Region', value: 5 },
  natPerAz: { serviceCode: 'vpc', quotaCode: 'L-FE5A380F', name: 'NAT gateways per Availability Zone', value: 5 },
} as const;

interface Quota {
  readonly value: number;
  /** 'service-quotas' when read, else why the default was assumed. */
  readonly source: string;
}

async function readQuota(quotas: ServiceQuotasClient, q: { serviceCode: string; quotaCode: string; value: number }): Promise<Quota> {
  try {
    const out = await quotas.send(new GetServiceQuotaCommand({ ServiceCode: q.serviceCode, QuotaCode: q.quotaCode }));
    const value = out.Quota?.Value;
    if (typeof value === 'number') return { value, source: `Service Quotas ${q.quotaCode}` };
    return { value: q.value, source: `default ${q.value} assumed (Service Quotas returned no value for ${q.quotaCode})` };
  } catch (e) {
    return { value: q.value, source: `default ${q.value} assumed (Service Quotas ${q.quotaCode} not readable: ${errorName(e)})` };
  }
}

const quotaAction = (q: { serviceCode: string; quotaCode: string }, region: string) =>
  `request an increase: aws service-quotas request-service-quota-increase --service-code ${q.serviceCode} --quota-code ${q.quotaCode} --desired-value <n> --region ${region}`;

/** Who and where: without working credentials nothing else can be checked (undefined then). */
async function checkIdentity(config: WorkshopConfig, c: PreflightClients, out: Finding[]): Promise<{ account?: string } | undefined> {
  try {
    const id = await c.sts.send(new GetCallerIdentityCommand({}));
    out.push({ level: 'INFO', check: 'Target', found: `account ${id.Account}, region ${config.region}, as ${id.Arn}`, action: '' });
    return { account: id.Account };
  } catch (e) {
    out.push({
      level: 'BLOCKER',
      check: 'Target',
      found: `no usable AWS credentials for ${config.region}: ${errorName(e)}: ${errorMessage(e)}`,
      action: 'configure credentials (aws configure sso / AWS_PROFILE / environment variables) for the workshop account',
    });
    return undefined;
  }
}

async function checkElasticIps(config: WorkshopConfig, c: PreflightClients, out: Finding[]): Promise<void> {
  const quota = await readQuota(c.quotas, DEFAULT_QUOTAS.elasticIps);
  const addresses = (await c.ec2.send(new DescribeAddressesCommand({}))).Addresses ?? [];
  const allocated = addresses.filter((a) => (a.Domain ?? 'vpc') === 'vpc').length;
  const needed = config.natGateways;
  const free = quota.value - allocated;
  const found = `${allocated} allocated of ${quota.value} (${quota.source}); the app allocates ${needed} (one per NAT gateway, natGateways=${needed})`;
  if (free < needed) {
    out.push({
      level: 'BLOCKER',
      check: 'Elastic IPs',
      found: `${found}: only ${Math.max(free, 0)} free`,
      action:
        `release ${needed - free} unused address(es) (aws ec2 describe-addresses --region ${config.region}; aws ec2 release-address --allocation-id <id>), ` +
        (needed > 1 ? 'or deploy the cheaper mode with -c natGateways=1, ' : '') +
        `or ${quotaAction(DEFAULT_QUOTAS.elasticIps, config.region)}`,
    });
  } else {
    out.push({ level: 'INFO', check: 'Elastic IPs', found: `${found}: ${free} free`, action: '' });
  }
}

async function checkVpcs(config: WorkshopConfig, c: PreflightClients, out: Finding[]): Promise<void> {
  const quota = await readQuota(c.quotas, DEFAULT_QUOTAS.vpcs);
  const vpcs = (await c.ec2.send(new DescribeVpcsCommand({}))).Vpcs ?? [];
  const found = `${vpcs.length} VPC(s) of ${quota.value} (${quota.source}); the app creates 1`;
  if (quota.value - vpcs.length < 1) {
    out.push({
      level: 'BLOCKER',
      check: 'VPCs',
      found: `${found}: none free`,
      action: `delete an unused VPC (aws ec2 describe-vpcs --region ${config.region}) or ${quotaAction(DEFAULT_QUOTAS.vpcs, config.region)}`,
    });
  } else {
    out.push({ level: 'INFO', check: 'VPCs', found: `${found}: ${quota.value - vpcs.length} free`, action: '' });
  }
}

async function checkNatGateways(config: WorkshopConfig, c: PreflightClients, out: Finding[]): Promise<void> {
  const quota = await readQuota(c.quotas, DEFAULT_QUOTAS.natPerAz);
  const nats = ((await c.ec2.send(new DescribeNatGatewaysCommand({}))).NatGateways ?? []).filter(
    (n) => n.State === 'pending' || n.State === 'available',
  );
  const subnetIds = [...new Set(nats.map((n) => n.SubnetId!).filter(Boolean))];
  const azOfSubnet = new Map<string, string>();
  if (subnetIds.length > 0) {
    const subnets = (await c.ec2.send(new DescribeSubnetsCommand({ SubnetIds: subnetIds }))).Subnets ?? [];
    for (const s of subnets) azOfSubnet.set(s.SubnetId!, s.AvailabilityZone!);
  }
  const neededAzs = config.availabilityZones.slice(0, config.natGateways);
  const full: string[] = [];
  const counts = neededAzs.map((az) => {
    const n = nats.filter((g) => azOfSubnet.get(g.SubnetId!) === az).length;
    if (n + 1 > quota.value) full.push(az);
    return `${az}: ${n}`;
  });
  const found = `NAT gateways per AZ ${counts.join(', ')} of ${quota.value} (${quota.source}); the app adds 1 in each of ${neededAzs.join(', ')}`;
  if (full.length > 0) {
    out.push({
      level: 'BLOCKER',
      check: 'NAT gateways',
      found: `${found}: no room in ${full.join(', ')}`,
      action: `delete unused NAT gateways there (aws ec2 describe-nat-gateways --region ${config.region}) or ${quotaAction(DEFAULT_QUOTAS.natPerAz, config.region)}`,
    });
  } else {
    out.push({ level: 'INFO', check: 'NAT gateways', found, action: '' });
  }
}

/** The configured AZs exist, and the AZ the instances launch in offers their types. */
async function checkZonesAndInstanceTypes(config: WorkshopConfig, c: PreflightClients, out: Finding[]): Promise<void> {
  const zones = (await c.ec2.send(new DescribeAvailabilityZonesCommand({ AllAvailabilityZones: false }))).AvailabilityZones ?? [];
  const available = new Set(zones.filter((z) => z.State === 'available').map((z) => z.ZoneName!));
  const missing = config.availabilityZones.filter((az) => !available.has(az));
  if (missing.length > 0) {
    out.push({
      level: 'BLOCKER',
      check: 'Availability zones',
      found: `${missing.join(', ')} not available in ${config.region} (available: ${[...available].sort().join(', ')})`,
      action: `pick three available AZs: -c availabilityZones=${[...available].sort().slice(0, 3).join(',')} (or in cdk.json)`,
    });
  } else {
    out.push({ level: 'INFO', check: 'Availability zones', found: `${config.availabilityZones.join(', ')} available`, action: '' });
  }

  const types = [...new Set(Object.values(config.instanceTypes))];
  const offered = new Map<string, Set<string>>();
  let nextToken: string | undefined;
  do {
    const page = await c.ec2.send(
      new DescribeInstanceTypeOfferingsCommand({
        LocationType: 'availability-zone',
        Filters: [
          { Name: 'instance-type', Values: types },
          { Name: 'location', Values: [...config.availabilityZones] },
        ],
        NextToken: nextToken,
      }),
    );
    for (const o of page.InstanceTypeOfferings ?? []) {
      if (!offered.has(o.Location!)) offered.set(o.Location!, new Set());
      offered.get(o.Location!)!.add(o.InstanceType!);
    }
    nextToken = page.NextToken;
  } while (nextToken);

  // All three instances launch in the first AZ (default subnet there; Private-Subnet-a).
  const launchAz = config.availabilityZones[0];
  const roles = Object.entries(config.instanceTypes) as [string, string][];
  const notInLaunchAz = roles.filter(([, t]) => !offered.get(launchAz)?.has(t));
  if (notInLaunchAz.length > 0) {
    const alternatives = config.availabilityZones.filter((az) => notInLaunchAz.every(([, t]) => offered.get(az)?.has(t)));
    out.push({
      level: 'BLOCKER',
      check: 'Instance types',
      found: `${notInLaunchAz.map(([r, t]) => `${t} (${r})`).join(', ')} not offered in ${launchAz}, where the instances launch`,
      action:
        alternatives.length > 0
          ? `put an AZ that offers them first: -c availabilityZones=${[alternatives[0], ...config.availabilityZones.filter((a) => a !== alternatives[0])].join(',')}`
          : 'choose other AZs (aws ec2 describe-instance-type-offerings --location-type availability-zone) or other instance types (-c webserverInstanceType=...)',
    });
  } else {
    out.push({ level: 'INFO', check: 'Instance types', found: `${types.join(', ')} offered in ${launchAz}, where the instances launch`, action: '' });
  }
  const elsewhere = config.availabilityZones
    .slice(1)
    .filter((az) => available.has(az))
    .map((az) => [az, types.filter((t) => !offered.get(az)?.has(t))] as const)
    .filter(([, t]) => t.length > 0);
  for (const [az, t] of elsewhere) {
    out.push({
      level: 'WARN',
      check: 'Instance types',
      found: `${t.join(', ')} not offered in ${az}; no instance launches there today, but one moved to that AZ would fail`,
      action: 'nothing for the current layout',
    });
  }
}

async function checkAmiParameters(config: WorkshopConfig, c: PreflightClients, out: Finding[]): Promise<void> {
  const names = Object.values(AMI_PARAMETERS);
  try {
    const res = await c.ssm.send(new GetParametersCommand({ Names: names }));
    const bad = res.InvalidParameters ?? [];
    if (bad.length > 0) {
      out.push({
        level: 'BLOCKER',
        check: 'AMI parameters',
        found: `not found in ${config.region}: ${bad.join(', ')}`,
        action: 'the public AMI parameter is missing in this region: deploy to a region that has it (us-east-1), or update AMI_PARAMETERS in lib/parts/compute/workshop-instance.ts',
      });
    }
    for (const p of res.Parameters ?? []) {
      out.push({ level: 'INFO', check: 'AMI parameters', found: `${p.Name} -> ${p.Value}`, action: '' });
    }
  } catch (e) {
    out.push({
      level: 'BLOCKER',
      check: 'AMI parameters',
      found: `ssm:GetParameters failed: ${errorName(e)}: ${errorMessage(e)}`,
      action: 'CloudFormation resolves these parameters with the deploying credentials: allow ssm:GetParameters on arn:aws:ssm:*::parameter/aws/service/*',
    });
  }
}

async function checkGuardDuty(_config: WorkshopConfig, c: PreflightClients, out: Finding[]): Promise<void> {
  try {
    const ids = (await c.guardduty.send(new ListDetectorsCommand({}))).DetectorIds ?? [];
    out.push(
      ids.length > 0
        ? { level: 'INFO', check: 'GuardDuty', found: `detector ${ids.join(', ')} exists: the app adopts it and leaves it on at destroy`, action: '' }
        : { level: 'INFO', check: 'GuardDuty', found: 'no detector: the app creates one and deletes it at destroy', action: '' },
    );
  } catch (e) {
    out.push({
      level: 'WARN',
      check: 'GuardDuty',
      found: `guardduty:ListDetectors failed: ${errorName(e)}: ${errorMessage(e)}`,
      action: 'the Detection stack needs GuardDuty in this account and region (organisation SCPs may deny it)',
    });
  }
}

async function checkInspector(_config: WorkshopConfig, c: PreflightClients, account: string | undefined, out: Finding[]): Promise<void> {
  try {
    const res = await c.inspector2.send(new BatchGetAccountStatusCommand({ accountIds: account ? [account] : undefined }));
    const status = res.accounts?.find((a) => !account || a.accountId === account)?.resourceState?.ec2?.status;
    if (status === 'ENABLED' || status === 'ENABLING') {
      out.push({ level: 'INFO', check: 'Inspector', found: `EC2 scanning ${status}: the app adopts it and leaves it on at destroy`, action: '' });
    } else if (status) {
      out.push({ level: 'INFO', check: 'Inspector', found: `EC2 scanning ${status}: the app enables it and disables it at destroy`, action: '' });
    } else {
      out.push({
        level: 'INFO',
        check: 'Inspector',
        found: 'EC2 scanning status not reported (account never used Inspector, or the endpoint does not report it): the app enables it and disables it at destroy',
        action: '',
      });
    }
  } catch (e) {
    out.push({
      level: 'WARN',
      check: 'Inspector',
      found: `inspector2:BatchGetAccountStatus failed: ${errorName(e)}: ${errorMessage(e)}`,
      action: 'the Detection stack enables Inspector EC2 scanning; check Inspector is available and allowed in this account',
    });
  }
}

async function checkDefaultVpc(config: WorkshopConfig, c: PreflightClients, out: Finding[]): Promise<void> {
  const vpcs = (await c.ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }))).Vpcs ?? [];
  if (vpcs.length === 0) {
    out.push({
      level: 'BLOCKER',
      check: 'Default VPC',
      found: `no default VPC in ${config.region}; webserver-001-default-vpc is launched in it`,
      action: `aws ec2 create-default-vpc --region ${config.region}`,
    });
    return;
  }
  const vpcId = vpcs[0].VpcId!;
  const az = config.availabilityZones[0];
  const subnets =
    (
      await c.ec2.send(
        new DescribeSubnetsCommand({
          Filters: [
            { Name: 'vpc-id', Values: [vpcId] },
            { Name: 'availability-zone', Values: [az] },
            { Name: 'default-for-az', Values: ['true'] },
          ],
        }),
      )
    ).Subnets ?? [];
  if (subnets.length === 0) {
    out.push({
      level: 'BLOCKER',
      check: 'Default VPC',
      found: `default VPC ${vpcId} has no default subnet in ${az}, where the webserver launches`,
      action: `aws ec2 create-default-subnet --availability-zone ${az} --region ${config.region}`,
    });
    return;
  }
  const name = vpcs[0].Tags?.find((t) => t.Key === 'Name')?.Value;
  out.push({
    level: 'INFO',
    check: 'Default VPC',
    found: `${vpcId} with default subnet ${subnets[0].SubnetId} in ${az}${name ? ` (Name tag "${name}"; the app sets Default-VPC and removes it at destroy)` : ''}`,
    action: '',
  });
}

/** Runs every check; a check that throws becomes a finding of its own instead of ending the run. */
export async function runPreflight(config: WorkshopConfig, clients: PreflightClients): Promise<Finding[]> {
  const out: Finding[] = [];
  const identity = await checkIdentity(config, clients, out);
  if (!identity) return out;
  const { account } = identity;
  const checks: [string, () => Promise<void>][] = [
    ['Elastic IPs', () => checkElasticIps(config, clients, out)],
    ['VPCs', () => checkVpcs(config, clients, out)],
    ['NAT gateways', () => checkNatGateways(config, clients, out)],
    ['Availability zones', () => checkZonesAndInstanceTypes(config, clients, out)],
    ['AMI parameters', () => checkAmiParameters(config, clients, out)],
    ['GuardDuty', () => checkGuardDuty(config, clients, out)],
    ['Inspector', () => checkInspector(config, clients, account, out)],
    ['Default VPC', () => checkDefaultVpc(config, clients, out)],
  ];
  for (const [check, run] of checks) {
    try {
      await run();
    } catch (e) {
      out.push({
        level: 'WARN',
        check,
        found: `could not check: ${errorName(e)}: ${errorMessage(e)}`,
        action: 'check it by hand, or give the credentials read access (ec2:Describe*, servicequotas:GetServiceQuota)',
      });
    }
  }
  return out;
}

export function hasBlocker(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.level === 'BLOCKER');
}

export function formatFindings(findings: readonly Finding[]): string {
  const lines: string[] = [];
  for (const f of findings) {
    lines.push(`${f.level.padEnd(7)} ${f.check}: ${f.found}`);
    if (f.action) lines.push(`        -> ${f.action}`);
  }
  const count = (l: Level) => findings.filter((f) => f.level === l).length;
  lines.push('');
  lines.push(
    hasBlocker(findings)
      ? `Preflight: ${count('BLOCKER')} blocker(s), ${count('WARN')} warning(s). Fix the blockers before 'cdk deploy'.`
      : `Preflight: no blockers, ${count('WARN')} warning(s). Ready for 'cdk deploy'.`,
  );
  return lines.join('\n');
}
