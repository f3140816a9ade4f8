/**
 * Room for the Elastic IPs of the NAT gateways (network part): one per NAT gateway. The app's own
 * addresses (a deployed or half-deployed copy) are the ones it needs, not used quota.
 */
import { DescribeAddressesCommand } from '@aws-sdk/client-ec2';
import { isOwn, ownNote } from '../own';
import { DEFAULT_QUOTAS, quotaAction, readQuota } from '../quota';
import { PreflightCheck } from '../types';

export const elasticIps: PreflightCheck = {
  check: 'Elastic IPs',
  async run({ config, c }, out) {
    const quota = await readQuota(c.quotas, DEFAULT_QUOTAS.elasticIps);
    const addresses = (await c.ec2.send(new DescribeAddressesCommand({}))).Addresses ?? [];
    const inVpc = addresses.filter((a) => (a.Domain ?? 'vpc') === 'vpc');
    const allocated = inVpc.length;
    const own = inVpc.filter((a) => isOwn(config, a.Tags)).length;
    const needed = config.natGateways;
    const free = quota.value - (allocated - own);
    const found = `${allocated} allocated${ownNote(own)} of ${quota.value} (${quota.source}); the app allocates ${needed} (one per NAT gateway, natGateways=${needed})`;
    if (free < needed) {
      out.push({
        level: 'BLOCKER',
        check: 'Elastic IPs',
        found: `${found}: only ${Math.max(free, 0)} free`,
        action:
          `release ${needed - free} unused address(es) (aws ec2 describe-addresses --region ${config.region}; aws ec2 release-address --allocation-id <id>), ` +
          (needed > 1 ? 'or deploy the cheaper mode with -c natGateways=1, ' : '') +
          `or ${quotaAction(DEFAULT_QUOTAS.elasticIps, config.region)}`,
      });
    } else {
      out.push({ level: 'INFO', check: 'Elastic IPs', found: `${found}: ${free} free`, action: '' });
    }
  },
};
