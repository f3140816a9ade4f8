/**
 * What is left of the workshop in an account after `npm run destroy` (after a clean destroy:
 * nothing). The one implementation behind `npm run leftovers`, `npm run verify -- --leftovers`
 * and the leftovers() export (npm run local, the end-to-end suite).
 *
 * Looks for:
 * - the app's stacks (names from the app itself, so every stack) and any other stack named
 *   <stackPrefix>-*;
 * - everything carrying the workshop tag: the Resource Groups Tagging API, then EC2 Describe*
 *   with tag filters, which also see what the Tagging API misses. Terminated instances, deleted
 *   NAT gateways and deleted stacks keep their tags for a while (on AWS too): not leftovers;
 * - what carries no tag of ours: the default VPC's Name tag; the named IAM group, user, roles and
 *   instance profile, and IAM roles named <stackPrefix>-*; the flow-log group and log groups named
 *   <stackPrefix>-* or /aws/lambda/<stackPrefix>-*; the flow-log bucket; the console-password secret;
 * - as INFO, for a human to judge and never a failure: GuardDuty detectors and Inspector EC2
 *   scanning (the app adopts what exists, so one still on may be the account's own), a secret
 *   scheduled for deletion.
 * A lookup that fails is listed in `skipped`; the others still run.
 *
 * Known blind spot: an Elastic IP that the endpoint stored without tags (moto does not apply
 * stack tags to AWS::EC2::EIP) and that no NAT gateway uses any more cannot be told apart from
 * the account's other addresses; it is found only while it still carries the workshop tags.
 */
