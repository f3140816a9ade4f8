/**
 * Reads the deployed environment back and records, for each expected row, what was found.
 *
 * Resources are found by their Name tag plus the workshop tags; where a resource carries no Name
 * tag (an emulator may drop it), through its stack: the deployed template (GetTemplate) says which
 * logical id has that Name tag, DescribeStackResources gives its physical id.
 */
import {
  DescribeStackResourcesCommand,
  DescribeStacksCommand,
  GetTemplateCommand,
  StackResource,
} from '@aws-sdk/client-cloudformation';
import { GetNamedQueryCommand, GetWorkGroupCommand, ListNamedQueriesCommand } from '@aws-sdk/client-athena';
import { GetTrailCommand, GetTrailStatusCommand } from '@aws-sdk/client-cloudtrail';
import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeLogGroupsCommand, DescribeMetricFiltersCommand } from '@aws-sdk/client-cloudwatch-logs';
import { GetDatabaseCommand, GetTableCommand } from '@aws-sdk/client-glue';
import { GetTopicAttributesCommand } from '@aws-sdk/client-sns';
import {
  DescribeAddressesCommand,
  DescribeFlowLogsCommand,
  DescribeInstancesCommand,
  DescribeInternetGatewaysCommand,
  DescribeNatGatewaysCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcAttributeCommand,
  DescribeVpcsCommand,
  Filter,
  FlowLog,
  Instance,
  Tag,
} from '@aws-sdk/client-ec2';
import { GetGroupCommand, GetInstanceProfileCommand, GetPolicyCommand, GetPolicyVersionCommand, GetRoleCommand, GetUserCommand } from '@aws-sdk/client-iam';
import { GetBucketEncryptionCommand, GetBucketPolicyCommand, GetPublicAccessBlockCommand, HeadBucketCommand } from '@aws-sdk/client-s3';
import { PARTICIPANT_TAG_KEY, WORKSHOP_TAG_KEY, WORKSHOP_TAG_VALUE, type WorkshopConfig } from '../../lib/config/workshop-config';
import { errorName, isNotImplemented } from '../operator/errors';
import { Clients } from './clients';
import { NO_NAME_TAG, NOT_FOUND } from './compare';
import {
  ALL_PUBLIC_ACCESS_BLOCKED,
  DeployTarget,
  defaultSubnetLabel,
  outputBucket,
  resourceLabels,
  RESULTS_BUCKET_OUTPUT,
  statementSummary,
  TRAIL_BUCKET_OUTPUT,
  UNSET,
  vpcDefaultSecurityGroupLabel,
} from './expected';
import { EXISTS, Found, Observation, rowKey } from './types';

const nameOf = (tags: Tag[] | undefined) => tags?.find((t) => t.Key === 'Name')?.Value;
const workshopFilters = (config: WorkshopConfig): Filter[] => [
  { Name: `tag:${WORKSHOP_TAG_KEY}`, Values: [WORKSHOP_TAG_VALUE] },
  { Name: `tag:${PARTICIPANT_TAG_KEY}`, Values: [config.participantName] },
];

