/**
 * What a participant built beyond the text, as warnings with the reason it matters (never a
 * failure): another VPC besides the workshop's and the default one, and an instance in the default
 * VPC that accepts SSH from anywhere.
 */
import { DescribeInstancesCommand, DescribeSecurityGroupsCommand, DescribeVpcsCommand, IpPermission } from '@aws-sdk/client-ec2';
import { nameOf } from '../verify/observer';
import type { ParticipantFinder } from './finder';

const opensSshToWorld = (p: IpPermission) =>
  (p.IpProtocol === '-1' || (p.IpProtocol === 'tcp' && (p.FromPort ?? 0) <= 22 && (p.ToPort ?? 65535) >= 22)) &&
  ((p.IpRanges ?? []).some((r) => r.CidrIp === '0.0.0.0/0') || (p.Ipv6Ranges ?? []).some((r) => r.CidrIpv6 === '::/0'));

export async function findExtras(o: ParticipantFinder): Promise<string[]> {
  const warnings: string[] = [];
  const vpcs = (await o.c.ec2.send(new DescribeVpcsCommand({}))).Vpcs ?? [];
  const defaultVpc = vpcs.find((v) => v.IsDefault);
  for (const v of vpcs) {
    if (v.IsDefault || v.VpcId === o.vpcId || nameOf(v.Tags) === o.scope.names.vpc) continue;
    const name = nameOf(v.Tags) ?? '(no Name tag)';
    warnings.push(
      `another VPC ${name} (${v.VpcId}, ${v.CidrBlock}): the workshop builds one, ${o.scope.names.vpc}; what is in this one is not checked, and a NAT gateway in it costs by the hour`,
    );
  }
  if (!defaultVpc?.VpcId) return warnings;
  const inDefault = { Name: 'vpc-id', Values: [defaultVpc.VpcId] };
  const live = { Name: 'instance-state-name', Values: ['pending', 'running', 'stopping', 'stopped'] };
  const instances = ((await o.c.ec2.send(new DescribeInstancesCommand({ Filters: [inDefault, live] }))).Reservations ?? []).flatMap((r) => r.Instances ?? []);
  const groupIds = [...new Set(instances.flatMap((i) => (i.SecurityGroups ?? []).map((g) => g.GroupId ?? '')))].filter(Boolean);
  const groups = groupIds.length ? ((await o.c.ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: groupIds }))).SecurityGroups ?? []) : [];
  const open = new Set(groups.filter((g) => (g.IpPermissions ?? []).some(opensSshToWorld)).map((g) => g.GroupId));
  for (const i of instances) {
    const via = (i.SecurityGroups ?? []).filter((g) => open.has(g.GroupId)).map((g) => g.GroupName ?? g.GroupId);
    if (via.length === 0) continue;
    warnings.push(
      `instance ${nameOf(i.Tags) ?? i.InstanceId} in the default VPC accepts SSH (port 22) from anywhere through ${via.join(', ')}: the workshop reaches instances with Session Manager, and an open port 22 is scanned within minutes; remove the rule`,
    );
  }
  return warnings;
}