import { CloudFormationClient, DescribeStacksCommand, ListStacksCommand } from '@aws-sdk/client-cloudformation';
import { CloudWatchLogsClient, DescribeLogGroupsCommand, LogGroup } from '@aws-sdk/client-cloudwatch-logs';
import {
  DescribeAddressesCommand,
  DescribeFlowLogsCommand,
  DescribeInstancesCommand,
  DescribeInternetGatewaysCommand,
  DescribeNatGatewaysCommand,
  DescribeNetworkInterfacesCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVolumesCommand,
  DescribeVpcsCommand,
  EC2Client,
  Filter,
  Tag,
} from '@aws-sdk/client-ec2';
import { GuardDutyClient, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import { GetGroupCommand, GetInstanceProfileCommand, GetRoleCommand, GetUserCommand, IAMClient, ListRolesCommand, Role } from '@aws-sdk/client-iam';
import { BatchGetAccountStatusCommand, Inspector2Client } from '@aws-sdk/client-inspector2';
import { GetResourcesCommand, ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import { HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { DescribeSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { Env } from '../../lib/aws/clients';
import { flowLogBucketName, PARTICIPANT_TAG_KEY, WORKSHOP_TAG_KEY, WORKSHOP_TAG_VALUE, WorkshopConfig, workshopNames } from '../../lib/config/workshop-config';
import { operatorConfig, sdkConfig } from '../operator/context';
import { errorMessage, errorName, isNotImplemented } from '../operator/errors';

export interface Leftover {
  /** e.g. "CloudFormation stack", "tagged VPC", "tagged ec2 resource" (Tagging API), "IAM role", "log group". */
  readonly kind: string;
  readonly id: string;
  /** The Name tag, where it has one. */
  readonly name?: string;
  /** How it was found. */
  readonly via: string;
  /** State, ARN, size: what a human needs to judge it. */
  readonly detail: string;
  /** What to do about it. */
  readonly action: string;
}

export interface LeftoverReport {
  /** What the destroy should have removed. Empty after a clean destroy. */
  readonly items: Leftover[];
  /** Lookups that could not be made (e.g. an operation the endpoint does not implement). */
  readonly skipped: string[];
}

export interface LeftoverScan extends LeftoverReport {
  /** For a human to judge (GuardDuty, Inspector, a secret pending deletion); never a failure. */
  readonly info: Leftover[];
}

export interface LeftoverClients {
  readonly tagging: ResourceGroupsTaggingAPIClient;
  readonly ec2: EC2Client;
  readonly cfn: CloudFormationClient;
  readonly iam: IAMClient;
  readonly logs: CloudWatchLogsClient;
  readonly s3: S3Client;
  readonly secrets: SecretsManagerClient;
  readonly guardduty: GuardDutyClient;
  readonly inspector2: Inspector2Client;
  readonly sts: STSClient;
}

/** `env`: where to read AWS_ENDPOINT_URL and credentials from (e.g. an emulator's); `endpoint` overrides it. */
export function leftoverClients(region: string, env?: Env, endpoint?: string): LeftoverClients {
  const c = sdkConfig(region, { env, endpoint });
  return {
    tagging: new ResourceGroupsTaggingAPIClient(c),
    ec2: new EC2Client(c),
    cfn: new CloudFormationClient(c),
    iam: new IAMClient(c),
    logs: new CloudWatchLogsClient(c),
    s3: new S3Client(sdkConfig(region, { env, endpoint, s3: true })),
    secrets: new SecretsManagerClient(c),
    guardduty: new GuardDutyClient(c),
    inspector2: new Inspector2Client(c),
    sts: new STSClient(c),
  };
}

export function destroyLeftoverClients(c: LeftoverClients): void {
  for (const client of Object.values(c)) (client as { destroy(): void }).destroy();
}

export interface FindOptions {
  /** Only resources of this participant (workshop-participant tag); default: every participant. */
  readonly participant?: string;
}

const isNotFound = (e: unknown) =>
  /NoSuchEntity|NotFound|ResourceNotFound|does not exist|NoSuchBucket|404/i.test(`${errorName(e)} ${errorMessage(e)} ${(e as any)?.$metadata?.httpStatusCode ?? ''}`);

const nameOf = (tags: Tag[] | undefined) => tags?.find((t) => t.Key === 'Name')?.Value;
const stackGone = (status: string | undefined) => !status || status === 'DELETE_COMPLETE';
const IAM_KINDS: Record<string, string> = { group: 'IAM group', user: 'IAM user', role: 'IAM role', 'instance-profile': 'IAM instance profile' };

/** The id the lookups by name give the same resource, so that it is listed once: else the part after the last / or :. */
function idOfArn(arn: string): string {
  const [, , service, , , ...rest] = arn.split(':');
  const resource = rest.join(':');
  if (service === 'cloudformation' && resource.startsWith('stack/')) return resource.split('/')[1];
  if (service === 'logs' && resource.startsWith('log-group:')) return `logs:${resource.slice('log-group:'.length).replace(/:\*$/, '')}`;
  if (service === 'secretsmanager' && resource.startsWith('secret:')) return `secret:${resource.slice('secret:'.length).replace(/-[A-Za-z0-9]{6}$/, '')}`;
  const iamKind = service === 'iam' ? IAM_KINDS[resource.split('/')[0]] : undefined;
  if (iamKind) return `${iamKind}:${resource.split('/').pop()}`;
  return arn.split(/[/:]/).pop() ?? arn;
}

/** Terminated instances, deleted NAT gateways and deleted stacks keep their tags for a while (on AWS too). */
async function goneButTagged(c: LeftoverClients, arn: string, id: string): Promise<boolean> {
  if (/^arn:[^:]+:ec2:/.test(arn) && arn.includes(':instance/')) {
    const r = await c.ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] })).catch(() => undefined);
    const state = r?.Reservations?.[0]?.Instances?.[0]?.State?.Name;
    return !state || state === 'terminated';
  }
  if (/^arn:[^:]+:ec2:/.test(arn) && arn.includes(':natgateway/')) {
    const r = await c.ec2.send(new DescribeNatGatewaysCommand({ NatGatewayIds: [id] })).catch(() => undefined);
    const state = r?.NatGateways?.[0]?.State;
    return !state || state === 'deleted';
  }
  if (/^arn:[^:]+:cloudformation:/.test(arn) && arn.includes(':stack/')) {
    const r = await c.cfn.send(new DescribeStacksCommand({ StackName: arn })).catch(() => undefined);
    return stackGone(r?.Stacks?.[0]?.StackStatus);
  }
  return false;
}