/** A policy statement's Action / Resource / Principal.Service as a list. */
const list = (v: unknown): string[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

interface PolicyStatement {
  Effect?: string;
  Action?: string | string[];
  Resource?: string | string[];
  Principal?: string | { Service?: string | string[] };
}

/** A policy document as IAM (URL-encoded JSON) or S3 (JSON) returns it. */
export function policyStatements(document: string | undefined): PolicyStatement[] {
  if (!document) return [];
  const text = document.trimStart().startsWith('{') ? document : decodeURIComponent(document);
  const statements = JSON.parse(text).Statement;
  return Array.isArray(statements) ? statements : statements ? [statements] : [];
}

/** Stack templates and resources, read once per stack. */
class Stacks {
  private readonly cache = new Map<string, Promise<{ template: any; resources: StackResource[] } | undefined>>();
  constructor(private readonly c: Clients) {}

  private load(stack: string) {
    let p = this.cache.get(stack);
    if (!p) {
      p = (async () => {
        try {
          const [t, r] = await Promise.all([
            this.c.cfn.send(new GetTemplateCommand({ StackName: stack, TemplateStage: 'Original' })),
            this.c.cfn.send(new DescribeStackResourcesCommand({ StackName: stack })),
          ]);
          return { template: JSON.parse(t.TemplateBody ?? '{}'), resources: r.StackResources ?? [] };
        } catch {
          return undefined;
        }
      })();
      this.cache.set(stack, p);
    }
    return p;
  }

  /** Physical id of the stack's resource of `type` whose template Tags has Name=`name`. */
  async physicalIdByNameTag(stack: string, type: string, name: string): Promise<string | undefined> {
    const s = await this.load(stack);
    if (!s) return undefined;
    const entry = Object.entries<any>(s.template.Resources ?? {}).find(
      ([, r]) => r.Type === type && (r.Properties?.Tags ?? []).some((t: any) => t.Key === 'Name' && t.Value === name),
    );
    if (!entry) return undefined;
    return s.resources.find((r) => r.LogicalResourceId === entry[0])?.PhysicalResourceId;
  }
}

/** Finds one EC2 resource by Name tag among candidates, else through the stack. */
async function locate<T>(
  candidates: T[],
  idOf: (t: T) => string | undefined,
  tagsOf: (t: T) => Tag[] | undefined,
  name: string,
  viaStack: () => Promise<string | undefined>,
): Promise<{ item?: T; how: string }> {
  const byName = candidates.filter((c) => nameOf(tagsOf(c)) === name);
  if (byName.length > 0) return { item: byName[0], how: byName.length > 1 ? `${byName.length} with this Name tag, first used` : '' };
  const id = await viaStack();
  const item = id ? candidates.find((c) => idOf(c) === id) : undefined;
  return { item, how: item ? 'found through its stack' : '' };
}

export async function observe(c: Clients, config: WorkshopConfig, target: DeployTarget): Promise<Observation> {
  const L = resourceLabels(config, target);
  const n = L.names;
  const obs: Observation = new Map();
  const set = (resource: string, attribute: string, found: Found) => obs.set(rowKey(resource, attribute), found);
  const val = (resource: string, attribute: string, value: unknown, detail?: string) =>
    set(resource, attribute, { value: String(value), ...(detail ? { detail } : {}) });
  const exists = (resource: string, item: unknown, detail?: string) => val(resource, EXISTS, item ? 'yes' : NOT_FOUND, detail || undefined);
  /** Runs one resource's reads; an error becomes that resource's `exists` row (or NOT RECORDED when unimplemented). */
  const guard = async (resource: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (e) {
      if (isNotImplemented(e)) set(resource, EXISTS, { notRecorded: `the endpoint does not implement a call verify needs: ${(e as Error).message}` });
      else val(resource, EXISTS, `error: ${errorName(e)}`, (e as Error).message);
    }
  };
  const stacks = new Stacks(c);
  const workshopStack = n.stack;

  // --- Stacks ----------------------------------------------------------------------------------
  for (const stack of L.stacks) {
    await guard(L.stack(stack), async () => {
      try {
        const s = (await c.cfn.send(new DescribeStacksCommand({ StackName: stack }))).Stacks?.[0];
        exists(L.stack(stack), s && s.StackStatus !== 'DELETE_COMPLETE');
        if (s) val(L.stack(stack), 'status', s.StackStatus, s.StackStatusReason);
      } catch (e) {
        if (errorName(e) === 'ValidationError') exists(L.stack(stack), false);
        else throw e;
      }
    });
  }

  // --- VPC ----------------------------------------------------------------------------------
  const idName = new Map<string, string>(); // id -> expected name, for routes/associations
  let vpcId: string | undefined;
  await guard(L.vpc, async () => {
    const vpcs = (await c.ec2.send(new DescribeVpcsCommand({ Filters: workshopFilters(config) }))).Vpcs ?? [];
    let { item, how } = await locate(vpcs, (v) => v.VpcId, (v) => v.Tags, n.vpc, () => stacks.physicalIdByNameTag(workshopStack, 'AWS::EC2::VPC', n.vpc));
    if (!item) {
      const id = await stacks.physicalIdByNameTag(workshopStack, 'AWS::EC2::VPC', n.vpc);
      if (id) {
        item = (await c.ec2.send(new DescribeVpcsCommand({ VpcIds: [id] }))).Vpcs?.[0];
        how = 'found through its stack (no workshop tags)';
      }
    }
    exists(L.vpc, item, how);
    if (!item?.VpcId) return;
    vpcId = item.VpcId;
    idName.set(vpcId, n.vpc);
    val(L.vpc, 'Name tag', nameOf(item.Tags) ?? NO_NAME_TAG);
    val(L.vpc, 'CIDR', item.CidrBlock, item.VpcId);
    const hostnames = await c.ec2.send(new DescribeVpcAttributeCommand({ VpcId: vpcId, Attribute: 'enableDnsHostnames' }));
    const support = await c.ec2.send(new DescribeVpcAttributeCommand({ VpcId: vpcId, Attribute: 'enableDnsSupport' }));
    val(L.vpc, 'DNS hostnames', hostnames.EnableDnsHostnames?.Value ?? UNSET);
    val(L.vpc, 'DNS support', support.EnableDnsSupport?.Value ?? UNSET);
  });
  const inVpc: Filter[] = vpcId ? [{ Name: 'vpc-id', Values: [vpcId] }] : workshopFilters(config);

  // --- Subnets -------------------------------------------------------------------------------
  const subnets = (await c.ec2.send(new DescribeSubnetsCommand({ Filters: inVpc }))).Subnets ?? [];
  for (const spec of [...n.publicSubnets, ...n.privateSubnets]) {
    const label = L.subnet(spec.name);
    await guard(label, async () => {
      const { item, how } = await locate(subnets, (s) => s.SubnetId, (s) => s.Tags, spec.name, () =>
        stacks.physicalIdByNameTag(workshopStack, 'AWS::EC2::Subnet', spec.name),
      );
      exists(label, item, how);
      if (!item?.SubnetId) return;
      idName.set(item.SubnetId, spec.name);
      val(label, 'Name tag', nameOf(item.Tags) ?? NO_NAME_TAG);
      val(label, 'CIDR', item.CidrBlock, item.SubnetId);
      val(label, 'AZ', item.AvailabilityZone);
      val(label, 'VPC', idName.get(item.VpcId ?? '') ?? item.VpcId);
      if (item.MapPublicIpOnLaunch === undefined) set(label, 'MapPublicIpOnLaunch', { notRecorded: 'DescribeSubnets returned no MapPublicIpOnLaunch' });
      else val(label, 'MapPublicIpOnLaunch', item.MapPublicIpOnLaunch);
    });
  }

  // --- Internet gateway, NAT gateways (before route tables: routes name them) ----------------
  await guard(L.internetGateway, async () => {
    const igws = (await c.ec2.send(new DescribeInternetGatewaysCommand({}))).InternetGateways ?? [];
    const { item, how } = await locate(igws, (g) => g.InternetGatewayId, (g) => g.Tags, n.internetGateway, () =>
      stacks.physicalIdByNameTag(workshopStack, 'AWS::EC2::InternetGateway', n.internetGateway),
    );
    exists(L.internetGateway, item, how);
    if (!item?.InternetGatewayId) return;
    idName.set(item.InternetGatewayId, n.internetGateway);
    val(L.internetGateway, 'Name tag', nameOf(item.Tags) ?? NO_NAME_TAG, item.InternetGatewayId);
    const attached = (item.Attachments ?? []).filter((a) => ['available', 'attached'].includes(String(a.State))) // AWS answers "available";
    val(L.internetGateway, 'attached to', attached.map((a) => idName.get(a.VpcId ?? '') ?? a.VpcId).join(', ') || 'nothing');
  });

  const nats = ((await c.ec2.send(new DescribeNatGatewaysCommand({ Filter: inVpc }))).NatGateways ?? []).filter(
    (g) => g.State !== 'deleted' && g.State !== 'deleting',
  );
  const addresses = (await c.ec2.send(new DescribeAddressesCommand({}))).Addresses ?? [];
  val(L.vpc, 'NAT gateways in VPC', nats.length, nats.map((g) => g.NatGatewayId).join(', '));
  const allocationUse = new Map<string, number>();
  for (const g of nats) for (const a of g.NatGatewayAddresses ?? []) if (a.AllocationId) allocationUse.set(a.AllocationId, (allocationUse.get(a.AllocationId) ?? 0) + 1);
  for (const name of n.natGateways) {
    const label = L.natGateway(name);
    await guard(label, async () => {
      const { item, how } = await locate(nats, (g) => g.NatGatewayId, (g) => g.Tags, name, () =>
        stacks.physicalIdByNameTag(workshopStack, 'AWS::EC2::NatGateway', name),
      );
      exists(label, item, how);
      if (!item?.NatGatewayId) return;
      idName.set(item.NatGatewayId, name);
      val(label, 'Name tag', nameOf(item.Tags) ?? NO_NAME_TAG, item.NatGatewayId);
      val(label, 'subnet', idName.get(item.SubnetId ?? '') ?? item.SubnetId);
      val(label, 'state', item.State);
      const allocation = item.NatGatewayAddresses?.find((a) => a.AllocationId)?.AllocationId;
      const eip = addresses.find((a) => a.AllocationId === allocation);
      const eipState = !allocation ? 'none' : !eip ? 'allocation not found' : (allocationUse.get(allocation) ?? 0) > 1 ? 'shared' : 'own';
      val(label, 'Elastic IP', eipState, [allocation, eip?.PublicIp].filter(Boolean).join(' '));
    });
  }

  // --- Route tables ---------------------------------------------------------------------------
  const routeTables = (await c.ec2.send(new DescribeRouteTablesCommand({ Filters: inVpc }))).RouteTables ?? [];
  for (const name of [n.publicRouteTable, ...n.privateRouteTables]) {
    const label = L.routeTable(name);
    await guard(label, async () => {
      const { item, how } = await locate(routeTables, (r) => r.RouteTableId, (r) => r.Tags, name, () =>
        stacks.physicalIdByNameTag(workshopStack, 'AWS::EC2::RouteTable', name),
      );
      exists(label, item, how);
      if (!item) return;
      val(label, 'Name tag', nameOf(item.Tags) ?? NO_NAME_TAG, item.RouteTableId);
      val(label, 'VPC', idName.get(item.VpcId ?? '') ?? item.VpcId);
      const assoc = (item.Associations ?? [])
        .filter((a) => a.SubnetId && (a.AssociationState?.State ?? 'associated') === 'associated')
        .map((a) => idName.get(a.SubnetId!) ?? a.SubnetId!)
        .sort();
      val(label, 'associated subnets', assoc.join(', ') || 'none');
      const route = (item.Routes ?? []).find((r) => r.DestinationCidrBlock === '0.0.0.0/0');
      const targetId = route?.GatewayId ?? route?.NatGatewayId ?? route?.InstanceId ?? route?.NetworkInterfaceId ?? route?.TransitGatewayId;
      val(label, 'route 0.0.0.0/0', route ? (idName.get(targetId ?? '') ?? targetId ?? 'no target') : 'none', route?.State && route.State !== 'active' ? route.State : undefined);
    });
  }

  // --- Flow logs ----------------------------------------------------------------------------
  const flowLogs: FlowLog[] = vpcId
    ? ((await c.ec2.send(new DescribeFlowLogsCommand({ Filter: [{ Name: 'resource-id', Values: [vpcId] }] }))).FlowLogs ?? [])
    : [];
  const format = (f: FlowLog) => f.LogFormat || UNSET;
  await guard(L.cloudWatchFlowLog, async () => {
    const candidates = flowLogs.filter((f) => f.LogDestinationType === 'cloud-watch-logs');
    const groupOf = (f: FlowLog) => f.LogGroupName || f.LogDestination?.replace(/:\*$/, '').split(':log-group:')[1];
    const f = candidates.find((x) => groupOf(x) === n.flowLogGroup) ?? candidates[0];
    exists(L.cloudWatchFlowLog, f, f?.FlowLogId);
    if (!f) return;
    val(L.cloudWatchFlowLog, 'traffic type', f.TrafficType);
    val(L.cloudWatchFlowLog, 'log format', format(f));
    val(L.cloudWatchFlowLog, 'destination log group', groupOf(f) ?? UNSET);
  });
  await guard(L.s3FlowLog, async () => {
    const candidates = flowLogs.filter((x) => x.LogDestinationType === 's3');
    const f = candidates.find((x) => x.LogDestination?.includes(L.bucket)) ?? candidates[0];
    exists(L.s3FlowLog, f, f?.FlowLogId);
    if (!f) return;
    val(L.s3FlowLog, 'traffic type', f.TrafficType);
    val(L.s3FlowLog, 'log format', format(f));
    val(L.s3FlowLog, 'destination', f.LogDestination ?? UNSET);
    const o = f.DestinationOptions;
    const why = 'DescribeFlowLogs returned no DestinationOptions for this flow log';
    set(L.s3FlowLog, 'file format', o?.FileFormat ? { value: o.FileFormat } : { notRecorded: why });
    set(L.s3FlowLog, 'Hive-compatible partitions', o?.HiveCompatiblePartitions !== undefined ? { value: String(o.HiveCompatiblePartitions) } : { notRecorded: why });
  });

  // --- Log group, bucket ----------------------------------------------------------------------
  await guard(L.logGroup, async () => {
    const groups = (await c.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: n.flowLogGroup }))).logGroups ?? [];
    const g = groups.find((x) => x.logGroupName === n.flowLogGroup);
    exists(L.logGroup, g);
    if (g) val(L.logGroup, 'retention (days)', g.retentionInDays ?? 'never expire');
  });
  await guard(L.bucketLabel, async () => {
    try {
      await c.s3.send(new HeadBucketCommand({ Bucket: L.bucket }));
    } catch (e) {
      if (['NotFound', 'NoSuchBucket'].includes(errorName(e))) {
        exists(L.bucketLabel, false);
        return;
      }
      throw e;
    }
    exists(L.bucketLabel, true);
    try {
      const p = (await c.s3.send(new GetPublicAccessBlockCommand({ Bucket: L.bucket }))).PublicAccessBlockConfiguration ?? {};
      const on = (['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'] as const).filter((k) => p[k]);
      val(L.bucketLabel, 'public access block', on.length === 4 ? ALL_PUBLIC_ACCESS_BLOCKED : on.join(', ') || 'none');
    } catch (e) {
      if (errorName(e) !== 'NoSuchPublicAccessBlockConfiguration') throw e;
      val(L.bucketLabel, 'public access block', 'none');
    }
    try {
      const enc = await c.s3.send(new GetBucketEncryptionCommand({ Bucket: L.bucket }));
      const rule = enc.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault;
      val(L.bucketLabel, 'default encryption', rule?.SSEAlgorithm ?? 'none');
    } catch (e) {
      if (errorName(e) !== 'ServerSideEncryptionConfigurationNotFoundError') throw e;
      val(L.bucketLabel, 'default encryption', 'none');
    }
    try {
      const policy = (await c.s3.send(new GetBucketPolicyCommand({ Bucket: L.bucket }))).Policy;
      const delivery = policyStatements(policy).filter(
        (st) => st.Effect === 'Allow' && typeof st.Principal === 'object' && list(st.Principal.Service).includes('delivery.logs.amazonaws.com'),
      );
      const pairs = delivery.flatMap((st) => list(st.Action).flatMap((a) => list(st.Resource).map((r): [string, string] => [a, r])));
      val(L.bucketLabel, 'delivery statements', statementSummary(pairs));
    } catch (e) {
      if (errorName(e) !== 'NoSuchBucketPolicy') throw e;
      val(L.bucketLabel, 'delivery statements', 'no bucket policy');
    }
  });

  // --- Default VPC, instances ---------------------------------------------------------------
  let defaultSubnetId: string | undefined;
  let vpcDefaultSg: string | undefined;
  await guard(L.defaultVpc, async () => {
    const d = (await c.ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }))).Vpcs?.[0];
    exists(L.defaultVpc, d, d?.VpcId);
    if (!d?.VpcId) return;
    idName.set(d.VpcId, n.defaultVpc);
    val(L.defaultVpc, 'Name tag', nameOf(d.Tags) ?? NO_NAME_TAG);
    defaultSubnetId = (
      await c.ec2.send(
        new DescribeSubnetsCommand({
          Filters: [
            { Name: 'vpc-id', Values: [d.VpcId] },
            { Name: 'default-for-az', Values: ['true'] },
            { Name: 'availability-zone', Values: [config.availabilityZones[0]] },
          ],
        }),
      )
    ).Subnets?.[0]?.SubnetId;
  });
  if (vpcId) {
    vpcDefaultSg = (
      await c.ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }, { Name: 'group-name', Values: ['default'] }] }))
    ).SecurityGroups?.[0]?.GroupId;
  }
  const instanceNames = [n.webserver, n.ubuntuInstance, n.windowsInstance];
  const live = { Name: 'instance-state-name', Values: ['pending', 'running', 'stopping', 'stopped'] };
  const instances: Instance[] = (
    (await c.ec2.send(new DescribeInstancesCommand({ Filters: [...workshopFilters(config), { Name: 'tag:Name', Values: instanceNames }, live] }))).Reservations ?? []
  ).flatMap((r) => r.Instances ?? []);
  for (const name of instanceNames) {
    const label = L.instance(name);
    await guard(label, async () => {
      let { item, how } = await locate(instances, (i) => i.InstanceId, (i) => i.Tags, name, async () => undefined);
      if (!item) {
        const id = await stacks.physicalIdByNameTag(workshopStack, 'AWS::EC2::Instance', name);
        if (id) {
          item = (await c.ec2.send(new DescribeInstancesCommand({ InstanceIds: [id], Filters: [live] }))).Reservations?.[0]?.Instances?.[0];
          how = 'found through its stack';
        }
      }
      exists(label, item, [item?.InstanceId, how].filter(Boolean).join(', '));
      if (!item) return;
      val(label, 'Name tag', nameOf(item.Tags) ?? NO_NAME_TAG);
      val(label, 'instance type', item.InstanceType);
      const subnet =
        item.SubnetId && item.SubnetId === defaultSubnetId ? defaultSubnetLabel(config) : (idName.get(item.SubnetId ?? '') ?? item.SubnetId ?? UNSET);
      val(label, 'subnet', subnet);
      const groups = (item.SecurityGroups ?? []).map((g) => (g.GroupId === vpcDefaultSg ? vpcDefaultSecurityGroupLabel(config) : (g.GroupName ?? g.GroupId)));
      val(label, 'security groups', groups.sort().join(', ') || 'none');
      const profile = item.IamInstanceProfile?.Arn?.split('/').pop();
      val(label, 'instance profile', profile ?? 'none');
      if (item.MetadataOptions?.HttpTokens) val(label, 'IMDSv2 (HttpTokens)', item.MetadataOptions.HttpTokens);
      else set(label, 'IMDSv2 (HttpTokens)', { notRecorded: 'DescribeInstances returned no MetadataOptions.HttpTokens' });
      val(label, 'public IP', item.PublicIpAddress ? 'yes' : 'no', item.PublicIpAddress);
    });
  }

  // --- IAM ---------------------------------------------------------------------------------
  const iamExists = async (label: string, get: () => Promise<unknown>) =>
    guard(label, async () => {
      try {
        await get();
        exists(label, true);
      } catch (e) {
        if (errorName(e) === 'NoSuchEntityException' || errorName(e) === 'NoSuchEntity') exists(label, false);
        else throw e;
      }
    });
  await iamExists(L.iamGroup, () => c.iam.send(new GetGroupCommand({ GroupName: n.readOnlyGroup })));
  await iamExists(L.iamUser, () => c.iam.send(new GetUserCommand({ UserName: n.readOnlyUser })));
  await iamExists(L.iamRole(n.crossAccountRole), () => c.iam.send(new GetRoleCommand({ RoleName: n.crossAccountRole })));
  await iamExists(L.iamRole(n.ssmInstanceRole), () => c.iam.send(new GetRoleCommand({ RoleName: n.ssmInstanceRole })));
  await iamExists(L.instanceProfile, async () => {
    const p = await c.iam.send(new GetInstanceProfileCommand({ InstanceProfileName: n.ssmInstanceRole }));
    val(L.instanceProfile, 'roles', (p.InstanceProfile?.Roles ?? []).map((r) => r.RoleName).join(', ') || 'none');
  });

  await observeInvestigation(c, config, target, { set, val, exists, guard });
  return obs;
}

