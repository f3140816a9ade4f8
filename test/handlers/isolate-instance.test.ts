import { ISOLATION_SETTINGS } from '../support/isolation-settings';
import { AutoScalingClient, CreateAutoScalingGroupCommand, DescribeAutoScalingGroupsCommand, DescribeAutoScalingInstancesCommand } from '@aws-sdk/client-auto-scaling';
import {
  CreateLaunchTemplateCommand,
  CreateNetworkInterfaceCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSnapshotsCommand,
  EC2Client,
  ModifyNetworkInterfaceAttributeCommand,
} from '@aws-sdk/client-ec2';
import { EnableSecurityHubCommand, GetFindingsCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { clientConfig } from '../../lib/aws/clients';
import { instanceIdOf, onEvent, settingsFromEnv } from '../../lib/handlers/isolate-instance';
import { cleanUp, onEvent as onCleanup, terminateDetached } from '../../lib/handlers/isolation-cleanup';
import { Emulator } from '../../scripts/emulator/emulator';
import { findingAbout, groupsByInterface, instanceWithTwoInterfaces, PRODUCT_ARN, readInstance } from './isolation-fixture';
import { ACCOUNT, cfnEvent, emulator } from './support';

jest.setTimeout(120_000);

const S = ISOLATION_SETTINGS;

let emu: Emulator;
let c: { ec2: EC2Client; autoscaling: AutoScalingClient; securityhub: SecurityHubClient };

beforeAll(async () => {
  emu = await emulator();
  const config = clientConfig({ env: emu.env });
  c = { ec2: new EC2Client(config), autoscaling: new AutoScalingClient(config), securityhub: new SecurityHubClient(config) };
  await c.securityhub.send(new EnableSecurityHubCommand({ EnableDefaultStandards: false }));
});
afterAll(() => emu?.stop());

const event = (findings: unknown[]) => ({ source: 'aws.securityhub', 'detail-type': 'Security Hub Findings - Custom Action', detail: { actionName: 'Isolate instance', findings } }) as never;
const current = async (id: string) => (await c.securityhub.send(new GetFindingsCommand({}))).Findings!.find((f) => f.Id === id)!;
const tagsOf = async (instanceId: string) => Object.fromEntries(((await readInstance(c.ec2, instanceId)).Tags ?? []).map((t) => [t.Key!, t.Value!]));
const snapshotsOf = async (findingId: string) =>
  (await c.ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'], Filters: [{ Name: 'tag:isolation-finding', Values: [findingId] }] }))).Snapshots ?? [];

test('the instance id of an AwsEc2Instance resource; settings come from ISOLATION_SETTINGS', () => {
  expect(instanceIdOf(`arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-0abc123`)).toBe('i-0abc123');
  expect(instanceIdOf('i-0abc123')).toBe('i-0abc123');
  expect(instanceIdOf('arn:aws:s3:::bucket')).toBeUndefined();
  expect(settingsFromEnv({ ISOLATION_SETTINGS: JSON.stringify(S) })).toEqual(S);
  expect(() => settingsFromEnv({})).toThrow('ISOLATION_SETTINGS is not set (the function environment of lib/parts/isolation)');
});

test('isolates every interface into the isolation group, snapshots the volumes, tags the instance and notes the finding; a second run changes nothing; release restores', async () => {
  const f = await instanceWithTwoInterfaces(c.ec2);
  const before = await groupsByInterface(c.ec2, f.instanceId);
  expect(Object.values(before)).toEqual([[f.groups[0]], [f.groups[1]]]);
  const finding = await findingAbout(c.securityhub, 'finding-isolate', [f.instanceId]);

  const first = await onEvent(event([finding]), c, S);
  const group = first.isolated[0].isolationGroup!;
  expect(first.noted).toEqual(['finding-isolate']);
  expect(await groupsByInterface(c.ec2, f.instanceId)).toEqual(Object.fromEntries(Object.keys(before).map((eni) => [eni, [group]])));
  const sg = (await c.ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [group] }))).SecurityGroups![0];
  expect({ name: sg.GroupName, vpc: sg.VpcId, in: sg.IpPermissions, out: sg.IpPermissionsEgress }).toEqual({ name: `isolation-${f.vpcId}`, vpc: f.vpcId, in: [], out: [] });
  expect(Object.fromEntries((sg.Tags ?? []).map((t) => [t.Key, t.Value]))).toMatchObject({ 'isolation-created-by': 'SecurityWorkshop', workshop: 'aws-security-logging-monitoring-ir' });

  const volumes = (await readInstance(c.ec2, f.instanceId)).BlockDeviceMappings!.map((m) => m.Ebs!.VolumeId).sort();
  const snaps = await snapshotsOf('finding-isolate');
  expect(snaps.map((s) => s.VolumeId).sort()).toEqual(volumes);
  expect(first.isolated[0].snapshots!.sort()).toEqual(snaps.map((s) => s.SnapshotId).sort());

  const tags = await tagsOf(f.instanceId);
  expect(tags.isolated).toMatch(/^\d{4}-\d\d-\d\dT/);
  expect(Object.fromEntries(Object.entries(tags).filter(([k]) => k.startsWith('isolation-groups:')))).toEqual(
    Object.fromEntries(Object.entries(before).map(([eni, g]) => [`isolation-groups:${eni}`, g.join(',')])),
  );
  expect((await readInstance(c.ec2, f.instanceId)).State!.Name).toBe('running');
  const noted = await current('finding-isolate');
  expect(noted.Workflow).toEqual({ Status: 'NOTIFIED' });
  expect(noted.Note).toMatchObject({
    Text: `SecurityWorkshop: ${f.instanceId} isolated in ${group}, snapshots ${first.isolated[0].snapshots!.join(' ')}`,
    UpdatedBy: 'SecurityWorkshop isolate-instance',
  });

  // Again, with the finding as Security Hub sends it now: nothing changes.
  const second = await onEvent(event([noted]), c, S);
  expect(second.isolated.map((i) => i.changed)).toEqual([[]]);
  expect(second.noted).toEqual([]);
  expect((await snapshotsOf('finding-isolate')).length).toBe(volumes.length);
  expect(await tagsOf(f.instanceId)).toEqual(tags);
  expect((await current('finding-isolate')).Note).toEqual(noted.Note);

  const released = await onEvent({ release: [f.instanceId] }, c, S);
  expect(released.released).toEqual([{ instanceId: f.instanceId, restored: before }]);
  expect(await groupsByInterface(c.ec2, f.instanceId)).toEqual(before);
  expect(Object.keys(await tagsOf(f.instanceId)).filter((k) => k === 'isolated' || k.startsWith('isolation-groups:'))).toEqual([]);
});

