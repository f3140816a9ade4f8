/**
 * Workshop part 1 "Launch an instance" (and part 2's Inspector targets): the webserver in the
 * default VPC with its group http-world opening exactly TCP 80 to the world, the Ubuntu and
 * Windows instances in Private-Subnet-a, and the default VPC's Name tag.
 */
import {
  DescribeInstancesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  Instance,
  IpPermission,
  SecurityGroup,
} from '@aws-sdk/client-ec2';
import { NO_NAME_TAG } from '../compare';
import { defaultSubnetLabel, UNSET, vpcDefaultSecurityGroupLabel } from '../labels';
import { nameOf, Observer } from '../observer';
import { resourceRows, Scope, VerifyPart } from '../part';
import { ExpectedRow } from '../types';

function expectedRows({ config, labels: L, names: n }: Scope): ExpectedRow[] {
  const instance = (name: string, type: string, subnet: string, sg: string, publicIp: boolean) =>
    resourceRows('instance', L.instance(name), [
      ['Name tag', name],
      ['instance type', type],
      ['subnet', subnet],
      ['security groups', sg],
      ['instance profile', n.ssmInstanceRole],
      ['IMDSv2 (HttpTokens)', 'required'],
      ['public IP', publicIp ? 'yes' : 'no'],
    ]);
  return [
    ...instance(n.webserver, config.instanceTypes.webserver, defaultSubnetLabel(config), n.webserverSecurityGroup, true),
    ...instance(n.ubuntuInstance, config.instanceTypes.ubuntu, n.privateSubnets[0].name, vpcDefaultSecurityGroupLabel(config), false),
    ...instance(n.windowsInstance, config.instanceTypes.windows, n.privateSubnets[0].name, vpcDefaultSecurityGroupLabel(config), false),
    ...resourceRows('securityGroup', securityGroupLabel(n.webserverSecurityGroup), [['inbound rules', 'tcp 80 from 0.0.0.0/0']]),
    ...resourceRows('defaultVpc', L.defaultVpc, [['Name tag', n.defaultVpc]]),
  ];
}

const securityGroupLabel = (name: string) => `Security group ${name}`;

/** Inbound rules as "tcp 80 from 0.0.0.0/0" (ports as a range when they differ; all = every protocol), sorted. */
export function describeRules(permissions: IpPermission[]): string {
  const rules = permissions.flatMap((p) => {
    const protocol = p.IpProtocol === '-1' ? 'all' : p.IpProtocol;
    const ports = p.IpProtocol === '-1' ? '' : p.FromPort === p.ToPort ? ` ${p.FromPort}` : ` ${p.FromPort}-${p.ToPort}`;
    const sources = [
      ...(p.IpRanges ?? []).map((r) => r.CidrIp),
      ...(p.Ipv6Ranges ?? []).map((r) => r.CidrIpv6),
      ...(p.PrefixListIds ?? []).map((r) => r.PrefixListId),
      ...(p.UserIdGroupPairs ?? []).map((r) => r.GroupId),
    ];
    return sources.map((source) => `${protocol}${ports} from ${source}`);
  });
  return rules.sort().join('; ') || 'none';
}

/** The webserver's security group (by name, or through the stack) and its inbound rules. */
async function observeWebserverGroup(o: Observer): Promise<void> {
  const name = o.scope.names.webserverSecurityGroup;
  const label = securityGroupLabel(name);
  await o.guard(label, async () => {
    const named = (await o.c.ec2.send(new DescribeSecurityGroupsCommand({ Filters: [...o.ownFilters(), { Name: 'group-name', Values: [name] }] }))).SecurityGroups ?? [];
    let group: SecurityGroup | undefined = named[0];
    let how = named.length > 1 ? `${named.length} with this name, first used` : '';
    if (!group) {
      const id = await o.physicalIdByNameTag('AWS::EC2::SecurityGroup', name);
      group = id ? (await o.c.ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [id] }))).SecurityGroups?.[0] : undefined;
      how = group ? 'found through its stack' : '';
    }
    o.exists(label, group, [group?.GroupId, how].filter(Boolean).join(', '));
    if (group) o.val(label, 'inbound rules', describeRules(group.IpPermissions ?? []));
  });
}