export async function findLeftovers(config: WorkshopConfig, c: LeftoverClients, opts: FindOptions = {}): Promise<LeftoverScan> {
  const names = workshopNames(config);
  const region = config.region;
  const prefix = `${names.stack}-`;
  const items: Leftover[] = [];
  const info: Leftover[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  const add = (l: Leftover, to = items) => {
    if (seen.has(l.id)) return;
    seen.add(l.id);
    to.push(l);
  };
  const attempt = async (what: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (e) {
      skipped.push(isNotImplemented(e) ? `${what}: not implemented by the endpoint` : `${what}: ${errorName(e)}: ${errorMessage(e)}`);
    }
  };
  /** A lookup by name: not found is the answer we hope for. */
  const lookup = (what: string, fn: () => Promise<void>) =>
    attempt(what, async () => {
      try {
        await fn();
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
    });
  // Without credentials nothing can be checked: that is an error, not a skipped lookup.
  const account = (await c.sts.send(new GetCallerIdentityCommand({}))).Account!;

  // --- Stacks ---------------------------------------------------------------------------------
  // The one stack, and the five of the layout before it (<prefix>-Identity, ...).
  for (const stack of [names.stack, ...names.legacyStacks]) {
    await lookup(`stack ${stack}`, async () => {
      const s = (await c.cfn.send(new DescribeStacksCommand({ StackName: stack }))).Stacks?.[0];
      if (s && !stackGone(s.StackStatus)) add({ kind: 'CloudFormation stack', id: stack, via: 'DescribeStacks', detail: s.StackStatus ?? '', action: 'npm run destroy' });
    });
  }
  await attempt(`stacks named ${prefix}*`, async () => {
    let token: string | undefined;
    do {
      const page = await c.cfn.send(new ListStacksCommand({ NextToken: token }));
      for (const s of page.StackSummaries ?? []) {
        if (!s.StackName?.startsWith(prefix) || stackGone(s.StackStatus)) continue;
        add({
          kind: 'CloudFormation stack',
          id: s.StackName,
          via: `ListStacks, name starts with ${prefix}`,
          detail: s.StackStatus ?? '',
          action: `npm run destroy, or: aws cloudformation delete-stack --stack-name ${s.StackName} --region ${region}`,
        });
      }
      token = page.NextToken;
    } while (token);
  });

  // --- Tagged resources -------------------------------------------------------------------------
  const tagFilters = [{ Key: WORKSHOP_TAG_KEY, Values: [WORKSHOP_TAG_VALUE] }, ...(opts.participant ? [{ Key: PARTICIPANT_TAG_KEY, Values: [opts.participant] }] : [])];
  await attempt('Resource Groups Tagging API', async () => {
    let token: string | undefined;
    do {
      const page = await c.tagging.send(new GetResourcesCommand({ TagFilters: tagFilters, PaginationToken: token }));
      for (const r of page.ResourceTagMappingList ?? []) {
        const arn = r.ResourceARN!;
        const id = idOfArn(arn);
        if (seen.has(id) || (await goneButTagged(c, arn, id))) continue;
        const participant = r.Tags?.find((t) => t.Key === PARTICIPANT_TAG_KEY)?.Value;
        add({
          kind: `tagged ${arn.split(':')[2]} resource`,
          id,
          via: 'Resource Groups Tagging API GetResources',
          detail: `${arn}${participant ? ` (participant ${participant})` : ''}`,
          action: 'delete it (it carries the workshop tag, so a stack made it and the stack is gone or lost track of it)',
        });
      }
      token = page.PaginationToken || undefined;
    } while (token);
  });

  const ec2Filters: Filter[] = tagFilters.map((t) => ({ Name: `tag:${t.Key}`, Values: t.Values }));
  const ec2Lists: [string, () => Promise<{ id: string; name?: string; detail: string }[]>][] = [
    ['EC2 instance', async () =>
      ((await c.ec2.send(new DescribeInstancesCommand({ Filters: [...ec2Filters, { Name: 'instance-state-name', Values: ['pending', 'running', 'shutting-down', 'stopping', 'stopped'] }] }))).Reservations ?? [])
        .flatMap((r) => r.Instances ?? [])
        .map((i) => ({ id: i.InstanceId!, name: nameOf(i.Tags), detail: i.State?.Name ?? '' }))],
    ['VPC', async () => ((await c.ec2.send(new DescribeVpcsCommand({ Filters: ec2Filters }))).Vpcs ?? []).map((v) => ({ id: v.VpcId!, name: nameOf(v.Tags), detail: v.CidrBlock ?? '' }))],
    ['subnet', async () => ((await c.ec2.send(new DescribeSubnetsCommand({ Filters: ec2Filters }))).Subnets ?? []).map((s) => ({ id: s.SubnetId!, name: nameOf(s.Tags), detail: s.CidrBlock ?? '' }))],
    ['security group', async () => ((await c.ec2.send(new DescribeSecurityGroupsCommand({ Filters: ec2Filters }))).SecurityGroups ?? []).map((g) => ({ id: g.GroupId!, name: nameOf(g.Tags), detail: g.GroupName ?? '' }))],
    ['NAT gateway', async () =>
      ((await c.ec2.send(new DescribeNatGatewaysCommand({ Filter: [...ec2Filters, { Name: 'state', Values: ['pending', 'available', 'deleting', 'failed'] }] }))).NatGateways ?? [])
        .map((n) => ({ id: n.NatGatewayId!, name: nameOf(n.Tags), detail: n.State ?? '' }))],
    ['Elastic IP', async () => ((await c.ec2.send(new DescribeAddressesCommand({ Filters: ec2Filters }))).Addresses ?? []).map((a) => ({ id: a.AllocationId ?? a.PublicIp!, name: nameOf(a.Tags), detail: `${a.PublicIp} (billed while allocated)` }))],
    ['internet gateway', async () => ((await c.ec2.send(new DescribeInternetGatewaysCommand({ Filters: ec2Filters }))).InternetGateways ?? []).map((g) => ({ id: g.InternetGatewayId!, name: nameOf(g.Tags), detail: '' }))],
    ['route table', async () => ((await c.ec2.send(new DescribeRouteTablesCommand({ Filters: ec2Filters }))).RouteTables ?? []).map((t) => ({ id: t.RouteTableId!, name: nameOf(t.Tags), detail: '' }))],
    ['flow log', async () => ((await c.ec2.send(new DescribeFlowLogsCommand({ Filter: ec2Filters }))).FlowLogs ?? []).map((f) => ({ id: f.FlowLogId!, name: nameOf(f.Tags), detail: f.LogDestination ?? f.LogGroupName ?? '' }))],
    ['EBS volume', async () => ((await c.ec2.send(new DescribeVolumesCommand({ Filters: ec2Filters }))).Volumes ?? []).map((v) => ({ id: v.VolumeId!, name: nameOf(v.Tags), detail: `${v.Size} GiB ${v.State}` }))],
    ['network interface', async () => ((await c.ec2.send(new DescribeNetworkInterfacesCommand({ Filters: ec2Filters }))).NetworkInterfaces ?? []).map((n) => ({ id: n.NetworkInterfaceId!, name: nameOf(n.TagSet), detail: n.Status ?? '' }))],
  ];
  for (const [kind, list] of ec2Lists) {
    await attempt(`EC2 ${kind}s by tag`, async () => {
      for (const r of await list()) {
        add({ kind: `tagged ${kind}`, id: r.id, name: r.name, via: 'EC2 Describe* with the workshop tags', detail: r.detail.trim(), action: 'delete it (carries the workshop tag)' });
      }
    });
  }

  // --- What carries no tag of ours --------------------------------------------------------------
  await attempt('default VPC Name tag', async () => {
    for (const v of (await c.ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }))).Vpcs ?? []) {
      if (nameOf(v.Tags) !== names.defaultVpc) continue;
      add({
        kind: 'default VPC Name tag',
        id: `${v.VpcId}#Name`,
        via: 'DescribeVpcs is-default',
        detail: `${v.VpcId} still named ${names.defaultVpc}`,
        action: `aws ec2 delete-tags --resources ${v.VpcId} --tags Key=Name --region ${region}`,
      });
    }
  });

  const iamChecks: [string, string, () => Promise<unknown>, string][] = [
    ['IAM group', names.readOnlyGroup, () => c.iam.send(new GetGroupCommand({ GroupName: names.readOnlyGroup })), `aws iam delete-group --group-name ${names.readOnlyGroup} (after removing its users and policies)`],
    ['IAM user', names.readOnlyUser, () => c.iam.send(new GetUserCommand({ UserName: names.readOnlyUser })), `aws iam delete-user --user-name ${names.readOnlyUser} (after its login profile, keys, groups)`],
    ['IAM role', names.crossAccountRole, () => c.iam.send(new GetRoleCommand({ RoleName: names.crossAccountRole })), `aws iam delete-role --role-name ${names.crossAccountRole}`],
    ['IAM role', names.ssmInstanceRole, () => c.iam.send(new GetRoleCommand({ RoleName: names.ssmInstanceRole })), `aws iam delete-role --role-name ${names.ssmInstanceRole}`],
    ['IAM instance profile', names.ssmInstanceRole, () => c.iam.send(new GetInstanceProfileCommand({ InstanceProfileName: names.ssmInstanceRole })), `aws iam delete-instance-profile --instance-profile-name ${names.ssmInstanceRole}`],
  ];
  for (const [kind, name, get, action] of iamChecks) {
    await lookup(`${kind} ${name}`, async () => {
      await get();
      add({ kind, id: `${kind}:${name}`, via: 'IAM Get* by name', detail: name, action });
    });
  }
  await attempt(`IAM roles named ${prefix}*`, async () => {
    const roles: Role[] = [];
    let marker: string | undefined;
    do {
      const page = await c.iam.send(new ListRolesCommand({ Marker: marker }));
      roles.push(...(page.Roles ?? []));
      marker = page.IsTruncated ? page.Marker : undefined;
    } while (marker);
    for (const r of roles.filter((x) => x.RoleName?.startsWith(prefix))) {
      add({ kind: 'IAM role', id: `IAM role:${r.RoleName}`, via: `ListRoles, name starts with ${prefix}`, detail: r.RoleName!, action: `aws iam delete-role --role-name ${r.RoleName} (after its policies)` });
    }
  });

  await attempt('log groups', async () => {
    for (const groupPrefix of [names.flowLogGroup, prefix, `/aws/lambda/${prefix}`]) {
      const groups: LogGroup[] = [];
      let token: string | undefined;
      do {
        const page = await c.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: groupPrefix, nextToken: token }));
        groups.push(...(page.logGroups ?? []));
        token = page.nextToken;
      } while (token);
      for (const g of groups) {
        if (groupPrefix === names.flowLogGroup && g.logGroupName !== names.flowLogGroup) continue;
        add({
          kind: 'log group',
          id: `logs:${g.logGroupName}`,
          via: `DescribeLogGroups prefix ${groupPrefix}`,
          detail: `${g.logGroupName} (${g.storedBytes ?? 0} bytes)`,
          action: `aws logs delete-log-group --log-group-name ${g.logGroupName} --region ${region}`,
        });
      }
    }
  });

  const bucket = flowLogBucketName(config, account);
  await lookup(`bucket ${bucket}`, async () => {
    await c.s3.send(new HeadBucketCommand({ Bucket: bucket }));
    add({ kind: 'S3 bucket', id: bucket, via: 'HeadBucket', detail: 'the flow-log bucket', action: `aws s3 rb s3://${bucket} --force` });
  });

  const secret = names.readOnlyPasswordSecret;
  await lookup(`secret ${secret}`, async () => {
    const s = await c.secrets.send(new DescribeSecretCommand({ SecretId: secret }));
    if (s.DeletedDate) {
      const action = `to reuse the name now: aws secretsmanager delete-secret --secret-id ${secret} --force-delete-without-recovery`;
      add({ kind: 'secret', id: `secret:${secret}`, via: 'DescribeSecret', detail: `scheduled for deletion (${s.DeletedDate.toISOString()}); the name is reserved until then`, action }, info);
    } else {
      add({ kind: 'secret', id: `secret:${secret}`, via: 'DescribeSecret', detail: secret, action: `aws secretsmanager delete-secret --secret-id ${secret}` });
    }
  });

  // GuardDuty and Inspector: the app adopts what exists, so one still on may be the account's own.
  try {
    for (const id of (await c.guardduty.send(new ListDetectorsCommand({}))).DetectorIds ?? []) {
      add(
        {
          kind: 'GuardDuty detector',
          id: `guardduty:${id}`,
          via: 'GuardDuty ListDetectors',
          detail: `${id} is on (the app deletes only a detector it created; this one was adopted, or the Detection stack's delete failed)`,
          action: `if it was not there before the workshop: aws guardduty delete-detector --detector-id ${id} --region ${region}`,
        },
        info,
      );
    }
  } catch (e) {
    add({ kind: 'GuardDuty', id: 'guardduty:?', via: 'GuardDuty ListDetectors', detail: `could not list detectors: ${errorName(e)}`, action: 'check by hand' }, info);
  }
  try {
    const st = await c.inspector2.send(new BatchGetAccountStatusCommand({ accountIds: [account] }));
    const ec2 = st.accounts?.find((a) => a.accountId === account)?.resourceState?.ec2?.status;
    if (ec2 === 'ENABLED' || ec2 === 'ENABLING') {
      add(
        {
          kind: 'Inspector EC2 scanning',
          id: 'inspector2:ec2',
          via: 'Inspector BatchGetAccountStatus',
          detail: `${ec2} (the app disables it only if it enabled it)`,
          action: `if it was off before the workshop: aws inspector2 disable --resource-types EC2 --account-ids ${account} --region ${region}`,
        },
        info,
      );
    }
  } catch (e) {
    add({ kind: 'Inspector', id: 'inspector2:?', via: 'Inspector BatchGetAccountStatus', detail: `could not read the account status: ${errorName(e)}`, action: 'check by hand' }, info);
  }
  return { items, info, skipped };
}