test('an instance in an Auto Scaling group is detached first (the group launches a replacement), and keeps running', async () => {
  const f = await instanceWithTwoInterfaces(c.ec2);
  await c.ec2.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: 'isolation-test', LaunchTemplateData: { ImageId: f.imageId, InstanceType: 't3.micro' } }));
  await c.autoscaling.send(
    new CreateAutoScalingGroupCommand({ AutoScalingGroupName: 'web', LaunchTemplate: { LaunchTemplateName: 'isolation-test' }, MinSize: 1, MaxSize: 2, DesiredCapacity: 1, VPCZoneIdentifier: f.subnetId }),
  );
  const inGroup = async () => ((await c.autoscaling.send(new DescribeAutoScalingInstancesCommand({}))).AutoScalingInstances ?? []).map((i) => i.InstanceId!);
  const [instanceId] = await inGroup();
  const finding = await findingAbout(c.securityhub, 'finding-asg', [instanceId]);

  const out = await onEvent(event([finding]), c, S);
  expect(out.isolated[0].detachedFrom).toBe('web');
  expect(out.isolated[0].changed[0]).toBe('detached from Auto Scaling group web');
  const now = await inGroup();
  expect(now).not.toContain(instanceId);
  expect(now).toHaveLength(1);
  expect((await c.autoscaling.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: ['web'] }))).AutoScalingGroups![0].DesiredCapacity).toBe(1);
  expect((await readInstance(c.ec2, instanceId)).State!.Name).toBe('running');
  expect(Object.values(await groupsByInterface(c.ec2, instanceId))).toEqual([[out.isolated[0].isolationGroup]]);
  // No group owns it now: tagged so that the cleanup terminates it on destroy (and only it: the replacement stays the group's).
  expect(await tagsOf(instanceId)).toMatchObject({ 'isolation-detached-from': 'web', 'isolation-created-by': 'SecurityWorkshop' });
  const [replacement] = now;
  const cleaned = await cleanUp(c.ec2, S);
  expect(cleaned.terminated).toEqual([instanceId]);
  expect((await readInstance(c.ec2, instanceId)).State!.Name).toBe('terminated');
  expect((await readInstance(c.ec2, replacement)).State!.Name).toBe('running');
  expect(await terminateDetached(c.ec2, S)).toEqual([]);
});

