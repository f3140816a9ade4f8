/**
 * Event handler (not a custom resource): the Security Hub custom action "Isolate instance".
 * EventBridge delivers "Security Hub Findings - Custom Action" with the selected findings; the demo
 * invokes the function with the same event, or with { release: [instance ids] }.
 *
 * For each EC2 instance in the findings (Resources[].Type AwsEc2Instance), in this order:
 * detached from its Auto Scaling group, if any (ShouldDecrementDesiredCapacity false: the group
 * launches a replacement, and does not terminate this one when it fails its health checks); its
 * security groups recorded per network interface (instance tags <groupsTagPrefix><eni-id>);
 * every interface moved to the VPC's isolation group (no inbound, no outbound rules; created if
 * missing); its EBS volumes snapshotted for forensics (tagged with the finding); tagged isolated.
 * Then each finding gets a note and workflow status NOTIFIED. The instance keeps running.
 * Idempotent: what is done already is left (no second snapshot for the same finding and volume).
 */
import { AutoScalingClient, DescribeAutoScalingInstancesCommand, DetachInstancesCommand } from '@aws-sdk/client-auto-scaling';
import { CreateSnapshotCommand, CreateTagsCommand, DescribeSnapshotsCommand, EC2Client, Tag } from '@aws-sdk/client-ec2';
import { BatchUpdateFindingsCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { clientConfig } from '../aws/clients';
import { call } from './custom-resource';
import { describeInstance, interfaces, isolationGroup, IsolationSettings, ownTags, release, Released, setGroups, tagOf } from './isolation';

/** The part of an ASFF finding the handler reads. */
export interface Finding {
  Id: string;
  ProductArn: string;
  Resources?: { Type?: string; Id?: string }[];
  Workflow?: { Status?: string };
  Note?: { Text?: string };
}

/** What EventBridge delivers for a Security Hub custom action (and what the demo sends). */
export interface CustomActionEvent {
  source?: string;
  'detail-type'?: string;
  resources?: string[];
  detail: { actionName?: string; actionDescription?: string; findings: Finding[] };
}

export interface ReleaseRequest {
  release: string[];
}

export interface IsolateClients {
  ec2: EC2Client;
  autoscaling: AutoScalingClient;
  securityhub: SecurityHubClient;
}

export interface IsolatedInstance {
  instanceId: string;
  findingId: string;
  /** Why nothing was done (instance unknown or terminated). */
  skipped?: string;
  isolationGroup?: string;
  snapshots?: string[];
  detachedFrom?: string;
  /** What this run changed; empty when everything was done already. */
  changed: string[];
}

export interface IsolateResult {
  isolated: IsolatedInstance[];
  /** Findings that got the note and NOTIFIED in this run. */
  noted: string[];
  released: Released[];
}

/** The instance id of an AwsEc2Instance resource: arn:aws:ec2:<region>:<account>:instance/i-… (or the bare id). */
export function instanceIdOf(resourceId: string): string | undefined {
  const id = resourceId.slice(resourceId.lastIndexOf('/') + 1);
  return /^i-[0-9a-f]+$/.test(id) ? id : undefined;
}

export function instancesOf(finding: Finding): string[] {
  const ids = (finding.Resources ?? []).filter((r) => r.Type === 'AwsEc2Instance' && r.Id).map((r) => instanceIdOf(r.Id!));
  return [...new Set(ids.filter((i): i is string => !!i))];
}

/** The finding id as a tag value (at most 256 characters). */
const findingTagValue = (findingId: string) => findingId.slice(-256);

async function detach(c: IsolateClients, s: IsolationSettings, instanceId: string, changed: string[]): Promise<string | undefined> {
  const out = await call('AutoScaling DescribeAutoScalingInstances', c.autoscaling.send(new DescribeAutoScalingInstancesCommand({ InstanceIds: [instanceId] })));
  const group = out.AutoScalingInstances?.[0]?.AutoScalingGroupName;
  if (!group) return undefined;
  await call(
    'AutoScaling DetachInstances',
    c.autoscaling.send(new DetachInstancesCommand({ AutoScalingGroupName: group, InstanceIds: [instanceId], ShouldDecrementDesiredCapacity: false })),
  );
  changed.push(`detached from Auto Scaling group ${group}`);
  // The group no longer owns it: the app's cleanup terminates it on destroy (lib/handlers/isolation-cleanup.ts).
  const tags = [{ Key: s.detachedTag, Value: group }, { Key: s.createdByTag, Value: s.createdBy }];
  await call('EC2 CreateTags', c.ec2.send(new CreateTagsCommand({ Resources: [instanceId], Tags: tags })));
  return group;
}

async function snapshot(c: IsolateClients, s: IsolationSettings, instanceId: string, volumeId: string, findingId: string, changed: string[]): Promise<string> {
  const value = findingTagValue(findingId);
  const found = await call(
    'EC2 DescribeSnapshots',
    c.ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'], Filters: [{ Name: 'volume-id', Values: [volumeId] }, { Name: `tag:${s.findingTag}`, Values: [value] }] })),
  );
  const existing = found.Snapshots?.[0]?.SnapshotId;
  if (existing) return existing;
  const tags: Tag[] = [{ Key: 'Name', Value: `forensics-${instanceId}-${volumeId}` }, { Key: s.findingTag, Value: value }, ...ownTags(s)];
  const out = await call(
    'EC2 CreateSnapshot',
    c.ec2.send(
      new CreateSnapshotCommand({
        VolumeId: volumeId,
        Description: `Forensics: ${volumeId} of ${instanceId}, isolated for finding ${findingId}`.slice(0, 255),
        TagSpecifications: [{ ResourceType: 'snapshot', Tags: tags }],
      }),
    ),
  );
  changed.push(`snapshot ${out.SnapshotId} of ${volumeId}`);
  return out.SnapshotId!;
}

/** Isolates one instance for one finding; what is done already is left as it is. */
export async function isolate(c: IsolateClients, s: IsolationSettings, instanceId: string, findingId: string): Promise<IsolatedInstance> {
  const changed: string[] = [];
  const instance = await describeInstance(c.ec2, instanceId);
  if (!instance) return { instanceId, findingId, skipped: 'not found or terminated', changed };
  const detachedFrom = await detach(c, s, instanceId, changed);
  const group = await isolationGroup(c.ec2, s, instance.VpcId!);
  const enis = interfaces(instance);
  const isolated = (groups: string[]) => groups.length === 1 && groups[0] === group;
  // Recorded before anything moves, and never over an earlier record (it would record the isolation group).
  const record = enis
    .filter((e) => !isolated(e.groups) && !tagOf(instance.Tags, `${s.groupsTagPrefix}${e.id}`))
    .map((e) => ({ Key: `${s.groupsTagPrefix}${e.id}`, Value: e.groups.join(',') }));
  if (record.length) {
    await call('EC2 CreateTags', c.ec2.send(new CreateTagsCommand({ Resources: [instanceId], Tags: record })));
    changed.push(`recorded the security groups of ${record.length} network interface(s)`);
  }
  for (const e of enis.filter((x) => !isolated(x.groups))) {
    await setGroups(c.ec2, e.id, [group]);
    changed.push(`${e.id}: ${e.groups.join(',')} -> ${group}`);
  }
  const snapshots: string[] = [];
  for (const m of instance.BlockDeviceMappings ?? []) {
    if (m.Ebs?.VolumeId) snapshots.push(await snapshot(c, s, instanceId, m.Ebs.VolumeId, findingId, changed));
  }
  // Nothing above writes this tag: the instance as first read says whether it is there.
  if (!tagOf(instance.Tags, s.isolatedTag)) {
    await call('EC2 CreateTags', c.ec2.send(new CreateTagsCommand({ Resources: [instanceId], Tags: [{ Key: s.isolatedTag, Value: new Date().toISOString() }] })));
    changed.push(`tagged ${s.isolatedTag}`);
  }
  return { instanceId, findingId, isolationGroup: group, snapshots, detachedFrom, changed };
}

/** The note a finding gets: stable for the same outcome, so a second run finds it there. */
export function noteText(s: IsolationSettings, done: IsolatedInstance[]): string {
  const parts = done.map((i) => (i.skipped ? `${i.instanceId} ${i.skipped}` : `${i.instanceId} isolated in ${i.isolationGroup}, snapshots ${i.snapshots!.join(' ') || 'none'}`));
  return `${s.createdBy}: ${parts.join('; ')}`.slice(0, 512);
}

async function note(c: IsolateClients, s: IsolationSettings, finding: Finding, text: string): Promise<boolean> {
  if (finding.Workflow?.Status === 'NOTIFIED' && finding.Note?.Text === text) return false;
  const out = await call(
    'SecurityHub BatchUpdateFindings',
    c.securityhub.send(
      new BatchUpdateFindingsCommand({
        FindingIdentifiers: [{ Id: finding.Id, ProductArn: finding.ProductArn }],
        Note: { Text: text, UpdatedBy: s.noteAuthor },
        Workflow: { Status: 'NOTIFIED' },
      }),
    ),
  );
  const failed = out.UnprocessedFindings?.[0];
  if (failed) throw new Error(`SecurityHub BatchUpdateFindings did not update ${finding.Id}: ${failed.ErrorCode}: ${failed.ErrorMessage}`);
  return true;
}

export function settingsFromEnv(env: Record<string, string | undefined> = process.env): IsolationSettings {
  if (!env.ISOLATION_SETTINGS) throw new Error('ISOLATION_SETTINGS is not set (the function environment of lib/parts/isolation)');
  return JSON.parse(env.ISOLATION_SETTINGS) as IsolationSettings;
}

export async function onEvent(event: CustomActionEvent | ReleaseRequest, c: IsolateClients, s: IsolationSettings): Promise<IsolateResult> {
  const result: IsolateResult = { isolated: [], noted: [], released: [] };
  if ('release' in event) {
    for (const id of event.release) result.released.push(await release(c.ec2, s, id));
    return result;
  }
  for (const finding of event.detail?.findings ?? []) {
    const done: IsolatedInstance[] = [];
    for (const id of instancesOf(finding)) done.push(await isolate(c, s, id, finding.Id));
    result.isolated.push(...done);
    if (done.length && (await note(c, s, finding, noteText(s, done)))) result.noted.push(finding.Id);
  }
  return result;
}

export async function handler(event: CustomActionEvent | ReleaseRequest): Promise<IsolateResult> {
  console.log(JSON.stringify(event));
  const config = clientConfig();
  const result = await onEvent(event, { ec2: new EC2Client(config), autoscaling: new AutoScalingClient(config), securityhub: new SecurityHubClient(config) }, settingsFromEnv());
  console.log(JSON.stringify(result));
  return result;
}
