/**
 * What is left of the workshop in an account after `npm run destroy`: everything still carrying
 * the workshop tag (Resource Groups Tagging API, plus EC2 describe calls with tag filters, which
 * also see what the Tagging API misses), and what the app touches that carries no tag of ours
 * (the default VPC's Name tag, IAM names, the flow-log group and bucket, the console-password
 * secret, GuardDuty and Inspector).
 */
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
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
} from '@aws-sdk/client-ec2';
import { GuardDutyClient, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import { GetGroupCommand, GetInstanceProfileCommand, GetRoleCommand, GetUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { BatchGetAccountStatusCommand, Inspector2Client } from '@aws-sdk/client-inspector2';
import { GetResourcesCommand, ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import { HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { DescribeSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { WorkshopConfig, workshopNames } from '../../lib/config/workshop-config';
import { PARTICIPANT_TAG_KEY, WORKSHOP_TAG_KEY, WORKSHOP_TAG_VALUE } from '../../lib/workshop-app';
import { errorMessage, errorName, sdkConfig, stackNames } from '../operator/context';

export interface Leftover {
  readonly kind: string;
  readonly id: string;
  readonly detail: string;
  /** true: the destroy should have removed it (counts as a failure); false: information. */
  readonly shouldBeGone: boolean;
  readonly action: string;
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

export function leftoverClients(region: string, env?: NodeJS.ProcessEnv): LeftoverClients {
  const c = sdkConfig(region, { env });
  return {
    tagging: new ResourceGroupsTaggingAPIClient(c),
    ec2: new EC2Client(c),
    cfn: new CloudFormationClient(c),
    iam: new IAMClient(c),
    logs: new CloudWatchLogsClient(c),
    s3: new S3Client(sdkConfig(region, { env, s3: true })),
    secrets: new SecretsManagerClient(c),
    guardduty: new GuardDutyClient(c),
    inspector2: new Inspector2Client(c),
    sts: new STSClient(c),
  };
}

export function destroyLeftoverClients(c: LeftoverClients): void {
  for (const client of Object.values(c)) (client as { destroy(): void }).destroy();
}

export interface LeftoverOptions {
  /** Only resources of this participant (workshop-participant tag); default: every participant. */
  readonly participant?: string;
}

const isNotFound = (e: unknown) =>
  /NoSuchEntity|NotFound|ResourceNotFound|does not exist|NoSuchBucket|404/i.test(`${errorName(e)} ${errorMessage(e)} ${(e as any)?.$metadata?.httpStatusCode ?? ''}`);

/** Resource id from an ARN: the part after the last / or :. */
const idOfArn = (arn: string) => arn.split(/[/:]/).pop() ?? arn;

export async function findLeftovers(config: WorkshopConfig, c: LeftoverClients, opts: LeftoverOptions = {}): Promise<Leftover[]> {
  const names = workshopNames(config);
  const out: Leftover[] = [];
  const seen = new Set<string>();
  const add = (l: Leftover) => {
    if (seen.has(l.id)) return;
    seen.add(l.id);
    out.push(l);
  };

  // --- Stacks ---------------------------------------------------------------------------------
  for (const stack of stackNames(config)) {
    try {
      const s = (await c.cfn.send(new DescribeStacksCommand({ StackName: stack }))).Stacks?.[0];
      if (s && s.StackStatus !== 'DELETE_COMPLETE') {
        add({ kind: 'CloudFormation stack', id: stack, detail: s.StackStatus ?? '', shouldBeGone: true, action: 'npm run destroy' });
      }
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }

  // --- Tagged resources -------------------------------------------------------------------------
  const tagFilters = [{ Key: WORKSHOP_TAG_KEY, Values: [WORKSHOP_TAG_VALUE] }, ...(opts.participant ? [{ Key: PARTICIPANT_TAG_KEY, Values: [opts.participant] }] : [])];
  let token: string | undefined;
  do {
    const page = await c.tagging.send(new GetResourcesCommand({ TagFilters: tagFilters, PaginationToken: token }));
    for (const r of page.ResourceTagMappingList ?? []) {
      const participant = r.Tags?.find((t) => t.Key === PARTICIPANT_TAG_KEY)?.Value;
      add({
        kind: `tagged ${r.ResourceARN!.split(':')[2]} resource`,
        id: idOfArn(r.ResourceARN!),
        detail: `${r.ResourceARN}${participant ? ` (participant ${participant})` : ''}`,
        shouldBeGone: true,
        action: 'delete it (it carries the workshop tag, so a stack made it and the stack is gone or lost track of it)',
      });
    }
    token = page.PaginationToken || undefined;
  } while (token);

  const ec2Filters: Filter[] = tagFilters.map((t) => ({ Name: `tag:${t.Key}`, Values: t.Values }));
  const ec2Lists: [string, () => Promise<{ id: string; detail: string }[]>][] = [
    ['EC2 instance', async () =>
      ((await c.ec2.send(new DescribeInstancesCommand({ Filters: [...ec2Filters, { Name: 'instance-state-name', Values: ['pending', 'running', 'stopping', 'stopped'] }] }))).Reservations ?? [])
        .flatMap((r) => r.Instances ?? [])
        .map((i) => ({ id: i.InstanceId!, detail: `${i.State?.Name} ${i.Tags?.find((t) => t.Key === 'Name')?.Value ?? ''}` }))],
    ['VPC', async () => ((await c.ec2.send(new DescribeVpcsCommand({ Filters: ec2Filters }))).Vpcs ?? []).map((v) => ({ id: v.VpcId!, detail: v.CidrBlock ?? '' }))],
    ['subnet', async () => ((await c.ec2.send(new DescribeSubnetsCommand({ Filters: ec2Filters }))).Subnets ?? []).map((s) => ({ id: s.SubnetId!, detail: s.CidrBlock ?? '' }))],
    ['security group', async () => ((await c.ec2.send(new DescribeSecurityGroupsCommand({ Filters: ec2Filters }))).SecurityGroups ?? []).map((g) => ({ id: g.GroupId!, detail: g.GroupName ?? '' }))],
    ['NAT gateway', async () =>
      ((await c.ec2.send(new DescribeNatGatewaysCommand({ Filter: [...ec2Filters, { Name: 'state', Values: ['pending', 'available', 'failed'] }] }))).NatGateways ?? []).map((n) => ({ id: n.NatGatewayId!, detail: n.State ?? '' }))],
    ['Elastic IP', async () => ((await c.ec2.send(new DescribeAddressesCommand({ Filters: ec2Filters }))).Addresses ?? []).map((a) => ({ id: a.AllocationId!, detail: `${a.PublicIp} (billed while allocated)` }))],
    ['internet gateway', async () => ((await c.ec2.send(new DescribeInternetGatewaysCommand({ Filters: ec2Filters }))).InternetGateways ?? []).map((g) => ({ id: g.InternetGatewayId!, detail: '' }))],
    ['route table', async () => ((await c.ec2.send(new DescribeRouteTablesCommand({ Filters: ec2Filters }))).RouteTables ?? []).map((t) => ({ id: t.RouteTableId!, detail: '' }))],
    ['flow log', async () => ((await c.ec2.send(new DescribeFlowLogsCommand({ Filter: ec2Filters }))).FlowLogs ?? []).map((f) => ({ id: f.FlowLogId!, detail: f.LogDestination ?? f.LogGroupName ?? '' }))],
    ['EBS volume', async () => ((await c.ec2.send(new DescribeVolumesCommand({ Filters: ec2Filters }))).Volumes ?? []).map((v) => ({ id: v.VolumeId!, detail: `${v.Size} GiB ${v.State}` }))],
    ['network interface', async () => ((await c.ec2.send(new DescribeNetworkInterfacesCommand({ Filters: ec2Filters }))).NetworkInterfaces ?? []).map((n) => ({ id: n.NetworkInterfaceId!, detail: n.Status ?? '' }))],
  ];
  for (const [kind, list] of ec2Lists) {
    for (const r of await list()) {
      add({ kind: `tagged ${kind}`, id: r.id, detail: r.detail.trim(), shouldBeGone: true, action: 'delete it (carries the workshop tag)' });
    }
  }

  // --- What carries no tag of ours --------------------------------------------------------------
  const defaultVpcs = (await c.ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }))).Vpcs ?? [];
  for (const v of defaultVpcs) {
    if (v.Tags?.some((t) => t.Key === 'Name' && t.Value === names.defaultVpc)) {
      add({
        kind: 'default VPC Name tag',
        id: `${v.VpcId}#Name`,
        detail: `${v.VpcId} still named ${names.defaultVpc}`,
        shouldBeGone: true,
        action: `aws ec2 delete-tags --resources ${v.VpcId} --tags Key=Name --region ${config.region}`,
      });
    }
  }

  const iamChecks: [string, string, () => Promise<unknown>, string][] = [
    ['IAM group', names.readOnlyGroup, () => c.iam.send(new GetGroupCommand({ GroupName: names.readOnlyGroup })), `aws iam delete-group --group-name ${names.readOnlyGroup} (after removing its users and policies)`],
    ['IAM user', names.readOnlyUser, () => c.iam.send(new GetUserCommand({ UserName: names.readOnlyUser })), `aws iam delete-user --user-name ${names.readOnlyUser} (after its login profile, keys, groups)`],
    ['IAM role', names.crossAccountRole, () => c.iam.send(new GetRoleCommand({ RoleName: names.crossAccountRole })), `aws iam delete-role --role-name ${names.crossAccountRole}`],
    ['IAM role', names.ssmInstanceRole, () => c.iam.send(new GetRoleCommand({ RoleName: names.ssmInstanceRole })), `aws iam delete-role --role-name ${names.ssmInstanceRole}`],
    ['IAM instance profile', names.ssmInstanceRole, () => c.iam.send(new GetInstanceProfileCommand({ InstanceProfileName: names.ssmInstanceRole })), `aws iam delete-instance-profile --instance-profile-name ${names.ssmInstanceRole}`],
  ];
  for (const [kind, name, get, action] of iamChecks) {
    try {
      await get();
      add({ kind, id: `${kind}:${name}`, detail: name, shouldBeGone: true, action });
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }

  const groups = (await c.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: names.flowLogGroup }))).logGroups ?? [];
  for (const g of groups.filter((x) => x.logGroupName === names.flowLogGroup)) {
    add({ kind: 'log group', id: `logs:${g.logGroupName}`, detail: `${g.logGroupName} (${g.storedBytes ?? 0} bytes)`, shouldBeGone: true, action: `aws logs delete-log-group --log-group-name ${g.logGroupName} --region ${config.region}` });
  }

  const account = (await c.sts.send(new GetCallerIdentityCommand({}))).Account!;
  const bucket = `${names.flowLogBucketPrefix}-${account}-${config.region}`;
  try {
    await c.s3.send(new HeadBucketCommand({ Bucket: bucket }));
    add({ kind: 'S3 bucket', id: bucket, detail: 'the flow-log bucket', shouldBeGone: true, action: `aws s3 rb s3://${bucket} --force` });
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }

  try {
    const s = await c.secrets.send(new DescribeSecretCommand({ SecretId: names.readOnlyPasswordSecret }));
    add(
      s.DeletedDate
        ? { kind: 'secret', id: `secret:${names.readOnlyPasswordSecret}`, detail: `scheduled for deletion (${s.DeletedDate.toISOString()}); the name is reserved until then`, shouldBeGone: false, action: `to reuse the name now: aws secretsmanager delete-secret --secret-id ${names.readOnlyPasswordSecret} --force-delete-without-recovery` }
        : { kind: 'secret', id: `secret:${names.readOnlyPasswordSecret}`, detail: names.readOnlyPasswordSecret, shouldBeGone: true, action: `aws secretsmanager delete-secret --secret-id ${names.readOnlyPasswordSecret}` },
    );
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }

  // GuardDuty and Inspector: the app adopts what exists, so one still on may be the account's own.
  try {
    for (const id of (await c.guardduty.send(new ListDetectorsCommand({}))).DetectorIds ?? []) {
      add({
        kind: 'GuardDuty detector',
        id: `guardduty:${id}`,
        detail: `${id} is on (the app deletes only a detector it created; this one was adopted, or the Detection stack's delete failed)`,
        shouldBeGone: false,
        action: `if it was not there before the workshop: aws guardduty delete-detector --detector-id ${id} --region ${config.region}`,
      });
    }
  } catch (e) {
    add({ kind: 'GuardDuty', id: 'guardduty:?', detail: `could not list detectors: ${errorName(e)}`, shouldBeGone: false, action: 'check by hand' });
  }
  try {
    const st = await c.inspector2.send(new BatchGetAccountStatusCommand({ accountIds: [account] }));
    const ec2 = st.accounts?.find((a) => a.accountId === account)?.resourceState?.ec2?.status;
    if (ec2 === 'ENABLED' || ec2 === 'ENABLING') {
      add({
        kind: 'Inspector EC2 scanning',
        id: 'inspector2:ec2',
        detail: `${ec2} (the app disables it only if it enabled it)`,
        shouldBeGone: false,
        action: `if it was off before the workshop: aws inspector2 disable --resource-types EC2 --account-ids ${account} --region ${config.region}`,
      });
    }
  } catch (e) {
    add({ kind: 'Inspector', id: 'inspector2:?', detail: `could not read the account status: ${errorName(e)}`, shouldBeGone: false, action: 'check by hand' });
  }
  return out;
}

export function formatLeftovers(list: readonly Leftover[]): string {
  const bad = list.filter((l) => l.shouldBeGone);
  const info = list.filter((l) => !l.shouldBeGone);
  const lines: string[] = [];
  for (const l of bad) lines.push(`LEFTOVER ${l.kind}: ${l.id}${l.detail ? ` - ${l.detail}` : ''}`, `         -> ${l.action}`);
  for (const l of info) lines.push(`INFO     ${l.kind}: ${l.detail}`, `         -> ${l.action}`);
  lines.push('', bad.length ? `${bad.length} leftover(s) that the destroy should have removed.` : 'Clean: nothing of the workshop is left (INFO lines are for a human to judge).');
  return lines.join('\n');
}