export interface LeftoverOptions extends FindOptions {
  /** Where to look: AWS_ENDPOINT_URL and credentials from this env (e.g. an Emulator's); default process.env. */
  readonly env?: Env;
  /** Override of the endpoint (default: env.AWS_ENDPOINT_URL). */
  readonly endpoint?: string;
  /** Use this config instead of reading cdk.json + context. */
  readonly config?: WorkshopConfig;
  /** Like `cdk -c key=value`, over cdk.json's context. */
  readonly context?: Record<string, unknown>;
  /** Default: <repo>/cdk.json. */
  readonly cdkJsonPath?: string;
}

/** findLeftovers with its own clients, closed again: the configuration from cdk.json + context unless given. */
export async function scanLeftovers(opts: LeftoverOptions = {}): Promise<LeftoverScan> {
  const config = opts.config ?? operatorConfig(opts.context, opts.cdkJsonPath);
  const c = leftoverClients(config.region, opts.env, opts.endpoint);
  try {
    return await findLeftovers(config, c, { participant: opts.participant });
  } finally {
    destroyLeftoverClients(c);
  }
}

/**
 * What of this deployment is left: `items` is empty after a clean destroy. The participant
 * defaults to the configured one (npm run leftovers looks at every participant's).
 *
 *   const { items, skipped } = await leftovers({ env: emulator.env });
 */
