/**
 * What the isolate-instance handler and the isolation-cleanup custom resource share: the settings
 * (names and tags, from lib/config/isolation.ts through the environment or ResourceProperties),
 * reading an instance, the isolation group of a VPC, and release (the recorded groups back).
 */
import {
  CreateSecurityGroupCommand,
  DeleteTagsCommand,
  DescribeInstancesCommand,
  DescribeSecurityGroupsCommand,
  EC2Client,
  Instance,
  ModifyNetworkInterfaceAttributeCommand,
  RevokeSecurityGroupEgressCommand,
  Tag,
} from '@aws-sdk/client-ec2';
import { call } from './custom-resource';

/** lib/config/isolation.ts IsolationSettingsValues, as the handlers receive it. */
export interface IsolationSettings {
  groupNamePrefix: string;
  isolatedTag: string;
  groupsTagPrefix: string;
  findingTag: string;
  detachedTag: string;
  createdByTag: string;
  createdBy: string;
  workshopTag: { key: string; value: string };
  noteAuthor: string;
}

/** The tags of what the app creates (isolation groups, snapshots): created-by and the workshop tag. */
export function ownTags(s: IsolationSettings): Tag[] {
  return [
    { Key: s.createdByTag, Value: s.createdBy },
    { Key: s.workshopTag.key, Value: s.workshopTag.value },
  ];
}

export function tagOf(tags: Tag[] | undefined, key: string): string | undefined {
  return tags?.find((t) => t.Key === key)?.Value;
}

/** The instance, or undefined when EC2 does not know it (or it is terminated). */
export async function describeInstance(ec2: EC2Client, instanceId: string): Promise<Instance | undefined> {
  try {
    const out = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }));
    const instance = out.Reservations?.[0]?.Instances?.[0];
    return instance?.State?.Name === 'terminated' ? undefined : instance;
  } catch (e) {
    if ((e as Error).name === 'InvalidInstanceID.NotFound' || (e as Error).name === 'InvalidInstanceID.Malformed') return undefined;
    throw new Error(`EC2 DescribeInstances failed: ${(e as Error).name}: ${(e as Error).message}`, { cause: e });
  }
}

/** The VPC's isolation group (created, its default egress rule removed, when missing): no inbound, no outbound. */
export async function isolationGroup(ec2: EC2Client, s: IsolationSettings, vpcId: string): Promise<string> {
  const name = `${s.groupNamePrefix}${vpcId}`;
  const found = await call(
    'EC2 DescribeSecurityGroups',
    ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }, { Name: 'group-name', Values: [name] }] })),
  );
  let group = found.SecurityGroups?.[0];
  if (!group) {
    const created = await call(
      'EC2 CreateSecurityGroup',
      ec2.send(
        new CreateSecurityGroupCommand({
          GroupName: name,
          VpcId: vpcId,
          Description: 'Isolation: no inbound, no outbound (Security Hub action Isolate instance)',
          TagSpecifications: [{ ResourceType: 'security-group', Tags: [{ Key: 'Name', Value: name }, ...ownTags(s)] }],
        }),
      ),
    );
    group = { GroupId: created.GroupId!, IpPermissionsEgress: undefined };
    // A new group allows all outbound traffic: read it back and revoke exactly that.
    const read = await call('EC2 DescribeSecurityGroups', ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [group.GroupId!] })));
    group = read.SecurityGroups?.[0] ?? group;
  }
  if (group.IpPermissionsEgress?.length) {
    await call('EC2 RevokeSecurityGroupEgress', ec2.send(new RevokeSecurityGroupEgressCommand({ GroupId: group.GroupId!, IpPermissions: group.IpPermissionsEgress })));
  }
  return group.GroupId!;
}

export async function setGroups(ec2: EC2Client, networkInterfaceId: string, groups: string[]): Promise<void> {
  await call('EC2 ModifyNetworkInterfaceAttribute', ec2.send(new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: networkInterfaceId, Groups: groups })));
}

/** The instance's interfaces, each with its security group ids. */
export function interfaces(instance: Instance): { id: string; groups: string[] }[] {
  return (instance.NetworkInterfaces ?? []).map((n) => ({ id: n.NetworkInterfaceId!, groups: (n.Groups ?? []).map((g) => g.GroupId!) }));
}

export interface Released {
  instanceId: string;
  /** Interface id -> the groups it has again. */
  restored: Record<string, string[]>;
}

/**
 * Puts back the security groups recorded on each interface (tags <groupsTagPrefix><eni>) and
 * removes those tags and the isolated tag. An instance that was never isolated: nothing changes.
 */
export async function release(ec2: EC2Client, s: IsolationSettings, instanceId: string): Promise<Released> {
  const instance = await describeInstance(ec2, instanceId);
  if (!instance) throw new Error(`Instance ${instanceId} not found (or terminated)`);
  const restored: Record<string, string[]> = {};
  for (const eni of interfaces(instance)) {
    const recorded = tagOf(instance.Tags, `${s.groupsTagPrefix}${eni.id}`);
    if (!recorded) continue;
    const groups = recorded.split(',').filter(Boolean);
    await setGroups(ec2, eni.id, groups);
    restored[eni.id] = groups;
  }
  const ours = (instance.Tags ?? []).filter((t) => t.Key === s.isolatedTag || t.Key?.startsWith(s.groupsTagPrefix));
  if (ours.length) {
    await call('EC2 DeleteTags', ec2.send(new DeleteTagsCommand({ Resources: [instanceId], Tags: ours.map((t) => ({ Key: t.Key })) })));
  }
  return { instanceId, restored };
}
