/** EC2 resources of the network and compute parts by the workshop tags: EC2 Describe* sees what the Tagging API misses. */
import {
  DescribeAddressesCommand,
  DescribeFlowLogsCommand,
  DescribeInstancesCommand,
  DescribeInternetGatewaysCommand,
  DescribeNatGatewaysCommand,
  DescribeNetworkAclsCommand,
  DescribeNetworkInterfacesCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVolumesCommand,
  DescribeVpcsCommand,
  EC2Client,
  Filter,
} from '@aws-sdk/client-ec2';
import { LeftoverCheck, nameOf } from '../scan';

type Found = { id: string; name?: string; detail: string };

/** Kind -> how to list that kind's resources carrying the filters' tags. */
const EC2_LISTS: [string, (ec2: EC2Client, f: Filter[]) => Promise<Found[]>][] = [
  ['EC2 instance', async (ec2, f) =>
    ((await ec2.send(new DescribeInstancesCommand({ Filters: [...f, { Name: 'instance-state-name', Values: ['pending', 'running', 'shutting-down', 'stopping', 'stopped'] }] }))).Reservations ?? [])
      .flatMap((r) => r.Instances ?? [])
      .map((i) => ({ id: i.InstanceId!, name: nameOf(i.Tags), detail: i.State?.Name ?? '' }))],
  ['VPC', async (ec2, f) => ((await ec2.send(new DescribeVpcsCommand({ Filters: f }))).Vpcs ?? []).map((v) => ({ id: v.VpcId!, name: nameOf(v.Tags), detail: v.CidrBlock ?? '' }))],
  ['subnet', async (ec2, f) => ((await ec2.send(new DescribeSubnetsCommand({ Filters: f }))).Subnets ?? []).map((s) => ({ id: s.SubnetId!, name: nameOf(s.Tags), detail: s.CidrBlock ?? '' }))],
  ['security group', async (ec2, f) => ((await ec2.send(new DescribeSecurityGroupsCommand({ Filters: f }))).SecurityGroups ?? []).map((g) => ({ id: g.GroupId!, name: nameOf(g.Tags), detail: g.GroupName ?? '' }))],
  ['NAT gateway', async (ec2, f) =>
    ((await ec2.send(new DescribeNatGatewaysCommand({ Filter: [...f, { Name: 'state', Values: ['pending', 'available', 'deleting', 'failed'] }] }))).NatGateways ?? [])
      .map((n) => ({ id: n.NatGatewayId!, name: nameOf(n.Tags), detail: n.State ?? '' }))],
  ['Elastic IP', async (ec2, f) => ((await ec2.send(new DescribeAddressesCommand({ Filters: f }))).Addresses ?? []).map((a) => ({ id: a.AllocationId ?? a.PublicIp!, name: nameOf(a.Tags), detail: `${a.PublicIp} (billed while allocated)` }))],
  ['internet gateway', async (ec2, f) => ((await ec2.send(new DescribeInternetGatewaysCommand({ Filters: f }))).InternetGateways ?? []).map((g) => ({ id: g.InternetGatewayId!, name: nameOf(g.Tags), detail: '' }))],
  ['route table', async (ec2, f) => ((await ec2.send(new DescribeRouteTablesCommand({ Filters: f }))).RouteTables ?? []).map((t) => ({ id: t.RouteTableId!, name: nameOf(t.Tags), detail: '' }))],
  // The auto-block part's ACL of the public subnets (its DENY entries go with it).
  ['network ACL', async (ec2, f) => ((await ec2.send(new DescribeNetworkAclsCommand({ Filters: f }))).NetworkAcls ?? []).map((a) => ({ id: a.NetworkAclId!, name: nameOf(a.Tags), detail: `${(a.Entries ?? []).length} entries` }))],
  ['flow log', async (ec2, f) => ((await ec2.send(new DescribeFlowLogsCommand({ Filter: f }))).FlowLogs ?? []).map((l) => ({ id: l.FlowLogId!, name: nameOf(l.Tags), detail: l.LogDestination ?? l.LogGroupName ?? '' }))],
  ['EBS volume', async (ec2, f) => ((await ec2.send(new DescribeVolumesCommand({ Filters: f }))).Volumes ?? []).map((v) => ({ id: v.VolumeId!, name: nameOf(v.Tags), detail: `${v.Size} GiB ${v.State}` }))],
  ['network interface', async (ec2, f) => ((await ec2.send(new DescribeNetworkInterfacesCommand({ Filters: f }))).NetworkInterfaces ?? []).map((n) => ({ id: n.NetworkInterfaceId!, name: nameOf(n.TagSet), detail: n.Status ?? '' }))],
];

export const taggedEc2: LeftoverCheck = {
  name: 'EC2 Describe* by tag',
  async run(s) {
    const filters: Filter[] = s.tagFilters.map((t) => ({ Name: `tag:${t.Key}`, Values: t.Values }));
    for (const [kind, list] of EC2_LISTS) {
      await s.attempt(`EC2 ${kind}s by tag`, async () => {
        for (const r of await list(s.c.ec2, filters)) {
          s.add({ kind: `tagged ${kind}`, id: r.id, name: r.name, via: 'EC2 Describe* with the workshop tags', detail: r.detail.trim(), action: 'delete it (carries the workshop tag)' });
        }
      });
    }
  },
};