interface Recorders {
  set: (resource: string, attribute: string, found: Found) => void;
  val: (resource: string, attribute: string, value: unknown, detail?: string) => void;
  exists: (resource: string, item: unknown, detail?: string) => void;
  guard: (resource: string, fn: () => Promise<void>) => Promise<void>;
}

/** Workshop part 2: alarm topic, REJECT metric filter and alarm, Glue tables, Athena workgroup, trail, Wazuh policy. */
async function observeInvestigation(c: Clients, config: WorkshopConfig, target: DeployTarget, r: Recorders): Promise<void> {
  const L = resourceLabels(config, target);
  const n = L.names;
  const inv = n.investigation;
  const { val, exists, guard } = r;
  const arn = (service: string, resource: string) => `arn:${target.partition}:${service}:${config.region}:${target.account}:${resource}`;
  /** exists = no when the read fails with one of these error names. */
  const absentOn = async (label: string, names: RegExp, fn: () => Promise<void>) =>
    guard(label, async () => {
      try {
        await fn();
      } catch (e) {
        if (names.test(errorName(e))) exists(label, false);
        else throw e;
      }
    });

  // Generated bucket names: the stack's outputs say which bucket is which.
  let outputs: Record<string, string> = {};
  try {
    const s = (await c.cfn.send(new DescribeStacksCommand({ StackName: L.names.stack }))).Stacks?.[0];
    outputs = Object.fromEntries((s?.Outputs ?? []).map((o) => [o.OutputKey ?? '', o.OutputValue ?? '']));
  } catch {
    // the stack row already says it is missing
  }
  const bucketShown = (bucket: string | undefined) => {
    const output = [RESULTS_BUCKET_OUTPUT, TRAIL_BUCKET_OUTPUT].find((o) => bucket && outputs[o] === bucket);
    return output ? outputBucket(output) : (bucket ?? UNSET);
  };
  const s3UrlShown = (url: string | undefined) => (url ? url.replace(/^s3:\/\/([^/]+)/, (_, b: string) => `s3://${bucketShown(b)}`) : UNSET);

  await absentOn(L.topic, /NotFound/, async () => {
    const topicArn = arn('sns', inv.alarmTopic);
    await c.sns.send(new GetTopicAttributesCommand({ TopicArn: topicArn }));
    exists(L.topic, true, topicArn);
  });

  await absentOn(L.metricFilter, /ResourceNotFound/, async () => {
    const filters = (await c.logs.send(new DescribeMetricFiltersCommand({ logGroupName: n.flowLogGroup, filterNamePrefix: inv.rejectedFlowsMetric }))).metricFilters ?? [];
    const f = filters.find((x) => x.filterName === inv.rejectedFlowsMetric);
    exists(L.metricFilter, f);
    if (!f) return;
    val(L.metricFilter, 'pattern', f.filterPattern ?? UNSET);
    const t = f.metricTransformations?.[0];
    val(L.metricFilter, 'metric', t ? `${t.metricNamespace}/${t.metricName}` : 'none', (f.metricTransformations?.length ?? 0) > 1 ? `${f.metricTransformations!.length} transformations, first shown` : undefined);
    val(L.metricFilter, 'metric value', t?.metricValue ?? UNSET);
  });

  await guard(L.alarm, async () => {
    const a = (await c.cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: [inv.rejectedFlowsAlarm] }))).MetricAlarms?.[0];
    exists(L.alarm, a);
    if (!a) return;
    val(L.alarm, 'metric', `${a.Namespace}/${a.MetricName}`);
    val(L.alarm, 'statistic', a.Statistic ?? a.ExtendedStatistic ?? UNSET);
    val(L.alarm, 'period (s)', a.Period ?? UNSET);
    val(L.alarm, 'threshold', a.Threshold ?? UNSET);
    val(L.alarm, 'comparison', a.ComparisonOperator ?? UNSET);
    val(L.alarm, 'alarm actions', (a.AlarmActions ?? []).join(', ') || 'none');
  });

  await absentOn(L.glueDatabase, /EntityNotFound/, async () => {
    const d = (await c.glue.send(new GetDatabaseCommand({ Name: inv.glueDatabase }))).Database;
    exists(L.glueDatabase, d);
  });
  for (const name of [inv.flowLogTable, inv.cloudTrailTable]) {
    const label = L.glueTable(name);
    await absentOn(label, /EntityNotFound/, async () => {
      const t = (await c.glue.send(new GetTableCommand({ DatabaseName: inv.glueDatabase, Name: name }))).Table;
      exists(label, t);
      if (!t) return;
      const location = t.StorageDescriptor?.Location;
      val(label, 'location', s3UrlShown(location), location !== s3UrlShown(location) ? location : undefined);
      val(label, 'projection.enabled', t.Parameters?.['projection.enabled'] ?? UNSET);
    });
  }

  await absentOn(L.workGroup, /InvalidRequest/, async () => {
    const w = (await c.athena.send(new GetWorkGroupCommand({ WorkGroup: inv.athenaWorkGroup }))).WorkGroup;
    exists(L.workGroup, w);
    if (!w) return;
    val(L.workGroup, 'state', w.State ?? UNSET);
    val(L.workGroup, 'enforce workgroup configuration', w.Configuration?.EnforceWorkGroupConfiguration ?? UNSET);
    const output = w.Configuration?.ResultConfiguration?.OutputLocation;
    val(L.workGroup, 'output location', s3UrlShown(output), output !== s3UrlShown(output) ? output : undefined);
    val(L.workGroup, 'result encryption', w.Configuration?.ResultConfiguration?.EncryptionConfiguration?.EncryptionOption ?? UNSET);
    const ids: string[] = [];
    let token: string | undefined;
    do {
      const page = await c.athena.send(new ListNamedQueriesCommand({ WorkGroup: inv.athenaWorkGroup, NextToken: token }));
      ids.push(...(page.NamedQueryIds ?? []));
      token = page.NextToken || undefined;
    } while (token);
    const names: string[] = [];
    for (const id of ids) names.push((await c.athena.send(new GetNamedQueryCommand({ NamedQueryId: id }))).NamedQuery?.Name ?? id);
    val(L.workGroup, 'saved queries', ids.length);
    val(L.workGroup, 'saved query names', names.sort().join(', ') || 'none');
  });

  await absentOn(L.trail, /TrailNotFound/, async () => {
    const t = (await c.cloudtrail.send(new GetTrailCommand({ Name: inv.trail }))).Trail;
    exists(L.trail, t, t?.TrailARN);
    if (!t) return;
    val(L.trail, 'multi-region', t.IsMultiRegionTrail ?? UNSET);
    val(L.trail, 'log file validation', t.LogFileValidationEnabled ?? UNSET);
    val(L.trail, 'S3 bucket', bucketShown(t.S3BucketName), t.S3BucketName);
    const group = t.CloudWatchLogsLogGroupArn?.split(':log-group:')[1]?.replace(/:\*$/, '');
    val(L.trail, 'CloudWatch Logs group', group ?? 'none');
    const status = await c.cloudtrail.send(new GetTrailStatusCommand({ Name: inv.trail }));
    val(L.trail, 'logging', status.IsLogging ?? UNSET);
  });

  await absentOn(L.wazuhPolicy, /NoSuchEntity/, async () => {
    const policyArn = `arn:${target.partition}:iam::${target.account}:policy/${inv.wazuhReader}`;
    const p = (await c.iam.send(new GetPolicyCommand({ PolicyArn: policyArn }))).Policy;
    exists(L.wazuhPolicy, p, p?.DefaultVersionId);
    if (!p?.DefaultVersionId) return;
    const version = await c.iam.send(new GetPolicyVersionCommand({ PolicyArn: policyArn, VersionId: p.DefaultVersionId }));
    const allowed = policyStatements(version.PolicyVersion?.Document).filter((st) => st.Effect === 'Allow');
    val(L.wazuhPolicy, 'actions', [...new Set(allowed.flatMap((st) => list(st.Action)))].sort().join(', ') || 'none');
    const getObject = allowed.filter((st) => list(st.Action).includes('s3:GetObject')).flatMap((st) => list(st.Resource));
    val(L.wazuhPolicy, 's3:GetObject resource', getObject.sort().join(', ') || 'none');
  });
}
