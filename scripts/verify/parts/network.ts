/**
 * Workshop part 1, "Create a VPC": the VPC, its six subnets, the public and the private route
 * tables, the internet gateway and the NAT gateways (one per private subnet's AZ, or one).
 */
import { DescribeAddressesCommand, DescribeInternetGatewaysCommand, DescribeNatGatewaysCommand, DescribeRouteTablesCommand, DescribeSubnetsCommand, DescribeVpcAttributeCommand, DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { NO_NAME_TAG } from '../compare';
import { UNSET } from '../labels';
import { nameOf, Observer } from '../observer';
import { resourceRows, Scope, VerifyPart } from '../part';
import { ExpectedRow } from '../types';

function expectedRows({ config, labels: L, names: n }: Scope): ExpectedRow[] {
  const subnets = [...n.publicSubnets.map((s) => ({ s, pub: true })), ...n.privateSubnets.map((s) => ({ s, pub: false }))];
  return [
    ...resourceRows('vpc', L.vpc, [
      ['Name tag', n.vpc],
      ['CIDR', config.vpcCidr],
      ['DNS hostnames', true],
      ['DNS support', true],
      ['NAT gateways in VPC', config.natGateways],
    ]),
    ...subnets.flatMap(({ s, pub }) =>
      resourceRows('subnet', L.subnet(s.name), [
        ['Name tag', s.name],
        ['CIDR', s.cidr],
        ['AZ', s.availabilityZone],
        ['VPC', n.vpc],
        ['MapPublicIpOnLaunch', pub],
      ]),
    ),
    ...resourceRows('routeTable', L.routeTable(n.publicRouteTable), [
      ['Name tag', n.publicRouteTable],
      ['VPC', n.vpc],
      ['associated subnets', n.publicSubnets.map((s) => s.name).join(', ')],
      ['route 0.0.0.0/0', n.internetGateway],
    ]),
    ...n.privateRouteTables.flatMap((rt, i) =>
      resourceRows('routeTable', L.routeTable(rt), [
        ['Name tag', rt],
        ['VPC', n.vpc],
        ['associated subnets', n.privateSubnets[i].name],
        // Workshop mode: the NAT gateway of the same AZ; natGateways=1: the only one.
        ['route 0.0.0.0/0', n.natGateways[n.natGatewayOfPrivateSubnet[i]]],
      ]),
    ),
    ...resourceRows('internetGateway', L.internetGateway, [
      ['Name tag', n.internetGateway],
      ['attached to', n.vpc],
    ]),
    ...n.natGateways.flatMap((nat, i) =>
      resourceRows('natGateway', L.natGateway(nat), [
        ['Name tag', nat],
        ['subnet', n.publicSubnets[i].name],
        ['state', 'available'],
        ['Elastic IP', 'own'],
      ]),
    ),
  ];
}

async function observeVpc(o: Observer): Promise<void> {
  const { labels: L, names: n } = o.scope;
  await o.guard(L.vpc, async () => {
    const vpcs = (await o.c.ec2.send(new DescribeVpcsCommand({ Filters: o.ownFilters() }))).Vpcs ?? [];
    let { item, how } = await o.locate(vpcs, (v) => v.VpcId, (v) => v.Tags, n.vpc, () => o.physicalIdByNameTag('AWS::EC2::VPC', n.vpc));
    if (!item) {
      const id = await o.physicalIdByNameTag('AWS::EC2::VPC', n.vpc);
      if (id) {
        item = (await o.c.ec2.send(new DescribeVpcsCommand({ VpcIds: [id] }))).Vpcs?.[0];
        how = 'found through its stack (no workshop tags)';
      }
    }
    o.exists(L.vpc, item, how);
    if (!item?.VpcId) return;
    const vpcId = item.VpcId;
    o.vpcId = vpcId;
    o.ids.set(vpcId, n.vpc);
    o.val(L.vpc, 'Name tag', nameOf(item.Tags) ?? NO_NAME_TAG);
    o.val(L.vpc, 'CIDR', item.CidrBlock, item.VpcId);
    const hostnames = await o.c.ec2.send(new DescribeVpcAttributeCommand({ VpcId: vpcId, Attribute: 'enableDnsHostnames' }));
    const support = await o.c.ec2.send(new DescribeVpcAttributeCommand({ VpcId: vpcId, Attribute: 'enableDnsSupport' }));
    o.val(L.vpc, 'DNS hostnames', hostnames.EnableDnsHostnames?.Value ?? UNSET);
    o.val(L.vpc, 'DNS support', support.EnableDnsSupport?.Value ?? UNSET);
  });
}

async function observeSubnets(o: Observer): Promise<void> {
  const { labels: L, names: n } = o.scope;
  const subnets = (await o.c.ec2.send(new DescribeSubnetsCommand({ Filters: o.inVpc() }))).Subnets ?? [];
  for (const spec of [...n.publicSubnets, ...n.privateSubnets]) {
    const label = L.subnet(spec.name);
    await o.guard(label, async () => {
      const { item, how } = await o.locate(subnets, (s) => s.SubnetId, (s) => s.Tags, spec.name, () => o.physicalIdByNameTag('AWS::EC2::Subnet', spec.name));
      o.exists(label, item, how);
      if (!item?.SubnetId) return;
      o.ids.set(item.SubnetId, spec.name);
      o.val(label, 'Name tag', nameOf(item.Tags) ?? NO_NAME_TAG);
      o.val(label, 'CIDR', item.CidrBlock, item.SubnetId);
      o.val(label, 'AZ', item.AvailabilityZone);
      o.val(label, 'VPC', o.ids.get(item.VpcId ?? '') ?? item.VpcId);
      if (item.MapPublicIpOnLaunch === undefined) o.set(label, 'MapPublicIpOnLaunch', { notRecorded: 'DescribeSubnets returned no MapPublicIpOnLaunch' });
      else o.val(label, 'MapPublicIpOnLaunch', item.MapPublicIpOnLaunch);
    });
  }
}

/** Internet gateway and NAT gateways (before the route tables: routes name them). */
async function observeGateways(o: Observer): Promise<void> {
  const { labels: L, names: n } = o.scope;
  await o.guard(L.internetGateway, async () => {
    const igws = (await o.c.ec2.send(new DescribeInternetGatewaysCommand({}))).InternetGateways ?? [];
    const { item, how } = await o.locate(igws, (g) => g.InternetGatewayId, (g) => g.Tags, n.internetGateway, () =>
      o.physicalIdByNameTag('AWS::EC2::InternetGateway', n.internetGateway),
    );
    o.exists(L.internetGateway, item, how);
    if (!item?.InternetGatewayId) return;
    o.ids.set(item.InternetGatewayId, n.internetGateway);
    o.val(L.internetGateway, 'Name tag', nameOf(item.Tags) ?? NO_NAME_TAG, item.InternetGatewayId);
    const attached = (item.Attachments ?? []).filter((a) => ['available', 'attached'].includes(String(a.State))); // AWS answers "available"
    o.val(L.internetGateway, 'attached to', attached.map((a) => o.ids.get(a.VpcId ?? '') ?? a.VpcId).join(', ') || 'nothing');
  });

  const nats = ((await o.c.ec2.send(new DescribeNatGatewaysCommand({ Filter: o.inVpc() }))).NatGateways ?? []).filter(
    (g) => g.State !== 'deleted' && g.State !== 'deleting',
  );
  const addresses = (await o.c.ec2.send(new DescribeAddressesCommand({}))).Addresses ?? [];
  o.val(L.vpc, 'NAT gateways in VPC', nats.length, nats.map((g) => g.NatGatewayId).join(', '));
  const allocationUse = new Map<string, number>();
  for (const g of nats) for (const a of g.NatGatewayAddresses ?? []) if (a.AllocationId) allocationUse.set(a.AllocationId, (allocationUse.get(a.AllocationId) ?? 0) + 1);
  for (const name of n.natGateways) {
    const label = L.natGateway(name);
    await o.guard(label, async () => {
      const { item, how } = await o.locate(nats, (g) => g.NatGatewayId, (g) => g.Tags, name, () => o.physicalIdByNameTag('AWS::EC2::NatGateway', name));
      o.exists(label, item, how);
      if (!item?.NatGatewayId) return;
      o.ids.set(item.NatGatewayId, name);
      o.val(label, 'Name tag', nameOf(item.Tags) ?? NO_NAME_TAG, item.NatGatewayId);
      o.val(label, 'subnet', o.ids.get(item.SubnetId ?? '') ?? item.SubnetId);
      o.val(label, 'state', item.State);
      const allocation = item.NatGatewayAddresses?.find((a) => a.AllocationId)?.AllocationId;
      const eip = addresses.find((a) => a.AllocationId === allocation);
      const eipState = !allocation ? 'none' : !eip ? 'allocation not found' : (allocationUse.get(allocation) ?? 0) > 1 ? 'shared' : 'own';
      o.val(label, 'Elastic IP', eipState, [allocation, eip?.PublicIp].filter(Boolean).join(' '));
    });
  }
}

async function observeRouteTables(o: Observer): Promise<void> {
  const { labels: L, names: n } = o.scope;
  const routeTables = (await o.c.ec2.send(new DescribeRouteTablesCommand({ Filters: o.inVpc() }))).RouteTables ?? [];
  for (const name of [n.publicRouteTable, ...n.privateRouteTables]) {
    const label = L.routeTable(name);
    await o.guard(label, async () => {
      const { item, how } = await o.locate(routeTables, (r) => r.RouteTableId, (r) => r.Tags, name, () => o.physicalIdByNameTag('AWS::EC2::RouteTable', name));
      o.exists(label, item, how);
      if (!item) return;
      o.val(label, 'Name tag', nameOf(item.Tags) ?? NO_NAME_TAG, item.RouteTableId);
      o.val(label, 'VPC', o.ids.get(item.VpcId ?? '') ?? item.VpcId);
      const assoc = (item.Associations ?? [])
        .filter((a) => a.SubnetId && (a.AssociationState?.State ?? 'associated') === 'associated')
        .map((a) => o.ids.get(a.SubnetId!) ?? a.SubnetId!)
        .sort();
      o.val(label, 'associated subnets', assoc.join(', ') || 'none');
      const route = (item.Routes ?? []).find((r) => r.DestinationCidrBlock === '0.0.0.0/0');
      const targetId = route?.GatewayId ?? route?.NatGatewayId ?? route?.InstanceId ?? route?.NetworkInterfaceId ?? route?.TransitGatewayId;
      o.val(label, 'route 0.0.0.0/0', route ? (o.ids.get(targetId ?? '') ?? targetId ?? 'no target') : 'none', route?.State && route.State !== 'active' ? route.State : undefined);
    });
  }
}

export const networkPart: VerifyPart = {
  part: 'network',
  expectedRows,
  async observe(o) {
    await observeVpc(o);
    await observeSubnets(o);
    await observeGateways(o);
    await observeRouteTables(o);
  },
};