export async function leftovers(opts: LeftoverOptions = {}): Promise<LeftoverReport> {
  const config = opts.config ?? operatorConfig(opts.context, opts.cdkJsonPath);
  const { items, skipped } = await scanLeftovers({ ...opts, config, participant: opts.participant ?? config.participantName });
  return { items, skipped };
}

export function formatLeftovers(scan: LeftoverScan): string {
  const lines: string[] = [];
  for (const l of scan.items) lines.push(`LEFTOVER ${l.kind}: ${l.id}${l.name ? ` (${l.name})` : ''}${l.detail ? ` - ${l.detail}` : ''}`, `         -> ${l.action}`);
  for (const l of scan.info) lines.push(`INFO     ${l.kind}: ${l.detail}`, `         -> ${l.action}`);
  for (const s of scan.skipped) lines.push(`NOT CHECKED ${s}`);
  lines.push(
    '',
    scan.items.length
      ? `${scan.items.length} leftover(s) that the destroy should have removed.`
      : scan.skipped.length
        ? `Nothing found, but ${scan.skipped.length} lookup(s) could not be made (NOT CHECKED above).`
        : 'Clean: nothing of the workshop is left (INFO lines are for a human to judge).',
  );
  return lines.join('\n');
}

/** 1: leftovers; 2: none found but some lookups could not be made; 0: clean. */
export function leftoverExitCode(scan: LeftoverScan): number {
  return scan.items.length ? 1 : scan.skipped.length ? 2 : 0;
}
