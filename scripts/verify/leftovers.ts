/**
 * What the app created that still exists (after `cdk destroy`, the list should be empty).
 *
 * Looks for: the four stacks and any other stack named <stackPrefix>-*; EC2 resources with the workshop tags (Describe* with tag filters);
 * anything the Resource Groups Tagging API lists with those tags; the named IAM group, user,
 * roles and instance profile, plus IAM roles named <stackPrefix>-*; the flow-log group and
 * log groups named <stackPrefix>-* or /aws/lambda/<stackPrefix>-*; the flow-log bucket; the
 * console-password secret; the Name tag Default-VPC on the default VPC.
 *
 * Known blind spot: an Elastic IP that the endpoint stored without tags (moto does not apply
 * stack tags to AWS::EC2::EIP) and that no NAT gateway uses any more cannot be told apart from
 * the account's other addresses; it is found only while it still carries the workshop tags.
 */
import { DescribeStacksCommand, ListStacksCommand } from '@aws-sdk/client-cloudformation';
import { DescribeLogGroupsCommand, LogGroup } from '@aws-sdk/client-cloudwatch-logs';
import {
  DescribeAddressesCommand,
  DescribeFlowLogsCommand,
  DescribeInstancesCommand,
  DescribeInternetGatewaysCommand,
  DescribeNatGatewaysCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  Filter,
  Tag,
} from '@aws-sdk/client-ec2';
import { GetGroupCommand, GetInstanceProfileCommand, GetRoleCommand, GetUserCommand, ListRolesCommand, Role } from '@aws-sdk/client-iam';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { DescribeSecretCommand } from '@aws-sdk/client-secrets-manager';
import { workshopNames, WorkshopConfig } from '../../lib/config/workshop-config';
import { PARTICIPANT_TAG_KEY, WORKSHOP_TAG_KEY, WORKSHOP_TAG_VALUE } from '../../lib/workshop-app';
import { errorName, isNotImplemented } from '../operator/context';
import { callerTarget, Clients } from './clients';
import { flowLogBucketName } from './expected';

export interface Leftover {
  /** e.g. "ec2:vpc", "iam:role", "logs:log-group", "tagging-api". */
  readonly kind: string;
  readonly id: string;
  readonly name?: string;
  /** How it was found. */
  readonly via: string;
}

export interface LeftoverReport {
  readonly items: Leftover[];
  /** Lookups that could not be made (e.g. an operation the endpoint does not implement). */
  readonly skipped: string[];
}

const nameOf = (tags: Tag[] | undefined) => tags?.find((t) => t.Key === 'Name')?.Value;
const GONE = new Set(['DELETE_COMPLETE']);
const notFound = (e: unknown) =>
  ['NoSuchEntity', 'NoSuchEntityException', 'NotFound', 'NoSuchBucket', 'ResourceNotFoundException', 'ValidationError'].includes(errorName(e));