test('a finding without an instance is left alone; an unknown instance is named in the note', async () => {
  const s3Finding = { Id: 'finding-s3', ProductArn: PRODUCT_ARN, Resources: [{ Type: 'AwsS3Bucket', Id: 'arn:aws:s3:::bucket' }] };
  expect(await onEvent(event([s3Finding]), c, S)).toEqual({ isolated: [], noted: [], released: [] });
  const gone = await findingAbout(c.securityhub, 'finding-gone', ['i-0000000000000dead']);
  const out = await onEvent(event([gone]), c, S);
  expect(out.isolated).toEqual([{ instanceId: 'i-0000000000000dead', findingId: 'finding-gone', skipped: 'not found or terminated', changed: [] }]);
  expect((await current('finding-gone')).Note!.Text).toBe('SecurityWorkshop: i-0000000000000dead not found or terminated');
});

test('cleanup on Delete releases isolated instances, moves other interfaces out, deletes the isolation groups and the snapshots the app created; Create does nothing', async () => {
  const f = await instanceWithTwoInterfaces(c.ec2);
  const before = await groupsByInterface(c.ec2, f.instanceId);
  const done = await onEvent(event([await findingAbout(c.securityhub, 'finding-cleanup', [f.instanceId])]), c, S);
  // An interface put in the isolation group by hand has no recorded groups: it goes to the VPC's default group.
  const loose = (await c.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: f.subnetId, Groups: [f.groups[0]] }))).NetworkInterface!.NetworkInterfaceId!;
  await c.ec2.send(new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: loose, Groups: [done.isolated[0].isolationGroup!] }));
  const vpcDefault = (await c.ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [f.vpcId] }, { Name: 'group-name', Values: ['default'] }] })))
    .SecurityGroups![0].GroupId!;
  expect(await onCleanup(cfnEvent('Create', { Settings: S }), { ec2: c.ec2 })).toEqual({ PhysicalResourceId: 'isolation-cleanup:SecurityWorkshop' });
  expect((await snapshotsOf('finding-cleanup')).length).toBeGreaterThan(0);

  await onCleanup(cfnEvent('Delete', { Settings: S }, { PhysicalResourceId: 'isolation-cleanup:SecurityWorkshop' }), { ec2: c.ec2 });
  expect(await groupsByInterface(c.ec2, f.instanceId)).toEqual(before);
  const looseNow = (await c.ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [loose] }))).NetworkInterfaces![0];
  expect(looseNow.Groups!.map((g) => g.GroupId)).toEqual([vpcDefault]);
  const left = await c.ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'tag:isolation-created-by', Values: ['SecurityWorkshop'] }] }));
  expect(left.SecurityGroups).toEqual([]);
  const snaps = await c.ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'], Filters: [{ Name: 'tag:isolation-created-by', Values: ['SecurityWorkshop'] }] }));
  expect(snaps.Snapshots).toEqual([]);
  // Nothing left: a second Delete is done at once.
  await expect(onCleanup(cfnEvent('Delete', { Settings: S }), { ec2: c.ec2 })).resolves.toEqual({ PhysicalResourceId: 'isolation-cleanup:SecurityWorkshop' });
});
