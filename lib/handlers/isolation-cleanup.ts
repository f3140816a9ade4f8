/**
 * Custom resource: on Delete, undoes what the isolate-instance handler left, so destroy never
 * fails on it. CloudFormation deletes it before the VPCs and instances (it depends on them):
 * - every isolation group the app created (tag <createdByTag> = <createdBy>): the instances
 *   still in it are released (their recorded groups back); an interface with nothing to go back
 *   to moves to its VPC's default group; then the group is deleted (EC2 refuses to delete a
 *   group that an interface uses: DependencyViolation);
 * - every snapshot the app created (same tag) is deleted;
 * - first, every instance the isolate handler detached from an Auto Scaling group (tags
 *   <detachedTag>, <createdByTag> = <createdBy>) is terminated and waited for: no group owns it
 *   any more, and it would keep its subnet (and the bill) alive.
 * Create and Update do nothing.
 *
 * Properties: { Settings: IsolationSettings } (lib/config/isolation.ts)
 * PhysicalResourceId: 'isolation-cleanup:<createdBy>'
 */
import {
  DeleteSecurityGroupCommand,
  DeleteSnapshotCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSecurityGroupsCommand,
  DescribeInstancesCommand,
  DescribeSnapshotsCommand,
  EC2Client,
  NetworkInterface,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { clientConfig } from '../aws/clients';
import { call, CustomResourceEvent, isAwsError, lambdaHandler, OnEventResult } from './custom-resource';
import { IsolationSettings, release, setGroups } from './isolation';

export interface IsolationCleanupProps {
  Settings: IsolationSettings;
}

export interface IsolationCleanupClients {
  ec2: EC2Client;
}

export interface CleanedUp {
  terminated: string[];
  released: string[];
  groups: string[];
  snapshots: string[];
}

const inGroup = async (ec2: EC2Client, groupId: string): Promise<NetworkInterface[]> =>
  (await call('EC2 DescribeNetworkInterfaces', ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'group-id', Values: [groupId] }] })))).NetworkInterfaces ??
  [];

async function defaultGroup(ec2: EC2Client, vpcId: string): Promise<string> {
  const out = await call(
    'EC2 DescribeSecurityGroups',
    ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }, { Name: 'group-name', Values: ['default'] }] })),
  );
  const id = out.SecurityGroups?.[0]?.GroupId;
  if (!id) throw new Error(`VPC ${vpcId} has no default security group to move an isolated interface to`);
  return id;
}

/** Deletes the group; an interface that has just left it can hold it a few seconds longer (DependencyViolation). */
async function deleteGroup(ec2: EC2Client, groupId: string, attempts = 5, pauseMs = 3_000): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await call('EC2 DeleteSecurityGroup', ec2.send(new DeleteSecurityGroupCommand({ GroupId: groupId })));
      return;
    } catch (e) {
      if (isAwsError(e, 'InvalidGroup.NotFound')) return;
      if (!isAwsError(e, 'DependencyViolation') || attempt >= attempts) throw e;
      await new Promise((r) => setTimeout(r, pauseMs));
    }
  }
}

const LIVE = ['pending', 'running', 'stopping', 'stopped', 'shutting-down'];

/** Terminates the instances detached from the app's Auto Scaling groups; waits (bounded) until they are gone. */
export async function terminateDetached(ec2: EC2Client, s: IsolationSettings, attempts = 60, pauseMs = 5_000): Promise<string[]> {
  const filters = [
    { Name: 'tag-key', Values: [s.detachedTag] },
    { Name: `tag:${s.createdByTag}`, Values: [s.createdBy] },
    { Name: 'instance-state-name', Values: LIVE },
  ];
  const live = async () =>
    ((await call('EC2 DescribeInstances', ec2.send(new DescribeInstancesCommand({ Filters: filters })))).Reservations ?? []).flatMap((r) => r.Instances ?? []).map((i) => i.InstanceId!);
  const ids = await live();
  if (ids.length === 0) return [];
  await call('EC2 TerminateInstances', ec2.send(new TerminateInstancesCommand({ InstanceIds: ids })));
  for (let attempt = 1; (await live()).length > 0; attempt++) {
    if (attempt >= attempts) throw new Error(`instances ${ids.join(', ')} detached by isolation are still not terminated: terminate them, then delete the stack again`);
    await new Promise((r) => setTimeout(r, pauseMs));
  }
  return ids;
}

/** Terminates detached instances, releases, empties and deletes the app's isolation groups, and deletes the app's snapshots. */
export async function cleanUp(ec2: EC2Client, s: IsolationSettings): Promise<CleanedUp> {
  const done: CleanedUp = { terminated: await terminateDetached(ec2, s), released: [], groups: [], snapshots: [] };
  const ours = [{ Name: `tag:${s.createdByTag}`, Values: [s.createdBy] }];
  const groups = (await call('EC2 DescribeSecurityGroups', ec2.send(new DescribeSecurityGroupsCommand({ Filters: ours })))).SecurityGroups ?? [];
  for (const g of groups) {
    const instances = new Set((await inGroup(ec2, g.GroupId!)).map((n) => n.Attachment?.InstanceId).filter((i): i is string => !!i));
    for (const id of instances) {
      await release(ec2, s, id).catch((e: Error) => console.log(`release ${id}: ${e.message}`)); // gone: its interfaces are checked next
      done.released.push(id);
    }
    for (const n of await inGroup(ec2, g.GroupId!)) {
      const rest = (n.Groups ?? []).map((x) => x.GroupId!).filter((x) => x !== g.GroupId);
      await setGroups(ec2, n.NetworkInterfaceId!, rest.length ? rest : [await defaultGroup(ec2, n.VpcId!)]);
    }
    await deleteGroup(ec2, g.GroupId!);
    done.groups.push(g.GroupId!);
  }
  const snapshots = (await call('EC2 DescribeSnapshots', ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'], Filters: ours })))).Snapshots ?? [];
  for (const snap of snapshots) {
    try {
      await call('EC2 DeleteSnapshot', ec2.send(new DeleteSnapshotCommand({ SnapshotId: snap.SnapshotId })));
    } catch (e) {
      if (!isAwsError(e, 'InvalidSnapshot.NotFound')) throw e;
    }
    done.snapshots.push(snap.SnapshotId!);
  }
  return done;
}

export async function onEvent(
  event: CustomResourceEvent<IsolationCleanupProps>,
  clients: IsolationCleanupClients = { ec2: new EC2Client(clientConfig()) },
): Promise<OnEventResult> {
  const s = event.ResourceProperties.Settings;
  const PhysicalResourceId = `isolation-cleanup:${s.createdBy}`;
  if (event.RequestType === 'Delete') {
    const done = await cleanUp(clients.ec2, s);
    console.log(JSON.stringify(done));
  }
  return { PhysicalResourceId };
}

export const handler = lambdaHandler(onEvent);
