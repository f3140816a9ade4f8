/**
 * Day 2, respond: what the custom action "Isolate instance" made, which the stack's cleanup
 * deletes on destroy: the isolation groups (instances still in one are isolated) and the forensic
 * snapshots, both tagged <createdByTag> = <stack>. Checked whatever the settings (a destroy may
 * be run without -c day2=true). Listed before the tag scans, so they come with their own advice.
 */
import { DescribeNetworkInterfacesCommand, DescribeSecurityGroupsCommand, DescribeSnapshotsCommand } from '@aws-sdk/client-ec2';
import { isolationSettings } from '../../../lib/config/isolation';
import { LeftoverCheck } from '../scan';

export const isolationLeftovers: LeftoverCheck = {
  name: 'isolation groups and forensic snapshots',
  run: (s) =>
    s.attempt('EC2 isolation groups and snapshots', async () => {
      const { createdByTag, createdBy } = isolationSettings(s.config);
      const ours = [{ Name: `tag:${createdByTag}`, Values: [createdBy] }];
      const groups = (await s.c.ec2.send(new DescribeSecurityGroupsCommand({ Filters: ours }))).SecurityGroups ?? [];
      for (const g of groups) {
        const enis = (await s.c.ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'group-id', Values: [g.GroupId!] }] }))).NetworkInterfaces ?? [];
        const instances = [...new Set(enis.map((n) => n.Attachment?.InstanceId).filter(Boolean))];
        s.add({
          kind: 'isolation security group',
          id: g.GroupId!,
          name: g.GroupName,
          via: `EC2 DescribeSecurityGroups tag ${createdByTag}=${createdBy}`,
          detail: instances.length ? `isolates ${instances.join(', ')}` : `in ${g.VpcId}, unused`,
          action: instances.length
            ? `npm run demo -- release <instance id> for each, then: aws ec2 delete-security-group --group-id ${g.GroupId} --region ${s.region}`
            : `aws ec2 delete-security-group --group-id ${g.GroupId} --region ${s.region}`,
        });
      }
      const snapshots = (await s.c.ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'], Filters: ours }))).Snapshots ?? [];
      for (const snap of snapshots) {
        s.add({
          kind: 'forensic EBS snapshot',
          id: snap.SnapshotId!,
          via: `EC2 DescribeSnapshots tag ${createdByTag}=${createdBy}`,
          detail: `of ${snap.VolumeId}, ${snap.VolumeSize} GiB (billed while kept)`,
          action: `keep it if the investigation needs it, else: aws ec2 delete-snapshot --snapshot-id ${snap.SnapshotId} --region ${s.region}`,
        });
      }
    }),
};