export async function findLeftovers(c: Clients, config: WorkshopConfig): Promise<LeftoverReport> {
  const n = workshopNames(config);
  const items: Leftover[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  const add = (l: Leftover) => {
    if (seen.has(l.id)) return;
    seen.add(l.id);
    items.push(l);
  };
  const attempt = async (what: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (e) {
      if (isNotImplemented(e)) skipped.push(`${what}: not implemented by the endpoint`);
      else skipped.push(`${what}: ${errorName(e)}: ${(e as Error).message}`);
    }
  };
  const { account } = await callerTarget(c);
  const tagged: Filter[] = [
    { Name: `tag:${WORKSHOP_TAG_KEY}`, Values: [WORKSHOP_TAG_VALUE] },
    { Name: `tag:${PARTICIPANT_TAG_KEY}`, Values: [config.participantName] },
  ];
  const via = 'EC2 Describe* with the workshop tags';

  // --- Stacks ---------------------------------------------------------------------------------
  for (const part of ['Identity', 'Network', 'Compute', 'Detection']) {
    const stack = `${config.stackPrefix}-${part}`;
    await attempt(`stack ${stack}`, async () => {
      try {
        const s = (await c.cfn.send(new DescribeStacksCommand({ StackName: stack }))).Stacks?.[0];
        if (s && !GONE.has(s.StackStatus ?? '')) add({ kind: 'cloudformation:stack', id: s.StackId ?? stack, name: `${stack} (${s.StackStatus})`, via: 'DescribeStacks' });
      } catch (e) {
        if (!notFound(e)) throw e;
      }
    });
  }

  await attempt('stacks named after the prefix', async () => {
    let token: string | undefined;
    do {
      const page = await c.cfn.send(new ListStacksCommand({ NextToken: token }));
      for (const s of page.StackSummaries ?? []) {
        if (!s.StackName?.startsWith(`${config.stackPrefix}-`) || GONE.has(s.StackStatus ?? '')) continue;
        add({ kind: 'cloudformation:stack', id: s.StackId ?? s.StackName, name: `${s.StackName} (${s.StackStatus})`, via: `ListStacks, name starts with ${config.stackPrefix}-` });
      }
      token = page.NextToken;
    } while (token);
  });

  // --- EC2 by tag --------------------------------------------------------------------------
  await attempt('ec2 vpcs', async () => {
    for (const v of (await c.ec2.send(new DescribeVpcsCommand({ Filters: tagged }))).Vpcs ?? []) add({ kind: 'ec2:vpc', id: v.VpcId!, name: nameOf(v.Tags), via });
  });
  await attempt('ec2 subnets', async () => {
    for (const s of (await c.ec2.send(new DescribeSubnetsCommand({ Filters: tagged }))).Subnets ?? []) add({ kind: 'ec2:subnet', id: s.SubnetId!, name: nameOf(s.Tags), via });
  });
  await attempt('ec2 route tables', async () => {
    for (const r of (await c.ec2.send(new DescribeRouteTablesCommand({ Filters: tagged }))).RouteTables ?? [])
      add({ kind: 'ec2:route-table', id: r.RouteTableId!, name: nameOf(r.Tags), via });
  });
  await attempt('ec2 internet gateways', async () => {
    for (const g of (await c.ec2.send(new DescribeInternetGatewaysCommand({ Filters: tagged }))).InternetGateways ?? [])
      add({ kind: 'ec2:internet-gateway', id: g.InternetGatewayId!, name: nameOf(g.Tags), via });
  });
  await attempt('ec2 NAT gateways', async () => {
    for (const g of (await c.ec2.send(new DescribeNatGatewaysCommand({ Filter: tagged }))).NatGateways ?? [])
      if (g.State !== 'deleted') add({ kind: 'ec2:natgateway', id: g.NatGatewayId!, name: `${nameOf(g.Tags) ?? ''} (${g.State})`.trim(), via });
  });
  await attempt('ec2 addresses', async () => {
    for (const a of (await c.ec2.send(new DescribeAddressesCommand({ Filters: tagged }))).Addresses ?? [])
      add({ kind: 'ec2:elastic-ip', id: a.AllocationId ?? a.PublicIp!, name: nameOf(a.Tags), via });
  });
  await attempt('ec2 security groups', async () => {
    for (const g of (await c.ec2.send(new DescribeSecurityGroupsCommand({ Filters: tagged }))).SecurityGroups ?? [])
      add({ kind: 'ec2:security-group', id: g.GroupId!, name: g.GroupName, via });
  });
  await attempt('ec2 instances', async () => {
    const res = await c.ec2.send(
      new DescribeInstancesCommand({ Filters: [...tagged, { Name: 'instance-state-name', Values: ['pending', 'running', 'shutting-down', 'stopping', 'stopped'] }] }),
    );
    for (const i of (res.Reservations ?? []).flatMap((r) => r.Instances ?? []))
      add({ kind: 'ec2:instance', id: i.InstanceId!, name: `${nameOf(i.Tags) ?? ''} (${i.State?.Name})`.trim(), via });
  });
  await attempt('ec2 flow logs', async () => {
    for (const f of (await c.ec2.send(new DescribeFlowLogsCommand({ Filter: tagged }))).FlowLogs ?? [])
      add({ kind: 'ec2:flow-log', id: f.FlowLogId!, name: nameOf(f.Tags), via });
  });
  await attempt('default VPC Name tag', async () => {
    const d = (await c.ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }))).Vpcs?.[0];
    if (d && nameOf(d.Tags) === n.defaultVpc) add({ kind: 'ec2:vpc-name-tag', id: `${d.VpcId}#Name`, name: `default VPC still tagged Name=${n.defaultVpc}`, via: 'DescribeVpcs is-default' });
  });

  // --- IAM by name -----------------------------------------------------------------------------
  const iamNamed = async (kind: string, name: string, get: () => Promise<unknown>) =>
    attempt(`${kind} ${name}`, async () => {
      try {
        await get();
        add({ kind, id: name, via: 'IAM Get* by name' });
      } catch (e) {
        if (!notFound(e)) throw e;
      }
    });
  await iamNamed('iam:group', n.readOnlyGroup, () => c.iam.send(new GetGroupCommand({ GroupName: n.readOnlyGroup })));
  await iamNamed('iam:user', n.readOnlyUser, () => c.iam.send(new GetUserCommand({ UserName: n.readOnlyUser })));
  await iamNamed('iam:role', n.crossAccountRole, () => c.iam.send(new GetRoleCommand({ RoleName: n.crossAccountRole })));
  await iamNamed('iam:role', n.ssmInstanceRole, () => c.iam.send(new GetRoleCommand({ RoleName: n.ssmInstanceRole })));
  await iamNamed('iam:instance-profile', `instance-profile/${n.ssmInstanceRole}`, () =>
    c.iam.send(new GetInstanceProfileCommand({ InstanceProfileName: n.ssmInstanceRole })),
  );
  await attempt('iam roles named after the stacks', async () => {
    const roles: Role[] = [];
    let marker: string | undefined;
    do {
      const page = await c.iam.send(new ListRolesCommand({ Marker: marker }));
      roles.push(...(page.Roles ?? []));
      marker = page.IsTruncated ? page.Marker : undefined;
    } while (marker);
    for (const r of roles) if (r.RoleName?.startsWith(`${config.stackPrefix}-`)) add({ kind: 'iam:role', id: r.RoleName, via: `ListRoles, name starts with ${config.stackPrefix}-` });
  });

  // --- Logs, S3, Secrets Manager ---------------------------------------------------------------
  await attempt('log groups', async () => {
    for (const prefix of [n.flowLogGroup, `${config.stackPrefix}-`, `/aws/lambda/${config.stackPrefix}-`]) {
      const groups: LogGroup[] = [];
      let token: string | undefined;
      do {
        const page = await c.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: prefix, nextToken: token }));
        groups.push(...(page.logGroups ?? []));
        token = page.nextToken;
      } while (token);
      for (const g of groups) {
        if (prefix === n.flowLogGroup && g.logGroupName !== n.flowLogGroup) continue;
        add({ kind: 'logs:log-group', id: g.logGroupName!, via: `DescribeLogGroups prefix ${prefix}` });
      }
    }
  });
  const bucket = flowLogBucketName(config, account);
  await attempt(`bucket ${bucket}`, async () => {
    try {
      await c.s3.send(new HeadBucketCommand({ Bucket: bucket }));
      add({ kind: 's3:bucket', id: `arn:aws:s3:::${bucket}`, name: bucket, via: 'HeadBucket' });
    } catch (e) {
      if (!notFound(e)) throw e;
    }
  });
  await attempt(`secret ${n.readOnlyPasswordSecret}`, async () => {
    try {
      const s = await c.secrets.send(new DescribeSecretCommand({ SecretId: n.readOnlyPasswordSecret }));
      if (!s.DeletedDate) add({ kind: 'secretsmanager:secret', id: s.ARN ?? n.readOnlyPasswordSecret, name: n.readOnlyPasswordSecret, via: 'DescribeSecret' });
    } catch (e) {
      if (!notFound(e)) throw e;
    }
  });
  // --- Resource Groups Tagging API, last: it adds only what the lookups above missed ------------
  await attempt('tagging API', async () => {
    // Loaded lazily: the lookup is skipped (and reported) where the client is not installed.
    let mod: any; // eslint-disable-line @typescript-eslint/no-explicit-any
    try {
      const pkg = '@aws-sdk/client-resource-groups-tagging-api';
      mod = await import(pkg);
    } catch {
      skipped.push('tagging API: @aws-sdk/client-resource-groups-tagging-api is not installed');
      return;
    }
    const client = new mod.ResourceGroupsTaggingAPIClient(c.config);
    try {
      let token: string | undefined;
      do {
        const page = await client.send(
          new mod.GetResourcesCommand({
            TagFilters: [
              { Key: WORKSHOP_TAG_KEY, Values: [WORKSHOP_TAG_VALUE] },
              { Key: PARTICIPANT_TAG_KEY, Values: [config.participantName] },
            ],
            PaginationToken: token,
          }),
        );
        for (const m of (page.ResourceTagMappingList ?? []) as Array<{ ResourceARN?: string }>) {
          const arn = m.ResourceARN!;
          const id = arn.split(/[/:]/).pop()!;
          if (seen.has(id) || seen.has(arn)) continue;
          if (arn.includes(':instance/') && arn.includes(':ec2:')) {
            // Terminated instances keep their tags for a while (on AWS too): ask for the state.
            const r = await c.ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] })).catch(() => undefined);
            const state = r?.Reservations?.[0]?.Instances?.[0]?.State?.Name;
            if (!state || state === 'terminated') continue;
          }
          if (arn.includes(':natgateway/') && arn.includes(':ec2:')) {
            // Deleted NAT gateways stay visible (state deleted) for about an hour, on AWS too.
            const r = await c.ec2.send(new DescribeNatGatewaysCommand({ NatGatewayIds: [id] })).catch(() => undefined);
            const state = r?.NatGateways?.[0]?.State;
            if (!state || state === 'deleted') continue;
          }
          if (arn.includes(':cloudformation:') && arn.includes(':stack/')) {
            // Deleted stacks keep their tags on some endpoints: ask for the status.
            const s = await c.cfn.send(new DescribeStacksCommand({ StackName: arn })).catch(() => undefined);
            const status = s?.Stacks?.[0]?.StackStatus;
            if (!status || GONE.has(status)) continue;
            if (items.some((i) => i.id === arn)) continue;
          }
          add({ kind: 'tagging-api', id: arn.includes(':s3:::') || arn.includes(':stack/') ? arn : id, name: arn, via: 'Resource Groups Tagging API GetResources' });
        }
        token = page.PaginationToken || undefined;
      } while (token);
    } finally {
      client.destroy();
    }
  });

  return { items, skipped };
}
