/** Room for a NAT gateway in each AZ that gets one (network part); the app's own NAT gateways are not used quota. */
import { DescribeNatGatewaysCommand, DescribeSubnetsCommand } from '@aws-sdk/client-ec2';
import { isOwn } from '../own';
import { DEFAULT_QUOTAS, quotaAction, readQuota } from '../quota';
import { PreflightCheck } from '../types';

export const natGateways: PreflightCheck = {
  check: 'NAT gateways',
  async run({ config, c }, out) {
    const quota = await readQuota(c.quotas, DEFAULT_QUOTAS.natPerAz);
    const nats = ((await c.ec2.send(new DescribeNatGatewaysCommand({}))).NatGateways ?? []).filter(
      (n) => n.State === 'pending' || n.State === 'available',
    );
    const subnetIds = [...new Set(nats.map((n) => n.SubnetId!).filter(Boolean))];
    const azOfSubnet = new Map<string, string>();
    if (subnetIds.length > 0) {
      const subnets = (await c.ec2.send(new DescribeSubnetsCommand({ SubnetIds: subnetIds }))).Subnets ?? [];
      for (const s of subnets) azOfSubnet.set(s.SubnetId!, s.AvailabilityZone!);
    }
    const neededAzs = config.availabilityZones.slice(0, config.natGateways);
    const full: string[] = [];
    const counts = neededAzs.map((az) => {
      const inAz = nats.filter((g) => azOfSubnet.get(g.SubnetId!) === az);
      const own = inAz.filter((g) => isOwn(config, g.Tags)).length;
      if (inAz.length - own + 1 > quota.value) full.push(az);
      return `${az}: ${inAz.length}${own > 0 ? ` (${own} the app's own)` : ''}`;
    });
    const found = `NAT gateways per AZ ${counts.join(', ')} of ${quota.value} (${quota.source}); the app adds 1 in each of ${neededAzs.join(', ')}`;
    if (full.length > 0) {
      out.push({
        level: 'BLOCKER',
        check: 'NAT gateways',
        found: `${found}: no room in ${full.join(', ')}`,
        action: `delete unused NAT gateways there (aws ec2 describe-nat-gateways --region ${config.region}) or ${quotaAction(DEFAULT_QUOTAS.natPerAz, config.region)}`,
      });
    } else {
      out.push({ level: 'INFO', check: 'NAT gateways', found, action: '' });
    }
  },
};