/** The default VPC's row; its default subnet in the first AZ (where the webserver launches). */
async function observeDefaultVpc(o: Observer): Promise<string | undefined> {
  const { labels: L, names: n } = o.scope;
  let defaultSubnetId: string | undefined;
  await o.guard(L.defaultVpc, async () => {
    const d = (await o.c.ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }))).Vpcs?.[0];
    o.exists(L.defaultVpc, d, d?.VpcId);
    if (!d?.VpcId) return;
    o.ids.set(d.VpcId, n.defaultVpc);
    o.val(L.defaultVpc, 'Name tag', nameOf(d.Tags) ?? NO_NAME_TAG);
    const filters = [
      { Name: 'vpc-id', Values: [d.VpcId] },
      { Name: 'default-for-az', Values: ['true'] },
      { Name: 'availability-zone', Values: [o.config.availabilityZones[0]] },
    ];
    defaultSubnetId = (await o.c.ec2.send(new DescribeSubnetsCommand({ Filters: filters }))).Subnets?.[0]?.SubnetId;
  });
  return defaultSubnetId;
}

async function observeInstances(o: Observer, defaultSubnetId: string | undefined): Promise<void> {
  const { config, labels: L, names: n } = o.scope;
  const vpcDefaultSg = o.vpcId
    ? (await o.c.ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [o.vpcId] }, { Name: 'group-name', Values: ['default'] }] }))).SecurityGroups?.[0]
        ?.GroupId
    : undefined;
  const instanceNames = [n.webserver, n.ubuntuInstance, n.windowsInstance];
  const live = { Name: 'instance-state-name', Values: ['pending', 'running', 'stopping', 'stopped'] };
  const instances: Instance[] = (
    (await o.c.ec2.send(new DescribeInstancesCommand({ Filters: [...o.ownFilters(), { Name: 'tag:Name', Values: instanceNames }, live] }))).Reservations ?? []
  ).flatMap((r) => r.Instances ?? []);
  for (const name of instanceNames) {
    const label = L.instance(name);
    await o.guard(label, async () => {
      let { item, how } = await o.locate(instances, (i) => i.InstanceId, (i) => i.Tags, name, async () => undefined);
      if (!item) {
        const id = await o.physicalIdByNameTag('AWS::EC2::Instance', name);
        if (id) {
          item = (await o.c.ec2.send(new DescribeInstancesCommand({ InstanceIds: [id], Filters: [live] }))).Reservations?.[0]?.Instances?.[0];
          how = 'found through its stack';
        }
      }
      o.exists(label, item, [item?.InstanceId, how].filter(Boolean).join(', '));
      if (!item) return;
      o.val(label, 'Name tag', nameOf(item.Tags) ?? NO_NAME_TAG);
      o.val(label, 'instance type', item.InstanceType);
      const subnet = item.SubnetId && item.SubnetId === defaultSubnetId ? defaultSubnetLabel(config) : (o.ids.get(item.SubnetId ?? '') ?? item.SubnetId ?? UNSET);
      o.val(label, 'subnet', subnet);
      const groups = (item.SecurityGroups ?? []).map((g) => (g.GroupId === vpcDefaultSg ? vpcDefaultSecurityGroupLabel(config) : (g.GroupName ?? g.GroupId)));
      o.val(label, 'security groups', groups.sort().join(', ') || 'none');
      o.val(label, 'instance profile', item.IamInstanceProfile?.Arn?.split('/').pop() ?? 'none');
      if (item.MetadataOptions?.HttpTokens) o.val(label, 'IMDSv2 (HttpTokens)', item.MetadataOptions.HttpTokens);
      else o.set(label, 'IMDSv2 (HttpTokens)', { notRecorded: 'DescribeInstances returned no MetadataOptions.HttpTokens' });
      o.val(label, 'public IP', item.PublicIpAddress ? 'yes' : 'no', item.PublicIpAddress);
    });
  }
}

export const computePart: VerifyPart = {
  part: 'compute',
  expectedRows,
  async observe(o) {
    await observeInstances(o, await observeDefaultVpc(o));
    await observeWebserverGroup(o);
  },
};
